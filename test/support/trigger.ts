import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runPoll } from '.';
import type { Sandbox } from '../../sandbox';

/** Fake only `Date`, so n8n's clock follows the sandbox clock; real timers keep HTTP working. */
export function fakeDateOnly(): void {
	jest.useFakeTimers({
		doNotFake: [
			'hrtime',
			'nextTick',
			'performance',
			'queueMicrotask',
			'requestAnimationFrame',
			'cancelAnimationFrame',
			'requestIdleCallback',
			'cancelIdleCallback',
			'setImmediate',
			'clearImmediate',
			'setInterval',
			'clearInterval',
			'setTimeout',
			'clearTimeout',
		],
	});
}

export function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export interface Poller {
	/** The static data as n8n would have persisted it (saved when a poll emits, as n8n's `__emit` does). */
	saved: IDataObject;
	/** The live (in-memory) static data. */
	live: IDataObject;
	emitted: IDataObject[];
	requests: number[];
	poll(mode?: 'trigger' | 'manual'): Promise<IDataObject[]>;
	/** n8n restarts: the workflow is loaded again from the database (JSON). */
	restart(): void;
	size(): number;
}

export function poller(sb: Sandbox, parameters: INodeParameters, apiKey?: string): Poller {
	const p: Poller = {
		saved: {},
		live: {},
		emitted: [],
		requests: [],
		async poll(mode = 'trigger') {
			jest.setSystemTime(sb.clock.now());
			const before = sb.requests().length;
			const out = await runPoll({
				parameters: { workspace: { __rl: true, mode: 'id', value: sb.workspaceId }, ...parameters },
				credentials: { apiKey: apiKey ?? sb.apiKey, baseUrl: sb.baseUrl },
				staticData: p.live,
				mode,
			});
			p.requests.push(sb.requests().length - before);
			const items = (out?.[0] ?? []).map((i) => i.json);
			if (mode === 'trigger') {
				p.emitted.push(...items);
				// n8n saves static data after the activation poll and whenever a poll emits.
				if (items.length || p.requests.length === 1) p.saved = JSON.parse(JSON.stringify(p.live));
			}
			return items;
		},
		restart() {
			p.live = JSON.parse(JSON.stringify(p.saved));
		},
		size() {
			return Buffer.byteLength(JSON.stringify(p.live));
		},
	};
	return p;
}

export function counts(items: IDataObject[], key = 'postId'): Map<string, number> {
	const m = new Map<string, number>();
	for (const i of items) m.set(String(i[key]), (m.get(String(i[key])) ?? 0) + 1);
	return m;
}

export async function api(sb: Sandbox, method: string, path: string, body?: unknown): Promise<IDataObject> {
	const res = await fetch(`${sb.baseUrl}${path}`, {
		method,
		headers: {
			Authorization: `Bearer-API ${sb.apiKey}`,
			'Publer-Workspace-Id': sb.workspaceId,
			'Content-Type': 'application/json',
		},
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return (await res.json()) as IDataObject;
}
