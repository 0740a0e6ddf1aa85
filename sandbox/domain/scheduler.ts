// Everything that happens because time passed: jobs complete, scheduled posts publish (or fail on an account
// that needs reauth), TikTok links arrive, recycled posts share and expire. Runs on every request and clock move.
import type { SandboxState } from './store';
import type { Job, PostRecord } from './records';
import { postLinkFor } from './networks';
import { DAY, MINUTE } from '../util/time';

const RECYCLE_GAP_DAYS: Record<string, number> = { Day: 1, Week: 7, Month: 30 };

export function processDue(state: SandboxState): void {
	state.settlePendingJobs();
	const now = state.nowMs();
	for (const job of [...state.workingJobs]) {
		if (!job.pending && now - job.submitted_at >= state.opts.jobDurationMs) completeJob(state, job);
	}
	// events of posts whose job has not completed yet wait until it has
	const postponed = [];
	while (state.due.size && state.due.peek()!.t <= now) {
		const event = state.due.pop()!;
		const post = state.posts.get(event.postId);
		if (!post) continue;
		if (!post.visible) {
			postponed.push(event);
			continue;
		}
		if (event.kind === 'link') {
			if (post.state.startsWith('published') && !post.post_link) post.post_link = postLinkFor(post.provider!, state.accountsById.get(post.account_id!), post.id);
			continue;
		}
		if (post.scheduled_at !== event.t) continue; // rescheduled meanwhile
		if (post.state === 'scheduled' || post.state === 'scheduled_approved') publishPost(state, post, event.t);
		else if (post.state === 'scheduled_reauth') {
			post.state = 'failed';
			post.error = 'The account needs to be reconnected to Publer';
			post.updated_at = event.t;
			state.schedule.remove(post);
		}
	}
	for (const event of postponed) state.due.push(event);
	for (const post of state.recyclingPosts) updateRecycling(state, post, now);
}

export function publishPost(state: SandboxState, post: PostRecord, at: number): void {
	post.state = 'published_posted';
	post.published_at = at;
	post.updated_at = at;
	if (post.provider === 'tiktok') {
		// TikTok gives the link a while after publishing
		post.post_link = null;
		state.due.push({ t: at + 2 * MINUTE, postId: post.id, kind: 'link' });
	} else post.post_link = postLinkFor(post.provider!, state.accountsById.get(post.account_id!), post.id);
}

function updateRecycling(state: SandboxState, post: PostRecord, now: number): void {
	if (post.state !== 'recycling_active') {
		if (!post.state.startsWith('recycling')) state.recyclingPosts.delete(post);
		return;
	}
	const recycling = post.recycling;
	const start = post.scheduled_at ?? now;
	const gapMs = (Number(recycling.gap) || 1) * RECYCLE_GAP_DAYS[recycling.gap_freq ?? 'Week'] * DAY;
	const shares = now < start ? 0 : Math.floor((now - start) / gapMs) + 1;
	post.recycled_count = shares;
	if (shares > 0 && !post.published_at) {
		post.published_at = start;
		post.post_link = postLinkFor(post.provider!, state.accountsById.get(post.account_id!), post.id);
	}
	const expireCount = recycling.expire_count !== undefined && recycling.expire_count !== null ? Number(recycling.expire_count) : NaN;
	const expireDate = recycling.expire_date ? Date.parse(recycling.expire_date + (String(recycling.expire_date).length === 10 ? 'T23:59:59Z' : '')) : NaN;
	if ((Number.isFinite(expireCount) && shares >= expireCount) || (Number.isFinite(expireDate) && now > expireDate)) {
		post.state = 'recycling_expired';
		post.updated_at = now;
		state.recyclingPosts.delete(post);
	}
}

export function completeJob(state: SandboxState, job: Job): void {
	if (job.status !== 'working') return;
	const now = state.nowMs();
	job.completed_at = now;
	if (job.kind === 'media') {
		job.status = job.media.length || !job.failures.length ? 'complete' : 'failed';
	} else {
		job.status = 'complete';
		for (const id of job.post_ids) {
			const post = state.posts.get(id);
			if (!post) continue;
			post.visible = true;
			if (job.immediate) {
				post.scheduled_at = now;
				if (post.indexed) {
					// the gap rule and the caps count an immediate post at the time it went out
					const capKey = post.indexed.capKey;
					state.schedule.remove(post);
					state.schedule.add(post, now, capKey);
				}
				publishPost(state, post, now);
			}
		}
	}
	state.workingJobs.delete(job);
}

export function advanceClock(state: SandboxState, ms: number): void {
	state.clock.advance(ms);
	processDue(state);
}

export function setClock(state: SandboxState, date: Date | string | number): void {
	state.clock.set(date);
	processDue(state);
}

/** Force a post into any state (tests of states the sandbox never reaches by itself). */
export function setPostState(state: SandboxState, postId: string, newState: string, extra: Record<string, any> = {}): void {
	const post = state.posts.get(postId);
	if (!post) throw new Error(`Unknown post ${postId}`);
	const now = state.nowMs();
	post.state = newState;
	post.updated_at = now;
	if (newState.startsWith('published') && !post.published_at) {
		post.published_at = now;
		if (!('post_link' in extra) && post.provider && post.account_id) post.post_link = postLinkFor(post.provider, state.accountsById.get(post.account_id), post.id);
	}
	if (newState === 'failed' || newState.startsWith('draft') || newState === 'published_deleted') state.schedule.remove(post);
	if (newState.startsWith('recycling')) state.recyclingPosts.add(post);
	for (const [key, value] of Object.entries(extra)) {
		if ((key === 'scheduled_at' || key === 'published_at') && value !== null) post[key] = new Date(value as string).getTime();
		else post[key] = value;
	}
	if ('scheduled_at' in extra && post.scheduled_at !== null && (newState === 'scheduled' || newState.startsWith('scheduled_'))) {
		state.due.push({ t: post.scheduled_at, postId: post.id, kind: 'publish' });
	}
	processDue(state);
}
