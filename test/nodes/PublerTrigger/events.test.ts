import type { INodeParameters } from 'n8n-workflow';

import { shutdownN8nCore } from '../../support';
import { startSandbox, type Sandbox } from '../../../sandbox';
import { api, counts, fakeDateOnly, poller, rng } from '../../support/trigger';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const T0 = '2025-06-01T12:00:00Z';

describe('Publer Trigger: engagement, jobs, baseline, manual mode, errors', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		fakeDateOnly();
		sb = await startSandbox({ rateLimit: false, jobWorkingPolls: 1, jobDurationMs: 3_600_000, now: T0, seed: { historyPosts: 10_000 } });
	});
	afterAll(async () => {
		await sb.close();
		jest.useRealTimers();
		shutdownN8nCore();
	});
	beforeEach(() => {
		sb.setRateLimit(false);
		sb.clearFaults();
	});

	it('Engagement Threshold Reached fires once per post while values move around the threshold', async () => {
		const random = rng(7);
		const now = sb.clock.now().getTime();
		const inWindow = sb
			.posts(sb.workspaceId)
			.filter((p) => String(p.state).startsWith('published') && Date.parse(p.scheduled_at) > now - 6 * DAY);
		expect(inWindow.length).toBeGreaterThan(15);
		for (const p of inWindow) sb.setPostMetrics(p.id, { likes: 10 });
		// 30 posts move around the threshold (the rest of the window stays below it): enough for every post to cross
		// it several times, while each poll reads a few pages instead of hundreds of posts.
		const moving = inWindow.slice(0, 30);
		const movingIds = new Set(moving.map((p) => p.id));
		const preFired = moving.slice(0, 3);
		for (const p of preFired) sb.setPostMetrics(p.id, { likes: 500 }); // above at activation: baseline
		const trigger = poller(sb, { event: 'engagementThreshold', metric: 'likes', threshold: 100, lookbackDays: 7 });
		expect(await trigger.poll()).toEqual([]);

		const everAbove = new Set<string>();
		for (let round = 0; round < 25; round++) {
			sb.clock.advance(MIN + Math.floor(random() * 30 * MIN));
			for (const p of moving) {
				if (random() < 0.3) sb.setPostMetrics(p.id, { likes: random() < 0.5 ? 99 + Math.floor(random() * 3) : Math.floor(random() * 200) });
			}
			// what the poll can see: posts at or above the threshold now
			const limit = sb.clock.now().getTime() - 7 * DAY;
			for (const p of sb.posts(sb.workspaceId)) {
				if (movingIds.has(p.id) && (p.metrics?.likes ?? 0) >= 100 && Date.parse(p.scheduled_at) >= limit - DAY) {
					everAbove.add(p.id);
				}
			}
			if (random() < 0.2) trigger.restart();
			await trigger.poll();
		}
		const fired = counts(trigger.emitted);
		for (const p of preFired) expect(fired.has(p.id)).toBe(false);
		for (const p of preFired) everAbove.delete(p.id);
		expect([...fired.keys()].sort()).toEqual([...everAbove].sort());
		expect([...fired.values()].every((n) => n === 1)).toBe(true);
		const item = trigger.emitted[0];
		expect(item).toMatchObject({ event: 'engagementThreshold', metric: 'likes', threshold: 100 });
		expect(item.value as number).toBeGreaterThanOrEqual(100);
		for (const key of ['postId', 'accountId', 'accountName', 'network', 'text', 'link', 'scheduledAt']) expect(item[key]).toBeTruthy();
		const maxRequests = Math.max(...trigger.requests);
		console.log(`engagement: ${fired.size} posts fired, max requests per poll ${maxRequests}, static data ${trigger.size()} bytes`);
		expect(trigger.size()).toBeLessThan(3_000);
	});

	it('Job Completed emits each named job once when it finishes; Post Failed reports job failures', async () => {
		const fb = sb.accountFor('facebook');
		const at = (ms: number) => new Date(sb.clock.now().getTime() + ms).toISOString();
		const submit = async (scheduledAt: string) =>
			String(
				(
					await api(sb, 'POST', '/posts/schedule', {
						bulk: { state: 'scheduled', posts: [{ networks: { facebook: { type: 'status', text: `Job test ${scheduledAt}` } }, accounts: [{ id: fb.id, scheduled_at: scheduledAt }] }] },
					})
				).job_id,
			);
		const finishedBefore = await submit(at(3 * DAY));
		sb.clock.advance(2 * HOUR);
		await api(sb, 'GET', `/job_status/${finishedBefore}`); // complete before activation
		const good = await submit(at(2 * DAY));
		const bad = await submit(at(-DAY)); // in the past: a per-account failure
		const bad2 = await submit(at(-2 * DAY));

		const jobs = poller(sb, { event: 'jobCompleted', jobIds: `${good}, ${bad}, ${finishedBefore}` });
		const jobFailures = poller(sb, { event: 'postFailed', options: { jobIds: `${bad2}` } });
		expect(await jobs.poll()).toEqual([]); // baseline: finishedBefore recorded, the others still working
		expect(await jobFailures.poll()).toEqual([]);
		sb.clock.advance(2 * HOUR);
		const done = await jobs.poll();
		expect(done.map((i) => i.jobId).sort()).toEqual([good, bad].sort());
		const outcome = Object.fromEntries(done.map((i) => [i.jobId, i]));
		expect(outcome[good]).toMatchObject({ event: 'jobCompleted', status: 'complete', success: true, failureCount: 0 });
		expect(outcome[bad]).toMatchObject({ status: 'complete', success: false, failed: true, failureCount: 1 });
		jobs.restart();
		expect(await jobs.poll()).toEqual([]);
		expect(jobs.requests[jobs.requests.length - 1]).toBe(0); // all finished: no request at all

		const failures = await jobFailures.poll();
		expect(failures).toHaveLength(1);
		expect(failures[0]).toMatchObject({ event: 'postFailed', source: 'job', jobId: bad2, accountId: fb.id, network: 'facebook' });
		expect(String(failures[0].failureReason)).toMatch(/past|future|minute/i);
		expect(await jobFailures.poll()).toEqual([]);
	});

	it('Include Existing emits current matches on activation; manual mode returns the latest match and changes no state', async () => {
		const recent = sb.posts(sb.workspaceId).filter((p) => p.state === 'published_posted').sort((a, b) => Date.parse(b.scheduled_at) - Date.parse(a.scheduled_at))[0];
		sb.setPostState(recent.id, 'failed', { error: 'Token expired' });
		const include = poller(sb, { event: 'postFailed', options: { includeExisting: true, lateWindowHours: 168 } });
		const first = await include.poll();
		expect(first.map((i) => i.postId)).toContain(recent.id);
		expect(await include.poll()).toEqual([]);

		const before = JSON.stringify(include.live);
		const sample = await include.poll('manual');
		expect(sample).toHaveLength(1);
		expect(sample[0]).toMatchObject({ event: 'postFailed', state: 'failed' });
		expect(JSON.stringify(include.live)).toBe(before);

		const fresh = poller(sb, { event: 'engagementThreshold', metric: 'reach', threshold: 1, lookbackDays: 30 });
		const test = await fresh.poll('manual');
		expect(test).toHaveLength(1);
		expect(test[0]).toMatchObject({ event: 'engagementThreshold', metric: 'reach' });
		expect(fresh.live['node:Publer Trigger'] ?? {}).toEqual({}); // n8n creates the empty slot when it is read
	});

	it('requests per poll at 10 accounts and 10,000 historic posts, and the static data size', async () => {
		const ten = sb.accounts().filter((a) => !a.needs_reauth).slice(0, 10).map((a) => a.id);
		const report: string[] = [];
		const cases: Array<[string, INodeParameters]> = [
			['postPublished', { event: 'postPublished', filters: { accountIds: ten } }],
			['postFailed', { event: 'postFailed', filters: { accountIds: ten } }],
			['postEnteredState', { event: 'postEnteredState', states: ['scheduled_pending', 'scheduled_reauth'], filters: { accountIds: ten } }],
			['engagementThreshold', { event: 'engagementThreshold', metric: 'reach', threshold: 1_000_000, lookbackDays: 7, filters: { accountIds: ten } }],
			['postPublished+networks', { event: 'postPublished', filters: { networks: ['facebook', 'instagram', 'twitter', 'linkedin'] } }],
		];
		for (const [name, parameters] of cases) {
			const p = poller(sb, parameters);
			await p.poll();
			sb.clock.advance(MIN);
			await p.poll();
			report.push(`${name}: baseline ${p.requests[0]} req, idle poll ${p.requests[1]} req, ${p.size()} bytes`);
			expect(p.requests[1]).toBeLessThanOrEqual(2);
			expect(p.size()).toBeLessThan(2_000);
		}
		console.log(`10,000 historic posts, 10 accounts:\n${report.join('\n')}`);
	});

	it('a spent rate limit ends the poll early, keeps the cursor, and the next poll catches up', async () => {
		const trigger = poller(sb, { event: 'postPublished' });
		await trigger.poll();
		const start = sb.clock.now().getTime();
		const posts = sb.posts(sb.workspaceId).filter((p) => p.state === 'published_posted').slice(0, 60);
		posts.forEach((p, i) => sb.setPostState(p.id, 'scheduled', { scheduled_at: new Date(start + (i + 1) * MIN).toISOString() }));
		sb.clock.advance(2 * HOUR);
		sb.setRateLimit({ limit: 2, windowSeconds: 120 });
		const partial = await trigger.poll();
		expect(partial.length).toBeGreaterThan(0);
		expect(partial.length).toBeLessThan(60);
		expect(sb.requests().slice(-1)[0].status).toBe(429);
		sb.setRateLimit(false);
		await trigger.poll();
		const seen = counts(trigger.emitted);
		expect(seen.size).toBe(60);
		expect([...seen.values()].every((n) => n === 1)).toBe(true);
	});

	it('a revoked key or a missing scope fails activation clearly; a server error later keeps the cursor', async () => {
		const revoked = poller(sb, { event: 'postPublished' }, sb.keys.revoked);
		await expect(revoked.poll()).rejects.toMatchObject({
			message: expect.stringMatching(/did not accept the API key/),
			description: expect.stringMatching(/not activated/),
		});
		const noScope = poller(sb, { event: 'engagementThreshold', metric: 'likes', threshold: 10, lookbackDays: 7 }, sb.keys.noAnalytics);
		await expect(noScope.poll()).rejects.toMatchObject({
			message: expect.stringMatching(/refused access/),
			description: expect.stringMatching(/"analytics" scope/),
		});
		expect(revoked.live['node:Publer Trigger'] ?? {}).toEqual({});

		const trigger = poller(sb, { event: 'postPublished' });
		await trigger.poll();
		const before = JSON.stringify(trigger.live);
		sb.clock.advance(5 * MIN);
		sb.injectFault({ method: 'GET', path: '/posts', kind: 'status', status: 503, count: 4 });
		const error = await trigger.poll().catch((e: Error) => e);
		expect(error).toBeInstanceOf(Error);
		expect((error as Error).constructor.name).toBe('NodeApiError');
		expect((error as Error).message).toMatch(/server error \(503\)/);
		expect((error as { description?: string }).description).toMatch(/stays active/);
		expect(JSON.stringify(trigger.live)).toBe(before);
		expect(await trigger.poll()).toEqual([]);
	}, 60_000);

	it('bad settings fail before any request', async () => {
		sb.clearRequests();
		await expect(poller(sb, { event: 'jobCompleted', jobIds: 'abc/../x' }).poll()).rejects.toThrow(/not a Publer job ID/);
		await expect(poller(sb, { event: 'postEnteredState', states: [] }).poll()).rejects.toThrow(/No state chosen/);
		await expect(poller(sb, { event: 'engagementThreshold', metric: 'impressions', threshold: 1, lookbackDays: 7 }).poll()).rejects.toThrow(/not a metric/);
		expect(sb.requests()).toHaveLength(0);
	});
});
