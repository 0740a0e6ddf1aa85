/**
 * The cheap bounds (countUpperBound, xWeightBound) behind isWithinLimit and fitText: they must never be below the
 * exact count, so that "bound ≤ limit" proves the text within the limit, and isWithinLimit must decide exactly as
 * the exact counter does, on every network and at limits around the text's own count.
 */
import fc from 'fast-check';
import twitterText from 'twitter-text';

import { utf8Length } from '../../../../nodes/shared/text/graphemes';
import {
	BLUESKY_MAX_BYTES,
	countFor,
	countUpperBound,
	isWithinLimit,
	limitFor,
	NETWORK_COUNTING,
} from '../../../../nodes/shared/text/networks';
import { COUNTRY_TLDS, GENERIC_TLDS } from '../../../../nodes/shared/text/twitterTextData';
import { extractUrls } from '../../../../nodes/shared/text/twitterUrls';
import { caption, mixedText } from './arbitraries';

const NETWORKS = Object.keys(NETWORK_COUNTING).concat('unknown-network');
/** Short URLs (where 23 is more than the URL's length), emoji, CJK, marks, mentions. */
const SHORT = ['a.co', 'x.io', 'http://a.co', 'https://b.de/', 't.co/x', 'http://t.co/a', 'e.g.', 'v2.0', 'a.b.c.jp', 'mail@a.co', 'ñ.com'];
const shortPiece = fc.constantFrom(...SHORT, '😀', '👨‍👩‍👧‍👦', '🇫🇷', '日本語', 'e\u0301', '@bob@mastodon.social', '#tag', '.', ' ', '\n', '…');
const dense = fc.array(shortPiece, { maxLength: 80 }).map((a) => a.join(''));
const text = fc.oneof(mixedText(60), caption, dense);

/** The exact rule, without any fast path: what isWithinLimit decided before the bounds were added. */
function exactWithin(network: string, t: string, limit: number | undefined): boolean {
	if (network === 'bluesky' && utf8Length(t) > BLUESKY_MAX_BYTES) return false;
	return limit === undefined || countFor(network, t) <= limit;
}

describe('fast paths agree with the exact counters', () => {
	it('every TLD has at least 2 characters (the X bound assumes a URL of 4 units or more)', () => {
		const tlds = [...GENERIC_TLDS, ...COUNTRY_TLDS].flatMap((line) => line.split(' '));
		expect(Math.min(...tlds.map((t) => t.length))).toBeGreaterThanOrEqual(2);
	});

	it('the bound is never below the exact count, on every network', () => {
		fc.assert(
			fc.property(text, (t) => {
				for (const network of NETWORKS) expect(countUpperBound(network, t)).toBeGreaterThanOrEqual(countFor(network, t));
				expect(countUpperBound('twitter', t)).toBeGreaterThanOrEqual(twitterText.parseTweet(t).weightedLength);
			}),
			{ numRuns: 1500 },
		);
	});

	it('isWithinLimit decides as the exact counter at the default limit and at limits around the count', () => {
		fc.assert(
			fc.property(text, fc.integer({ min: -30, max: 30 }), (t, delta) => {
				for (const network of NETWORKS) {
					const exact = countFor(network, t);
					for (const opts of [{}, { limit: Math.max(0, exact + delta) }, { limit: Math.max(0, exact - 1) }, { limit: exact }]) {
						expect(isWithinLimit(network, t, opts)).toBe(exactWithin(network, t, limitFor(network, opts)));
					}
				}
			}),
			{ numRuns: 800 },
		);
	});

	it('decides near X’s limit exactly, with short URLs that count 23 (more than their length)', () => {
		for (let n = 0; n <= 30; n++) {
			const t = 'a.co '.repeat(n) + 'b'.repeat(150);
			expect(isWithinLimit('twitter', t)).toBe(twitterText.parseTweet(t).weightedLength <= 280);
			const m = 'http://a.co '.repeat(n) + 'b'.repeat(300);
			expect(isWithinLimit('mastodon', m)).toBe(exactWithin('mastodon', m, 500));
		}
	});

	it('finds the same URLs run by run as twitter-text does on the whole text', () => {
		fc.assert(
			fc.property(fc.oneof(text, fc.string({ unit: 'grapheme', maxLength: 80 })), (t) => {
				const ours = extractUrls(t).map((u) => ({ url: u.url, indices: [u.start, u.end] }));
				expect(ours).toEqual(twitterText.extractUrlsWithIndices(t));
			}),
			{ numRuns: 1500 },
		);
	});
});
