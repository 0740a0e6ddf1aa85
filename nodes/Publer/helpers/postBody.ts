import type { IDataObject } from 'n8n-workflow';

import { dateInZone, isGiven, parseDate, parseDateTime, type ParsedDateTime } from './dates';
import { checkNetworkBlock, NETWORK_RULES, spintaxVariations, type RuleProblem } from './networkRules';
import type { Provider } from './networks';

/** Publishing methods of Post → Create (publer-api.md §7). */
export type PostMode = 'publishNow' | 'schedule' | 'draft' | 'idea' | 'auto' | 'recurring' | 'recycling';

export const PUBLISH_ENDPOINT = '/posts/schedule/publish';
export const SCHEDULE_ENDPOINT = '/posts/schedule';
/** Publer's documented minimum lead time for `scheduled_at` (§3.2). */
export const MIN_LEAD_MS = 60_000;

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * `recurring.days_of_week` indexing. The recurring-posts page's "every Monday" example sends `[1]`
 * (0 = Sunday, as JavaScript's getDay()); the OpenAPI text says 0 = Monday … 6 = Sunday (§7.7, §13.7).
 * The user picks weekday names; this converts them.
 */
export type DaysOfWeekIndexing = 'sunday0' | 'monday0';

export function weekdayIndex(day: string, indexing: DaysOfWeekIndexing): number | undefined {
	const i = WEEKDAYS.indexOf(day.trim().toLowerCase() as Weekday);
	if (i < 0) {
		// Accept numbers too (already in the chosen convention).
		const n = Number(day);
		return Number.isInteger(n) && n >= 0 && n <= 6 && day.trim() !== '' ? n : undefined;
	}
	return indexing === 'sunday0' ? i : (i + 6) % 7;
}

export interface AccountInfo {
	id: string;
	provider: Provider;
	name: string;
	type?: string;
}

export interface MediaInput {
	id?: string;
	type?: string;
	path?: string;
	altText?: string;
	caption?: string;
	thumbnail?: string;
	name?: string;
}

export interface AccountSetting {
	account?: string;
	scheduledAt?: unknown;
	albumId?: string;
	signature?: string;
}

export interface PostInput {
	mode: PostMode;
	draftState?: string;
	ideaVisibility?: string;
	accounts: string[];
	text: string;
	contentType: string;
	scheduledAt?: unknown;
	autoStart?: unknown;
	autoEnd?: unknown;
	shareNext?: boolean;
	recurringStart?: unknown;
	recurringEnd?: unknown;
	repeat?: string;
	repeatRate?: number;
	daysOfWeek?: string[];
	recyclingGap?: number;
	recyclingGapFreq?: string;
	recyclingStartDate?: unknown;
	recyclingExpireBy?: string;
	recyclingExpireCount?: number;
	recyclingExpireDate?: unknown;
	recyclingSolo?: boolean;
	media: MediaInput[];
	content: IDataObject;
	overrides: Record<string, IDataObject>;
	accountSettings: AccountSetting[];
	extras: IDataObject;
	daysOfWeekIndexing: DaysOfWeekIndexing;
	timeZone: string;
	now: number;
}

/** One (post × account) the request creates, with what is needed to find the post again. */
export interface PostTarget {
	accountId: string;
	provider: Provider | null;
	accountName: string | null;
	networkKey: string;
	/** Text as sent for this account's network. */
	text: string;
	/** Exact instant sent as `scheduled_at` (or recurring start), if any. */
	scheduledAt?: string;
	scheduledAtMs?: number;
	/** The window Publer may pick the time in (auto-scheduling, publish now), epoch ms. */
	windowFrom?: number;
	windowTo?: number;
}

export interface BuiltPost {
	endpoint: string;
	state: string;
	post: IDataObject;
	targets: PostTarget[];
	/** Problems that stop the body from being built at all (always reported). */
	fatal: RuleProblem[];
	/** Rule violations from §9 and the time rules (reported when validation is on). */
	problems: RuleProblem[];
}

const DAY_MS = 86_400_000;

function clean(obj: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const [k, v] of Object.entries(obj)) {
		if (v === undefined || v === null || v === '') continue;
		if (Array.isArray(v) && v.length === 0) continue;
		if (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as IDataObject).length === 0) continue;
		out[k] = v;
	}
	return out;
}

function list(value: unknown): string[] {
	if (value === undefined || value === null || value === '') return [];
	const arr = Array.isArray(value) ? value : String(value).split(',');
	return arr.map((v) => String(v ?? '').trim()).filter((v) => v !== '');
}

/** Parses a JSON parameter that may already be an object/array (n8n json type or expression). */
export function jsonParam(value: unknown, field: string, problems: RuleProblem[]): unknown {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value !== 'string') return value;
	try {
		return JSON.parse(value);
	} catch (error) {
		problems.push({ field, rule: `must be valid JSON (${(error as Error).message})` });
		return undefined;
	}
}

function mediaItem(m: MediaInput): IDataObject {
	const type = (m.type || 'photo').toLowerCase();
	return clean({
		id: m.id?.trim() || (m.path ? 'external' : undefined),
		type: type === 'image' ? 'photo' : type,
		path: m.path?.trim(),
		alt_text: m.altText,
		caption: m.caption,
		thumbnail: m.thumbnail?.trim(),
		name: m.name,
	});
}

/** The `type` to send when the user left Content Type on Automatic. */
function automaticType(media: IDataObject[], hasLink: boolean, hasPoll: boolean): string {
	if (hasPoll) return 'poll';
	if (media.length === 0) return hasLink ? 'link' : 'status';
	const kinds = media.map((m) => String(m.type));
	if (kinds.length === 1 && kinds[0] === 'gif') return 'gif';
	if (kinds.every((k) => k === 'video')) return 'video';
	return 'photo';
}

/**
 * Turns the user's content type into the documented encoding for one network: reels, shorts, stories and
 * documents are `type` video/photo plus `details.type` (§8.9, §8.15), as every documented example does.
 */
function typeFor(provider: Provider | 'default', contentType: string, media: IDataObject[], hasLink: boolean, hasPoll: boolean): { type: string; detail?: string } {
	const ct = contentType === 'auto' || !contentType ? automaticType(media, hasLink, hasPoll) : contentType;
	const video = media.some((m) => m.type === 'video');
	if (provider === 'wordpress') return { type: 'article' };
	switch (ct) {
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
			if (provider === 'youtube' && ct === 'video') return { type: 'video' };
			return { type: ct };
	}
}

function parseJsonObject(value: unknown, field: string, problems: RuleProblem[]): IDataObject | undefined {
	const parsed = jsonParam(value, field, problems);
	if (parsed === undefined) return undefined;
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		problems.push({ field, rule: 'must be a JSON object' });
		return undefined;
	}
	return parsed as IDataObject;
}

function parseJsonArray(value: unknown, field: string, problems: RuleProblem[]): IDataObject[] | undefined {
	const parsed = jsonParam(value, field, problems);
	if (parsed === undefined) return undefined;
	if (!Array.isArray(parsed)) {
		problems.push({ field, rule: 'must be a JSON array' });
		return undefined;
	}
	return parsed as IDataObject[];
}

/** Per-network override values → fields of that network's block (publer-api.md §6.3, §8). */
function applyOverride(
	provider: Provider,
	block: IDataObject,
	override: IDataObject,
	path: string,
	input: PostInput,
	fatal: RuleProblem[],
): IDataObject {
	const out: IDataObject = { ...block };
	const details: IDataObject = { ...((block.details as IDataObject) ?? {}) };
	const o = override;
	if (isGiven(o.type)) {
		const t = typeFor(provider, String(o.type), (out.media as IDataObject[]) ?? [], !!out.link, Array.isArray(out.options));
		out.type = t.type;
		if (t.detail) details.type = t.detail;
		else if (['reel', 'short', 'story', 'document'].includes(String(details.type))) delete details.type;
	}
	if (isGiven(o.text)) out.text = String(o.text);
	if (isGiven(o.title)) out.title = String(o.title);
	if (isGiven(o.media)) {
		const media = parseJsonArray(o.media, `${path}.media`, fatal);
		if (media) {
			out.media = media.map((m) => (typeof m === 'string' ? { id: m, type: 'photo' } : m));
			if (!isGiven(o.type) && (input.contentType === 'auto' || !input.contentType)) {
				// New media, automatic type: pick the type from this network's media.
				const t = typeFor(provider, 'auto', out.media as IDataObject[], !!out.link, Array.isArray(out.options));
				out.type = t.type;
			}
		}
	}
	if (isGiven(o.linkUrl)) out.link = { ...((out.link as IDataObject) ?? {}), url: String(o.linkUrl) };
	if (isGiven(o.pollOptions)) out.options = list(o.pollOptions);
	if (isGiven(o.pollDuration)) out.duration = Number(o.pollDuration);
	switch (provider) {
		case 'facebook':
			if (isGiven(o.textBackgroundPresetId)) details.text_format_preset_id = String(o.textBackgroundPresetId);
			if (isGiven(o.sublinks)) {
				const sublinks = parseJsonArray(o.sublinks, `${path}.sublinks`, fatal);
				if (sublinks) {
					out.sublinks = sublinks;
					if (!isGiven(o.type)) out.type = 'carousel';
				}
			}
			break;
		case 'instagram':
			if (o.reelFeed !== undefined) details.feed = !!o.reelFeed;
			if (isGiven(o.reelAudio)) details.audio = String(o.reelAudio);
			if (isGiven(o.trialReel) && o.trialReel !== 'none') details.trial_reel = String(o.trialReel);
			break;
		case 'twitter':
			if (o.longPost === true) details.type = 'long_post';
			if (isGiven(o.communityId)) details.community = clean({ id: String(o.communityId), name: o.communityName as string });
			break;
		case 'linkedin':
			if (isGiven(o.pollQuestion)) out.question = String(o.pollQuestion);
			if (isGiven(o.documentTitle)) {
				// The document carousel's title: Publer shows the block title; the OpenAPI schema also names `document.title` (§8.16).
				out.title = String(o.documentTitle);
				out.document = { title: String(o.documentTitle) };
			}
			break;
		case 'pinterest':
			if (isGiven(o.destinationUrl)) out.url = String(o.destinationUrl);
			break;
		case 'google': {
			if (isGiven(o.ctaButton) && o.ctaButton !== 'none') out.title = String(o.ctaButton);
			if (isGiven(o.ctaUrl)) out.url = String(o.ctaUrl);
			const gType = String(o.googleType ?? '');
			if (gType === 'photo' || gType === 'event' || gType === 'offer') {
				details.type = gType;
				if (gType === 'event' || gType === 'offer') {
					if (isGiven(o.eventTitle)) details.title = String(o.eventTitle);
					for (const [field, key] of [
						['eventStart', 'start'],
						['eventEnd', 'end'],
					] as const) {
						if (!isGiven(o[field])) continue;
						const parsed = parseDateTime(o[field], input.timeZone);
						if (!parsed) fatal.push({ field: `${path}.${field}`, rule: `"${String(o[field])}" is not a date and time` });
						else details[key] = parsed.iso;
					}
				}
				if (gType === 'offer') {
					if (isGiven(o.offerCoupon)) details.coupon = String(o.offerCoupon);
					if (isGiven(o.offerTerms)) details.terms = String(o.offerTerms);
				}
				if ((out.media as IDataObject[] | undefined)?.length) out.type = 'photo';
				else if (gType !== 'photo') out.type = gType;
			}
			break;
		}
		case 'youtube':
			if (isGiven(o.privacy)) details.privacy = String(o.privacy);
			break;
		case 'tiktok':
			if (isGiven(o.privacy)) details.privacy = String(o.privacy);
			for (const [field, key] of [
				['allowComments', 'comment'],
				['allowDuet', 'duet'],
				['allowStitch', 'stitch'],
				['promotional', 'promotional'],
				['paidPartnership', 'paid'],
				['autoAddMusic', 'auto_add_music'],
				['reminder', 'reminder'],
			] as const) {
				if (o[field] !== undefined) details[key] = !!o[field];
			}
			break;
		case 'wordpress': {
			if (isGiven(o.excerpt)) out.excerpt = String(o.excerpt);
			if (isGiven(o.slug)) out.url = String(o.slug);
			if (isGiven(o.categories)) out.categories = list(o.categories);
			if (isGiven(o.tags)) out.tags = list(o.tags);
			if (isGiven(o.featuredImageUrl)) out.featured_media = { path: String(o.featuredImageUrl) };
			if (isGiven(o.contentBlocks)) {
				const blocks = parseJsonArray(o.contentBlocks, `${path}.contentBlocks`, fatal);
				if (blocks) out.content = blocks;
			}
			break;
		}
		default:
			break;
	}
	if (isGiven(o.details)) {
		const extra = parseJsonObject(o.details, `${path}.details`, fatal);
		if (extra) Object.assign(details, extra);
	}
	if (Object.keys(details).length) out.details = details;
	else delete out.details;
	if (isGiven(o.extraFields)) {
		const extra = parseJsonObject(o.extraFields, `${path}.extraFields`, fatal);
		if (extra) Object.assign(out, extra);
	}
	return out;
}

/** The content block every account gets before its network's overrides. */
function baseBlock(provider: Provider | 'default', input: PostInput, media: IDataObject[], fatal: RuleProblem[]): IDataObject {
	const c = input.content;
	const pollOptions = list(c.pollOptions);
	const hasPoll = input.contentType === 'poll' || (input.contentType === 'auto' && pollOptions.length > 0);
	const linkUrl = isGiven(c.linkUrl) ? String(c.linkUrl).trim() : '';
	const t = typeFor(provider, input.contentType, media, !!linkUrl, hasPoll);
	const block: IDataObject = { type: t.type };
	if (input.text !== '') block.text = input.text;
	if (media.length) block.media = media;
	if (linkUrl && (t.type === 'link' || provider !== 'default')) {
		block.link = clean({
			url: linkUrl,
			title: c.linkTitle as string,
			description: c.linkDescription as string,
			images: list(c.linkImageUrls),
			call_to_action: c.linkCallToAction && c.linkCallToAction !== 'none' ? (c.linkCallToAction as string) : undefined,
		});
		if (t.type !== 'link') delete block.link;
	}
	if (isGiven(c.title)) block.title = String(c.title);
	if (t.type === 'poll') {
		block.options = pollOptions;
		if (isGiven(c.pollDuration)) block.duration = Number(c.pollDuration);
		if (provider === 'linkedin' && isGiven(c.pollQuestion)) block.question = String(c.pollQuestion);
	}
	if (t.detail) block.details = { type: t.detail };
	if (provider === 'wordpress' || t.type === 'article') {
		if (input.text && !block.content) block.content = [{ id: 'p1', type: 'paragraph', data: { text: input.text } }];
	}
	void fatal;
	return block;
}

function durationObject(value: unknown, unit: unknown): IDataObject | undefined {
	const n = Number(value);
	if (!isGiven(value) || !Number.isFinite(n) || n <= 0) return undefined;
	return { duration: n, unit: String(unit || 'Minute') };
}

/** Account-level callbacks and extras (§6.6–6.8), the same for every account unless overridden. */
function accountExtras(input: PostInput, provider: Provider | null, fatal: RuleProblem[], problems: RuleProblem[]): IDataObject {
	const e = input.extras;
	const out: IDataObject = {};
	if (isGiven(e.signature)) {
		out.signature = String(e.signature).trim();
		if (provider && NETWORK_RULES[provider].noSignature) {
			problems.push({ field: 'extras.signature', rule: `${NETWORK_RULES[provider].label} does not support signatures` });
		}
	}
	if (isGiven(e.watermark)) {
		const raw = e.watermark;
		let wm: unknown = raw;
		if (typeof raw === 'string' && raw.trim().startsWith('{')) wm = jsonParam(raw, 'extras.watermark', fatal);
		// Publer documents the full watermark object from media_options; an ID alone is sent as {id}.
		out.watermark = typeof wm === 'string' ? { id: wm.trim() } : (wm as IDataObject);
		if (provider && NETWORK_RULES[provider].noWatermark) {
			problems.push({ field: 'extras.watermark', rule: `${NETWORK_RULES[provider].label} does not support watermarks` });
		}
	}
	if (isGiven(e.albumId) && (provider === 'facebook' || provider === 'pinterest')) out.album_id = String(e.albumId).trim();
	const labels = list(e.labels);
	if (labels.length) out.labels = labels;

	const comments: IDataObject[] = [];
	if (isGiven(e.firstComment)) {
		comments.push({ text: String(e.firstComment), delay: durationObject(e.firstCommentDelay ?? 1, 'Minute') ?? { duration: 1, unit: 'Minute' } });
	}
	const followUps = ((e.followUpComments as IDataObject | undefined)?.comment as IDataObject[] | undefined) ?? [];
	followUps.forEach((c, i) => {
		const comment = clean({
			text: c.text as string,
			language: c.language as string,
			delay: durationObject(c.delay, c.delayUnit) ?? { duration: 1, unit: 'Minute' },
			media: isGiven(c.mediaPath) ? clean({ type: (c.mediaType as string) || 'photo', path: String(c.mediaPath) }) : undefined,
		});
		if (!comment.text && !comment.media) problems.push({ field: `extras.followUpComments[${i}]`, rule: 'a follow-up comment needs text or media' });
		comments.push(comment);
	});
	if (comments.length) out.comments = comments;

	const shareIds = list(e.autoShareAccounts);
	if (shareIds.length) {
		out.share = clean({
			text: e.autoShareText as string,
			account_ids: shareIds,
			after: durationObject(e.autoShareAfter, e.autoShareAfterUnit),
			delay: durationObject(e.autoShareDelay, e.autoShareDelayUnit),
		});
	}
	const deleteAfter = durationObject(e.autoDeleteAfter, e.autoDeleteUnit);
	if (deleteAfter) out.delete = { hide: e.autoDeleteHide === true, delay: deleteAfter };
	else if (isGiven(e.autoDeleteAfter) && Number(e.autoDeleteAfter) !== 0) {
		problems.push({ field: 'extras.autoDeleteAfter', rule: 'auto-delete needs a positive delay' });
	}
	return out;
}

function timeProblem(field: string, parsed: ParsedDateTime, now: number): RuleProblem | undefined {
	if (parsed.ms < now + MIN_LEAD_MS) {
		return {
			field,
			rule: `Publer needs scheduled times at least 1 minute in the future; ${parsed.iso} is ${parsed.ms < now ? 'in the past' : 'less than 1 minute ahead'}`,
		};
	}
	return undefined;
}

/**
 * Builds one `bulk.posts[]` entry from the user's input, with the endpoint and `bulk.state` it needs,
 * the (post × account) targets it creates, and every problem found.
 */
export function buildPost(input: PostInput, accountsById: Map<string, AccountInfo>): BuiltPost {
	const fatal: RuleProblem[] = [];
	const problems: RuleProblem[] = [];
	const tz = input.timeZone;
	const media = input.media.filter((m) => isGiven(m.id) || isGiven(m.path)).map(mediaItem);
	input.media.forEach((m, i) => {
		if (!isGiven(m.id) && !isGiven(m.path) && (isGiven(m.altText) || isGiven(m.caption))) {
			fatal.push({ field: `media[${i}]`, rule: 'a media item needs a media ID (from Media → Upload) or a URL' });
		}
	});

	let endpoint = SCHEDULE_ENDPOINT;
	let state = 'scheduled';
	const post: IDataObject = {};
	const targets: PostTarget[] = [];

	switch (input.mode) {
		case 'publishNow':
			endpoint = PUBLISH_ENDPOINT;
			break;
		case 'draft':
			state = ['draft', 'draft_private', 'draft_public'].includes(String(input.draftState)) ? String(input.draftState) : 'draft';
			break;
		case 'idea':
			state = input.ideaVisibility === 'draft_public' ? 'draft_public' : 'draft_private';
			break;
		case 'recurring':
			state = 'recurring';
			break;
		default:
			break;
	}

	// ---- ideas: networks.default, no accounts (§7.4) ----
	if (input.mode === 'idea') {
		const block = baseBlock('default', input, media, fatal);
		if (!['status', 'photo', 'video', 'link', 'article'].includes(String(block.type))) {
			problems.push({ field: 'contentType', rule: `ideas are status, photo, video, link or article posts, not "${String(block.type)}"` });
		}
		if (!isGiven(block.text) && !isGiven(block.title) && !media.length && !Array.isArray(block.content)) {
			problems.push({ field: 'text', rule: 'an idea needs at least a title, text or media' });
		}
		const override = input.overrides.default;
		if (override && isGiven(override.extraFields)) {
			const extra = parseJsonObject(override.extraFields, 'networkOverrides.default.extraFields', fatal);
			if (extra) Object.assign(block, extra);
		}
		post.networks = { default: block };
		targets.push({ accountId: '', provider: null, accountName: null, networkKey: 'default', text: String(block.text ?? '') });
		return { endpoint, state, post, targets, fatal, problems };
	}

	// ---- accounts ----
	const accountIds = [...new Set(input.accounts.map((a) => a.trim()).filter((a) => a))];
	if (!accountIds.length) fatal.push({ field: 'accounts', rule: 'choose at least one social account to post to' });
	const accounts: AccountInfo[] = [];
	for (const id of accountIds) {
		const account = accountsById.get(id);
		if (!account) fatal.push({ field: 'accounts', rule: `account ${id} is not connected to this workspace (list them with Account → Get Many)` });
		else accounts.push(account);
	}
	const settings = new Map<string, AccountSetting>();
	for (const s of input.accountSettings) {
		const id = String(s.account ?? '').trim();
		if (!id) continue;
		if (!accountIds.includes(id)) {
			fatal.push({ field: 'accountSettings', rule: `account ${id} has per-account settings but is not one of the chosen accounts` });
			continue;
		}
		settings.set(id, s);
	}

	// ---- networks: one block per network key of the chosen accounts ----
	const networks: IDataObject = {};
	const providers = [...new Set(accounts.map((a) => a.provider))];
	for (const provider of providers) {
		const rule = NETWORK_RULES[provider];
		if (!rule) {
			fatal.push({ field: 'accounts', rule: `the network "${provider}" is not known to this node` });
			continue;
		}
		const overrideKey = provider;
		const override = input.overrides[overrideKey];
		const wpKey = provider === 'wordpress' && override?.wordpressKey === 'wordpress_basic' ? 'wordpress_basic' : rule.keys[0];
		const key = provider === 'wordpress' ? wpKey : rule.keys[0];
		let block = baseBlock(provider, input, media, fatal);
		if (override) block = applyOverride(provider, block, override, `networkOverrides.${overrideKey}`, input, fatal);
		networks[key] = block;
		problems.push(...checkNetworkBlock(provider, block, `networks.${key}`));
	}
	post.networks = networks;

	// ---- times per mode ----
	let common: ParsedDateTime | undefined;
	if (isGiven(input.scheduledAt) && (input.mode === 'schedule' || input.mode === 'draft' || input.mode === 'recycling')) {
		common = parseDateTime(input.scheduledAt, tz);
		if (!common) fatal.push({ field: 'scheduledAt', rule: `"${String(input.scheduledAt)}" is not a date and time (use e.g. 2025-06-01T09:00 or an ISO 8601 value)` });
	}

	if (input.mode === 'auto') {
		post.auto = true;
		const start = isGiven(input.autoStart) ? parseDateTime(input.autoStart, tz) : undefined;
		const end = isGiven(input.autoEnd) ? parseDateTime(input.autoEnd, tz) : undefined;
		if (isGiven(input.autoStart) && !start) fatal.push({ field: 'autoStart', rule: `"${String(input.autoStart)}" is not a date and time` });
		if (isGiven(input.autoEnd) && !end) fatal.push({ field: 'autoEnd', rule: `"${String(input.autoEnd)}" is not a date and time` });
		const startIso = start?.iso ?? (input.shareNext ? undefined : parseDateTime(input.now, tz)?.iso);
		const range = clean({ start_date: startIso, end_date: end?.iso });
		if (Object.keys(range).length) post.range = range;
		if (input.shareNext) post.share_next = true;
		if (start && end && end.ms < start.ms) problems.push({ field: 'autoEnd', rule: `the range ends (${end.iso}) before it starts (${start.iso})` });
		if (end && end.ms < input.now) problems.push({ field: 'autoEnd', rule: `the range ends in the past (${end.iso})` });
	}

	if (input.mode === 'recurring') {
		const start = parseDateTime(input.recurringStart, tz);
		if (!isGiven(input.recurringStart)) fatal.push({ field: 'recurringStart', rule: 'recurring posts need a start date and time' });
		else if (!start) fatal.push({ field: 'recurringStart', rule: `"${String(input.recurringStart)}" is not a date and time` });
		const end = isGiven(input.recurringEnd) ? parseDateTime(input.recurringEnd, tz) : undefined;
		if (isGiven(input.recurringEnd) && !end) fatal.push({ field: 'recurringEnd', rule: `"${String(input.recurringEnd)}" is not a date and time` });
		const repeat = String(input.repeat || 'weekly');
		if (!['daily', 'weekly', 'monthly', 'yearly'].includes(repeat)) fatal.push({ field: 'repeat', rule: 'repeat is daily, weekly, monthly or yearly' });
		const rate = Number(input.repeatRate ?? 1);
		if (!Number.isInteger(rate) || rate < 1) problems.push({ field: 'repeatRate', rule: 'the interval (repeat every) is a whole number of at least 1' });
		const recurring: IDataObject = clean({ start_date: start?.iso, end_date: end?.iso, repeat, repeat_rate: rate });
		if (repeat === 'weekly') {
			let days: number[] = [];
			const names = input.daysOfWeek ?? [];
			for (const d of names) {
				const i = weekdayIndex(String(d), input.daysOfWeekIndexing);
				if (i === undefined) fatal.push({ field: 'daysOfWeek', rule: `"${String(d)}" is not a weekday name (Monday … Sunday)` });
				else days.push(i);
			}
			if (!days.length && start) {
				// No day chosen: the weekday of the start date, in the workflow's timezone.
				const startDay = new Date(`${dateInZone(start.ms, tz)}T12:00:00Z`).getUTCDay();
				days = [input.daysOfWeekIndexing === 'sunday0' ? startDay : (startDay + 6) % 7];
			}
			recurring.days_of_week = [...new Set(days)].sort((a, b) => a - b);
		} else if (input.daysOfWeek?.length) {
			problems.push({ field: 'daysOfWeek', rule: `days of the week apply to weekly recurrence only, not ${repeat}` });
		}
		if (start && end && end.ms <= start.ms) problems.push({ field: 'recurringEnd', rule: `the recurrence ends (${end.iso}) before it starts (${start.iso})` });
		if (start && start.ms < input.now) problems.push({ field: 'recurringStart', rule: `the first occurrence (${start.iso}) is in the past` });
		post.recurring = recurring;
		for (const a of accounts) {
			const r = NETWORK_RULES[a.provider];
			if (r.noRecycling) problems.push({ field: 'accounts', rule: `${r.label} (${a.name}) does not support recurring posts` });
		}
	}

	if (input.mode === 'recycling') {
		const gap = Number(input.recyclingGap ?? 1);
		const gapFreq = String(input.recyclingGapFreq || 'Week');
		if (!(gap > 0) || !Number.isInteger(gap)) problems.push({ field: 'recyclingGap', rule: 'the gap between reposts is a whole number of at least 1' });
		if (!['Day', 'Week', 'Month'].includes(gapFreq)) fatal.push({ field: 'recyclingGapFreq', rule: 'the gap unit is Day, Week or Month' });
		const startDate = isGiven(input.recyclingStartDate) ? parseDate(input.recyclingStartDate, tz) : undefined;
		if (isGiven(input.recyclingStartDate) && !startDate) fatal.push({ field: 'recyclingStartDate', rule: `"${String(input.recyclingStartDate)}" is not a date` });
		const recycling: IDataObject = { solo: input.recyclingSolo === true, gap, gap_freq: gapFreq };
		if (startDate) recycling.start_date = startDate;
		if (startDate && startDate < dateInZone(input.now, tz)) problems.push({ field: 'recyclingStartDate', rule: `the first recycle date (${startDate}) is in the past` });
		const by = input.recyclingExpireBy ?? 'count';
		if (by === 'count') {
			const count = Number(input.recyclingExpireCount);
			if (!Number.isInteger(count) || count < 1) problems.push({ field: 'recyclingExpireCount', rule: 'stop after a whole number of reposts, at least 1' });
			recycling.expire_count = count;
		} else if (by === 'date') {
			const expire = parseDate(input.recyclingExpireDate, tz);
			if (!expire) fatal.push({ field: 'recyclingExpireDate', rule: `"${String(input.recyclingExpireDate ?? '')}" is not a date` });
			else {
				recycling.expire_date = expire;
				const from = startDate ?? dateInZone(input.now, tz);
				if (expire <= from) problems.push({ field: 'recyclingExpireDate', rule: `recycling would stop (${expire}) before it starts (${from})` });
			}
		}
		post.recycling = recycling;
		for (const a of accounts) {
			const r = NETWORK_RULES[a.provider];
			if (r.noRecycling) problems.push({ field: 'accounts', rule: `${r.label} (${a.name}) does not support recycling` });
		}
	}

	if ((input.mode === 'recycling' || input.mode === 'recurring') && providers.length) {
		for (const provider of providers) {
			const r = NETWORK_RULES[provider];
			if (!r.spintaxForRecycling) continue;
			const key = r.keys[0];
			const text = String(((networks[key] as IDataObject) ?? {}).text ?? '');
			const variations = spintaxVariations(text);
			if (variations < 10) {
				problems.push({
					field: `networks.${key}.text`,
					rule: `${r.label} ${input.mode === 'recycling' ? 'recycled' : 'recurring'} posts need at least 10 text variations (spintax such as {Hi|Hello}); this text has ${variations}`,
				});
			}
		}
	}

	// ---- account targets ----
	const tiktok = accounts.filter((a) => a.provider === 'tiktok');
	if (tiktok.length > 1 && input.mode !== 'draft') {
		problems.push({ field: 'accounts', rule: `Publer allows one TikTok account per post; this post has ${tiktok.length}. Split it into one post per TikTok account.` });
	}
	const targetList: IDataObject[] = [];
	const shareIds = list(input.extras.autoShareAccounts);
	for (const id of shareIds) {
		const acc = accountsById.get(id);
		if (!acc) fatal.push({ field: 'extras.autoShareAccounts', rule: `auto-share account ${id} is not connected to this workspace` });
		else if (['instagram', 'youtube', 'wordpress'].includes(acc.provider)) {
			problems.push({ field: 'extras.autoShareAccounts', rule: `auto-share to ${NETWORK_RULES[acc.provider].label} is not supported` });
		}
	}
	for (const account of accounts) {
		const setting = settings.get(account.id);
		const target: IDataObject = { id: account.id, ...accountExtras(input, account.provider, fatal, problems) };
		if ((account.provider === 'facebook' || account.provider === 'pinterest') && isGiven(setting?.albumId)) target.album_id = String(setting?.albumId).trim();
		if (account.provider === 'pinterest' && !target.album_id && isGiven(input.overrides.pinterest?.boardId)) {
			target.album_id = String(input.overrides.pinterest?.boardId).trim();
		}
		if (isGiven(setting?.signature)) target.signature = String(setting?.signature).trim();
		if (isGiven(target.album_id) && account.provider !== 'facebook' && account.provider !== 'pinterest') {
			problems.push({ field: 'extras.albumId', rule: `${NETWORK_RULES[account.provider].label} has no albums or boards` });
		}

		let time = common;
		if (isGiven(setting?.scheduledAt)) {
			time = parseDateTime(setting?.scheduledAt, tz);
			if (!time) fatal.push({ field: `accountSettings[${account.id}].scheduledAt`, rule: `"${String(setting?.scheduledAt)}" is not a date and time` });
		}
		const key = Object.keys(networks).find((k) => NETWORK_RULES[account.provider].keys.includes(k)) ?? NETWORK_RULES[account.provider].keys[0];
		const text = String(((networks[key] as IDataObject) ?? {}).text ?? '');
		const meta: PostTarget = { accountId: account.id, provider: account.provider, accountName: account.name, networkKey: key, text };

		switch (input.mode) {
			case 'schedule':
				if (!time) {
					if (!isGiven(input.scheduledAt) && !isGiven(setting?.scheduledAt)) {
						fatal.push({ field: 'scheduledAt', rule: `a scheduled post needs a time for ${account.name} (set Scheduled At, or a time in Per-Account Settings)` });
					}
				} else {
					target.scheduled_at = time.iso;
					const p = timeProblem(isGiven(setting?.scheduledAt) ? `accountSettings[${account.id}].scheduledAt` : 'scheduledAt', time, input.now);
					if (p) problems.push(p);
				}
				break;
			case 'draft':
			case 'recycling':
				if (time) {
					target.scheduled_at = time.iso;
					if (input.mode === 'recycling') {
						const p = timeProblem('scheduledAt', time, input.now);
						if (p) problems.push(p);
					}
				}
				break;
			default:
				break;
		}
		if (time && target.scheduled_at) {
			meta.scheduledAt = time.iso;
			meta.scheduledAtMs = time.ms;
		}
		if (input.mode === 'recurring' && (post.recurring as IDataObject)?.start_date) {
			const start = parseDateTime((post.recurring as IDataObject).start_date, tz);
			if (start) {
				meta.scheduledAt = start.iso;
				meta.scheduledAtMs = start.ms;
			}
		}
		if (input.mode === 'publishNow') {
			meta.windowFrom = input.now - 5 * 60_000;
			meta.windowTo = input.now + 60 * 60_000;
		}
		if (input.mode === 'auto') {
			const range = (post.range as IDataObject) ?? {};
			const from = range.start_date ? parseDateTime(range.start_date, tz)?.ms : input.now;
			const to = range.end_date ? parseDateTime(range.end_date, tz)?.ms : undefined;
			meta.windowFrom = (from ?? input.now) - 60_000;
			meta.windowTo = to !== undefined ? to + DAY_MS : (from ?? input.now) + 400 * DAY_MS;
		}
		if (input.mode === 'recycling' && !meta.scheduledAtMs) {
			const start = (post.recycling as IDataObject).start_date;
			const from = start ? parseDateTime(start, tz)?.ms ?? input.now : input.now;
			meta.windowFrom = Math.min(from, input.now) - 5 * 60_000;
			meta.windowTo = from + 2 * DAY_MS;
		}
		targets.push(meta);
		targetList.push(target);
	}
	post.accounts = targetList;
	return { endpoint, state, post, targets, fatal, problems };
}
