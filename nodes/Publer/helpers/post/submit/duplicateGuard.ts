import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { operationError } from './errors';
import { findExistingPosts, targetsOf } from './lookup';
import { itemRanges } from './ranges';
import type { ItemState, PreparedPost, RequestGroup, SubmitOptions, TargetRef } from './types';

/** First pause between two looks for the posts of a request whose answer was lost; it doubles after each look. */
export const GUARD_FIRST_RECHECK_MS = 2000;
/** Looks are also capped in number (with the doubling pauses, this covers any Wait Timeout). */
const MAX_LOOKS = 40;

/**
 * The double-post guard's state for one request whose outcome is unknown: the connection broke after the body
 * was sent, Publer answered 5xx or something unreadable, or accepted it without a job ID. Publer has no
 * idempotency key, so the request is NEVER sent again: the guard looks for its posts (by account, text and time)
 * until they are all found or Wait Timeout passes, and reports what it found. Only a request that provably
 * never reached Publer (connection refused, host not found) is sent again, and that is the transport's job.
 */
export interface LostRequest {
	cause: Error;
	refs: TargetRef[];
	found: Map<TargetRef, IDataObject | undefined>;
	looks: number;
	pauseMs: number;
	lastLookError?: Error;
}

export function startLostRequest(group: RequestGroup, cause: Error, options: SubmitOptions): LostRequest {
	return {
		cause,
		refs: targetsOf(group.posts),
		found: new Map(),
		looks: 0,
		pauseMs: Math.max(GUARD_FIRST_RECHECK_MS, options.pollIntervalMs * 2),
	};
}

/**
 * One look for the posts not found yet. Returns the pause before the next look, or undefined when everything
 * was found (the caller stops at Wait Timeout).
 */
export async function lookOnce(
	this: IExecuteFunctions,
	group: RequestGroup,
	lost: LostRequest,
	options: SubmitOptions,
	stats: { requests: number },
): Promise<number | undefined> {
	const missing = lost.refs.filter((ref) => !lost.found.get(ref));
	lost.looks++;
	try {
		const again = await findExistingPosts.call(this, group.workspaceId, missing, options, stats);
		for (const [ref, record] of again) if (record) lost.found.set(ref, record);
		lost.lastLookError = undefined;
	} catch (error) {
		lost.lastLookError = error as Error;
	}
	const foundCount = lost.refs.filter((ref) => lost.found.get(ref)).length;
	if (foundCount === lost.refs.length) return undefined;
	if (lost.looks >= MAX_LOOKS) return undefined;
	const pause = lost.pauseMs;
	lost.pauseMs *= 2;
	return pause;
}

/** Gives each item of a request whose answer was lost its result: found for every account, or outcome unknown. */
export function settleLostRequest(
	this: IExecuteFunctions,
	group: RequestGroup,
	requestNumber: number,
	lost: LostRequest,
	states: Map<PreparedPost, ItemState>,
	lookedMs: number,
): void {
	const refsByPost = new Map<PreparedPost, TargetRef[]>();
	for (const ref of lost.refs) {
		const list = refsByPost.get(ref.post);
		if (list) list.push(ref);
		else refsByPost.set(ref.post, [ref]);
	}
	const foundPosts = lost.refs.filter((ref) => lost.found.get(ref)).length;
	const items = itemRanges(group.posts);
	for (const post of group.posts) {
		const state = states.get(post)!;
		const refs = refsByPost.get(post) ?? [];
		const records = refs.map((ref) => lost.found.get(ref));
		state.postIds = records.map((record) => (record ? String(record.id) : null));
		if (refs.length && records.every((record) => record)) {
			state.existing = true;
			state.status = 'existing';
			continue;
		}
		state.outcomeUnknown = true;
		const missing = refs.filter((_, i) => !records[i]).map((ref) => ref.target);
		const where = missing
			.map((target) => `${target.accountName ?? target.accountId ?? 'idea'}${target.scheduledAt ? ` at ${target.scheduledAt}` : ''}`)
			.join(', ');
		const foundIds = state.postIds.filter((id) => id);
		const error = operationError(
			this.getNode(),
			`Outcome unknown: the answer to request ${requestNumber} (items ${items}) was lost (${lost.cause.message}), and this item's post was not found in Publer for ${where || 'its accounts'}`,
			{
				itemIndex: post.itemIndex,
				description: [
					`The node looked for the request's posts for ${Math.round(lookedMs / 1000)} s and found ${foundPosts} of ${lost.refs.length}${foundIds.length ? ` (this item's: ${foundIds.join(', ')})` : ''}.`,
					lost.lastLookError ? `The last look failed: ${lost.lastLookError.message}.` : '',
					'Nothing was sent again: Publer may have processed the request (it has no way to make a resend safe).',
					`Check with Post → Get Many (the accounts above, around the post's time) whether the post exists before sending this item again.`,
				]
					.filter((part) => part)
					.join(' '),
			},
		);
		error.context.publer = {
			outcomeUnknown: true,
			request: requestNumber,
			items,
			postIds: foundIds,
			missingAccounts: missing.map((target) => target.accountId),
			cause: lost.cause.message,
		};
		state.error = error;
	}
}
