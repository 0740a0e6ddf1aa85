import type { IDataObject, IPollFunctions } from 'n8n-workflow';

/**
 * The trigger's cursor. It is the ONLY thing kept between polls, and it lives in the node's workflow static
 * data (`getWorkflowStaticData('node')`), so it survives restarts and works in queue mode. JSON only,
 * versioned, bounded in size. Only `readState` and `writeState` touch static data.
 */
export const STATE_VERSION = 1;

/** Hard caps; in normal operation the maps hold far fewer entries (see README, "Publer Trigger"). */
export const MAX_TRACKED_POSTS = 2000;
export const MAX_FIRED_POSTS = 2000;
export const MAX_TRACKED_JOBS = 500;

export interface TriggerState {
	v: typeof STATE_VERSION;
	/** Fingerprint of the settings the cursor belongs to; a change starts a new baseline. */
	cfg: string;
	/** Whether a poll has completed once (the baseline is recorded). */
	init: boolean;
	/** Lifecycle events: epoch seconds up to which the post list was read completely. */
	wm?: number;
	/** Lifecycle events: posts seen in the window, id → [state code, scheduled_at epoch seconds (0 = undated)]. */
	posts?: Record<string, [number, number]>;
	/** Engagement: posts that reached the threshold, id → scheduled_at epoch day. */
	fired?: Record<string, number>;
	/** Jobs: job id → 0 (known, working) or 1 (finished and emitted / baselined). */
	jobs?: Record<string, 0 | 1>;
}

function isRecord(v: unknown): v is IDataObject {
	return !!v && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Returns a detached copy of the stored cursor, or undefined when there is none, it has another version,
 * or it belongs to other settings. Nothing is written here.
 */
export function readState(ctx: IPollFunctions, cfg: string): TriggerState | undefined {
	const data = ctx.getWorkflowStaticData('node');
	const raw = data.publer;
	if (!isRecord(raw) || raw.v !== STATE_VERSION || raw.cfg !== cfg) return undefined;
	const copy = JSON.parse(JSON.stringify(raw)) as TriggerState;
	return copy;
}

export function newState(cfg: string): TriggerState {
	return { v: STATE_VERSION, cfg, init: false };
}

/** Replaces the stored cursor. Never called in manual mode ("Fetch Test Event"). */
export function writeState(ctx: IPollFunctions, state: TriggerState): void {
	const data = ctx.getWorkflowStaticData('node');
	data.publer = JSON.parse(JSON.stringify(state)) as IDataObject;
}

/** Drops the entries with the smallest `order` until `map` has at most `cap` entries. */
export function capMap<T>(map: Record<string, T>, cap: number, order: (value: T) => number): void {
	const keys = Object.keys(map);
	if (keys.length <= cap) return;
	keys.sort((a, b) => order(map[a]) - order(map[b]));
	for (const key of keys.slice(0, keys.length - cap)) delete map[key];
}

/** A short, stable fingerprint of the settings (FNV-1a over their JSON). */
export function fingerprint(value: unknown): string {
	const text = JSON.stringify(value);
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h.toString(36);
}
