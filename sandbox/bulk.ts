// POST /posts/schedule and /posts/schedule/publish: envelope validation (400) and the per-(post × account)
// rules of publer-api.md §9/§10.2 that become job failures. Fast: indexes in SandboxState.
import { SandboxState, Job, PostRecord } from './state';
import { Account } from './seed';
import {
	NETWORKS, ALL_NETWORK_KEYS, PLAN_INDEX, PLAN_HORIZON_DAYS, capCategory, postTypeOf, NetworkDef,
} from './networks';
import { badRequest, charCount, parseDateTime, parseDateOrDateTime, spintaxVariations, iso, isoDate, DAY, MINUTE, HttpError } from './util';

const STATES = ['scheduled', 'draft', 'draft_public', 'draft_private', 'recurring', 'auto', 'recycle', 'published'];
const MAX_POSTS = 500;
const UNITS = ['Minute', 'Hour', 'Day', 'Week'];

function isObj(v: unknown): v is Record<string, any> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

interface Envelope { state: string; posts: any[]; immediate: boolean }

/** Synchronous validation → 400 {"errors":[...]} (publer-api.md §12.3). */
export function validateEnvelope(body: any, immediateEndpoint: boolean): Envelope {
	const errors: string[] = [];
	const fail = () => {
		if (errors.length) throw new HttpError(400, errors[0], { errors: errors.slice(0, 20) });
	};
	if (!isObj(body) || !isObj(body.bulk)) throw badRequest('bulk is required');
	const bulk = body.bulk;
	if (typeof bulk.state !== 'string' || !bulk.state) throw badRequest('bulk.state is required');
	const state = bulk.state;
	if (!STATES.includes(state)) throw badRequest(`bulk.state "${state}" is not valid; use one of scheduled, draft, draft_public, draft_private, recurring`);
	let immediate = immediateEndpoint;
	if (immediateEndpoint && state !== 'scheduled' && state !== 'published') {
		throw badRequest('Immediate publishing requires bulk.state "scheduled"');
	}
	if (!immediateEndpoint && state === 'published') {
		if (bulk.url === 'publish') immediate = true;
		else throw badRequest('bulk.state "published" is only accepted by POST /posts/schedule/publish');
	}
	if (!Array.isArray(bulk.posts) || bulk.posts.length === 0) throw badRequest('bulk.posts must be a non-empty array');
	if (bulk.posts.length > MAX_POSTS) throw badRequest(`bulk.posts has ${bulk.posts.length} posts; at most ${MAX_POSTS} posts are allowed per request`);
	const idea = state === 'draft_public' || state === 'draft_private';
	const anyRecurring = bulk.posts.some((p: any) => isObj(p) && p.recurring !== undefined) || state === 'recurring';
	if (anyRecurring && bulk.posts.length > 1) {
		throw badRequest('Recurring posts are not supported in bulk scheduling: send one recurring post per request');
	}
	bulk.posts.forEach((post: any, i: number) => {
		const at = `bulk.posts[${i}]`;
		if (!isObj(post)) return void errors.push(`${at} must be an object`);
		if (!isObj(post.networks) || Object.keys(post.networks).length === 0) return void errors.push(`${at}.networks is required`);
		for (const [key, block] of Object.entries(post.networks)) {
			if (!ALL_NETWORK_KEYS.includes(key)) errors.push(`${at}.networks has unknown network "${key}"`);
			else if (!isObj(block)) errors.push(`${at}.networks.${key} must be an object`);
			else if (typeof block.type !== 'string' || !block.type) errors.push(`${at}.networks.${key}.type is required`);
		}
		if (post.accounts === undefined || (Array.isArray(post.accounts) && post.accounts.length === 0 && idea)) {
			if (!idea) errors.push(`${at}.accounts is required`);
			else if (!isObj(post.networks.default)) errors.push(`${at}.networks.default is required for ideas without accounts`);
		} else if (!Array.isArray(post.accounts) || post.accounts.length === 0) {
			errors.push(`${at}.accounts must be a non-empty array`);
		} else {
			post.accounts.forEach((a: any, j: number) => {
				if (!isObj(a) || typeof a.id !== 'string' || !a.id) errors.push(`${at}.accounts[${j}].id is required`);
			});
		}
		if (state === 'recurring' && !isObj(post.recurring)) errors.push(`${at}.recurring is required when bulk.state is "recurring"`);
		if (post.recurring !== undefined) validateRecurring(post.recurring, `${at}.recurring`, errors);
		if (state === 'recycle' && !isObj(post.recycling)) errors.push(`${at}.recycling is required when bulk.state is "recycle"`);
		if (post.recycling !== undefined) validateRecycling(post.recycling, `${at}.recycling`, errors);
		const auto = post.auto === true || state === 'auto';
		if (auto && !post.share_next) {
			if (!isObj(post.range) || Number.isNaN(parseDateOrDateTime(post.range.start_date))) {
				errors.push(`${at}.range.start_date is required for auto-scheduling (or set share_next)`);
			} else if (post.range.end_date !== undefined && post.range.end_date !== null && Number.isNaN(parseDateOrDateTime(post.range.end_date, true))) {
				errors.push(`${at}.range.end_date is not a valid date`);
			}
		}
		if (Array.isArray(post.accounts)) {
			post.accounts.forEach((a: any, j: number) => {
				if (!isObj(a)) return;
				for (const cb of ['share', 'delete'] as const) {
					if (a[cb] !== undefined && !isObj(a[cb])) errors.push(`${at}.accounts[${j}].${cb} must be an object`);
				}
				if (a.comments !== undefined && !Array.isArray(a.comments)) errors.push(`${at}.accounts[${j}].comments must be an array`);
				const durations: [string, any][] = [];
				if (isObj(a.share)) durations.push(['share.after', a.share.after], ['share.delay', a.share.delay]);
				if (isObj(a.delete)) durations.push(['delete.delay', a.delete.delay]);
				if (Array.isArray(a.comments)) a.comments.forEach((c: any, k: number) => durations.push([`comments[${k}].delay`, c?.delay]));
				for (const [name, d] of durations) {
					if (d === undefined || d === null) continue;
					if (!isObj(d) || typeof d.duration !== 'number' || d.duration < 0 || !UNITS.includes(d.unit)) {
						errors.push(`${at}.accounts[${j}].${name} must be {"duration": <number>, "unit": "Minute"|"Hour"|"Day"|"Week"}`);
					}
				}
			});
		}
	});
	fail();
	return { state, posts: bulk.posts, immediate };
}

function validateRecurring(r: any, at: string, errors: string[]): void {
	if (!isObj(r)) return void errors.push(`${at} must be an object`);
	const repeat = r.repeat ?? r.frequency;
	if (!['daily', 'weekly', 'monthly', 'yearly', 'Day', 'Week', 'Month', 'Year'].includes(repeat)) {
		errors.push(`${at}.repeat must be one of daily, weekly, monthly, yearly`);
	}
	if (Number.isNaN(parseDateTime(r.start_date))) errors.push(`${at}.start_date must be an ISO 8601 datetime`);
	if (r.end_date !== undefined && r.end_date !== null && Number.isNaN(parseDateTime(r.end_date))) errors.push(`${at}.end_date must be an ISO 8601 datetime`);
	const rate = r.repeat_rate ?? r.repeat_every;
	if (rate !== undefined && (!Number.isInteger(Number(rate)) || Number(rate) < 1)) errors.push(`${at}.repeat_rate must be a positive integer`);
	if (r.days_of_week !== undefined) {
		if (!Array.isArray(r.days_of_week) || !r.days_of_week.every((d: any) => Number.isInteger(d) && d >= 0 && d <= 6)) {
			errors.push(`${at}.days_of_week must be an array of integers 0..6`);
		}
	}
	if ((repeat === 'weekly' || repeat === 'Week') && r.days_of_week === undefined && r.weekdays === undefined) {
		errors.push(`${at}.days_of_week is required for weekly recurrence`);
	}
}

function validateRecycling(r: any, at: string, errors: string[]): void {
	if (!isObj(r)) return void errors.push(`${at} must be an object`);
	if (r.gap !== undefined && (!(Number(r.gap) > 0))) errors.push(`${at}.gap must be a positive number`);
	if (r.gap_freq !== undefined && !['Day', 'Week', 'Month'].includes(r.gap_freq)) errors.push(`${at}.gap_freq must be Day, Week or Month`);
	if (r.start_date !== undefined && Number.isNaN(parseDateOrDateTime(r.start_date))) errors.push(`${at}.start_date must be a date (YYYY-MM-DD)`);
	if (r.expire_date !== undefined && r.expire_date !== null && Number.isNaN(parseDateOrDateTime(r.expire_date))) errors.push(`${at}.expire_date must be a date (YYYY-MM-DD)`);
	if (r.expire_count !== undefined && r.expire_count !== null && (!Number.isInteger(Number(r.expire_count)) || Number(r.expire_count) < 1)) {
		errors.push(`${at}.expire_count must be a positive integer`);
	}
}

function blockFor(networks: Record<string, any>, acc: Account): { key: string; block: any } | null {
	for (const k of NETWORKS[acc.provider].keys) if (isObj(networks[k])) return { key: k, block: networks[k] };
	if (isObj(networks.default)) return { key: 'default', block: networks.default };
	return null;
}

function mediaKind(m: any, state: SandboxState): string {
	const lib = typeof m?.id === 'string' ? state.media.get(m.id) : undefined;
	const t = m?.type ?? lib?.type ?? 'photo';
	return t === 'image' ? 'photo' : t;
}

/** Content rules of §9 for one network block on one account. Returns a failure message or null. */
export function contentProblem(block: any, acc: Account, state: SandboxState, wsPlan: string): string | null {
	const net: NetworkDef = NETWORKS[acc.provider];
	const L = net.label;
	const type = block.type === 'image' ? 'photo' : String(block.type);
	const dType = block.details?.type;
	const normalized = ['reel', 'short'].includes(type) ? 'video' : type === 'story' ? 'photo' : type === 'document' ? 'photo' : type;
	if (!net.types.includes(type)) return `${L} does not support ${type} posts (supported: ${net.types.join(', ')})`;
	if (dType === 'story' && !['facebook', 'instagram'].includes(acc.provider)) return `${L} does not support stories`;
	if (dType === 'reel' && !['facebook', 'instagram'].includes(acc.provider)) return `${L} does not support reels`;
	if (dType === 'short' && acc.provider !== 'youtube') return `${L} does not support shorts`;
	if (dType === 'document' && acc.provider !== 'linkedin') return `${L} does not support document posts`;
	if ((type === 'story' || dType === 'story') && acc.provider === 'facebook' && acc.type !== 'page') return 'Facebook stories can only be published on Pages';

	// text
	let text = typeof block.text === 'string' ? block.text : '';
	let limit = net.textLimit;
	if (acc.provider === 'twitter' && dType === 'long_post') {
		if (acc.premium) limit = 25000;
		else text = [...text].slice(0, 280).join(''); // non-Premium: truncated to 280 (§8.13)
	}
	const n = charCount(text);
	if (n > limit) return `Text is ${n} characters; ${L} allows ${limit}`;

	// media
	const media: any[] = Array.isArray(block.media) ? block.media : [];
	for (const m of media) {
		if (!isObj(m)) return 'Each media item must be an object';
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
			if (kind === 'photo' && net.photoMaxMB && mb > net.photoMaxMB) return `Photo ${lib.name} is ${mb.toFixed(1)} MB; ${L} allows ${net.photoMaxMB} MB`;
			if (kind === 'video' && net.videoMaxMB && mb > net.videoMaxMB) return `Video ${lib.name} is ${mb.toFixed(1)} MB; ${L} allows ${net.videoMaxMB} MB`;
			if (kind === 'gif' && net.gifMaxMB && mb > net.gifMaxMB) return `GIF ${lib.name} is ${mb.toFixed(1)} MB; ${L} allows ${net.gifMaxMB} MB`;
		}
	}
	const kinds = media.map((m) => mediaKind(m, state));
	const photos = kinds.filter((k) => k === 'photo').length;
	const videos = kinds.filter((k) => k === 'video').length;
	const gifs = kinds.filter((k) => k === 'gif').length;
	const docs = kinds.filter((k) => k === 'document').length;
	if (net.requiresMedia && media.length === 0 && !(acc.provider === 'wordpress')) {
		return `${L} posts need at least one ${acc.provider === 'youtube' ? 'video' : 'photo or video'}`;
	}
	if (net.noVideo && videos > 0) return `${L} posts cannot contain videos`;
	if (acc.provider === 'youtube' && videos !== 1) return 'YouTube posts need exactly one video';
	if (normalized === 'gif') {
		if (media.length !== 1 || (gifs !== 1 && kinds[0] !== 'photo')) return 'GIF posts take exactly one GIF';
	} else if (normalized === 'video') {
		if (videos !== 1 || media.length !== 1) return `${L} video posts need exactly one video`;
	} else if (normalized === 'photo' || normalized === 'carousel') {
		if (type === 'carousel' && acc.provider === 'facebook' && Array.isArray(block.sublinks)) {
			// multi-link carousel, checked below
		} else if (media.length === 0) {
			return `${L} ${type} posts need at least one ${type === 'story' || dType === 'story' ? 'photo or video' : 'photo'}`;
		}
		if (type === 'story' || dType === 'story') {
			if (media.length !== 1) return `${L} stories take exactly one photo or video`;
		} else if (dType === 'document' || type === 'document') {
			if (photos + docs > 100) return 'LinkedIn documents take at most 100 pages or photos';
		} else {
			if (videos > 0 && (net.noMixing || normalized === 'photo')) return `Photos and videos cannot be mixed in one ${L} post`;
			if (gifs > 0 && acc.provider !== 'linkedin' && photos > 0) return `Photos and GIFs cannot be mixed in one ${L} post`;
			if (photos + gifs > net.maxPhotos) return `${L} allows at most ${net.maxPhotos} photo${net.maxPhotos === 1 ? '' : 's'} per post; this post has ${photos + gifs}`;
		}
	} else if (media.length > 0 && normalized === 'status') {
		if (photos > net.maxPhotos) return `${L} allows at most ${net.maxPhotos} photos per post; this post has ${photos}`;
	}

	// link posts
	if (type === 'link' && !(isObj(block.link) && typeof block.link.url === 'string' && block.link.url)) return 'Link posts need link.url';

	// facebook multi-link carousel
	if (Array.isArray(block.sublinks)) {
		if (acc.provider !== 'facebook') return `${L} does not support multi-link carousels`;
		if (acc.type === 'profile') return 'Multi-link carousels are only available for Facebook Pages';
		if (block.sublinks.length > 10) return `Multi-link carousels take at most 10 links; this post has ${block.sublinks.length}`;
		if (block.sublinks.length < 2 && acc.type === 'page') return 'Multi-link carousels need at least 2 links';
		for (const s of block.sublinks) {
			if (!isObj(s) || !s.url || !s.title || !s.description || !Array.isArray(s.images) || !s.images.length) {
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
		if (long !== undefined) return `Poll option "${long}" is longer than ${p.maxOptionChars} characters (${L})`;
		const d = Number(block.duration ?? 1);
		if (!Number.isInteger(d) || d < 1 || d > p.maxDays) return `${L} polls last 1 to ${p.maxDays} days`;
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
	void wsPlan;
	return null;
}

function durationMs(d: any): number {
	if (!isObj(d)) return 0;
	return d.duration * ({ Minute: MINUTE, Hour: 3600000, Day: DAY, Week: 7 * DAY } as Record<string, number>)[d.unit];
}

/** Callbacks, signature, watermark, album (§6.6–6.8). */
function targetProblem(target: any, block: any, acc: Account, state: SandboxState, wsPlan: string, wsId: string): string | null {
	const net = NETWORKS[acc.provider];
	if (target.signature !== undefined && target.signature !== null) {
		if (net.noSignature && !acc.premium) return `Signatures are not available for ${net.label}`;
		if (!acc.signatures.some((s) => s.id === target.signature)) return `Signature ${target.signature} does not belong to ${acc.name}`;
	}
	if (target.watermark !== undefined && target.watermark !== null) {
		if (net.noWatermark) return `Watermarks are not supported on ${net.label}`;
		const ws = state.workspacesById.get(wsId)!;
		if (!isObj(target.watermark) || !ws.watermarks.some((w) => w.id === target.watermark.id)) return 'Watermark not found: pass a full watermark object from media_options';
		const kinds = (Array.isArray(block.media) ? block.media : []).map((m: any) => mediaKind(m, state));
		const plan = PLAN_INDEX[wsPlan] ?? 2;
		if (kinds.includes('video') && plan < 2) return 'Watermarks on videos need the Business plan';
		if (kinds.includes('photo') && plan < 1) return 'Watermarks on photos need the Professional plan';
	}
	if (target.album_id !== undefined && target.album_id !== null) {
		if (acc.provider !== 'facebook' && acc.provider !== 'pinterest') return `${net.label} has no albums or boards`;
		if (!acc.albums.some((a) => a.id === String(target.album_id))) return `Album/board ${target.album_id} was not found on ${acc.name}`;
	}
	if (isObj(target.share)) {
		const ids = target.share.account_ids;
		if (!Array.isArray(ids) || ids.length === 0) return 'share.account_ids must list at least one account';
		for (const id of ids) {
			const t = state.accountsById.get(id);
			if (!t || t.workspace_id !== wsId) return `Auto-share account ${id} is not in this workspace`;
			if (['instagram', 'youtube', 'wordpress'].includes(t.provider)) return `Auto-share to ${NETWORKS[t.provider].label} is not supported`;
			if (t.provider === 'google' && !(typeof target.share.text === 'string' && target.share.text.trim()) && !(typeof block.text === 'string' && block.text.trim())) {
				return 'Auto-share to Google Business needs text';
			}
		}
		if (block.details?.reminder === true) return 'Posts published via reminder cannot be auto-shared';
	}
	if (Array.isArray(target.comments)) {
		for (const c of target.comments) {
			if (!isObj(c) || (!(typeof c.text === 'string' && c.text.trim()) && !isObj(c.media))) return 'Each follow-up comment needs text or media';
			if (typeof c.text === 'string' && charCount(c.text) > net.textLimit) return `Comment is ${charCount(c.text)} characters; ${net.label} allows ${net.textLimit}`;
		}
	}
	if (isObj(target.delete) && durationMs(target.delete.delay) <= 0 && !isObj(target.delete.conditions)) return 'delete.delay must be a positive duration';
	return null;
}

function resolveLabels(state: SandboxState, wsId: string, raw: any): any[] {
	if (!Array.isArray(raw)) return [];
	const ws = state.workspacesById.get(wsId)!;
	const out: any[] = [];
	for (const l of raw) {
		const key = typeof l === 'string' ? l : isObj(l) ? (l.id ?? l.name) : null;
		if (!key) continue;
		let label = ws.labels.find((x) => x.id === key || x.name.toLowerCase() === String(key).toLowerCase());
		if (!label) {
			label = { id: state.ids.next(state.nowMs()), name: String(key), color: '#888888' };
			ws.labels.push(label);
		}
		if (!out.includes(label)) out.push(label);
	}
	return out;
}

/** Find the next free posting-schedule slot of an account (auto-scheduling, §7.5). */
function findSlot(state: SandboxState, acc: Account, from: number, to: number | null, capKeyFor: (t: number) => string, cap: number): number | null {
	if (!acc.slots.length) return null;
	const slots = acc.slots.map((s) => {
		const [h, m] = s.split(':').map(Number);
		return h * 3600000 + m * MINUTE;
	}).sort((a, b) => a - b);
	const horizon = to ?? from + 366 * DAY;
	for (let day = Math.floor(from / DAY) * DAY; day <= horizon; day += DAY) {
		for (const off of slots) {
			const t = day + off;
			if (t < from) continue;
			if (t > horizon) return null;
			if (state.hasGapConflict(acc.id, t)) continue;
			if (state.capCount(capKeyFor(t)) >= cap) break; // day full: next day
			return t;
		}
	}
	return null;
}

export function createPostsJob(state: SandboxState, wsId: string, userId: string, body: any, immediateEndpoint: boolean, endpoint: string): Job {
	const env = validateEnvelope(body, immediateEndpoint);
	const now = state.nowMs();
	const ws = state.workspacesById.get(wsId)!;
	const plan = ws.plan;
	const planIdx = PLAN_INDEX[plan] ?? 2;
	const job: Job = {
		id: state.ids.next(now), workspace_id: wsId, user_id: userId, kind: 'posts', endpoint, submitted_at: now, completed_at: null,
		polls: 0, status: 'working', failures: [], post_ids: [], media: [], immediate: env.immediate, requested_posts: env.posts.length,
	};
	const fail = (acc: Account | undefined, id: string | null, message: string) => {
		job.failures.push({ account_id: acc?.id ?? id, account_name: acc?.name ?? null, provider: acc?.provider ?? null, message });
	};
	const stateName = env.state;
	const isDraft = stateName === 'draft' || stateName === 'draft_public' || stateName === 'draft_private';

	for (const post of env.posts) {
		const networks = post.networks;
		// ideas without accounts
		if (!Array.isArray(post.accounts) || post.accounts.length === 0) {
			const block = networks.default;
			const hasSomething = (typeof block.text === 'string' && block.text.trim()) || (typeof block.title === 'string' && block.title.trim()) ||
				(Array.isArray(block.content) && block.content.length) || (Array.isArray(block.media) && block.media.length);
			if (!hasSomething) {
				fail(undefined, null, 'Ideas need at least a title, text, content or media');
				continue;
			}
			const p = state.newPost({
				workspace_id: wsId, user_id: userId, state: stateName, network: 'default', type: block.type, post_type: postTypeOf(block),
				text: block.text ?? '', title: block.title ?? null, url: block.url ?? null, media: Array.isArray(block.media) ? block.media : [],
				link: block.link ?? null, details: block.details ?? null, extra_content: pickExtra(block), job_id: job.id, visible: false,
			});
			job.post_ids.push(p.id);
			continue;
		}
		const tiktokTargets = post.accounts.filter((a: any) => state.accountsById.get(a.id)?.provider === 'tiktok' && state.accountsById.get(a.id)?.workspace_id === wsId);
		const auto = post.auto === true || stateName === 'auto' || (stateName === 'scheduled' && !env.immediate && !post.recycling);
		const recycling = isObj(post.recycling) ? post.recycling : null;
		const recurring = isObj(post.recurring) ? post.recurring : null;
		const seen = new Set<string>();
		for (const target of post.accounts) {
			const acc = state.accountsById.get(target.id);
			if (!acc || acc.workspace_id !== wsId) {
				fail(undefined, target.id, `Account ${target.id} is not connected to this workspace`);
				continue;
			}
			if (seen.has(acc.id)) {
				fail(acc, null, 'The same account is selected twice in this post');
				continue;
			}
			seen.add(acc.id);
			const found = blockFor(networks, acc);
			if (!found) {
				fail(acc, null, `This post has no content for ${NETWORKS[acc.provider].label} (add networks.${NETWORKS[acc.provider].keys[0]} or networks.default)`);
				continue;
			}
			const { key, block } = found;
			const base = {
				workspace_id: wsId, user_id: userId, account_id: acc.id, provider: acc.provider, network: key, type: String(block.type),
				post_type: postTypeOf(block), text: typeof block.text === 'string' ? block.text : '', title: block.title ?? null, url: block.url ?? null,
				media: Array.isArray(block.media) ? block.media : [], link: block.link ?? null, details: block.details ?? null,
				extra_content: pickExtra(block), labels: resolveLabels(state, wsId, target.labels), job_id: job.id, visible: false,
				share: target.share ?? null, comments: target.comments ?? null, delete: target.delete ?? null,
				signature: target.signature ?? null, watermark: target.watermark ?? null, album_id: target.album_id != null ? String(target.album_id) : null,
			};
			if (acc.provider === 'twitter' && block.details?.type === 'long_post' && !acc.premium) base.text = [...base.text].slice(0, 280).join('');

			if (isDraft) {
				let t: number | null = null;
				if (target.scheduled_at !== undefined && target.scheduled_at !== null) {
					t = parseDateTime(target.scheduled_at);
					if (Number.isNaN(t)) {
						fail(acc, null, `scheduled_at "${target.scheduled_at}" is not a valid ISO 8601 datetime`);
						continue;
					}
				}
				const draftState = stateName === 'draft' ? (t === null ? 'draft_undated' : 'draft_dated') : stateName;
				const p = state.newPost({ ...base, state: draftState, scheduled_at: t });
				job.post_ids.push(p.id);
				continue;
			}

			if (tiktokTargets.length > 1 && acc.provider === 'tiktok') {
				fail(acc, null, 'Only one TikTok account can be selected per post');
				continue;
			}
			if (env.immediate && acc.needs_reauth) {
				fail(acc, null, `${acc.name} needs to be reconnected to Publer before posting`);
				continue;
			}
			const cp = contentProblem(block, acc, state, plan) ?? targetProblem(target, block, acc, state, plan, wsId);
			if (cp) {
				fail(acc, null, cp);
				continue;
			}
			if (recycling || recurring) {
				const what = recycling ? 'Recycling' : 'Recurring posts';
				if (NETWORKS[acc.provider].noRecycling) {
					fail(acc, null, `${what} ${recycling ? 'is' : 'are'} not available for ${NETWORKS[acc.provider].label}`);
					continue;
				}
				if (NETWORKS[acc.provider].spintaxForRecycling && spintaxVariations(base.text) < 10) {
					fail(acc, null, `${NETWORKS[acc.provider].label} ${recycling ? 'recycled' : 'recurring'} posts need at least 10 text variations (spintax); this text has ${spintaxVariations(base.text)}`);
					continue;
				}
			}

			const category = capCategory(acc.provider, acc.type, base.post_type);
			const capKeyFor = (t: number) => `${acc.id}|${category}|${isoDate(t)}`;
			const cap = NETWORKS[acc.provider].caps[category][planIdx];

			if (recurring) {
				const t = parseDateTime(recurring.start_date);
				const p = state.newPost({ ...base, state: 'recurring', scheduled_at: t, recurring });
				job.post_ids.push(p.id);
				continue;
			}
			if (recycling) {
				let t = target.scheduled_at ? parseDateTime(target.scheduled_at) : recycling.start_date ? parseDateOrDateTime(recycling.start_date) : now;
				if (Number.isNaN(t)) {
					fail(acc, null, `scheduled_at "${target.scheduled_at}" is not a valid ISO 8601 datetime`);
					continue;
				}
				if (t < now) t = now;
				const p = state.newPost({ ...base, state: 'recycling_active', scheduled_at: t, recycling });
				state.recyclingPosts.add(p);
				job.post_ids.push(p.id);
				continue;
			}

			let t: number;
			let isAuto = false;
			if (env.immediate) {
				t = now;
			} else if (target.scheduled_at !== undefined && target.scheduled_at !== null && !(post.auto === true || stateName === 'auto')) {
				t = parseDateTime(target.scheduled_at);
				if (Number.isNaN(t)) {
					fail(acc, null, `scheduled_at "${target.scheduled_at}" is not a valid ISO 8601 datetime`);
					continue;
				}
				if (t < now) {
					fail(acc, null, `scheduled_at ${iso(t)} is in the past`);
					continue;
				}
				if (t < now + MINUTE) {
					fail(acc, null, 'scheduled_at must be at least 1 minute in the future');
					continue;
				}
				const horizonDays = PLAN_HORIZON_DAYS[plan] ?? PLAN_HORIZON_DAYS.business;
				if (t > now + horizonDays * DAY) {
					fail(acc, null, `scheduled_at is beyond the ${plan} plan's scheduling horizon`);
					continue;
				}
			} else if (auto) {
				isAuto = true;
				const range = isObj(post.range) ? post.range : {};
				let from = post.share_next && !range.start_date ? now : parseDateOrDateTime(range.start_date ?? iso(now));
				if (from < now + MINUTE) from = now + MINUTE;
				const to = range.end_date ? parseDateOrDateTime(range.end_date, true) : null;
				const slot = findSlot(state, acc, from, to, capKeyFor, cap);
				if (slot === null) {
					fail(acc, null, acc.slots.length ? 'No available slots in the selected range' : 'No available slots');
					continue;
				}
				t = slot;
			} else {
				fail(acc, null, 'scheduled_at is required');
				continue;
			}
			if (!env.immediate && state.hasGapConflict(acc.id, t)) {
				fail(acc, null, "There's another post at this time. A one minute gap is required between posts");
				continue;
			}
			const capKey = capKeyFor(t);
			if (state.capCount(capKey) >= cap) {
				fail(acc, null, `Daily limit reached: ${NETWORKS[acc.provider].label} allows ${cap} ${category === 'stories' ? 'stories' : 'posts'} per day per account on the ${plan} plan`);
				continue;
			}
			const p = state.newPost({
				...base, state: env.immediate ? 'scheduled' : acc.needs_reauth ? 'scheduled_reauth' : 'scheduled',
				scheduled_at: t, immediate: env.immediate, auto: isAuto,
			});
			state.indexPost(p, t, capKey);
			if (!env.immediate) state.due.push({ t, postId: p.id, kind: 'publish' });
			job.post_ids.push(p.id);
		}
	}
	state.jobs.set(job.id, job);
	state.workingJobs.add(job);
	if (state.opts.jobWorkingPolls === 0 && state.opts.jobDurationMs <= 0) state.completeJob(job);
	return job;
}

function pickExtra(block: any): Record<string, any> {
	const out: Record<string, any> = {};
	for (const k of ['sublinks', 'options', 'duration', 'question', 'content', 'excerpt', 'tags', 'categories', 'featured_media']) {
		if (block[k] !== undefined) out[k] = block[k];
	}
	return out;
}

export type { PostRecord };
