import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { publerApiRequest } from '../../../shared/transport';
import { getMaxRateLimitWaitMs, getWorkspaceId, rateLimitOptions, workspaceLocator } from '../../../shared/descriptions';

const show = { resource: ['post'], operation: ['getLinkPreview'] };

const properties: INodeProperties[] = [
	workspaceLocator,
	{
		displayName: 'URL',
		name: 'url',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://publer.com',
		description: 'The page to fetch title, description and images of, for a link post',
	},
	rateLimitOptions,
];

export const description = updateDisplayOptions({ show }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const workspaceId = getWorkspaceId.call(this, itemIndex);
	const url = String(this.getNodeParameter('url', itemIndex, '') ?? '').trim();
	if (!url) throw new NodeOperationError(this.getNode(), `Item ${itemIndex}: url — a URL is required`, { itemIndex });
	const response = (await publerApiRequest.call(this, {
		method: 'POST',
		path: '/posts/links',
		workspaceId,
		itemIndex,
		body: { url },
		// Reading a preview changes nothing: safe to retry.
		idempotent: true,
		maxRateLimitWaitMs: getMaxRateLimitWaitMs.call(this, itemIndex),
	})) as IDataObject;
	return (response?.link as IDataObject) ?? response;
}
