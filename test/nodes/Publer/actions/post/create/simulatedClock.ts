/**
 * A simulated clock for Post → Create tests: n8n-workflow's `sleep` (the only way the node waits) advances the
 * sandbox clock and jest's fake `Date` instead of waiting, so minutes of Publer processing take milliseconds.
 * Each test file installs it with:
 *
 *   jest.mock('n8n-workflow', () => jest.requireActual('./simulatedClock').mockN8nWorkflow());
 *
 * and calls `followSandbox(sb)` once the sandbox is started (with `fakeDateOnly()` from test/support/trigger).
 */
import type { Sandbox } from '../../../../../../sandbox';

export const simulated = {
	sleeps: 0,
	sleptMs: 0,
	onSleep: (_ms: number): void => undefined,
};

export function mockN8nWorkflow(): object {
	const actual = jest.requireActual('n8n-workflow');
	return {
		...actual,
		sleep: async (ms: number) => {
			simulated.sleeps++;
			simulated.sleptMs += Math.max(0, ms);
			simulated.onSleep(Math.max(0, ms));
			await new Promise((resolve) => setImmediate(resolve));
		},
	};
}

/** Every sleep of the node advances this sandbox's clock, and `Date` follows it. */
export function followSandbox(sb: Sandbox): void {
	jest.setSystemTime(sb.clock.now());
	simulated.onSleep = (ms) => {
		sb.clock.advance(ms);
		jest.setSystemTime(sb.clock.now());
	};
}
