import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { dateInZone, isValidTimeZone } from '../../shared/dates';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A date-time without an offset, as n8n's date picker gives it: a wall-clock time in the workflow's timezone. */
const NAIVE_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

function validCalendarDate(text: string): boolean {
	const m = DATE_ONLY.exec(text);
	if (!m) return false;
	const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
	return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** The date an instant falls on in the workflow's timezone; an unknown timezone counts as UTC. */
function dateOf(instant: Date, timeZone: string): string {
	return dateInZone(instant.getTime(), timeZone && isValidTimeZone(timeZone) ? timeZone : 'UTC');
}

/**
 * Turns what a user or an expression puts in a date field into Publer's `YYYY-MM-DD` (publer-api.md §3.2):
 * `2025-05-01`, the date picker's `2025-05-01T00:00:00` (a wall-clock time in the workflow's timezone), ISO
 * strings with an offset, JavaScript dates, epoch milliseconds and Luxon DateTimes (`$now`, `$today`).
 * Instants are converted to the date they fall on in the workflow's timezone. Returns undefined for an empty
 * value and null for an unreadable one.
 */
export function toPublerDate(value: unknown, timeZone: string): string | undefined | null {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value === 'object' && value !== null) {
		const v = value as { toISODate?: () => string | null; toISO?: () => string | null; isValid?: boolean };
		if (typeof v.toISODate === 'function') {
			if (v.isValid === false) return null;
			const d = v.toISODate();
			return d && validCalendarDate(d) ? d : null;
		}
		if (value instanceof Date) return isNaN(value.getTime()) ? null : dateOf(value, timeZone);
		if (typeof v.toISO === 'function') return toPublerDate(v.toISO(), timeZone);
		return null;
	}
	if (typeof value === 'number') {
		const d = new Date(value);
		return isNaN(d.getTime()) ? null : dateOf(d, timeZone);
	}
	const text = String(value).trim();
	if (!text) return undefined;
	if (DATE_ONLY.test(text)) return validCalendarDate(text) ? text : null;
	const naive = NAIVE_DATE_TIME.exec(text);
	if (naive) return validCalendarDate(naive[1]) ? naive[1] : null;
	if (/^\d{4}-\d{2}-\d{2}T/.test(text) || /^\d{4}-\d{2}-\d{2} /.test(text)) {
		const d = new Date(text);
		return isNaN(d.getTime()) ? null : dateOf(d, timeZone);
	}
	return null;
}

export interface DateRange {
	from?: string;
	to?: string;
}

/**
 * Reads the From/To date fields, converts them to `YYYY-MM-DD` in the workflow timezone and checks them,
 * all before any request.
 */
export function getDateRange(
	this: IExecuteFunctions,
	itemIndex: number,
	options: { required?: boolean; fromName?: string; toName?: string } = {},
): DateRange {
	const fromName = options.fromName ?? 'from';
	const toName = options.toName ?? 'to';
	const timeZone = this.getTimezone();
	const read = (name: string, label: string) => {
		const raw = this.getNodeParameter(name, itemIndex, '') as unknown;
		const date = toPublerDate(raw, timeZone);
		if (date === null) {
			throw new NodeOperationError(this.getNode(), `"${label}" is not a date: ${JSON.stringify(raw)}`, {
				itemIndex,
				description: 'Use the date picker, a date like 2025-05-01, or an expression such as {{ $today.minus({ days: 30 }) }}.',
			});
		}
		return date;
	};
	const from = read(fromName, 'From');
	const to = read(toName, 'To');
	if (options.required && (!from || !to)) {
		throw new NodeOperationError(this.getNode(), `Both "From" and "To" are needed${from || to ? `: "${from ? 'To' : 'From'}" is empty` : ''}`, {
			itemIndex,
			description: 'Publer needs a date range for this report. Set both dates (inclusive), e.g. the last 30 days.',
		});
	}
	if (from && to && from > to) {
		throw new NodeOperationError(this.getNode(), `"From" (${from}) is after "To" (${to})`, {
			itemIndex,
			description: 'Swap the dates: the range runs from the earlier date to the later one, both inclusive.',
		});
	}
	return { from, to };
}

export function dateQuery(range: DateRange): IDataObject {
	const qs: IDataObject = {};
	if (range.from) qs.from = range.from;
	if (range.to) qs.to = range.to;
	return qs;
}

/** `/analytics/{account}/x` for one account, `/analytics/x` for the whole workspace. */
export function analyticsPath(accountId: string | undefined, endpoint: string, prefix = '/analytics'): string {
	return accountId ? `${prefix}/${encodeURIComponent(accountId)}/${endpoint}` : `${prefix}/${endpoint}`;
}

/** The value of an account field: an ID, or undefined for the whole workspace (`all`, empty). */
export function accountFromValue(value: unknown): string | undefined {
	const raw =
		value && typeof value === 'object' && 'value' in (value as IDataObject) ? (value as IDataObject).value : value;
	const id = String(raw ?? '').trim();
	return !id || id.toLowerCase() === 'all' ? undefined : id;
}

/** A post-insights or top-post row with its `analytics` figures lifted to the top and labels as names. */
export function flattenPostInsight(post: IDataObject): IDataObject {
	const { analytics, details, ...rest } = post;
	const out: IDataObject = { ...rest };
	const labels = (details as IDataObject | undefined)?.labels;
	if (Array.isArray(labels)) {
		out.labels = labels.map((l) => (l && typeof l === 'object' ? String((l as IDataObject).name ?? (l as IDataObject).id ?? '') : String(l)));
	}
	if (analytics && typeof analytics === 'object' && !Array.isArray(analytics)) Object.assign(out, analytics);
	return out;
}

/** A competitor-analytics row with its `account` object lifted to the top. */
export function flattenCompetitorInsight(row: IDataObject): IDataObject {
	const { account, ...figures } = row;
	const a = (account ?? {}) as IDataObject;
	return {
		account_id: a.id,
		name: a.name,
		provider: a.provider,
		my_account: a.my_account === true,
		...figures,
	};
}

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** The best day/hour slots of a best-times grid, highest score first. */
export function bestSlots(grid: IDataObject, count: number): IDataObject[] {
	const slots: Array<{ day: string; hour: number; time: string; score: number }> = [];
	for (const day of WEEKDAYS) {
		const hours = grid[day];
		if (!Array.isArray(hours)) continue;
		hours.forEach((score, hour) => {
			const n = Number(score);
			if (!isNaN(n)) slots.push({ day, hour, time: `${String(hour).padStart(2, '0')}:00`, score: n });
		});
	}
	slots.sort((a, b) => b.score - a.score || WEEKDAYS.indexOf(a.day) - WEEKDAYS.indexOf(b.day) || a.hour - b.hour);
	return slots.slice(0, count).map((s, i) => ({ rank: i + 1, ...s }));
}

/** Publer's analytics account type (for `GET /analytics/charts`) of an account from `GET /accounts`. */
export function analyticsAccountType(provider: string, type: string | undefined): string | undefined {
	switch (provider) {
		case 'instagram':
			return 'ig_business';
		case 'facebook':
			return type === 'page' ? 'fb_page' : undefined;
		case 'linkedin':
			return type === 'page' ? 'in_page' : 'in_profile';
		case 'pinterest':
			return type === 'business' ? 'pin_business' : 'pin_personal';
		case 'wordpress':
			return 'wordpress_oauth';
		case 'twitter':
		case 'youtube':
		case 'tiktok':
		case 'google':
		case 'threads':
		case 'mastodon':
		case 'bluesky':
			return provider;
		default:
			return undefined;
	}
}

export const ANALYTICS_ACCOUNT_TYPES = [
	{ name: 'Bluesky', value: 'bluesky' },
	{ name: 'Facebook Page', value: 'fb_page' },
	{ name: 'Google Business', value: 'google' },
	{ name: 'Instagram Business', value: 'ig_business' },
	{ name: 'LinkedIn Page', value: 'in_page' },
	{ name: 'LinkedIn Profile', value: 'in_profile' },
	{ name: 'Mastodon', value: 'mastodon' },
	{ name: 'Pinterest Business', value: 'pin_business' },
	{ name: 'Pinterest Personal', value: 'pin_personal' },
	{ name: 'Threads', value: 'threads' },
	{ name: 'TikTok', value: 'tiktok' },
	{ name: 'WordPress', value: 'wordpress_oauth' },
	{ name: 'X (Twitter)', value: 'twitter' },
	{ name: 'YouTube', value: 'youtube' },
];
