import { startSandbox, type Sandbox } from '../../../../../../sandbox';
import { runPublerNode, shutdownN8nCore } from '../../../../../support';

const MINUTE = 60_000;

/** How long the node itself takes for 10,000 items (sandbox rate limit off, jobs done at the first poll). */
describe('Post → Create at scale', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		sb = await startSandbox({ rateLimit: false, jobWorkingPolls: 0, logBodies: false });
	});
	afterAll(async () => {
		await sb.close();
		shutdownN8nCore();
	});

	it('schedules 10,000 items in 20 bulk requests and reports the wall time', async () => {
		const rotation = ['twitter', 'mastodon', 'bluesky', 'threads'].map((p) => sb.accountFor(p).id);
		const t0 = Math.ceil((Date.now() + 60 * MINUTE) / 1000) * 1000;
		const items = Array.from({ length: 10_000 }, (_, i) => ({
			account: rotation[i % 4],
			text: `Scale post ${i}`,
			when: new Date(t0 + i * 10 * MINUTE).toISOString(),
		}));
		const started = process.hrtime.bigint();
		const result = await runPublerNode({
			credentials: { apiKey: sb.apiKey, baseUrl: sb.baseUrl },
			items,
			parameters: {
				resource: 'post',
				operation: 'create',
				workspace: { __rl: true, mode: 'id', value: sb.workspaceId },
				mode: 'schedule',
				accounts: '={{ $json.account }}',
				text: '={{ $json.text }}',
				scheduledAt: '={{ $json.when }}',
				options: { pollInterval: 0 },
			},
		});
		const ms = Number(process.hrtime.bigint() - started) / 1e6;
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(10_000);
		const log = sb.requests();
		console.log(`10,000 items: ${Math.round(ms)} ms wall time (node + in-process sandbox), ${log.length} requests`);
		expect(log.filter((r) => r.method === 'POST')).toHaveLength(20);
		expect(log).toHaveLength(41);
	}, 300_000);
});
