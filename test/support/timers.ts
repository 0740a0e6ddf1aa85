/* Small helpers for transport-level tests: a clock that sleeps instantly, and a rejected promise's error. */
import type { TransportTimers } from '../../nodes/shared/transport';

/** Timers whose `sleep` only moves `now` forward and records the pause. */
export function fakeTimers(start = 1_700_000_000_000): TransportTimers & { slept: number[]; t: number } {
	const timers = {
		t: start,
		slept: [] as number[],
		now: () => timers.t,
		sleep: async (ms: number) => {
			timers.slept.push(ms);
			timers.t += ms;
		},
	};
	return timers;
}

/** The error a promise rejects with; fails the test if it resolves. */
export async function expectError<T extends Error>(promise: Promise<unknown>): Promise<T> {
	try {
		await promise;
	} catch (error) {
		return error as T;
	}
	throw new Error('Expected the promise to reject');
}
