import type { IDataObject } from 'n8n-workflow';

import type { Provider } from '../../../shared/networks';
import { BLUESKY_MAX_BYTES, countFor, countingFor, isWithinLimit, limitFor, utf8Length } from '../../../shared/text';

/**
 * Per-network rules as documented (publer-api.md §9), used to validate a post before any request.
 * Where two doc pages disagree the more permissive value is used, so valid posts are never refused.
 */
export interface NetworkRule {
	label: string;
	/** Keys accepted under `posts[].networks` for accounts of this provider; the first is sent. */
	keys: string[];
	/** `type` values (§9.1, union of the newer and older tables, plus the documented `details.type` encodings). */
	types: string[];
	maxPhotos?: number;
	/** Every post needs media (Instagram, Pinterest, TikTok: photo or video; YouTube: a video). */
	requiresMedia?: 'any' | 'video';
	noVideo?: boolean;
	/** Photos and videos cannot be mixed (§9.3). */
	noMixing?: boolean;
	poll?: { maxOptionChars: number; maxDays: number };
	/** Signatures unavailable (§9.6; X only without Premium, which the node cannot know, so X is not listed). */
	noSignature?: boolean;
	noWatermark?: boolean;
	/** Recycling and recurring not available (§7.6, §9.6). */
	noRecycling?: boolean;
	/** Recycling/recurring need ≥10 spintax text variations (§7.6). */
	spintaxForRecycling?: boolean;
	/** `details.type` values the network accepts. */
	detailTypes?: string[];
}

export const NETWORK_RULES: Record<Provider, NetworkRule> = {
	bluesky: { label: 'Bluesky', keys: ['bluesky'], types: ['status', 'photo', 'video', 'link'], maxPhotos: 4, noSignature: true },
	facebook: {
		label: 'Facebook',
		keys: ['facebook'],
		types: ['status', 'photo', 'video', 'link', 'carousel', 'story', 'reel', 'gif'],
		detailTypes: ['reel', 'story'],
	},
	google: {
		label: 'Google Business',
		keys: ['google'],
		types: ['status', 'photo', 'event', 'offer'],
		maxPhotos: 1,
		noVideo: true,
		spintaxForRecycling: true,
		detailTypes: ['photo', 'event', 'offer'],
	},
	instagram: {
		label: 'Instagram',
		keys: ['instagram'],
		types: ['photo', 'video', 'carousel', 'story', 'reel'],
		maxPhotos: 10,
		requiresMedia: 'any',
		detailTypes: ['reel', 'story'],
	},
	linkedin: {
		label: 'LinkedIn',
		keys: ['linkedin'],
		types: ['status', 'photo', 'video', 'link', 'document', 'poll', 'gif'],
		maxPhotos: 20,
		noMixing: true,
		poll: { maxOptionChars: 30, maxDays: 14 },
		detailTypes: ['document'],
	},
	mastodon: {
		label: 'Mastodon',
		keys: ['mastodon'],
		types: ['status', 'photo', 'video', 'link', 'gif', 'poll'],
		maxPhotos: 4,
		poll: { maxOptionChars: 50, maxDays: 7 },
	},
	pinterest: {
		label: 'Pinterest',
		keys: ['pinterest'],
		types: ['photo', 'video', 'carousel'],
		maxPhotos: 5,
		requiresMedia: 'any',
		noMixing: true,
	},
	telegram: { label: 'Telegram', keys: ['telegram'], types: ['status', 'photo', 'video', 'link', 'gif'], maxPhotos: 10, noMixing: true },
	threads: { label: 'Threads', keys: ['threads'], types: ['status', 'photo', 'video', 'link'], maxPhotos: 20, noMixing: true },
	tiktok: {
		label: 'TikTok',
		keys: ['tiktok'],
		types: ['video', 'photo', 'carousel'],
		maxPhotos: 35,
		requiresMedia: 'any',
		noMixing: true,
		noWatermark: true,
		noRecycling: true,
	},
	twitter: {
		label: 'X (Twitter)',
		keys: ['twitter'],
		types: ['status', 'photo', 'video', 'link', 'gif', 'poll'],
		maxPhotos: 4,
		poll: { maxOptionChars: 25, maxDays: 7 },
		detailTypes: ['long_post'],
	},
	wordpress: { label: 'WordPress', keys: ['wordpress_oauth', 'wordpress_basic'], types: ['article'], noRecycling: true },
	youtube: {
		label: 'YouTube',
		keys: ['youtube'],
		types: ['video', 'short'],
		requiresMedia: 'video',
		noRecycling: true,
		detailTypes: ['short'],
	},
};

/** Long X posts (`details.type: "long_post"`, X Premium) may have 25,000 characters (§8.13). */
export const TWITTER_LONG_POST_LIMIT = 25_000;
/** Google Business offers: `details.type` event/offer carry these required fields (§8.8). */
const GOOGLE_EVENT_FIELDS = ['title', 'start', 'end'];

export interface RuleProblem {
	/** Parameter or body path the problem is about, e.g. `networks.instagram.media`. */
	field: string;
	/** What is wrong and what the rule is. */
	rule: string;
}

/** Characters as the networks count them (code points, not UTF-16 units). */
export function charCount(text: string): number {
	return [...text].length;
}

/** How a network's counter differs from counting characters, for the messages. */
const COUNTING_NOTE: Record<string, string> = {
	'x-weighted': 'counted as X counts: every link 23, emoji and CJK characters 2',
	graphemes: 'counted as Bluesky counts: graphemes, an emoji is 1',
	mastodon: 'counted as Mastodon counts: every link 23; servers that allow more need Validate Before Sending off',
	threads: 'counted as Threads counts: an emoji counts its UTF-8 bytes',
	utf16: 'counted in UTF-16 units as Telegram does: an emoji counts 2',
};

/** The rule a too-long text breaks: the limit, how the network counts, and this text's count. */
export function textLengthRule(provider: string, text: string, opts: { longPost?: boolean } = {}): string {
	const label = NETWORK_RULES[provider as Provider]?.label ?? provider;
	const limit = limitFor(provider, opts) ?? 0;
	const count = countFor(provider, text);
	if (provider === 'bluesky' && count <= limit && utf8Length(text) > BLUESKY_MAX_BYTES) {
		return `Bluesky allows ${BLUESKY_MAX_BYTES.toLocaleString('en-US')} bytes of text (UTF-8) besides its 300 characters; this text has ${utf8Length(text).toLocaleString('en-US')} bytes. Shorten it, or turn on Options → Fit Text to Each Network`;
	}
	const note = COUNTING_NOTE[countingFor(provider).method];
	return `${label} allows ${limit.toLocaleString('en-US')} characters${note ? ` (${note})` : ''}; this text has ${count.toLocaleString('en-US')}. Shorten it, or turn on Options → Fit Text to Each Network`;
}

/**
 * Account types come in two vocabularies: the documented `page`, `group`, `business`, `profile`, … and the
 * analytics-style tokens live lists show (`fb_page`, `fb_group`, `ig_business`, `in_page`, `pin_personal`,
 * `mastodon`, `tiktok`, …; publer-api.md §15). One kind for both, so every rule that depends on it accepts either.
 */
export type AccountKind = 'page' | 'group' | 'profile' | 'business' | 'channel' | 'location' | 'blog' | 'other';

const KIND_TOKENS: Record<string, AccountKind> = {
	page: 'page',
	group: 'group',
	profile: 'profile',
	personal: 'profile',
	business: 'business',
	channel: 'channel',
	location: 'location',
	blog: 'blog',
};

/** The account kind of a `GET /accounts` type in either vocabulary (`fb_page` → page, `pin_personal` → profile). */
export function accountKind(provider: string, type: string | undefined): AccountKind {
	const raw = String(type ?? '').trim().toLowerCase();
	if (KIND_TOKENS[raw]) return KIND_TOKENS[raw];
	// `fb_page`, `ig_business`, `in_profile`, `pin_business`, `wordpress_oauth`: the part after the network prefix.
	const suffix = raw.includes('_') ? raw.slice(raw.indexOf('_') + 1) : '';
	if (KIND_TOKENS[suffix]) return KIND_TOKENS[suffix];
	// A bare network name (`mastodon`, `tiktok`, `twitter`, …) is the network's only kind of account.
	switch (provider) {
		case 'instagram':
			return 'business';
		case 'youtube':
		case 'telegram':
			return 'channel';
		case 'google':
			return 'location';
		case 'wordpress':
			return 'blog';
		case 'facebook':
		case 'linkedin':
		case 'pinterest':
			return 'other';
		default:
			return 'profile';
	}
}

/** Number of text variations a spintax text produces: `{a|b} {c|d|e}` = 6. */
export function spintaxVariations(text: string): number {
	let total = 1;
	const re = /\{([^{}]*\|[^{}]*)\}/g;
	let m: RegExpExecArray | null;
	while ((m = re.exec(text)) !== null) total *= m[1].split('|').length;
	return total;
}

function mediaKinds(media: unknown): string[] {
	if (!Array.isArray(media)) return [];
	return media.map((m) => {
		const t = String((m as IDataObject)?.type ?? 'photo').toLowerCase();
		return t === 'image' ? 'photo' : t;
	});
}

/** The type as the tables name it, whichever documented encoding was used (`type` or `details.type`). */
export function effectiveType(block: IDataObject): string {
	const type = String(block.type ?? '');
	const detail = (block.details as IDataObject | undefined)?.type;
	if (typeof detail === 'string' && ['reel', 'story', 'short', 'document'].includes(detail)) return detail;
	return type;
}

/**
 * Checks one network block for accounts of a provider against §9. `path` prefixes the field names.
 */
export function checkNetworkBlock(provider: Provider, block: IDataObject, path: string): RuleProblem[] {
	const rule = NETWORK_RULES[provider];
	const problems: RuleProblem[] = [];
	const add = (field: string, text: string) => problems.push({ field: `${path}.${field}`, rule: text });
	const type = String(block.type ?? '');
	const details = (block.details as IDataObject | undefined) ?? {};
	const detailType = typeof details.type === 'string' ? details.type : undefined;
	const eff = effectiveType(block);

	const kinds = mediaKinds(block.media);
	const photos = kinds.filter((k) => k === 'photo').length;
	const videos = kinds.filter((k) => k === 'video').length;
	const gifs = kinds.filter((k) => k === 'gif').length;
	// The missing media is the cause when a media-only network gets a text post: report it first.
	if (rule.requiresMedia === 'any' && kinds.length === 0) add('media', `${rule.label} posts need at least one photo or video`);
	if (rule.requiresMedia === 'video' && videos !== 1) add('media', `${rule.label} posts need exactly one video (this post has ${videos})`);

	if (!type) add('type', `a post type is required for ${rule.label}`);
	else if (!rule.types.includes(type)) add('type', `${rule.label} does not support "${type}" posts (supported: ${rule.types.join(', ')})`);
	if (detailType && !(rule.detailTypes ?? []).includes(detailType)) {
		add('details.type', `${rule.label} does not support details.type "${detailType}"${rule.detailTypes ? ` (supported: ${rule.detailTypes.join(', ')})` : ''}`);
	}

	const text = typeof block.text === 'string' ? block.text : '';
	const longPost = provider === 'twitter' && detailType === 'long_post';
	if (!isWithinLimit(provider, text, { longPost })) add('text', textLengthRule(provider, text, { longPost }));

	if (rule.noVideo && videos > 0) add('media', `${rule.label} posts cannot contain videos`);
	if (rule.noMixing && videos > 0 && photos + gifs > 0) add('media', `${rule.label} does not allow photos and videos in one post`);
	if (eff === 'gif' && (kinds.length !== 1 || gifs + photos !== 1)) add('media', 'GIF posts take exactly one GIF');
	if (eff === 'document') {
		if (photos + kinds.filter((k) => k === 'document').length > 100) add('media', 'LinkedIn documents take at most 100 pages or photos');
		if (kinds.length === 0) add('media', 'document posts need a document (PDF, Word, PowerPoint) or photos');
	} else if (eff === 'story') {
		if (kinds.length !== 1) add('media', `${rule.label} stories take exactly one photo or video`);
	} else if (['video', 'reel', 'short'].includes(eff)) {
		if (videos !== 1 || kinds.length !== 1) add('media', `${rule.label} ${eff} posts need exactly one video`);
	} else if (['photo', 'carousel'].includes(eff)) {
		const multiLink = provider === 'facebook' && Array.isArray(block.sublinks);
		if (!multiLink && photos + gifs === 0) add('media', `${rule.label} ${eff} posts need at least one photo`);
	}
	if (rule.maxPhotos !== undefined && eff !== 'document' && photos + gifs > rule.maxPhotos) {
		add('media', `${rule.label} allows at most ${rule.maxPhotos} photo${rule.maxPhotos === 1 ? '' : 's'} per post; this post has ${photos + gifs}`);
	}

	if (type === 'link') {
		const link = block.link as IDataObject | undefined;
		if (!link || typeof link.url !== 'string' || !link.url.trim()) add('link.url', 'link posts need a link URL');
	}

	if (block.sublinks !== undefined) {
		const sublinks = block.sublinks;
		if (provider !== 'facebook') add('sublinks', 'multi-link carousels exist only on Facebook Pages');
		else if (!Array.isArray(sublinks)) add('sublinks', 'sublinks must be a list of links');
		else {
			if (sublinks.length > 10) add('sublinks', `multi-link carousels take at most 10 links; this post has ${sublinks.length}`);
			sublinks.forEach((s, i) => {
				const o = (s ?? {}) as IDataObject;
				for (const f of ['url', 'title', 'description']) {
					if (typeof o[f] !== 'string' || !(o[f] as string).trim()) add(`sublinks[${i}].${f}`, `each carousel link needs ${f}`);
				}
				if (!Array.isArray(o.images) || o.images.length === 0) add(`sublinks[${i}].images`, 'each carousel link needs at least one image URL');
			});
		}
	}

	if (type === 'poll') {
		const poll = rule.poll;
		const options = Array.isArray(block.options) ? block.options.map((o) => String(o)) : [];
		if (!poll) add('type', `${rule.label} has no polls`);
		else {
			if (options.length < 2 || options.length > 4) add('options', `polls need 2 to 4 options; this poll has ${options.length}`);
			if (new Set(options.map((o) => o.trim().toLowerCase())).size !== options.length) add('options', 'poll options must be unique');
			const long = options.find((o) => charCount(o) > poll.maxOptionChars);
			if (long !== undefined) add('options', `${rule.label} poll options have at most ${poll.maxOptionChars} characters ("${long}" has ${charCount(long)})`);
			const duration = Number(block.duration);
			if (block.duration === undefined || !Number.isInteger(duration) || duration < 1) add('duration', 'polls need a duration in whole days (1 or more)');
			else if (duration > poll.maxDays) add('duration', `${rule.label} polls last at most ${poll.maxDays} days`);
		}
	}

	if (provider === 'google' && (detailType === 'event' || detailType === 'offer' || type === 'event' || type === 'offer')) {
		for (const f of GOOGLE_EVENT_FIELDS) {
			if (typeof details[f] !== 'string' || !(details[f] as string).trim()) add(`details.${f}`, `Google Business ${detailType ?? type} posts need details.${f}`);
		}
	}
	if (provider === 'wordpress') {
		const hasContent = (Array.isArray(block.content) && block.content.length > 0) || text.trim() !== '';
		if (typeof block.title !== 'string' || !block.title.trim()) add('title', 'WordPress articles need a title');
		if (!hasContent) add('content', 'WordPress articles need content (text or content blocks)');
	}
	if (provider === 'youtube') {
		if (typeof block.title !== 'string' || !block.title.trim()) add('title', 'YouTube videos need a title (Content Options → Title, or the YouTube override)');
		else if (charCount(block.title) > 100) add('title', 'YouTube titles have at most 100 characters');
	}
	if (provider === 'linkedin' && type === 'poll' && !(typeof block.question === 'string' && block.question.trim())) {
		add('question', 'LinkedIn polls need a question (Poll Question) besides the text');
	}
	if (provider === 'facebook' && eff === 'video' && typeof block.title === 'string' && charCount(block.title) > 255) {
		add('title', 'Facebook video titles have at most 255 characters');
	}
	if (type === 'status' && !text.trim() && kinds.length === 0 && !details.text_format_preset_id) add('text', 'text posts need text');
	return problems;
}

/**
 * Rules that depend on the kind of account (publer-api.md §8.6, §8.9, §9.6), whichever vocabulary Publer used
 * for its type: Facebook stories and multi-link carousels are for Pages only.
 */
export function checkAccountBlock(account: { name: string; provider: string; type?: string }, block: IDataObject, path: string): RuleProblem[] {
	const problems: RuleProblem[] = [];
	if (account.provider !== 'facebook') return problems;
	const kind = accountKind(account.provider, account.type);
	if (kind !== 'group' && kind !== 'profile') return problems;
	const where = `${account.name} is a Facebook ${kind}`;
	if (effectiveType(block) === 'story') problems.push({ field: `${path}.details.type`, rule: `Facebook stories can only be published on Pages; ${where}` });
	if (block.sublinks !== undefined) problems.push({ field: `${path}.sublinks`, rule: `multi-link carousels exist only on Facebook Pages; ${where}` });
	return problems;
}
