/**
 * Issue 12 items 1–2 and issue 14 (pipelining), through n8n-core's engine against the sandbox, on a simulated
 * clock (the node's sleeps advance the sandbox clock): a lost answer is never resent, the run stops at the first
 * failed request without Continue On Fail and names every accepted job, and request groups are pipelined.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startSandbox, type Sandbox, type SandboxOptions } from '../../../../../../sandbox';
import { runPublerNode, shutdownN8nCore } from '../../../../../support';
import { fakeDateOnly } from '../../../../../support/trigger';
import { followSandbox, simulated } from './simulatedClock';

jest.mock('n8n-workflow', () => jest.requireActual('./simulatedClock').mockN8nWorkflow());

const MINUTE = 60_000;
const T0 = '2026-03-02T08:00:00Z';

describe('Post → Create submission: double-post guard, stop on failure, pipelining (simulated clock)', () => {
	let sb: Sandbox;
	const open: Sandbox[] = [];
	async function sandbox(options: SandboxOptions = {}) {
		sb = await startSandbox({ rateLimit: false, now: T0, jobWorkingPolls: 1000, jobDurationMs: 0, maxLoggedRequests: 100_000, ...options });
		open.push(sb);
		followSandbox(sb);
		return sb;
	}
	beforeAll(() => fakeDateOnly());
	afterEach(async () => {
		while (open.length) await open.pop()!.close();
	});
	afterAll(() => {
		jest.useRealTimers();
		shutdownN8nCore();
	});

	const submits = () => sb.requests({ method: 'POST', path: /^\/posts\/schedule/ });
	const items = (n: number, tag: string) => {
		const rotation = ['twitter', 'mastodon', 'bluesky', 'threads'].map((p) => sb.accountFor(p).id);
		const t0 = sb.clock.now().getTime() + 2 * 60 * MINUTE;
		return Array.from({ length: n }, (_, i) => ({ account: rotation[i % 4], text: `${tag} ${i}`, when: new Date(t0 + i * 10 * MINUTE).toISOString() }));
	};
	const run = (list: IDataObject[], options: IDataObject = {}, onError: 'continueErrorOutput' | 'stopWorkflow' = 'continueErrorOutput') =>
		runPublerNode({
			credentials: { apiKey: sb.apiKey, baseUrl: sb.baseUrl },
			items: list,
			onError,
			parameters: {
				resource: 'post',
				operation: 'create',
				workspace: { __rl: true, mode: 'id', value: sb.workspaceId },
				mode: 'schedule',
				accounts: '={{ $json.account }}',
				text: '={{ $json.text }}',
				scheduledAt: '={{ $json.when }}',
				options: options as INodeParameters,
			},
		});
	const copies = (text: unknown) => sb.posts(sb.workspaceId).filter((p) => p.text === text).length;

	describe('12.1 the double-post guard never resends a request that may have reached Publer', () => {
		it('regression: a 500-post job Publer takes 2 minutes to process, answer dropped after processing → sent once, every item found', async () => {
			await sandbox({ jobDurationMs: 2 * MINUTE, postsPerPage: 100 });
			sb.injectFault({ method: 'POST', path: '/posts/schedule', kind: 'dropAfter' });
			const list = items(500, 'slow job');
			const result = await run(list);
			expect(result.error).toBeUndefined();
			expect(submits()).toHaveLength(1); // before the fix: 2 (resent after 60 s)
			expect(result.errorItems).toHaveLength(0);
			expect(result.items).toHaveLength(500);
			expect(result.items.every((i) => i.json.status === 'existing' && (i.json.postIds as string[]).length === 1)).toBe(true);
			for (const item of list) expect(copies(item.text)).toBe(1);
		});

		it('a job slower than Wait Timeout: never resent; each item says the outcome is unknown, with the request, its items and how to check', async () => {
			await sandbox({ jobDurationMs: 20 * MINUTE });
			sb.injectFault({ method: 'POST', path: '/posts/schedule', kind: 'dropAfter' });
			const list = items(3, 'slower');
			const started = sb.clock.now().getTime();
			const result = await run(list, { waitTimeout: 300 });
			expect(submits()).toHaveLength(1);
			expect(result.items).toHaveLength(0);
			expect(result.errorItems.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
			for (const out of result.errorItems) {
				expect(out.json.error).toMatch(/^Outcome unknown: the answer to request 1 \(items 0–2\) was lost \(Could not reach Publer \(ECONNRESET\)/);
				expect((out.error as Error & { description?: string }).description).toMatch(/looked for the request's posts for 300 s and found 0 of 3\. Nothing was sent again.*Post → Get Many/);
			}
			// it looked until Wait Timeout, not 60 s
			expect(sb.clock.now().getTime() - started).toBeGreaterThanOrEqual(300_000);
			sb.clock.advance(20 * MINUTE);
			for (const item of list) expect(copies(item.text)).toBe(1);
		});

		it('a connection refused (provably never sent) is a plain failure, not an unknown outcome', async () => {
			await sandbox();
			const list = items(2, 'refused');
			// The port of a closed server: ECONNREFUSED on every attempt. The transport retries (not sent: safe), then fails.
			const closed = await startSandbox({ rateLimit: false });
			const baseUrl = closed.baseUrl;
			await closed.close();
			const result = await runPublerNode({
				credentials: { apiKey: sb.apiKey, baseUrl },
				items: list,
				onError: 'continueErrorOutput',
				parameters: { resource: 'post', operation: 'create', workspace: { __rl: true, mode: 'id', value: sb.workspaceId }, mode: 'idea', text: '={{ $json.text }}' },
			});
			expect(result.errorItems).toHaveLength(2);
			expect(result.errorItems[0].json.error).toMatch(/ECONNREFUSED/);
			expect(result.errorItems[0].json.error).not.toMatch(/Outcome unknown/);
		});
	});

	describe('12.2 without Continue On Fail the run stops at the first failed request and names the accepted jobs', () => {
		it('regression: request 2 of 3 refused → request 3 is never sent; the error names job 1 and its items', async () => {
			await sandbox({ jobDurationMs: 0, jobWorkingPolls: 0 });
			const list = items(1200, 'stop');
			// Faults are consumed in order: the 1st submit passes (a 0 ms latency), the 2nd is refused.
			sb.injectFault({ method: 'POST', path: '/posts/schedule', kind: 'latency', latencyMs: 0 });
			sb.injectFault({ method: 'POST', path: '/posts/schedule', kind: 'status', status: 400 });
			const result = await run(list, { pollInterval: 0 }, 'stopWorkflow');
			expect(submits().map((r) => r.status)).toEqual([200, 400]); // before the fix: [200, 400, 200]
			const error = result.error as Error & { description?: string; context?: { publer?: IDataObject } };
			const jobId = sb.jobs()[0].id;
			expect(error.message).toMatch(/^Publer rejected the request as invalid/);
			expect(error.message).toContain(`stopped after request 2 of 3. Publer accepted 1 request: job ${jobId} (items 0–499: all created). not sent: items 1000–1199`);
			expect(error.description).toMatch(/Nothing was sent after the failed request.*leave their items out/);
			expect(error.context?.publer?.acceptedJobs).toEqual([{ jobId, items: '0–499', posts: 500 }]);
			expect(sb.posts(sb.workspaceId).filter((p) => String(p.text).startsWith('stop '))).toHaveLength(500);
		});

		it('a lost answer stops the run too: nothing sent after it; the error names the accepted job and the lost request', async () => {
			await sandbox({ jobDurationMs: 0, jobWorkingPolls: 0 });
			const list = items(1200, 'lost');
			sb.injectFault({ method: 'POST', path: '/posts/schedule', kind: 'latency', latencyMs: 0 });
			sb.injectFault({ method: 'POST', path: '/posts/schedule', kind: 'dropBefore' });
			const result = await run(list, { pollInterval: 0, waitTimeout: 30 }, 'stopWorkflow');
			const log = submits();
			expect(log.map((r) => r.status)).toEqual([200, 0]);
			const error = result.error as Error;
			expect(error.message).toMatch(/^Outcome unknown: the answer to request 2 \(items 500–999\) was lost/);
			expect(error.message).toContain(`Publer accepted 1 request: job ${sb.jobs()[0].id} (items 0–499: all created). request 2 (items 500–999): answer lost, 0 of 500 posts found. not sent: items 1000–1199`);
		});

		it('with Continue On Fail every request is sent and each item gets its own result', async () => {
			await sandbox({ jobDurationMs: 0, jobWorkingPolls: 0 });
			const list = items(1200, 'cof');
			sb.injectFault({ method: 'POST', path: '/posts/schedule', kind: 'status', status: 400 });
			const result = await run(list, { pollInterval: 0 });
			expect(submits().map((r) => r.status)).toEqual([400, 200, 200]);
			expect(result.errorItems).toHaveLength(500);
			expect(result.items).toHaveLength(700);
			expect(result.items.map((i) => (i.pairedItem as { item: number }).item)).toEqual(list.slice(500).map((_, i) => i + 500));
		});
	});

	describe('14 pipelined submission', () => {
		it('sends every group back to back, then polls each job once: 1 + 2 per 500 posts, first poll 250 ms after the submit', async () => {
			await sandbox({ jobDurationMs: 200, jobWorkingPolls: 1000 });
			const list = items(2500, 'pipe');
			const sleepsBefore = simulated.sleptMs;
			const result = await run(list); // default Poll Interval (1 s)
			expect(result.errorItems).toHaveLength(0);
			expect(result.items).toHaveLength(2500);
			const log = sb.requests();
			expect(log.map((r) => `${r.method} ${r.path.replace(/[0-9a-f]{24}/, ':id')}`)).toEqual([
				'GET /accounts',
				...Array(5).fill('POST /posts/schedule'),
				...Array(5).fill('GET /job_status/:id'),
			]);
			// one 250 ms wait in all (the jobs were sent back to back; before: 5 waits of 1 s, one per group)
			expect(simulated.sleptMs - sleepsBefore).toBeLessThanOrEqual(250);
			expect(result.items.map((i) => (i.pairedItem as { item: number }).item)).toEqual(list.map((_, i) => i));
		});

		it('a short rate budget: sends what fits, finishes the jobs in flight, waits for the reset, never meets a 429', async () => {
			await sandbox({ jobDurationMs: 0, jobWorkingPolls: 0, rateLimit: { limit: 100, windowSeconds: 120 }, rateLimitClock: 'sandbox' });
			// Another client of the same user spent 93 of the 100 requests of this window.
			for (let i = 0; i < 93; i++) await fetch(`${sb.baseUrl}/users/me`, { headers: { Authorization: `Bearer-API ${sb.apiKey}` } });
			sb.clearRequests();
			const list = items(3000, 'budget');
			const result = await run(list);
			expect(result.errorItems).toHaveLength(0);
			const log = sb.requests();
			expect(log.filter((r) => r.status === 429)).toHaveLength(0);
			expect(log).toHaveLength(13);
			// 7 left: accounts, then 2 groups (+ their polls) and room for no third → wait for the reset
			const firstAfterReset = log.findIndex((r) => Date.parse(r.at) >= Date.parse(log[0].at) + 100_000);
			expect(firstAfterReset).toBeGreaterThan(0);
			expect(log.slice(0, firstAfterReset).filter((r) => r.method === 'POST').length).toBeLessThanOrEqual(3);
			for (const item of list.filter((_, i) => i % 97 === 0)) expect(copies(item.text)).toBe(1);
		});
	});
});
