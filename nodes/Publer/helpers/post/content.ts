import type { IDataObject } from 'n8n-workflow';

import type { Provider } from '../../../shared/networks';
import { isGiven, toStringList } from '../../../shared/values';
import { withoutEmpty } from './json';
import type { MediaInput, PostInput } from './types';

/** One `media[]` entry as Publer takes it; a URL without an ID goes as Publer's `external` media. */
export function mediaItem(media: MediaInput): IDataObject {
	const type = (media.type || 'photo').toLowerCase();
	return withoutEmpty({
		id: media.id?.trim() || (media.path ? 'external' : undefined),
		type: type === 'image' ? 'photo' : type,
		path: media.path?.trim(),
		alt_text: media.altText,
		caption: media.caption,
		thumbnail: media.thumbnail?.trim(),
		name: media.name,
	});
}

/** The `type` to send when the user left Content Type on Automatic. */
function automaticType(media: IDataObject[], hasLink: boolean, hasPoll: boolean): string {
	if (hasPoll) return 'poll';
	if (media.length === 0) return hasLink ? 'link' : 'status';
	const kinds = media.map((item) => String(item.type));
	if (kinds.length === 1 && kinds[0] === 'gif') return 'gif';
	if (kinds.every((k) => k === 'video')) return 'video';
	return 'photo';
}

/**
 * Turns the user's content type into the documented encoding for one network: reels, shorts, stories and
 * documents are `type` video/photo plus `details.type` (§8.9, §8.15), as every documented example does.
 */
export function typeFor(provider: Provider | 'default', contentType: string, media: IDataObject[], hasLink: boolean, hasPoll: boolean): { type: string; detail?: string } {
	const requested = contentType === 'auto' || !contentType ? automaticType(media, hasLink, hasPoll) : contentType;
	const video = media.some((item) => item.type === 'video');
	if (provider === 'wordpress') return { type: 'article' };
	switch (requested) {
		case 'reel':
			if (provider === 'facebook' || provider === 'instagram') return { type: 'video', detail: 'reel' };
			if (provider === 'youtube') return { type: 'video', detail: 'short' };
			return { type: 'video' };
		case 'short':
			if (provider === 'youtube') return { type: 'video', detail: 'short' };
			if (provider === 'facebook' || provider === 'instagram') return { type: 'video', detail: 'reel' };
			return { type: 'video' };
		case 'story':
			return { type: video ? 'video' : 'photo', detail: 'story' };
		case 'document':
			if (provider === 'linkedin') return { type: 'photo', detail: 'document' };
			return { type: 'photo' };
		default:
			if (provider === 'youtube' && requested === 'video') return { type: 'video' };
			return { type: requested };
	}
}

/** Content Options → Link URL and its preview fields as Publer's `link` object; undefined without a Link URL. */
export function linkObject(content: IDataObject): IDataObject | undefined {
	const url = isGiven(content.linkUrl) ? String(content.linkUrl).trim() : '';
	if (!url) return undefined;
	return withoutEmpty({
		url,
		title: content.linkTitle as string,
		description: content.linkDescription as string,
		images: toStringList(content.linkImageUrls),
		call_to_action: content.linkCallToAction && content.linkCallToAction !== 'none' ? (content.linkCallToAction as string) : undefined,
	});
}

/** The content block every account gets before its network's overrides. */
export function baseBlock(provider: Provider | 'default', input: PostInput, media: IDataObject[]): IDataObject {
	const content = input.content;
	const pollOptions = toStringList(content.pollOptions);
	const hasPoll = input.contentType === 'poll' || (input.contentType === 'auto' && pollOptions.length > 0);
	const linkUrl = isGiven(content.linkUrl) ? String(content.linkUrl).trim() : '';
	const postType = typeFor(provider, input.contentType, media, !!linkUrl, hasPoll);
	const block: IDataObject = { type: postType.type };
	if (input.text !== '') block.text = input.text;
	if (media.length) block.media = media;
	if (linkUrl && postType.type === 'link') block.link = linkObject(content);
	if (isGiven(content.title)) block.title = String(content.title);
	if (postType.type === 'poll') {
		block.options = pollOptions;
		if (isGiven(content.pollDuration)) block.duration = Number(content.pollDuration);
		if (provider === 'linkedin' && isGiven(content.pollQuestion)) block.question = String(content.pollQuestion);
	}
	if (postType.detail) block.details = { type: postType.detail };
	if (provider === 'wordpress' || postType.type === 'article') {
		if (input.text && !block.content) block.content = [{ id: 'p1', type: 'paragraph', data: { text: input.text } }];
	}
	return block;
}
