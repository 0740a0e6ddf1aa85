import fc from 'fast-check';
import twitterText from 'twitter-text';

import { extractUrls, EXTRACT_URL_SOURCE, ASCII_DOMAIN_SOURCE, TCO_URL_SOURCE } from '../../../../nodes/shared/text/twitterUrls';
import { TWEMOJI_SOURCE } from '../../../../nodes/shared/text/twitterTextData';
import { isValidXLength, weightedLength } from '../../../../nodes/shared/text/weightedLength';
import { mixedText } from './arbitraries';

const twitterWeight = (s: string) => twitterText.parseTweet(s).weightedLength;
const RUNS = 10_000;

describe('X weighted length: same data as twitter-text', () => {
	it('composes the URL expressions exactly as twitter-text 3.1.0 does', () => {
		expect(EXTRACT_URL_SOURCE).toBe(require('twitter-text/dist/regexp/extractUrl').source);
		expect(new RegExp(ASCII_DOMAIN_SOURCE, 'gi').source).toBe(require('twitter-text/dist/regexp/validAsciiDomain').source);
		expect(new RegExp(TCO_URL_SOURCE, 'i').source).toBe(require('twitter-text/dist/regexp/validTcoUrl').source);
	});

	it('embeds twemoji-parser’s emoji expression unchanged', () => {
		expect(TWEMOJI_SOURCE).toBe(require('twemoji-parser/dist/lib/regex').default.source);
	});
});

describe('weightedLength: examples', () => {
	it('counts a 150-character title plus a 200-character URL as 174 (issue 13), which X accepts', () => {
		const text = 'T'.repeat(150) + ' ' + 'https://example.com/' + 'p'.repeat(180);
		expect(text.length).toBe(351);
		expect(weightedLength(text)).toBe(174);
		expect(twitterWeight(text)).toBe(174);
		expect(isValidXLength(text)).toBe(true);
	});

	it.each([
		['', 0],
		['hello world', 11],
		['日本語', 6],
		['😀', 2],
		['👨‍👩‍👧‍👦', 2],
		['👍🏽', 2],
		['🇫🇷', 2],
		['e\u0301', 1], // NFC → é
		['\u1100\u1161', 2], // NFC → 가
		['…', 2],
		['“quotes” — dash', 15],
		['example.com and https://t.co/abc', 23 + 5 + 23],
		['no.tld.zz', 9],
		['see www.example.com/path?x=1.', 4 + 23 + 1],
		['🥲', 2], // newer than twemoji-parser 11: a non-BMP character weighs 2 anyway
	])('%j weighs %d', (text, expected) => {
		expect(weightedLength(text)).toBe(expected);
		expect(twitterWeight(text)).toBe(expected);
	});

	it('applies the 280 / 25,000 limits', () => {
		expect(isValidXLength('a'.repeat(280))).toBe(true);
		expect(isValidXLength('a'.repeat(281))).toBe(false);
		expect(isValidXLength('日'.repeat(141))).toBe(false);
		expect(isValidXLength('a'.repeat(281), true)).toBe(true);
		expect(isValidXLength('a'.repeat(25_001), true)).toBe(false);
		expect(isValidXLength('')).toBe(false);
	});
});

describe('weightedLength: generated strings against twitter-text', () => {
	// Strings that once differed or that probe a rule; fast-check replays them first on every run.
	const regressions: [string][] = [
		['a😀example.com/x 𝐀example.com'],
		['https://' + 'a'.repeat(64) + '.com short.com'],
		['https://bücher.de/x_(y) ＠user ＃tag xn--bcher-kva.com'],
		['http://t.co/' + 'a'.repeat(41) + ' https://t.co/abc?x=1!'],
		['foo.bar.com. -example.com _example.com /example.com'],
	];

	it(`agrees on ${RUNS.toLocaleString('en-US')} generated strings (URLs, emoji, CJK, marks, weight boundaries)`, () => {
		const started = Date.now();
		fc.assert(
			fc.property(mixedText(40), (text) => {
				expect(weightedLength(text)).toBe(twitterWeight(text));
			}),
			{ numRuns: RUNS, examples: regressions },
		);
		console.log(`weightedLength vs twitter-text: ${RUNS} generated strings in ${Date.now() - started} ms`);
	});

	it('finds the same URLs as twitter-text’s extractUrlsWithIndices on 2,000 generated strings', () => {
		fc.assert(
			fc.property(mixedText(30), (text) => {
				const ours = extractUrls(text).map((u) => ({ url: u.url, indices: [u.start, u.end] }));
				expect(ours).toEqual(twitterText.extractUrlsWithIndices(text));
			}),
			{ numRuns: 2000, examples: regressions },
		);
	});

	it('agrees on arbitrary Unicode strings (full code point range, lone surrogates)', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
				expect(weightedLength(text)).toBe(twitterWeight(text));
			}),
			{ numRuns: 2000 },
		);
	});
});
