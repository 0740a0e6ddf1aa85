import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { publerApiRequestFull, type PublerContext } from './request';
import type { PublerRequestOptions } from './types';

export interface PaginateOptions extends PublerRequestOptions {
	/** Key of the list in the response (`posts`, `media`, `records`, `insights`); bare arrays need none. */
	itemsKey?: string;
	/** Stop after this many items; undefined returns all. */
	limit?: number;
	/**
	 * Most pages read. Given by the caller, it is a deliberate stop (the result is marked incomplete). Not given,
	 * it is a safety cap of {@link DEFAULT_MAX_PAGES} pages that fails the request unless `onIncomplete` is
	 * `'partial'`.
	 */
	maxPages?: number;
	/** What to do when the list cannot be read to its end: fail (default) or return what was read, marked. */
	onIncomplete?: 'error' | 'partial';
}

export interface PaginateResult {
	items: IDataObject[];
	pages: number;
	total?: number;
	/** false when more items exist than were read (page cap, or a server that repeats a page). */
	complete: boolean;
	/** Why the list is incomplete. */
	stoppedBy?: 'pageCap' | 'repeatedPage';
}

/**
 * Safety cap on pages per list. 100 requests is one whole 2-minute rate-limit window of Publer's; a server that
 * ignores `page` is caught after its second page, before the cap.
 */
export const DEFAULT_MAX_PAGES = 100;

/** What identifies a page: its items' IDs, or (items without IDs) their JSON. */
function pageSignature(list: IDataObject[]): string {
	if (list.every((item) => item && (typeof item.id === 'string' || typeof item.id === 'number'))) return list.map((item) => String(item.id)).join(',');
	try {
		return JSON.stringify(list);
	} catch {
		return String(Math.random());
	}
}

function listFrom(body: unknown, itemsKey: string | undefined): IDataObject[] {
	if (Array.isArray(body)) return body as IDataObject[];
	if (body && typeof body === 'object') {
		const value = itemsKey ? (body as IDataObject)[itemsKey] : undefined;
		if (Array.isArray(value)) return value as IDataObject[];
	}
	return [];
}

function numberField(body: unknown, key: string): number | undefined {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const v = (body as IDataObject)[key];
	return typeof v === 'number' ? v : typeof v === 'string' && v !== '' && !isNaN(Number(v)) ? Number(v) : undefined;
}

/**
 * Walks Publer's zero-based `page` parameter. Stops on an empty page, a page shorter than the first,
 * `total_pages`, `total`, or the limit.
 */
export async function publerApiRequestAllItems(this: PublerContext, options: PaginateOptions): Promise<PaginateResult> {
	const { itemsKey, limit, maxPages: givenMaxPages, onIncomplete, ...request } = options;
	const capGiven = givenMaxPages !== undefined;
	const maxPages = capGiven && Number.isFinite(givenMaxPages) && givenMaxPages >= 1 ? Math.floor(givenMaxPages) : DEFAULT_MAX_PAGES;
	const whenIncomplete = onIncomplete ?? (capGiven ? 'partial' : 'error');
	const items: IDataObject[] = [];
	let pageSize: number | undefined;
	let total: number | undefined;
	let pages = 0;
	let previous: string | undefined;
	let stoppedBy: PaginateResult['stoppedBy'];
	let finished = false;
	for (let page = 0; page < maxPages; page++) {
		const response = await publerApiRequestFull.call(this, {
			...request,
			qs: { ...(request.qs ?? {}), page },
		});
		pages++;
		const body = response.body;
		const list = listFrom(body, itemsKey);
		const signature = list.length ? pageSignature(list) : '';
		if (page > 0 && list.length && signature === previous) {
			// The same page again: the server ignores `page`, and reading on would only repeat it.
			stoppedBy = 'repeatedPage';
			break;
		}
		previous = signature;
		items.push(...list);
		total = numberField(body, 'total') ?? total;
		const totalPages = numberField(body, 'total_pages');
		const perPage = numberField(body, 'per_page');
		if (pageSize === undefined) pageSize = perPage ?? list.length;

		if (
			(limit !== undefined && items.length >= limit) ||
			list.length === 0 ||
			(totalPages !== undefined && page + 1 >= totalPages) ||
			(total !== undefined && items.length >= total) ||
			(pageSize !== undefined && list.length < pageSize) ||
			Array.isArray(body) // a bare array is not paginated
		) {
			finished = true;
			break;
		}
	}
	if (!finished && !stoppedBy) stoppedBy = 'pageCap';
	if (stoppedBy && whenIncomplete === 'error') {
		const what = `${request.method} ${request.path}`;
		throw new NodeOperationError(
			this.getNode(),
			stoppedBy === 'repeatedPage'
				? `Publer answered page ${pages - 1} of ${what} with the same items as page ${pages - 2}, so the list cannot be read to its end`
				: `Stopped reading ${what} after ${pages} pages (${items.length} items) without reaching the end of the list`,
			{
				itemIndex: request.itemIndex,
				description:
					stoppedBy === 'repeatedPage'
						? 'The server seems to ignore the "page" parameter. Check the Base URL in the credential (it should be Publer’s API). Nothing further was requested.'
						: `The node reads at most ${maxPages} pages of one list (${maxPages} requests, a whole rate-limit window). Narrow the list with filters (for example From and To) or set a Limit.`,
			},
		);
	}
	return { items: limit !== undefined ? items.slice(0, limit) : items, pages, total, complete: !stoppedBy, ...(stoppedBy ? { stoppedBy } : {}) };
}
