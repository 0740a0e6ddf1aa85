/**
 * Regression tests for issue 12, items 3–5: each failed on the trigger before the fix.
 * Failing seeds found by the model-based tests (model.test.ts) are kept there, next to the model.
 */
import { shutdownN8nCore } from '../../support';
import { startSandbox, type Sandbox } from '../../../sandbox';
import { api, counts, fakeDateOnly, poller } from '../../support/trigger';

const MIN = 60_000;
const HOUR = 60 * MIN;
const T0 = '2025-06-01T12:00:00Z';
/** The documented bound (README, "Publer Trigger"): requests one poll may send. */
const MAX_REQUESTS_PER_POLL = 10;

describe('Publer Trigger regressions (issue 12)', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		fakeDateOnly();
		sb = await startSandbox({ rateLimit: false, jobWorkingPolls: 0, jobDurationMs: 3_600_000, now: T0, seed: { historyPosts: 3_000 } });
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
	const history = (from: number, n: number) =>
		sb
			.posts(sb.workspaceId)
			.filter((p) => p.state === 'published_posted' && p.account_id)
			.sort((a, b) => (a.id < b.id ? -1 : 1))
			.slice(from, from + n);

	it('#3 Draft (Any) emits a dated draft once, and forgets it once its date leaves the window', async () => {
		const trigger = poller(sb, { event: 'postEnteredState', states: ['draft'] });
		expect(await trigger.poll()).toEqual([]);
		const [dated, undated] = history(0, 2);
		const now = sb.clock.now().getTime();
		sb.setPostState(dated.id, 'draft_dated', { scheduled_at: new Date(now + HOUR).toISOString() });
		sb.setPostState(undated.id, 'draft_undated', { scheduled_at: null });
		sb.clock.advance(MIN);
		const items = await trigger.poll();
		expect([...counts(items).entries()].sort()).toEqual([[dated.id, 1], [undated.id, 1]].sort());
		expect(items.find((i) => i.postId === dated.id)).toMatchObject({ enteredState: 'draft', state: 'draft_dated' });
		expect(items.find((i) => i.postId === undated.id)).toMatchObject({ enteredState: 'draft', state: 'draft_undated' });
		// Two days later the dated draft's time has left the window: the cursor no longer holds it.
		for (let i = 0; i < 4; i++) {
			sb.clock.advance(12 * HOUR);
			expect(await trigger.poll()).toEqual([]);
		}
		expect(JSON.stringify(trigger.live)).not.toContain(dated.id);
		expect(JSON.stringify(trigger.live)).toContain(undated.id);
	});

	it('#5 2,500 posts published in the window: each emitted once, at most 10 requests per poll, the watermark moves', async () => {
		const trigger = poller(sb, { event: 'postPublished' });
		expect(await trigger.poll()).toEqual([]);
		const posts = history(10, 2_500);
		const now = sb.clock.now().getTime();
		posts.forEach((p, i) => sb.setPostState(p.id, 'published_posted', { scheduled_at: new Date(now - (i % 90) * MIN).toISOString() }));
		sb.clock.advance(MIN);
		const started = performance.now();
		for (let i = 0; i < 25; i++) {
			await trigger.poll();
			sb.clock.advance(MIN);
		}
		const perPollMs = (performance.now() - started) / 25;
		const emitted = counts(trigger.emitted);
		expect(emitted.size).toBe(2_500);
		expect([...emitted.values()].every((n) => n === 1)).toBe(true);
		expect(Math.max(...trigger.requests)).toBeLessThanOrEqual(MAX_REQUESTS_PER_POLL);
		// Once their time left the window (late window 3 h, plus the polls a sweep takes), the cursor forgets them
		// and an idle poll is cheap again.
		let polls = 0;
		while (trigger.requests[trigger.requests.length - 1] > 2 && polls++ < 60) {
			sb.clock.advance(10 * MIN);
			expect(await trigger.poll()).toEqual([]);
		}
		expect(trigger.requests[trigger.requests.length - 1]).toBeLessThanOrEqual(2);
		console.log(`#5: 2,500 posts, ${trigger.requests.length} polls, max ${Math.max(...trigger.requests)} requests/poll, ${perPollMs.toFixed(0)} ms/poll, static data ${trigger.size()} bytes at the end`);
		expect(trigger.size()).toBeLessThan(1_000);
	}, 120_000);

	it('#5 a tracked post still inside the window is never dropped by a cap (2,990 pending posts ahead)', async () => {
		const trigger = poller(sb, { event: 'postEnteredState', states: ['scheduled_pending'] });
		expect(await trigger.poll()).toEqual([]);
		const posts = history(0, 2_990);
		expect(posts.length).toBe(2_990);
		const now = sb.clock.now().getTime();
		posts.forEach((p, i) => sb.setPostState(p.id, 'scheduled_pending', { scheduled_at: new Date(now + 10 * 24 * HOUR + i * MIN).toISOString() }));
		for (let i = 0; i < 40; i++) {
			sb.clock.advance(MIN);
			await trigger.poll();
		}
		const emitted = counts(trigger.emitted);
		expect(emitted.size).toBe(posts.length);
		expect([...emitted.values()].every((n) => n === 1)).toBe(true);
		expect(Math.max(...trigger.requests)).toBeLessThanOrEqual(MAX_REQUESTS_PER_POLL);
		console.log(`#5: 2,990 pending posts tracked, static data ${trigger.size()} bytes`);
		// put them back for the other tests
		posts.forEach((p) => sb.setPostState(p.id, 'published_posted', { scheduled_at: p.scheduled_at }));
	}, 120_000);

	it('Engagement past 2,000 fired posts: a post the cap forgets is never fired again', async () => {
		// 2,000 posts above the threshold at activation (the oldest with the highest values, so they lead the
		// list), then 40 more cross it: the cap used to forget the oldest fired posts, which the next poll fired again.
		const now = sb.clock.now().getTime();
		const posts = history(0, 2_040);
		posts.forEach((p, i) => sb.setPostState(p.id, 'published_posted', { scheduled_at: new Date(now - 6 * 24 * HOUR + i * 4 * MIN).toISOString() }));
		posts.forEach((p, i) => sb.setPostMetrics(p.id, { likes: i < 2_000 ? 900_000 - i : 1 }));
		const trigger = poller(sb, { event: 'engagementThreshold', metric: 'likes', threshold: 500_000, lookbackDays: 7 });
		expect(await trigger.poll()).toEqual([]);
		const crossing = posts.slice(2_000);
		crossing.forEach((p) => sb.setPostMetrics(p.id, { likes: 950_000 }));
		sb.clock.advance(MIN);
		const fired = await trigger.poll();
		expect(fired.map((i) => i.postId).sort()).toEqual(crossing.map((p) => p.id).sort());
		for (let i = 0; i < 2; i++) {
			sb.clock.advance(MIN);
			expect(await trigger.poll()).toEqual([]);
		}
		console.log(`engagement past the cap: requests per poll ${trigger.requests.join(', ')}, static data ${trigger.size()} bytes`);
		expect(trigger.size()).toBeLessThan(2_000 * 40 + 600);
		posts.forEach((p) => sb.setPostMetrics(p.id, { likes: 0 }));
		posts.forEach((p) => sb.setPostState(p.id, 'published_posted', { scheduled_at: p.scheduled_at }));
	}, 120_000);

	describe('#4 Job Completed', () => {
		const submit = async (n: number) => {
			const fb = sb.accountFor('facebook');
			const ids: string[] = [];
			for (let i = 0; i < n; i++) {
				const at = new Date(sb.clock.now().getTime() + 24 * HOUR + i * MIN).toISOString();
				const body = await api(sb, 'POST', '/posts/schedule', {
					bulk: { state: 'draft', posts: [{ networks: { facebook: { type: 'status', text: `Job ${i} ${at}` } }, accounts: [{ id: fb.id, scheduled_at: at }] }] },
				});
				ids.push(String(body.job_id));
			}
			return ids;
		};

		it('past 500 job IDs, finished jobs are never emitted again', async () => {
			const ids = await submit(520);
			const trigger = poller(sb, { event: 'jobCompleted', jobIds: ids.join(','), options: { includeExisting: true } });
			for (let i = 0; i < 80; i++) {
				await trigger.poll();
				sb.clock.advance(MIN);
			}
			const emitted = counts(trigger.emitted, 'jobId');
			expect(emitted.size).toBe(520);
			expect([...emitted.values()].every((n) => n === 1)).toBe(true);
			expect(Math.max(...trigger.requests)).toBeLessThanOrEqual(MAX_REQUESTS_PER_POLL);
			expect(trigger.requests[trigger.requests.length - 1]).toBe(0);
			console.log(`#4: 520 jobs, static data ${trigger.size()} bytes`);
		}, 120_000);

		it('with more than 25 IDs at activation, jobs that had already finished are not emitted', async () => {
			const ids = await submit(40);
			for (const id of ids) await api(sb, 'GET', `/job_status/${id}`); // all finished before activation
			const trigger = poller(sb, { event: 'jobCompleted', jobIds: ids.join(',') });
			for (let i = 0; i < 8; i++) {
				await trigger.poll();
				sb.clock.advance(MIN);
			}
			expect(trigger.emitted).toEqual([]);
			// A job named later is emitted once.
			const [late] = await submit(1);
			const later = poller(sb, { event: 'jobCompleted', jobIds: [...ids, late].join(',') });
			later.live = trigger.live;
			for (let i = 0; i < 3; i++) await later.poll();
			expect(later.emitted.map((j) => j.jobId)).toEqual([late]);
		}, 60_000);

		it('a job Publer does not know (404: expired or wrong) is reported once and never fails the poll', async () => {
			const [good] = await submit(1);
			const unknown = '0123456789abcdef01234567';
			const trigger = poller(sb, { event: 'jobCompleted', jobIds: `${good}` });
			await trigger.poll();
			const both = poller(sb, { event: 'jobCompleted', jobIds: `${good}, ${unknown}` });
			both.live = trigger.live;
			both.saved = JSON.parse(JSON.stringify(trigger.live));
			const first = await both.poll();
			expect(first).toEqual([expect.objectContaining({ event: 'jobCompleted', jobId: unknown, status: 'not_found', success: false, failed: true })]);
			expect(String(first[0].error)).toMatch(/not know|expired/i);
			for (let i = 0; i < 3; i++) expect(await both.poll()).toEqual([]);
			// Named at activation, an unknown job counts as an existing (finished) one.
			const fresh = poller(sb, { event: 'jobCompleted', jobIds: `${unknown}, ${good}` });
			for (let i = 0; i < 3; i++) expect(await fresh.poll()).toEqual([]);
		});
	});
});
