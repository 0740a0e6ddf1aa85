import { sleep } from 'n8n-workflow';

import type { TransportTimers } from './types';

export const realTimers: TransportTimers = {
	now: () => Date.now(),
	sleep: async (ms: number) => {
		if (ms > 0) await sleep(ms);
	},
};
