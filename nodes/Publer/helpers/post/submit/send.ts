import type { IExecuteFunctions } from 'n8n-workflow';
import type { NodeOperationError } from 'n8n-workflow';

import {
	isOutcomeUnknown,
	isTransientError,
	jobIdFromSubmit,
	normaliseJobStatus,
	publerApiRequestFull,
	realTimers,
	type NormalisedJob,
} from '../../../../shared/transport';
import type { BatchItemResult } from '../../../actions/types';
import { RateBudget } from './budget';
import { operationError } from './errors';
import { lookOnce, settleLostRequest, startLostRequest, type LostRequest } from './duplicateGuard';
import { assignFailures, describeFailures, resolveUnclearFailures, waitFailedError } from './failures';
import { findExistingPosts, targetsOf } from './lookup';
import { itemResults } from './output';
import { itemRanges } from './ranges';
import type { ItemState, PreparedPost, RequestGroup, SubmitOptions } from './types';

/** The first job poll comes this soon after the submit (or sooner, with a smaller Poll Interval). */
export const FIRST_POLL_MS = 250;
const POLL_FACTOR = 1.6;
const MIN_POLL_MS = 250;

/** One request group on its way: not sent yet, waiting for its job, looking for its posts, or settled. */
interface Entry {
	group: RequestGroup;
	number: number;
	states: Map<PreparedPost, ItemState>;
	phase: 'unsent' | 'job' | 'lost' | 'done';
	sentAt: number;
	nextAt: number;
	jobId?: string;
	/** The pause after the next poll. */
	delay: number;
	polls: number;
	maxPolls: number;
	transientFailures: number;
	lastError?: Error;
	lost?: LostRequest;
}

interface Run {
	options: SubmitOptions;
	timers: NonNullable<SubmitOptions['timers']>;
	budget: RateBudget;
	stats: { requests: number };
	active: Set<Entry>;
}

function failAll(entry: Entry, posts: PreparedPost[], error: Error): void {
	for (const post of posts) entry.states.get(post)!.error = error;
}

function hasFailure(entry: Entry): boolean {
	if (entry.phase === 'lost') return true;
	for (const state of entry.states.values()) if (state.error || state.failures.length) return true;
	return false;
}

/** Sends one group. Never sends it again: an unknown outcome goes to the double-post guard. */
async function sendEntry(this: IExecuteFunctions, entry: Entry, run: Run): Promise<void> {
	const { group } = entry;
	const { options, timers } = run;
	let cause: Error | undefined;
	let jobId: string | undefined;
	try {
		const response = await publerApiRequestFull.call(this, {
			method: 'POST',
			path: group.endpoint,
			workspaceId: group.workspaceId,
			body: { bulk: { state: group.state, posts: group.posts.map((post) => post.built.post) } },
			itemIndex: group.posts.length === 1 ? group.posts[0].itemIndex : undefined,
			maxRateLimitWaitMs: options.maxRateLimitWaitMs,
			timers: options.timers,
		});
		run.budget.observe(response.rateLimit);
		jobId = jobIdFromSubmit(response.body);
		if (!jobId) {
			cause = operationError(this.getNode(), `Publer accepted the request but returned no job ID (it answered ${JSON.stringify(response.body).slice(0, 200)})`);
		}
	} catch (error) {
		run.budget.spend(1);
		// A definite refusal (4xx, the rate limit beyond Max Rate-Limit Wait, a connection that provably never
		// reached Publer — which the transport already retried): nothing was created.
		if (!isOutcomeUnknown(error)) {
			failAll(entry, group.posts, error as Error);
			entry.phase = 'done';
			return;
		}
		cause = error as Error;
	}
	entry.sentAt = timers.now();
	if (cause) {
		if (!options.duplicateGuard) {
			// No looking: the transport's error already says the outcome is unknown and to check before repeating.
			for (const post of group.posts) entry.states.get(post)!.outcomeUnknown = true;
			failAll(entry, group.posts, cause);
			entry.phase = 'done';
			return;
		}
		entry.lost = startLostRequest(group, cause, options);
		entry.phase = 'lost';
		entry.nextAt = entry.sentAt;
		run.active.add(entry);
		return;
	}
	entry.jobId = jobId;
	for (const state of entry.states.values()) {
		state.jobId = jobId;
		state.status = 'submitted';
	}
	if (!options.wait) {
		entry.phase = 'done';
		return;
	}
	entry.phase = 'job';
	entry.nextAt = entry.sentAt + Math.min(options.pollIntervalMs, FIRST_POLL_MS);
	entry.delay = options.pollIntervalMs;
	entry.maxPolls = Math.ceil(options.waitTimeoutMs / MIN_POLL_MS) + 2;
	run.active.add(entry);
}

/** The job is done: each post gets its failures (and, when asked, its post IDs). */
async function settleJob(this: IExecuteFunctions, entry: Entry, job: NormalisedJob, run: Run): Promise<void> {
	const { group, states } = entry;
	const posts = group.posts;
	if (job.status === 'failed') {
		failAll(
			entry,
			posts,
			operationError(this.getNode(), `Publer job ${entry.jobId} failed: ${job.error ?? 'no reason given'}`, {
				description: `None of the ${posts.length} post(s) of this request were created. ${describeFailures(job.failures)}`,
			}),
		);
		return;
	}
	for (const post of posts) states.get(post)!.status = 'complete';
	const refs = targetsOf(posts);
	const { byPost, ambiguous, orphan } = assignFailures(refs, job.failures);
	for (const [post, postFailures] of byPost) states.get(post)!.failures.push(...postFailures);
	await resolveUnclearFailures.call(this, group, posts, refs, ambiguous, orphan, states, run.options, run.stats);
	if (run.options.resolvePostIds) {
		try {
			const found = await findExistingPosts.call(this, group.workspaceId, refs, run.options, run.stats);
			const byPost = new Map<PreparedPost, Array<string | null>>();
			for (const ref of refs) {
				const record = found.get(ref);
				const ids = byPost.get(ref.post) ?? [];
				ids.push(record?.id ? String(record.id) : null);
				byPost.set(ref.post, ids);
			}
			for (const post of posts) states.get(post)!.postIds = byPost.get(post) ?? [];
		} catch {
			// IDs are a convenience: the posts were created; leave postIds out.
		}
	}
}

function timeoutError(this: IExecuteFunctions, entry: Entry, run: Run): NodeOperationError {
	const unreadable =
		entry.transientFailures > 0 && entry.lastError
			? ` (${entry.transientFailures} status read${entry.transientFailures === 1 ? '' : 's'} failed; the last: ${entry.lastError.message})`
			: '';
	const error = operationError(this.getNode(), `Publer job ${entry.jobId} was still working after ${Math.round(run.options.waitTimeoutMs / 1000)} s${unreadable}`, {
		itemIndex: entry.group.posts.length === 1 ? entry.group.posts[0].itemIndex : undefined,
		description: `Outcome unknown: the job keeps running at Publer and may still create the posts (items ${itemRanges(entry.group.posts)}). Check it later with Publer → Job → Get (job ID ${entry.jobId}), or let a Publer Trigger with the "Job Completed" event pick it up. To wait longer, raise the "Wait Timeout" option.`,
	});
	error.context.publer = { jobId: entry.jobId ?? null, outcomeUnknown: true };
	return error;
}

/** One poll of the entry's job. */
async function pollJob(this: IExecuteFunctions, entry: Entry, run: Run): Promise<void> {
	const { options, timers } = run;
	const jobId = entry.jobId!;
	entry.polls++;
	let job: NormalisedJob | undefined;
	try {
		const response = await publerApiRequestFull.call(this, {
			method: 'GET',
			path: `/job_status/${encodeURIComponent(jobId)}`,
			workspaceId: entry.group.workspaceId,
			itemIndex: entry.group.posts.length === 1 ? entry.group.posts[0].itemIndex : undefined,
			maxRateLimitWaitMs: options.maxRateLimitWaitMs,
			timers: options.timers,
		});
		run.budget.observe(response.rateLimit);
		job = normaliseJobStatus(response.body, jobId);
	} catch (error) {
		run.budget.spend(1);
		// The job runs at Publer whatever happens to one status read: a temporary failure only costs this poll.
		// Key, scope, unknown-job and rate-limit-beyond-the-bound errors end the wait.
		if (!isTransientError(error)) {
			for (const state of entry.states.values()) state.outcomeUnknown = true;
			failAll(entry, entry.group.posts, waitFailedError.call(this, error as Error, jobId, entry.group.posts.length));
			entry.phase = 'done';
			return;
		}
		entry.transientFailures++;
		entry.lastError = error as Error;
	}
	if (job?.done) {
		entry.phase = 'done';
		await settleJob.call(this, entry, job, run);
		return;
	}
	const now = timers.now();
	const deadline = entry.sentAt + options.waitTimeoutMs;
	if (now >= deadline || entry.polls >= entry.maxPolls) {
		for (const state of entry.states.values()) state.outcomeUnknown = true;
		failAll(entry, entry.group.posts, timeoutError.call(this, entry, run));
		entry.phase = 'done';
		return;
	}
	entry.nextAt = Math.min(now + entry.delay, deadline);
	entry.delay = Math.min(Math.max(options.pollIntervalMs, 10_000), Math.max(entry.delay * POLL_FACTOR, MIN_POLL_MS));
}

/** One look for the posts of a request whose answer was lost. */
async function lookForLost(this: IExecuteFunctions, entry: Entry, run: Run): Promise<void> {
	const { options, timers } = run;
	const lost = entry.lost!;
	const pause = await lookOnce.call(this, entry.group, lost, options, run.stats);
	const now = timers.now();
	const deadline = entry.sentAt + options.waitTimeoutMs;
	if (pause === undefined || now >= deadline) {
		settleLostRequest.call(this, entry.group, entry.number, lost, entry.states, now - entry.sentAt);
		entry.phase = 'done';
		return;
	}
	entry.nextAt = Math.min(now + pause, deadline);
}

/** Runs the entry in flight that is due first (after sleeping until it is due). */
async function stepNext(this: IExecuteFunctions, run: Run): Promise<Entry | undefined> {
	let next: Entry | undefined;
	for (const entry of run.active) if (!next || entry.nextAt < next.nextAt) next = entry;
	if (!next) return undefined;
	const wait = next.nextAt - run.timers.now();
	if (wait > 0) await run.timers.sleep(wait);
	const before = run.stats.requests;
	if (next.phase === 'job') await pollJob.call(this, next, run);
	else if (next.phase === 'lost') await lookForLost.call(this, next, run);
	// Lookups (GET /posts pages) carry no headers the budget sees: count them.
	if (run.stats.requests > before) run.budget.spend(run.stats.requests - before);
	if (next.phase === 'done') run.active.delete(next);
	return next;
}

/** The error that stops the node (Continue On Fail off): the first failure, and every job Publer accepted. */
function stopError(this: IExecuteFunctions, entries: Entry[], results: BatchItemResult[]): Error {
	const failed = entries.find((entry) => entry.phase !== 'unsent' && hasFailure(entry))!;
	const failedItems = new Set(failed.group.posts.map((post) => post.itemIndex));
	const cause = results.find((result) => result.error && failedItems.has(result.itemIndex))!;
	const causeError = cause.error as NodeOperationError;
	if (entries.length === 1) return causeError;
	const sent = entries.filter((entry) => entry.phase !== 'unsent');
	const accepted = sent.filter((entry) => entry.jobId);
	const jobLine = (entry: Entry) => {
		const states = [...entry.states.values()];
		const failedCount = states.filter((state) => state.error || state.failures.length).length;
		const unknown = states.some((state) => state.outcomeUnknown);
		const settled = states.some((state) => state.status === 'complete' || state.error || state.failures.length);
		const status = !settled ? 'not waited for' : unknown ? 'outcome unknown' : failedCount ? `${failedCount} failed` : 'all created';
		return `job ${entry.jobId} (items ${itemRanges(entry.group.posts)}: ${status})`;
	};
	const lost = sent.filter((entry) => entry.lost);
	const notSent = entries.filter((entry) => entry.phase === 'unsent');
	const parts = [
		accepted.length ? `Publer accepted ${accepted.length} request${accepted.length === 1 ? '' : 's'}: ${accepted.map(jobLine).join('; ')}` : 'Publer accepted no request',
		...lost.map((entry) => {
			const found = entry.lost!.refs.filter((ref) => entry.lost!.found.get(ref)).length;
			return `request ${entry.number} (items ${itemRanges(entry.group.posts)}): answer lost, ${found} of ${entry.lost!.refs.length} posts found`;
		}),
		notSent.length ? `not sent: items ${itemRanges(notSent.flatMap((entry) => entry.group.posts))}` : '',
	].filter((part) => part);
	const error = operationError(this.getNode(), `${causeError.message} — stopped after request ${failed.number} of ${entries.length}. ${parts.join('. ')}`, {
		itemIndex: cause.itemIndex,
		description: [
			causeError.description ?? '',
			notSent.length ? 'Nothing was sent after the failed request.' : '',
			accepted.length
				? 'The posts of the accepted jobs exist in Publer (except those named as failed): before running again, leave their items out (or check them with Job → Get), so nothing is posted twice.'
				: '',
			'To send every request and get one result per item instead, set Settings → On Error to continue.',
		]
			.filter((part) => part)
			.join(' '),
	});
	error.context.publer = {
		...((causeError.context?.publer as object) ?? {}),
		stoppedAtRequest: failed.number,
		requests: entries.length,
		acceptedJobs: accepted.map((entry) => ({ jobId: entry.jobId ?? null, items: itemRanges(entry.group.posts), posts: entry.group.posts.length })),
		lostRequests: lost.map((entry) => ({ request: entry.number, items: itemRanges(entry.group.posts) })),
		notSentItems: notSent.length ? itemRanges(notSent.flatMap((entry) => entry.group.posts)) : null,
	};
	return error;
}

/**
 * Submits every group, pipelined: groups are sent back to back while Publer's rate budget allows (keeping one
 * request per job in flight for its poll), then all their jobs are waited for together, each polled with
 * back-off starting at 250 ms. When the budget is short, the jobs in flight are finished first and the next
 * group waits for the reset. With Continue On Fail off, no group is sent after one failed (refused, answer
 * lost, or a job failure already seen), and the error names every job Publer accepted. One result per post.
 */
export async function submitPosts(this: IExecuteFunctions, groups: RequestGroup[], options: SubmitOptions): Promise<BatchItemResult[]> {
	const timers = options.timers ?? realTimers;
	const continueOnFail = options.continueOnFail ?? true;
	const run: Run = { options, timers, budget: new RateBudget(timers, 1), stats: { requests: 0 }, active: new Set() };
	const entry = (i: number) => entries[i];
	const entries: Entry[] = groups.map((group, i) => {
		const states = new Map<PreparedPost, ItemState>();
		for (const post of group.posts) states.set(post, { post, failures: [], postIds: [], existing: false, requests: 0 });
		return { group, number: i + 1, states, phase: 'unsent', sentAt: 0, nextAt: 0, delay: 0, polls: 0, maxPolls: 0, transientFailures: 0 };
	});
	let stopped = false;
	const check = (entry: Entry | undefined) => {
		if (entry && !continueOnFail && entry.phase !== 'unsent' && hasFailure(entry)) stopped = true;
	};
	const needed = () => run.active.size + (options.wait ? 2 : 1);
	let index = 0;
	// Each step sends, polls or looks once, and every entry has a bounded number of each.
	for (let round = 0; round <= entries.length; round++) {
		for (; index < entries.length && !stopped; index++) {
			// Room for this request, its job's poll and a poll of every job in flight.
			for (let guard = 0; guard < 1_000_000 && !run.budget.allows(needed()) && !stopped; guard++) {
				if (run.active.size) {
					check(await stepNext.call(this, run));
					continue;
				}
				const wait = run.budget.msToReset();
				// The wait for the reset is bounded like the transport's: beyond Max Rate-Limit Wait, send anyway and
				// let the transport meet the 429 (which fails the group, naming the reset time).
				if (wait > 0 && wait <= options.maxRateLimitWaitMs) await timers.sleep(wait);
				run.budget.resetNow();
				break;
			}
			if (stopped) break;
			await sendEntry.call(this, entry(index), run);
			check(entry(index));
		}
		while (run.active.size) check(await stepNext.call(this, run));
		if (index >= entries.length) break;
		// Sending stopped at a request whose answer was lost; if the guard then found all its posts, nothing failed
		// and the rest is sent. Otherwise the run ends here.
		if (entries.some((sent) => sent.phase !== 'unsent' && hasFailure(sent))) break;
		stopped = false;
	}

	const results: BatchItemResult[] = [];
	for (const entry of entries) {
		if (entry.phase === 'unsent') continue;
		results.push(...itemResults.call(this, entry.group, entry.states, entry.number));
	}
	if (!continueOnFail && entries.some((entry) => entry.phase !== 'unsent' && hasFailure(entry))) {
		throw stopError.call(this, entries, results);
	}
	return results;
}
