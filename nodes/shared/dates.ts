/**
 * Timezone-explicit date handling without a date library (luxon is not a dependency of this package).
 * Offsets come from `Intl.DateTimeFormat`, which Node ships with full ICU data.
 *
 * Rule: a date-time without an offset is read in the workflow's timezone (`this.getTimezone()`) and sent
 * with an explicit offset, e.g. `2025-06-01T09:00:00+02:00`. A value with an offset (or `Z`) is taken as
 * that instant and re-expressed in the workflow's timezone, so the output always shows the instant sent.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
	let f = formatters.get(timeZone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		});
		formatters.set(timeZone, f);
	}
	return f;
}

/** Whether the runtime knows the IANA timezone name. */
export function isValidTimeZone(timeZone: string): boolean {
	try {
		formatter(timeZone);
		return true;
	} catch {
		return false;
	}
}

interface LocalParts {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
}

function localParts(ms: number, timeZone: string): LocalParts {
	const parts: Record<string, number> = {};
	for (const p of formatter(timeZone).formatToParts(new Date(ms))) {
		if (p.type !== 'literal') parts[p.type] = Number(p.value);
	}
	return {
		year: parts.year,
		month: parts.month,
		day: parts.day,
		hour: parts.hour === 24 ? 0 : parts.hour,
		minute: parts.minute,
		second: parts.second,
	};
}

/** Offset of the timezone from UTC at the instant, in minutes (e.g. +120 for Europe/Berlin in summer). */
export function offsetMinutes(ms: number, timeZone: string): number {
	return offsetFromParts(ms, localParts(ms, timeZone));
}

function offsetFromParts(ms: number, p: LocalParts): number {
	const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
	const whole = Math.floor(ms / 1000) * 1000;
	return Math.round((asUtc - whole) / 60000);
}

/** The instant of a wall-clock time in a timezone (a time in a DST gap moves forward, like luxon). */
export function wallTimeToInstant(p: LocalParts & { millisecond?: number }, timeZone: string): number {
	const utcGuess = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond ?? 0);
	const first = utcGuess - offsetMinutes(utcGuess, timeZone) * 60000;
	const second = utcGuess - offsetMinutes(first, timeZone) * 60000;
	if (second === first) return first;
	// Ambiguous or skipped hour: prefer the result whose own offset is consistent.
	const check = utcGuess - offsetMinutes(second, timeZone) * 60000;
	return check === second ? second : Math.max(first, second);
}

function pad(n: number, width = 2): string {
	return String(Math.abs(n)).padStart(width, '0');
}

function offsetText(minutes: number): string {
	const sign = minutes < 0 ? '-' : '+';
	return `${sign}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/** `YYYY-MM-DDThh:mm:ss±hh:mm` of the instant in the timezone. */
export function formatInZone(ms: number, timeZone: string): string {
	const p = localParts(ms, timeZone);
	return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${offsetText(offsetFromParts(ms, p))}`;
}

/** `YYYY-MM-DD` of the instant in the timezone. */
export function dateInZone(ms: number, timeZone: string): string {
	const p = localParts(ms, timeZone);
	return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

const ISO_RE =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

export interface ParsedDateTime {
	/** Epoch milliseconds of the instant. */
	ms: number;
	/** The instant as sent: ISO 8601 in the workflow's timezone, with its offset. */
	iso: string;
	/** Whether the input carried its own offset. */
	hadOffset: boolean;
	/** Whether the input was a date only (no time of day). */
	dateOnly: boolean;
}

function isDateTimeLike(value: unknown): value is { toISO: () => string | null } {
	return !!value && typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function';
}

/**
 * Reads a date-time given as an ISO string (with or without offset, `T` or space), a date only, a JS Date,
 * an n8n/luxon DateTime (anything with `toISO()`), or epoch milliseconds/seconds. Returns undefined when the
 * value cannot be read.
 */
export function parseDateTime(value: unknown, timeZone: string): ParsedDateTime | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (value instanceof Date) {
		const ms = value.getTime();
		return Number.isNaN(ms) ? undefined : { ms, iso: formatInZone(ms, timeZone), hadOffset: true, dateOnly: false };
	}
	if (isDateTimeLike(value)) return parseDateTime(value.toISO(), timeZone);
	if (typeof value === 'number' && Number.isFinite(value)) {
		const ms = value < 1e11 ? value * 1000 : value;
		return { ms, iso: formatInZone(ms, timeZone), hadOffset: true, dateOnly: false };
	}
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	const m = ISO_RE.exec(text);
	if (!m) return undefined;
	const [, y, mo, d, h, mi, s, frac, zone] = m;
	const parts = {
		year: Number(y),
		month: Number(mo),
		day: Number(d),
		hour: h === undefined ? 0 : Number(h),
		minute: mi === undefined ? 0 : Number(mi),
		second: s === undefined ? 0 : Number(s),
		millisecond: frac === undefined ? 0 : Number(frac.slice(0, 3).padEnd(3, '0')),
	};
	if (parts.month < 1 || parts.month > 12 || parts.day < 1 || parts.day > 31 || parts.hour > 23 || parts.minute > 59 || parts.second > 59) {
		return undefined;
	}
	// Reject impossible calendar dates such as 2025-02-30.
	const check = new Date(Date.UTC(parts.year, parts.month - 1, parts.day));
	if (check.getUTCMonth() !== parts.month - 1 || check.getUTCDate() !== parts.day) return undefined;
	let ms: number;
	if (zone) {
		let offset = 0;
		if (zone.toUpperCase() !== 'Z') {
			const digits = zone.replace(':', '');
			const sign = digits.startsWith('-') ? -1 : 1;
			offset = sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || 0));
		}
		ms = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second, parts.millisecond) - offset * 60000;
	} else {
		ms = wallTimeToInstant(parts, timeZone);
	}
	return { ms, iso: formatInZone(ms, timeZone), hadOffset: !!zone, dateOnly: h === undefined };
}

/** Reads a calendar date (`YYYY-MM-DD`) from a date or date-time value, in the workflow's timezone. */
export function parseDate(value: unknown, timeZone: string): string | undefined {
	if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.trim())) {
		const parsed = parseDateTime(value, timeZone);
		return parsed ? value.trim() : undefined;
	}
	const parsed = parseDateTime(value, timeZone);
	return parsed ? dateInZone(parsed.ms, timeZone) : undefined;
}
