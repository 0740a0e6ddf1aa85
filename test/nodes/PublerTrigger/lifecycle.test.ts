import { shutdownN8nCore } from '../../support';
import { startSandbox, type Sandbox } from '../../../sandbox';
import { counts, fakeDateOnly, poller, rng } from '../../support/trigger';

const MIN = 60_000;
const HOUR = 60 * MIN;
const T0 = '2025-06-01T12:00:00Z';

describe('Publer Trigger: post lifecycle events, exactly once', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		fakeDateOnly();
		sb = await startSandbox({ rateLimit: false, jobWorkingPolls: 0, now: T0, seed: { historyPosts: 10_000 } });
	});
	afterAll(async () => {
		await sb.close();
		jest.useRealTimers();
		shutdownN8nCore();
	});

	it('1,000+ state changes over random poll times with restarts: every event once, cost and state bounded', async () => {
		const random = rng(42);
		const published = poller(sb, { event: 'postPublished' });
		const failed = poller(sb, { event: 'postFailed' });
		const entered = poller(sb, { event: 'postEnteredState', states: ['scheduled_pending', 'scheduled_reauth'] });
		const tenAccounts = sb.accounts().filter((a) => !a.needs_reauth).slice(0, 10).map((a) => a.id);
		const filtered = poller(sb, { event: 'postPublished', filters: { accountIds: tenAccounts } });
		const all = [published, failed, entered, filtered];

		// Activation: baselines over 10,000 historic published posts, nothing emitted.
		for (const p of all) expect(await p.poll()).toEqual([]);
		const baselineRequests = all.map((p) => p.requests[0]);
		expect(Math.max(...baselineRequests)).toBeLessThanOrEqual(3);

		// 1,000 posts get rescheduled into the next 72 h; some need approval (approved late), some lose their
		// account connection (they fail at their time), some fail on their own.
		const start = sb.clock.now().getTime();
		const chosen = sb.posts(sb.workspaceId).filter((p) => p.account_id).slice(0, 1000);
		type Action = { t: number; run: () => void };
		const actions: Action[] = [];
		const kinds = new Map<string, string>();
		let changes = 0;
		for (const post of chosen) {
			const due = start + 10 * MIN + Math.floor(random() * 72 * HOUR);
			const r = random();
			const kind = r < 0.7 ? 'normal' : r < 0.8 ? 'reauth' : r < 0.9 ? 'pendingLate' : 'failsLate';
			kinds.set(post.id, kind);
			const initial = kind === 'reauth' ? 'scheduled_reauth' : kind === 'pendingLate' ? 'scheduled_pending' : 'scheduled';
			const at = start + Math.floor(random() * 5 * MIN);
			actions.push({ t: at, run: () => sb.setPostState(post.id, initial, { scheduled_at: new Date(due).toISOString() }) });
			changes++;
			if (kind === 'pendingLate') {
				// approved and published up to 2.5 h after its scheduled time (inside the 3 h late window)
				actions.push({ t: due + Math.floor(random() * 150 * MIN), run: () => sb.setPostState(post.id, 'published_posted') });
				changes++;
			}
			if (kind === 'failsLate') {
				actions.push({ t: due - Math.floor(random() * 30 * MIN), run: () => sb.setPostState(post.id, 'failed', { error: 'Token expired' }) });
				changes++;
			}
			if (kind === 'normal' || kind === 'reauth') changes++; // published / failed by the sandbox at its time
		}
		actions.sort((a, b) => a.t - b.t);
		expect(changes).toBeGreaterThanOrEqual(1000);

		let next = 0;
		let polls = 0;
		let restarts = 0;
		let maxSize = 0;
		const end = start + 78 * HOUR;
		while (sb.clock.now().getTime() < end) {
			const r = random();
			const step = r < 0.05 ? 4 * HOUR + random() * 8 * HOUR : r < 0.5 ? MIN + random() * 5 * MIN : 5 * MIN + random() * 55 * MIN;
			const pollAt = Math.min(end, sb.clock.now().getTime() + Math.floor(step));
			while (next < actions.length && actions[next].t <= pollAt) {
				sb.clock.set(new Date(Math.max(actions[next].t, sb.clock.now().getTime())));
				actions[next++].run();
			}
			sb.clock.set(new Date(pollAt));
			for (const p of all) {
				if (random() < 0.15) {
					p.restart();
					restarts++;
				}
				await p.poll();
				maxSize = Math.max(maxSize, p.size());
			}
			polls++;
		}
		for (const p of all) await p.poll();

		// Compare with the sandbox's store.
		const store = new Map(sb.posts(sb.workspaceId).map((p) => [p.id as string, p]));
		const expectPublished = chosen.filter((p) => String(store.get(p.id)!.state).startsWith('published')).map((p) => p.id);
		const expectFailed = chosen.filter((p) => store.get(p.id)!.state === 'failed').map((p) => p.id);
		const expectEntered = chosen.filter((p) => ['reauth', 'pendingLate'].includes(kinds.get(p.id)!)).map((p) => p.id);
		expect(expectPublished.length).toBeGreaterThan(700);
		expect(expectFailed.length).toBeGreaterThan(150);

		const check = (emitted: Map<string, number>, expected: string[]) => {
			expect([...emitted.keys()].sort()).toEqual([...expected].sort());
			expect([...emitted.values()].every((n) => n === 1)).toBe(true);
		};
		check(counts(published.emitted), expectPublished);
		check(counts(failed.emitted), expectFailed);
		check(counts(entered.emitted), expectEntered);
		const inTen = new Set(tenAccounts);
		check(
			counts(filtered.emitted),
			expectPublished.filter((id) => inTen.has(store.get(id)!.account_id)),
		);

		// Items carry what a workflow acts on.
		const item = published.emitted[0];
		expect(item).toMatchObject({ event: 'postPublished', state: 'published_posted', workspaceId: sb.workspaceId });
		for (const key of ['postId', 'accountId', 'accountName', 'network', 'text', 'link', 'scheduledAt']) expect(item[key]).toBeTruthy();
		const late = failed.emitted.find((i) => kinds.get(String(i.postId)) === 'failsLate');
		expect(late).toMatchObject({ event: 'postFailed', state: 'failed' });
		expect(entered.emitted.map((i) => i.enteredState).sort()[0]).toMatch(/^scheduled_(pending|reauth)$/);

		const maxRequests = Math.max(...all.flatMap((p) => p.requests.slice(1)));
		const sizes = all.map((p) => p.size());
		console.log(
			`lifecycle: ${changes} changes, ${polls} poll rounds, ${restarts} restarts; baseline requests ${baselineRequests.join('/')}; ` +
				`max requests per poll ${maxRequests}; mean ${(all.flatMap((p) => p.requests).reduce((a, b) => a + b, 0) / all.flatMap((p) => p.requests).length).toFixed(2)}; ` +
				`static data bytes at end ${sizes.join('/')}, max during run ${maxSize}`,
		);
		expect(restarts).toBeGreaterThan(10);
		for (const size of sizes) expect(size).toBeLessThan(1_000);
		// The Entered State trigger tracks the posts waiting in its states (up to ~200 here), ~40 bytes each.
		expect(maxSize).toBeLessThan(12_000);
	}, 300_000);
});
