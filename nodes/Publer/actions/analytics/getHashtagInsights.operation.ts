import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { analyticsPath, dateQuery, getDateRange } from '../../helpers/analytics';
import { publerApiRequestAllItems, type QueryValue } from '../../../shared/transport';
import { getLimit, getMaxRateLimitWaitMs, getWorkspaceId, rateLimitOptions, returnAllOrLimit, workspaceLocator } from '../../../shared/descriptions';
import { accountField, dateFields, getAccountId, memberIdOption, simplifyField, sortDirectionField } from './fields';

const show = { resource: ['analytics'], operation: ['getHashtagInsights'] };

const properties: INodeProperties[] = [
	workspaceLocator,
	accountField(),
	...dateFields(false),
	...returnAllOrLimit({}),
	{
		displayName: 'Sort By',
		name: 'sortBy',
		type: 'options',
		options: [
			{ name: 'Comments', value: 'comments' },
			{ name: 'Likes', value: 'likes' },
			{ name: 'Posts', value: 'posts' },
			{ name: 'Reach', value: 'reach' },
			{ name: 'Shares', value: 'shares' },
			{ name: 'Video Views', value: 'video_views' },
		],
		default: 'posts',
	},
	sortDirectionField(),
	simplifyField('the recent posts of each hashtag as a list of post IDs instead of full posts'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Hashtag Contains',
				name: 'query',
				type: 'string',
				default: '',
				placeholder: 'e.g. launch',
				description: 'Only hashtags containing this text',
			},
			memberIdOption,
		],
	},
	rateLimitOptions,
];

export const description = updateDisplayOptions({ show }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const workspaceId = getWorkspaceId.call(this, itemIndex);
	const accountId = getAccountId.call(this, itemIndex);
	const range = getDateRange.call(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: Record<string, QueryValue> = {
		...(dateQuery(range) as Record<string, string>),
		sort_by: this.getNodeParameter('sortBy', itemIndex, 'posts') as string,
		sort_type: this.getNodeParameter('sortType', itemIndex, 'DESC') as string,
	};
	if (filters.query) qs.query = String(filters.query);
	if (filters.memberId) qs.member_id = String(filters.memberId);
	const { items } = await publerApiRequestAllItems.call(this, {
		method: 'GET',
		path: analyticsPath(accountId, 'hashtag_insights'),
		workspaceId,
		qs,
		itemsKey: 'records',
		limit: getLimit.call(this, itemIndex),
		itemIndex,
		maxRateLimitWaitMs: getMaxRateLimitWaitMs.call(this, itemIndex),
	});
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	if (!simplify) return items;
	return items.map((record) => {
		const { recent_posts: recent, ...rest } = record;
		return {
			...rest,
			hashtag: typeof rest.hashtag === 'string' && !rest.hashtag.startsWith('#') ? `#${rest.hashtag}` : rest.hashtag,
			recent_post_ids: Array.isArray(recent) ? recent.map((p) => (p as IDataObject)?.id) : [],
		};
	});
}
