/**
 * fast-check generators for caption-like text: ASCII words, URLs with and without scheme (long ones, IDN, bad
 * TLDs, t.co), mentions, hashtags, CJK, emoji (ZWJ sequences, skin tones, flags, keycaps), combining marks,
 * Latin-1, Hangul jamo (NFC composes them) and characters on each side of X's weight boundaries.
 */
import fc from 'fast-check';

const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
export const asciiWord = fc
	.array(fc.constantFrom(...letters.split('')), { minLength: 1, maxLength: 12 })
	.map((a) => a.join(''));

/** Characters on both sides of every twitter-text v3 weight range edge, and other tricky single characters. */
const BOUNDARY_CODES = [
	0x7f, 0x80, 0xa0, 0xa9, 0xae, 0xff, 0x10ff, 0x1100, 0x1161, 0x11a8, 0x10fe, 0x1fff, 0x2000, 0x200b, 0x200c, 0x200d,
	0x200e, 0x200f, 0x2010, 0x2013, 0x201f, 0x2020, 0x2026, 0x2031, 0x2032, 0x2037, 0x2038, 0x2122, 0x2764, 0x20e3,
	0xfe0e, 0xfe0f, 0x3000, 0x3002, 0xff0e, 0xff03, 0xff20, 0xfeff, 0x202a, 0x2066, 0x061c, 0x0301, 0x0308, 0x0327,
];
export const boundaryChar = fc.constantFrom(...BOUNDARY_CODES.map((c) => String.fromCharCode(c)));

const EMOJI = [
	'😀', '👍', '👍🏽', '👩‍💻', '🧑‍💻', '👨‍👩‍👧‍👦', '🏳️‍🌈', '🇫🇷', '🇯🇵', '1️⃣', '#️⃣', '©️', '❤️', '❤', '☀︎', '🥲', '🫠', '🏃‍♀️',
	'🏴󠁧󠁢󠁳󠁣󠁴󠁿', '✌🏿', '🇦', '👁‍🗨',
];
export const emoji = fc.constantFrom(...EMOJI);

export const cjk = fc
	.array(fc.constantFrom(...'日本語中文字漢字のテキストですカタカナ한국어텍스트'.split('')), { minLength: 1, maxLength: 10 })
	.map((a) => a.join(''));

export const latin1Word = fc
	.array(fc.constantFrom(...'àéîõüçñßÀÉØæœ'.split('').concat(['e\u0301', 'a\u0308', 'n\u0303'])), { minLength: 1, maxLength: 6 })
	.map((a) => a.join(''));

/** Hangul jamo sequences (weight 1 each) that NFC composes into syllables (weight 2). */
export const jamo = fc.constantFrom('\u1100\u1161', '\u1100\u1161\u11a8', '\u1112\u1161\u11ab', '\u110b\u1173');

const TLDS = ['com', 'org', 'co.uk', 'jp', 'io', 'app', 'xn--p1ai', 'onion', 'de', 'zz', 'c', 'comx', 'рф', '닷컴'];
const label = fc.oneof(
	{ weight: 6, arbitrary: asciiWord.map((w) => w.toLowerCase()) },
	{ weight: 1, arbitrary: fc.constantFrom('bücher', '日本', 'пример', 'xn--bcher-kva', 'a-b', 'a_b', 'ñ') },
	{ weight: 1, arbitrary: fc.integer({ min: 60, max: 70 }).map((n) => 'a'.repeat(n)) },
);
const pathChars = fc.constantFrom(...'abcXYZ019-_.~!*\';:=+,$/%#[]@|&()é–'.split(''));
const path = fc.array(pathChars, { maxLength: 30 }).map((a) => '/' + a.join(''));
const query = fc.array(fc.constantFrom(...'abc123=&-_?.,!'.split('')), { minLength: 1, maxLength: 15 }).map((a) => '?' + a.join(''));

export const url = fc.oneof(
	{
		weight: 8,
		arbitrary: fc
			.tuple(
				fc.constantFrom('', 'http://', 'https://', 'HTTPS://', 'ftp://'),
				fc.option(label.map((l) => l + '.'), { nil: '' }),
				label,
				fc.constantFrom(...TLDS),
				fc.option(fc.integer({ min: 1, max: 99999 }).map((p) => ':' + p), { nil: '' }),
				fc.option(path, { nil: '' }),
				fc.option(query, { nil: '' }),
			)
			.map((parts) => parts.join('')),
	},
	{ weight: 1, arbitrary: fc.integer({ min: 100, max: 400 }).map((n) => 'https://example.com/' + 'x'.repeat(n) + '?utm_source=feed') },
	{ weight: 1, arbitrary: fc.integer({ min: 1, max: 50 }).map((n) => 'https://t.co/' + 'a1'.repeat(n).slice(0, n) + '/more') },
	{ weight: 1, arbitrary: fc.constantFrom('www.example.com', 'example.com/a_(b)', 'https://en.wikipedia.org/wiki/Primer_(film)', 'foo.bar.com.') },
);

export const mention = fc.tuple(fc.constantFrom('@', '＠'), asciiWord, fc.option(fc.constantFrom('@mastodon.social', '@fosstodon.org'), { nil: '' })).map((p) => p.join(''));
export const hashtag = fc.tuple(fc.constantFrom('#', '＃'), fc.oneof(asciiWord, cjk)).map((p) => p.join(''));
export const punctuation = fc.constantFrom('.', ',', '!', '?', '(', ')', '"', "'", '-', ':', '/', '…', '—');

export const piece = fc.oneof(
	{ weight: 10, arbitrary: asciiWord },
	{ weight: 3, arbitrary: url },
	{ weight: 2, arbitrary: mention },
	{ weight: 2, arbitrary: hashtag },
	{ weight: 2, arbitrary: cjk },
	{ weight: 2, arbitrary: emoji },
	{ weight: 2, arbitrary: latin1Word },
	{ weight: 1, arbitrary: jamo },
	{ weight: 2, arbitrary: boundaryChar },
	{ weight: 2, arbitrary: punctuation },
);
export const separator = fc.constantFrom(' ', ' ', ' ', ' ', '', '\n', '\n\n', '  ', '\t', '\u3000', '\r\n');

/** A string of pieces joined by separators (sometimes none, so pieces touch). */
export const mixedText = (maxPieces: number) =>
	fc.array(fc.tuple(piece, separator), { maxLength: maxPieces }).map((a) => a.map(([p, s]) => p + s).join(''));

/** A caption: body words with URLs, mentions, emoji..., often a link and hashtags at the end. */
export const caption = fc
	.tuple(
		fc.array(fc.tuple(piece, fc.constantFrom(' ', ' ', ' ', '\n', '')), { minLength: 1, maxLength: 140 }),
		fc.option(url, { nil: undefined }),
		fc.array(hashtag, { maxLength: 6 }),
		fc.boolean(),
	)
	.map(([body, link, tags, tagsFirst]) => {
		const text = body.map(([p, s]) => p + s).join('').trim();
		const tail = tags.join(' ');
		const parts = tagsFirst ? [text, tail, link] : [text, link, tail];
		return parts.filter((p) => p).join(tagsFirst ? ' ' : '\n\n');
	});
