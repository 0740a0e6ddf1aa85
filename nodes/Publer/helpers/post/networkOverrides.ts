import type { IDataObject } from 'n8n-workflow';

import { parseDateTime } from '../../../shared/dates';
import type { Provider } from '../../../shared/networks';
import { isGiven, toStringList } from '../../../shared/values';
import { linkObject, typeFor } from './content';
import { parseJsonArray, parseJsonObject, withoutEmpty } from './json';
import type { RuleProblem } from './rules';
import type { PostInput } from './types';

/** Per-network override values → fields of that network's block (publer-api.md §6.3, §8). */
export function applyOverride(
	provider: Provider,
	block: IDataObject,
	override: IDataObject,
	path: string,
	input: PostInput,
	fatal: RuleProblem[],
): IDataObject {
	const out: IDataObject = { ...block };
	const details: IDataObject = { ...((block.details as IDataObject) ?? {}) };
	let mediaChanged = false;
	if (isGiven(override.media)) {
		const media = parseJsonArray(override.media, `${path}.media`, fatal);
		if (media) {
			out.media = media.map((item) => (typeof item === 'string' ? { id: item, type: 'photo' } : item));
			mediaChanged = true;
		}
	}
	if (isGiven(override.text)) out.text = String(override.text);
	if (isGiven(override.title)) out.title = String(override.title);
	// The type follows this network's own media: the override's Type, or (new media) the post's Content Type
	// worked out again for them, so a story whose override media is a video is a video story.
	const requested = isGiven(override.type) ? String(override.type) : mediaChanged ? input.contentType || 'auto' : undefined;
	if (requested) {
		const postType = typeFor(provider, requested, (out.media as IDataObject[]) ?? [], !!out.link || isGiven(input.content.linkUrl), Array.isArray(out.options));
		out.type = postType.type;
		if (postType.detail) details.type = postType.detail;
		else if (['reel', 'short', 'story', 'document'].includes(String(details.type))) delete details.type;
	}
	// A link post takes the Link URL of Content Options when the base block (a photo post there) had none.
	if (out.type === 'link' && !out.link) {
		const link = linkObject(input.content);
		if (link) out.link = link;
	}
	if (isGiven(override.linkUrl)) out.link = { ...((out.link as IDataObject) ?? {}), url: String(override.linkUrl) };
	if (isGiven(override.pollOptions)) out.options = toStringList(override.pollOptions);
	if (isGiven(override.pollDuration)) out.duration = Number(override.pollDuration);
	switch (provider) {
		case 'facebook':
			if (isGiven(override.textBackgroundPresetId)) details.text_format_preset_id = String(override.textBackgroundPresetId);
			if (isGiven(override.sublinks)) {
				const sublinks = parseJsonArray(override.sublinks, `${path}.sublinks`, fatal);
				if (sublinks) {
					out.sublinks = sublinks;
					if (!isGiven(override.type)) out.type = 'carousel';
				}
			}
			break;
		case 'instagram':
			if (override.reelFeed !== undefined) details.feed = !!override.reelFeed;
			if (isGiven(override.reelAudio)) details.audio = String(override.reelAudio);
			if (isGiven(override.trialReel) && override.trialReel !== 'none') details.trial_reel = String(override.trialReel);
			break;
		case 'twitter':
			if (override.longPost === true) details.type = 'long_post';
			if (isGiven(override.communityId)) details.community = withoutEmpty({ id: String(override.communityId), name: override.communityName as string });
			break;
		case 'linkedin':
			if (isGiven(override.pollQuestion)) out.question = String(override.pollQuestion);
			if (isGiven(override.documentTitle)) {
				// The document carousel's title: Publer shows the block title; the OpenAPI schema also names `document.title` (§8.16).
				out.title = String(override.documentTitle);
				out.document = { title: String(override.documentTitle) };
			}
			break;
		case 'pinterest':
			if (isGiven(override.destinationUrl)) out.url = String(override.destinationUrl);
			break;
		case 'google': {
			if (isGiven(override.ctaButton) && override.ctaButton !== 'none') out.title = String(override.ctaButton);
			if (isGiven(override.ctaUrl)) out.url = String(override.ctaUrl);
			const googleType = String(override.googleType ?? '');
			if (googleType === 'photo' || googleType === 'event' || googleType === 'offer') {
				details.type = googleType;
				if (googleType === 'event' || googleType === 'offer') {
					if (isGiven(override.eventTitle)) details.title = String(override.eventTitle);
					for (const [field, key] of [
						['eventStart', 'start'],
						['eventEnd', 'end'],
					] as const) {
						if (!isGiven(override[field])) continue;
						const parsed = parseDateTime(override[field], input.timeZone);
						if (!parsed) fatal.push({ field: `${path}.${field}`, rule: `"${String(override[field])}" is not a date and time` });
						else details[key] = parsed.iso;
					}
				}
				if (googleType === 'offer') {
					if (isGiven(override.offerCoupon)) details.coupon = String(override.offerCoupon);
					if (isGiven(override.offerTerms)) details.terms = String(override.offerTerms);
				}
				if ((out.media as IDataObject[] | undefined)?.length) out.type = 'photo';
				else if (googleType !== 'photo') out.type = googleType;
			}
			break;
		}
		case 'youtube':
			if (isGiven(override.privacy)) details.privacy = String(override.privacy);
			break;
		case 'tiktok':
			if (isGiven(override.privacy)) details.privacy = String(override.privacy);
			for (const [field, key] of [
				['allowComments', 'comment'],
				['allowDuet', 'duet'],
				['allowStitch', 'stitch'],
				['promotional', 'promotional'],
				['paidPartnership', 'paid'],
				['autoAddMusic', 'auto_add_music'],
				['reminder', 'reminder'],
			] as const) {
				if (override[field] !== undefined) details[key] = !!override[field];
			}
			break;
		case 'wordpress': {
			if (isGiven(override.excerpt)) out.excerpt = String(override.excerpt);
			if (isGiven(override.slug)) out.url = String(override.slug);
			if (isGiven(override.categories)) out.categories = toStringList(override.categories);
			if (isGiven(override.tags)) out.tags = toStringList(override.tags);
			if (isGiven(override.featuredImageUrl)) out.featured_media = { path: String(override.featuredImageUrl) };
			if (isGiven(override.contentBlocks)) {
				const blocks = parseJsonArray(override.contentBlocks, `${path}.contentBlocks`, fatal);
				if (blocks) out.content = blocks;
			}
			break;
		}
		default:
			break;
	}
	if (isGiven(override.details)) {
		const extra = parseJsonObject(override.details, `${path}.details`, fatal);
		if (extra) Object.assign(details, extra);
	}
	if (Object.keys(details).length) out.details = details;
	else delete out.details;
	if (isGiven(override.extraFields)) {
		const extra = parseJsonObject(override.extraFields, `${path}.extraFields`, fatal);
		if (extra) Object.assign(out, extra);
	}
	return out;
}
