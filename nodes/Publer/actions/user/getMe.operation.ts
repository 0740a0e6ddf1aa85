import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { publerApiRequest } from '../../../shared/transport';
import { getMaxRateLimitWaitMs, rateLimitOptions } from '../../../shared/descriptions';

const show = { resource: ['user'], operation: ['getMe'] };

const properties: INodeProperties[] = [
	rateLimitOptions,
];

export const description = updateDisplayOptions({ show }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return (await publerApiRequest.call(this, {
		method: 'GET',
		path: '/users/me',
		itemIndex,
		maxRateLimitWaitMs: getMaxRateLimitWaitMs.call(this, itemIndex),
	})) as IDataObject;
}
