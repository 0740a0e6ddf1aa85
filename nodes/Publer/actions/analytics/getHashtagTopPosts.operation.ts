import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { analyticsPath, dateQuery, flattenPostInsight, getDateRange } from '../../helpers/analytics';
import { publerApiRequest, type QueryValue } from '../../../shared/transport';
import { getMaxRateLimitWaitMs, getWorkspaceId, rateLimitOptions, workspaceLocator } from '../../../shared/descriptions';
import {
	accountField,
	dateFields,
	getAccountId,
	memberIdOption,
	POST_SORT_OPTIONS,
	searchOption,
	simplifyField,
	sortDirectionField,
} from './fields';

const show = { resource: ['analytics'], operation: ['getHashtagTopPosts'] };

const properties: INodeProperties[] = [
	workspaceLocator,
	{
		displayName: 'Hashtag',
		name: 'hashtag',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. #smm',
		description: 'The hashtag, with or without the leading #',
	},
	accountField(),
	...dateFields(false),
	{
		displayName: 'Sort By',
		name: 'sortBy',
		type: 'options',
		options: POST_SORT_OPTIONS,
		default: 'engagement',
	},
	sortDirectionField(),
	simplifyField('each post with its figures at the top level and labels as names, instead of nested objects'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [memberIdOption, searchOption],
	},
	rateLimitOptions,
];

export const description = updateDisplayOptions({ show }, properties);

export function normaliseHashtag(raw: string): string {
	const tag = raw.trim().replace(/^#+/, '');
	return tag ? `#${tag}` : '';
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const workspaceId = getWorkspaceId.call(this, itemIndex);
	const hashtag = normaliseHashtag(String(this.getNodeParameter('hashtag', itemIndex, '') ?? ''));
	if (!hashtag || /\s/.test(hashtag)) {
		throw new NodeOperationError(this.getNode(), hashtag ? `"${hashtag}" is not one hashtag` : 'The hashtag is empty', {
			itemIndex,
			description: 'Enter one hashtag without spaces, e.g. #smm.',
		});
	}
	const accountId = getAccountId.call(this, itemIndex);
	const range = getDateRange.call(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: Record<string, QueryValue> = {
		hashtag,
		...(dateQuery(range) as Record<string, string>),
		sort_by: this.getNodeParameter('sortBy', itemIndex, 'engagement') as string,
		sort_type: this.getNodeParameter('sortType', itemIndex, 'DESC') as string,
	};
	if (filters.query) qs.query = String(filters.query);
	if (filters.memberId) qs.member_id = String(filters.memberId);
	const posts = await publerApiRequest.call(this, {
		method: 'GET',
		path: analyticsPath(accountId, 'hashtag_performing_posts'),
		workspaceId,
		qs,
		itemIndex,
		maxRateLimitWaitMs: getMaxRateLimitWaitMs.call(this, itemIndex),
	});
	const list = (Array.isArray(posts) ? posts : []) as IDataObject[];
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	return simplify ? list.map(flattenPostInsight) : list;
}
