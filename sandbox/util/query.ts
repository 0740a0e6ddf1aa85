// Query strings as Publer's pages write them: `key[]=a&key[]=b`, `key=a&key=b` and `key=a,b` all give arrays.
import { badRequest } from './httpError';

/**
 * Parse a query string accepting `key[]=a&key[]=b`, `key=a&key=b` (both give arrays under `key`)
 * and plain `key=a`. Comma lists are split by `queryList()` for array parameters only.
 */
export function parseQuery(queryString: string): Record<string, any> {
	const out: Record<string, any> = {};
	if (!queryString) return out;
	const params = new URLSearchParams(queryString);
	for (const [rawKey, value] of params) {
		const isArray = rawKey.endsWith('[]');
		const key = isArray ? rawKey.slice(0, -2) : rawKey;
		const current = out[key];
		if (current === undefined) out[key] = isArray ? [value] : value;
		else if (Array.isArray(current)) current.push(value);
		else out[key] = [current, value];
	}
	return out;
}

/** Read an array query parameter (any of the three encodings). Empty strings dropped. */
export function queryList(query: Record<string, any>, key: string): string[] | undefined {
	const value = query[key];
	if (value === undefined) return undefined;
	const list = Array.isArray(value) ? value : [value];
	const out: string[] = [];
	for (const item of list) for (const part of String(item).split(',')) if (part.trim() !== '') out.push(part.trim());
	return out;
}

/** Read a single query parameter; when repeated, the last one wins. */
export function queryString(query: Record<string, any>, key: string): string | undefined {
	const value = query[key];
	if (value === undefined) return undefined;
	return Array.isArray(value) ? String(value[value.length - 1]) : String(value);
}

export function queryInt(query: Record<string, any>, key: string, fallback: number): number {
	const value = queryString(query, key);
	if (value === undefined || value === '') return fallback;
	const n = Number(value);
	if (!Number.isInteger(n) || n < 0) throw badRequest(`${key} must be a non-negative integer`);
	return n;
}

export function truthy(value: unknown): boolean {
	return value === true || value === 'true' || value === '1' || value === 1;
}

export function paginate<T>(items: T[], page: number, perPage: number): T[] {
	return items.slice(page * perPage, page * perPage + perPage);
}
