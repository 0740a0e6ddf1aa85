/**
 * How each network counts the characters of a post, and its limit (publer-api.md §9.2). One entry per Publer
 * account provider. Where a network documents its counter we follow it; where it does not, we count code points
 * (what a person counts as characters in nearly all text, and what the node checked before this module).
 */
import { codePointLength, graphemeLength, graphemeList, graphemeProfile, utf8Length } from './graphemes';
import { extractUrls, type UrlEntity } from './twitterUrls';
import { weightedLength, weightProfile, X_LIMIT, X_LONG_POST_LIMIT, X_URL_LENGTH } from './weightedLength';

export type CountMethod = 'x-weighted' | 'graphemes' | 'mastodon' | 'threads' | 'utf16' | 'code-points';

export interface NetworkCounting {
	method: CountMethod;
	/** Characters by `method`; undefined = no limit to enforce. */
	limit?: number;
	/** Why this method (document or source code it follows). */
	source: string;
}

export const NETWORK_COUNTING: Readonly<Record<string, NetworkCounting>> = {
	twitter: {
		method: 'x-weighted',
		limit: X_LIMIT,
		source:
			'X counts by weight: URLs 23, emoji and CJK 2 (https://docs.x.com/resources/fundamentals/counting-characters, ' +
			'twitter-text 3.1.0 parseTweet v3 config); 25,000 for long posts (publer-api.md §9.2)',
	},
	bluesky: {
		method: 'graphemes',
		limit: 300,
		source: 'app.bsky.feed.post lexicon: text maxGraphemes 300 and maxLength 3000 (UTF-8 bytes), both enforced',
	},
	mastodon: {
		method: 'mastodon',
		limit: 500,
		source:
			'Mastodon StatusLengthValidator / NoteLengthValidator: grapheme clusters, every http(s) URL counts 23, ' +
			'@user@domain counts as @user (https://docs.joinmastodon.org/user/posting/); 500 is the default, servers may allow more',
	},
	threads: {
		method: 'threads',
		limit: 500,
		source:
			'Threads API: "Text posts are limited to 500 characters. Emojis are counted as the number of UTF-8 bytes." ' +
			'(https://developers.facebook.com/docs/threads/posts)',
	},
	telegram: {
		method: 'utf16',
		limit: 4096,
		source: 'Telegram measures message text in UTF-16 code units (entity offsets/lengths, https://core.telegram.org/api/entities)',
	},
	facebook: { method: 'code-points', limit: 10_000, source: 'counter undocumented; limit publer-api.md §9.2' },
	instagram: { method: 'code-points', limit: 2200, source: 'counter undocumented; limit publer-api.md §9.2' },
	linkedin: { method: 'code-points', limit: 3000, source: 'counter undocumented; limit publer-api.md §9.2' },
	pinterest: { method: 'code-points', limit: 500, source: 'counter undocumented; limit publer-api.md §9.2' },
	google: { method: 'code-points', limit: 1500, source: 'counter undocumented; limit publer-api.md §9.2' },
	tiktok: { method: 'code-points', limit: 2200, source: 'counter undocumented; limit publer-api.md §9.2' },
	youtube: { method: 'code-points', source: 'no fixed limit for the post text (publer-api.md §9.2)' },
	wordpress: { method: 'code-points', source: 'no limit documented' },
};

/** Bluesky's second rule: the text may not exceed 3,000 UTF-8 bytes (lexicon maxLength). */
export const BLUESKY_MAX_BYTES = 3000;

export interface LimitOptions {
	/** X long post (`details.type: "long_post"`, X Premium): 25,000 instead of 280. */
	longPost?: boolean;
	/** Overrides the network's limit (for example a Mastodon server that allows more than 500). */
	limit?: number;
}

const MASTODON_MENTION = /(?<![=/\p{L}\p{N}_])@([a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)@[\p{L}\p{N}_]+(?:[.-]+[\p{L}\p{N}_]+)*/giu;
const EMOJI_CLUSTER = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u;
const NON_ASCII = /[\u0080-\uffff]/;

/** Mastodon: graphemes, with each http(s) URL as 23 and each remote mention as its local part. */
export function mastodonLength(text: string): number {
	let urlCount = 0;
	let rest = '';
	let from = 0;
	for (const url of extractUrls(text, false)) {
		rest += text.slice(from, url.start);
		from = url.end;
		urlCount++;
	}
	rest += text.slice(from);
	return graphemeLength(rest.replace(MASTODON_MENTION, '@$1')) + urlCount * X_URL_LENGTH;
}

/** Threads: characters (code points), except that an emoji counts its UTF-8 bytes. */
export function threadsLength(text: string): number {
	if (!NON_ASCII.test(text)) return text.length;
	// No emoji code point, no emoji cluster: every cluster counts its code points.
	if (!EMOJI_CLUSTER.test(text)) return codePointLength(text);
	let count = 0;
	for (const cluster of graphemeList(text)) {
		count += EMOJI_CLUSTER.test(cluster) ? utf8Length(cluster) : codePointLength(cluster);
	}
	return count;
}

/** The counting rule used for `network` (unknown networks: code points, no limit). */
export function countingFor(network: string): NetworkCounting {
	return NETWORK_COUNTING[network] ?? { method: 'code-points', source: 'unknown network' };
}

/** Length of `text` as `network` counts it. */
export function countFor(network: string, text: string): number {
	switch (countingFor(network).method) {
		case 'x-weighted':
			return weightedLength(text);
		case 'graphemes':
			return graphemeLength(text);
		case 'mastodon':
			return mastodonLength(text);
		case 'threads':
			return threadsLength(text);
		case 'utf16':
			return text.length;
		default:
			return codePointLength(text);
	}
}

function codePointProfile(text: string): number[] {
	const profile = new Array<number>(text.length + 1);
	let count = 0;
	for (let i = 0; i < text.length; i++) {
		profile[i] = count;
		const c = text.charCodeAt(i);
		if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) profile[++i] = count;
		count++;
	}
	profile[text.length] = count;
	return profile;
}

/**
 * An estimate of `network`'s count before each UTF-16 index of `text` (length + 1 entries), computed in one pass,
 * so that fitText can guess where to cut before measuring candidates with countFor. `urls` (X only): the text's
 * extractUrls, when the caller has them.
 */
export function countProfile(network: string, text: string, urls?: UrlEntity[]): number[] {
	switch (countingFor(network).method) {
		case 'x-weighted':
			return weightProfile(text, urls);
		case 'graphemes':
			return graphemeProfile(text);
		case 'mastodon': {
			const profile = graphemeProfile(text);
			for (const url of extractUrls(text, false)) {
				const delta = X_URL_LENGTH - (profile[url.end] - profile[url.start]);
				for (let i = url.start + 1; i < url.end; i++) profile[i] = profile[url.start];
				for (let i = url.end; i < profile.length; i++) profile[i] += delta;
			}
			return profile;
		}
		case 'utf16':
			return Array.from({ length: text.length + 1 }, (_, i) => i);
		default:
			return codePointProfile(text);
	}
}

/** The character limit of `network` (undefined = none to enforce). */
export function limitFor(network: string, opts: LimitOptions = {}): number | undefined {
	if (opts.limit !== undefined) return opts.limit;
	if (network === 'twitter' && opts.longPost) return X_LONG_POST_LIMIT;
	return countingFor(network).limit;
}

/** ASCII units that can never stand next to a dot inside a domain (twitter-text's invalid domain characters). */
const NOT_DOMAIN = new Uint8Array(128);
for (const c of '\t\n\v\f\r !#$%&\'()*+,-./:;<=>?@[\\]^_{|}~') NOT_DOMAIN[c.charCodeAt(0)] = 1;
const isDomainUnit = (c: number) => c >= 0x80 || NOT_DOMAIN[c] === 0;

/**
 * An upper bound of X's weighted length, in one pass without URL or emoji matching. After NFC (as weightedLength):
 * every unit weighs at most 1 (ASCII) or 2 (any other unit, so an emoji or a character outside the BMP, 2, is
 * covered by its units), and a URL, 23, spans at least 4 units ("a.co": the TLD has 2 or more characters), so it
 * adds at most 19 to its units' bound. Each URL contains a dot with a domain character on both sides, and URLs do not
 * overlap, so there are at most as many URLs as such dots.
 */
export function xWeightBound(text: string): number {
	let t = text;
	for (let i = 0; i < t.length; i++) {
		if (t.charCodeAt(i) >= 0x300) {
			t = text.normalize('NFC');
			break;
		}
	}
	const last = t.length - 1;
	let bound = 0;
	for (let i = 0; i <= last; i++) {
		const c = t.charCodeAt(i);
		if (c >= 0x80) bound += 2;
		else {
			bound += 1;
			if (c === 0x2e && i > 0 && i < last && isDomainUnit(t.charCodeAt(i - 1)) && isDomainUnit(t.charCodeAt(i + 1))) bound += 19;
		}
	}
	return bound;
}

/** Occurrences of "://" (every URL Mastodon counts as 23 has one: http:// or https://). */
function protocolCount(text: string): number {
	let n = 0;
	for (let at = text.indexOf('://'); at >= 0; at = text.indexOf('://', at + 3)) n++;
	return n;
}

/**
 * A cheap upper bound of countFor(network, text), so that a text well within the limit needs no exact count:
 * - graphemes, code points, UTF-16: a grapheme holds at least one code point, which holds at least one UTF-16 unit;
 * - Mastodon: graphemes ≤ units, a remote mention only shortens, and an http(s) URL (at least 11 units,
 *   "http://a.co") counts 23, so each URL adds at most 12;
 * - Threads: a cluster counts its code points or (emoji) its UTF-8 bytes, both ≤ its UTF-8 bytes; without any emoji
 *   code point there is no emoji cluster, and the count is exactly the code points;
 * - X: xWeightBound.
 */
export function countUpperBound(network: string, text: string): number {
	switch (countingFor(network).method) {
		case 'x-weighted':
			return xWeightBound(text);
		case 'mastodon':
			return text.length + 12 * protocolCount(text);
		case 'threads':
			if (!NON_ASCII.test(text)) return text.length;
			return EMOJI_CLUSTER.test(text) ? utf8Length(text) : codePointLength(text);
		default:
			return text.length;
	}
}

/** Whether `text` fits `network`: its count is within the limit (and, on Bluesky, within 3,000 UTF-8 bytes). */
export function isWithinLimit(network: string, text: string, opts: LimitOptions = {}): boolean {
	const limit = limitFor(network, opts);
	// UTF-8 needs at most 3 bytes per UTF-16 unit.
	if (network === 'bluesky' && text.length * 3 > BLUESKY_MAX_BYTES && utf8Length(text) > BLUESKY_MAX_BYTES) return false;
	if (limit === undefined) return true;
	// The exact counter runs only when the cheap bound does not already prove the text within the limit.
	return countUpperBound(network, text) <= limit || countFor(network, text) <= limit;
}
