import twitterText from 'twitter-text';

import {
	countFor,
	countingFor,
	countProfile,
	isWithinLimit,
	limitFor,
	mastodonLength,
	NETWORK_COUNTING,
	threadsLength,
} from '../../../../nodes/shared/text/networks';

const LONG_URL = 'https://example.com/' + 'p'.repeat(180);

describe('countFor: each network’s own counter', () => {
	it('X: weighted (URLs 23, CJK and emoji 2), as twitter-text', () => {
		const text = `新しい記事 😀 ${LONG_URL}`;
		expect(countFor('twitter', text)).toBe(twitterText.parseTweet(text).weightedLength);
		expect(countFor('twitter', text)).toBe(10 + 1 + 2 + 1 + 23);
	});

	it('Bluesky: graphemes (a family emoji is 1, a URL counts in full)', () => {
		expect(countFor('bluesky', 'hi 👨‍👩‍👧‍👦')).toBe(4);
		expect(countFor('bluesky', LONG_URL)).toBe(LONG_URL.length);
	});

	it('Mastodon: graphemes, http(s) URLs 23, @user@server as @user, bare domains in full', () => {
		expect(mastodonLength(LONG_URL)).toBe(23);
		expect(mastodonLength('https://a.io')).toBe(23);
		expect(mastodonLength('@bob@mastodon.social hi')).toBe('@bob hi'.length);
		expect(mastodonLength('example.com')).toBe(11);
		expect(countFor('mastodon', 'e\u0301 👍🏽')).toBe(3);
	});

	it('Threads: characters, emoji by UTF-8 bytes', () => {
		expect(threadsLength('hello')).toBe(5);
		expect(threadsLength('😀')).toBe(4);
		expect(threadsLength('❤️')).toBe(6);
		expect(threadsLength('日本')).toBe(2);
		expect(countFor('threads', 'a 👍🏽')).toBe(2 + 8);
	});

	it('Telegram: UTF-16 units; LinkedIn and the others: code points', () => {
		expect(countFor('telegram', '😀a')).toBe(3);
		expect(countFor('linkedin', '😀a')).toBe(2);
		expect(countFor('instagram', 'e\u0301')).toBe(2);
		expect(countFor('unknown-network', '😀')).toBe(1);
	});

	it('documents a method and a source for every Publer provider', () => {
		const providers = ['bluesky', 'facebook', 'google', 'instagram', 'linkedin', 'mastodon', 'pinterest', 'telegram', 'threads', 'tiktok', 'twitter', 'wordpress', 'youtube'];
		for (const p of providers) expect(countingFor(p).source.length).toBeGreaterThan(10);
		expect(Object.keys(NETWORK_COUNTING).sort()).toEqual(providers);
	});
});

describe('limitFor and isWithinLimit', () => {
	it('gives the §9.2 limits, X long posts and overrides', () => {
		expect(limitFor('twitter')).toBe(280);
		expect(limitFor('twitter', { longPost: true })).toBe(25_000);
		expect(limitFor('bluesky')).toBe(300);
		expect(limitFor('mastodon')).toBe(500);
		expect(limitFor('mastodon', { limit: 5000 })).toBe(5000);
		expect(limitFor('threads')).toBe(500);
		expect(limitFor('linkedin')).toBe(3000);
		expect(limitFor('youtube')).toBeUndefined();
	});

	it('accepts the issue’s title + long link on X and refuses 281 characters', () => {
		expect(isWithinLimit('twitter', 'T'.repeat(150) + ' ' + LONG_URL)).toBe(true);
		expect(isWithinLimit('twitter', 'a'.repeat(281))).toBe(false);
	});

	it('refuses Bluesky text over 3,000 UTF-8 bytes even under 300 graphemes', () => {
		const family = '👨‍👩‍👧‍👦'; // 25 bytes, 1 grapheme
		expect(isWithinLimit('bluesky', family.repeat(120))).toBe(true);
		expect(isWithinLimit('bluesky', family.repeat(121))).toBe(false);
		expect(countFor('bluesky', family.repeat(121))).toBe(121);
	});
});

describe('countProfile: estimate at each index', () => {
	it.each(['twitter', 'bluesky', 'mastodon', 'threads', 'telegram', 'linkedin'])('%s: ends at the real count for plain captions', (network) => {
		const text = `Our new post is live: ${LONG_URL} #news`;
		const profile = countProfile(network, text);
		expect(profile).toHaveLength(text.length + 1);
		expect(profile[text.length]).toBe(countFor(network, text));
	});
});
