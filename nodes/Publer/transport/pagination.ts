import type { IDataObject } from 'n8n-workflow';

import { publerApiRequestFull, type PublerContext } from './request';
import type { PublerRequestOptions } from './types';

export interface PaginateOptions extends PublerRequestOptions {
	/** Key of the list in the response (`posts`, `media`, `records`, `insights`); bare arrays need none. */
	itemsKey?: string;
	/** Stop after this many items; undefined returns all. */
	limit?: number;
	/** Safety stop, in pages. */
	maxPages?: number;
}

export interface PaginateResult {
	items: IDataObject[];
	pages: number;
	total?: number;
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
	const { itemsKey, limit, maxPages = 10_000, ...request } = options;
	const items: IDataObject[] = [];
	let pageSize: number | undefined;
	let total: number | undefined;
	let pages = 0;
	for (let page = 0; page < maxPages; page++) {
		const response = await publerApiRequestFull.call(this, {
			...request,
			qs: { ...(request.qs ?? {}), page },
		});
		pages++;
		const body = response.body;
		const list = listFrom(body, itemsKey);
		items.push(...list);
		total = numberField(body, 'total') ?? total;
		const totalPages = numberField(body, 'total_pages');
		const perPage = numberField(body, 'per_page');
		if (pageSize === undefined) pageSize = perPage ?? list.length;

		if (limit !== undefined && items.length >= limit) break;
		if (list.length === 0) break;
		if (totalPages !== undefined && page + 1 >= totalPages) break;
		if (total !== undefined && items.length >= total) break;
		if (pageSize !== undefined && list.length < pageSize) break;
		if (Array.isArray(body)) break; // a bare array is not paginated
	}
	return { items: limit !== undefined ? items.slice(0, limit) : items, pages, total };
}
