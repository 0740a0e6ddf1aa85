/**
 * Cost of a burst: 1,000 and 10,000 posts published since the last poll (Post Published, default settings).
 * Prints requests per poll, time per poll and static-data bytes (figures for the README's reliability section).
 */
import { shutdownN8nCore } from '../../support';
import { startSandbox, type Sandbox } from '../../../sandbox';
import { counts, fakeDateOnly, poller } from '../../support/trigger';

const MIN = 60_000;
const MAX_REQUESTS_PER_POLL = 10;
const MAX_STATIC_BYTES = 240_000;

describe('Publer Trigger at scale', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		fakeDateOnly();
		sb = await startSandbox({ rateLimit: false, now: '2025-06-01T12:00:00Z', seed: { historyPosts: 10_000 } });
	});
	afterAll(async () => {
		await sb.close();
		jest.useRealTimers();
		shutdownN8nCore();
	});

	it.each([1_000, 10_000])('%i posts published since the last poll', async (n) => {
		sb.reset();
		const trigger = poller(sb, { event: 'postPublished' });
		await trigger.poll();
		const now = sb.clock.now().getTime();
		const posts = sb
			.posts(sb.workspaceId)
			.filter((p) => p.state === 'published_posted')
			.slice(0, n);
		posts.forEach((p, i) => sb.setPostState(p.id, 'published_posted', { scheduled_at: new Date(now - Math.floor((i * 90 * MIN) / n)).toISOString() }));
		const times: number[] = [];
		let maxBytes = 0;
		for (let i = 0; i < 100 && trigger.emitted.length < n; i++) {
			sb.clock.advance(MIN);
			const started = performance.now();
			await trigger.poll();
			times.push(performance.now() - started);
			maxBytes = Math.max(maxBytes, trigger.size());
		}
		const emitted = counts(trigger.emitted);
		const polls = times.length;
		const requests = trigger.requests.slice(1);
		console.log(
			`${n} new posts: ${emitted.size} emitted (each once: ${[...emitted.values()].every((c) => c === 1)}) in ${polls} polls; ` +
				`requests per poll max ${Math.max(...requests)}, total ${requests.reduce((a, b) => a + b, 0)}; ` +
				`time per poll mean ${(times.reduce((a, b) => a + b, 0) / polls).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms; ` +
				`static data max ${maxBytes} bytes, at the end ${trigger.size()} bytes`,
		);
		expect([...emitted.values()].every((c) => c === 1)).toBe(true);
		expect(Math.max(...requests)).toBeLessThanOrEqual(MAX_REQUESTS_PER_POLL);
		expect(maxBytes).toBeLessThanOrEqual(MAX_STATIC_BYTES);
		// Past MAX_TRACKED_POSTS (5,000) posts in the window, the oldest are emitted without being remembered and the
		// window's lower end then moves above them: every post is still emitted once, the static data stays bounded.
		expect(emitted.size).toBe(n);
	}, 300_000);
});
