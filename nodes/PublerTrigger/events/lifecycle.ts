import type { IDataObject } from 'n8n-workflow';

import { capMap, MAX_TRACKED_POSTS } from '../state';
import { accountFilter, failureReason, get, iso, loadAccounts, parseTime, postItem, type EventResult, type PollRun } from './common';

/**
 * Every state `GET /posts` documents (publer-api.md §5.6), except `all`. The index of a state in this list is
 * stored in static data: append new states at the end, never reorder.
 */
export const POST_STATES = [
	'scheduled',
	'scheduled_approved',
	'scheduled_pending',
	'scheduled_declined',
	'scheduled_reauth',
	'scheduled_locked',
	'published',
	'published_posted',
	'published_deleted',
	'published_hidden',
	'draft',
	'draft_dated',
	'draft_undated',
	'draft_private',
	'draft_public',
	'failed',
	'recycling',
	'recycling_active',
	'recycling_paused',
	'recycling_expired',
	'recycling_failed',
	'recycling_pending',
	'recycling_declined',
	'recycling_reauth',
	'recycling_locked',
	'recurring',
] as const;

/** Filter values that stand for a family of states. */
const AGGREGATES = new Set(['scheduled', 'published', 'draft', 'recycling']);
/** States of posts without a date (`from`/`to` never match them). */
const UNDATED = new Set(['draft_undated', 'draft_private', 'draft_public']);

export const PUBLISHED_STATES = ['published_posted', 'published_deleted', 'published_hidden'];
export const FAILED_STATES = ['failed', 'recycling_failed'];

/** Seconds of overlap added to the window, for clock skew between n8n and Publer and posts saved mid-poll. */
export const OVERLAP_SEC = 300;
/** How far ahead of now the window reaches: posts can be scheduled (and pending, declined...) long ahead. */
const HORIZON_SEC = 3 * 366 * 86400;
/** Published posts cannot lie in the future; a day covers any clock skew. */
const PUBLISHED_HORIZON_SEC = 86400;
/** Safety stop for one poll, in pages (20 posts each at Publer's page size). */
const MAX_PAGES = 100;
/** Undated drafts and ideas are read newest first, this many pages per poll. */
const UNDATED_PAGES = 3;

function code(state: string): number {
	return (POST_STATES as readonly string[]).indexOf(state);
}

/** Which chosen state (exact first, then a family) a post's state counts as; undefined when none. */
function matchState(postState: string, chosen: string[]): string | undefined {
	if (chosen.includes(postState)) return postState;
	return chosen.find((c) => AGGREGATES.has(c) && postState.startsWith(`${c}_`));
}

interface Scan {
	posts: IDataObject[];
	complete: boolean;
	consistent: boolean;
}

async function scan(run: PollRun, qs: IDataObject, maxPages: number): Promise<Scan> {
	const posts: IDataObject[] = [];
	const seen = new Set<string>();
	let firstTotal: number | undefined;
	let lastTotal: number | undefined;
	let pageSize: number | undefined;
	let complete = false;
	for (let page = 0; page < maxPages; page++) {
		const response = await get(run, '/posts', { ...(qs as Record<string, string | string[]>), page });
		if (!response) return { posts, complete: false, consistent: false };
		const body = (response.body ?? {}) as IDataObject;
		const list = Array.isArray(body.posts) ? (body.posts as IDataObject[]) : Array.isArray(body) ? (body as unknown as IDataObject[]) : [];
		for (const post of list) {
			const id = typeof post.id === 'string' || typeof post.id === 'number' ? String(post.id) : '';
			if (!id || seen.has(id)) continue;
			seen.add(id);
			posts.push(post);
		}
		const total = typeof body.total === 'number' ? body.total : undefined;
		if (firstTotal === undefined) firstTotal = total;
		lastTotal = total;
		const perPage = typeof body.per_page === 'number' ? body.per_page : undefined;
		if (pageSize === undefined) pageSize = perPage ?? list.length;
		const totalPages = typeof body.total_pages === 'number' ? body.total_pages : undefined;
		if (
			list.length === 0 ||
			(totalPages !== undefined && page + 1 >= totalPages) ||
			(total !== undefined && (page + 1) * (pageSize || list.length) >= total) ||
			(pageSize !== undefined && list.length < pageSize)
		) {
			complete = true;
			break;
		}
	}
	// The list has no stable cursor: if posts moved while the pages were read, one may have been skipped.
	const consistent = complete && (firstTotal === undefined || (firstTotal === lastTotal && firstTotal === posts.length));
	return { posts, complete, consistent };
}

/**
 * Post Published, Post Failed and Post Entered State.
 *
 * The post list has no "changed since" filter, so each poll asks for the posts in the wanted states whose
 * `scheduled_at` lies in a window, and remembers which of them it has seen:
 *   from = watermark − late window − overlap, to = now + horizon
 * where the watermark is the start of the last poll that read the window completely. A post that changes
 * state at most "late window" after its scheduled time is therefore caught, even when n8n was down for a
 * while (the window then reaches back to the last complete read). Posts seen are remembered with their
 * scheduled time and forgotten once it falls out of the window: the cursor never holds older history, and the
 * requests per poll depend on the posts inside the window, not on the whole history.
 */
export async function pollLifecycle(run: PollRun, event: 'postPublished' | 'postFailed' | 'postEnteredState'): Promise<EventResult> {
	const { state, settings } = run;
	const chosen = event === 'postPublished' ? PUBLISHED_STATES : event === 'postFailed' ? FAILED_STATES : settings.states;
	const seen = (state.posts ??= {});
	const nowSec = Math.floor(run.now / 1000);
	const watermark = state.wm ?? nowSec;
	const fromSec = watermark - settings.lateWindowSec - OVERLAP_SEC;
	const toSec = nowSec + (event === 'postPublished' ? PUBLISHED_HORIZON_SEC : HORIZON_SEC);

	const accounts = await accountFilter(run);
	if (accounts === null) return { items: [] };
	if (accounts !== undefined && accounts.length === 0) {
		if (!run.manual) state.wm = nowSec;
		return { items: [] };
	}
	const dated = chosen.filter((s) => !UNDATED.has(s));
	const undated = chosen.filter((s) => UNDATED.has(s) || s === 'draft');
	const base: IDataObject = accounts ? { 'account_ids[]': accounts } : {};

	const scans: Array<{ scan: Scan; undated: boolean }> = [];
	if (dated.length) {
		const pages = run.manual ? 1 : MAX_PAGES;
		scans.push({ scan: await scan(run, { ...base, 'state[]': dated, from: iso(fromSec * 1000), to: iso(toSec * 1000) }, pages), undated: false });
	}
	if (undated.length && !run.rateLimited) {
		scans.push({ scan: await scan(run, { ...base, 'state[]': undated }, run.manual ? 1 : UNDATED_PAGES), undated: true });
	}

	// Which posts are new: not seen, or seen in another of the chosen states (Entered State only).
	const fresh: Array<{ post: IDataObject; as: string; sched: number }> = [];
	const present = new Set<string>();
	for (const { scan: s, undated: isUndated } of scans) {
		for (const post of s.posts) {
			const id = String(post.id);
			const postState = typeof post.state === 'string' ? post.state : '';
			const as = event === 'postPublished' ? (postState.startsWith('published') ? 'published' : undefined) : matchState(postState, chosen);
			if (!as) continue;
			const scheduled = parseTime(post.scheduled_at);
			const sched = isUndated || scheduled === undefined ? 0 : Math.floor(scheduled / 1000);
			if (sched !== 0 && sched < fromSec) continue;
			present.add(id);
			const known = seen[id];
			if (known && known[0] === code(as)) continue;
			fresh.push({ post, as, sched });
		}
	}

	if (run.manual) {
		const latest = scans.flatMap((x) => x.scan.posts).find((p) => {
			const st = typeof p.state === 'string' ? p.state : '';
			return event === 'postPublished' ? st.startsWith('published') : !!matchState(st, chosen);
		});
		if (!latest) return { items: [] };
		await loadAccounts(run);
		return { items: [itemFor(run, event, latest, typeof latest.state === 'string' ? latest.state : '')] };
	}

	const emit = !run.baseline || settings.includeExisting;
	const items: IDataObject[] = [];
	if (emit && fresh.length) await loadAccounts(run);
	for (const { post, as, sched } of fresh) {
		seen[String(post.id)] = [code(as), sched];
		if (emit) items.push(itemFor(run, event, post, as));
	}

	const datedScan = scans.find((x) => !x.undated)?.scan;
	const undatedScan = scans.find((x) => x.undated)?.scan;
	// A complete and consistent read shows every post in the window: the ones not in it have left the chosen
	// states, so a later return counts as entering again.
	for (const [id, [, sched]] of Object.entries(seen)) {
		if (present.has(id)) continue;
		if (sched === 0 ? undatedScan?.consistent : datedScan?.consistent && sched >= fromSec) delete seen[id];
	}
	if (!run.rateLimited && (!datedScan || datedScan.complete)) state.wm = nowSec;
	// Forget posts whose scheduled time has left the window; keep the map bounded whatever happens.
	const floor = (state.wm ?? nowSec) - settings.lateWindowSec - OVERLAP_SEC;
	for (const [id, [, sched]] of Object.entries(seen)) if (sched !== 0 && sched < floor) delete seen[id];
	capMap(seen, MAX_TRACKED_POSTS, ([, sched]) => (sched === 0 ? Number.MAX_SAFE_INTEGER : sched));
	// Newest first, as the list returns them; n8n gets them oldest first.
	items.reverse();
	return { items };
}

function itemFor(run: PollRun, event: string, post: IDataObject, as: string): IDataObject {
	const extra: IDataObject = {};
	if (event === 'postFailed') extra.failureReason = failureReason(post);
	if (event === 'postEnteredState') extra.enteredState = as;
	return postItem(run, event, post, extra);
}
