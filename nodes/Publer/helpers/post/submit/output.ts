import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { BatchItemResult } from '../../../actions/types';
import { failedAccountsError } from './failures';
import type { ItemState, PreparedPost, RequestGroup } from './types';

/** The output item of a post that Publer created for every account. */
function outputFor(state: ItemState, group: RequestGroup, requestNumber: number): IDataObject {
	const built = state.post.built;
	const accounts = built.targets
		.filter((target) => target.accountId)
		.map((target) => ({ id: target.accountId, name: target.accountName, network: target.provider, scheduledAt: target.scheduledAt ?? null }));
	const times = [...new Set(accounts.map((account) => account.scheduledAt))];
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
	if (built.textFit) out.textFit = built.textFit;
	if (built.notes?.length) out.notes = built.notes;
	if (state.postIds.some((id) => id)) out.postIds = state.postIds.filter((id) => id);
	if (state.existing) out.duplicateCheck = 'the answer to the request was lost; the post was found in Publer (not sent again)';
	return out;
}

/** One result per post of the request: its error, or its output item. */
export function itemResults(
	this: IExecuteFunctions,
	group: RequestGroup,
	states: Map<PreparedPost, ItemState>,
	requestNumber: number,
): BatchItemResult[] {
	const results: BatchItemResult[] = [];
	for (const post of group.posts) {
		const state = states.get(post)!;
		if (state.error) {
			results.push({ itemIndex: post.itemIndex, error: state.error });
			continue;
		}
		if (state.failures.length) {
			results.push({ itemIndex: post.itemIndex, error: failedAccountsError.call(this, post, state) });
			continue;
		}
		results.push({ itemIndex: post.itemIndex, json: outputFor(state, group, requestNumber) });
	}
	return results;
}
