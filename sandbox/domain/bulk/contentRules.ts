// Content rules of §9 for one network block on one account: post types, text length, media counts and sizes,
// links, carousels, polls and network specifics. Each returns the failure message Publer would give, or null.
import type { SandboxState } from '../store';
import type { Account } from '../seed';
import { NETWORKS, NetworkDef } from '../networks';
import twitterText from 'twitter-text';
import { charCount } from '../../util/text';
import { parseDateTime } from '../../util/time';
import { isObject } from './envelope';

/** photo, video, gif or document: from the item, else from the library record (`image` = photo). */
export function mediaKind(item: any, state: SandboxState): string {
	const libraryRecord = typeof item?.id === 'string' ? state.media.get(item.id) : undefined;
	const kind = item?.type ?? libraryRecord?.type ?? 'photo';
	return kind === 'image' ? 'photo' : kind;
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
function isAscii(text: string): boolean {
	for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
	return true;
}
function graphemeCount(text: string): number {
	// ASCII only: every unit is a cluster of its own except CR LF (UAX #29 GB3); Intl.Segmenter is ~100× slower.
	if (isAscii(text)) return text.length - (text.match(/\r\n/g)?.length ?? 0);
	let n = 0;
	for (const _segment of graphemes.segment(text)) n++;
	return n;
}

/**
 * Text length as each network counts it (publer-api.md §15, issue 13): X by weight (twitter-text itself: links
 * 23, emoji and CJK 2), Bluesky by graphemes, Mastodon by graphemes with every http(s) link 23; others code points.
 */
export function networkLength(provider: string, text: string): number {
	if (provider === 'twitter') return twitterText.parseTweet(text).weightedLength;
	if (provider === 'bluesky') return graphemeCount(text);
	if (provider === 'mastodon') {
		let rest = text;
		const urls = twitterText.extractUrlsWithIndices(text).filter((u) => /^https?:\/\//i.test(u.url));
		for (const u of [...urls].reverse()) rest = rest.slice(0, u.indices[0]) + rest.slice(u.indices[1]);
		// A remote mention counts as its local part (@user@server → @user).
		rest = rest.replace(/(?<![=/\p{L}\p{N}_])@([a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)@[\p{L}\p{N}_]+(?:[.-]+[\p{L}\p{N}_]+)*/giu, '@$1');
		return graphemeCount(rest) + 23 * urls.length;
	}
	return charCount(text);
}

/** Content rules of §9 for one network block on one account. Returns a failure message or null. */
export function contentProblem(block: any, acc: Account, state: SandboxState): string | null {
	const net: NetworkDef = NETWORKS[acc.provider];
	const label = net.label;
	const type = block.type === 'image' ? 'photo' : String(block.type);
	const dType = block.details?.type;
	const normalized = ['reel', 'short'].includes(type) ? 'video' : type === 'story' ? 'photo' : type === 'document' ? 'photo' : type;
	if (!net.types.includes(type)) return `${label} does not support ${type} posts (supported: ${net.types.join(', ')})`;
	if (dType === 'story' && !['facebook', 'instagram'].includes(acc.provider)) return `${label} does not support stories`;
	if (dType === 'reel' && !['facebook', 'instagram'].includes(acc.provider)) return `${label} does not support reels`;
	if (dType === 'short' && acc.provider !== 'youtube') return `${label} does not support shorts`;
	if (dType === 'document' && acc.provider !== 'linkedin') return `${label} does not support document posts`;
	if ((type === 'story' || dType === 'story') && acc.provider === 'facebook' && acc.type !== 'page') return 'Facebook stories can only be published on Pages';

	// text
	let text = typeof block.text === 'string' ? block.text : '';
	let limit = net.textLimit;
	if (acc.provider === 'twitter' && dType === 'long_post') {
		if (acc.premium) limit = 25000;
		else text = [...text].slice(0, 280).join(''); // non-Premium: truncated to 280 (§8.13)
	}
	const n = networkLength(acc.provider, text);
	if (n > limit) return `Text is ${n} characters; ${label} allows ${limit}`;

	// media
	const media: any[] = Array.isArray(block.media) ? block.media : [];
	for (const m of media) {
		if (!isObject(m)) return 'Each media item must be an object';
		const id = m.id;
		const external = typeof id === 'string' && /^external(-\d+)?$/.test(id);
		if (!external && typeof id === 'string' && !state.media.has(id) && !m.path && !m.url) {
			return `Media ${id} was not found in the media library`;
		}
		if (id === undefined && !m.path && !m.url) return 'Each media item needs an id or a path';
		const lib = typeof id === 'string' ? state.media.get(id) : undefined;
		if (lib && lib.workspace_id !== acc.workspace_id) return `Media ${id} was not found in the media library`;
		if (lib) {
			const mb = lib.bytes / 1048576;
			const kind = mediaKind(m, state);
			if (kind === 'photo' && net.photoMaxMB && mb > net.photoMaxMB) return `Photo ${lib.name} is ${mb.toFixed(1)} MB; ${label} allows ${net.photoMaxMB} MB`;
			if (kind === 'video' && net.videoMaxMB && mb > net.videoMaxMB) return `Video ${lib.name} is ${mb.toFixed(1)} MB; ${label} allows ${net.videoMaxMB} MB`;
			if (kind === 'gif' && net.gifMaxMB && mb > net.gifMaxMB) return `GIF ${lib.name} is ${mb.toFixed(1)} MB; ${label} allows ${net.gifMaxMB} MB`;
		}
	}
	const kinds = media.map((m) => mediaKind(m, state));
	const photos = kinds.filter((k) => k === 'photo').length;
	const videos = kinds.filter((k) => k === 'video').length;
	const gifs = kinds.filter((k) => k === 'gif').length;
	const docs = kinds.filter((k) => k === 'document').length;
	if (net.requiresMedia && media.length === 0 && !(acc.provider === 'wordpress')) {
		return `${label} posts need at least one ${acc.provider === 'youtube' ? 'video' : 'photo or video'}`;
	}
	if (net.noVideo && videos > 0) return `${label} posts cannot contain videos`;
	if (acc.provider === 'youtube' && videos !== 1) return 'YouTube posts need exactly one video';
	if (normalized === 'gif') {
		if (media.length !== 1 || (gifs !== 1 && kinds[0] !== 'photo')) return 'GIF posts take exactly one GIF';
	} else if (normalized === 'video') {
		if (videos !== 1 || media.length !== 1) return `${label} video posts need exactly one video`;
	} else if (normalized === 'photo' || normalized === 'carousel') {
		const multiLinkCarousel = type === 'carousel' && acc.provider === 'facebook' && Array.isArray(block.sublinks); // checked below
		if (!multiLinkCarousel && media.length === 0) {
			return `${label} ${type} posts need at least one ${type === 'story' || dType === 'story' ? 'photo or video' : 'photo'}`;
		}
		if (type === 'story' || dType === 'story') {
			if (media.length !== 1) return `${label} stories take exactly one photo or video`;
		} else if (dType === 'document' || type === 'document') {
			if (photos + docs > 100) return 'LinkedIn documents take at most 100 pages or photos';
		} else {
			if (videos > 0 && (net.noMixing || normalized === 'photo')) return `Photos and videos cannot be mixed in one ${label} post`;
			if (gifs > 0 && acc.provider !== 'linkedin' && photos > 0) return `Photos and GIFs cannot be mixed in one ${label} post`;
			if (photos + gifs > net.maxPhotos) return `${label} allows at most ${net.maxPhotos} photo${net.maxPhotos === 1 ? '' : 's'} per post; this post has ${photos + gifs}`;
		}
	} else if (media.length > 0 && normalized === 'status') {
		if (photos > net.maxPhotos) return `${label} allows at most ${net.maxPhotos} photos per post; this post has ${photos}`;
	}

	// link posts
	if (type === 'link' && !(isObject(block.link) && typeof block.link.url === 'string' && block.link.url)) return 'Link posts need link.url';

	// facebook multi-link carousel
	if (Array.isArray(block.sublinks)) {
		if (acc.provider !== 'facebook') return `${label} does not support multi-link carousels`;
		if (acc.type === 'profile') return 'Multi-link carousels are only available for Facebook Pages';
		if (block.sublinks.length > 10) return `Multi-link carousels take at most 10 links; this post has ${block.sublinks.length}`;
		if (block.sublinks.length < 2 && acc.type === 'page') return 'Multi-link carousels need at least 2 links';
		for (const s of block.sublinks) {
			if (!isObject(s) || !s.url || !s.title || !s.description || !Array.isArray(s.images) || !s.images.length) {
				return 'Each carousel link needs url, title, description and images';
			}
		}
	}

	// polls
	if (type === 'poll') {
		const p = net.poll!;
		const opts = block.options;
		if (!Array.isArray(opts) || opts.length < 2 || opts.length > 4) return 'Polls need 2 to 4 options';
		if (new Set(opts.map((o: any) => String(o).trim().toLowerCase())).size !== opts.length) return 'Poll options must be unique';
		const long = opts.find((o: any) => charCount(String(o)) > p.maxOptionChars);
		if (long !== undefined) return `Poll option "${long}" is longer than ${p.maxOptionChars} characters (${label})`;
		const d = Number(block.duration ?? 1);
		if (!Number.isInteger(d) || d < 1 || d > p.maxDays) return `${label} polls last 1 to ${p.maxDays} days`;
		if (p.question && !(typeof block.question === 'string' && block.question.trim())) return 'LinkedIn polls need a question';
	}

	// network specifics
	if (acc.provider === 'youtube') {
		if (!(typeof block.title === 'string' && block.title.trim())) return 'YouTube videos need a title';
		if (charCount(block.title) > 100) return `YouTube titles are limited to 100 characters; this one has ${charCount(block.title)}`;
	}
	if (acc.provider === 'facebook' && typeof block.title === 'string' && charCount(block.title) > 255) return 'Facebook video titles are limited to 255 characters';
	if (acc.provider === 'google') {
		const gt = type === 'event' || type === 'offer' ? type : dType;
		if (gt === 'event' || gt === 'offer') {
			const d = block.details ?? {};
			if (!d.title || !d.start || !d.end) return `Google Business ${gt}s need details.title, details.start and details.end`;
			if (Number.isNaN(parseDateTime(d.start)) || Number.isNaN(parseDateTime(d.end))) return `Google Business ${gt} start/end must be ISO 8601 datetimes`;
			if (parseDateTime(d.end) < parseDateTime(d.start)) return `Google Business ${gt} ends before it starts`;
		}
	}
	if (acc.provider === 'wordpress') {
		const hasContent = (Array.isArray(block.content) && block.content.length > 0) || (typeof block.text === 'string' && block.text.trim());
		if (!(typeof block.title === 'string' && block.title.trim()) || !hasContent) return 'WordPress articles need a title and content';
	}
	if (acc.provider === 'tiktok' && block.details?.privacy !== undefined &&
		!['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'FOLLOWER_OF_CREATOR', 'SELF_ONLY'].includes(block.details.privacy)) {
		return `TikTok privacy "${block.details.privacy}" is not valid`;
	}
	if (acc.provider === 'youtube' && block.details?.privacy !== undefined && !['public', 'unlisted', 'private'].includes(block.details.privacy)) {
		return `YouTube privacy "${block.details.privacy}" is not valid`;
	}
	if (block.text !== undefined && typeof block.text !== 'string') return 'text must be a string';
	if (normalized === 'status' && !text.trim() && media.length === 0 && acc.provider !== 'wordpress') return 'Text posts need text';
	return null;
}
