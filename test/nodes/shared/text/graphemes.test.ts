import fc from 'fast-check';

import {
	codePointLength,
	graphemeBoundaries,
	graphemeLength,
	graphemeList,
	utf8Length,
	wordBoundaries,
} from '../../../../nodes/shared/text/graphemes';
import { mixedText } from './arbitraries';

/**
 * Independent oracle: text built from clusters that cannot merge with their neighbours, so the number of
 * graphemes is the number of clusters used (each starts with a base character that no rule attaches backwards).
 */
const CLUSTERS = [
	'a', 'Z', '7', ' ', '.', '\n', '\r\n', '\t', 'é', 'e\u0301', 'a\u0308\u0323', 'ñ', '日', 'カ', '한', '\u1100\u1161\u11a8',
	'😀', '👍🏽', '👩‍💻', '👨‍👩‍👧‍👦', '🏳️‍🌈', '🇫🇷', '🇯🇵', '1️⃣', '#️⃣', '❤️', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', 'क्षि', 'ก', 'ำ'.replace('ำ', 'กำ'), '…', '\u3000',
	'\u200b', '\ufeff', '𝐀', 'ॐ',
];
const clusterArray = fc.array(fc.constantFrom(...CLUSTERS), { maxLength: 60 });

describe('graphemeLength', () => {
	it.each([
		['', 0],
		['hello', 5],
		['e\u0301', 1],
		['👨‍👩‍👧‍👦', 1],
		['🇫🇷🇯🇵', 2],
		['\r\n', 1],
		['日本語', 3],
		['क्षि', 1],
	])('%j has %d graphemes', (text, expected) => {
		expect(graphemeLength(text)).toBe(expected);
	});

	it('counts the clusters a text was built from (3,000 generated texts)', () => {
		fc.assert(
			fc.property(clusterArray, (clusters) => {
				const text = clusters.join('');
				expect(graphemeLength(text)).toBe(clusters.length);
				expect(graphemeList(text)).toEqual(clusters);
			}),
			{ numRuns: 3000 },
		);
	});

	it('agrees with Intl.Segmenter on mixed and arbitrary text, fast paths included (3,000 texts)', () => {
		const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
		const oracle = (s: string) => [...segmenter.segment(s)].length;
		fc.assert(
			fc.property(fc.oneof(mixedText(30), fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 })), (text) => {
				expect(graphemeLength(text)).toBe(oracle(text));
				const bounds = graphemeBoundaries(text);
				expect(bounds[bounds.length - 1]).toBe(text.length);
			}),
			{ numRuns: 3000 },
		);
	});
});

describe('code points, UTF-8 bytes, word boundaries', () => {
	it('codePointLength equals [...text].length and utf8Length equals Buffer.byteLength (2,000 texts)', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary', maxLength: 50 }), (text) => {
				expect(codePointLength(text)).toBe([...text].length);
				expect(utf8Length(text)).toBe(Buffer.byteLength(text, 'utf8'));
			}),
			{ numRuns: 2000 },
		);
	});

	it('finds word boundaries in Japanese text without spaces', () => {
		const text = '日本語のテキストです';
		const bounds = wordBoundaries(text);
		expect(bounds.length).toBeGreaterThan(1);
		expect(bounds.every((b) => b > 0 && b <= text.length)).toBe(true);
	});
});
