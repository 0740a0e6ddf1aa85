/**
 * Regression (found by the fault soak): when Publer accepted a bulk request but reading the job status then
 * failed, every item got the job-status request's error ("... instead of JSON ... Check the Base URL and try
 * again"), which does not say the posts were sent: a user who tries again posts everything twice. Now a
 * temporary failure of a status read only costs that poll (the wait goes on), and a failure that ends the wait
 * says that Publer accepted the posts, names the job, and says to check before sending again.
 */
import { startSandbox, type Sandbox } from '../../../sandbox';
import { runPublerNode, shutdownN8nCore } from '../../support';

describe('Post → Create: a failure while waiting for an accepted job', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		sb = await startSandbox({ rateLimit: false, jobWorkingPolls: 0 });
	});
	afterAll(async () => {
		await sb.close();
		shutdownN8nCore();
	});

	const run = () =>
		runPublerNode({
			credentials: { apiKey: sb.apiKey, baseUrl: sb.baseUrl },
			items: [0, 1].map((i) => ({ text: `Wait failure ${i}`, at: new Date(Date.now() + 3_600_000 + i * 600_000).toISOString() })),
			onError: 'continueErrorOutput',
			parameters: {
				resource: 'post',
				operation: 'create',
				workspace: { __rl: true, mode: 'id', value: sb.workspaceId },
				mode: 'schedule',
				accounts: sb.accountFor('twitter').id,
				text: '={{ $json.text }}',
				scheduledAt: '={{ $json.at }}',
				options: { pollInterval: 0 },
			},
		});

	it.each([
		['malformed JSON', { kind: 'malformedJson' as const }],
		['HTML pages past the retries', { kind: 'html' as const, status: 502, count: 4 }],
	])('%s on GET /job_status: the wait goes on and the items succeed', async (_name, fault) => {
		sb.reset();
		sb.injectFault({ method: 'GET', path: /^\/job_status\//, ...fault });
		const result = await run();
		expect(result.error).toBeUndefined();
		expect(result.errorItems).toHaveLength(0);
		expect(result.items.map((i) => [i.json.success, i.pairedItem])).toEqual([
			[true, { item: 0 }],
			[true, { item: 1 }],
		]);
		expect(sb.requests({ method: 'GET', path: /^\/job_status\// }).length).toBeGreaterThan(1);
		expect(sb.posts(sb.workspaceId).filter((p) => String(p.text).startsWith('Wait failure'))).toHaveLength(2);
	});

	it('a failure that ends the wait says the posts were accepted and names the job', async () => {
		sb.reset();
		sb.injectFault({ method: 'GET', path: /^\/job_status\//, kind: 'status', status: 403 });
		const result = await run();
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(0);
		expect(result.errorItems).toHaveLength(2);
		const jobId = String(sb.jobs()[0].id);
		for (const [i, item] of result.errorItems.entries()) {
			expect(item.pairedItem).toEqual({ item: i });
			expect(item.json.error).toMatch(new RegExp(`^Publer accepted the 2 posts \\(job ${jobId}\\), but waiting for the job failed: Publer refused access`));
			expect((item.error as { description?: string }).description).toContain(`Check the job with Job → Get (job ID ${jobId})`);
		}
		// the posts exist once: the message is right to say so
		expect(sb.posts(sb.workspaceId).filter((p) => String(p.text).startsWith('Wait failure'))).toHaveLength(2);
	});
});
