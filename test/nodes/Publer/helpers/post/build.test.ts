import type { IDataObject } from 'n8n-workflow';

import { buildPost } from '../../../../../nodes/Publer/helpers/post/build';

type PostInput = Parameters<typeof buildPost>[0];
type AccountInfo = Parameters<typeof buildPost>[1] extends Map<string, infer A> ? A : never;
type Provider = AccountInfo['provider'];

const SCHEDULE = '/posts/schedule';
const PUBLISH = '/posts/schedule/publish';
/** Monday 1 June 2026, 12:00 in Berlin (UTC+2). */
const NOW = Date.parse('2026-06-01T10:00:00Z');
const TZ = 'Europe/Berlin';
const AT = '2026-06-02T09:00'; // read in TZ
const AT_ISO = '2026-06-02T09:00:00+02:00';

const PROVIDERS: Provider[] = ['bluesky', 'facebook', 'google', 'instagram', 'linkedin', 'mastodon', 'pinterest', 'telegram', 'threads', 'tiktok', 'twitter', 'wordpress', 'youtube'];
const ACCOUNTS = new Map<string, AccountInfo>(
	[
		...PROVIDERS.map((p): AccountInfo => ({ id: `${p}-1`, provider: p, name: `${p} one`, type: '' })),
		{ id: 'facebook-2', provider: 'facebook', name: 'facebook two', type: 'page' },
		{ id: 'tiktok-2', provider: 'tiktok', name: 'tiktok two', type: '' },
	].map((a): [string, AccountInfo] => [a.id, a as AccountInfo]),
);

function input(over: Partial<PostInput> = {}): PostInput {
	return {
		mode: 'schedule',
		accounts: [],
		text: '',
		contentType: 'auto',
		scheduledAt: AT,
		media: [],
		content: {},
		overrides: {},
		accountSettings: [],
		extras: {},
		daysOfWeekIndexing: 'sunday0',
		timeZone: TZ,
		now: NOW,
		...over,
	};
}
const build = (over: Partial<PostInput> = {}) => buildPost(input(over), ACCOUNTS);
const lines = (problems: Array<{ field: string; rule: string }>) => problems.map((p) => `${p.field}: ${p.rule}`);
/** Builds and asserts the body has no fatal problem and no rule violation. */
function clean(over: Partial<PostInput>) {
	const built = build(over);
	expect({ fatal: lines(built.fatal), problems: lines(built.problems) }).toEqual({ fatal: [], problems: [] });
	return built;
}
const video = { id: 'vid-1', type: 'video' };
const photo = (n: number) => ({ id: `img-${n}`, type: 'photo' });

describe('buildPost — the block of every network', () => {
	it('facebook: text post with a background preset', () => {
		const built = clean({ accounts: ['facebook-1'], text: 'Hello', overrides: { facebook: { textBackgroundPresetId: '106' } } });
		expect(built.endpoint).toBe(SCHEDULE);
		expect(built.state).toBe('scheduled');
		expect(built.post).toEqual({
			networks: { facebook: { type: 'status', text: 'Hello', details: { text_format_preset_id: '106' } } },
			accounts: [{ id: 'facebook-1', scheduled_at: AT_ISO }],
		});
	});
	it('facebook: multi-link carousel from the sublinks override', () => {
		const sublinks = [
			{ url: 'https://e.x/a', title: 'A', description: 'a', images: ['https://e.x/a.jpg'], call_to_action: 'LEARN_MORE' },
			{ url: 'https://e.x/b', title: 'B', description: 'b', images: ['https://e.x/b.jpg'] },
		];
		const built = clean({ accounts: ['facebook-1'], text: 'Pick one', overrides: { facebook: { sublinks: JSON.stringify(sublinks) } } });
		expect(built.post.networks).toEqual({ facebook: { type: 'carousel', text: 'Pick one', sublinks } });
	});
	it('instagram: reel with feed, audio and trial reel', () => {
		const built = clean({
			accounts: ['instagram-1'],
			text: 'New reel',
			contentType: 'reel',
			media: [video],
			overrides: { instagram: { reelFeed: true, reelAudio: 'Original audio', trialReel: 'MANUAL' } },
		});
		expect(built.post.networks).toEqual({
			instagram: { type: 'video', text: 'New reel', media: [video], details: { type: 'reel', feed: true, audio: 'Original audio', trial_reel: 'MANUAL' } },
		});
	});
	it('instagram: "none" trial reel and a false feed flag', () => {
		const built = clean({ accounts: ['instagram-1'], contentType: 'reel', media: [video], overrides: { instagram: { reelFeed: false, trialReel: 'none' } } });
		expect(built.post.networks).toEqual({ instagram: { type: 'video', media: [video], details: { type: 'reel', feed: false } } });
	});
	it('twitter: long post in a community', () => {
		const text = 'x'.repeat(1000);
		const built = clean({ accounts: ['twitter-1'], text, overrides: { twitter: { longPost: true, communityId: 'c-1', communityName: 'Builders' } } });
		expect(built.post.networks).toEqual({ twitter: { type: 'status', text, details: { type: 'long_post', community: { id: 'c-1', name: 'Builders' } } } });
	});
	it('twitter: poll from content options, no LinkedIn question', () => {
		const built = clean({ accounts: ['twitter-1'], text: 'Which?', contentType: 'poll', content: { pollOptions: 'Dark mode, Export', pollDuration: 3, pollQuestion: 'Q' } });
		expect(built.post.networks).toEqual({ twitter: { type: 'poll', text: 'Which?', options: ['Dark mode', 'Export'], duration: 3 } });
	});
	it('linkedin: poll with its question', () => {
		const built = clean({
			accounts: ['linkedin-1'],
			text: 'Help us decide',
			contentType: 'poll',
			content: { pollOptions: ['Dark mode', 'Export'], pollDuration: '7', pollQuestion: 'Which feature next?' },
		});
		expect(built.post.networks).toEqual({
			linkedin: { type: 'poll', text: 'Help us decide', options: ['Dark mode', 'Export'], duration: 7, question: 'Which feature next?' },
		});
	});
	it('linkedin: document carousel with a title', () => {
		const built = clean({ accounts: ['linkedin-1'], text: 'Deck', contentType: 'document', media: [photo(1), photo(2)], overrides: { linkedin: { documentTitle: 'Q3 deck' } } });
		expect(built.post.networks).toEqual({
			linkedin: { type: 'photo', text: 'Deck', media: [photo(1), photo(2)], details: { type: 'document' }, title: 'Q3 deck', document: { title: 'Q3 deck' } },
		});
	});
	it('pinterest: pin from a URL with title, destination and board', () => {
		const built = clean({
			accounts: ['pinterest-1'],
			text: 'Pin description',
			media: [{ path: ' https://cdn.e.x/pin.jpg ', altText: 'A pin', type: 'image' }],
			content: { title: 'Pin title' },
			overrides: { pinterest: { destinationUrl: 'https://e.x/landing', boardId: ' board-9 ' } },
		});
		expect(built.post).toEqual({
			networks: {
				pinterest: {
					type: 'photo',
					text: 'Pin description',
					media: [{ id: 'external', type: 'photo', path: 'https://cdn.e.x/pin.jpg', alt_text: 'A pin' }],
					title: 'Pin title',
					url: 'https://e.x/landing',
				},
			},
			accounts: [{ id: 'pinterest-1', album_id: 'board-9', scheduled_at: AT_ISO }],
		});
	});
	it('youtube: short with title and privacy; a plain video has no details.type', () => {
		const short = clean({ accounts: ['youtube-1'], text: 'Description', contentType: 'short', media: [video], content: { title: 'My short' }, overrides: { youtube: { privacy: 'unlisted' } } });
		expect(short.post.networks).toEqual({ youtube: { type: 'video', text: 'Description', media: [video], title: 'My short', details: { type: 'short', privacy: 'unlisted' } } });
		const plain = clean({ accounts: ['youtube-1'], contentType: 'video', media: [video], content: { title: 'Long video' } });
		expect(plain.post.networks).toEqual({ youtube: { type: 'video', media: [video], title: 'Long video' } });
	});
	it('tiktok: video with privacy and interaction flags (unset flags are not sent)', () => {
		const built = clean({
			accounts: ['tiktok-1'],
			text: 'Behind the scenes',
			media: [video],
			overrides: {
				tiktok: { privacy: 'SELF_ONLY', allowComments: true, allowDuet: false, allowStitch: 0, promotional: false, paidPartnership: true, reminder: false },
			},
		});
		expect(built.post.networks).toEqual({
			tiktok: {
				type: 'video',
				text: 'Behind the scenes',
				media: [video],
				details: { privacy: 'SELF_ONLY', comment: true, duet: false, stitch: false, promotional: false, paid: true, reminder: false },
			},
		});
	});
	it('tiktok: photo carousel with automatic music', () => {
		const media = [photo(1), photo(2), photo(3)];
		const built = clean({ accounts: ['tiktok-1'], contentType: 'carousel', media, overrides: { tiktok: { autoAddMusic: true } } });
		expect(built.post.networks).toEqual({ tiktok: { type: 'carousel', media, details: { auto_add_music: true } } });
	});
	it('google: event with photo, CTA and dates read in the workflow timezone', () => {
		const built = clean({
			accounts: ['google-1'],
			text: 'Join our workshop',
			media: [photo(1)],
			overrides: {
				google: {
					googleType: 'event',
					eventTitle: 'Summer Workshop',
					eventStart: '2026-06-07T12:00',
					eventEnd: '2026-08-03T18:00:00Z',
					ctaButton: 'LEARN_MORE',
					ctaUrl: 'https://e.x/workshop',
					offerCoupon: 'IGNORED',
				},
			},
		});
		expect(built.post.networks).toEqual({
			google: {
				type: 'photo',
				text: 'Join our workshop',
				media: [photo(1)],
				title: 'LEARN_MORE',
				url: 'https://e.x/workshop',
				details: { type: 'event', title: 'Summer Workshop', start: '2026-06-07T12:00:00+02:00', end: '2026-08-03T20:00:00+02:00' },
			},
		});
	});
	it('google: offer without media takes type "offer", with coupon and terms; CTA "none" is not sent', () => {
		const built = clean({
			accounts: ['google-1'],
			text: '10% off',
			overrides: {
				google: { googleType: 'offer', eventTitle: 'Sale', eventStart: '2026-06-05', eventEnd: '2026-06-06', offerCoupon: 'SAVE10', offerTerms: 'https://e.x/terms', ctaButton: 'none' },
			},
		});
		expect(built.post.networks).toEqual({
			google: {
				type: 'offer',
				text: '10% off',
				details: { type: 'offer', title: 'Sale', start: '2026-06-05T00:00:00+02:00', end: '2026-06-06T00:00:00+02:00', coupon: 'SAVE10', terms: 'https://e.x/terms' },
			},
		});
	});
	it('google: photo post and plain update', () => {
		expect(clean({ accounts: ['google-1'], text: 'New menu', media: [photo(1)], overrides: { google: { googleType: 'photo' } } }).post.networks).toEqual({
			google: { type: 'photo', text: 'New menu', media: [photo(1)], details: { type: 'photo' } },
		});
		expect(clean({ accounts: ['google-1'], text: 'Open today', overrides: { google: { googleType: 'update', ctaUrl: 'https://e.x' } } }).post.networks).toEqual({
			google: { type: 'status', text: 'Open today', url: 'https://e.x' },
		});
	});
	it('google: an event date that is not a date is fatal', () => {
		const built = build({ accounts: ['google-1'], text: 'x', overrides: { google: { googleType: 'event', eventTitle: 'T', eventStart: 'next week', eventEnd: '2026-06-06' } } });
		expect(lines(built.fatal)).toEqual(['networkOverrides.google.eventStart: "next week" is not a date and time']);
	});
	it('wordpress: article under wordpress_oauth, with a paragraph made from the text and every option', () => {
		const built = clean({
			accounts: ['wordpress-1'],
			text: 'Body text',
			content: { title: 'Article title' },
			overrides: { wordpress: { excerpt: 'Short', slug: 'my-article', categories: 'news, tech', tags: ['t1', 't2'], featuredImageUrl: 'https://e.x/f.png' } },
		});
		expect(built.post.networks).toEqual({
			wordpress_oauth: {
				type: 'article',
				text: 'Body text',
				title: 'Article title',
				content: [{ id: 'p1', type: 'paragraph', data: { text: 'Body text' } }],
				excerpt: 'Short',
				url: 'my-article',
				categories: ['news', 'tech'],
				tags: ['t1', 't2'],
				featured_media: { path: 'https://e.x/f.png' },
			},
		});
		expect(built.targets.map((t) => t.networkKey)).toEqual(['wordpress_oauth']);
	});
	it('wordpress: basic-auth key and content blocks replacing the paragraph', () => {
		const blocks = [{ id: 'h', type: 'header', data: { text: 'Hi', level: 2 } }];
		const built = clean({ accounts: ['wordpress-1'], text: 'Body', content: { title: 'T' }, overrides: { wordpress: { wordpressKey: 'wordpress_basic', contentBlocks: JSON.stringify(blocks) } } });
		expect(built.post.networks).toEqual({ wordpress_basic: { type: 'article', text: 'Body', title: 'T', content: blocks } });
		expect(built.targets.map((t) => t.networkKey)).toEqual(['wordpress_basic']);
	});
	it('telegram: photo album', () => {
		expect(clean({ accounts: ['telegram-1'], text: 'Album', media: [photo(1), photo(2)] }).post.networks).toEqual({
			telegram: { type: 'photo', text: 'Album', media: [photo(1), photo(2)] },
		});
	});
	it('mastodon: poll chosen automatically from the options', () => {
		expect(clean({ accounts: ['mastodon-1'], text: 'Vote', content: { pollOptions: 'Yes,No', pollDuration: 1 } }).post.networks).toEqual({
			mastodon: { type: 'poll', text: 'Vote', options: ['Yes', 'No'], duration: 1 },
		});
	});
	it('threads: link post with a full preview', () => {
		const built = clean({
			accounts: ['threads-1'],
			text: 'Read this',
			content: { linkUrl: ' https://e.x/post ', linkTitle: 'Title', linkDescription: 'Desc', linkImageUrls: 'https://e.x/a.png, https://e.x/b.png', linkCallToAction: 'LEARN_MORE' },
		});
		expect(built.post.networks).toEqual({
			threads: {
				type: 'link',
				text: 'Read this',
				link: { url: 'https://e.x/post', title: 'Title', description: 'Desc', images: ['https://e.x/a.png', 'https://e.x/b.png'], call_to_action: 'LEARN_MORE' },
			},
		});
	});
	it('bluesky: text post, and a link whose CTA is "none"', () => {
		expect(clean({ accounts: ['bluesky-1'], text: 'Hi sky' }).post.networks).toEqual({ bluesky: { type: 'status', text: 'Hi sky' } });
		expect(clean({ accounts: ['bluesky-1'], content: { linkUrl: 'https://e.x', linkCallToAction: 'none' } }).post.networks).toEqual({
			bluesky: { type: 'link', link: { url: 'https://e.x' } },
		});
	});
	it('one post for all 13 networks: one block per network key, one target per account, in account order', () => {
		const built = build({ accounts: PROVIDERS.map((p) => `${p}-1`), text: 'Everywhere', media: [video], content: { title: 'Title' } });
		expect(Object.keys(built.post.networks as IDataObject).sort()).toEqual(
			['bluesky', 'facebook', 'google', 'instagram', 'linkedin', 'mastodon', 'pinterest', 'telegram', 'threads', 'tiktok', 'twitter', 'wordpress_oauth', 'youtube'].sort(),
		);
		expect((built.post.accounts as IDataObject[]).map((a) => a.id)).toEqual(PROVIDERS.map((p) => `${p}-1`));
		expect(built.targets.map((t) => [t.accountId, t.provider, t.networkKey, t.text])).toEqual(
			PROVIDERS.map((p) => [`${p}-1`, p, p === 'wordpress' ? 'wordpress_oauth' : p, 'Everywhere']),
		);
		// Rules are checked per block: Google Business takes no video.
		expect(lines(built.problems)).toEqual([
			'networks.google.type: Google Business does not support "video" posts (supported: status, photo, event, offer)',
			'networks.google.media: Google Business posts cannot contain videos',
		]);
	});
	it('two accounts of one network share one block', () => {
		const built = clean({ accounts: ['facebook-1', ' facebook-2 ', 'facebook-1'], text: 'Same' });
		expect(built.post).toEqual({
			networks: { facebook: { type: 'status', text: 'Same' } },
			accounts: [
				{ id: 'facebook-1', scheduled_at: AT_ISO },
				{ id: 'facebook-2', scheduled_at: AT_ISO },
			],
		});
	});
});

describe('buildPost — content types', () => {
	const networksFor = (contentType: string, media: IDataObject[], accounts: string[]) => build({ accounts, contentType, media, content: { title: 'T' } }).post.networks as IDataObject;
	const typeOf = (block: unknown) => {
		const b = block as IDataObject;
		return [b.type, (b.details as IDataObject | undefined)?.type];
	};
	it('reels: reel on Facebook/Instagram, short on YouTube, plain video elsewhere', () => {
		const n = networksFor('reel', [video], ['facebook-1', 'instagram-1', 'youtube-1', 'tiktok-1', 'linkedin-1']);
		expect(Object.fromEntries(Object.entries(n).map(([k, b]) => [k, typeOf(b)]))).toEqual({
			facebook: ['video', 'reel'],
			instagram: ['video', 'reel'],
			youtube: ['video', 'short'],
			tiktok: ['video', undefined],
			linkedin: ['video', undefined],
		});
	});
	it('shorts: short on YouTube, reel on Facebook/Instagram, plain video elsewhere', () => {
		const n = networksFor('short', [video], ['facebook-1', 'instagram-1', 'youtube-1', 'threads-1']);
		expect(Object.fromEntries(Object.entries(n).map(([k, b]) => [k, typeOf(b)]))).toEqual({
			facebook: ['video', 'reel'],
			instagram: ['video', 'reel'],
			youtube: ['video', 'short'],
			threads: ['video', undefined],
		});
	});
	it('stories are photo or video with details.type story', () => {
		expect(typeOf(networksFor('story', [photo(1)], ['instagram-1']).instagram)).toEqual(['photo', 'story']);
		expect(typeOf(networksFor('story', [video], ['facebook-1']).facebook)).toEqual(['video', 'story']);
	});
	it('documents are LinkedIn photo + details.type document, a plain photo post elsewhere', () => {
		const n = networksFor('document', [photo(1)], ['linkedin-1', 'facebook-1']);
		expect([typeOf(n.linkedin), typeOf(n.facebook)]).toEqual([
			['photo', 'document'],
			['photo', undefined],
		]);
	});
	it('WordPress is always an article, whatever the content type', () => {
		expect(typeOf(networksFor('photo', [photo(1)], ['wordpress-1']).wordpress_oauth)).toEqual(['article', undefined]);
	});
	it.each([
		['nothing', [], {}, 'status'],
		['a link', [], { linkUrl: 'https://e.x' }, 'link'],
		['poll options', [], { pollOptions: 'a,b' }, 'poll'],
		['one GIF', [{ id: 'g', type: 'gif' }], {}, 'gif'],
		['two GIFs', [{ id: 'g1', type: 'gif' }, { id: 'g2', type: 'gif' }], {}, 'photo'],
		['only videos', [video, { id: 'vid-2', type: 'video' }], {}, 'video'],
		['photos and a video', [photo(1), video], {}, 'photo'],
		['photos and a link (media wins)', [photo(1)], { linkUrl: 'https://e.x' }, 'photo'],
	] as Array<[string, IDataObject[], IDataObject, string]>)('automatic type with %s is %s', (_what, media, content, type) => {
		const block = (build({ accounts: ['mastodon-1'], text: 't', media, content }).post.networks as IDataObject).mastodon as IDataObject;
		expect(block.type).toBe(type);
		// A link is sent only with a link post.
		expect(block.link !== undefined).toBe(type === 'link');
	});
	it('an explicit type is sent as chosen, and a link URL is dropped from a non-link post', () => {
		const built = build({ accounts: ['facebook-1'], text: 't', contentType: 'photo', media: [photo(1)], content: { linkUrl: 'https://e.x' } });
		expect(built.post.networks).toEqual({ facebook: { type: 'photo', text: 't', media: [photo(1)] } });
	});
	it('media: "image" is photo, a missing type is photo, blanks are skipped, URL-only media is "external"', () => {
		const built = build({
			accounts: ['facebook-1'],
			media: [
				{ id: ' m1 ', type: 'IMAGE', caption: 'c', name: 'a.png', thumbnail: ' https://e.x/t.png ' },
				{ path: 'https://e.x/v.mp4', type: 'video' },
				{ id: '', path: '' },
				{ id: 'm3' },
			],
		});
		expect((built.post.networks as IDataObject).facebook).toEqual({
			type: 'photo',
			media: [
				{ id: 'm1', type: 'photo', caption: 'c', name: 'a.png', thumbnail: 'https://e.x/t.png' },
				{ id: 'external', type: 'video', path: 'https://e.x/v.mp4' },
				{ id: 'm3', type: 'photo' },
			],
		});
		expect(built.fatal).toEqual([]);
	});
	it('media with alt text or caption but neither ID nor URL is fatal', () => {
		const built = build({ accounts: ['facebook-1'], text: 't', media: [photo(1), { altText: 'orphan alt' }] });
		expect(lines(built.fatal)).toEqual(['media[1]: a media item needs a media ID (from Media → Upload) or a URL']);
	});
});

describe('buildPost — network overrides', () => {
	it('override text applies to its network only; targets carry the text sent', () => {
		const built = clean({ accounts: ['facebook-1', 'twitter-1'], text: 'Base text', overrides: { twitter: { text: 'Short for X' } } });
		expect(built.post.networks).toEqual({ facebook: { type: 'status', text: 'Base text' }, twitter: { type: 'status', text: 'Short for X' } });
		expect(built.targets.map((t) => [t.accountId, t.text])).toEqual([
			['facebook-1', 'Base text'],
			['twitter-1', 'Short for X'],
		]);
	});
	it('override media (IDs or objects) replaces the media and, on Automatic, the type', () => {
		const built = clean({
			accounts: ['facebook-1', 'instagram-1'],
			text: 'Caption',
			media: [photo(1)],
			overrides: { instagram: { media: JSON.stringify([{ id: 'v9', type: 'video' }]) }, facebook: { media: ['a', 'b'] } },
		});
		expect(built.post.networks).toEqual({
			facebook: { type: 'photo', text: 'Caption', media: [{ id: 'a', type: 'photo' }, { id: 'b', type: 'photo' }] },
			instagram: { type: 'video', text: 'Caption', media: [{ id: 'v9', type: 'video' }] },
		});
	});
	it('override media keeps an explicit content type', () => {
		const built = build({ accounts: ['facebook-1'], contentType: 'photo', media: [photo(1)], overrides: { facebook: { media: [{ id: 'v', type: 'video' }] } } });
		expect(((built.post.networks as IDataObject).facebook as IDataObject).type).toBe('photo');
	});
	it('override type re-encodes the block and removes a stale reel/short/story/document details.type', () => {
		const built = clean({ accounts: ['instagram-1', 'facebook-1'], contentType: 'reel', media: [video], overrides: { instagram: { type: 'video' }, facebook: { type: 'story' } } });
		expect(built.post.networks).toEqual({
			instagram: { type: 'video', media: [video] },
			facebook: { type: 'video', media: [video], details: { type: 'story' } },
		});
	});
	it('override title, link URL and poll settings', () => {
		const built = clean({
			accounts: ['linkedin-1', 'mastodon-1'],
			text: 'Vote',
			content: { pollOptions: 'a,b', pollDuration: 1, pollQuestion: 'Q?' },
			overrides: { mastodon: { pollOptions: 'x, y, z', pollDuration: 5, title: 'ignored by Mastodon' }, linkedin: { pollQuestion: 'Better question?' } },
		});
		expect(built.post.networks).toEqual({
			linkedin: { type: 'poll', text: 'Vote', options: ['a', 'b'], duration: 1, question: 'Better question?' },
			mastodon: { type: 'poll', text: 'Vote', options: ['x', 'y', 'z'], duration: 5, title: 'ignored by Mastodon' },
		});
		const link = clean({ accounts: ['facebook-1'], text: 't', content: { linkUrl: 'https://e.x/a', linkTitle: 'A' }, overrides: { facebook: { linkUrl: 'https://e.x/b' } } });
		expect(link.post.networks).toEqual({ facebook: { type: 'link', text: 't', link: { url: 'https://e.x/b', title: 'A' } } });
	});
	it('details JSON merges into details, extra fields into the block', () => {
		const built = clean({
			accounts: ['facebook-1'],
			text: 't',
			overrides: { facebook: { textBackgroundPresetId: '1', details: '{"language":"de"}', extraFields: { customized: true, text: 'from extra' } } },
		});
		expect(built.post.networks).toEqual({ facebook: { type: 'status', text: 'from extra', customized: true, details: { text_format_preset_id: '1', language: 'de' } } });
	});
	it('bad override JSON is fatal and names the field', () => {
		const built = build({
			accounts: ['facebook-1', 'instagram-1', 'wordpress-1'],
			text: 't',
			media: [photo(1)],
			content: { title: 'T' },
			overrides: { facebook: { details: '{oops', extraFields: '[1]' }, instagram: { media: '{"id":"x"}' }, wordpress: { contentBlocks: '{}' } },
		});
		expect(built.fatal.map((p) => p.field)).toEqual([
			'networkOverrides.facebook.details',
			'networkOverrides.facebook.extraFields',
			'networkOverrides.instagram.media',
			'networkOverrides.wordpress.contentBlocks',
		]);
		expect(built.fatal[0].rule).toMatch(/^must be valid JSON .*is not valid JSON \(/);
		expect(built.fatal.slice(1).map((p) => p.rule)).toEqual(['must be a JSON object', 'must be a JSON array', 'must be a JSON array']);
	});
	it('refuses __proto__, constructor and prototype keys in JSON overrides, as text or as objects, even with validation off', () => {
		const built = build({
			accounts: ['facebook-1', 'linkedin-1'],
			text: 't',
			overrides: {
				facebook: { details: '{"__proto__": {"type": "story"}}' },
				linkedin: { extraFields: { nested: JSON.parse('{"constructor": {"prototype": {}}}') } },
			},
		});
		expect(built.fatal.map((p) => p.field)).toEqual(['networkOverrides.facebook.details', 'networkOverrides.linkedin.extraFields']);
		expect(built.fatal[0].rule).toContain('"__proto__"');
		expect(built.fatal[1].rule).toContain('"nested.constructor"');
	});
	// Fixed (was a bug): the override's `type` is worked out from the post's media before the
	// override's own media replace it, so a story whose override media is a video is sent as `type: "photo"`
	// with a video in it (§8.9: video stories are `type: "video"`). Nothing flags it.
	it('a story whose override media is a video is a video story', () => {
		const built = build({ accounts: ['instagram-1'], media: [photo(1)], overrides: { instagram: { type: 'story', media: JSON.stringify([video]) } } });
		expect(built.post.networks).toEqual({ instagram: { type: 'video', media: [video], details: { type: 'story' } } });
	});
	// Fixed (same cause): Content Type "Story" with a photo, and a network override that swaps in a video.
	it('a Story content type with override video media is a video story', () => {
		const built = build({ accounts: ['instagram-1'], contentType: 'story', media: [photo(1)], overrides: { instagram: { media: JSON.stringify([video]) } } });
		expect(built.post.networks).toEqual({ instagram: { type: 'video', media: [video], details: { type: 'story' } } });
	});
	// Fixed (was a bug): the base block drops the Link URL when media make it a photo post, and an
	// override Type "Link" does not bring it back: the link post is sent without `link` and validation refuses
	// it ("link posts need a link URL") although the user gave the Link URL.
	it('an override type "link" keeps the Link URL of the content', () => {
		const built = build({ accounts: ['facebook-1'], text: 't', media: [photo(1)], content: { linkUrl: 'https://e.x' }, overrides: { facebook: { type: 'link' } } });
		const block = (built.post.networks as IDataObject).facebook as IDataObject;
		expect([block.type, block.link]).toEqual(['link', { url: 'https://e.x' }]);
		expect(built.problems).toEqual([]);
	});
	// Fixed (was a bug): the base block sends `link` only with link posts, but override media that turn a
	// link post into a photo post (Automatic type) leave the stale `link` in the photo block.
	it('override media that make a link post a photo post drop the link', () => {
		const built = build({ accounts: ['facebook-1'], text: 't', content: { linkUrl: 'https://e.x' }, overrides: { facebook: { media: ['p1'] } } });
		expect(built.post.networks).toEqual({ facebook: { type: 'photo', text: 't', media: [{ id: 'p1', type: 'photo' }] } });
	});
	it('overrides for a network without chosen accounts are ignored', () => {
		const built = clean({ accounts: ['facebook-1'], text: 't', overrides: { twitter: { text: 'never sent' } } });
		expect(built.post.networks).toEqual({ facebook: { type: 'status', text: 't' } });
	});
	it('rule violations are checked on the block after its override', () => {
		const built = build({ accounts: ['twitter-1', 'facebook-1'], text: 'x'.repeat(300), overrides: { facebook: { text: 'short' } } });
		expect(lines(built.problems)).toEqual([
			'networks.twitter.text: X (Twitter) allows 280 characters (counted as X counts: every link 23, emoji and CJK characters 2); this text has 300. Shorten it, or turn on Options → Fit Text to Each Network',
		]);
		const fixed = build({ accounts: ['twitter-1'], text: 'x'.repeat(300), overrides: { twitter: { text: 'short' } } });
		expect(fixed.problems).toEqual([]);
	});
});

describe('buildPost — account extras', () => {
	it('labels, first comment, follow-ups, auto-share and auto-delete go on every account', () => {
		const built = build({
			accounts: ['facebook-1', 'linkedin-1'],
			text: 't',
			extras: {
				labels: 'launch, q3',
				firstComment: 'Link in bio',
				followUpComments: {
					comment: [
						{ text: 'Follow-up', language: 'en', delay: 2, delayUnit: 'Hour' },
						{ mediaPath: 'https://e.x/m.png', mediaType: 'gif' },
						{ delay: 5 },
					],
				},
				autoShareAccounts: ['twitter-1'],
				autoShareText: 'ICYMI',
				autoShareAfter: 2,
				autoShareAfterUnit: 'Hour',
				autoShareDelay: 10,
				autoDeleteAfter: 1,
				autoDeleteUnit: 'Week',
				autoDeleteHide: true,
			},
		});
		const extras = {
			labels: ['launch', 'q3'],
			comments: [
				{ text: 'Link in bio', delay: { duration: 1, unit: 'Minute' } },
				{ text: 'Follow-up', language: 'en', delay: { duration: 2, unit: 'Hour' } },
				{ media: { type: 'gif', path: 'https://e.x/m.png' }, delay: { duration: 1, unit: 'Minute' } },
				{ delay: { duration: 5, unit: 'Minute' } },
			],
			share: { text: 'ICYMI', account_ids: ['twitter-1'], after: { duration: 2, unit: 'Hour' }, delay: { duration: 10, unit: 'Minute' } },
			delete: { hide: true, delay: { duration: 1, unit: 'Week' } },
		};
		expect(built.post.accounts).toEqual([
			{ id: 'facebook-1', scheduled_at: AT_ISO, ...extras },
			{ id: 'linkedin-1', scheduled_at: AT_ISO, ...extras },
		]);
		expect(lines(built.problems)).toEqual(['extras.followUpComments[2]: a follow-up comment needs text or media', 'extras.followUpComments[2]: a follow-up comment needs text or media']);
		expect(built.fatal).toEqual([]);
	});
	it('first comment delay; auto-delete without hide; a zero auto-delete means none', () => {
		const built = clean({ accounts: ['facebook-1'], text: 't', extras: { firstComment: 'c', firstCommentDelay: 15, autoDeleteAfter: 3 } });
		expect(built.post.accounts).toEqual([
			{ id: 'facebook-1', scheduled_at: AT_ISO, comments: [{ text: 'c', delay: { duration: 15, unit: 'Minute' } }], delete: { hide: false, delay: { duration: 3, unit: 'Minute' } } },
		]);
		expect(clean({ accounts: ['facebook-1'], text: 't', extras: { autoDeleteAfter: 0 } }).post.accounts).toEqual([{ id: 'facebook-1', scheduled_at: AT_ISO }]);
		expect(lines(build({ accounts: ['facebook-1'], text: 't', extras: { autoDeleteAfter: -2 } }).problems)).toEqual(['extras.autoDeleteAfter: auto-delete needs a positive delay']);
	});
	it('auto-share to an unknown account is fatal; to Instagram, YouTube or WordPress is a problem', () => {
		const built = build({ accounts: ['facebook-1'], text: 't', extras: { autoShareAccounts: 'nope-1, instagram-1, youtube-1, wordpress-1, bluesky-1' } });
		expect(lines(built.fatal)).toEqual(['extras.autoShareAccounts: auto-share account nope-1 is not connected to this workspace']);
		expect(lines(built.problems)).toEqual([
			'extras.autoShareAccounts: auto-share to Instagram is not supported',
			'extras.autoShareAccounts: auto-share to YouTube is not supported',
			'extras.autoShareAccounts: auto-share to WordPress is not supported',
		]);
	});
	it('watermark: an ID becomes {id}, a JSON object is sent whole; TikTok has none', () => {
		expect(clean({ accounts: ['facebook-1'], text: 't', extras: { watermark: ' wm-1 ' } }).post.accounts).toEqual([{ id: 'facebook-1', scheduled_at: AT_ISO, watermark: { id: 'wm-1' } }]);
		const wm = { id: 'wm-2', name: 'Logo', opacity: 50, size: 20, position: 'bottom_right', default: false, image: 'https://e.x/wm.png' };
		expect(clean({ accounts: ['facebook-1'], text: 't', extras: { watermark: JSON.stringify(wm) } }).post.accounts).toEqual([{ id: 'facebook-1', scheduled_at: AT_ISO, watermark: wm }]);
		expect(clean({ accounts: ['facebook-1'], text: 't', extras: { watermark: wm } }).post.accounts).toEqual([{ id: 'facebook-1', scheduled_at: AT_ISO, watermark: wm }]);
		const tiktok = build({ accounts: ['tiktok-1'], media: [video], extras: { watermark: 'wm-1' } });
		expect(lines(tiktok.problems)).toEqual(['extras.watermark: TikTok does not support watermarks']);
		expect(lines(build({ accounts: ['facebook-1'], text: 't', extras: { watermark: '{bad' } }).fatal)[0]).toMatch(/^extras\.watermark: must be valid JSON/);
	});
	it('signature on every account; Bluesky has none', () => {
		const built = build({ accounts: ['facebook-1', 'bluesky-1'], text: 't', extras: { signature: ' sig-1 ' } });
		expect(built.post.accounts).toEqual([
			{ id: 'facebook-1', scheduled_at: AT_ISO, signature: 'sig-1' },
			{ id: 'bluesky-1', scheduled_at: AT_ISO, signature: 'sig-1' },
		]);
		expect(lines(built.problems)).toEqual(['extras.signature: Bluesky does not support signatures']);
	});
	it('album ID goes to Facebook and Pinterest accounts only', () => {
		const built = clean({ accounts: ['facebook-1', 'pinterest-1', 'twitter-1'], text: 't', media: [photo(1)], extras: { albumId: ' alb-1 ' } });
		expect(built.post.accounts).toEqual([
			{ id: 'facebook-1', scheduled_at: AT_ISO, album_id: 'alb-1' },
			{ id: 'pinterest-1', scheduled_at: AT_ISO, album_id: 'alb-1' },
			{ id: 'twitter-1', scheduled_at: AT_ISO },
		]);
	});
	it('per-account settings: own time, album (over the Pinterest board override) and signature', () => {
		const built = clean({
			accounts: ['facebook-1', 'pinterest-1'],
			text: 't',
			media: [photo(1)],
			overrides: { pinterest: { boardId: 'board-default' } },
			accountSettings: [
				{ account: 'pinterest-1', albumId: 'board-own', scheduledAt: '2026-06-03T08:30', signature: 'sig-p' },
				{ account: '', signature: 'ignored' },
			],
		});
		expect(built.post.accounts).toEqual([
			{ id: 'facebook-1', scheduled_at: AT_ISO },
			{ id: 'pinterest-1', album_id: 'board-own', signature: 'sig-p', scheduled_at: '2026-06-03T08:30:00+02:00' },
		]);
		expect(built.targets.map((t) => [t.accountId, t.scheduledAt, t.scheduledAtMs])).toEqual([
			['facebook-1', AT_ISO, Date.parse(AT_ISO)],
			['pinterest-1', '2026-06-03T08:30:00+02:00', Date.parse('2026-06-03T06:30:00Z')],
		]);
	});
	it('per-account settings for an account that was not chosen are fatal', () => {
		const built = build({ accounts: ['facebook-1'], text: 't', accountSettings: [{ account: 'twitter-1', signature: 's' }] });
		expect(lines(built.fatal)).toEqual(['accountSettings: account twitter-1 has per-account settings but is not one of the chosen accounts']);
	});
	it('no accounts, or an account not in the workspace, is fatal', () => {
		expect(lines(build({ accounts: [' '], text: 't' }).fatal)).toEqual(['accounts: choose at least one social account to post to']);
		expect(lines(build({ accounts: ['ghost-1'], text: 't' }).fatal)).toEqual([
			'accounts: account ghost-1 is not connected to this workspace (list them with Account → Get Many)',
		]);
	});
	// Fixed (was a bug): buildPost pushes this fatal problem, then reads NETWORK_RULES[provider].keys
	// for the account's target and throws "Cannot read properties of undefined (reading 'keys')", so the user
	// gets a TypeError instead of the message.
	it('an account of a network the node does not know is fatal (Publer may add networks)', () => {
		const accounts = new Map(ACCOUNTS);
		accounts.set('myspace-1', { id: 'myspace-1', provider: 'myspace' as Provider, name: 'myspace one', type: '' } as AccountInfo);
		const built = buildPost(input({ accounts: ['facebook-1', 'myspace-1'], text: 't' }), accounts);
		expect(lines(built.fatal)).toEqual(['accounts: the network "myspace" is not known to this node']);
		expect(built.post.networks).toEqual({ facebook: { type: 'status', text: 't' } });
	});
	it('two TikTok accounts in one post are a problem, except for drafts', () => {
		const rule = 'accounts: Publer allows one TikTok account per post; this post has 2. Split it into one post per TikTok account.';
		expect(lines(build({ accounts: ['tiktok-1', 'tiktok-2'], media: [video] }).problems)).toEqual([rule]);
		expect(lines(build({ mode: 'draft', accounts: ['tiktok-1', 'tiktok-2'], media: [video] }).problems)).toEqual([]);
	});
});

describe('buildPost — timing per mode', () => {
	describe('schedule', () => {
		it('sends scheduled_at per account in the workflow timezone, re-expressing explicit offsets', () => {
			const built = clean({ accounts: ['facebook-1'], text: 't', scheduledAt: '2026-06-02T07:00:00Z' });
			expect([built.endpoint, built.state]).toEqual([SCHEDULE, 'scheduled']);
			expect(built.post.accounts).toEqual([{ id: 'facebook-1', scheduled_at: '2026-06-02T09:00:00+02:00' }]);
			expect(built.targets[0]).toEqual({
				accountId: 'facebook-1',
				provider: 'facebook',
				accountName: 'facebook one',
				networkKey: 'facebook',
				text: 't',
				scheduledAt: '2026-06-02T09:00:00+02:00',
				scheduledAtMs: Date.parse('2026-06-02T07:00:00Z'),
			});
		});
		it('needs a time for every account without one', () => {
			const built = build({ accounts: ['facebook-1', 'twitter-1'], text: 't', scheduledAt: undefined, accountSettings: [{ account: 'twitter-1', scheduledAt: AT }] });
			expect(lines(built.fatal)).toEqual(['scheduledAt: a scheduled post needs a time for facebook one (set Scheduled At, or a time in Per-Account Settings)']);
			expect(built.post.accounts).toEqual([{ id: 'facebook-1' }, { id: 'twitter-1', scheduled_at: AT_ISO }]);
		});
		it('refuses unreadable times, and flags past or too-near ones', () => {
			expect(lines(build({ accounts: ['facebook-1'], text: 't', scheduledAt: 'tomorrow' }).fatal)).toEqual([
				'scheduledAt: "tomorrow" is not a date and time (use e.g. 2025-06-01T09:00 or an ISO 8601 value)',
			]);
			expect(lines(build({ accounts: ['facebook-1'], text: 't', scheduledAt: '2026-06-01T11:00' }).problems)).toEqual([
				'scheduledAt: Publer needs scheduled times at least 1 minute in the future; 2026-06-01T11:00:00+02:00 is in the past',
			]);
			expect(lines(build({ accounts: ['facebook-1'], text: 't', scheduledAt: '2026-06-01T12:00:30' }).problems)).toEqual([
				'scheduledAt: Publer needs scheduled times at least 1 minute in the future; 2026-06-01T12:00:30+02:00 is less than 1 minute ahead',
			]);
			expect(build({ accounts: ['facebook-1'], text: 't', scheduledAt: '2026-06-01T12:01' }).problems).toEqual([]);
			const perAccount = build({ accounts: ['facebook-1'], text: 't', accountSettings: [{ account: 'facebook-1', scheduledAt: '2026-05-01T10:00' }] });
			expect(lines(perAccount.problems)).toEqual([
				'accountSettings[facebook-1].scheduledAt: Publer needs scheduled times at least 1 minute in the future; 2026-05-01T10:00:00+02:00 is in the past',
			]);
			expect(lines(build({ accounts: ['facebook-1'], text: 't', accountSettings: [{ account: 'facebook-1', scheduledAt: 'soon' }] }).fatal)).toEqual([
				'accountSettings[facebook-1].scheduledAt: "soon" is not a date and time',
			]);
		});
	});

	it('publish now: the publish endpoint, no scheduled_at (even if a time is set), a search window around now', () => {
		const built = clean({ mode: 'publishNow', accounts: ['facebook-1'], text: 't', scheduledAt: AT });
		expect([built.endpoint, built.state]).toEqual([PUBLISH, 'scheduled']);
		expect(built.post).toEqual({ networks: { facebook: { type: 'status', text: 't' } }, accounts: [{ id: 'facebook-1' }] });
		expect([built.targets[0].windowFrom, built.targets[0].windowTo, built.targets[0].scheduledAt]).toEqual([NOW - 5 * 60_000, NOW + 60 * 60_000, undefined]);
	});

	describe('draft', () => {
		it('dated draft: state from Draft State, scheduled_at sent, past times allowed', () => {
			const built = clean({ mode: 'draft', draftState: 'draft_private', accounts: ['facebook-1'], text: 't', scheduledAt: '2026-05-01T10:00' });
			expect([built.endpoint, built.state]).toEqual([SCHEDULE, 'draft_private']);
			expect(built.post.accounts).toEqual([{ id: 'facebook-1', scheduled_at: '2026-05-01T10:00:00+02:00' }]);
		});
		it('undated draft, and an unknown draft state falls back to "draft"', () => {
			const built = clean({ mode: 'draft', draftState: 'draft_secret', accounts: ['facebook-1'], text: 't', scheduledAt: undefined });
			expect(built.state).toBe('draft');
			expect(built.post.accounts).toEqual([{ id: 'facebook-1' }]);
			expect(built.targets[0].scheduledAt).toBeUndefined();
			expect(clean({ mode: 'draft', draftState: 'draft_public', accounts: ['facebook-1'], text: 't' }).state).toBe('draft_public');
		});
	});

	describe('idea', () => {
		it('networks.default, no accounts, private by default', () => {
			const built = clean({ mode: 'idea', accounts: ['facebook-1'], text: 'An idea', scheduledAt: AT });
			expect([built.endpoint, built.state]).toEqual([SCHEDULE, 'draft_private']);
			expect(built.post).toEqual({ networks: { default: { type: 'status', text: 'An idea' } } });
			expect(built.targets).toEqual([{ accountId: '', provider: null, accountName: null, networkKey: 'default', text: 'An idea' }]);
		});
		it('public article idea with a paragraph from the text, and extra fields', () => {
			const built = clean({
				mode: 'idea',
				ideaVisibility: 'draft_public',
				accounts: [],
				text: 'Body',
				contentType: 'article',
				content: { title: 'Q3 campaign idea' },
				overrides: { default: { extraFields: '{"labels":["ideas"]}' } },
			});
			expect(built.state).toBe('draft_public');
			expect(built.post).toEqual({
				networks: { default: { type: 'article', text: 'Body', title: 'Q3 campaign idea', content: [{ id: 'p1', type: 'paragraph', data: { text: 'Body' } }], labels: ['ideas'] } },
			});
		});
		it('link idea keeps its link; a photo idea drops it', () => {
			expect(clean({ mode: 'idea', accounts: [], text: 'Read', content: { linkUrl: 'https://e.x' } }).post.networks).toEqual({
				default: { type: 'link', text: 'Read', link: { url: 'https://e.x' } },
			});
			expect(clean({ mode: 'idea', accounts: [], contentType: 'photo', media: [photo(1)], content: { linkUrl: 'https://e.x' } }).post.networks).toEqual({
				default: { type: 'photo', media: [photo(1)] },
			});
		});
		it('ideas are status, photo, video, link or article, and need some content', () => {
			expect(lines(build({ mode: 'idea', accounts: [], text: 'q', contentType: 'poll', content: { pollOptions: 'a,b' } }).problems)).toEqual([
				'contentType: ideas are status, photo, video, link or article posts, not "poll"',
			]);
			expect(lines(build({ mode: 'idea', accounts: [] }).problems)).toEqual(['text: an idea needs at least a title, text or media']);
		});
	});

	describe('auto-schedule', () => {
		it('auto: true and a range from now (in the workflow timezone) to the end', () => {
			const built = clean({ mode: 'auto', accounts: ['facebook-1'], text: 't', scheduledAt: AT, autoEnd: '2026-06-10T18:00' });
			expect([built.endpoint, built.state]).toEqual([SCHEDULE, 'scheduled']);
			expect(built.post).toEqual({
				networks: { facebook: { type: 'status', text: 't' } },
				auto: true,
				range: { start_date: '2026-06-01T12:00:00+02:00', end_date: '2026-06-10T18:00:00+02:00' },
				accounts: [{ id: 'facebook-1' }],
			});
			expect([built.targets[0].windowFrom, built.targets[0].windowTo]).toEqual([NOW - 60_000, Date.parse('2026-06-10T16:00:00Z') + 86_400_000]);
		});
		it('share next: no start date; the range is left out when there is no end', () => {
			const built = clean({ mode: 'auto', accounts: ['facebook-1'], text: 't', shareNext: true });
			expect(built.post).toEqual({ networks: { facebook: { type: 'status', text: 't' } }, auto: true, share_next: true, accounts: [{ id: 'facebook-1' }] });
			expect([built.targets[0].windowFrom, built.targets[0].windowTo]).toEqual([NOW - 60_000, NOW + 400 * 86_400_000]);
		});
		it('explicit start; an end before the start or in the past is a problem; bad dates are fatal', () => {
			const built = build({ mode: 'auto', accounts: ['facebook-1'], text: 't', autoStart: '2026-06-05T09:00', autoEnd: '2026-06-04T09:00' });
			expect(built.post.range).toEqual({ start_date: '2026-06-05T09:00:00+02:00', end_date: '2026-06-04T09:00:00+02:00' });
			expect(lines(built.problems)).toEqual(['autoEnd: the range ends (2026-06-04T09:00:00+02:00) before it starts (2026-06-05T09:00:00+02:00)']);
			expect(lines(build({ mode: 'auto', accounts: ['facebook-1'], text: 't', autoEnd: '2026-05-30T09:00' }).problems)).toEqual([
				'autoEnd: the range ends in the past (2026-05-30T09:00:00+02:00)',
			]);
			expect(lines(build({ mode: 'auto', accounts: ['facebook-1'], text: 't', autoStart: 'x', autoEnd: 'y' }).fatal)).toEqual([
				'autoStart: "x" is not a date and time',
				'autoEnd: "y" is not a date and time',
			]);
		});
	});

	describe('recurring', () => {
		const base: Partial<PostInput> = { mode: 'recurring', accounts: ['facebook-1'], text: 't', scheduledAt: AT, recurringStart: '2026-06-03T09:00', repeat: 'weekly', repeatRate: 2 };
		it('state recurring, the recurring object, no scheduled_at; the target time is the start', () => {
			const built = clean({ ...base, recurringEnd: '2026-12-31T09:00', daysOfWeek: ['Wednesday', 'monday', 'Monday'] });
			expect([built.endpoint, built.state]).toEqual([SCHEDULE, 'recurring']);
			expect(built.post).toEqual({
				networks: { facebook: { type: 'status', text: 't' } },
				recurring: { start_date: '2026-06-03T09:00:00+02:00', end_date: '2026-12-31T09:00:00+01:00', repeat: 'weekly', repeat_rate: 2, days_of_week: [1, 3] },
				accounts: [{ id: 'facebook-1' }],
			});
			expect([built.targets[0].scheduledAt, built.targets[0].scheduledAtMs]).toEqual(['2026-06-03T09:00:00+02:00', Date.parse('2026-06-03T07:00:00Z')]);
		});
		it('days of week with Monday = 0, and the start date weekday when none is chosen', () => {
			expect(clean({ ...base, daysOfWeek: ['Wednesday', 'Monday'], daysOfWeekIndexing: 'monday0' }).post.recurring).toMatchObject({ days_of_week: [0, 2] });
			expect(clean({ ...base }).post.recurring).toMatchObject({ days_of_week: [3] }); // Wednesday, Sunday = 0
			expect(clean({ ...base, daysOfWeekIndexing: 'monday0' }).post.recurring).toMatchObject({ days_of_week: [2] });
			// 23:30 in Berlin on Sunday is already Sunday 21:30 UTC; the day is the workflow-timezone day.
			expect(clean({ ...base, recurringStart: '2026-06-07T23:30' }).post.recurring).toMatchObject({ days_of_week: [0] });
		});
		it('daily/monthly recurrence has no days of week (a problem if given), repeat defaults to weekly every 1', () => {
			const daily = build({ ...base, repeat: 'daily', repeatRate: 1, daysOfWeek: ['Monday'] });
			expect(daily.post.recurring).toEqual({ start_date: '2026-06-03T09:00:00+02:00', repeat: 'daily', repeat_rate: 1 });
			expect(lines(daily.problems)).toEqual(['daysOfWeek: days of the week apply to weekly recurrence only, not daily']);
			expect(clean({ ...base, repeat: undefined, repeatRate: undefined }).post.recurring).toEqual({
				start_date: '2026-06-03T09:00:00+02:00',
				repeat: 'weekly',
				repeat_rate: 1,
				days_of_week: [3],
			});
		});
		it('fatal: no start, bad start/end, unknown repeat or weekday; problems: bad interval, past start, end before start', () => {
			expect(lines(build({ ...base, recurringStart: undefined }).fatal)).toEqual(['recurringStart: recurring posts need a start date and time']);
			expect(lines(build({ ...base, recurringStart: 'someday', recurringEnd: 'never' }).fatal)).toEqual([
				'recurringStart: "someday" is not a date and time',
				'recurringEnd: "never" is not a date and time',
			]);
			expect(lines(build({ ...base, repeat: 'hourly' }).fatal)).toEqual(['repeat: repeat is daily, weekly, monthly or yearly']);
			expect(lines(build({ ...base, daysOfWeek: ['Funday'] }).fatal)).toEqual(['daysOfWeek: "Funday" is not a weekday name (Monday … Sunday)']);
			expect(lines(build({ ...base, repeatRate: 1.5, recurringStart: '2026-05-01T09:00', recurringEnd: '2026-04-01T09:00' }).problems)).toEqual([
				'repeatRate: the interval (repeat every) is a whole number of at least 1',
				'recurringEnd: the recurrence ends (2026-04-01T09:00:00+02:00) before it starts (2026-05-01T09:00:00+02:00)',
				'recurringStart: the first occurrence (2026-05-01T09:00:00+02:00) is in the past',
			]);
		});
		it('not for TikTok, YouTube or WordPress; Google Business needs 10 spintax variations', () => {
			const built = build({ ...base, accounts: ['tiktok-1', 'youtube-1', 'google-1'], media: [video], content: { title: 'T' } });
			expect(lines(built.problems).filter((l) => l.startsWith('accounts') || l.endsWith('this text has 1'))).toEqual([
				'accounts: TikTok (tiktok one) does not support recurring posts',
				'accounts: YouTube (youtube one) does not support recurring posts',
				'networks.google.text: Google Business recurring posts need at least 10 text variations (spintax such as {Hi|Hello}); this text has 1',
			]);
			const spun = clean({ ...base, accounts: ['google-1'], text: '{Hi|Hello} {all|friends|folks|team|you}' });
			expect(spun.state).toBe('recurring');
		});
	});

	describe('recycling', () => {
		const base: Partial<PostInput> = { mode: 'recycling', accounts: ['facebook-1'], text: 't', scheduledAt: AT, recyclingGap: 2, recyclingGapFreq: 'Week', recyclingExpireCount: 5 };
		it('state scheduled, the recycling object, scheduled_at from Scheduled At', () => {
			const built = clean({ ...base, recyclingStartDate: '2026-06-10', recyclingSolo: true });
			expect([built.endpoint, built.state]).toEqual([SCHEDULE, 'scheduled']);
			expect(built.post).toEqual({
				networks: { facebook: { type: 'status', text: 't' } },
				recycling: { solo: true, gap: 2, gap_freq: 'Week', start_date: '2026-06-10', expire_count: 5 },
				accounts: [{ id: 'facebook-1', scheduled_at: AT_ISO }],
			});
			expect(built.targets[0].scheduledAt).toBe(AT_ISO);
		});
		it('without a time: no scheduled_at, a search window from the start date', () => {
			const built = clean({ ...base, scheduledAt: undefined, recyclingStartDate: '2026-06-10' });
			expect(built.post.accounts).toEqual([{ id: 'facebook-1' }]);
			const from = Date.parse('2026-06-09T22:00:00Z'); // 10 June 00:00 in Berlin
			expect([built.targets[0].windowFrom, built.targets[0].windowTo]).toEqual([NOW - 5 * 60_000, from + 2 * 86_400_000]);
		});
		it('expire by date; a stop before the start is a problem', () => {
			const built = build({ ...base, recyclingExpireBy: 'date', recyclingExpireDate: '2026-07-01', recyclingGapFreq: undefined, recyclingGap: undefined });
			expect(built.post.recycling).toEqual({ solo: false, gap: 1, gap_freq: 'Week', expire_date: '2026-07-01' });
			expect(built.problems).toEqual([]);
			expect(lines(build({ ...base, recyclingExpireBy: 'date', recyclingExpireDate: '2026-06-05', recyclingStartDate: '2026-06-10' }).problems)).toEqual([
				'recyclingExpireDate: recycling would stop (2026-06-05) before it starts (2026-06-10)',
			]);
		});
		it('fatal: unknown gap unit, bad dates; problems: bad gap, bad count, past start, past time', () => {
			expect(lines(build({ ...base, recyclingGapFreq: 'Year', recyclingStartDate: 'later' }).fatal)).toEqual([
				'recyclingGapFreq: the gap unit is Day, Week or Month',
				'recyclingStartDate: "later" is not a date',
			]);
			expect(lines(build({ ...base, recyclingExpireBy: 'date' }).fatal)).toEqual(['recyclingExpireDate: "" is not a date']);
			expect(lines(build({ ...base, recyclingGap: 0, recyclingExpireCount: 0, recyclingStartDate: '2026-05-31', scheduledAt: '2026-06-01T11:00' }).problems)).toEqual([
				'recyclingGap: the gap between reposts is a whole number of at least 1',
				'recyclingStartDate: the first recycle date (2026-05-31) is in the past',
				'recyclingExpireCount: stop after a whole number of reposts, at least 1',
				'scheduledAt: Publer needs scheduled times at least 1 minute in the future; 2026-06-01T11:00:00+02:00 is in the past',
			]);
		});
		it('not for TikTok, YouTube or WordPress; Google Business needs 10 spintax variations', () => {
			const built = build({ ...base, accounts: ['wordpress-1', 'google-1'], content: { title: 'T' }, text: '{a|b}' });
			expect(lines(built.problems)).toEqual([
				'accounts: WordPress (wordpress one) does not support recycling',
				'networks.google.text: Google Business recycled posts need at least 10 text variations (spintax such as {Hi|Hello}); this text has 2',
			]);
		});
	});
});
