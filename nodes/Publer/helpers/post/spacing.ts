import type { IDataObject } from 'n8n-workflow';

import { formatInZone } from '../../../shared/dates';
import type { BuiltPost, PostTarget } from './types';

/** Publer refuses a post less than a minute after another on the same account (publer-api.md §9.6, §15). */
export const GAP_MS = 60_000;
export const GAP_RULE = "There's another post at this time. A one minute gap is required between posts";

/** Modes whose posts carry a fixed `scheduled_at` per account (Schedule, and Draft with a date). */
const TIMED_MODES = new Set(['schedule', 'draft']);

/** What the gap check and spacing need of a prepared post. */
export interface SpacedPost {
	itemIndex: number;
	workspaceId: string;
	mode: string;
	built: BuiltPost;
}

interface Slot {
	post: SpacedPost;
	target: PostTarget;
	/** Position of the target in `post.accounts[]` (built in the same order as the targets). */
	position: number;
	ms: number;
}

/** Every timed (post × account) of one execution, by workspace and account, in time order (then item order). */
function slotsByAccount(posts: SpacedPost[]): Slot[][] {
	const byAccount = new Map<string, Slot[]>();
	for (const post of posts) {
		if (!TIMED_MODES.has(post.mode)) continue;
		post.built.targets.forEach((target, position) => {
			if (!target.accountId || target.scheduledAtMs === undefined) return;
			const key = `${post.workspaceId}\u0000${target.accountId}`;
			let slots = byAccount.get(key);
			if (!slots) byAccount.set(key, (slots = []));
			slots.push({ post, target, position, ms: target.scheduledAtMs });
		});
	}
	const lists = [...byAccount.values()];
	for (const slots of lists) slots.sort((a, b) => a.ms - b.ms || a.post.itemIndex - b.post.itemIndex);
	return lists;
}

/** A post Publer would refuse: less than a minute after `other` on `accountName`. */
export interface GapConflict {
	post: SpacedPost;
	other: SpacedPost;
	accountId: string;
	accountName: string;
	at: string;
	otherAt: string;
}

/**
 * The posts of one execution that Publer would refuse for the one-minute gap: on each account, in time order,
 * a post less than a minute after the last one kept is refused (the earlier one stays, as at Publer).
 * O(n log n) in the number of (post × account) pairs. One conflict per refused post (the first found).
 */
export function findGapConflicts(posts: SpacedPost[]): GapConflict[] {
	const conflicts = new Map<SpacedPost, GapConflict>();
	for (const slots of slotsByAccount(posts)) {
		let kept: Slot | undefined;
		for (const slot of slots) {
			if (kept && slot.ms - kept.ms < GAP_MS && slot.post !== kept.post) {
				if (!conflicts.has(slot.post)) {
					conflicts.set(slot.post, {
						post: slot.post,
						other: kept.post,
						accountId: slot.target.accountId,
						accountName: slot.target.accountName ?? slot.target.accountId,
						at: slot.target.scheduledAt ?? new Date(slot.ms).toISOString(),
						otherAt: kept.target.scheduledAt ?? new Date(kept.ms).toISOString(),
					});
				}
				continue;
			}
			kept = slot;
		}
	}
	return [...conflicts.values()].sort((a, b) => a.post.itemIndex - b.post.itemIndex);
}

/**
 * Options → Space Posts Apart: on each account, the posts of this execution (Schedule and dated Draft) are put
 * at least `minutes` apart, in time order (then item order), each no earlier than its own time: 20 items at
 * 09:00 with 30 minutes become 09:00, 09:30, … 18:30 on every account. Changes the body's
 * `accounts[].scheduled_at` and the targets (so the output shows each item's time). Returns the number of
 * (post × account) times moved. O(n log n).
 */
export function spacePosts(posts: SpacedPost[], minutes: number, timeZone: string): number {
	if (!(minutes > 0)) return 0;
	const step = Math.round(minutes * 60_000);
	let moved = 0;
	for (const slots of slotsByAccount(posts)) {
		let previous: number | undefined;
		for (const slot of slots) {
			const ms = previous === undefined ? slot.ms : Math.max(slot.ms, previous + step);
			previous = ms;
			if (ms === slot.ms) continue;
			const iso = formatInZone(ms, timeZone);
			slot.target.scheduledAtMs = ms;
			slot.target.scheduledAt = iso;
			const accounts = slot.post.built.post.accounts as IDataObject[] | undefined;
			const entry = accounts?.[slot.position];
			if (entry && entry.id === slot.target.accountId) entry.scheduled_at = iso;
			moved++;
		}
	}
	return moved;
}
