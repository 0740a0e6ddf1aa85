import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { isRecord } from '../shared/values';

/**
 * The trigger's cursor. It is the ONLY thing kept between polls, and it lives in the node's workflow static
 * data (`getWorkflowStaticData('node')`), so it survives restarts and works in queue mode. JSON only,
 * versioned, bounded in size. Only `readState` and `writeState` touch static data.
 */
export const STATE_VERSION = 1;

/**
 * Posts the lifecycle events remember at most (about 45 bytes each in static data, so at most about 230 KB).
 * Nothing inside the window is ever dropped to stay under it: when more posts than this sit in the watched
 * states inside the window, the oldest ones are emitted without being remembered and the window's lower end
 * then moves above them (their later changes are no longer watched). Undated drafts past the cap wait until
 * there is room. Normal use holds far fewer (see README, "Publer Trigger").
 */
export const MAX_TRACKED_POSTS = 5000;
export const MAX_FIRED_POSTS = 2000;

/**
 * Keys are short on purpose: they are stored in static data for every post and poll, and renaming one would
 * silently reset every active trigger (a new STATE_VERSION with a migration would be needed). Each key's
 * meaning is in its comment.
 */
export interface TriggerState {
	v: typeof STATE_VERSION;
	/** Fingerprint of the settings the cursor belongs to; a change starts a new baseline. */
	cfg: string;
	/** Whether a poll has completed once (the baseline is recorded). */
	init: boolean;
	/** Lifecycle events: the watermark, epoch seconds when the last complete read of the window started. */
	wm?: number;
	/**
	 * Lifecycle events: posts seen in the window in a watched state, id → [state code, scheduled_at epoch
	 * seconds (0 = undated), number of the last read of the window (sweep) that listed it]. A version-1 entry
	 * without the third value counts as listed by the previous sweep.
	 */
	posts?: Record<string, [number, number, number?]>;
	/** Lifecycle events: the dated sweep in progress (a window read over several polls), see SweepCursor. */
	dc?: SweepCursor;
	/** Lifecycle events: number of the current (or last) dated sweep. */
	dn?: number;
	/** Lifecycle events: the undated sweep (drafts and ideas without a date) in progress. */
	uc?: SweepCursor;
	/** Lifecycle events: number of the current (or last) undated sweep. */
	un?: number;
	/** Lifecycle events: floor, the lower end of the window raised by MAX_TRACKED_POSTS (epoch seconds). */
	fl?: number;
	/** Engagement: posts that reached the threshold, id → scheduled_at epoch day. */
	fired?: Record<string, number>;
	/** Engagement: first day (epoch day) still watched, raised past MAX_FIRED_POSTS; unset = the look-back window. */
	ef?: number;
	/**
	 * Jobs: job id → 0 (checked, working), 1 (finished or unknown to Publer, and emitted or part of the
	 * starting point) or 2 (named at activation, not checked yet: part of the starting point when finished).
	 * Holds only the named jobs, so its size follows the Job IDs list.
	 */
	jobs?: Record<string, 0 | 1 | 2>;
}

/**
 * Where a read of the window (a sweep) stands between polls. Each poll reads at most a few pages and stores
 * here where to continue: the query's range (`lo`..`hi`, epoch seconds; narrowed from the top as the list comes
 * newest first) and the page within it.
 */
export interface SweepCursor {
	/** Lower end of the window for this sweep (epoch seconds). */
	lo: number;
	/** Upper end still to read (epoch seconds, inclusive). */
	hi: number;
	/** Upper end when the sweep started. */
	top: number;
	/** Page to read next within lo..hi. */
	pg: number;
	/** Poll time (epoch seconds) when the sweep started; becomes the watermark when it completes. */
	st: number;
	/** 1 when this sweep records the starting point (posts it lists are not emitted unless Include Existing). */
	b?: 1;
	/** Latest scheduled time (epoch seconds) of a post emitted without being remembered (MAX_TRACKED_POSTS reached). */
	ux?: number;
	/** Posts emitted without being remembered at the time where this sweep continues: [id, scheduled_at]. */
	bx?: Array<[string, number]>;
}

/**
 * Returns a detached copy of the stored cursor, or undefined when there is none, it has another version,
 * or it belongs to other settings. Nothing is written here.
 */
export function readState(context: IPollFunctions, settingsKey: string): TriggerState | undefined {
	const data = context.getWorkflowStaticData('node');
	const raw = data.publer;
	if (!isRecord(raw) || raw.v !== STATE_VERSION || raw.cfg !== settingsKey) return undefined;
	const copy = JSON.parse(JSON.stringify(raw)) as TriggerState;
	return copy;
}

export function newState(settingsKey: string): TriggerState {
	return { v: STATE_VERSION, cfg: settingsKey, init: false };
}

/** Replaces the stored cursor. Never called in manual mode ("Fetch Test Event"). */
export function writeState(context: IPollFunctions, state: TriggerState): void {
	const data = context.getWorkflowStaticData('node');
	data.publer = JSON.parse(JSON.stringify(state)) as IDataObject;
}

/** A short, stable fingerprint of the settings (FNV-1a over their JSON). */
export function fingerprint(value: unknown): string {
	const text = JSON.stringify(value);
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash.toString(36);
}
