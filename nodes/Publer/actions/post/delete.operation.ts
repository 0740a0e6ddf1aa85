import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { publerApiRequest } from '../../transport';
import { getMaxRateLimitWaitMs, getWorkspaceId, maxRateLimitWaitOption, toStringList, workspaceLocator } from '../common';

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

	const deleted = new Set<string>();
	for (let i = 0; i < ids.length; i += IDS_PER_REQUEST) {
		const chunk = ids.slice(i, i + IDS_PER_REQUEST);
		const response = (await publerApiRequest.call(this, {
			method: 'DELETE',
			path: '/posts',
			workspaceId,
			itemIndex,
			qs: { post_ids: chunk },
			// Deleting twice deletes nothing more: safe to retry.
			idempotent: true,
			maxRateLimitWaitMs: getMaxRateLimitWaitMs.call(this, itemIndex),
		})) as IDataObject;
		const list = Array.isArray(response?.deleted_ids) ? response.deleted_ids : [];
		for (const id of list) deleted.add(String(id));
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
	return ids.map((id) =>
		deleted.has(id) ? { deleted: true, id } : { deleted: false, id, reason: 'Publer did not delete this post (unknown ID, already deleted, or not allowed)' },
	);
}
