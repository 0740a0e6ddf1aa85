import { RateBudget } from '../../../../../../nodes/Publer/helpers/post/submit/budget';
import { itemRanges } from '../../../../../../nodes/Publer/helpers/post/submit/ranges';

function clock(start = 1_000_000) {
	let now = start;
	return { now: () => now, sleep: async (ms: number) => void (now += ms), advance: (ms: number) => void (now += ms) };
}

describe('RateBudget (pipelined submission)', () => {
	it('without headers counts 100 per 2 minutes from its own requests, and starts a new window after the reset', () => {
		const timers = clock();
		const budget = new RateBudget(timers, 1);
		expect(budget.allows(99)).toBe(true);
		expect(budget.allows(100)).toBe(false);
		budget.spend(97);
		expect(budget.allows(2)).toBe(true);
		expect(budget.allows(3)).toBe(false);
		expect(budget.msToReset()).toBe(120_000);
		timers.advance(120_000);
		expect(budget.allows(100)).toBe(true);
	});
	it('follows X-RateLimit-Remaining and X-RateLimit-Reset when Publer sends them', () => {
		const timers = clock();
		const budget = new RateBudget(timers);
		budget.observe({ limit: 100, remaining: 3, resetAt: timers.now() + 30_000 });
		expect(budget.allows(3)).toBe(true);
		expect(budget.allows(4)).toBe(false);
		expect(budget.msToReset()).toBe(30_000);
		budget.observe({}); // an answer without headers: one more spent
		expect(budget.allows(3)).toBe(false);
		timers.advance(30_000);
		expect(budget.allows(100)).toBe(true);
	});
});

describe('itemRanges', () => {
	it('names item indexes as short ranges', () => {
		expect(itemRanges([0, 1, 2, 3].map((itemIndex) => ({ itemIndex })))).toBe('0–3');
		expect(itemRanges([7, 3, 5, 6, 9].map((itemIndex) => ({ itemIndex })))).toBe('3, 5–7, 9');
		expect(itemRanges([])).toBe('');
	});
});
