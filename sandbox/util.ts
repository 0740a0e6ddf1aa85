// Small helpers shared by the sandbox modules: ids, hashing, time parsing, query arrays, HTTP errors.
import { createHash } from 'crypto';

/** An error that the server turns into `status` with `body` (default `{"errors":[message]}`). */
export class HttpError extends Error {
	constructor(
		public status: number,
		message: string,
		public body?: unknown,
	) {
		super(message);
	}
}

export function badRequest(message: string): HttpError {
	return new HttpError(400, message);
}

/** Deterministic 24-hex id derived from a label (used for seed data). */
export function seedId(label: string): string {
	return createHash('sha1').update('publer-sandbox:' + label).digest('hex').slice(0, 24);
}

/** 32-bit FNV-1a hash, used for deterministic figures (analytics). */
export function hash32(s: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

/** ObjectId-like generator: 8 hex of seconds from the sandbox clock + 16 hex counter. */
export class IdGen {
	private counter: number;
	constructor(start = 0x51a000) {
		this.counter = start;
	}
	next(nowMs: number): string {
		this.counter++;
		const ts = Math.floor(nowMs / 1000) >>> 0;
		return ts.toString(16).padStart(8, '0').slice(-8) + this.counter.toString(16).padStart(16, '0');
	}
}

/** ISO 8601 with +00:00 offset and no milliseconds, as Publer writes timestamps. */
export function iso(ms: number | Date): string {
	const d = typeof ms === 'number' ? new Date(ms) : ms;
	return d.toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

export function isoDate(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

const DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parse an ISO 8601 datetime as the docs use it: `Z`, `+hh:mm` offsets, seconds optional.
 * A datetime without offset is read as UTC. Returns NaN when invalid.
 */
export function parseDateTime(s: unknown): number {
	if (typeof s !== 'string') return NaN;
	const m = DATETIME_RE.exec(s.trim());
	if (!m) return NaN;
	const [, y, mo, d, h, mi, sec, frac, off] = m;
	if (+mo < 1 || +mo > 12 || +d < 1 || +d > 31 || +h > 23 || +mi > 59 || (sec && +sec > 59)) return NaN;
	let ms = Date.UTC(+y, +mo - 1, +d, +h, +mi, sec ? +sec : 0, frac ? Math.round(parseFloat(frac) * 1000) : 0);
	if (off && off.toUpperCase() !== 'Z') {
		const sign = off[0] === '-' ? -1 : 1;
		const digits = off.slice(1).replace(':', '');
		const oh = +digits.slice(0, 2);
		const om = digits.length > 2 ? +digits.slice(2, 4) : 0;
		ms -= sign * (oh * 60 + om) * 60000;
	}
	return ms;
}

/** Parse a date (`YYYY-MM-DD`, start of day UTC) or a datetime. `endOfDay` makes a bare date inclusive. */
export function parseDateOrDateTime(s: unknown, endOfDay = false): number {
	if (typeof s !== 'string') return NaN;
	const m = DATE_RE.exec(s.trim());
	if (m) {
		const ms = Date.UTC(+m[1], +m[2] - 1, +m[3]);
		if (+m[2] < 1 || +m[2] > 12 || +m[3] < 1 || +m[3] > 31) return NaN;
		return endOfDay ? ms + 86400000 - 1 : ms;
	}
	return parseDateTime(s);
}

/**
 * Parse a query string accepting `key[]=a&key[]=b`, `key=a&key=b` (both give arrays under `key`)
 * and plain `key=a`. Comma lists are split by `arr()` for array parameters only.
 */
export function parseQuery(qs: string): Record<string, any> {
	const out: Record<string, any> = {};
	if (!qs) return out;
	const params = new URLSearchParams(qs);
	for (const [rawKey, value] of params) {
		const isArr = rawKey.endsWith('[]');
		const key = isArr ? rawKey.slice(0, -2) : rawKey;
		const cur = out[key];
		if (cur === undefined) out[key] = isArr ? [value] : value;
		else if (Array.isArray(cur)) cur.push(value);
		else out[key] = [cur, value];
	}
	return out;
}

/** Read an array query parameter (any of the three encodings). Empty strings dropped. */
export function arr(q: Record<string, any>, key: string): string[] | undefined {
	const v = q[key];
	if (v === undefined) return undefined;
	const list = Array.isArray(v) ? v : [v];
	const out: string[] = [];
	for (const item of list) for (const part of String(item).split(',')) if (part.trim() !== '') out.push(part.trim());
	return out;
}

export function str(q: Record<string, any>, key: string): string | undefined {
	const v = q[key];
	if (v === undefined) return undefined;
	return Array.isArray(v) ? String(v[v.length - 1]) : String(v);
}

export function intParam(q: Record<string, any>, key: string, def: number): number {
	const v = str(q, key);
	if (v === undefined || v === '') return def;
	const n = Number(v);
	if (!Number.isInteger(n) || n < 0) throw badRequest(`${key} must be a non-negative integer`);
	return n;
}

export function boolParam(q: Record<string, any>, key: string): boolean | undefined {
	const v = str(q, key);
	if (v === undefined) return undefined;
	return v === 'true' || v === '1';
}

export function truthy(v: unknown): boolean {
	return v === true || v === 'true' || v === '1' || v === 1;
}

export function maskKey(key: string): string {
	return '****' + key.slice(-4);
}

export function paginate<T>(items: T[], page: number, perPage: number): T[] {
	return items.slice(page * perPage, page * perPage + perPage);
}

export function charCount(s: string): number {
	let n = 0;
	// count code points, not UTF-16 units
	for (const _ of s) n++;
	return n;
}

/** Number of distinct texts a spintax string `{a|b} {c|d|e}` expands to (1 without spintax). */
export function spintaxVariations(s: string): number {
	let total = 1;
	const re = /\{([^{}]*\|[^{}]*)\}/g;
	let m: RegExpExecArray | null;
	while ((m = re.exec(s))) total *= m[1].split('|').length;
	return total;
}

export const MINUTE = 60000;
export const HOUR = 3600000;
export const DAY = 86400000;
