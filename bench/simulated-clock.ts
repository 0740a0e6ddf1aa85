// Loaded first by bench/run.ts: gives the Publer node's transport (nodes/shared/transport/timers.ts) a `sleep`
// from n8n-workflow that does not wait but hands the time to the benchmark (which advances the sandbox clock),
// and lets `Date.now` follow that simulated clock when asked. Shipped code is unchanged: only the module the
// transport receives for `require('n8n-workflow')` is wrapped.
import Module = require('module');
import * as path from 'path';

export const simulated = {
	/** Called with each sleep's milliseconds; advances the sandbox clock. */
	onSleep: async (_ms: number): Promise<void> => undefined,
	sleeps: 0,
	sleptMs: 0,
	/** When set, Date.now() returns this (the sandbox clock's mirror). */
	now: undefined as number | undefined,
};

const timersFile = `${path.sep}nodes${path.sep}shared${path.sep}transport${path.sep}timers`;
const mod = Module as unknown as { _load: (request: string, parent: { filename?: string } | undefined, isMain: boolean) => unknown };
const originalLoad = mod._load;
mod._load = function (request, parent, isMain) {
	const loaded = originalLoad.call(this, request, parent, isMain);
	if (request === 'n8n-workflow' && parent?.filename?.includes(timersFile)) {
		return {
			...(loaded as object),
			sleep: async (ms: number) => {
				simulated.sleeps++;
				simulated.sleptMs += ms;
				await simulated.onSleep(ms);
			},
		};
	}
	return loaded;
};

const realNow = Date.now.bind(Date);
Date.now = () => (simulated.now !== undefined ? simulated.now : realNow());
