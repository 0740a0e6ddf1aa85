import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { BatchItemResult } from '../actions/types';
import {
	isOutcomeUnknown,
	jobIdFromSubmit,
	publerApiRequestAllItems,
	publerApiRequestFull,
	realTimers,
	waitForJob,
	type JobFailure,
	type NormalisedJob,
	type TransportTimers,
} from '../transport';
import { formatInZone } from './dates';
import type { BuiltPost, PostTarget } from './postBody';

/** Publer accepts up to 500 posts per request (publer-api.md §7.8). */
export const MAX_POSTS_PER_REQUEST = 500;
const TIME_TOLERANCE_MS = 60_000;
/** How long the double-post guard keeps looking for the posts of a request whose answer was lost. */
const GUARD_WINDOW_MS = 60_000;
const GUARD_FIRST_RECHECK_MS = 2000;

export interface PreparedPost {
	itemIndex: number;
	workspaceId: string;
	mode: string;
	built: BuiltPost;
}

export interface SubmitOptions {
	wait: boolean;
	waitTimeoutMs: number;
	pollIntervalMs: number;
	resolvePostIds: boolean;
	duplicateGuard: boolean;
	maxRateLimitWaitMs: number;
	timeZone: string;
	timers?: TransportTimers;
}

/** One bulk request: consecutive posts with the same workspace, endpoint and state. */
export interface RequestGroup {
	workspaceId: string;
	endpoint: string;
	state: string;
	posts: PreparedPost[];
}

/**
 * Splits prepared posts into requests. With batching, consecutive posts that share workspace, endpoint
 * and `bulk.state` go together, up to 500 per request; recurring posts always go alone (Publer does not
 * support recurring posts in bulk, §7.7–7.8). Without batching every post is its own request.
 */
export function groupPosts(posts: PreparedPost[], batch: boolean): RequestGroup[] {
	const groups: RequestGroup[] = [];
	let current: RequestGroup | undefined;
	for (const p of posts) {
		const alone = !batch || p.built.state === 'recurring' || p.built.post.recurring !== undefined;
		if (
			!alone &&
			current &&
			current.workspaceId === p.workspaceId &&
			current.endpoint === p.built.endpoint &&
			current.state === p.built.state &&
			current.posts.length < MAX_POSTS_PER_REQUEST &&
			!(current.posts[0].built.state === 'recurring' || current.posts[0].built.post.recurring !== undefined)
		) {
			current.posts.push(p);
			continue;
		}
		current = { workspaceId: p.workspaceId, endpoint: p.built.endpoint, state: p.built.state, posts: [p] };
		groups.push(current);
		if (alone) current = undefined;
	}
	return groups;
}


function normaliseText(text: unknown): string {
	return String(text ?? '')
		.replace(/\s+/g, ' ')
		.trim();
}

function textMatches(sent: string, listed: unknown): boolean {
	const a = normaliseText(sent);
	const b = normaliseText(listed);
	if (a === b) return true;
	// X without Premium cuts long posts at 280 characters; Publer may also trim.
	return b.length >= 20 && a.startsWith(b);
}

/** A (post × account) of a request, with the item it belongs to. */
interface TargetRef {
	post: PreparedPost;
	target: PostTarget;
}

function targetsOf(posts: PreparedPost[]): TargetRef[] {
	return posts.flatMap((post) => post.built.targets.map((target) => ({ post, target })));
}

/**
 * Finds the posts Publer holds for the given targets: one `GET /posts` walk filtered by the targets'
 * accounts and time window, then matched by account, text and scheduled time (each listed post is used
 * once). Returns the listed post per target, or undefined when none matches.
 */
export async function findExistingPosts(
	this: IExecuteFunctions,
	workspaceId: string,
	refs: TargetRef[],
	options: SubmitOptions,
): Promise<Map<TargetRef, IDataObject | undefined>> {
	const result = new Map<TargetRef, IDataObject | undefined>();
	if (!refs.length) return result;
	const withAccounts = refs.filter((r) => r.target.accountId);
	const ideas = refs.filter((r) => !r.target.accountId);
	const queries: Array<{ qs: IDataObject; refs: TargetRef[] }> = [];

	if (withAccounts.length) {
		const accountIds = [...new Set(withAccounts.map((r) => r.target.accountId))];
		let from = Infinity;
		let to = -Infinity;
		let bounded = true;
		for (const r of withAccounts) {
			const t = r.target;
			if (t.scheduledAtMs !== undefined) {
				from = Math.min(from, t.scheduledAtMs - TIME_TOLERANCE_MS);
				to = Math.max(to, t.scheduledAtMs + TIME_TOLERANCE_MS);
			} else if (t.windowFrom !== undefined && t.windowTo !== undefined) {
				from = Math.min(from, t.windowFrom);
				to = Math.max(to, t.windowTo);
			} else bounded = false;
		}
		const qs: IDataObject = { account_ids: accountIds };
		if (bounded && Number.isFinite(from) && Number.isFinite(to)) {
			qs.from = formatInZone(from, options.timeZone);
			qs.to = formatInZone(to, options.timeZone);
		} else {
			// Undated drafts have no time to filter on; narrow to drafts instead.
			const states = [...new Set(withAccounts.map((r) => r.post.built.state))];
			if (states.every((s) => s.startsWith('draft'))) qs.state = states.length === 1 ? states[0] : states;
		}
		queries.push({ qs, refs: withAccounts });
	}
	if (ideas.length) {
		const states = [...new Set(ideas.map((r) => r.post.built.state))];
		const qs: IDataObject = { state: states.length === 1 ? states[0] : states };
		if (ideas.length === 1 && ideas[0].target.text) qs.query = normaliseText(ideas[0].target.text).slice(0, 80);
		queries.push({ qs, refs: ideas });
	}

	for (const q of queries) {
		const listed = await publerApiRequestAllItems.call(this, {
			method: 'GET',
			path: '/posts',
			workspaceId,
			qs: q.qs as Record<string, string | string[]>,
			itemsKey: 'posts',
			maxRateLimitWaitMs: options.maxRateLimitWaitMs,
			timers: options.timers,
		});
		const used = new Set<IDataObject>();
		for (const ref of q.refs) {
			const t = ref.target;
			const match = listed.items.find((p) => {
				if (used.has(p)) return false;
				if (t.accountId && String(p.account_id ?? '') !== t.accountId) return false;
				if (!t.accountId && p.account_id) return false;
				if (!textMatches(t.text, p.text)) return false;
				if (t.scheduledAtMs !== undefined && p.scheduled_at) {
					const at = Date.parse(String(p.scheduled_at));
					if (!Number.isNaN(at) && Math.abs(at - t.scheduledAtMs) > TIME_TOLERANCE_MS) return false;
				}
				return true;
			});
			if (match) used.add(match);
			result.set(ref, match);
		}
	}
	return result;
}

interface ItemState {
	post: PreparedPost;
	jobId?: string;
	status?: string;
	failures: JobFailure[];
	postIds: Array<string | null>;
	existing: boolean;
	error?: Error;
	requests: number;
}

function describeFailures(failures: JobFailure[]): string {
	return failures
		.map((f) => `${f.account_name ?? f.account_id ?? 'post'}${f.provider ? ` (${f.provider})` : ''}: ${f.message}`)
		.join('; ');
}

function outputFor(state: ItemState, group: RequestGroup, requestNumber: number): IDataObject {
	const built = state.post.built;
	const accounts = built.targets
		.filter((t) => t.accountId)
		.map((t) => ({ id: t.accountId, name: t.accountName, network: t.provider, scheduledAt: t.scheduledAt ?? null }));
	const times = [...new Set(accounts.map((a) => a.scheduledAt))];
	const out: IDataObject = {
		success: true,
		status: state.status ?? 'submitted',
		jobId: state.jobId ?? null,
		mode: state.post.mode,
		state: built.state,
		endpoint: built.endpoint,
		workspaceId: state.post.workspaceId,
		scheduledAt: times.length === 1 ? times[0] : null,
		accounts,
		failures: state.failures,
		request: { number: requestNumber, posts: group.posts.length },
	};
	if (built.post.recurring) out.recurring = built.post.recurring;
	if (built.post.recycling) out.recycling = built.post.recycling;
	if (built.post.range) out.range = built.post.range;
	if (state.postIds.some((id) => id)) out.postIds = state.postIds.filter((id) => id);
	if (state.existing) out.duplicateCheck = 'already existed: not sent again';
	return out;
}

async function sendGroup(this: IExecuteFunctions, group: RequestGroup, posts: PreparedPost[], options: SubmitOptions) {
	const body = { bulk: { state: group.state, posts: posts.map((p) => p.built.post) } };
	const response = await publerApiRequestFull.call(this, {
		method: 'POST',
		path: group.endpoint,
		workspaceId: group.workspaceId,
		body,
		itemIndex: posts.length === 1 ? posts[0].itemIndex : undefined,
		maxRateLimitWaitMs: options.maxRateLimitWaitMs,
		timers: options.timers,
	});
	const jobId = jobIdFromSubmit(response.body);
	if (!jobId) {
		throw new NodeOperationError(this.getNode(), 'Publer accepted the posts but returned no job ID', {
			description: `The answer was ${JSON.stringify(response.body).slice(0, 200)}. Check the posts in Publer before sending them again.`,
		});
	}
	return jobId;
}

/**
 * The double-post guard. The submit's outcome is unknown (the connection broke after sending, a 5xx on the
 * POST, or an unreadable answer), and Publer has no idempotency key: list the posts for the request's
 * accounts and times, report those that exist, and return the posts (narrowed to their missing accounts)
 * that must be sent again.
 */
async function guard(
	this: IExecuteFunctions,
	group: RequestGroup,
	states: Map<PreparedPost, ItemState>,
	options: SubmitOptions,
): Promise<PreparedPost[]> {
	const timers = options.timers ?? realTimers;
	const refs = targetsOf(group.posts);
	const found = await findExistingPosts.call(this, group.workspaceId, refs, options);
	// Publer may still be processing the job whose answer was lost, and its posts appear only when it is
	// done: look again with growing pauses, for up to min(Wait Timeout, 60 s), before resending anything.
	const windowMs = Math.min(options.waitTimeoutMs, GUARD_WINDOW_MS);
	const started = timers.now();
	let pause = Math.max(GUARD_FIRST_RECHECK_MS, options.pollIntervalMs * 2);
	while ([...found.values()].some((v) => !v)) {
		const left = windowMs - (timers.now() - started);
		if (left <= 0) break;
		await timers.sleep(Math.min(pause, left));
		pause *= 2;
		const missing = refs.filter((r) => !found.get(r));
		const again = await findExistingPosts.call(this, group.workspaceId, missing, options);
		for (const [ref, record] of again) if (record) found.set(ref, record);
	}
	const resend: PreparedPost[] = [];
	for (const post of group.posts) {
		const state = states.get(post)!;
		const targets = post.built.targets;
		const records = targets.map((t) => found.get(refs.find((r) => r.post === post && r.target === t)!));
		state.postIds = records.map((r) => (r ? String(r.id) : null));
		if (records.every((r) => r)) {
			state.existing = true;
			state.status = 'existing';
			continue;
		}
		const missingTargets = targets.filter((_, i) => !records[i]);
		if (missingTargets.length === targets.length) {
			resend.push(post);
			continue;
		}
		// Only some accounts of this post exist: resend it for the missing accounts only.
		const accounts = (post.built.post.accounts as IDataObject[]).filter((a) => missingTargets.some((t) => t.accountId === a.id));
		resend.push({ ...post, built: { ...post.built, post: { ...post.built.post, accounts }, targets: missingTargets } });
	}
	return resend;
}

function assignFailures(
	refs: TargetRef[],
	failures: JobFailure[],
): { byPost: Map<PreparedPost, JobFailure[]>; ambiguous: Map<string, { refs: TargetRef[]; failures: JobFailure[] }>; orphan: JobFailure[] } {
	const byPost = new Map<PreparedPost, JobFailure[]>();
	const ambiguous = new Map<string, { refs: TargetRef[]; failures: JobFailure[] }>();
	const orphan: JobFailure[] = [];
	const byAccount = new Map<string, JobFailure[]>();
	for (const f of failures) {
		if (f.account_id && refs.some((r) => r.target.accountId === f.account_id)) {
			const list = byAccount.get(f.account_id) ?? [];
			list.push(f);
			byAccount.set(f.account_id, list);
		} else orphan.push(f);
	}
	const add = (post: PreparedPost, f: JobFailure) => byPost.set(post, [...(byPost.get(post) ?? []), f]);
	for (const [accountId, list] of byAccount) {
		const targeting = refs.filter((r) => r.target.accountId === accountId);
		if (targeting.length === 1) list.forEach((f) => add(targeting[0].post, f));
		else if (list.length >= targeting.length) targeting.forEach((r, i) => add(r.post, list[i]));
		else ambiguous.set(accountId, { refs: targeting, failures: list });
	}
	return { byPost, ambiguous, orphan };
}

/**
 * Publer accepted the request (it returned a job ID) but reading the job's status failed. The posts are most
 * likely created, so the error must say so and name the job: an error that only says "try again" makes the
 * user send the posts a second time.
 */
function waitFailedError(this: IExecuteFunctions, error: Error, jobId: string, posts: number): NodeOperationError {
	if (error.message.includes(jobId)) return error as NodeOperationError; // e.g. the wait timed out: already names the job
	const wrapped = new NodeOperationError(
		this.getNode(),
		`Publer accepted the ${posts === 1 ? 'post' : `${posts} posts`} (job ${jobId}), but waiting for the job failed: ${error.message}`,
		{
			description: `The posts were sent and are probably created. Check the job with Job → Get (job ID ${jobId}) or the posts with Post → Get Many before sending them again, so nothing is posted twice.`,
		},
	);
	wrapped.context.publer = { jobId, outcomeUnknown: true, cause: error.message };
	return wrapped;
}

/** Submits every group, waits, maps failures and post IDs back to items. One result per prepared post. */
export async function submitPosts(this: IExecuteFunctions, groups: RequestGroup[], options: SubmitOptions): Promise<BatchItemResult[]> {
	const results: BatchItemResult[] = [];
	let requestNumber = 0;
	for (const group of groups) {
		requestNumber++;
		const states = new Map<PreparedPost, ItemState>();
		for (const post of group.posts) states.set(post, { post, failures: [], postIds: [], existing: false, requests: 0 });
		const failAll = (posts: PreparedPost[], error: Error) => posts.forEach((p) => (states.get(p)!.error = error));

		// ---- submit (with the double-post guard)
		let sent: PreparedPost[] = group.posts;
		let jobId: string | undefined;
		try {
			jobId = await sendGroup.call(this, group, group.posts, options);
		} catch (error) {
			if (isOutcomeUnknown(error) && options.duplicateGuard) {
				let resend: PreparedPost[];
				try {
					resend = await guard.call(this, group, states, options);
				} catch (guardError) {
					failAll(group.posts, new NodeOperationError(this.getNode(), `${(error as Error).message}. Checking for the posts in Publer failed too: ${(guardError as Error).message}`, {
						description: 'The posts may or may not exist in Publer. Check the post list (Post → Get Many) before running this again, to avoid posting twice.',
					}));
					resend = [];
					sent = [];
				}
				if (resend.length) {
					try {
						jobId = await sendGroup.call(this, group, resend, options);
						sent = resend.map((p) => group.posts.find((g) => g.itemIndex === p.itemIndex)!);
					} catch (resendError) {
						failAll(
							resend.map((p) => group.posts.find((g) => g.itemIndex === p.itemIndex)!),
							resendError as Error,
						);
						sent = [];
					}
				} else if (sent.length) sent = [];
			} else {
				failAll(group.posts, error as Error);
				sent = [];
			}
		}
		for (const p of sent) {
			const state = states.get(p)!;
			state.jobId = jobId;
			state.status = 'submitted';
		}

		// ---- wait
		if (jobId && sent.length && options.wait) {
			let job: NormalisedJob | undefined;
			try {
				job = await waitForJob.call(this, {
					jobId,
					workspaceId: group.workspaceId,
					timeoutMs: options.waitTimeoutMs,
					initialDelayMs: options.pollIntervalMs,
					maxDelayMs: Math.max(options.pollIntervalMs, 10_000),
					timers: options.timers,
				});
			} catch (error) {
				failAll(sent, waitFailedError.call(this, error as Error, jobId, sent.length));
			}
			if (job) {
				const refs = targetsOf(sent);
				if (job.status === 'failed') {
					failAll(
						sent,
						new NodeOperationError(this.getNode(), `Publer job ${jobId} failed: ${job.error ?? 'no reason given'}`, {
							description: `None of the ${sent.length} post(s) of this request were created. ${describeFailures(job.failures)}`,
						}),
					);
				} else {
					for (const p of sent) states.get(p)!.status = 'complete';
					const { byPost, ambiguous, orphan } = assignFailures(refs, job.failures);
					for (const [post, list] of byPost) states.get(post)!.failures.push(...list);
					// Failures that name an account several posts of the request target, or no account at all:
					// find out which posts exist (only this case costs extra requests).
					const unclear: TargetRef[] = [...[...ambiguous.values()].flatMap((a) => a.refs)];
					if (orphan.length) {
						if (sent.length === 1) states.get(sent[0])!.failures.push(...orphan);
						else unclear.push(...refs.filter((r) => !unclear.includes(r)));
					}
					if (unclear.length) {
						let found: Map<TargetRef, IDataObject | undefined> | undefined;
						try {
							found = await findExistingPosts.call(this, group.workspaceId, unclear, options);
						} catch {
							found = undefined;
						}
						for (const ref of unclear) {
							const record = found?.get(ref);
							if (found && record) continue;
							const accountFailures = ambiguous.get(ref.target.accountId)?.failures ?? orphan;
							const state = states.get(ref.post)!;
							const message = found
								? accountFailures.map((f) => f.message).join('; ')
								: `one of the posts for this account failed and Publer did not say which: ${accountFailures.map((f) => f.message).join('; ')}`;
							state.failures.push({
								account_id: ref.target.accountId || null,
								account_name: ref.target.accountName,
								provider: ref.target.provider,
								message,
							});
						}
					}
					if (options.resolvePostIds) {
						try {
							const found = await findExistingPosts.call(this, group.workspaceId, refs, options);
							for (const p of sent) {
								const state = states.get(p)!;
								state.postIds = refs.filter((r) => r.post === p).map((r) => (found.get(r)?.id ? String(found.get(r)!.id) : null));
							}
						} catch {
							// IDs are a convenience: the posts were created; leave postIds out.
						}
					}
				}
			}
		}

		for (const post of group.posts) {
			const state = states.get(post)!;
			if (state.error) {
				results.push({ itemIndex: post.itemIndex, error: state.error });
				continue;
			}
			if (state.failures.length) {
				const total = post.built.targets.length;
				const failedAccounts = new Set(state.failures.map((f) => f.account_id ?? 'post')).size;
				const error = new NodeOperationError(
					this.getNode(),
					`Publer could not create the post for ${Math.min(failedAccounts, total)} of ${total} account${total === 1 ? '' : 's'}: ${describeFailures(state.failures)}`,
					{
						itemIndex: post.itemIndex,
						description: `Job ${state.jobId}. Accounts not listed here got the post. Fix the problem and send the post again for the failed accounts only.`,
					},
				);
				error.context.publer = { jobId: state.jobId ?? null, failures: state.failures };
				results.push({ itemIndex: post.itemIndex, error });
				continue;
			}
			results.push({ itemIndex: post.itemIndex, json: outputFor(state, group, requestNumber) });
		}
	}
	return results;
}
