import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { publerApiRequest } from '../../../shared/transport';
import { getMaxRateLimitWaitMs, getWorkspaceId, rateLimitOptions, workspaceLocator } from '../../../shared/descriptions';
import { accountsField, getAccountIds } from './getSignatures.operation';

const show = { resource: ['workspace'], operation: ['getMediaOptions'] };

const properties: INodeProperties[] = [
	workspaceLocator,
	accountsField,
	rateLimitOptions,
];

export const description = updateDisplayOptions({ show }, properties);

/** One item per account: `{account_id, albums[], watermarks[]}` (§5.4). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const workspaceId = getWorkspaceId.call(this, itemIndex);
	const accounts = getAccountIds.call(this, itemIndex);
	const response = await publerApiRequest.call(this, {
		method: 'GET',
		path: `/workspaces/${encodeURIComponent(workspaceId)}/media_options`,
		workspaceId,
		qs: { 'accounts[]': accounts },
		itemIndex,
		maxRateLimitWaitMs: getMaxRateLimitWaitMs.call(this, itemIndex),
	});
	const list = (Array.isArray(response) ? response : []) as IDataObject[];
	return list.map(({ id, account_id: accountId, albums, watermarks, ...rest }) => ({
		account_id: accountId ?? id,
		albums: Array.isArray(albums) ? albums : [],
		watermarks: Array.isArray(watermarks) ? watermarks : [],
		...rest,
	}));
}
