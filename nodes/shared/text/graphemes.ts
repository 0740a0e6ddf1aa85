/**
 * Unicode counting helpers: grapheme clusters (what a reader sees as one character, UAX #29), word boundaries,
 * code points, UTF-8 bytes. Grapheme and word segmentation use `Intl.Segmenter` (Node ≥ 16 with full ICU, as in
 * n8n); without it a close approximation is used (combining marks, joiners and modifiers attach to the base).
 */

interface SegmentData {
	segment: string;
	index: number;
	isWordLike?: boolean;
}
interface Segmenter {
	segment(text: string): Iterable<SegmentData>;
}
type SegmenterConstructor = new (locale?: string, options?: { granularity: 'grapheme' | 'word' }) => Segmenter;

// The project's TypeScript lib (es2020) does not declare Intl.Segmenter, hence the narrow local type.
const SegmenterClass = (Intl as unknown as { Segmenter?: SegmenterConstructor }).Segmenter;
let graphemeSegmenter: Segmenter | undefined;
let wordSegmenter: Segmenter | undefined;

/** Printable ASCII, tab and LF: one grapheme per UTF-16 unit (CR is excluded: CR LF is one grapheme). */
const SIMPLE_ASCII = /^[\x20-\x7e\t\n]*$/;
/**
 * Units that can join a neighbour into one grapheme cluster (UAX #29): CR (CR LF), marks (Extend, SpacingMark),
 * ZWNJ/ZWJ, variation selectors, halfwidth voiced marks, Thai/Lao AM, Hangul jamo, Prepend characters, and any
 * non-BMP character (emoji modifiers, regional indicators, tags). Between two units that are both outside this set
 * there is always a cluster boundary, so only the runs around these units need segmenting.
 */
// ZWJ sits between property escapes so that no literal characters around it read as a joined sequence;
// variation selectors are marks (\p{M}).
const JOINING =
	'\\p{M}\\u200d\\p{RI}\\r\\u200c\\uff9e\\uff9f\\u0e33\\u0eb3\\u1100-\\u11ff\\ua960-\\ua97f\\ud7b0-\\ud7ff' +
	'\\u0600-\\u0605\\u06dd\\u070f\\u0890\\u0891\\u08e2\\u0d4e\\ud800-\\udfff\\u{10000}-\\u{10ffff}';
const MAY_JOIN = new RegExp(`[${JOINING}]`, 'u');
/** A run that may hold multi-unit clusters: a base, then joining units each optionally followed by one more base. */
const JOINING_RUN = new RegExp(`[^${JOINING}]?(?:[${JOINING}][^${JOINING}]?)+`, 'gu');
/** Fallback without Intl.Segmenter (not the case in Node 20 / n8n): CR LF, flag pairs, a character and its marks. */
const APPROX_GRAPHEME = /\r\n|\p{RI}\p{RI}|[^]\p{M}*/gu;

function graphemes(): Segmenter | undefined {
	if (!graphemeSegmenter && SegmenterClass) graphemeSegmenter = new SegmenterClass(undefined, { granularity: 'grapheme' });
	return graphemeSegmenter;
}

/**
 * Runs already segmented (the same emoji and marks recur across captions, and fitText measures many candidates of
 * one caption): Intl.Segmenter costs microseconds per call. Bounded: cleared when full. Callers must not modify
 * the returned arrays.
 */
const RUN_CACHE_SIZE = 4096;
const runCache = new Map<string, readonly string[]>();

/** Clusters of a short run (Intl.Segmenter, or the approximation without it). */
function segmentRun(run: string): readonly string[] {
	const cached = runCache.get(run);
	if (cached) return cached;
	const segmenter = graphemes();
	let out: string[];
	if (!segmenter) out = run.match(APPROX_GRAPHEME) ?? [];
	else {
		out = [];
		for (const segment of segmenter.segment(run)) out.push(segment.segment);
	}
	if (runCache.size >= RUN_CACHE_SIZE) runCache.clear();
	runCache.set(run, out);
	return out;
}

/** The grapheme clusters of `text`, in order. */
export function graphemeList(text: string): string[] {
	if (SIMPLE_ASCII.test(text) || !MAY_JOIN.test(text)) return text.split('');
	const out: string[] = [];
	let from = 0;
	JOINING_RUN.lastIndex = 0;
	let m: RegExpExecArray | null;
	while ((m = JOINING_RUN.exec(text)) !== null) {
		for (let i = from; i < m.index; i++) out.push(text[i]);
		for (const g of segmentRun(m[0])) out.push(g);
		from = m.index + m[0].length;
	}
	for (let i = from; i < text.length; i++) out.push(text[i]);
	return out;
}

/** Number of grapheme clusters in `text` (Bluesky's and Mastodon's "characters"). */
export function graphemeLength(text: string): number {
	if (SIMPLE_ASCII.test(text) || !MAY_JOIN.test(text)) return text.length;
	let count = text.length;
	JOINING_RUN.lastIndex = 0;
	let m: RegExpExecArray | null;
	while ((m = JOINING_RUN.exec(text)) !== null) count += segmentRun(m[0]).length - m[0].length;
	return count;
}

/** UTF-16 indices where a grapheme cluster starts, plus `text.length`. */
export function graphemeBoundaries(text: string): number[] {
	const out: number[] = [];
	let index = 0;
	for (const g of graphemeList(text)) {
		out.push(index);
		index += g.length;
	}
	out.push(text.length);
	return out;
}

/** Graphemes before each UTF-16 index (length + 1 entries; an index inside a cluster counts it as not begun). */
export function graphemeProfile(text: string): number[] {
	const profile = new Array<number>(text.length + 1);
	let index = 0;
	let count = 0;
	for (const g of graphemeList(text)) {
		for (let j = 0; j < g.length; j++) profile[index + j] = count;
		index += g.length;
		count++;
	}
	profile[text.length] = count;
	return profile;
}

/**
 * UTF-16 indices between words as `Intl.Segmenter` finds them (dictionary-based for Chinese, Japanese, Thai...),
 * excluding 0 and `text.length`. Without Intl.Segmenter: grapheme boundaries (every character may end a word).
 */
export function wordBoundaries(text: string): number[] {
	if (!wordSegmenter && SegmenterClass) wordSegmenter = new SegmenterClass(undefined, { granularity: 'word' });
	if (!wordSegmenter) return graphemeBoundaries(text).slice(1, -1);
	const out: number[] = [];
	for (const segment of wordSegmenter.segment(text)) if (segment.index > 0) out.push(segment.index);
	return out;
}

/** Number of Unicode code points (an unpaired surrogate counts as one). */
export function codePointLength(text: string): number {
	let count = text.length;
	for (let i = 0; i < text.length - 1; i++) {
		const c = text.charCodeAt(i);
		if (c >= 0xd800 && c <= 0xdbff) {
			const next = text.charCodeAt(i + 1);
			if (next >= 0xdc00 && next <= 0xdfff) {
				count--;
				i++;
			}
		}
	}
	return count;
}

/** Bytes of `text` in UTF-8 (an unpaired surrogate is written as U+FFFD, 3 bytes, as encoders do). */
export function utf8Length(text: string): number {
	let bytes = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x80) bytes += 1;
		else if (c < 0x800) bytes += 2;
		else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
			bytes += 4;
			i++;
		} else bytes += 3;
	}
	return bytes;
}
