import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { publerApiRequestAllItems, publerApiRequestFull } from '../../../shared/transport';
import { getMaxRateLimitWaitMs, getWorkspaceId, maxRateLimitWaitOption, workspaceLocator } from '../../../shared/descriptions';
import { toStringList } from '../../../shared/values';

const show = { resource: ['post'], operation: ['delete'] };
/** Keeps the query string of one DELETE well under common URL limits. */
const IDS_PER_REQUEST = 100;

const properties: INodeProperties[] = [
	workspaceLocator,
	{
		displayName: 'Post IDs',
		name: 'postIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 6813a0c25ec8b1e65235aeb1, 6813a0c25ec8b1e65235aeb2',
		description: 'One post ID, a comma-separated list, or an array from an expression',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Fail on Posts Not Deleted',
				name: 'failOnNotDeleted',
				type: 'boolean',
				default: true,
				description:
					'Whether an ID Publer did not delete (unknown, already deleted, or not allowed) makes the item fail. Off: such IDs are returned with deleted = false.',
			},
			maxRateLimitWaitOption,
		],
	},
];

export const description = updateDisplayOptions({ show }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const workspaceId = getWorkspaceId.call(this, itemIndex);
	const ids = [...new Set(toStringList(this.getNodeParameter('postIds', itemIndex, '')))];
	const failOnNotDeleted = this.getNodeParameter('options.failOnNotDeleted', itemIndex, true) as boolean;
	if (!ids.length) throw new NodeOperationError(this.getNode(), `Item ${itemIndex}: postIds — give at least one post ID`, { itemIndex });
	const bad = ids.find((id) => !/^[0-9A-Za-z_-]+$/.test(id));
	if (bad) throw new NodeOperationError(this.getNode(), `Item ${itemIndex}: postIds — "${bad}" is not a Publer post ID`, { itemIndex });

	const maxRateLimitWaitMs = getMaxRateLimitWaitMs.call(this, itemIndex);
	const deleted = new Set<string>();
	/** IDs a retried request did not delete although an earlier, unanswered attempt may have. */
	const uncertain: string[] = [];
	for (let i = 0; i < ids.length; i += IDS_PER_REQUEST) {
		const chunk = ids.slice(i, i + IDS_PER_REQUEST);
		if (!chunk.length) continue; // never a DELETE without ids
		const response = await publerApiRequestFull.call(this, {
			method: 'DELETE',
			path: '/posts',
			workspaceId,
			itemIndex,
			qs: { post_ids: chunk },
			// Deleting twice deletes nothing more: safe to retry. But the retry's answer leaves out what the lost
			// attempt deleted, so those IDs are checked below.
			idempotent: true,
			maxRateLimitWaitMs,
		});
		const body = response.body as IDataObject;
		const list = Array.isArray(body?.deleted_ids) ? body.deleted_ids : [];
		for (const id of list) deleted.add(String(id));
		if (response.earlierOutcomeUnknown) uncertain.push(...chunk.filter((id) => !deleted.has(id)));
	}
	const confirmed = new Set<string>();
	const stillThere = new Set<string>();
	let unresolved = new Set<string>();
	if (uncertain.length) {
		// The post list tells what the retry cannot: an ID still listed was not deleted; one no longer listed is gone.
		const listed = await publerApiRequestAllItems.call(this, {
			method: 'GET',
			path: '/posts',
			workspaceId,
			itemIndex,
			qs: { state: 'all' },
			itemsKey: 'posts',
			maxRateLimitWaitMs,
			onIncomplete: 'partial',
		});
		const listedIds = new Set(listed.items.map((post) => String(post.id)));
		for (const id of uncertain) {
			if (listedIds.has(id)) stillThere.add(id);
			else if (listed.complete) confirmed.add(id);
		}
		unresolved = new Set(uncertain.filter((id) => !stillThere.has(id) && !confirmed.has(id)));
		for (const id of confirmed) deleted.add(id);
	}
	const missing = ids.filter((id) => !deleted.has(id));
	if (missing.length && failOnNotDeleted) {
		throw new NodeOperationError(
			this.getNode(),
			`Item ${itemIndex}: Publer did not delete ${missing.length} of ${ids.length} post${ids.length === 1 ? '' : 's'}: ${missing.join(', ')}`,
			{
				itemIndex,
				description: `${deleted.size ? `Deleted: ${[...deleted].join(', ')}. ` : ''}Publer deletes only posts that exist in this workspace and that you may delete. Turn off "Fail on Posts Not Deleted" to get these as deleted = false instead.`,
			},
		);
	}
	return ids.map((id) => {
		if (confirmed.has(id)) {
			return {
				deleted: true,
				id,
				confirmedBy: 'postList',
				note: 'The answer to the first delete request was lost and the retry found nothing left to delete; the post is no longer in the workspace.',
			};
		}
		if (deleted.has(id)) return { deleted: true, id };
		if (unresolved.has(id)) {
			return {
				deleted: false,
				id,
				outcomeUnknown: true,
				reason: 'The answer to the first delete request was lost, and the workspace’s post list could not be read to its end to check this post. Check it in Publer.',
			};
		}
		return { deleted: false, id, reason: 'Publer did not delete this post (unknown ID, already deleted, or not allowed)' };
	});
}
