import type { IDataObject } from 'n8n-workflow';

import { checkNetworkBlock } from '../../../../../nodes/Publer/helpers/post/rules';

type Provider = Parameters<typeof checkNetworkBlock>[0];

/** `field: rule` lines, as a user would read them, for exact comparison. */
function check(provider: Provider, block: IDataObject): string[] {
	return checkNetworkBlock(provider, block, 'n').map((p) => `${p.field}: ${p.rule}`);
}

const photo = (i = 0): IDataObject => ({ id: `p${i}`, type: 'photo' });
const video = (i = 0): IDataObject => ({ id: `v${i}`, type: 'video' });
const gif = (i = 0): IDataObject => ({ id: `g${i}`, type: 'gif' });
const photos = (n: number) => Array.from({ length: n }, (_, i) => photo(i));

/** The text-length problem: limit, count, and the hint to shorten or fit (the counting note in between varies). */
const tooLong = (label: string, limit: string, count: string) =>
	expect.stringMatching(new RegExp(`^n\\.text: ${label.replace(/[()]/g, '\\$&')} allows ${limit} characters( \\([^)]*\\))?; this text has ${count}\\. Shorten it, or turn on Options → Fit Text to Each Network$`));

describe('checkNetworkBlock — text limits per network (§9.2, each network counting as it does)', () => {
	const limits: Array<[Provider, number, string, IDataObject]> = [
		['facebook', 10_000, 'Facebook', { type: 'status' }],
		['instagram', 2200, 'Instagram', { type: 'photo', media: [photo()] }],
		['twitter', 280, 'X (Twitter)', { type: 'status' }],
		['linkedin', 3000, 'LinkedIn', { type: 'status' }],
		['pinterest', 500, 'Pinterest', { type: 'photo', media: [photo()] }],
		['google', 1500, 'Google Business', { type: 'status' }],
		['tiktok', 2200, 'TikTok', { type: 'video', media: [video()] }],
		['telegram', 4096, 'Telegram', { type: 'status' }],
		['threads', 500, 'Threads', { type: 'status' }],
		['bluesky', 300, 'Bluesky', { type: 'status' }],
		['mastodon', 500, 'Mastodon', { type: 'status' }],
	];
	it.each(limits)('%s accepts exactly %i characters', (provider, limit, _label, base) => {
		expect(check(provider, { ...base, text: 'a'.repeat(limit) })).toEqual([]);
	});
	it.each(limits)('%s refuses %i + 1 characters', (provider, limit, label, base) => {
		expect(check(provider, { ...base, text: 'a'.repeat(limit + 1) })).toEqual([tooLong(label, limit.toLocaleString('en-US'), (limit + 1).toLocaleString('en-US'))]);
	});
	it('counts an emoji as one character on Bluesky (graphemes, not UTF-16 units)', () => {
		// 300 astral emoji = 600 UTF-16 units, still within Bluesky's 300; a family emoji (7 code points) is 1.
		expect(check('bluesky', { type: 'status', text: '😀'.repeat(300) })).toEqual([]);
		expect(check('bluesky', { type: 'status', text: '👨‍👩‍👧‍👦'.repeat(120) })).toEqual([]);
		// … and at most 3,000 UTF-8 bytes: 121 family emoji are 121 characters but 3,025 bytes.
		expect(check('bluesky', { type: 'status', text: '👨‍👩‍👧‍👦'.repeat(121) })).toEqual([
			'n.text: Bluesky allows 3,000 bytes of text (UTF-8) besides its 300 characters; this text has 3,025 bytes. Shorten it, or turn on Options → Fit Text to Each Network',
		]);
		expect(check('bluesky', { type: 'status', text: '😀'.repeat(301) })).toEqual([tooLong('Bluesky', '300', '301')]);
	});
	it('counts X by weight: a 150-character title and a 200-character URL are 174 (issue 13)', () => {
		const url = `https://example.com/blog/${'a'.repeat(200 - 'https://example.com/blog/'.length)}`;
		const text = `${'T'.repeat(149)} ${url}`;
		expect([[...text].length, url.length]).toEqual([350, 200]);
		expect(check('twitter', { type: 'status', text })).toEqual([]);
		// CJK and emoji weigh 2: 141 of them are 282.
		expect(check('twitter', { type: 'status', text: '漢'.repeat(140) })).toEqual([]);
		expect(check('twitter', { type: 'status', text: '漢'.repeat(141) })).toEqual([tooLong('X (Twitter)', '280', '282')]);
		expect(check('twitter', { type: 'status', text: '😀'.repeat(141) })).toEqual([tooLong('X (Twitter)', '280', '282')]);
		expect(check('twitter', { type: 'status', text: '😀'.repeat(141) })[0]).toContain('counted as X counts: every link 23, emoji and CJK characters 2');
	});
	it('counts Mastodon links as 23 and enforces the default 500 (servers may allow more: validation can be turned off)', () => {
		const url = `https://example.com/${'p'.repeat(300)}`;
		expect(check('mastodon', { type: 'status', text: `${'a'.repeat(476)} ${url}` })).toEqual([]);
		expect(check('mastodon', { type: 'status', text: `${'a'.repeat(477)} ${url}` })).toEqual([tooLong('Mastodon', '500', '501')]);
	});
	it('has no fixed limit for YouTube and WordPress', () => {
		expect(check('youtube', { type: 'video', title: 'T', media: [video()], text: 'a'.repeat(6000) })).toEqual([]);
		expect(check('wordpress', { type: 'article', title: 'T', text: 'a'.repeat(50_000) })).toEqual([]);
	});
	it('allows 25,000 characters for X long posts only (details.type long_post)', () => {
		expect(check('twitter', { type: 'status', text: 'a'.repeat(25_000), details: { type: 'long_post' } })).toEqual([]);
		expect(check('twitter', { type: 'status', text: 'a'.repeat(25_001), details: { type: 'long_post' } })).toEqual([tooLong('X (Twitter)', '25,000', '25,001')]);
		expect(check('twitter', { type: 'status', text: 'a'.repeat(281) })).toEqual([tooLong('X (Twitter)', '280', '281')]);
	});
	it('does not accept long_post outside X', () => {
		expect(check('threads', { type: 'status', text: 'hi', details: { type: 'long_post' } })).toEqual([
			'n.details.type: Threads does not support details.type "long_post"',
		]);
	});
});

describe('checkNetworkBlock — post types (§9.1)', () => {
	it('needs a type', () => {
		expect(check('facebook', { text: 'hi' })).toEqual(['n.type: a post type is required for Facebook']);
	});
	it('refuses a type the network does not list, naming the supported ones', () => {
		expect(check('threads', { type: 'poll', text: 'q', options: ['a', 'b'], duration: 1 })).toEqual([
			'n.type: Threads does not support "poll" posts (supported: status, photo, video, link)',
			'n.type: Threads has no polls',
		]);
		expect(check('wordpress', { type: 'status', title: 'T', text: 'x' })).toEqual(['n.type: WordPress does not support "status" posts (supported: article)']);
		expect(check('google', { type: 'video', media: [video()] })).toEqual([
			'n.type: Google Business does not support "video" posts (supported: status, photo, event, offer)',
			'n.media: Google Business posts cannot contain videos',
		]);
	});
	it('accepts every documented type of every network', () => {
		const ok: Array<[Provider, IDataObject]> = [
			['facebook', { type: 'status', text: 'x' }],
			['facebook', { type: 'photo', media: [photo()] }],
			['facebook', { type: 'video', media: [video()] }],
			['facebook', { type: 'link', link: { url: 'https://e.x' } }],
			['facebook', { type: 'gif', media: [gif()] }],
			['facebook', { type: 'video', media: [video()], details: { type: 'reel' } }],
			['facebook', { type: 'photo', media: [photo()], details: { type: 'story' } }],
			['instagram', { type: 'carousel', media: [photo(1), photo(2)] }],
			['instagram', { type: 'video', media: [video()], details: { type: 'reel', feed: true } }],
			['instagram', { type: 'video', media: [video()], details: { type: 'story' } }],
			['twitter', { type: 'gif', media: [gif()] }],
			['twitter', { type: 'poll', text: 'q', options: ['a', 'b'], duration: 7 }],
			['linkedin', { type: 'photo', media: photos(3), details: { type: 'document' } }],
			['linkedin', { type: 'poll', text: 'q', question: 'Which?', options: ['a', 'b'], duration: 14 }],
			['pinterest', { type: 'video', media: [video()] }],
			['google', { type: 'photo', media: [photo()], details: { type: 'photo' } }],
			['google', { type: 'offer', text: 'x', details: { type: 'offer', title: 'T', start: 's', end: 'e' } }],
			['youtube', { type: 'video', title: 'T', media: [video()], details: { type: 'short', privacy: 'public' } }],
			['tiktok', { type: 'carousel', media: photos(35) }],
			['wordpress', { type: 'article', title: 'T', content: [{ id: 'p1', type: 'paragraph', data: { text: 'x' } }] }],
			['telegram', { type: 'gif', media: [gif()] }],
			['mastodon', { type: 'poll', text: 'q', options: ['a', 'b'], duration: 7 }],
			['threads', { type: 'link', link: { url: 'https://e.x' } }],
			['bluesky', { type: 'video', media: [video()] }],
		];
		for (const [provider, block] of ok) expect([provider, check(provider, block)]).toEqual([provider, []]);
	});
	it('checks details.type against the network', () => {
		expect(check('twitter', { type: 'video', media: [video()], details: { type: 'reel' } })).toEqual([
			'n.details.type: X (Twitter) does not support details.type "reel" (supported: long_post)',
		]);
		expect(check('youtube', { type: 'video', title: 'T', media: [video()], details: { type: 'reel' } })).toEqual([
			'n.details.type: YouTube does not support details.type "reel" (supported: short)',
		]);
	});
});

describe('checkNetworkBlock — required media', () => {
	it.each([
		['instagram', 'Instagram'],
		['pinterest', 'Pinterest'],
		['tiktok', 'TikTok'],
	] as Array<[Provider, string]>)('%s needs a photo or video, reported first', (provider, label) => {
		const problems = check(provider, { type: 'photo', text: 'no media' });
		expect(problems[0]).toBe(`n.media: ${label} posts need at least one photo or video`);
		expect(problems).toEqual([`n.media: ${label} posts need at least one photo or video`, `n.media: ${label} photo posts need at least one photo`]);
	});
	it('YouTube needs exactly one video', () => {
		expect(check('youtube', { type: 'video', title: 'T' })).toEqual([
			'n.media: YouTube posts need exactly one video (this post has 0)',
			'n.media: YouTube video posts need exactly one video',
		]);
		expect(check('youtube', { type: 'video', title: 'T', media: [video(1), video(2)] })).toEqual([
			'n.media: YouTube posts need exactly one video (this post has 2)',
			'n.media: YouTube video posts need exactly one video',
		]);
		expect(check('youtube', { type: 'video', title: 'T', media: [photo()] })[0]).toBe('n.media: YouTube posts need exactly one video (this post has 0)');
	});
	it('video, reel and short posts need exactly one video and nothing else', () => {
		expect(check('facebook', { type: 'video', media: [video(), photo()] })).toEqual(['n.media: Facebook video posts need exactly one video']);
		expect(check('instagram', { type: 'video', media: [photo()], details: { type: 'reel' } })).toEqual(['n.media: Instagram reel posts need exactly one video']);
		expect(check('threads', { type: 'video' })).toEqual(['n.media: Threads video posts need exactly one video']);
	});
	it('stories take exactly one photo or video', () => {
		expect(check('instagram', { type: 'photo', media: [photo(1), photo(2)], details: { type: 'story' } })).toEqual([
			'n.media: Instagram stories take exactly one photo or video',
		]);
		expect(check('facebook', { type: 'video', media: [video()], details: { type: 'story' } })).toEqual([]);
	});
	it('photo and carousel posts need a photo (GIFs count), except Facebook multi-link carousels', () => {
		expect(check('facebook', { type: 'photo', text: 'x' })).toEqual(['n.media: Facebook photo posts need at least one photo']);
		expect(check('linkedin', { type: 'photo', media: [gif()] })).toEqual([]);
		expect(check('facebook', { type: 'carousel', sublinks: [{ url: 'u', title: 't', description: 'd', images: ['i'] }] })).toEqual([]);
	});
	it('text posts need text, a background preset or media', () => {
		expect(check('twitter', { type: 'status', text: '   ' })).toEqual(['n.text: text posts need text']);
		expect(check('facebook', { type: 'status', details: { text_format_preset_id: '123' } })).toEqual([]);
		expect(check('telegram', { type: 'status', media: [photo()] })).toEqual([]);
	});
	it('link posts need a link URL', () => {
		expect(check('linkedin', { type: 'link', text: 'x' })).toEqual(['n.link.url: link posts need a link URL']);
		expect(check('linkedin', { type: 'link', link: { url: ' ' } })).toEqual(['n.link.url: link posts need a link URL']);
		expect(check('linkedin', { type: 'link', link: { url: 'https://e.x' } })).toEqual([]);
	});
});

describe('checkNetworkBlock — media counts and mixing (§9.3, §9.5)', () => {
	const maxima: Array<[Provider, number, string]> = [
		['twitter', 4, 'X (Twitter)'],
		['mastodon', 4, 'Mastodon'],
		['bluesky', 4, 'Bluesky'],
		['pinterest', 5, 'Pinterest'],
		['instagram', 10, 'Instagram'],
		['telegram', 10, 'Telegram'],
		['linkedin', 20, 'LinkedIn'],
		['threads', 20, 'Threads'],
		['tiktok', 35, 'TikTok'],
	];
	it.each(maxima)('%s takes %i photos, not one more', (provider, max, label) => {
		expect(check(provider, { type: 'photo', media: photos(max) })).toEqual([]);
		expect(check(provider, { type: 'photo', media: photos(max + 1) })).toEqual([
			`n.media: ${label} allows at most ${max} photos per post; this post has ${max + 1}`,
		]);
	});
	it('Google Business takes one photo (singular wording) and no video', () => {
		expect(check('google', { type: 'photo', media: [photo()] })).toEqual([]);
		expect(check('google', { type: 'photo', media: photos(2) })).toEqual(['n.media: Google Business allows at most 1 photo per post; this post has 2']);
		expect(check('google', { type: 'photo', media: [photo(), video()] })).toEqual(['n.media: Google Business posts cannot contain videos']);
	});
	it('Facebook has no photo maximum', () => {
		expect(check('facebook', { type: 'photo', media: photos(50) })).toEqual([]);
	});
	it('reads "image" as photo (old examples) and a missing media type as photo', () => {
		expect(check('twitter', { type: 'photo', media: [{ id: 'a', type: 'image' }, { id: 'b' }, photo(), photo(), photo()] })).toEqual([
			'n.media: X (Twitter) allows at most 4 photos per post; this post has 5',
		]);
	});
	it.each([
		['linkedin', 'LinkedIn'],
		['pinterest', 'Pinterest'],
		['telegram', 'Telegram'],
		['threads', 'Threads'],
		['tiktok', 'TikTok'],
	] as Array<[Provider, string]>)('%s refuses photos and videos in one post', (provider, label) => {
		expect(check(provider, { type: 'photo', media: [photo(), video()] })).toContain(`n.media: ${label} does not allow photos and videos in one post`);
		expect(check(provider, { type: 'photo', media: [gif(), video()] })).toContain(`n.media: ${label} does not allow photos and videos in one post`);
	});
	it('networks without the mixing rule accept a mixed photo post', () => {
		expect(check('facebook', { type: 'photo', media: [photo(), video()] })).toEqual([]);
		expect(check('instagram', { type: 'carousel', media: [photo(), video()] })).toEqual([]);
		expect(check('mastodon', { type: 'photo', media: [photo(), video()] })).toEqual([]);
	});
	it('GIF posts take exactly one GIF', () => {
		expect(check('twitter', { type: 'gif', media: [gif()] })).toEqual([]);
		expect(check('twitter', { type: 'gif', media: [] })).toEqual(['n.media: GIF posts take exactly one GIF']);
		expect(check('twitter', { type: 'gif', media: [gif(1), gif(2)] })).toEqual(['n.media: GIF posts take exactly one GIF']);
		expect(check('telegram', { type: 'gif', media: [video()] })).toEqual(['n.media: GIF posts take exactly one GIF']);
	});
	it('LinkedIn documents take up to 100 pages or photos and need at least one', () => {
		const doc = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `d${i}`, type: 'document' }));
		expect(check('linkedin', { type: 'photo', media: photos(100), details: { type: 'document' } })).toEqual([]);
		expect(check('linkedin', { type: 'photo', media: [...photos(60), ...doc(41)], details: { type: 'document' } })).toEqual([
			'n.media: LinkedIn documents take at most 100 pages or photos',
		]);
		expect(check('linkedin', { type: 'photo', details: { type: 'document' } })).toEqual(['n.media: document posts need a document (PDF, Word, PowerPoint) or photos']);
		expect(check('linkedin', { type: 'document', media: doc(1) })).toEqual([]);
	});
});

describe('checkNetworkBlock — polls (§8.11, §9.5)', () => {
	const poll = (options: string[], duration: number | string = 3, extra: IDataObject = {}): IDataObject => ({ type: 'poll', text: 'Which?', options, duration, ...extra });
	it('takes 2 to 4 options', () => {
		expect(check('twitter', poll(['a']))).toEqual(['n.options: polls need 2 to 4 options; this poll has 1']);
		expect(check('twitter', poll(['a', 'b', 'c', 'd']))).toEqual([]);
		expect(check('twitter', poll(['a', 'b', 'c', 'd', 'e']))).toEqual(['n.options: polls need 2 to 4 options; this poll has 5']);
		expect(check('mastodon', { type: 'poll', text: 'q', duration: 1 })).toEqual(['n.options: polls need 2 to 4 options; this poll has 0']);
	});
	it('needs unique options (case and spaces ignored)', () => {
		expect(check('mastodon', poll(['Yes', ' yes ']))).toEqual(['n.options: poll options must be unique']);
	});
	it.each([
		['twitter', 25, 'X (Twitter)'],
		['linkedin', 30, 'LinkedIn'],
		['mastodon', 50, 'Mastodon'],
	] as Array<[Provider, number, string]>)('%s options have at most %i characters', (provider, max, label) => {
		const extra = provider === 'linkedin' ? { question: 'Q?' } : {};
		expect(check(provider, poll(['x'.repeat(max), 'b'], 3, extra))).toEqual([]);
		const long = 'x'.repeat(max + 1);
		expect(check(provider, poll([long, 'b'], 3, extra))).toEqual([`n.options: ${label} poll options have at most ${max} characters ("${long}" has ${max + 1})`]);
	});
	it.each([
		['twitter', 7, 'X (Twitter)'],
		['linkedin', 14, 'LinkedIn'],
		['mastodon', 7, 'Mastodon'],
	] as Array<[Provider, number, string]>)('%s polls last at most %i days', (provider, max, label) => {
		const extra = provider === 'linkedin' ? { question: 'Q?' } : {};
		expect(check(provider, poll(['a', 'b'], max, extra))).toEqual([]);
		expect(check(provider, poll(['a', 'b'], max + 1, extra))).toEqual([`n.duration: ${label} polls last at most ${max} days`]);
	});
	it('needs a duration in whole days of at least 1', () => {
		for (const d of [0, 1.5, 'soon', -2]) {
			expect([d, check('twitter', poll(['a', 'b'], d))]).toEqual([d, ['n.duration: polls need a duration in whole days (1 or more)']]);
		}
		expect(check('twitter', { type: 'poll', text: 'q', options: ['a', 'b'] })).toEqual(['n.duration: polls need a duration in whole days (1 or more)']);
		expect(check('twitter', poll(['a', 'b'], '3'))).toEqual([]);
	});
	it('LinkedIn polls need a question besides the text', () => {
		expect(check('linkedin', poll(['a', 'b']))).toEqual(['n.question: LinkedIn polls need a question (Poll Question) besides the text']);
		expect(check('linkedin', poll(['a', 'b'], 3, { question: '  ' }))).toEqual(['n.question: LinkedIn polls need a question (Poll Question) besides the text']);
		expect(check('linkedin', poll(['a', 'b'], 3, { question: 'Which feature next?' }))).toEqual([]);
	});
	it('networks without polls say so', () => {
		expect(check('facebook', poll(['a', 'b']))).toEqual([
			'n.type: Facebook does not support "poll" posts (supported: status, photo, video, link, carousel, story, reel, gif)',
			'n.type: Facebook has no polls',
		]);
	});
});

describe('checkNetworkBlock — Google Business, WordPress, YouTube, Facebook specifics', () => {
	it('Google events and offers need details.title, start and end', () => {
		expect(check('google', { type: 'photo', media: [photo()], details: { type: 'event', title: 'T', start: '2026-01-01', end: '2026-01-02' } })).toEqual([]);
		expect(check('google', { type: 'offer', text: 'x', details: { type: 'offer' } })).toEqual([
			'n.details.title: Google Business offer posts need details.title',
			'n.details.start: Google Business offer posts need details.start',
			'n.details.end: Google Business offer posts need details.end',
		]);
		// `type: "event"` without details.type is checked the same way.
		expect(check('google', { type: 'event', text: 'x', details: { title: ' ', start: 's', end: 'e' } })).toEqual([
			'n.details.title: Google Business event posts need details.title',
		]);
		expect(check('google', { type: 'photo', media: [photo()], details: { type: 'photo' } })).toEqual([]);
	});
	it('Google details.type must be photo, event or offer', () => {
		expect(check('google', { type: 'status', text: 'x', details: { type: 'long_post' } })).toEqual([
			'n.details.type: Google Business does not support details.type "long_post" (supported: photo, event, offer)',
		]);
		// A reel encoding is also read as a reel, which needs one video.
		expect(check('google', { type: 'status', text: 'x', details: { type: 'reel' } })).toEqual([
			'n.details.type: Google Business does not support details.type "reel" (supported: photo, event, offer)',
			'n.media: Google Business reel posts need exactly one video',
		]);
	});
	it('WordPress articles need a title and content (text or blocks)', () => {
		expect(check('wordpress', { type: 'article', title: 'T', text: 'Body' })).toEqual([]);
		expect(check('wordpress', { type: 'article', title: 'T', content: [{ id: 'a', type: 'paragraph', data: { text: 'x' } }] })).toEqual([]);
		expect(check('wordpress', { type: 'article', title: ' ', content: [] })).toEqual([
			'n.title: WordPress articles need a title',
			'n.content: WordPress articles need content (text or content blocks)',
		]);
	});
	it('YouTube needs a title of at most 100 characters', () => {
		const base = { type: 'video', media: [video()] };
		expect(check('youtube', base)).toEqual(['n.title: YouTube videos need a title (Content Options → Title, or the YouTube override)']);
		expect(check('youtube', { ...base, title: 'x'.repeat(100) })).toEqual([]);
		expect(check('youtube', { ...base, title: 'x'.repeat(101) })).toEqual(['n.title: YouTube titles have at most 100 characters']);
		expect(check('youtube', { type: 'short', title: 'T', media: [video()] })).toEqual([]);
	});
	it('Facebook video titles have at most 255 characters (other types unchecked)', () => {
		expect(check('facebook', { type: 'video', media: [video()], title: 'x'.repeat(255) })).toEqual([]);
		expect(check('facebook', { type: 'video', media: [video()], title: 'x'.repeat(256) })).toEqual(['n.title: Facebook video titles have at most 255 characters']);
		expect(check('facebook', { type: 'photo', media: [photo()], title: 'x'.repeat(300) })).toEqual([]);
	});
	it('multi-link carousels: Facebook only, a list, at most 10, every link complete', () => {
		const link = (i: number) => ({ url: `https://e.x/${i}`, title: `T${i}`, description: 'D', images: ['https://e.x/i.png'] });
		expect(check('facebook', { type: 'carousel', sublinks: Array.from({ length: 10 }, (_, i) => link(i)) })).toEqual([]);
		expect(check('facebook', { type: 'carousel', sublinks: Array.from({ length: 11 }, (_, i) => link(i)) })).toEqual([
			'n.sublinks: multi-link carousels take at most 10 links; this post has 11',
		]);
		expect(check('facebook', { type: 'carousel', sublinks: 'nope' })).toEqual([
			'n.media: Facebook carousel posts need at least one photo',
			'n.sublinks: sublinks must be a list of links',
		]);
		expect(check('linkedin', { type: 'link', link: { url: 'https://e.x' }, sublinks: [link(0)] })).toEqual(['n.sublinks: multi-link carousels exist only on Facebook Pages']);
		expect(check('facebook', { type: 'carousel', sublinks: [{ url: 'u', title: '', images: ['i'] }, null] })).toEqual([
			'n.sublinks[0].title: each carousel link needs title',
			'n.sublinks[0].description: each carousel link needs description',
			'n.sublinks[1].url: each carousel link needs url',
			'n.sublinks[1].title: each carousel link needs title',
			'n.sublinks[1].description: each carousel link needs description',
			'n.sublinks[1].images: each carousel link needs at least one image URL',
		]);
	});
	it('prefixes every field with the given path', () => {
		expect(checkNetworkBlock('twitter', { type: 'status', text: '' }, 'networks.twitter')).toEqual([{ field: 'networks.twitter.text', rule: 'text posts need text' }]);
	});
});
