// POST /posts/schedule and /posts/schedule/publish: the job is evaluated at submission, in order, so two
// requests see each other's posts. Each (post × account) that breaks a rule becomes one failure and no record.
import type { SandboxState } from '../store';
import type { Job } from '../records';
import type { Account } from '../seed';
import { completeJob } from '../scheduler';
import { NETWORKS, PLAN_INDEX, PLAN_HORIZON_DAYS, capCategory, postTypeOf } from '../networks';
import { spintaxVariations } from '../../util/text';
import { parseDateTime, parseDateOrDateTime, iso, isoDate, DAY, MINUTE } from '../../util/time';
import { isObject, validateEnvelope } from './envelope';
import { contentProblem } from './contentRules';
import { targetProblem } from './targetRules';

function blockFor(networks: Record<string, any>, acc: Account): { key: string; block: any } | null {
	for (const k of NETWORKS[acc.provider].keys) if (isObject(networks[k])) return { key: k, block: networks[k] };
	if (isObject(networks.default)) return { key: 'default', block: networks.default };
	return null;
}

function resolveLabels(state: SandboxState, wsId: string, raw: any): any[] {
	if (!Array.isArray(raw)) return [];
	const ws = state.workspacesById.get(wsId)!;
	const out: any[] = [];
	for (const l of raw) {
		const key = typeof l === 'string' ? l : isObject(l) ? (l.id ?? l.name) : null;
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
			if (state.schedule.hasGapConflict(acc.id, t)) continue;
			if (state.schedule.capCount(capKeyFor(t)) >= cap) break; // day full: next day
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

	// asyncJobs: answered first (the job is working), checked right after the answer went out
	if (state.opts.asyncJobs) {
		state.jobs.set(job.id, job);
		state.pendingJobs.push(() => checkPosts());
		setImmediate(() => state.settlePendingJobs());
		return job;
	}
	checkPosts();
	return job;

	function checkPosts(): void {
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
			const recycling = isObject(post.recycling) ? post.recycling : null;
			const recurring = isObject(post.recurring) ? post.recurring : null;
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
				if (acc.locked) {
					fail(acc, null, `${acc.name} is locked: unlock it in Publer (or upgrade the plan) before posting to it`);
					continue;
				}
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
				const problem = contentProblem(block, acc, state) ?? targetProblem(target, block, acc, state, plan, wsId);
				if (problem) {
					fail(acc, null, problem);
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
					const range = isObject(post.range) ? post.range : {};
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
				if (!env.immediate && state.schedule.hasGapConflict(acc.id, t)) {
					fail(acc, null, "There's another post at this time. A one minute gap is required between posts");
					continue;
				}
				const capKey = capKeyFor(t);
				if (state.schedule.capCount(capKey) >= cap) {
					fail(acc, null, `Daily limit reached: ${NETWORKS[acc.provider].label} allows ${cap} ${category === 'stories' ? 'stories' : 'posts'} per day per account on the ${plan} plan`);
					continue;
				}
				const p = state.newPost({
					...base, state: env.immediate ? 'scheduled' : acc.needs_reauth ? 'scheduled_reauth' : 'scheduled',
					scheduled_at: t, immediate: env.immediate, auto: isAuto,
				});
				state.schedule.add(p, t, capKey);
				if (!env.immediate) state.due.push({ t, postId: p.id, kind: 'publish' });
				job.post_ids.push(p.id);
			}
		}
		state.jobs.set(job.id, job);
		state.workingJobs.add(job);
		if (state.opts.jobWorkingPolls === 0 && state.opts.jobDurationMs <= 0) completeJob(state, job);
	}
}

function pickExtra(block: any): Record<string, any> {
	const out: Record<string, any> = {};
	for (const k of ['sublinks', 'options', 'duration', 'question', 'content', 'excerpt', 'tags', 'categories', 'featured_media']) {
		if (block[k] !== undefined) out[k] = block[k];
	}
	return out;
}
