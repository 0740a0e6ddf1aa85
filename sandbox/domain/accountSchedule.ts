// Per-account index of scheduled and published posts: sorted times for the one-minute gap rule, and counts per
// account, category and UTC day for the daily caps. Keeps a 500-post bulk at O(n log n).
import type { PostRecord } from './records';
import { MINUTE } from '../util/time';

/** First index i with sorted[i] >= x. */
function lowerBound(sorted: number[], x: number): number {
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (sorted[mid] < x) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

export class AccountSchedule {
	private timesByAccount = new Map<string, number[]>();
	private capCounts = new Map<string, number>();

	clear(): void {
		this.timesByAccount.clear();
		this.capCounts.clear();
	}

	/** Is another post of this account less than a minute away from `t`? */
	hasGapConflict(accountId: string, t: number): boolean {
		const times = this.timesByAccount.get(accountId);
		if (!times || !times.length) return false;
		const i = lowerBound(times, t - MINUTE + 1);
		return i < times.length && times[i] < t + MINUTE;
	}

	capCount(capKey: string): number {
		return this.capCounts.get(capKey) ?? 0;
	}

	add(post: PostRecord, t: number, capKey: string): void {
		let times = this.timesByAccount.get(post.account_id!);
		if (!times) this.timesByAccount.set(post.account_id!, (times = []));
		times.splice(lowerBound(times, t), 0, t);
		this.capCounts.set(capKey, this.capCount(capKey) + 1);
		post.indexed = { t, capKey };
	}

	remove(post: PostRecord): void {
		if (!post.indexed || !post.account_id) return;
		const times = this.timesByAccount.get(post.account_id);
		if (times) {
			const i = lowerBound(times, post.indexed.t);
			if (times[i] === post.indexed.t) times.splice(i, 1);
		}
		this.capCounts.set(post.indexed.capKey, Math.max(0, this.capCount(post.indexed.capKey) - 1));
		post.indexed = null;
	}
}
