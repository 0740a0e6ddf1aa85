import type { IDataObject } from 'n8n-workflow';
import twitterText from 'twitter-text';

import { accountKind, buildPost } from '../../../../../nodes/Publer/helpers/post';

type PostInput = Parameters<typeof buildPost>[0];
type AccountInfo = Parameters<typeof buildPost>[1] extends Map<string, infer A> ? A : never;

const NOW = Date.parse('2026-06-01T10:00:00Z');
const account = (id: string, provider: string, type: string, extra: Partial<AccountInfo> = {}): [string, AccountInfo] => [
	id,
	{ id, provider, name: `${id} name`, type, ...extra } as AccountInfo,
];
const ACCOUNTS = new Map<string, AccountInfo>([
	account('page-doc', 'facebook', 'page'),
	account('page-obs', 'facebook', 'fb_page'),
	account('group-doc', 'facebook', 'group'),
	account('group-obs', 'facebook', 'fb_group'),
	account('profile-obs', 'facebook', 'fb_profile'),
	account('ig', 'instagram', 'ig_business'),
	account('x', 'twitter', 'twitter'),
	account('bsky', 'bluesky', 'bluesky'),
	account('masto', 'mastodon', 'mastodon'),
	account('pin', 'pinterest', 'pin_personal'),
	account('locked', 'facebook', 'fb_page', { locked: true, name: 'Locked Page' }),
]);
function build(over: Partial<PostInput>) {
	return buildPost(
		{
			mode: 'schedule',
			accounts: [],
			text: '',
			contentType: 'auto',
			scheduledAt: '2026-06-02T09:00',
			media: [],
			content: {},
			overrides: {},
			accountSettings: [],
			extras: {},
			daysOfWeekIndexing: 'sunday0',
			timeZone: 'UTC',
			now: NOW,
			...over,
		},
		ACCOUNTS,
	);
}
const lines = (problems: Array<{ field: string; rule: string }>) => problems.map((p) => `${p.field}: ${p.rule}`);
const photo = { id: 'p1', type: 'photo' };

describe('account kinds: documented and observed types', () => {
	it.each([
		['facebook', 'page', 'page'],
		['facebook', 'fb_page', 'page'],
		['facebook', 'group', 'group'],
		['facebook', 'fb_group', 'group'],
		['facebook', 'fb_profile', 'profile'],
		['instagram', 'business', 'business'],
		['instagram', 'ig_business', 'business'],
		['linkedin', 'in_page', 'page'],
		['linkedin', 'in_profile', 'profile'],
		['pinterest', 'pin_business', 'business'],
		['pinterest', 'pin_personal', 'profile'],
		['mastodon', 'mastodon', 'profile'],
		['tiktok', 'tiktok', 'profile'],
		['youtube', 'youtube', 'channel'],
		['google', 'google', 'location'],
		['wordpress', 'wordpress_oauth', 'blog'],
		['telegram', 'telegram', 'channel'],
		['facebook', '', 'other'],
	])('%s %j is a %s', (provider, type, kind) => {
		expect(accountKind(provider, type)).toBe(kind);
	});

	it('Facebook stories and multi-link carousels: Pages in either vocabulary pass, groups and profiles are refused naming the account', () => {
		const story = { contentType: 'story', media: [photo] };
		expect(build({ accounts: ['page-doc', 'page-obs'], ...story }).problems).toEqual([]);
		expect(lines(build({ accounts: ['group-doc', 'group-obs', 'profile-obs'], ...story }).problems)).toEqual([
			'networks.facebook.details.type: Facebook stories can only be published on Pages; group-doc name is a Facebook group',
			'networks.facebook.details.type: Facebook stories can only be published on Pages; group-obs name is a Facebook group',
			'networks.facebook.details.type: Facebook stories can only be published on Pages; profile-obs name is a Facebook profile',
		]);
		const sublinks = JSON.stringify([1, 2].map((n) => ({ url: `https://e.x/${n}`, title: 't', description: 'd', images: ['https://e.x/i.jpg'] })));
		expect(build({ accounts: ['page-obs'], text: 't', overrides: { facebook: { sublinks } } }).problems).toEqual([]);
		expect(lines(build({ accounts: ['group-obs'], text: 't', overrides: { facebook: { sublinks } } }).problems)).toEqual([
			'networks.facebook.sublinks: multi-link carousels exist only on Facebook Pages; group-obs name is a Facebook group',
		]);
	});

	it('a locked account is fatal, named, and not sent', () => {
		const built = build({ accounts: ['locked', 'x'], text: 't' });
		expect(lines(built.fatal)).toEqual([
			'accounts: account "Locked Page" (locked) is locked in Publer, which refuses every post to it: unlock it in Publer (or upgrade the plan), or leave it out of Accounts',
		]);
		expect((built.post.accounts as IDataObject[]).map((a) => a.id)).toEqual(['x']);
	});
});

describe('notes: what is not sent is said', () => {
	it('Link URL on a photo post: not sent, and a note names the network', () => {
		const built = build({ accounts: ['page-obs', 'x'], text: 't', media: [photo], content: { linkUrl: 'https://e.x' } });
		expect(built.post.networks).toEqual({ facebook: { type: 'photo', text: 't', media: [photo] }, twitter: { type: 'photo', text: 't', media: [photo] } });
		expect(built.notes).toEqual([
			'Link URL not sent to Facebook: Publer takes a link only with link posts and this is a "photo" post (put the link in the text, or set Content Type to Link)',
			'Link URL not sent to X (Twitter): Publer takes a link only with link posts and this is a "photo" post (put the link in the text, or set Content Type to Link)',
		]);
	});
	it('a link post carries no note', () => {
		const built = build({ accounts: ['x'], text: 't', content: { linkUrl: 'https://e.x' } });
		expect(built.post.networks).toEqual({ twitter: { type: 'link', text: 't', link: { url: 'https://e.x' } } });
		expect(built.notes).toBeUndefined();
	});
	it('Album ID goes to Facebook and Pinterest only; the other accounts get a note', () => {
		const built = build({ accounts: ['page-obs', 'pin', 'x'], text: 't', media: [photo], extras: { albumId: '42' } });
		expect((built.post.accounts as IDataObject[]).map((a) => [a.id, a.album_id])).toEqual([
			['page-obs', '42'],
			['pin', '42'],
			['x', undefined],
		]);
		expect(built.notes).toEqual(['Album ID not sent to x name: X (Twitter) has no albums or boards']);
	});
});

describe('Fit Text in buildPost', () => {
	const caption = `${'Fresh bread every morning, baked with love and patience. '.repeat(10)}https://bakery.example.com/${'p'.repeat(150)} #bread #bakery`;
	it('off: nothing changes and validation refuses X and Bluesky', () => {
		const built = build({ accounts: ['x', 'bsky', 'masto', 'page-obs'], text: caption });
		expect(built.textFit).toBeUndefined();
		expect(built.problems.map((p) => p.field)).toEqual(['networks.twitter.text', 'networks.bluesky.text', 'networks.mastodon.text']);
	});
	it('on: each network over its limit is fitted (link kept at the end), the rest unchanged, and the targets carry the sent text', () => {
		const built = build({ accounts: ['x', 'bsky', 'masto', 'page-obs'], text: caption, fitText: true });
		expect(built.problems).toEqual([]);
		const networks = built.post.networks as Record<string, IDataObject>;
		for (const key of ['twitter', 'bluesky', 'mastodon']) {
			expect(String(networks[key].text).endsWith(`… https://bakery.example.com/${'p'.repeat(150)}`)).toBe(true);
			expect(built.textFit?.[key]?.shortened).toBe(true);
		}
		expect(twitterText.parseTweet(String(networks.twitter.text)).valid).toBe(true);
		expect(networks.facebook.text).toBe(caption);
		expect(built.textFit?.facebook).toEqual({ shortened: false, length: [...caption].length, limit: 10_000 });
		expect(built.targets.find((t) => t.accountId === 'x')?.text).toBe(networks.twitter.text);
	});
	it('X long posts are fitted to 25,000, not 280', () => {
		const built = build({ accounts: ['x'], text: caption, fitText: true, overrides: { twitter: { longPost: true } } });
		expect(built.textFit?.twitter).toMatchObject({ shortened: false, limit: 25_000 });
	});
});
