/**
 * Regression (found by the fault soak): when Publer accepted a bulk request but reading the job status then
 * failed, every item got the job-status request's error ("... instead of JSON ... Check the Base URL and try
 * again"), which does not say the posts were sent: a user who tries again posts everything twice. The items
 * now say that Publer accepted the posts, name the job, and say to check before sending again.
 */
import { startSandbox, type Sandbox } from '../../sandbox';
import { runPublerNode, shutdownN8nCore } from '../harness';

describe('Post → Create: a failure while waiting for an accepted job', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		sb = await startSandbox({ rateLimit: false, jobWorkingPolls: 0 });
	});
	afterAll(async () => {
		await sb.close();
		shutdownN8nCore();
	});

	it.each([
		['malformed JSON', { kind: 'malformedJson' as const }],
		['HTML pages past the retries', { kind: 'html' as const, status: 502, count: 4 }],
	])('%s on GET /job_status: the items say the posts were accepted and name the job', async (_name, fault) => {
		sb.reset();
		const tw = sb.accountFor('twitter').id;
		const t0 = Date.now() + 3_600_000;
		sb.injectFault({ method: 'GET', path: /^\/job_status\//, ...fault });
		const result = await runPublerNode({
			credentials: { apiKey: sb.apiKey, baseUrl: sb.baseUrl },
			items: [0, 1].map((i) => ({ text: `Wait failure ${i}`, at: new Date(t0 + i * 600_000).toISOString() })),
			onError: 'continueErrorOutput',
			parameters: {
				resource: 'post',
				operation: 'create',
				workspace: { __rl: true, mode: 'id', value: sb.workspaceId },
				mode: 'schedule',
				accounts: tw,
				text: '={{ $json.text }}',
				scheduledAt: '={{ $json.at }}',
				options: { pollInterval: 0 },
			},
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(0);
		expect(result.errorItems).toHaveLength(2);
		const jobId = String(sb.jobs()[0].id);
		for (const [i, item] of result.errorItems.entries()) {
			expect(item.pairedItem).toEqual({ item: i });
			expect(item.json.error).toMatch(new RegExp(`^Publer accepted the 2 posts \\(job ${jobId}\\), but waiting for the job failed: Publer answered (200|502) with`));
			expect((item.error as { description?: string }).description).toContain(`Check the job with Job → Get (job ID ${jobId})`);
		}
		// the posts exist once: the message is right to say so
		expect(sb.posts(sb.workspaceId).filter((p) => String(p.text).startsWith('Wait failure'))).toHaveLength(2);
	});
});
