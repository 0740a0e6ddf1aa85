import type { IDataObject } from 'n8n-workflow';

import { groupPosts, MAX_POSTS_PER_REQUEST } from '../../../../../../nodes/Publer/helpers/post/submit/grouping';
import type { PreparedPost, RequestGroup } from '../../../../../../nodes/Publer/helpers/post/submit/types';

const SCHEDULE_ENDPOINT = '/posts/schedule';
const PUBLISH_ENDPOINT = '/posts/schedule/publish';

let nextIndex = 0;
function prepared(opts: { workspaceId?: string; endpoint?: string; state?: string; post?: IDataObject; itemIndex?: number } = {}): PreparedPost {
	return {
		itemIndex: opts.itemIndex ?? nextIndex++,
		workspaceId: opts.workspaceId ?? 'ws-1',
		mode: 'schedule',
		built: {
			endpoint: opts.endpoint ?? SCHEDULE_ENDPOINT,
			state: opts.state ?? 'scheduled',
			post: opts.post ?? { networks: {}, accounts: [] },
			targets: [],
			fatal: [],
			problems: [],
		},
	};
}
const many = (n: number, opts: Parameters<typeof prepared>[0] = {}) => Array.from({ length: n }, () => prepared(opts));
const sizes = (groups: RequestGroup[]) => groups.map((g) => g.posts.length);
const order = (groups: RequestGroup[]) => groups.flatMap((g) => g.posts.map((p) => p.itemIndex));
const shape = (groups: RequestGroup[]) => groups.map((g) => `${g.workspaceId} ${g.endpoint} ${g.state} ×${g.posts.length}`);

beforeEach(() => {
	nextIndex = 0;
});

describe('groupPosts — the 500-posts-per-request limit', () => {
	it('is 500, as documented', () => {
		expect(MAX_POSTS_PER_REQUEST).toBe(500);
	});
	it.each([
		[1, [1]],
		[499, [499]],
		[500, [500]],
		[501, [500, 1]],
		[999, [500, 499]],
		[1000, [500, 500]],
		[1001, [500, 500, 1]],
	])('%i posts of one workspace go in requests of %j', (n, expected) => {
		const posts = many(n);
		const groups = groupPosts(posts, true);
		expect(sizes(groups)).toEqual(expected);
		expect(order(groups)).toEqual(posts.map((p) => p.itemIndex));
		// The very same objects are grouped, not copies.
		expect(groups.flatMap((g) => g.posts)).toEqual(posts);
		groups.flatMap((g) => g.posts).forEach((p, i) => expect(p).toBe(posts[i]));
	});
	it('counts the limit per request, not per workspace run', () => {
		const posts = [...many(499, { workspaceId: 'A' }), ...many(2, { workspaceId: 'A' }), ...many(3, { workspaceId: 'B' })];
		expect(shape(groupPosts(posts, true))).toEqual([`A ${SCHEDULE_ENDPOINT} scheduled ×500`, `A ${SCHEDULE_ENDPOINT} scheduled ×1`, `B ${SCHEDULE_ENDPOINT} scheduled ×3`]);
	});
	it('starts a fresh count after a split: 500 of A, 1 of B, 500 of A', () => {
		const posts = [...many(500, { workspaceId: 'A' }), ...many(1, { workspaceId: 'B' }), ...many(500, { workspaceId: 'A' })];
		const groups = groupPosts(posts, true);
		expect(sizes(groups)).toEqual([500, 1, 500]);
		expect(order(groups)).toEqual(posts.map((p) => p.itemIndex));
	});
});

describe('groupPosts — what splits a request', () => {
	it('groups consecutive posts of the same workspace, endpoint and state', () => {
		const posts = many(3);
		const groups = groupPosts(posts, true);
		expect(groups).toEqual([{ workspaceId: 'ws-1', endpoint: SCHEDULE_ENDPOINT, state: 'scheduled', posts }]);
	});
	it('splits on a workspace change, and keeps item order (no regrouping of non-consecutive posts)', () => {
		const posts = [prepared({ workspaceId: 'A' }), prepared({ workspaceId: 'A' }), prepared({ workspaceId: 'B' }), prepared({ workspaceId: 'A' })];
		const groups = groupPosts(posts, true);
		expect(groups.map((g) => [g.workspaceId, g.posts.map((p) => p.itemIndex)])).toEqual([
			['A', [0, 1]],
			['B', [2]],
			['A', [3]],
		]);
	});
	it('splits on an endpoint change (publish now vs schedule)', () => {
		const posts = [prepared(), prepared({ endpoint: PUBLISH_ENDPOINT }), prepared({ endpoint: PUBLISH_ENDPOINT }), prepared()];
		expect(shape(groupPosts(posts, true))).toEqual([
			`ws-1 ${SCHEDULE_ENDPOINT} scheduled ×1`,
			`ws-1 ${PUBLISH_ENDPOINT} scheduled ×2`,
			`ws-1 ${SCHEDULE_ENDPOINT} scheduled ×1`,
		]);
	});
	it('splits on a bulk.state change (scheduled, draft, draft_private, draft_public)', () => {
		const posts = [
			prepared({ state: 'scheduled' }),
			prepared({ state: 'draft' }),
			prepared({ state: 'draft' }),
			prepared({ state: 'draft_private' }),
			prepared({ state: 'draft_public' }),
			prepared({ state: 'scheduled' }),
		];
		expect(groupPosts(posts, true).map((g) => [g.state, g.posts.length])).toEqual([
			['scheduled', 1],
			['draft', 2],
			['draft_private', 1],
			['draft_public', 1],
			['scheduled', 1],
		]);
	});
	it('without batching, every post is its own request, in order', () => {
		const posts = many(4);
		const groups = groupPosts(posts, false);
		expect(sizes(groups)).toEqual([1, 1, 1, 1]);
		expect(order(groups)).toEqual([0, 1, 2, 3]);
	});
	it('returns no request for no posts', () => {
		expect(groupPosts([], true)).toEqual([]);
	});
});

describe('groupPosts — recurring posts go one per request', () => {
	const recurring = (workspaceId = 'ws-1') => prepared({ workspaceId, state: 'recurring', post: { networks: {}, accounts: [], recurring: { repeat: 'daily' } } });
	it('never batches two recurring posts together', () => {
		const posts = [recurring(), recurring(), recurring()];
		const groups = groupPosts(posts, true);
		expect(groups.map((g) => [g.state, g.posts.map((p) => p.itemIndex)])).toEqual([
			['recurring', [0]],
			['recurring', [1]],
			['recurring', [2]],
		]);
	});
	it('does not let a scheduled post join a recurring request, nor the reverse', () => {
		const posts = [prepared(), prepared(), recurring(), prepared(), prepared()];
		expect(groupPosts(posts, true).map((g) => [g.state, g.posts.map((p) => p.itemIndex)])).toEqual([
			['scheduled', [0, 1]],
			['recurring', [2]],
			['scheduled', [3, 4]],
		]);
	});
	it('treats a post carrying a recurring object as recurring whatever its state', () => {
		const first = prepared();
		const odd = prepared({ post: { networks: {}, accounts: [], recurring: { repeat: 'weekly' } } });
		const posts = [first, odd, prepared()];
		expect(groupPosts(posts, true).map((g) => g.posts.map((p) => p.itemIndex))).toEqual([[0], [1], [2]]);
	});
});
