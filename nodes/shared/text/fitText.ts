/**
 * Fits a caption to a network's limit, counting as that network counts (networks.ts):
 * 1. a text within the limit is returned unchanged;
 * 2. hashtags at the end are dropped, last first, until the text fits;
 * 3. otherwise words are dropped from the end and "…" marks the cut; the post's link (opts.linkUrl, or the last URL
 *    in the text) is kept: in place when it is before the cut, else moved to the end;
 * 4. cuts fall between words (whitespace, or word boundaries in scripts written without spaces such as Chinese,
 *    Japanese or Thai), never inside a URL, @mention, #hashtag or grapheme cluster; a first word longer than the
 *    whole limit is cut between grapheme clusters as a last resort.
 * The output is built from whole pieces of the input, so URLs and emoji survive intact.
 */
import { graphemeBoundaries, utf8Length, wordBoundaries } from './graphemes';
import { BLUESKY_MAX_BYTES, countFor, countingFor, countProfile, countUpperBound, limitFor, type LimitOptions } from './networks';
import { extractUrls, type UrlEntity } from './twitterUrls';
import { isNfcStable } from './weightedLength';

export interface FitOptions extends LimitOptions {
	/** The post's link (Content Options → Link URL). Default: the last URL in the text. */
	linkUrl?: string;
	/** Marks the cut. Default "…" (U+2026). */
	ellipsis?: string;
}

export interface FitResult {
	/** The fitted text (the input itself when it was within the limit). */
	text: string;
	/** Whether the text was changed. */
	shortened: boolean;
	/** Length of `text` as the network counts it. */
	length: number;
	/** The limit applied; undefined when the network has none (the text is then unchanged). */
	limit: number | undefined;
	/** Length of the input text as the network counts it (equal to `length` when unchanged). */
	originalLength: number;
}

interface Token {
	start: number;
	end: number;
	/** Whitespace before the token in the input. */
	gap: string;
	hashtag: boolean;
}

interface Span {
	start: number;
	end: number;
}

const NO_SPACE_SCRIPT = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;
const MENTION = /[@＠][\p{L}\p{N}_]+(?:[@.][\p{L}\p{N}_-]+)*/gu;
const HASHTAG = /[#＃][\p{L}\p{M}\p{N}_\u200c\u200d]+/gu;
const HASHTAG_TOKEN = /^[#＃][\p{L}\p{M}\p{N}_\u200c\u200d]+$/u;
const WORD = /\S+/g;
/** Punctuation that looks wrong before the ellipsis ("word,…"). */
const TRAILING_PUNCTUATION = /[,;:.\-–—]+$/;

/** Spans that must not be cut: URLs (as X finds them), @mentions (incl. @user@server) and #hashtags. */
function protectedSpans(text: string, urls: UrlEntity[]): Span[] {
	const spans: Span[] = urls.map((u) => ({ start: u.start, end: u.end }));
	for (const re of [MENTION, HASHTAG]) {
		re.lastIndex = 0;
		let m: RegExpExecArray | null;
		while ((m = re.exec(text)) !== null) spans.push({ start: m.index, end: m.index + m[0].length });
	}
	return spans;
}

const inside = (spans: Span[], pos: number) => spans.some((s) => s.start < pos && pos < s.end);

/** The code point ending just before `pos`. */
function codePointBefore(text: string, pos: number): string {
	const low = text.charCodeAt(pos - 1);
	if (low >= 0xdc00 && low <= 0xdfff && pos >= 2) return text.slice(pos - 2, pos);
	return text.charAt(pos - 1);
}

/** Every character of NO_SPACE_SCRIPT is at U+0E00 or above (Thai is the lowest): a word without one needs no test. */
function mayHaveNoSpaceScript(word: string): boolean {
	for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) >= 0x0e00) return true;
	return false;
}

/** Splits the input into words (with the whitespace before each); words in no-space scripts split further. */
function tokenize(text: string, spans: Span[], extraCuts: number[]): Token[] {
	const tokens: Token[] = [];
	let previousEnd = 0;
	WORD.lastIndex = 0;
	let m: RegExpExecArray | null;
	while ((m = WORD.exec(text)) !== null) {
		const start = m.index;
		const end = start + m[0].length;
		const gap = text.slice(previousEnd, start);
		// Most words are one token: no cut inside them and no script written without spaces.
		if (!extraCuts.some((pos) => pos > start && pos < end) && !mayHaveNoSpaceScript(m[0])) {
			const sign = text.charCodeAt(start);
			tokens.push({ start, end, gap, hashtag: (sign === 0x23 || sign === 0xff03) && HASHTAG_TOKEN.test(m[0]) });
			previousEnd = end;
			continue;
		}
		const cuts = [start];
		for (const pos of extraCuts) if (pos > start && pos < end) cuts.push(pos);
		if (mayHaveNoSpaceScript(m[0]) && NO_SPACE_SCRIPT.test(m[0])) {
			const graphemeStarts = new Set(graphemeBoundaries(m[0]));
			for (const b of wordBoundaries(m[0])) {
				const pos = start + b;
				const scriptEdge = NO_SPACE_SCRIPT.test(codePointBefore(text, pos)) || NO_SPACE_SCRIPT.test(String.fromCodePoint(text.codePointAt(pos) ?? 32));
				if (scriptEdge && graphemeStarts.has(b) && !inside(spans, pos)) cuts.push(pos);
			}
		}
		cuts.push(end);
		if (cuts.length > 2) cuts.sort((a, b) => a - b);
		for (let i = 0; i < cuts.length - 1; i++) {
			if (cuts[i] === cuts[i + 1]) continue;
			// Only a piece starting with # or ＃ can be a hashtag.
			const sign = text.charCodeAt(cuts[i]);
			const hashtag = (sign === 0x23 || sign === 0xff03) && HASHTAG_TOKEN.test(text.slice(cuts[i], cuts[i + 1]));
			tokens.push({ start: cuts[i], end: cuts[i + 1], gap: cuts[i] === start ? gap : '', hashtag });
		}
		previousEnd = end;
	}
	return tokens;
}

/**
 * The largest n in [lo, hi] with ok(n), starting at `guess` and galloping outwards, then bisecting (few calls when
 * the guess is close). Assumes ok is mostly monotone (true then false); a returned n always passed ok.
 */
function searchLargest(lo: number, hi: number, guess: number, ok: (n: number) => boolean): number | undefined {
	if (hi < lo) return undefined;
	let good = lo - 1;
	let bad = hi + 1;
	const k = Math.min(hi, Math.max(lo, guess));
	if (ok(k)) {
		good = k;
		for (let step = 1; good + step <= hi; step *= 2) {
			if (!ok(good + step)) {
				bad = good + step;
				break;
			}
			good += step;
		}
	} else {
		bad = k;
		for (let step = 1; bad - step >= lo; step *= 2) {
			if (ok(bad - step)) {
				good = bad - step;
				break;
			}
			bad -= step;
		}
	}
	while (bad - good > 1) {
		const mid = (good + bad) >> 1;
		if (ok(mid)) good = mid;
		else bad = mid;
	}
	return good >= lo ? good : undefined;
}

/**
 * Widens a span to whole grapheme clusters: X's URL rules can end a URL before a combining mark ("…feedn\u0303"),
 * and moving such a link must not split the cluster.
 */
function snapToGraphemes(text: string, span: Span | undefined): Span | undefined {
	if (!span) return undefined;
	let from = span.start;
	while (from > 0 && /\S/.test(text[from - 1])) from--;
	let to = span.end;
	while (to < text.length && /\S/.test(text[to])) to++;
	const bounds = graphemeBoundaries(text.slice(from, to)).map((b) => b + from);
	const start = Math.max(...bounds.filter((b) => b <= span.start));
	const end = Math.min(...bounds.filter((b) => b >= span.end));
	return { start, end };
}

/** The link's span: opts.linkUrl where it occurs last, else the last URL in the text. */
function findLink(text: string, linkUrl: string | undefined, urls: UrlEntity[]): Span | undefined {
	const wanted = linkUrl?.trim();
	if (wanted && !/\s/.test(wanted)) {
		const at = text.lastIndexOf(wanted);
		if (at >= 0) return { start: at, end: at + wanted.length };
	}
	const last = urls[urls.length - 1];
	return last ? { start: last.start, end: last.end } : undefined;
}

/**
 * Shortens `text` to `network`'s limit (by that network's counter) as described above.
 * `opts.longPost` selects X's 25,000 limit; `opts.limit` overrides the limit (e.g. a Mastodon server's).
 */
export function fitText(text: string, network: string, opts: FitOptions = {}): FitResult {
	const limit = limitFor(network, opts);
	// The last few counts (a candidate is measured, then returned): a Map would hash every long candidate.
	const counted: Array<[string, number]> = [];
	const count = (candidate: string) => {
		for (const [seen, n] of counted) if (seen === candidate) return n;
		const n = countFor(network, candidate);
		if (counted.push([candidate, n]) > 4) counted.shift();
		return n;
	};
	// X's bound is at least the length of the NFC text: for a longer candidate (nearly always NFC already) it cannot
	// prove anything, so only the exact count is taken. Skipping the bound never changes a result.
	const isX = countingFor(network).method === 'x-weighted';
	const boundMayProve = (candidate: string) => !isX || limit === undefined || candidate.length <= limit;
	// Same rule as isWithinLimit (incl. Bluesky's 3,000 UTF-8 bytes), with each candidate measured once; the exact
	// counter runs only when the cheap upper bound does not already prove the candidate within the limit.
	const fits = (candidate: string) =>
		limit === undefined ||
		((network !== 'bluesky' || candidate.length * 3 <= BLUESKY_MAX_BYTES || utf8Length(candidate) <= BLUESKY_MAX_BYTES) &&
			((boundMayProve(candidate) && countUpperBound(network, candidate) <= limit) || count(candidate) <= limit));
	// X, text already NFC: one pass gives the profile to cut by and, as its last entry, the exact count.
	let urls: UrlEntity[] | undefined;
	let profile: number[] | undefined;
	if (limit !== undefined && isX && text.length > limit && isNfcStable(text)) {
		urls = extractUrls(text);
		profile = countProfile(network, text, urls);
		counted.push([text, profile[text.length]]);
	}
	if (limit === undefined || fits(text)) {
		const length = count(text);
		return { text, shortened: false, length, limit, originalLength: length };
	}

	const ellipsis = opts.ellipsis ?? '…';
	urls = urls ?? extractUrls(text);
	const spans = protectedSpans(text, urls);
	const link = snapToGraphemes(text, findLink(text, opts.linkUrl, urls));
	if (link) spans.push(link);
	// The link becomes a word of its own even when glued to other text, so that it alone can move.
	const tokens = tokenize(text, spans, link ? [link.start, link.end] : []);
	const linkIndex = link ? tokens.findIndex((t) => t.start === link.start) : -1;
	// A cut inside a word, or stripped punctuation, must not create a URL the input did not have ("example.com-" →
	// "example.com…"); cuts between whole words cannot.
	const inputUrls = new Set(urls.map((u) => u.url));
	const noNewUrl = (candidate: string) => extractUrls(candidate).every((u) => inputUrls.has(u.url));

	/** Text of a token that ends the kept body: trailing punctuation outside protected spans goes. */
	const endingText = (t: Token) => {
		const raw = text.slice(t.start, t.end);
		const protectedEnd = Math.max(t.start, ...spans.filter((s) => s.start < t.end && s.end > t.start).map((s) => s.end));
		const stripped = raw.replace(TRAILING_PUNCTUATION, '');
		const keepTo = Math.max(stripped.length, protectedEnd - t.start);
		return keepTo > 0 ? raw.slice(0, keepTo) : raw;
	};
	const endsWithUrl = (t: Token) => spans.some((s) => s.end === t.end && /[./:]/.test(text.slice(s.start, s.end)));

	/**
	 * Joins the kept tokens (each with its original whitespace before it). `cutAfter`: token index after which the
	 * ellipsis goes (-1: none); `moveLink`: the link token goes last, after the ellipsis.
	 */
	const build = (kept: (i: number) => boolean, cutAfter: number, moveLink: boolean, cutText?: string) => {
		let out = '';
		for (let i = 0; i < tokens.length; i++) {
			if (!kept(i) || (moveLink && i === linkIndex)) continue;
			const t = tokens[i];
			if (i === cutAfter) {
				const body = cutText ?? endingText(t);
				out += t.gap + body + (cutText === undefined && endsWithUrl(t) ? ' ' : '') + ellipsis;
			} else out += t.gap + text.slice(t.start, t.end);
		}
		if (cutAfter < 0 && out === '' && !(moveLink && linkIndex >= 0)) out = ellipsis;
		if (moveLink && linkIndex >= 0) {
			const t = tokens[linkIndex];
			out += (out === '' ? '' : t.gap || ' ') + text.slice(t.start, t.end);
		}
		return out;
	};

	const ellipsisCost = countFor(network, ellipsis);

	const attempt = (withLink: boolean): string | undefined => {
		const linkAt = withLink ? linkIndex : -1;
		// 1. Drop trailing hashtags (skipping the link), last first: the fewest that make the text fit.
		const tags: number[] = [];
		for (let i = tokens.length - 1; i >= 0; i--) {
			if (i === linkAt) continue;
			if (!tokens[i].hashtag) break;
			tags.push(i);
		}
		const withoutTags = (d: number) => {
			const dropped = new Set(tags.slice(0, d));
			return build((i) => !dropped.has(i) && (withLink || i !== linkIndex), -1, false);
		};
		if (tags.length && fits(withoutTags(tags.length))) {
			const d = searchLargest(-tags.length, -1, -tags.length, (negD) => fits(withoutTags(-negD))) as number;
			return withoutTags(-d);
		}

		// 2. Drop words from the end; the ellipsis follows the last kept word, the link stays or moves last.
		const dropped = new Set(tags);
		const body = tokens.map((_, i) => i).filter((i) => !dropped.has(i) && i !== linkIndex);
		// body is in ascending order, so its first k entries are exactly its entries up to body[k - 1].
		const inBody = new Uint8Array(tokens.length);
		for (const i of body) inBody[i] = 1;
		const keepFirst = (k: number) => {
			const last = body[k - 1];
			return build((i) => (i <= last && inBody[i] === 1) || i === linkAt, last, linkAt >= 0 && linkAt > last);
		};
		const wholeWordCut = (k: number) => {
			const t = tokens[body[k - 1]];
			return tokens[body[k - 1] + 1]?.gap !== '' && endingText(t).length === t.end - t.start;
		};
		// Guess from a one-pass estimate of the count at each word's end, then measure around the guess.
		profile = profile ?? countProfile(network, text);
		const linkCost = linkAt >= 0 ? countFor(network, (tokens[linkAt].gap || ' ') + text.slice(tokens[linkAt].start, tokens[linkAt].end)) : 0;
		let guess = 1;
		for (let k = 1; k < body.length; k++) {
			const last = body[k - 1];
			const estimate = profile[tokens[last].end] + ellipsisCost + (linkAt > last ? linkCost : 0);
			if (estimate <= limit) guess = k;
			else break;
		}
		// Keeping every body word plus an ellipsis is longer than the whole text, so at most all but one.
		const k = searchLargest(1, body.length - 1, guess, (n) => {
			const candidate = keepFirst(n);
			return fits(candidate) && (wholeWordCut(n) || noNewUrl(candidate));
		});
		if (k !== undefined) return keepFirst(k);

		// 3. Last resort: cut the first word between grapheme clusters (outside protected spans).
		if (body.length) {
			const first = tokens[body[0]];
			const word = text.slice(first.start, first.end);
			const cuts = graphemeBoundaries(word).filter((b) => b > 0 && b < word.length && !inside(spans, first.start + b));
			const moveLink = linkAt >= 0 && linkAt !== body[0];
			const cutAt = (c: number) => build((i) => i === body[0] || i === linkAt, body[0], moveLink, word.slice(0, cuts[c]));
			const c = searchLargest(0, cuts.length - 1, 0, (n) => {
				const candidate = cutAt(n);
				return fits(candidate) && noNewUrl(candidate);
			});
			if (c !== undefined) return cutAt(c);
		}
		// 4. Nothing of the body fits: the link alone, after an ellipsis, or on its own.
		if (linkAt >= 0) {
			const linkText = text.slice(tokens[linkAt].start, tokens[linkAt].end);
			for (const candidate of [`${ellipsis} ${linkText}`, linkText]) if (fits(candidate)) return candidate;
		}
		return undefined;
	};

	let out = linkIndex >= 0 ? attempt(true) : undefined;
	if (out === undefined) out = attempt(false);
	if (out === undefined) out = fits(ellipsis) ? ellipsis : '';
	return { text: out, shortened: true, length: count(out), limit, originalLength: count(text) };
}
