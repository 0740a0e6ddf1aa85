/**
 * X's character count: twitter-text 3.1.0 `parseTweet(text).weightedLength` with its default (v3) configuration,
 * reimplemented without the dependency (https://docs.x.com/resources/fundamentals/counting-characters):
 * - the text is NFC-normalised first;
 * - every URL twitter-text recognises (with or without http(s)://, known TLDs only) counts 23;
 * - every emoji sequence twemoji-parser recognises (ZWJ sequences, skin tones, flags, keycaps) counts 2;
 * - any other character counts 1 in U+0000–U+10FF, U+2000–U+200D, U+2010–U+201F, U+2032–U+2037, else 2
 *   (a character outside the BMP is weighed by its second UTF-16 unit, so it counts 2).
 * Tests compare this with twitter-text on generated strings.
 */
import { TWEMOJI_SOURCE } from './twitterTextData';
import { extractUrls, type UrlEntity } from './twitterUrls';

/** Weighted length limit of a post on X (https://docs.x.com/resources/fundamentals/counting-characters). */
export const X_LIMIT = 280;
/** Long posts (X Premium, Publer `details.type: "long_post"`, publer-api.md §9.2). */
export const X_LONG_POST_LIMIT = 25_000;
/** Every URL counts this much on X, whatever its length (t.co wrapping). */
export const X_URL_LENGTH = 23;

const EMOJI = new RegExp(TWEMOJI_SOURCE, 'g');
/**
 * Every twemoji match contains one of these units (keycaps end in U+20E3, the rest are ©, ®, symbols in
 * U+203C–U+3299, U+E50A, U+FE0F or surrogates D83C–D83E); text without them needs no emoji scan.
 */
const EMOJI_HINT = /[\ufe0f\u00a9\u00ae\u203c-\u3299\ud83c-\ud83e\ue50a]/;

/** twitter-text v3 ranges with weight 1 (scale 100 → weight 100); everything else weighs 2. */
function charWeight(code: number): number {
	if (code <= 4351) return 1;
	if (code >= 8192 && code <= 8205) return 1;
	if (code >= 8208 && code <= 8223) return 1;
	if (code >= 8242 && code <= 8247) return 1;
	return 2;
}

interface Entity {
	start: number;
	end: number;
}

function emojiEntities(text: string): Entity[] {
	if (!EMOJI_HINT.test(text)) return [];
	const entities: Entity[] = [];
	EMOJI.lastIndex = 0;
	let m: RegExpExecArray | null;
	while ((m = EMOJI.exec(text)) !== null) entities.push({ start: m.index, end: EMOJI.lastIndex });
	return entities;
}

/**
 * Walks entities sorted by start like twitter-text's start-index hash: the entity starting exactly at `index` (the
 * last one when several share a start), and none for an index the caller skipped past.
 */
class EntityCursor {
	private next = 0;
	constructor(private readonly entities: Entity[]) {}
	/** Start of the next entity not yet passed (Infinity when none is left). */
	nextStart(): number {
		return this.next < this.entities.length ? this.entities[this.next].start : Infinity;
	}
	endAt(index: number): number | undefined {
		const list = this.entities;
		while (this.next < list.length && list[this.next].start < index) this.next++;
		let found: number | undefined;
		while (this.next < list.length && list[this.next].start === index) found = list[this.next++].end;
		return found;
	}
}

/**
 * twitter-text's parseTweet loop. With `profile`, also records the weight before each UTF-16 index
 * (an index inside a URL, emoji or surrogate pair gets the weight before that entity).
 */
function weigh(text: string, profile?: number[], found?: UrlEntity[]): number {
	// twitter-text skips url.length units from the URL's start (not end - start; they differ when a URL without a
	// protocol had a non-ASCII domain part trimmed), so mirror that. Both lists come sorted by start.
	const urls = new EntityCursor((found ?? extractUrls(text)).map((u) => ({ start: u.start, end: u.start + u.url.length })));
	const emoji = new EntityCursor(emojiEntities(text));
	// The next index where an entity may start: before it, every unit is a plain character (the common case).
	let nextEntity = Math.min(urls.nextStart(), emoji.nextStart());
	let weight = 0;
	const length = text.length;
	for (let i = 0; i < length; i++) {
		const from = i;
		let add: number;
		const urlEnd = i >= nextEntity ? urls.endAt(i) : undefined;
		const emojiEnd = i >= nextEntity ? emoji.endAt(i) : undefined;
		if (i >= nextEntity) nextEntity = Math.min(urls.nextStart(), emoji.nextStart());
		if (urlEnd !== undefined) {
			add = X_URL_LENGTH;
			i = urlEnd - 1;
		} else if (emojiEnd !== undefined) {
			add = 2;
			i = emojiEnd - 1;
		} else {
			const code = text.charCodeAt(i);
			if (code < 0x80) add = 1;
			else {
				const next = i < length - 1 ? text.charCodeAt(i + 1) : 0;
				if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
					i++;
					add = charWeight(next);
				} else add = charWeight(code);
			}
		}
		if (profile) for (let j = from; j <= i && j < length; j++) profile[j] = weight;
		weight += add;
	}
	if (profile) profile[length] = weight;
	return weight;
}

/**
 * The weighted length X counts for `text` (what twitter-text's parseTweet reports as weightedLength).
 * A text is valid on X when 0 < weightedLength ≤ 280 (25,000 for long posts).
 */
export function weightedLength(text: string): number {
	return weigh(isNfcStable(text) ? text : text.normalize('NFC'));
}

/**
 * Whether NFC leaves `text` as it is because every unit is below U+0300: composition needs a combining mark and
 * every decomposing character is at U+0340 or above, so such text is already NFC (a quick test before the ICU call).
 */
export function isNfcStable(text: string): boolean {
	for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x300) return false;
	return true;
}

/**
 * X weight before each UTF-16 index of `text` (length + 1 entries), without NFC normalisation: an estimate used
 * to choose where to cut; the cut text is then measured with weightedLength. The last entry is the weighted length
 * itself when the text is NFC already (isNfcStable). `urls`: extractUrls(text), when the caller has it.
 */
export function weightProfile(text: string, urls?: UrlEntity[]): number[] {
	const profile = new Array<number>(text.length + 1);
	weigh(text, profile, urls);
	return profile;
}

/** Whether `text` is a valid length for X: more than 0 and at most 280 (25,000 when `longPost`). */
export function isValidXLength(text: string, longPost = false): boolean {
	const w = weightedLength(text);
	return w > 0 && w <= (longPost ? X_LONG_POST_LIMIT : X_LIMIT);
}
