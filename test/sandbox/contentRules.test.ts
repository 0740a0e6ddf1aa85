import fc from 'fast-check';

import { networkLength } from '../../sandbox/domain/bulk/contentRules';

// The sandbox counts Bluesky and Mastodon text in graphemes; ASCII text skips Intl.Segmenter (a fast path), which
// must give the segmenter's count, CR LF included (one cluster).
const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
const segmenterCount = (text: string) => [...segmenter.segment(text)].length;
const asciiWithLineBreaks = fc.string({ unit: fc.oneof(fc.constantFrom('\r', '\n', '\r\n', ' '), fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c))), maxLength: 60 });

describe('sandbox text length', () => {
	it('Bluesky: ASCII text (CR LF, controls) counts as Intl.Segmenter counts', () => {
		fc.assert(fc.property(asciiWithLineBreaks, (text) => networkLength('bluesky', text) === segmenterCount(text)), { numRuns: 2000 });
		expect(networkLength('bluesky', 'a\r\nb\n\rc')).toBe(6);
	});

	it('Bluesky: text with non-ASCII characters still goes through the segmenter', () => {
		expect(networkLength('bluesky', 'e\u0301\r\n👍🏽')).toBe(3);
		fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), asciiWithLineBreaks, (a, b) => networkLength('bluesky', a + b) === segmenterCount(a + b)), { numRuns: 500 });
	});

	it('Mastodon: an http(s) link counts 23 whatever its length, the rest as graphemes', () => {
		expect(networkLength('mastodon', `Read\r\nthis https://example.com/${'a'.repeat(100)}`)).toBe('Read\r\nthis '.length - 1 + 23);
	});
});
