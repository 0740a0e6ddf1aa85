import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { accountFromValue } from '../../helpers/analytics';

const DYNAMIC_DESCRIPTION =
	'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>';

/** One account, or the whole workspace (`all`). */
export function accountField(wholeWorkspace = true): INodeProperties {
	return {
		displayName: wholeWorkspace ? 'Account Name or ID' : 'Account Name or ID',
		name: 'account',
		type: 'options',
		typeOptions: {
			loadOptionsMethod: wholeWorkspace ? 'getAnalyticsAccounts' : 'getAccounts',
			loadOptionsDependsOn: ['workspace.value'],
		},
		default: '',
		required: !wholeWorkspace,
		description: wholeWorkspace
			? `Account to report on: an account ID (from Account → Get Many), or "all" (or empty) for every account of the workspace. ${DYNAMIC_DESCRIPTION}.`
			: `One account ID (from Account → Get Many; "all" is not accepted). ${DYNAMIC_DESCRIPTION}.`,
	};
}

export function getAccountId(this: IExecuteFunctions, itemIndex: number): string | undefined {
	return accountFromValue(this.getNodeParameter('account', itemIndex, ''));
}

const FROM_DESCRIPTION =
	'First day of the period (inclusive): a date as YYYY-MM-DD (ask an AI agent for this form), or an expression such as {{ $today.minus({ days: 30 }) }}. Sent as YYYY-MM-DD in the workflow’s timezone.';
const TO_DESCRIPTION = 'Last day of the period (inclusive): a date as YYYY-MM-DD, or an expression such as {{ $today }}.';
const OPTIONAL_DATE = ' Leave empty for Publer’s default period.';

export function dateFields(required: boolean): INodeProperties[] {
	return [
		{
			displayName: 'From',
			name: 'from',
			type: 'dateTime',
			default: '',
			required,
			description: required ? FROM_DESCRIPTION : FROM_DESCRIPTION + OPTIONAL_DATE,
		},
		{
			displayName: 'To',
			name: 'to',
			type: 'dateTime',
			default: '',
			required,
			description: required ? TO_DESCRIPTION : TO_DESCRIPTION + OPTIONAL_DATE,
		},
	];
}

export const POST_SORT_OPTIONS = [
	{ name: 'Click-Through Rate', value: 'click_through_rate' },
	{ name: 'Comments', value: 'comments' },
	{ name: 'Engagement', value: 'engagement' },
	{ name: 'Engagement Rate', value: 'engagement_rate' },
	{ name: 'Likes', value: 'likes' },
	{ name: 'Link Clicks', value: 'link_clicks' },
	{ name: 'Post Clicks', value: 'post_clicks' },
	{ name: 'Post Type', value: 'postType' },
	{ name: 'Publication Date', value: 'scheduled_at' },
	{ name: 'Reach', value: 'reach' },
	{ name: 'Reach Rate', value: 'reach_rate' },
	{ name: 'Saves', value: 'saves' },
	{ name: 'Shares', value: 'shares' },
	{ name: 'Video Views', value: 'video_views' },
];

const SORT_UPPER: INodeProperties = {
	displayName: 'Sort Direction',
	name: 'sortType',
	type: 'options',
	options: [
		{ name: 'Ascending', value: 'ASC' },
		{ name: 'Descending', value: 'DESC' },
	],
	default: 'DESC',
};

/** Publer's competitor analytics takes the direction in lowercase (publer-api.md §5.25). */
const SORT_LOWER: INodeProperties = {
	displayName: 'Sort Direction',
	name: 'sortType',
	type: 'options',
	options: [
		{ name: 'Ascending', value: 'asc' },
		{ name: 'Descending', value: 'desc' },
	],
	default: 'desc',
};

export function sortDirectionField(lowercase = false): INodeProperties {
	return lowercase ? SORT_LOWER : SORT_UPPER;
}

export const simplifyField = (what: string): INodeProperties => ({
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: `Whether to return ${what}`,
});

export const memberIdOption: INodeProperties = {
	displayName: 'Member ID',
	name: 'memberId',
	type: 'string',
	default: '',
	placeholder: 'e.g. 5b1ec026db27977424e8599e',
	description: 'Only count posts created by this workspace member (user ID, see Workspace → Get Many)',
};

export const searchOption: INodeProperties = {
	displayName: 'Search',
	name: 'query',
	type: 'string',
	default: '',
	placeholder: 'e.g. launch',
	description: 'Only posts whose text contains this',
};

/**
 * The "competitors" switch and "Competitor ID" filter that post insights and best times share (§5.19, §5.22).
 * `label` is the switch's display name in that operation.
 */
export function competitorFilterOptions(label: string, switchDescription: string): INodeProperties[] {
	return [
		{
			displayName: 'Competitor ID',
			name: 'competitorId',
			type: 'string',
			default: '',
			description: `With "${label}" on: only this competitor (see Analytics → Get Competitors)`,
		},
		{
			displayName: label,
			name: 'competitors',
			type: 'boolean',
			default: false,
			description: switchDescription,
		},
	];
}

/** The query of those filters; a Competitor ID without the switch fails before any request. */
export function competitorQuery(this: IExecuteFunctions, filters: IDataObject, itemIndex: number, label: string): Record<string, string> {
	if (filters.competitorId && filters.competitors !== true) {
		throw new NodeOperationError(this.getNode(), `"Competitor ID" only works with "${label}" on`, {
			itemIndex,
			description: `Turn on the "${label}" filter, or remove "Competitor ID".`,
		});
	}
	const qs: Record<string, string> = {};
	if (filters.competitors === true) qs.competitors = 'true';
	if (filters.competitorId) qs.competitor_id = String(filters.competitorId);
	return qs;
}
