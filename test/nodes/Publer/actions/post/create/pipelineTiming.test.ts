import { startSandbox, type Sandbox } from '../../../../../../sandbox';
import { runPublerNode, shutdownN8nCore } from '../../../../../support';

const MINUTE = 60_000;

/** The node's waits (n8n-workflow's sleep), really waited and counted. */
const slept = { count: 0, ms: 0 };
jest.mock('n8n-workflow', () => {
	const actual = jest.requireActual('n8n-workflow');
	return {
		...actual,
		sleep: async (ms: number) => {
			slept.count++;
			slept.ms += ms;
			await actual.sleep(ms);
		},
	};
});

/**
 * Issue 14 on the real clock: 10,000 items, Schedule with waiting, default Poll Interval (1 s), Publer's rate
 * limit on (100 per 2 minutes). The groups go out back to back and the jobs are waited for together: 41 requests,
 * and the time from the first submit to the last poll is a few hundred ms, not a 1 s sleep per group.
 */
describe('Post → Create pipelined, real clock', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		sb = await startSandbox({ rateLimit: { limit: 100, windowSeconds: 120 }, jobWorkingPolls: 0, logBodies: false });
	});
	afterAll(async () => {
		await sb.close();
		shutdownN8nCore();
	});

	it('10,000 items with waiting: 41 requests, every submit before the first poll, no per-group sleep', async () => {
		const rotation = ['twitter', 'mastodon', 'bluesky', 'threads'].map((p) => sb.accountFor(p).id);
		const t0 = Math.ceil((Date.now() + 60 * MINUTE) / 1000) * 1000;
		const items = Array.from({ length: 10_000 }, (_, i) => ({ account: rotation[i % 4], text: `Timed post ${i}`, when: new Date(t0 + i * 10 * MINUTE).toISOString() }));
		const started = process.hrtime.bigint();
		const cpu = process.cpuUsage();
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
			},
		});
		const ms = Number(process.hrtime.bigint() - started) / 1e6;
		const used = process.cpuUsage(cpu);
		const cpuMs = Math.round((used.user + used.system) / 1000);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(10_000);
		const log = sb.requests();
		console.log(`10,000 items, default options, real clock: ${Math.round(ms)} ms wall, ${cpuMs} ms CPU (node + in-process sandbox), ${slept.count} sleeps totalling ${slept.ms} ms, ${log.length} requests`);
		// one wait for the first poll (250 ms), not one Poll Interval per group
		expect(slept.ms).toBeLessThanOrEqual(1000);
		expect(log).toHaveLength(41);
		expect(log.findIndex((r) => r.path.startsWith('/job_status'))).toBe(21);
		expect(log.filter((r) => r.status === 429)).toHaveLength(0);
	}, 300_000);
});
