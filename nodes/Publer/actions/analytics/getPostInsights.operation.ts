import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { analyticsPath, dateQuery, flattenPostInsight, getDateRange } from '../../helpers/analytics';
import { publerApiRequestAllItems, type QueryValue } from '../../../shared/transport';
import { getLimit, getMaxRateLimitWaitMs, getWorkspaceId, rateLimitOptions, returnAllOrLimit, workspaceLocator } from '../../../shared/descriptions';
import {
	accountField,
	dateFields,
	getAccountId,
	memberIdOption,
	POST_SORT_OPTIONS,
	searchOption,
	simplifyField,
	sortDirectionField,
	competitorFilterOptions,
	competitorQuery,
} from './fields';

const show = { resource: ['analytics'], operation: ['getPostInsights'] };

export const POST_TYPES = [
	{ name: 'Article', value: 'article' },
	{ name: 'Carousel', value: 'carousel' },
	{ name: 'Document', value: 'document' },
	{ name: 'GIF', value: 'gif' },
	{ name: 'Link', value: 'link' },
	{ name: 'Photo', value: 'photo' },
	{ name: 'Poll', value: 'poll' },
	{ name: 'Reel', value: 'reel' },
	{ name: 'Short', value: 'short' },
	{ name: 'Status (Text)', value: 'status' },
	{ name: 'Story', value: 'story' },
	{ name: 'Video', value: 'video' },
];

const properties: INodeProperties[] = [
	workspaceLocator,
	accountField(),
	...dateFields(true),
	...returnAllOrLimit({}),
	{
		displayName: 'Sort By',
		name: 'sortBy',
		type: 'options',
		options: POST_SORT_OPTIONS,
		default: 'scheduled_at',
	},
	sortDirectionField(),
	simplifyField('each post with its figures (reach, likes, …) at the top level and labels as names, instead of nested objects'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			...competitorFilterOptions('Competitors’ Posts', 'Whether to return competitors’ posts instead of your own'),
			memberIdOption,
			{
				displayName: 'Post Type',
				name: 'postType',
				type: 'options',
				options: POST_TYPES,
				default: 'photo',
			},
			searchOption,
		],
	},
	rateLimitOptions,
];

export const description = updateDisplayOptions({ show }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const workspaceId = getWorkspaceId.call(this, itemIndex);
	const accountId = getAccountId.call(this, itemIndex);
	const range = getDateRange.call(this, itemIndex, { required: true });
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: Record<string, QueryValue> = {
		...(dateQuery(range) as Record<string, string>),
		sort_by: this.getNodeParameter('sortBy', itemIndex, 'scheduled_at') as string,
		sort_type: this.getNodeParameter('sortType', itemIndex, 'DESC') as string,
		...competitorQuery.call(this, filters, itemIndex, 'Competitors’ Posts'),
	};
	if (filters.postType) qs.postType = String(filters.postType);
	if (filters.memberId) qs.member_id = String(filters.memberId);
	if (filters.query) qs.query = String(filters.query);

	const { items } = await publerApiRequestAllItems.call(this, {
		method: 'GET',
		path: analyticsPath(accountId, 'post_insights'),
		workspaceId,
		qs,
		itemsKey: 'posts',
		limit: getLimit.call(this, itemIndex),
		itemIndex,
		maxRateLimitWaitMs: getMaxRateLimitWaitMs.call(this, itemIndex),
	});
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	return simplify ? items.map(flattenPostInsight) : items;
}
