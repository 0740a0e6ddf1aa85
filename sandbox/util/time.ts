// Time: Publer's timestamp format, the datetime forms the docs accept, and durations in milliseconds.

export const MINUTE = 60000;
export const HOUR = 3600000;
export const DAY = 86400000;

/** ISO 8601 with +00:00 offset and no milliseconds, as Publer writes timestamps. */
export function iso(ms: number | Date): string {
	const date = typeof ms === 'number' ? new Date(ms) : ms;
	return date.toISOString().replace(/\.\d{3}Z$/, '+00:00');
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
export function parseDateTime(value: unknown): number {
	if (typeof value !== 'string') return NaN;
	const match = DATETIME_RE.exec(value.trim());
	if (!match) return NaN;
	const [, year, month, day, hour, minute, second, fraction, offset] = match;
	if (+month < 1 || +month > 12 || +day < 1 || +day > 31 || +hour > 23 || +minute > 59 || (second && +second > 59)) return NaN;
	let ms = Date.UTC(+year, +month - 1, +day, +hour, +minute, second ? +second : 0, fraction ? Math.round(parseFloat(fraction) * 1000) : 0);
	if (offset && offset.toUpperCase() !== 'Z') {
		const sign = offset[0] === '-' ? -1 : 1;
		const digits = offset.slice(1).replace(':', '');
		const offsetHours = +digits.slice(0, 2);
		const offsetMinutes = digits.length > 2 ? +digits.slice(2, 4) : 0;
		ms -= sign * (offsetHours * 60 + offsetMinutes) * 60000;
	}
	return ms;
}

/** Parse a date (`YYYY-MM-DD`, start of day UTC) or a datetime. `endOfDay` makes a bare date inclusive. */
export function parseDateOrDateTime(value: unknown, endOfDay = false): number {
	if (typeof value !== 'string') return NaN;
	const match = DATE_RE.exec(value.trim());
	if (match) {
		const ms = Date.UTC(+match[1], +match[2] - 1, +match[3]);
		if (+match[2] < 1 || +match[2] > 12 || +match[3] < 1 || +match[3] > 31) return NaN;
		return endOfDay ? ms + DAY - 1 : ms;
	}
	return parseDateTime(value);
}
