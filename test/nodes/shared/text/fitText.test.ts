import fc from 'fast-check';
import twitterText from 'twitter-text';

import { fitText } from '../../../../nodes/shared/text/fitText';
import { graphemeList } from '../../../../nodes/shared/text/graphemes';
import { countFor, isWithinLimit, limitFor } from '../../../../nodes/shared/text/networks';
import { asciiWord, hashtag, mixedText, piece, url } from './arbitraries';

const LONG_URL = 'https://example.com/blog/2026/12/a-long-article-slug?utm_source=n8n&utm_medium=social&utm_campaign=' + 'x'.repeat(100);
const urlsOf = (s: string) => twitterText.extractUrls(s);

describe('fitText: examples', () => {
	it('returns a text within the limit unchanged (the issue’s 174-weight post on X)', () => {
		const text = 'T'.repeat(150) + ' ' + 'https://example.com/' + 'p'.repeat(180);
		expect(fitText(text, 'twitter')).toEqual({ text, shortened: false, length: 174, limit: 280, originalLength: 174 });
	});

	it('cuts at a word, ends with an ellipsis and keeps the link at the end (X)', () => {
		const body = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(6).trim();
		const r = fitText(`${body} ${LONG_URL}`, 'twitter');
		expect(r.shortened).toBe(true);
		expect(r.text.endsWith(`… ${LONG_URL}`)).toBe(true);
		expect(r.text.startsWith('Lorem ipsum dolor sit amet, consectetur')).toBe(true);
		expect(r.length).toBe(twitterText.parseTweet(r.text).weightedLength);
		expect(r.length).toBeLessThanOrEqual(280);
		expect(r.length).toBeGreaterThan(260); // the cut is as late as the words allow
	});

	it('drops trailing hashtags, last first, before any word (Bluesky)', () => {
		const body = 'word '.repeat(56).trim(); // 279 graphemes; with the four hashtags 302
		const r = fitText(`${body} #one #two #three #four`, 'bluesky');
		expect(r).toEqual({ text: `${body} #one #two #three`, shortened: true, length: 296, limit: 300, originalLength: 302 });
	});

	it('drops hashtags that stand before the link and keeps the link last (Bluesky)', () => {
		const body = 'word '.repeat(53).trim(); // 264 + 12 + 28 = 304 graphemes
		const r = fitText(`${body} #a #b #c #d https://ex.am/ple-link-here`, 'bluesky');
		expect(r.text).toBe(`${body} #a #b https://ex.am/ple-link-here`);
	});

	it('moves the Link URL to the end when the cut would lose it, and strips punctuation before the ellipsis', () => {
		const text = `Read https://ex.am/x, then ${'more words here, '.repeat(40)}`;
		const r = fitText(text, 'threads', { linkUrl: 'https://ex.am/x' });
		expect(r.text.startsWith('Read https://ex.am/x, then more')).toBe(true); // in place: it is before the cut
		const r2 = fitText(`${'intro words, '.repeat(60)}see https://ex.am/x for more.`, 'threads', { linkUrl: 'https://ex.am/x' });
		expect(r2.text).toMatch(/words… https:\/\/ex\.am\/x$/);
	});

	it('cuts Japanese text without spaces at a word boundary', () => {
		const r = fitText('日本語のテキストです。'.repeat(30), 'twitter');
		expect(r.shortened).toBe(true);
		expect(r.text.endsWith('…')).toBe(true);
		expect(twitterText.parseTweet(r.text).weightedLength).toBeLessThanOrEqual(280);
		expect(r.length).toBeGreaterThan(250);
	});

	it('never splits an emoji, a mention or a hashtag, and counts Mastodon URLs as 23', () => {
		const text = `${'🎉 @bob@mastodon.social #launch '.repeat(20)}${LONG_URL}`;
		const r = fitText(text, 'mastodon', { limit: 120 });
		expect(r.length).toBeLessThanOrEqual(120);
		expect(r.text.endsWith(` ${LONG_URL}`)).toBe(true);
		expect(r.text).toMatch(/^(🎉 @bob@mastodon\.social #launch )*(🎉|@bob@mastodon\.social|#launch)…/u);
	});

	it('cuts a single over-long word between graphemes, as a last resort', () => {
		const r = fitText('👍🏽'.repeat(400), 'bluesky');
		expect(r.text).toBe('👍🏽'.repeat(299) + '…');
		expect(r.length).toBe(300);
	});

	it('leaves networks without a limit alone, and honours X long posts', () => {
		const long = 'word '.repeat(2000);
		expect(fitText(long, 'youtube')).toEqual({ text: long, shortened: false, length: long.length, limit: undefined, originalLength: long.length });
		expect(fitText(long, 'twitter', { longPost: true }).shortened).toBe(false);
	});
});

const NETWORKS: [string, { limit?: number }][] = [
	['twitter', {}],
	['bluesky', {}],
	['mastodon', {}],
	['threads', {}],
	['pinterest', {}],
	['linkedin', { limit: 240 }],
	['telegram', { limit: 200 }],
];

/** A caption as the generator built it: body, optional link, trailing hashtags (before or after the link). */
const captionParts = fc.record({
	body: fc.array(fc.tuple(piece, fc.constantFrom(' ', ' ', ' ', '\n', '')), { minLength: 1, maxLength: 150 }),
	link: fc.option(url, { nil: undefined }),
	tags: fc.array(hashtag, { maxLength: 6 }),
	tagsBeforeLink: fc.boolean(),
});
const joinCaption = (p: { body: [string, string][]; link?: string; tags: string[]; tagsBeforeLink: boolean }, withTags = true) => {
	const body = p.body.map(([w, s]) => w + s).join('').trim();
	const tail = withTags ? p.tags.join(' ') : '';
	const parts = p.tagsBeforeLink ? [body, tail, p.link] : [body, p.link, tail];
	return parts.filter((x) => x).join(p.tagsBeforeLink ? ' ' : '\n\n');
};

// Inputs that once failed (kept so every run replays them first).
// A t.co URL with a 41-character slug is no URL for X; cutting it inside made one ("https://t.co/a1…").
const MIXED_REGRESSIONS: [string, number][] = [['https://t.co/' + 'a1'.repeat(20) + 'a/more ', 25]];
// The link glued to a long URL: only the link itself must move to the end, not the whole word.
const CAPTION_REGRESSIONS: [{ body: [string, string][]; link: string | undefined; tags: string[]; tagsBeforeLink: boolean }][] = [
	[{ body: [['https://example.com/' + 'x'.repeat(150) + '?utm_source=feed', ''], ['각', ''], ['www.example.com', ' ']], link: undefined, tags: [], tagsBeforeLink: false }],
	// X's URL ends before a combining mark ("…feedn" + U+0303): moving that link must not split "ñ".
	[{ body: [['https://example.com/' + 'x'.repeat(150) + '?utm_source=feed', ''], ['n\u0303', ' '], ['a', ' ']], link: undefined, tags: [], tagsBeforeLink: false }],
];

function checkFitted(network: string, opts: { limit?: number; linkUrl?: string }, input: string) {
	const r = fitText(input, network, opts);
	const limit = limitFor(network, opts) as number;
	// Within the limit by the network's own counter (X: by twitter-text itself).
	expect(r.limit).toBe(limit);
	expect(r.length).toBe(countFor(network, r.text));
	expect(r.originalLength).toBe(countFor(network, input));
	expect(isWithinLimit(network, r.text, opts)).toBe(true);
	if (network === 'twitter') expect(twitterText.parseTweet(r.text).weightedLength).toBeLessThanOrEqual(limit);
	// Unchanged when it fitted; changed only when it did not.
	expect(r.shortened).toBe(!isWithinLimit(network, input, opts));
	if (!r.shortened) {
		expect(r.text).toBe(input);
		return r;
	}
	// No broken URL: every URL of the output is a URL of the input.
	const inputUrls = new Set(urlsOf(input));
	for (const u of urlsOf(r.text)) expect(inputUrls).toContain(u);
	// No split grapheme: every cluster of the output is a cluster of the input (or the added ellipsis / space).
	const inputClusters = new Set(graphemeList(input));
	for (const g of graphemeList(r.text)) if (g !== '…' && g !== ' ') expect(inputClusters).toContain(g);
	return r;
}

describe('fitText: generated captions', () => {
	it.each(NETWORKS)('%s: within the limit, unchanged when it fits, no broken URL or grapheme, link kept (400 captions)', (network, opts) => {
		fc.assert(
			fc.property(captionParts, (parts) => {
				const input = joinCaption(parts);
				const r = checkFitted(network, opts, input);
				if (!r.shortened) return;
				const links = urlsOf(input);
				const link = links[links.length - 1];
				const limit = limitFor(network, opts) as number;
				// The link (the last URL) survives whenever it fits with an ellipsis; it ends the text when it ended the input.
				if (link && countFor(network, `… ${link}`) <= limit && countFor(network, link) === countFor(network, link.trim())) {
					expect(r.text).toContain(link);
					const after = input.slice(input.lastIndexOf(link) + link.length);
					const wordsCut = r.text.split('…').length > input.split('…').length;
					if (/^\s*$/u.test(after) || (wordsCut && /^(\s+[#＃]\S+)*\s*$/u.test(after))) expect(r.text.endsWith(link)).toBe(true);
				}
				// Hashtags go before words: when the text fits without its trailing hashtags, no word is cut.
				const linkIsUrl = parts.link === undefined || link === parts.link;
				if (parts.tags.length && linkIsUrl && isWithinLimit(network, joinCaption(parts, false), opts)) {
					expect(r.text.split('…').length).toBe(input.split('…').length);
				}
			}),
			{ numRuns: 400, examples: CAPTION_REGRESSIONS },
		);
	});

	it('keeps the given Link URL (opts.linkUrl) even when it is not the last URL', () => {
		fc.assert(
			fc.property(fc.array(fc.tuple(piece, fc.constant(' ')), { minLength: 20, maxLength: 120 }), fc.nat(), asciiWord, (words, at, slug) => {
				const link = `https://publer.example/${slug}`;
				const list = words.map(([w]) => w);
				list.splice(at % (list.length + 1), 0, link);
				const input = list.join(' ');
				const r = checkFitted('bluesky', { linkUrl: link, limit: 100 }, input);
				if (r.shortened) expect(r.text).toContain(link);
			}),
			{ numRuns: 300 },
		);
	});

	it.each([['twitter'], ['bluesky'], ['mastodon']])('%s: holds for any mixed text and small limits (600 texts)', (network) => {
		fc.assert(
			fc.property(mixedText(60), fc.integer({ min: 5, max: 120 }), (input, limit) => {
				checkFitted(network, { limit }, input);
			}),
			{ numRuns: 600, examples: MIXED_REGRESSIONS },
		);
	});
});
