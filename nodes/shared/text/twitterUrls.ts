/**
 * URL extraction exactly as twitter-text 3.1.0 does it (extractUrlsWithIndices with URLs without a protocol), so
 * that X's weighted length counts the same strings as URLs (23 each). The expressions below are composed from the
 * same parts as twitter-text's `regexp/*` modules; a test checks that the composed sources equal twitter-text's.
 * twitter-text: Copyright 2018 Twitter, Inc., Apache License 2.0. Punycode length: after punycode.js (MIT).
 */
import { COUNTRY_TLDS, GENERIC_TLDS } from './twitterTextData';

// Character groups (twitter-text regexp/punct, spacesGroup, invalidCharsGroup, directionalMarkersGroup, ...).
const PUNCT = "\\!'#%&'\\(\\)*\\+,\\\\\\-\\.\\/:;<=>\\?@\\[\\]\\^_{|}~\\$";
const SPACES_GROUP = '\\x09-\\x0D\\x20\\x85\\xA0\\u1680\\u180E\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000';
const INVALID_CHARS_GROUP = '\\uFFFE\\uFEFF\\uFFFF';
const DIRECTIONAL_MARKERS_GROUP = '\\u202A-\\u202E\\u061C\\u200E\\u200F\\u2066\\u2067\\u2068\\u2069';
const LATIN_ACCENT_CHARS =
	'\\xC0-\\xD6\\xD8-\\xF6\\xF8-\\xFF\\u0100-\\u024F\\u0253\\u0254\\u0256\\u0257\\u0259\\u025B\\u0263\\u0268\\u026F' +
	'\\u0272\\u0289\\u028B\\u02BB\\u0300-\\u036F\\u1E00-\\u1EFF';
const CYRILLIC_LETTERS_AND_MARKS = '\\u0400-\\u04FF';

// twitter-text builds invalidDomainChars with stringSupplant from RegExp objects, so each group keeps its slashes
// ("/…/"): the slashes are part of the character class. Kept as is for an identical expression.
const INVALID_DOMAIN_CHARS = `/${PUNCT}//${SPACES_GROUP}//${INVALID_CHARS_GROUP}//${DIRECTIONAL_MARKERS_GROUP}/`;
const DOMAIN_CHARS = `[^${INVALID_DOMAIN_CHARS}]`;
const SUBDOMAIN = `(?:(?:${DOMAIN_CHARS}(?:[_-]|${DOMAIN_CHARS})*)?${DOMAIN_CHARS}\\.)`;
const DOMAIN_NAME = `(?:(?:${DOMAIN_CHARS}(?:-|${DOMAIN_CHARS})*)?${DOMAIN_CHARS}\\.)`;
const tldGroup = (tlds: readonly string[]) => `(?:(?:${tlds.join('|')})(?=[^0-9a-zA-Z@+-]|$))`;
const GTLD = tldGroup(GENERIC_TLDS);
const CCTLD = tldGroup(COUNTRY_TLDS);
const PUNYCODE = '(?:xn--[\\-0-9a-z]+)';
const DOMAIN = `(?:${SUBDOMAIN}*${DOMAIN_NAME}(?:${GTLD}|${CCTLD}|${PUNYCODE}))`;

const PRECEDING_CHARS = `(?:[^A-Za-z0-9@＠$#＃${INVALID_CHARS_GROUP}]|[${DIRECTIONAL_MARKERS_GROUP}]|^)`;
const PATH_CHARS = `[a-z${CYRILLIC_LETTERS_AND_MARKS}0-9!\\*';:=\\+,\\.\\$\\/%#\\[\\]\\-\\u2013_~@\\|&${LATIN_ACCENT_CHARS}]`;
const BALANCED_PARENS = `\\((?:${PATH_CHARS}+|(?:${PATH_CHARS}*\\(${PATH_CHARS}+\\)${PATH_CHARS}*))\\)`;
const PATH_ENDING_CHARS = `[\\+\\-a-z${CYRILLIC_LETTERS_AND_MARKS}0-9=_#\\/${LATIN_ACCENT_CHARS}]|(?:${BALANCED_PARENS})`;
const URL_PATH = `(?:(?:${PATH_CHARS}*(?:${BALANCED_PARENS}${PATH_CHARS}*)*${PATH_ENDING_CHARS})|(?:@${PATH_CHARS}+\\/))`;
const QUERY_CHARS = "[a-z0-9!?\\*'@\\(\\);:&=\\+\\$\\/%#\\[\\]\\-_\\.,~|]";
const QUERY_ENDING_CHARS = '[a-z0-9\\-_&=#\\/]';

/** twitter-text `extractUrl` (flags gi): $2 preceding char, $3 URL, $4 protocol, $5 domain, $7 path. */
export const EXTRACT_URL_SOURCE =
	`((${PRECEDING_CHARS})((https?:\\/\\/)?(${DOMAIN})(?::([0-9]+))?(\\/${URL_PATH}*)?` +
	`(\\?${QUERY_CHARS}*${QUERY_ENDING_CHARS})?))`;
/** twitter-text `validAsciiDomain` (flags gi). */
export const ASCII_DOMAIN_SOURCE = `(?:(?:[\\-a-z0-9${LATIN_ACCENT_CHARS}]+)\\.)+(?:${GTLD}|${CCTLD}|${PUNYCODE})`;
/** twitter-text `validTcoUrl` (flags i). */
export const TCO_URL_SOURCE = `^https?:\\/\\/t\\.co\\/([a-z0-9]+)(?:\\?${QUERY_CHARS}*${QUERY_ENDING_CHARS})?`;

const EXTRACT_URL = new RegExp(EXTRACT_URL_SOURCE, 'gi');
const ASCII_DOMAIN = new RegExp(ASCII_DOMAIN_SOURCE, 'gi');
const TCO_URL = new RegExp(TCO_URL_SOURCE, 'i');
const INVALID_WITHOUT_PROTOCOL_PRECEDING = /[-_./]$/;
const MAX_URL_LENGTH = 4096;
const MAX_TCO_SLUG_LENGTH = 40;
const MAX_DOMAIN_LABEL_LENGTH = 63;

export interface UrlEntity {
	/** The URL as twitter-text reports it. */
	url: string;
	/** UTF-16 index of the first character. */
	start: number;
	/** UTF-16 index after the last character. */
	end: number;
}

// ---- punycode length (RFC 3492), enough to apply twitter-text's 63-character DNS label rule ----
const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const MAX_INT = 2147483647;

function adaptBias(delta: number, numPoints: number, firstTime: boolean): number {
	let k = 0;
	delta = firstTime ? Math.floor(delta / 700) : delta >> 1;
	delta += Math.floor(delta / numPoints);
	for (; delta > ((BASE - T_MIN) * T_MAX) >> 1; k += BASE) delta = Math.floor(delta / (BASE - T_MIN));
	return Math.floor(k + ((BASE - T_MIN + 1) * delta) / (delta + 38));
}

/** Code points as punycode.js's ucs2decode reads them (an unpaired surrogate is its own value). */
function ucs2Decode(text: string): number[] {
	const out: number[] = [];
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
			const next = text.charCodeAt(i + 1);
			if ((next & 0xfc00) === 0xdc00) {
				out.push(((c & 0x3ff) << 10) + (next & 0x3ff) + 0x10000);
				i++;
				continue;
			}
		}
		out.push(c);
	}
	return out;
}

/** Length of punycode.encode(text); -1 where punycode.js would throw "overflow". */
function punycodeEncodedLength(text: string): number {
	const points = ucs2Decode(text);
	const basic = points.filter((c) => c < 0x80).length;
	let length = basic + (basic ? 1 : 0);
	let n = 128;
	let delta = 0;
	let bias = 72;
	let handled = basic;
	while (handled < points.length) {
		let m = MAX_INT;
		for (const c of points) if (c >= n && c < m) m = c;
		const handledPlusOne = handled + 1;
		if (m - n > Math.floor((MAX_INT - delta) / handledPlusOne)) return -1;
		delta += (m - n) * handledPlusOne;
		n = m;
		for (const c of points) {
			if (c < n && ++delta > MAX_INT) return -1;
			if (c !== n) continue;
			let q = delta;
			for (let k = BASE; ; k += BASE) {
				const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
				if (q < t) break;
				length++;
				q = Math.floor((q - t) / (BASE - t));
			}
			length++;
			bias = adaptBias(delta, handledPlusOne, handled === basic);
			delta = 0;
			handled++;
		}
		delta++;
		n++;
	}
	return length;
}

/** Length of punycode.toASCII(label) (punycode.js mapDomain: '@' split, IDN dots, 'xn--' per non-ASCII label). */
function punycodeToAsciiLength(label: string): number {
	let prefix = 0;
	const parts = label.split('@');
	if (parts.length > 1) {
		prefix = parts[0].length + 1;
		label = parts[1];
	}
	let total = prefix;
	const labels = label.replace(/[\x2E\u3002\uFF0E\uFF61]/g, '.').split('.');
	for (let i = 0; i < labels.length; i++) {
		const part = labels[i];
		let len = part.length;
		if (/[^\0-\x7F]/.test(part)) {
			const encoded = punycodeEncodedLength(part);
			if (encoded < 0) return -1;
			len = 4 + encoded;
		}
		total += len + (i > 0 ? 1 : 0);
	}
	return total;
}

/** twitter-text lib/idna toAscii, reduced to "is the domain acceptable". */
function isValidDomainForIdna(domain: string): boolean {
	ASCII_DOMAIN.lastIndex = 0;
	if (domain.substring(0, 4) === 'xn--' && !ASCII_DOMAIN.test(domain)) return false;
	for (const label of domain.split('.')) {
		const len = punycodeToAsciiLength(label);
		if (len < 1 || len > MAX_DOMAIN_LABEL_LENGTH) return false;
	}
	return domain.length > 0;
}

/** twitter-text's spaces group: no part of a URL can hold one of these units. */
function isSpaceUnit(c: number): boolean {
	if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
	if (c < 0x85) return false;
	return (
		c === 0x85 || c === 0xa0 || c === 0x1680 || c === 0x180e || (c >= 0x2000 && c <= 0x200a) ||
		c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000
	);
}

/**
 * URLs in `text` as twitter-text's extractUrlsWithIndices finds them, in order.
 * `withoutProtocol: false` keeps only URLs written with http:// or https:// (Mastodon's rule).
 *
 * A match is a preceding character and a URL, and a URL holds no space unit, so every match lies within one run of
 * non-space units plus the one unit before it; the lookahead after a TLD succeeds on a space as on the end. Scanning
 * each such run on its own therefore finds the same URLs as scanning the whole text, and runs without a dot (every
 * URL has one) are skipped: most words of a caption never meet the (large) URL expression.
 */
export function extractUrls(text: string, withoutProtocol = true): UrlEntity[] {
	if (!text || (withoutProtocol ? text.indexOf('.') < 0 : text.indexOf(':') < 0)) return [];
	const urls: UrlEntity[] = [];
	const length = text.length;
	let i = 0;
	while (i < length) {
		while (i < length && isSpaceUnit(text.charCodeAt(i))) i++;
		if (i >= length) break;
		let end = i;
		let dot = false;
		while (end < length) {
			const c = text.charCodeAt(end);
			if (c === 0x2e) dot = true;
			else if (isSpaceUnit(c)) break;
			end++;
		}
		if (dot) {
			const from = i > 0 ? i - 1 : 0;
			for (const u of runUrls(text.slice(from, end), withoutProtocol)) urls.push({ url: u.url, start: from + u.start, end: from + u.end });
		}
		i = end;
	}
	return urls;
}

/**
 * URLs of one run, indices within the run. Runs recur (fitText measures many candidates built from the same words,
 * and captions share their links' domains), so results are kept; bounded: cleared when full.
 */
const RUN_CACHE_SIZE = 4096;
const runCache = new Map<string, readonly UrlEntity[]>();
function runUrls(run: string, withoutProtocol: boolean): readonly UrlEntity[] {
	const key = (withoutProtocol ? '1' : '0') + run;
	let found = runCache.get(key);
	if (!found) {
		const list: UrlEntity[] = [];
		extractFromRun(run, 0, withoutProtocol, list);
		if (runCache.size >= RUN_CACHE_SIZE) runCache.clear();
		runCache.set(key, (found = list));
	}
	return found;
}

/** twitter-text's extraction loop over `text` (a run as above), adding `offset` to the indices. */
function extractFromRun(text: string, offset: number, withoutProtocol: boolean, urls: UrlEntity[]): void {
	EXTRACT_URL.lastIndex = 0;
	let match: RegExpExecArray | null;
	while ((match = EXTRACT_URL.exec(text)) !== null) {
		const before = match[2] ?? '';
		let url = match[3];
		const protocol = match[4] ?? '';
		const domain = match[5];
		const path = match[7];
		let end = EXTRACT_URL.lastIndex;
		const start = end - url.length;
		if (!isValidDomainForIdna(domain) || (protocol || 'https://').length + url.length > MAX_URL_LENGTH) continue;
		if (!protocol) {
			if (!withoutProtocol || INVALID_WITHOUT_PROTOCOL_PRECEDING.test(before)) continue;
			let last: UrlEntity | undefined;
			let asciiEnd = 0;
			ASCII_DOMAIN.lastIndex = 0;
			let ascii: RegExpExecArray | null;
			while ((ascii = ASCII_DOMAIN.exec(domain)) !== null) {
				const asciiStart = domain.indexOf(ascii[0], asciiEnd);
				asciiEnd = asciiStart + ascii[0].length;
				last = { url: ascii[0], start: offset + start + asciiStart, end: offset + start + asciiEnd };
				urls.push(last);
			}
			if (!last) continue;
			if (path) {
				last.url = url.replace(domain, () => (last as UrlEntity).url);
				last.end = offset + end;
			}
		} else {
			const tco = TCO_URL.exec(url);
			if (tco) {
				if (tco[1] && tco[1].length > MAX_TCO_SLUG_LENGTH) continue;
				url = tco[0];
				end = start + url.length;
			}
			urls.push({ url, start: offset + start, end: offset + end });
		}
	}
}
