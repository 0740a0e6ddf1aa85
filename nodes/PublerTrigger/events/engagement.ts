import type { IDataObject } from 'n8n-workflow';

import { MAX_FIRED_POSTS } from '../state';
import { accountFilter, getWithinBudget, isoSeconds, isoDate, listedMedia, loadAccounts, parseTime, type EventResult, type PollRun } from './poll';

/** Metrics `GET /analytics/{account_id}/post_insights` reports per post (publer-api.md §5.19), all sortable. */
export const ENGAGEMENT_METRICS = [
	'click_through_rate',
	'comments',
	'engagement',
	'engagement_rate',
	'likes',
	'link_clicks',
	'post_clicks',
	'reach',
	'reach_rate',
	'saves',
	'shares',
	'video_views',
] as const;

const DAY_MS = 86_400_000;
/** Publer's analytics page size (publer-api.md §3.4). */
const INSIGHTS_PAGE_SIZE = 10;
const MAX_PAGES = 200;
/** Link look-ups (`GET /posts`, one per newly emitted post) per poll; later ones come without a link. */
const MAX_LINK_LOOKUPS = 20;

function finiteNumber(value: unknown): number | undefined {
	const parsed = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
	return Number.isFinite(parsed) ? parsed : undefined;
}

/**
 * Engagement Threshold Reached: reads post insights of the look-back window sorted by the metric, highest
 * first, and stops at the first post below the threshold, so a poll costs one request per 10 posts at or
 * above it (plus one). A post fires once: its id is remembered (with its day) until it leaves the look-back
 * window, so values that move around the threshold never fire it again.
 */
export async function pollEngagement(run: PollRun): Promise<EventResult> {
	const { state, settings } = run;
	const fired = (state.fired ??= {});
	const { metric, threshold, lookbackDays } = settings;
	const today = Math.floor(run.now / DAY_MS);
	// Past MAX_FIRED_POSTS the oldest days are no longer watched (see forgetPastCap): the window starts above them.
	if (state.ef !== undefined && state.ef <= today - lookbackDays) delete state.ef;
	const firstDay = Math.max(today - lookbackDays, state.ef ?? Number.NEGATIVE_INFINITY);

	const accounts = await accountFilter(run);
	if (accounts === null) return { items: [] };
	const allowed = accounts ? new Set(accounts) : undefined;

	const candidates: IDataObject[] = [];
	let previous = Number.POSITIVE_INFINITY;
	let sorted = true;
	for (let page = 0; page < MAX_PAGES; page++) {
		const response = await getWithinBudget(run, '/analytics/post_insights', {
			from: isoDate(firstDay * DAY_MS),
			to: isoDate(run.now + DAY_MS),
			sort_by: metric,
			sort_type: 'DESC',
			page,
		});
		if (!response) break;
		const body = (response.body ?? {}) as IDataObject;
		const rows = Array.isArray(body.posts) ? (body.posts as IDataObject[]) : [];
		let belowSeen = false;
		for (const row of rows) {
			const value = finiteNumber((row.analytics as IDataObject | undefined)?.[metric]) ?? 0;
			if (value > previous) sorted = false;
			previous = value;
			if (value < threshold) {
				belowSeen = true;
				continue;
			}
			if (allowed && !allowed.has(String(row.account_id))) continue;
			candidates.push({ ...row, value });
		}
		const total = finiteNumber(body.total);
		if (rows.length === 0 || rows.length < INSIGHTS_PAGE_SIZE) break;
		if (total !== undefined && (page + 1) * INSIGHTS_PAGE_SIZE >= total) break;
		// Sorted highest first: once a value is below the threshold, no later page has one above it.
		if (sorted && belowSeen) break;
	}

	const seenNow = new Set<string>();
	const fresh: IDataObject[] = [];
	for (const row of candidates) {
		const id = String(row.id ?? '');
		if (!id || seenNow.has(id)) continue;
		seenNow.add(id);
		if (!run.manual && fired[id] !== undefined) continue;
		fresh.push(row);
	}

	if (run.manual) {
		const latest = [...fresh].sort((a, b) => (parseTime(b.scheduled_at) ?? 0) - (parseTime(a.scheduled_at) ?? 0))[0];
		if (!latest) return { items: [] };
		await loadAccounts(run);
		return { items: [await engagementItem(run, latest, 0)] };
	}

	const emit = !run.baseline || settings.includeExisting;
	const items: IDataObject[] = [];
	if (emit && fresh.length) await loadAccounts(run);
	let lookups = 0;
	for (const row of fresh) {
		const scheduled = parseTime(row.scheduled_at);
		fired[String(row.id)] = scheduled === undefined ? today : Math.floor(scheduled / DAY_MS);
		if (emit) items.push(await engagementItem(run, row, lookups++));
	}
	// Posts older than the look-back window are never asked for again: forget them.
	for (const [id, day] of Object.entries(fired)) if (day < firstDay - 1) delete fired[id];
	forgetPastCap(state, fired);
	return { items };
}

/**
 * Keeps at most MAX_FIRED_POSTS posts without ever firing one twice: a post forgotten while the window still
 * lists it would fire again. So whole days are forgotten, oldest first, and the window's first day (`ef`) moves
 * two days above the last one forgotten (one day of margin for Publer's workspace time zone): those posts are
 * never asked for again. A post of those days that had not reached the threshold yet is no longer watched.
 */
function forgetPastCap(state: PollRun['state'], fired: Record<string, number>): void {
	const ids = Object.keys(fired);
	if (ids.length <= MAX_FIRED_POSTS) return;
	const days = [...new Set(ids.map((id) => fired[id]))].sort((a, b) => a - b);
	let kept = ids.length;
	let lastForgotten = Number.NEGATIVE_INFINITY;
	const perDay = new Map<number, number>();
	for (const id of ids) perDay.set(fired[id], (perDay.get(fired[id]) ?? 0) + 1);
	for (const day of days) {
		if (kept <= MAX_FIRED_POSTS) break;
		kept -= perDay.get(day) ?? 0;
		lastForgotten = day;
	}
	for (const id of ids) if (fired[id] <= lastForgotten) delete fired[id];
	state.ef = Math.max(state.ef ?? Number.NEGATIVE_INFINITY, lastForgotten + 2);
}

/** Finds the published post's record (for its link) with one narrow `GET /posts`. */
async function findPost(run: PollRun, row: IDataObject): Promise<IDataObject | undefined> {
	const scheduled = parseTime(row.scheduled_at);
	if (scheduled === undefined || !row.account_id) return undefined;
	const response = await getWithinBudget(run, '/posts', {
		'account_ids[]': [String(row.account_id)],
		from: isoSeconds(scheduled - 1000),
		to: isoSeconds(scheduled + 1000),
	});
	const list = ((response?.body as IDataObject | undefined)?.posts ?? []) as IDataObject[];
	return Array.isArray(list) ? list.find((post) => String(post.id) === String(row.id)) : undefined;
}

async function engagementItem(run: PollRun, row: IDataObject, lookupIndex: number): Promise<IDataObject> {
	const { metric, threshold } = run.settings;
	const accountId = row.account_id !== undefined && row.account_id !== null ? String(row.account_id) : null;
	const account = accountId ? run.accounts?.get(accountId) : undefined;
	const post = lookupIndex < MAX_LINK_LOOKUPS && !run.rateLimited ? await findPost(run, row) : undefined;
	const { value, ...insight } = row;
	return {
		event: 'engagementThreshold',
		postId: String(row.id),
		accountId,
		accountName: account?.name ?? null,
		network: (post?.network as string | undefined) ?? account?.provider ?? null,
		text: typeof row.text === 'string' ? row.text : null,
		title: (row.title as string | undefined) ?? null,
		type: (row.post_type as string | undefined) ?? null,
		link: (post?.post_link as string | undefined) ?? null,
		media: listedMedia(post),
		state: (post?.state as string | undefined) ?? null,
		scheduledAt: (row.scheduled_at as string | undefined) ?? null,
		metric,
		value,
		threshold,
		analytics: (row.analytics as IDataObject | undefined) ?? {},
		workspaceId: run.settings.workspaceId,
		detectedAt: isoSeconds(run.now),
		insight,
	};
}
