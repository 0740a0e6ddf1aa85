import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { publerApiRequest } from '../../../shared/transport';
import { getMaxRateLimitWaitMs, getWorkspaceId, rateLimitOptions, workspaceLocator } from '../../../shared/descriptions';

const show = { resource: ['post'], operation: ['update'] };

const properties: INodeProperties[] = [
	workspaceLocator,
	{
		displayName: 'Post ID',
		name: 'postId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 6813a0c25ec8b1e65235aeb1',
		description: 'ID of the post (from Post → Get Many or Create with Resolve Post IDs)',
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description: 'The new text. Once published, only some networks change the text on the network (LinkedIn, Google Business, Facebook, WordPress, Telegram, Mastodon, YouTube).',
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Title',
				name: 'title',
				type: 'string',
				default: '',
				description: 'The new title (YouTube ≤ 100 characters, Facebook video, WordPress, Mastodon)',
			},
		],
	},
	rateLimitOptions,
];

export const description = updateDisplayOptions({ show }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const workspaceId = getWorkspaceId.call(this, itemIndex);
	const postId = String(this.getNodeParameter('postId', itemIndex, '') ?? '').trim();
	const text = String(this.getNodeParameter('text', itemIndex, '') ?? '');
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	if (!postId) throw new NodeOperationError(this.getNode(), `Item ${itemIndex}: postId — a post ID is required`, { itemIndex });
	if (!/^[0-9A-Za-z_-]+$/.test(postId)) {
		throw new NodeOperationError(this.getNode(), `Item ${itemIndex}: postId — "${postId}" is not a Publer post ID`, { itemIndex });
	}
	if (!text.trim()) {
		throw new NodeOperationError(this.getNode(), `Item ${itemIndex}: text — Publer requires the text when updating a post`, { itemIndex });
	}
	const post: IDataObject = { text };
	if (fields.title !== undefined && fields.title !== '') post.title = String(fields.title);
	// The docs disagree on the body (publer-api.md §5.10, §13.8): the page's table lists flat `text`/`title`,
	// the OpenAPI block on the same page nests them under `post`. Rails (Publer's stack) reads `params[:post]`
	// for the nested form and `params[:text]` for the flat one; sending both keys satisfies either reading and
	// nothing else is sent, so the update cannot be half-applied. The sandbox accepts both forms.
	const body: IDataObject = { ...post, post };
	return (await publerApiRequest.call(this, {
		method: 'PUT',
		path: `/posts/${encodeURIComponent(postId)}`,
		workspaceId,
		itemIndex,
		body,
		// Setting the same text twice is harmless, so a dropped connection may be retried.
		idempotent: true,
		maxRateLimitWaitMs: getMaxRateLimitWaitMs.call(this, itemIndex),
	})) as IDataObject;
}
