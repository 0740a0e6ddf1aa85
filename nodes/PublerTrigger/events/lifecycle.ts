import type { IDataObject } from 'n8n-workflow';

import { POST_STATES } from '../../shared/postStates';
import { MAX_TRACKED_POSTS, type SweepCursor } from '../state';
import { accountFilter, failureReason, getWithinBudget, isoSeconds, loadAccounts, MAX_REQUESTS_PER_POLL, parseTime, postItem, type EventResult, type PollRun } from './poll';

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
/** Undated drafts and ideas: pages one poll reads at most when dated posts are read too. */
const UNDATED_PAGES = 3;
/** States the undated read asks for when "Draft (Any)" is chosen: the drafts and ideas without a date. */
const UNDATED_DRAFTS = ['draft_undated', 'draft_private', 'draft_public'];

/** The number stored for a state in static data (its index in POST_STATES). */
function stateCode(state: string): number {
	return (POST_STATES as readonly string[]).indexOf(state);
}

/** Which chosen state (exact first, then a family) a post's state counts as; undefined when none. */
function matchState(postState: string, chosen: string[]): string | undefined {
	if (chosen.includes(postState)) return postState;
	return chosen.find((family) => AGGREGATES.has(family) && postState.startsWith(`${family}_`));
}

interface Page {
	posts: IDataObject[];
	/** Nothing comes after this page. */
	last: boolean;
}

async function readPage(run: PollRun, query: IDataObject, page: number): Promise<Page | undefined> {
	const response = await getWithinBudget(run, '/posts', { ...(query as Record<string, string | string[]>), page });
	if (!response) return undefined;
	const body = (response.body ?? {}) as IDataObject;
	const posts = Array.isArray(body.posts) ? (body.posts as IDataObject[]) : Array.isArray(body) ? (body as unknown as IDataObject[]) : [];
	const finiteNumber = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
	const total = finiteNumber(body.total);
	const perPage = finiteNumber(body.per_page);
	const totalPages = finiteNumber(body.total_pages);
	const last =
		posts.length === 0 ||
		(totalPages !== undefined && page + 1 >= totalPages) ||
		(total !== undefined && perPage !== undefined && perPage > 0 && (page + 1) * perPage >= total) ||
		(perPage !== undefined && posts.length < perPage);
	return { posts, last };
}

/**
 * Reads up to `maxPages` pages of a sweep from where its cursor stands, hands every post to `visit`, and moves
 * the cursor. Returns whether the sweep reached its end. The list comes newest first (by scheduled time), so
 * a dated sweep continues below the oldest time it read (a stable position, whatever is added meanwhile); when
 * the pages hold a single time (or are not sorted), it continues by page number.
 */
async function sweep(run: PollRun, cursor: SweepCursor, query: IDataObject, dated: boolean, maxPages: number, visit: (post: IDataObject) => void): Promise<boolean> {
	let read = 0;
	let lowest = Number.POSITIVE_INFINITY;
	let previous = Number.POSITIVE_INFINITY;
	let descending = true;
	while (read < maxPages) {
		const range = dated ? { from: isoSeconds(cursor.lo * 1000), to: isoSeconds(cursor.hi * 1000) } : {};
		const page = await readPage(run, { ...query, ...range }, cursor.pg + read);
		if (!page) break;
		read++;
		for (const post of page.posts) {
			visit(post);
			const scheduledMs = parseTime(post.scheduled_at);
			if (!dated || scheduledMs === undefined) continue;
			const scheduledSec = Math.floor(scheduledMs / 1000);
			if (scheduledSec > previous) descending = false;
			previous = scheduledSec;
			lowest = Math.min(lowest, scheduledSec);
		}
		if (page.last) return true;
	}
	if (dated && descending && lowest + 1 < cursor.hi) {
		cursor.hi = lowest + 1; // inclusive, and a second wide: posts at that time are read again and skipped
		cursor.pg = 0;
	} else cursor.pg += read;
	return false;
}

/**
 * Post Published, Post Failed and Post Entered State.
 *
 * The post list has no "changed since" filter, so the trigger reads the posts in the wanted states whose
 * `scheduled_at` lies in a window, and remembers which of them it has seen:
 *   from = watermark − late window − overlap, to = now + horizon
 * where the watermark is the start of the last complete read of the window. A post that changes state at most
 * "late window" after its scheduled time is therefore caught, even when n8n was down for a while.
 *
 * Bounded work: one poll sends at most MAX_REQUESTS_PER_POLL requests. A window too large for one poll is read
 * as a *sweep* over several polls: the cursor in static data says where to continue, so every poll makes
 * progress and the watermark moves once the sweep completes. Undated drafts and ideas are read the same way.
 *
 * Bounded state: a post is remembered while its scheduled time is inside the window (and while an undated
 * draft exists). Nothing inside the window is dropped; past MAX_TRACKED_POSTS the window's lower end moves up.
 * A remembered post that two complete sweeps in a row did not list has left the watched states; if it comes
 * back later it fires again. (One sweep is not enough: a post rescheduled while a sweep runs can move to a part
 * the sweep already read.)
 */
export async function pollLifecycle(run: PollRun, event: 'postPublished' | 'postFailed' | 'postEnteredState'): Promise<EventResult> {
	const { state, settings } = run;
	const chosen = event === 'postPublished' ? PUBLISHED_STATES : event === 'postFailed' ? FAILED_STATES : settings.states;
	const seen = (state.posts ??= {});
	const nowSec = Math.floor(run.now / 1000);
	const horizon = event === 'postPublished' ? PUBLISHED_HORIZON_SEC : HORIZON_SEC;
	const windowFloor = () => Math.max((state.wm ?? nowSec) - settings.lateWindowSec - OVERLAP_SEC, state.fl ?? Number.NEGATIVE_INFINITY);

	const accounts = await accountFilter(run);
	if (accounts === null) return { items: [] };
	if (accounts !== undefined && accounts.length === 0) {
		if (!run.manual) {
			state.wm = nowSec;
			delete state.dc;
			delete state.uc;
		}
		return { items: [] };
	}
	const dated = chosen.filter((chosenState) => !UNDATED.has(chosenState));
	const undated = [...new Set(chosen.flatMap((chosenState) => (chosenState === 'draft' ? UNDATED_DRAFTS : UNDATED.has(chosenState) ? [chosenState] : [])))];
	const accountQuery: IDataObject = accounts ? { 'account_ids[]': accounts } : {};
	/** The chosen state a post counts as ("published" for Post Published), or undefined when it is not watched. */
	const countedState = (post: IDataObject) => {
		const postState = typeof post.state === 'string' ? post.state : '';
		return event === 'postPublished' ? (postState.startsWith('published') ? 'published' : undefined) : matchState(postState, chosen);
	};
	/** A post the dated read owns: it has a date and a dated state was asked for. */
	const isDated = (post: IDataObject) => parseTime(post.scheduled_at) !== undefined && !!dated.length && !!matchState(String(post.state ?? ''), dated);

	if (run.manual) {
		// "Fetch Test Event": the latest match from the first page, nothing stored.
		const floorSec = windowFloor();
		const listed: IDataObject[] = [];
		if (dated.length) {
			const page = await readPage(run, { ...accountQuery, 'state[]': dated, from: isoSeconds(floorSec * 1000), to: isoSeconds((nowSec + horizon) * 1000) }, 0);
			listed.push(...(page?.posts ?? []));
		}
		if (undated.length && !run.rateLimited) listed.push(...((await readPage(run, { ...accountQuery, 'state[]': undated }, 0))?.posts ?? []));
		const latest = listed.find((post) => !!countedState(post));
		if (!latest) return { items: [] };
		await loadAccounts(run);
		return { items: [itemFor(run, event, latest, countedState(latest)!)] };
	}

	// Legacy (version 1) entries carry no sweep number: they count as listed by the previous sweep.
	for (const entry of Object.values(seen)) if (entry.length < 3) entry[2] = (entry[1] === 0 ? state.un : state.dn) ?? 0;
	let tracked = Object.keys(seen).length;
	const overflow: Array<[string, number]> = [];
	const toEmit: Array<{ post: IDataObject; countedAs: string }> = [];
	/** Records a listed post in a watched state; queues it for emission when it is new in that state. */
	const notePost = (post: IDataObject, countedAs: string, scheduledSec: number, sweepNo: number, baselineSweep: boolean, cursor?: SweepCursor) => {
		const id = String(post.id);
		const known = seen[id];
		if (known && known[0] === stateCode(countedAs)) {
			known[1] = scheduledSec;
			known[2] = sweepNo;
			return;
		}
		const emit = !baselineSweep || settings.includeExisting;
		if (!known && tracked >= MAX_TRACKED_POSTS) {
			// Undated posts cannot be forgotten by time: past the cap, new ones wait until there is room.
			if (scheduledSec === 0 || !cursor || cursor.bx?.some(([x]) => x === id)) return;
			// A dated one is emitted without being remembered, and the window's lower end moves above it when the
			// sweep completes (the sweep reads newest first, so it lies below every remembered post). Those at the
			// time where the next poll continues are kept as boundary ids, so that poll does not emit them again.
			cursor.ux = Math.max(cursor.ux ?? scheduledSec, scheduledSec);
			overflow.push([id, scheduledSec]);
			if (emit) toEmit.push({ post, countedAs });
			return;
		}
		if (!known) tracked++;
		seen[id] = [stateCode(countedAs), scheduledSec, sweepNo];
		if (emit) toEmit.push({ post, countedAs });
	};
	// Room for the accounts look-up that names the accounts in the items.
	const pagesLeft = () => Math.max(0, (run.budget ?? MAX_REQUESTS_PER_POLL) - run.requests - (run.accounts ? 0 : 1));

	// Undated drafts and ideas first (usually one page), then the dated window with the rest of the budget, then
	// the undated read again with what is left.
	const readUndated = async (maxPages: number) => {
		if (!undated.length || state.uc?.st === -1 || maxPages <= 0 || run.rateLimited) return;
		const cursor = (state.uc ??= { lo: 0, hi: 0, top: 0, pg: 0, st: nowSec, ...(run.baseline ? { b: 1 as const } : {}) });
		const sweepNo = (state.un ??= 1);
		const complete = await sweep(run, cursor, { ...accountQuery, 'state[]': undated }, false, maxPages, (post) => {
			const countedAs = countedState(post);
			if (!countedAs || isDated(post)) return;
			notePost(post, countedAs, 0, sweepNo, cursor.b === 1);
		});
		if (complete) {
			for (const [id, entry] of Object.entries(seen)) {
				if (entry[1] === 0 && (entry[2] ?? 0) < sweepNo - 1) {
					delete seen[id];
					tracked--;
				}
			}
			// Done for this poll: the next sweep starts with the next poll.
			state.uc = { lo: 0, hi: 0, top: 0, pg: 0, st: -1 };
			state.un = sweepNo + 1;
		}
	};
	await readUndated(dated.length ? Math.min(UNDATED_PAGES, pagesLeft()) : pagesLeft());
	if (dated.length && !run.rateLimited) {
		if (!state.dc) {
			state.dn = (state.dn ?? 0) + 1;
			const top = nowSec + horizon;
			state.dc = { lo: windowFloor(), hi: top, top, pg: 0, st: nowSec, ...(run.baseline ? { b: 1 as const } : {}) };
		}
		const cursor = state.dc;
		const sweepNo = state.dn ?? 1;
		const complete = await sweep(run, cursor, { ...accountQuery, 'state[]': dated }, true, pagesLeft(), (post) => {
			const countedAs = countedState(post);
			const scheduledMs = parseTime(post.scheduled_at);
			if (!countedAs || scheduledMs === undefined) return; // no date: the undated read covers drafts and ideas without one
			const scheduledSec = Math.floor(scheduledMs / 1000);
			if (scheduledSec < cursor.lo) return;
			notePost(post, countedAs, scheduledSec, sweepNo, cursor.b === 1, cursor);
		});
		if (!complete && (overflow.length || cursor.bx)) {
			const boundary = [...(cursor.bx ?? []), ...overflow].filter(([, scheduledSec]) => scheduledSec >= cursor.hi - 1 && scheduledSec <= cursor.hi);
			if (boundary.length) cursor.bx = boundary;
			else delete cursor.bx;
		}
		if (complete) {
			for (const [id, entry] of Object.entries(seen)) {
				if (entry[1] !== 0 && entry[1] >= cursor.lo && entry[1] <= cursor.top && (entry[2] ?? 0) < sweepNo - 1) delete seen[id];
			}
			state.wm = cursor.st;
			if (cursor.ux !== undefined) state.fl = Math.max(state.fl ?? cursor.ux + 1, cursor.ux + 1);
			delete state.dc;
		}
		// Forget posts whose scheduled time has left the window: they are never listed again.
		const floor = state.dc?.lo ?? windowFloor();
		for (const [id, entry] of Object.entries(seen)) if (entry[1] !== 0 && entry[1] < floor) delete seen[id];
		if (state.fl !== undefined && state.fl <= (state.wm ?? nowSec) - settings.lateWindowSec - OVERLAP_SEC) delete state.fl;
	}

	await readUndated(pagesLeft());
	if (state.uc?.st === -1) delete state.uc;

	const items: IDataObject[] = [];
	if (toEmit.length) await loadAccounts(run);
	for (const { post, countedAs } of toEmit) items.push(itemFor(run, event, post, countedAs));
	// Read newest first; n8n gets them oldest first.
	items.reverse();
	return { items };
}

function itemFor(run: PollRun, event: string, post: IDataObject, countedAs: string): IDataObject {
	const extra: IDataObject = {};
	if (event === 'postFailed') extra.failureReason = failureReason(post);
	if (event === 'postEnteredState') extra.enteredState = countedAs;
	return postItem(run, event, post, extra);
}
