import { assignFailures } from '../../../../../../nodes/Publer/helpers/post/submit/failures';
import type { PreparedPost, TargetRef } from '../../../../../../nodes/Publer/helpers/post/submit/types';
import { normaliseFailures } from '../../../../../../nodes/shared/transport/jobs';

type JobFailure = Parameters<typeof assignFailures>[1][number];
type PostTarget = TargetRef['target'];

/** A prepared post for the given accounts (account id = provider name suffix, e.g. `fb-1`). */
function post(itemIndex: number, accountIds: string[]): PreparedPost {
	const targets: PostTarget[] = accountIds.map((id) => ({
		accountId: id,
		provider: id.startsWith('tw') ? 'twitter' : 'facebook',
		accountName: `Account ${id}`,
		networkKey: id.startsWith('tw') ? 'twitter' : 'facebook',
		text: `post ${itemIndex}`,
	}));
	return {
		itemIndex,
		workspaceId: 'ws-1',
		mode: 'schedule',
		built: { endpoint: '/posts/schedule', state: 'scheduled', post: {}, targets, fatal: [], problems: [] },
	};
}
const refsOf = (...posts: PreparedPost[]): TargetRef[] => posts.flatMap((p) => p.built.targets.map((target) => ({ post: p, target })));
const failure = (accountId: string | null, message: string): JobFailure => ({ account_id: accountId, account_name: null, provider: null, message });
/** byPost as `itemIndex → messages`, in insertion order. */
const messages = (byPost: Map<PreparedPost, JobFailure[]>) => [...byPost].map(([p, list]) => [p.itemIndex, list.map((f) => f.message)]);

describe('assignFailures — failures by account id', () => {
	it('gives each failure to the only post that targets its account', () => {
		const a = post(0, ['fb-1']);
		const b = post(1, ['tw-1']);
		const f = failure('tw-1', 'X refused the text');
		const { byPost, ambiguous, orphan } = assignFailures(refsOf(a, b), [f]);
		expect(messages(byPost)).toEqual([[1, ['X refused the text']]]);
		expect(byPost.get(b)![0]).toBe(f);
		expect(byPost.has(a)).toBe(false);
		expect(ambiguous.size).toBe(0);
		expect(orphan).toEqual([]);
	});
	it('gives every failure of one account to its post, and splits accounts of one post correctly', () => {
		const a = post(0, ['fb-1', 'tw-1']);
		const b = post(1, ['fb-2']);
		const { byPost, ambiguous, orphan } = assignFailures(refsOf(a, b), [
			failure('tw-1', 'too long'),
			failure('fb-2', 'token expired'),
			failure('tw-1', 'duplicate'),
		]);
		expect(messages(byPost)).toEqual([
			[0, ['too long', 'duplicate']],
			[1, ['token expired']],
		]);
		expect(ambiguous.size).toBe(0);
		expect(orphan).toEqual([]);
	});
	it('returns nothing when there are no failures', () => {
		const { byPost, ambiguous, orphan } = assignFailures(refsOf(post(0, ['fb-1'])), []);
		expect([byPost.size, ambiguous.size, orphan]).toEqual([0, 0, []]);
	});
});

describe('assignFailures — several posts of one request target the same account', () => {
	it('marks a failure for lookup when fewer failures than posts name the account', () => {
		const a = post(0, ['fb-1']);
		const b = post(1, ['fb-1']);
		const c = post(2, ['tw-1']);
		const refs = refsOf(a, b, c);
		const f = failure('fb-1', 'one minute gap between posts');
		const { byPost, ambiguous, orphan } = assignFailures(refs, [f]);
		expect(byPost.size).toBe(0);
		expect(orphan).toEqual([]);
		expect([...ambiguous.keys()]).toEqual(['fb-1']);
		const entry = ambiguous.get('fb-1')!;
		expect(entry.failures).toEqual([f]);
		expect(entry.refs).toHaveLength(2);
		expect(entry.refs[0]).toBe(refs[0]);
		expect(entry.refs[1]).toBe(refs[1]);
	});
	it('keeps unambiguous accounts assigned while the shared one is looked up', () => {
		const a = post(0, ['fb-1', 'tw-1']);
		const b = post(1, ['fb-1']);
		const { byPost, ambiguous } = assignFailures(refsOf(a, b), [failure('fb-1', 'gap'), failure('tw-1', 'too long')]);
		expect(messages(byPost)).toEqual([[0, ['too long']]]);
		expect(ambiguous.get('fb-1')!.refs.map((r) => r.post.itemIndex)).toEqual([0, 1]);
	});
	it('assigns one failure per post when every post of the account failed', () => {
		const a = post(0, ['fb-1']);
		const b = post(1, ['fb-1']);
		const c = post(2, ['fb-1']);
		const { byPost, ambiguous, orphan } = assignFailures(refsOf(a, b, c), [failure('fb-1', 'e1'), failure('fb-1', 'e2'), failure('fb-1', 'e3')]);
		expect(messages(byPost)).toEqual([
			[0, ['e1']],
			[1, ['e2']],
			[2, ['e3']],
		]);
		expect(ambiguous.size).toBe(0);
		expect(orphan).toEqual([]);
	});
	it('with 2 of 3 posts failed, all three posts are looked up (none is assigned by guess)', () => {
		const posts = [post(0, ['fb-1']), post(1, ['fb-1']), post(2, ['fb-1'])];
		const { byPost, ambiguous } = assignFailures(refsOf(...posts), [failure('fb-1', 'e1'), failure('fb-1', 'e2')]);
		expect(byPost.size).toBe(0);
		expect(ambiguous.get('fb-1')!.refs.map((r) => r.post.itemIndex)).toEqual([0, 1, 2]);
		expect(ambiguous.get('fb-1')!.failures.map((f) => f.message)).toEqual(['e1', 'e2']);
	});
	// Regression (issue 12): with more failures than posts for one account (Publer may report two reasons for one
	// post) the extra failures were dropped. Now the account's failures are resolved by looking the posts up.
	it('loses no failure when an account has more failures than posts', () => {
		const a = post(0, ['fb-1']);
		const b = post(1, ['fb-1']);
		const failures = [failure('fb-1', 'e1'), failure('fb-1', 'e2'), failure('fb-1', 'e3')];
		const { byPost, ambiguous, orphan } = assignFailures(refsOf(a, b), failures);
		const reported = [...[...byPost.values()].flat(), ...[...ambiguous.values()].flatMap((x) => x.failures), ...orphan];
		expect(reported.map((f) => f.message).sort()).toEqual(['e1', 'e2', 'e3']);
		expect(ambiguous.get('fb-1')!.refs.map((r) => r.post.itemIndex)).toEqual([0, 1]);
	});
});

describe('assignFailures — failures without a known account', () => {
	it('puts failures for accounts not in the request, and without an account, aside as orphans', () => {
		const a = post(0, ['fb-1']);
		const stranger = failure('li-9', 'unknown account');
		const anonymous = failure(null, 'something went wrong');
		const { byPost, ambiguous, orphan } = assignFailures(refsOf(a), [stranger, failure('fb-1', 'mine'), anonymous]);
		expect(orphan).toEqual([stranger, anonymous]);
		expect(messages(byPost)).toEqual([[0, ['mine']]]);
		expect(ambiguous.size).toBe(0);
	});
	it('does not match an empty account id to an idea (a target without account)', () => {
		const idea = post(0, []);
		idea.built.targets.push({ accountId: '', provider: null, accountName: null, networkKey: 'default', text: 'idea' });
		const f = failure('', 'idea refused');
		const { byPost, orphan } = assignFailures(refsOf(idea), [f]);
		expect(byPost.size).toBe(0);
		expect(orphan).toEqual([f]);
	});
});

describe('assignFailures — with failures read from both job-status shapes (§5.9)', () => {
	const a = post(0, ['fb-1']);
	const b = post(1, ['tw-1']);
	const c = post(2, ['tw-1']);
	it('an object keyed by account id (string or list of entries per account)', () => {
		const failures = normaliseFailures({
			'fb-1': 'Facebook token expired',
			'tw-1': [{ message: 'too long' }, { error: 'duplicate' }],
			'zz-0': { reason: 'not in this request' },
		});
		expect(failures.map((f) => [f.account_id, f.message])).toEqual([
			['fb-1', 'Facebook token expired'],
			['tw-1', 'too long'],
			['tw-1', 'duplicate'],
			['zz-0', 'not in this request'],
		]);
		const { byPost, ambiguous, orphan } = assignFailures(refsOf(a, b, c), failures);
		expect(messages(byPost)).toEqual([
			[0, ['Facebook token expired']],
			[1, ['too long']],
			[2, ['duplicate']],
		]);
		expect(ambiguous.size).toBe(0);
		expect(orphan.map((f) => f.message)).toEqual(['not in this request']);
	});
	it('an array of entries naming the account (snake_case or camelCase), or not', () => {
		const failures = normaliseFailures([
			{ account_id: 'fb-1', account_name: 'Page', provider: 'facebook', message: 'token expired' },
			{ accountId: 'tw-1', network: 'twitter', error: 'gap' },
			'plain message',
		]);
		expect(failures.map((f) => [f.account_id, f.provider, f.message])).toEqual([
			['fb-1', 'facebook', 'token expired'],
			['tw-1', 'twitter', 'gap'],
			[null, null, 'plain message'],
		]);
		const { byPost, ambiguous, orphan } = assignFailures(refsOf(a, b, c), failures);
		expect(messages(byPost)).toEqual([[0, ['token expired']]]);
		expect([...ambiguous.keys()]).toEqual(['tw-1']);
		expect(ambiguous.get('tw-1')!.refs.map((r) => r.post.itemIndex)).toEqual([1, 2]);
		expect(orphan.map((f) => f.message)).toEqual(['plain message']);
	});
});
