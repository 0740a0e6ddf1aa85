// Per-network rules of publer-api.md §9 and §10.2, in one table.

export type Provider =
	| 'facebook' | 'instagram' | 'twitter' | 'linkedin' | 'pinterest' | 'google' | 'youtube'
	| 'tiktok' | 'wordpress' | 'telegram' | 'mastodon' | 'threads' | 'bluesky';

export interface NetworkDef {
	label: string;
	/** keys accepted under `posts[].networks` for accounts of this provider */
	keys: string[];
	types: string[];
	textLimit: number; // characters; Infinity = none
	maxPhotos: number;
	photoMaxMB?: number;
	videoMaxMB?: number;
	gifMaxMB?: number;
	requiresMedia: boolean; // every post needs media (instagram, pinterest, tiktok, youtube)
	noMixing?: boolean; // photos and videos cannot be mixed
	noVideo?: boolean;
	poll?: { maxOptionChars: number; maxDays: number; question?: boolean };
	editableAfterPublish: boolean;
	noSignature?: boolean;
	noWatermark?: boolean;
	noRecycling?: boolean; // recycling and recurring
	spintaxForRecycling?: boolean;
	/** §10.2 daily caps: category → [free, professional, business] */
	caps: Record<string, [number, number, number]>;
}

export const PROVIDERS: Provider[] = [
	'facebook', 'instagram', 'twitter', 'linkedin', 'pinterest', 'google', 'youtube',
	'tiktok', 'wordpress', 'telegram', 'mastodon', 'threads', 'bluesky',
];

export const NETWORKS: Record<Provider, NetworkDef> = {
	facebook: {
		label: 'Facebook', keys: ['facebook'],
		types: ['status', 'photo', 'video', 'link', 'carousel', 'story', 'reel', 'gif'],
		textLimit: 10000, maxPhotos: Infinity, videoMaxMB: 2048, gifMaxMB: 4, requiresMedia: false,
		editableAfterPublish: true, caps: { posts: [12, 24, 36], stories: [12, 24, 36] },
	},
	instagram: {
		label: 'Instagram', keys: ['instagram'],
		types: ['photo', 'video', 'carousel', 'story', 'reel'],
		textLimit: 2200, maxPhotos: 10, photoMaxMB: 8, videoMaxMB: 1024, requiresMedia: true,
		editableAfterPublish: false, caps: { posts: [15, 20, 25], stories: [15, 20, 25] },
	},
	twitter: {
		label: 'Twitter', keys: ['twitter'],
		types: ['status', 'photo', 'video', 'link', 'gif', 'poll'],
		textLimit: 280, maxPhotos: 4, photoMaxMB: 5, videoMaxMB: 512, gifMaxMB: 15, requiresMedia: false,
		poll: { maxOptionChars: 25, maxDays: 7 }, editableAfterPublish: false, noSignature: true,
		caps: { posts: [25, 50, 100] },
	},
	linkedin: {
		label: 'LinkedIn', keys: ['linkedin'],
		types: ['status', 'photo', 'video', 'link', 'document', 'poll', 'gif'],
		textLimit: 3000, maxPhotos: 20, videoMaxMB: 2048, requiresMedia: false, noMixing: true,
		poll: { maxOptionChars: 30, maxDays: 14, question: true }, editableAfterPublish: true,
		caps: { profile: [10, 12, 14], page: [12, 18, 24] },
	},
	pinterest: {
		label: 'Pinterest', keys: ['pinterest'],
		types: ['photo', 'video', 'carousel'],
		textLimit: 500, maxPhotos: 5, videoMaxMB: 2048, requiresMedia: true, noMixing: true,
		editableAfterPublish: false, caps: { posts: [12, 24, 36] },
	},
	google: {
		label: 'Google Business', keys: ['google'],
		types: ['status', 'photo', 'event', 'offer'],
		textLimit: 1500, maxPhotos: 1, photoMaxMB: 5, requiresMedia: false, noVideo: true,
		editableAfterPublish: true, spintaxForRecycling: true, caps: { posts: [5, 10, 15] },
	},
	youtube: {
		label: 'YouTube', keys: ['youtube'],
		types: ['video', 'short'],
		textLimit: 5000, maxPhotos: 0, videoMaxMB: 2048, requiresMedia: true,
		editableAfterPublish: true, noRecycling: true, caps: { posts: [5, 10, 15] },
	},
	tiktok: {
		label: 'TikTok', keys: ['tiktok'],
		types: ['video', 'photo', 'carousel'],
		textLimit: 2200, maxPhotos: 35, videoMaxMB: 2048, requiresMedia: true, noMixing: true,
		editableAfterPublish: false, noWatermark: true, noRecycling: true, caps: { posts: [15, 20, 25] },
	},
	wordpress: {
		label: 'WordPress', keys: ['wordpress_oauth', 'wordpress_basic', 'wordpress'],
		types: ['article'],
		textLimit: Infinity, maxPhotos: Infinity, requiresMedia: false,
		editableAfterPublish: true, noRecycling: true, caps: { posts: [12, 18, 24] },
	},
	telegram: {
		label: 'Telegram', keys: ['telegram'],
		types: ['status', 'photo', 'video', 'link', 'gif'],
		textLimit: 4096, maxPhotos: 10, photoMaxMB: 10, videoMaxMB: 50, gifMaxMB: 50, requiresMedia: false,
		noMixing: true, editableAfterPublish: true, caps: { posts: [5, 10, 15] },
	},
	mastodon: {
		label: 'Mastodon', keys: ['mastodon'],
		types: ['status', 'photo', 'video', 'link', 'gif', 'poll'],
		textLimit: 500, maxPhotos: 4, photoMaxMB: 8, videoMaxMB: 40, gifMaxMB: 8, requiresMedia: false,
		poll: { maxOptionChars: 50, maxDays: 7 }, editableAfterPublish: true, caps: { posts: [25, 50, 100] },
	},
	threads: {
		label: 'Threads', keys: ['threads'],
		types: ['status', 'photo', 'video', 'link'],
		textLimit: 500, maxPhotos: 20, photoMaxMB: 8, videoMaxMB: 1024, requiresMedia: false, noMixing: true,
		editableAfterPublish: false, caps: { posts: [150, 200, 250] },
	},
	bluesky: {
		label: 'Bluesky', keys: ['bluesky'],
		types: ['status', 'photo', 'video', 'link'],
		textLimit: 300, maxPhotos: 4, videoMaxMB: 50, requiresMedia: false,
		editableAfterPublish: false, noSignature: true, caps: { posts: [25, 50, 100] },
	},
};

/**
 * Account types as live lists show them (§15, analytics-style tokens), by `provider:type` of the documented
 * vocabulary. Served with variants.accountTypes 'observed'.
 */
export const OBSERVED_ACCOUNT_TYPES: Record<string, string> = {
	'facebook:page': 'fb_page', 'facebook:group': 'fb_group', 'facebook:profile': 'fb_profile', 'instagram:business': 'ig_business',
	'twitter:profile': 'twitter', 'linkedin:page': 'in_page', 'linkedin:profile': 'in_profile', 'pinterest:business': 'pin_business',
	'pinterest:profile': 'pin_personal', 'youtube:channel': 'youtube', 'tiktok:profile': 'tiktok', 'google:location': 'google',
	'wordpress:blog': 'wordpress_oauth', 'telegram:channel': 'telegram', 'mastodon:profile': 'mastodon', 'threads:profile': 'threads',
	'bluesky:profile': 'bluesky',
};

export function accountTypeAs(account: { provider: string; type: string }, vocabulary: 'documented' | 'observed'): string {
	if (vocabulary === 'documented') return account.type;
	return OBSERVED_ACCOUNT_TYPES[`${account.provider}:${account.type}`] ?? account.type;
}

/** network key in a post body → provider */
export const KEY_TO_PROVIDER: Record<string, Provider> = {};
for (const p of PROVIDERS) for (const k of NETWORKS[p].keys) KEY_TO_PROVIDER[k] = p;

export const ALL_NETWORK_KEYS = [
	'facebook', 'instagram', 'twitter', 'linkedin', 'pinterest', 'google', 'youtube', 'tiktok',
	'wordpress_oauth', 'wordpress_basic', 'telegram', 'mastodon', 'threads', 'bluesky', 'default',
];

export const PLAN_INDEX: Record<string, number> = { free: 0, professional: 1, business: 2, enterprise: 2 };
export const PLAN_HORIZON_DAYS: Record<string, number> = { free: 7, professional: 366, business: 5 * 366, enterprise: 5 * 366 };

/** Cap category of a post on an account (§10.2). */
export function capCategory(provider: Provider, accountType: string, postType: string): string {
	if ((provider === 'facebook' || provider === 'instagram') && postType === 'story') return 'stories';
	if (provider === 'linkedin') return accountType === 'page' ? 'page' : 'profile';
	return 'posts';
}

/** The `postType` (GET /posts filter, §5.6) of a network block: `details.type` refines video/photo. */
export function postTypeOf(block: any): string {
	const t = String(block?.type ?? 'status');
	const d = block?.details?.type;
	if (d === 'reel' || d === 'story' || d === 'short' || d === 'document') return d;
	if (t === 'event' || t === 'offer') return Array.isArray(block?.media) && block.media.length ? 'photo' : 'status';
	if (t === 'image') return 'photo';
	return t;
}

/** Fake network URL of a published post. */
export function postLinkFor(provider: Provider, account: any, postId: string): string {
	const h = account.username ?? account.id;
	switch (provider) {
		case 'facebook': return `https://www.facebook.com/${h}/posts/${postId}`;
		case 'instagram': return `https://www.instagram.com/p/${postId.slice(-11)}/`;
		case 'twitter': return `https://x.com/${h}/status/${BigInt('0x' + postId.slice(-15)).toString()}`;
		case 'linkedin': return `https://www.linkedin.com/feed/update/urn:li:share:${BigInt('0x' + postId.slice(-13)).toString()}/`;
		case 'pinterest': return `https://www.pinterest.com/pin/${BigInt('0x' + postId.slice(-14)).toString()}/`;
		case 'google': return `https://business.google.com/posts/l/${postId}`;
		case 'youtube': return `https://www.youtube.com/watch?v=${postId.slice(-11)}`;
		case 'tiktok': return `https://www.tiktok.com/@${h}/video/${BigInt('0x' + postId.slice(-15)).toString()}`;
		case 'wordpress': return `https://${h}.wordpress.com/${postId}/`;
		case 'telegram': return `https://t.me/${h}/${parseInt(postId.slice(-5), 16)}`;
		case 'mastodon': return `https://mastodon.social/@${h}/${BigInt('0x' + postId.slice(-14)).toString()}`;
		case 'threads': return `https://www.threads.net/@${h}/post/${postId.slice(-11)}`;
		case 'bluesky': return `https://bsky.app/profile/${h}.bsky.social/post/${postId.slice(-13)}`;
	}
}
