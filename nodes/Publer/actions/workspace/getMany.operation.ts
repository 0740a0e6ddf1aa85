import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { publerApiRequest } from '../../../shared/transport';
import { getLimit, getMaxRateLimitWaitMs, rateLimitOptions, returnAllOrLimit } from '../../../shared/descriptions';

const show = { resource: ['workspace'], operation: ['getMany'] };

const properties: INodeProperties[] = [
	...returnAllOrLimit({}),
	rateLimitOptions,
];

export const description = updateDisplayOptions({ show }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const limit = getLimit.call(this, itemIndex);
	const workspaces = (await publerApiRequest.call(this, {
		method: 'GET',
		path: '/workspaces',
		itemIndex,
		maxRateLimitWaitMs: getMaxRateLimitWaitMs.call(this, itemIndex),
	})) as IDataObject[];
	const list = Array.isArray(workspaces) ? workspaces : [];
	return limit !== undefined ? list.slice(0, limit) : list;
}
