import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ANALYTICS_ACCOUNT_TYPES } from '../../helpers/analytics';
import { publerApiRequest } from '../../../shared/transport';
import { getMaxRateLimitWaitMs, getWorkspaceId, maxRateLimitWaitOption, workspaceLocator } from '../../../shared/descriptions';

const show = { resource: ['analytics'], operation: ['getCharts'] };

const properties: INodeProperties[] = [
	workspaceLocator,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Account Type',
				name: 'accountType',
				type: 'options',
				options: ANALYTICS_ACCOUNT_TYPES,
				default: 'ig_business',
				description: 'Return only the charts available for this kind of account',
			},
			maxRateLimitWaitOption,
		],
	},
];

export const description = updateDisplayOptions({ show }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const workspaceId = getWorkspaceId.call(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as { accountType?: string };
	const charts = await publerApiRequest.call(this, {
		method: 'GET',
		path: '/analytics/charts',
		workspaceId,
		qs: { account_type: options.accountType },
		itemIndex,
		maxRateLimitWaitMs: getMaxRateLimitWaitMs.call(this, itemIndex),
	});
	return Array.isArray(charts) ? (charts as IDataObject[]) : [];
}
