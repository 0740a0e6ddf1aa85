import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { analyticsPath, dateQuery, flattenCompetitorInsight, getDateRange } from '../../helpers/analytics';
import { publerApiRequestAllItems, type QueryValue } from '../../../shared/transport';
import { getLimit, getMaxRateLimitWaitMs, getWorkspaceId, rateLimitOptions, returnAllOrLimit, workspaceLocator } from '../../../shared/descriptions';
import { accountField, dateFields, getAccountId, simplifyField, sortDirectionField } from './fields';

const show = { resource: ['analytics'], operation: ['getCompetitorAnalytics'] };

const properties: INodeProperties[] = [
	workspaceLocator,
	accountField(false),
	...dateFields(false),
	...returnAllOrLimit({}),
	{
		displayName: 'Sort By',
		name: 'sortBy',
		type: 'options',
		options: [
			{ name: 'Engagement', value: 'engagement' },
			{ name: 'Followers', value: 'followers' },
			{ name: 'Links Count', value: 'links_count' },
			{ name: 'Photos Count', value: 'photos_count' },
			{ name: 'Posts Count', value: 'posts_count' },
			{ name: 'Reach', value: 'reach' },
			{ name: 'Statuses Count', value: 'statuses_count' },
			{ name: 'Videos Count', value: 'videos_count' },
		],
		default: 'followers',
	},
	sortDirectionField(true),
	simplifyField('each row with the account’s ID, name and network at the top level instead of a nested account object'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Competitor ID',
				name: 'competitorId',
				type: 'string',
				default: '',
				description: 'Only this competitor (see Analytics → Get Competitors)',
			},
			{
				displayName: 'Name Contains',
				name: 'query',
				type: 'string',
				default: '',
				description: 'Only competitors whose name contains this',
			},
		],
	},
	rateLimitOptions,
];

export const description = updateDisplayOptions({ show }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const workspaceId = getWorkspaceId.call(this, itemIndex);
	const accountId = getAccountId.call(this, itemIndex);
	if (!accountId) {
		throw new NodeOperationError(this.getNode(), 'Choose the account whose competitors to compare', {
			itemIndex,
			description: 'Competitor analytics are per account: pick one in "Account Name or ID".',
		});
	}
	const range = getDateRange.call(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: Record<string, QueryValue> = {
		...(dateQuery(range) as Record<string, string>),
		sort_by: this.getNodeParameter('sortBy', itemIndex, 'followers') as string,
		// Lowercase on this endpoint (publer-api.md §5.25).
		sort_type: String(this.getNodeParameter('sortType', itemIndex, 'desc')).toLowerCase(),
	};
	if (filters.competitorId) qs.competitor_id = String(filters.competitorId);
	if (filters.query) qs.query = String(filters.query);
	const { items } = await publerApiRequestAllItems.call(this, {
		method: 'GET',
		path: analyticsPath(accountId, 'analytics', '/competitors'),
		workspaceId,
		qs,
		itemsKey: 'insights',
		limit: getLimit.call(this, itemIndex),
		itemIndex,
		maxRateLimitWaitMs: getMaxRateLimitWaitMs.call(this, itemIndex),
	});
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	return simplify ? items.map(flattenCompetitorInsight) : items;
}
