import type { IDataObject } from 'n8n-workflow';

import { findGapConflicts, spacePosts, type SpacedPost } from '../../../../../nodes/Publer/helpers/post';
import type { PostTarget } from '../../../../../nodes/Publer/helpers/post';

const T0 = Date.parse('2026-06-02T07:00:00Z');
const MINUTE = 60_000;

/** A prepared post with one target per [account, time]. */
function post(itemIndex: number, slots: Array<[string, number | undefined]>, mode = 'schedule', workspaceId = 'ws'): SpacedPost {
	const targets: PostTarget[] = slots.map(([accountId, ms]) => ({
		accountId,
		provider: 'twitter',
		accountName: `name of ${accountId}`,
		networkKey: 'twitter',
		text: '',
		...(ms === undefined ? {} : { scheduledAtMs: ms, scheduledAt: new Date(ms).toISOString() }),
	}));
	const accounts: IDataObject[] = slots.map(([id, ms]) => (ms === undefined ? { id } : { id, scheduled_at: new Date(ms).toISOString() }));
	return { itemIndex, workspaceId, mode, built: { endpoint: '/posts/schedule', state: 'scheduled', post: { accounts }, targets, fatal: [], problems: [] } };
}
const conflictsOf = (posts: SpacedPost[]) => findGapConflicts(posts).map((c) => [c.post.itemIndex, c.other.itemIndex, c.accountId]);

describe('findGapConflicts: the one-minute gap per account', () => {
	it('refuses the later post less than a minute after another on one account; a minute apart is fine', () => {
		const posts = [post(0, [['a', T0]]), post(1, [['a', T0 + 59_999]]), post(2, [['a', T0 + 2 * MINUTE]]), post(3, [['a', T0 + 3 * MINUTE]])];
		expect(conflictsOf(posts)).toEqual([[1, 0, 'a']]);
	});
	it('same time on different accounts or workspaces is fine', () => {
		expect(conflictsOf([post(0, [['a', T0]]), post(1, [['b', T0]]), post(2, [['a', T0]], 'schedule', 'other')])).toEqual([]);
	});
	it('compares with the last post kept: three at one time refuse the second and third, naming the first', () => {
		expect(conflictsOf([post(0, [['a', T0], ['b', T0]]), post(1, [['a', T0], ['b', T0]]), post(2, [['a', T0]])])).toEqual([
			[1, 0, 'a'],
			[2, 0, 'a'],
		]);
	});
	it('per-account times count: an item whose own time for one account is close to another item', () => {
		expect(conflictsOf([post(0, [['a', T0], ['b', T0 + 30 * MINUTE]]), post(1, [['a', T0 + 10 * MINUTE], ['b', T0 + 30 * MINUTE + 5000]])])).toEqual([[1, 0, 'b']]);
	});
	it('in time order, not item order: the earlier time is kept', () => {
		expect(conflictsOf([post(0, [['a', T0 + 30_000]]), post(1, [['a', T0]])])).toEqual([[0, 1, 'a']]);
	});
	it('only Schedule and dated Draft posts (auto, recurring, publish now and undated drafts have no fixed time here)', () => {
		expect(conflictsOf([post(0, [['a', T0]], 'draft'), post(1, [['a', T0]], 'draft')])).toEqual([[1, 0, 'a']]);
		expect(conflictsOf([post(0, [['a', T0]], 'auto'), post(1, [['a', T0]], 'recurring'), post(2, [['a', undefined]], 'draft'), post(3, [['a', undefined]], 'draft')])).toEqual([]);
	});
	it('100,000 posts on 10 accounts in well under a second (O(n log n))', () => {
		const posts = Array.from({ length: 100_000 }, (_, i) => post(i, [[`acc${i % 10}`, T0 + Math.floor(i / 10) * MINUTE + (i % 1000 === 999 ? -30_000 : 0)]]));
		const started = Date.now();
		const conflicts = findGapConflicts(posts);
		const ms = Date.now() - started;
		expect(conflicts.map((c) => c.post.itemIndex)).toEqual(posts.map((p) => p.itemIndex).filter((i) => i % 1000 === 999));
		expect(ms).toBeLessThan(1500);
	});
});

describe('spacePosts: Space Posts Apart', () => {
	it('puts each account’s posts N minutes apart in item order, from the given time, in body and targets', () => {
		const posts = Array.from({ length: 5 }, (_, i) => post(i, [['a', T0], ['b', T0]]));
		expect(spacePosts(posts, 30, 'Europe/Berlin')).toBe(8);
		expect(posts.map((p) => p.built.targets.map((t) => (t.scheduledAtMs! - T0) / MINUTE))).toEqual([[0, 0], [30, 30], [60, 60], [90, 90], [120, 120]]);
		expect(posts[1].built.post.accounts).toEqual([
			{ id: 'a', scheduled_at: '2026-06-02T09:30:00+02:00' },
			{ id: 'b', scheduled_at: '2026-06-02T09:30:00+02:00' },
		]);
		expect(posts[1].built.targets[0].scheduledAt).toBe('2026-06-02T09:30:00+02:00');
		expect(findGapConflicts(posts)).toEqual([]);
	});
	it('keeps times that are already far enough apart, and never moves a post earlier', () => {
		const posts = [post(0, [['a', T0]]), post(1, [['a', T0 + 90 * MINUTE]]), post(2, [['a', T0 + 10 * MINUTE]])];
		expect(spacePosts(posts, 30, 'UTC')).toBe(1);
		expect(posts.map((p) => (p.built.targets[0].scheduledAtMs! - T0) / MINUTE)).toEqual([0, 90, 30]);
	});
	it('0 minutes is off; ignores other modes', () => {
		const posts = [post(0, [['a', T0]]), post(1, [['a', T0]], 'auto')];
		expect(spacePosts(posts, 0, 'UTC')).toBe(0);
		expect(spacePosts(posts, 5, 'UTC')).toBe(0);
	});
	it('1,000 items × 4 accounts: 250 per account, each account every N minutes, none within a minute', () => {
		const posts = Array.from({ length: 1000 }, (_, i) => post(i, [[`acc${i % 4}`, T0]]));
		expect(spacePosts(posts, 1, 'UTC')).toBe(996);
		expect(posts.map((p) => (p.built.targets[0].scheduledAtMs! - T0) / MINUTE)).toEqual(posts.map((_, i) => Math.floor(i / 4)));
		expect(findGapConflicts(posts)).toEqual([]);
	});
});
