import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { publerApiRequest } from '../../../shared/transport';
import { getMaxRateLimitWaitMs, getWorkspaceId, rateLimitOptions, workspaceLocator } from '../../../shared/descriptions';
import { accountField, getAccountId } from './fields';

const show = { resource: ['analytics'], operation: ['getCompetitors'] };

const properties: INodeProperties[] = [
	workspaceLocator,
	accountField(),
	rateLimitOptions,
];

export const description = updateDisplayOptions({ show }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const workspaceId = getWorkspaceId.call(this, itemIndex);
	const accountId = getAccountId.call(this, itemIndex);
	const path = accountId ? `/competitors/${encodeURIComponent(accountId)}` : '/competitors';
	const competitors = await publerApiRequest.call(this, {
		method: 'GET',
		path,
		workspaceId,
		itemIndex,
		maxRateLimitWaitMs: getMaxRateLimitWaitMs.call(this, itemIndex),
	});
	return (Array.isArray(competitors) ? competitors : []) as IDataObject[];
}
