import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { NodeOperationError } from 'n8n-workflow';

import type { JobFailure } from '../../../../shared/transport';
import { operationError } from './errors';
import { findExistingPosts } from './lookup';
import type { ItemState, PreparedPost, RequestGroup, SubmitOptions, TargetRef } from './types';

export function describeFailures(failures: JobFailure[]): string {
	return failures
		.map((failure) => `${failure.account_name ?? failure.account_id ?? 'post'}${failure.provider ? ` (${failure.provider})` : ''}: ${failure.message}`)
		.join('; ');
}

/** Failures of one account that several posts of the request target, when Publer named fewer failures than posts. */
export interface AmbiguousFailures {
	refs: TargetRef[];
	failures: JobFailure[];
}

/**
 * Maps a job's failures to the posts of the request by account. A failure names an account, not a post:
 * when one post targets the account it is that post's; when exactly as many failures as posts name it they
 * are shared out in order; otherwise (fewer failures than posts, or more: Publer may give one post several
 * reasons) which posts failed stays open (`ambiguous`, resolved by looking the posts up). Failures that name
 * no account of the request are `orphan`. Every failure lands in exactly one of the three.
 */
export function assignFailures(
	refs: TargetRef[],
	failures: JobFailure[],
): { byPost: Map<PreparedPost, JobFailure[]>; ambiguous: Map<string, AmbiguousFailures>; orphan: JobFailure[] } {
	const byPost = new Map<PreparedPost, JobFailure[]>();
	const ambiguous = new Map<string, AmbiguousFailures>();
	const orphan: JobFailure[] = [];
	const refsByAccount = new Map<string, TargetRef[]>();
	for (const ref of refs) {
		if (!ref.target.accountId) continue;
		const list = refsByAccount.get(ref.target.accountId);
		if (list) list.push(ref);
		else refsByAccount.set(ref.target.accountId, [ref]);
	}
	const byAccount = new Map<string, JobFailure[]>();
	for (const failure of failures) {
		if (failure.account_id && refsByAccount.has(failure.account_id)) {
			const accountFailures = byAccount.get(failure.account_id) ?? [];
			accountFailures.push(failure);
			byAccount.set(failure.account_id, accountFailures);
		} else orphan.push(failure);
	}
	const addFailure = (post: PreparedPost, failure: JobFailure) => {
		const list = byPost.get(post);
		if (list) list.push(failure);
		else byPost.set(post, [failure]);
	};
	for (const [accountId, accountFailures] of byAccount) {
		const targeting = refsByAccount.get(accountId)!;
		if (targeting.length === 1) accountFailures.forEach((failure) => addFailure(targeting[0].post, failure));
		else if (accountFailures.length === targeting.length) targeting.forEach((ref, i) => addFailure(ref.post, accountFailures[i]));
		else ambiguous.set(accountId, { refs: targeting, failures: accountFailures });
	}
	return { byPost, ambiguous, orphan };
}

/**
 * Publer accepted the request (it returned a job ID) but reading the job's status failed. The posts are most
 * likely created, so the error must say so and name the job: an error that only says "try again" makes the
 * user send the posts a second time.
 */
export function waitFailedError(this: IExecuteFunctions, error: Error, jobId: string, posts: number): NodeOperationError {
	if (error.message.includes(jobId)) return error as NodeOperationError; // e.g. the wait timed out: already names the job
	const wrapped = operationError(
		this.getNode(),
		`Publer accepted the ${posts === 1 ? 'post' : `${posts} posts`} (job ${jobId}), but waiting for the job failed: ${error.message}`,
		{
			description: `The posts were sent and are probably created. Check the job with Job → Get (job ID ${jobId}) or the posts with Post → Get Many before sending them again, so nothing is posted twice.`,
		},
	);
	wrapped.context.publer = { jobId, outcomeUnknown: true, cause: error.message };
	return wrapped;
}

/**
 * Failures that name an account several posts of the request target, or no account at all: find out which
 * posts exist (only this case costs extra requests), and give the failure to those that do not.
 */
export async function resolveUnclearFailures(
	this: IExecuteFunctions,
	group: RequestGroup,
	sent: PreparedPost[],
	refs: TargetRef[],
	ambiguous: Map<string, AmbiguousFailures>,
	orphan: JobFailure[],
	states: Map<PreparedPost, ItemState>,
	options: SubmitOptions,
	stats?: { requests: number },
): Promise<void> {
	const unclear: TargetRef[] = [...[...ambiguous.values()].flatMap((entry) => entry.refs)];
	if (orphan.length) {
		if (sent.length === 1) states.get(sent[0])!.failures.push(...orphan);
		else {
			const listed = new Set(unclear);
			unclear.push(...refs.filter((ref) => !listed.has(ref)));
		}
	}
	if (unclear.length) {
		let found: Map<TargetRef, IDataObject | undefined> | undefined;
		try {
			found = await findExistingPosts.call(this, group.workspaceId, unclear, options, stats);
		} catch {
			found = undefined;
		}
		for (const ref of unclear) {
			const record = found?.get(ref);
			if (found && record) continue;
			const accountFailures = ambiguous.get(ref.target.accountId)?.failures ?? orphan;
			const state = states.get(ref.post)!;
			const message = found
				? accountFailures.map((failure) => failure.message).join('; ')
				: `one of the posts for this account failed and Publer did not say which: ${accountFailures.map((failure) => failure.message).join('; ')}`;
			state.failures.push({
				account_id: ref.target.accountId || null,
				account_name: ref.target.accountName,
				provider: ref.target.provider,
				message,
			});
		}
	}
}

/** The error of an item whose post failed for some of its accounts. */
export function failedAccountsError(this: IExecuteFunctions, post: PreparedPost, state: ItemState): NodeOperationError {
	const total = post.built.targets.length;
	const failedAccounts = new Set(state.failures.map((failure) => failure.account_id ?? 'post')).size;
	const error = operationError(
		this.getNode(),
		`Publer could not create the post for ${Math.min(failedAccounts, total)} of ${total} account${total === 1 ? '' : 's'}: ${describeFailures(state.failures)}`,
		{
			itemIndex: post.itemIndex,
			description: `Job ${state.jobId}. Accounts not listed here got the post. Fix the problem and send the post again for the failed accounts only.`,
		},
	);
	error.context.publer = { jobId: state.jobId ?? null, failures: state.failures };
	return error;
}
