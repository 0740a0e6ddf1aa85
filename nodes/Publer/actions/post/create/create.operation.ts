import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { workspaceLocator } from '../../../../shared/descriptions';
import { publerApiRequest } from '../../../../shared/transport';
import { accountsById, type AccountInfo } from '../../../../shared/types';
import { buildPost, findGapConflicts, GAP_RULE, spacePosts, type GapConflict, type RuleProblem } from '../../../helpers/post';
import { groupPosts, submitPosts, type PreparedPost } from '../../../helpers/post/submit';
import type { BatchItemResult } from '../../types';
import { createFields } from './fields';
import { readInput, readSubmitOptions } from './input';
import { itemParameter } from './itemParameters';
import { completeWatermarks } from './watermarks';

const show = { resource: ['post'], operation: ['create'] };

export const description: INodeProperties[] = updateDisplayOptions({ show }, [workspaceLocator, ...createFields]);

function problemError(this: IExecuteFunctions, itemIndex: number, problems: RuleProblem[], validation: boolean) {
	const first = problems[0];
	const rest = problems.slice(1).map((problem) => `${problem.field}: ${problem.rule}`);
	return new NodeOperationError(this.getNode(), `Item ${itemIndex}: ${first.field} — ${first.rule}`, {
		itemIndex,
		description: [
			rest.length ? `Also: ${rest.join('; ')}.` : '',
			validation ? 'Nothing was sent to Publer. Fix the fields, or turn off Options → Validate Before Sending to let Publer decide.' : 'Nothing was sent to Publer.',
		]
			.filter((sentence) => sentence)
			.join(' '),
	});
}

function gapError(this: IExecuteFunctions, conflict: GapConflict) {
	const itemIndex = conflict.post.itemIndex;
	return new NodeOperationError(
		this.getNode(),
		`Item ${itemIndex}: ${GAP_RULE} — item ${itemIndex} (${conflict.at}) and item ${conflict.other.itemIndex} (${conflict.otherAt}) both post to ${conflict.accountName}`,
		{
			itemIndex,
			description:
				'Publer refuses a post less than one minute after another on the same account. Nothing was sent for this item. ' +
				'Turn on Options → Space Posts Apart (minutes) to spread the items out, or give them times at least one minute apart ' +
				'(or turn off Options → Validate Before Sending to let Publer decide).',
		},
	);
}

/** Post → Create: builds every item's post, validates, batches into bulk requests, waits, maps results back. */
export async function executeBatch(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<BatchItemResult[]> {
	const timeZone = this.getTimezone();
	const now = Date.now();
	const results: BatchItemResult[] = [];
	const prepared: PreparedPost[] = [];
	const accountCache = new Map<string, Map<string, AccountInfo>>();
	const watermarkCache = new Map<string, Map<string, IDataObject>>();
	const continueOnFail = this.continueOnFail();

	const { submitOptions, batch, spaceMinutes } = readSubmitOptions.call(this, timeZone);
	const unvalidated = new Set<number>();

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const workspaceId = String(itemParameter<unknown>(this, 'workspace', itemIndex, '', { extractValue: true }) ?? '').trim();
			if (!workspaceId) {
				throw new NodeOperationError(this.getNode(), `Item ${itemIndex}: workspace — no workspace chosen`, {
					itemIndex,
					description: 'Pick a workspace in the Workspace field (or give its ID).',
				});
			}
			const input = readInput.call(this, itemIndex, now, timeZone);
			let accounts = accountCache.get(workspaceId);
			if (!accounts && input.mode !== 'idea') {
				accounts = accountsById(
					await publerApiRequest.call(this, {
						method: 'GET',
						path: '/accounts',
						workspaceId,
						itemIndex,
						maxRateLimitWaitMs: submitOptions.maxRateLimitWaitMs,
					}),
				);
				accountCache.set(workspaceId, accounts);
			}
			const built = buildPost(input, accounts ?? new Map());
			const validate = itemParameter<boolean>(this, 'options.validate', itemIndex, true) !== false;
			if (built.fatal.length) throw problemError.call(this, itemIndex, built.fatal, false);
			if (validate && built.problems.length) throw problemError.call(this, itemIndex, built.problems, true);
			if (!validate) unvalidated.add(itemIndex);
			await completeWatermarks.call(this, built, workspaceId, itemIndex, accounts, watermarkCache, submitOptions.maxRateLimitWaitMs);
			prepared.push({ itemIndex, workspaceId, mode: input.mode, built });
		} catch (error) {
			// Bad input fails before ANY request: without continue-on-fail nothing is sent.
			const nodeError =
				error instanceof NodeOperationError || error instanceof NodeApiError
					? error
					: new NodeOperationError(this.getNode(), error as Error, { itemIndex });
			if (!continueOnFail) throw nodeError;
			results.push({ itemIndex, error: nodeError });
		}
	}

	// The one-minute gap between posts of one account (Schedule, dated Draft): spaced out when asked, else the
	// posts Publer would refuse are refused here, before any request, naming both items.
	let toSend = prepared;
	if (spaceMinutes > 0) spacePosts(prepared, spaceMinutes, timeZone);
	else {
		const conflicts = findGapConflicts(prepared).filter((conflict) => !unvalidated.has(conflict.post.itemIndex));
		if (conflicts.length) {
			if (!continueOnFail) throw gapError.call(this, conflicts[0]);
			const refused = new Set(conflicts.map((conflict) => conflict.post));
			for (const conflict of conflicts) results.push({ itemIndex: conflict.post.itemIndex, error: gapError.call(this, conflict) });
			toSend = prepared.filter((post) => !refused.has(post));
		}
	}

	const groups = groupPosts(toSend, batch);
	results.push(...(await submitPosts.call(this, groups, { ...submitOptions, continueOnFail })));
	return results;
}
