#!/usr/bin/env node
// Regenerates nodes/shared/text/twitterTextData.ts from the devDependencies twitter-text and twemoji-parser
// (the data X's own counter uses): the generic and country-code TLD lists and the emoji regular expression.
// Run after upgrading twitter-text: `node scripts/generate-twitter-text-data.js`; then run
// `npx jest test/nodes/shared/text` (it checks the composed expressions equal twitter-text's, character for character).
'use strict';
const fs = require('fs');
const path = require('path');

const gtld = require('twitter-text/dist/regexp/validGTLD');
const cctld = require('twitter-text/dist/regexp/validCCTLD');
const emoji = require('twemoji-parser/dist/lib/regex').default;
const twitterTextVersion = require('twitter-text/package.json').version;
const twemojiVersion = require('twemoji-parser/package.json').version;

const TLD_PREFIX = '(?:(?:';
const TLD_SUFFIX = ')(?=[^0-9a-zA-Z@+-]|$))';

function tldList(re, name) {
	const src = re.source;
	if (!src.startsWith(TLD_PREFIX) || !src.endsWith(TLD_SUFFIX)) throw new Error(`${name}: unexpected shape, update this script`);
	const list = src.slice(TLD_PREFIX.length, -TLD_SUFFIX.length).split('|');
	if (list.some((t) => /[\s'\\]/.test(t) || t === '')) throw new Error(`${name}: unexpected TLD characters`);
	return list;
}

/** Splits words into lines of at most `width` characters, each a quoted string. */
function wordLines(words, width) {
	const lines = [];
	let line = '';
	for (const w of words) {
		if (line && line.length + 1 + w.length > width) {
			lines.push(line);
			line = w;
		} else line = line ? `${line} ${w}` : w;
	}
	if (line) lines.push(line);
	return lines.map((l) => `\t'${l}',`).join('\n');
}

/** Splits a string into quoted chunks of at most `width` characters, never inside an escape sequence. */
function chunkLines(text, width) {
	const parts = text.match(/\\u[0-9a-fA-F]{4}|\\x[0-9a-fA-F]{2}|\\.|[^\\]/g);
	if (parts.join('') !== text) throw new Error('chunking lost characters');
	const lines = [];
	let line = '';
	for (const p of parts) {
		if (line.length + p.length > width) {
			lines.push(line);
			line = '';
		}
		line += p;
	}
	if (line) lines.push(line);
	return lines.map((l) => `\t${JSON.stringify(l).replace(/^"|"$/g, "'").replace(/\\"/g, '"')},`).join('\n');
}

const gtlds = tldList(gtld, 'validGTLD');
const cctlds = tldList(cctld, 'validCCTLD');
if (emoji.flags !== 'g') throw new Error('twemoji regex flags changed, update this script');
if (/'/.test(emoji.source)) throw new Error('twemoji regex contains a quote, update this script');

const out = `// GENERATED FILE, do not edit. Regenerate with \`node scripts/generate-twitter-text-data.js\`.
// Source: twitter-text ${twitterTextVersion} (Apache-2.0, Twitter Inc.) regexp/validGTLD and regexp/validCCTLD,
// and twemoji-parser ${twemojiVersion} (MIT, Twitter Inc.) lib/regex: the data X's own character counter uses.

/** Generic top-level domains twitter-text accepts, in its order (the order matters for the regex). */
export const GENERIC_TLDS: readonly string[] = [
${wordLines(gtlds, 110)}
].join(' ').split(' ');

/** Country-code top-level domains twitter-text accepts, in its order. */
export const COUNTRY_TLDS: readonly string[] = [
${wordLines(cctlds, 110)}
].join(' ').split(' ');

/** twemoji-parser's emoji expression source (flags: g): one match = one emoji that X counts as 2. */
export const TWEMOJI_SOURCE: string = [
${chunkLines(emoji.source, 110)}
].join('');
`;
const target = path.join(__dirname, '..', 'nodes', 'shared', 'text', 'twitterTextData.ts');
fs.writeFileSync(target, out);
console.log(`wrote ${target}: ${gtlds.length} generic TLDs, ${cctlds.length} country TLDs, emoji source ${emoji.source.length} chars`);
