import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { parseDateTime } from '../../../shared/dates';
import { POST_STATE_FILTERS, postStateOptions } from '../../../shared/postStates';
import { publerApiRequestAllItems } from '../../../shared/transport';
import { getLimit, getMaxRateLimitWaitMs, getWorkspaceId, rateLimitOptions, returnAllOrLimit, workspaceLocator } from '../../../shared/descriptions';
import { pick, toStringList } from '../../../shared/values';

const show = { resource: ['post'], operation: ['getMany'] };

const titleCase = (value: string) => value.replace(/_/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase());

/** `postType` values (§5.6). */
const POST_TYPES = ['article', 'carousel', 'document', 'gif', 'link', 'photo', 'poll', 'reel', 'short', 'status', 'story', 'video'];

const properties: INodeProperties[] = [
	workspaceLocator,
	...returnAllOrLimit({}),
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to return only the main fields (ID, text, state, type, account, network, time, link) of each post',
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Account Names or IDs',
				name: 'accountIds',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getAccounts', loadOptionsDependsOn: ['workspace.value'] },
				default: [],
				description:
					'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			},
			{
				displayName: 'From',
				name: 'from',
				type: 'dateTime',
				default: '',
				description: 'Posts scheduled or published on or after this date (needs To)',
			},
			{
				displayName: 'Member ID',
				name: 'memberId',
				type: 'string',
				default: '',
				description: 'Only posts created by this workspace member',
			},
			{
				displayName: 'Post Type',
				name: 'postType',
				type: 'options',
				options: POST_TYPES.map((t) => ({ name: t === 'gif' ? 'GIF' : titleCase(t), value: t })),
				default: 'status',
			},
			{
				displayName: 'Search Text',
				name: 'query',
				type: 'string',
				default: '',
				description: 'Full-text search in the post content',
			},
			{
				displayName: 'States',
				name: 'states',
				type: 'multiOptions',
				options: postStateOptions(POST_STATE_FILTERS),
				default: [],
				description: 'Only posts in these states (several allowed)',
			},
			{
				displayName: 'To',
				name: 'to',
				type: 'dateTime',
				default: '',
				description: 'Posts scheduled or published on or before this date (needs From)',
			},
		],
	},
	rateLimitOptions,
];

export const description = updateDisplayOptions({ show }, properties);

/** Builds the GET /posts query from the filters; throws on bad input before any request. */
export function postListQuery(this: IExecuteFunctions, itemIndex: number, filters: IDataObject): IDataObject {
	const qs: IDataObject = {};
	const tz = this.getTimezone();
	const states = toStringList(filters.states);
	for (const s of states) {
		if (!POST_STATE_FILTERS.includes(s)) {
			throw new NodeOperationError(this.getNode(), `Item ${itemIndex}: filters.states — "${s}" is not a Publer post state`, {
				itemIndex,
				description: `Use one of: ${POST_STATE_FILTERS.join(', ')}.`,
			});
		}
	}
	if (states.length === 1) qs.state = states[0];
	else if (states.length > 1) qs['state[]'] = states;
	const hasFrom = filters.from !== undefined && filters.from !== '';
	const hasTo = filters.to !== undefined && filters.to !== '';
	if (hasFrom !== hasTo) {
		throw new NodeOperationError(this.getNode(), `Item ${itemIndex}: filters.${hasFrom ? 'to' : 'from'} — Publer needs From and To together`, {
			itemIndex,
			description: 'Set both From and To, or neither.',
		});
	}
	if (hasFrom && hasTo) {
		const from = parseDateTime(filters.from, tz);
		const to = parseDateTime(filters.to, tz);
		if (!from || !to) {
			throw new NodeOperationError(this.getNode(), `Item ${itemIndex}: filters.${from ? 'to' : 'from'} — not a date`, { itemIndex });
		}
		if (to.ms < from.ms) {
			throw new NodeOperationError(this.getNode(), `Item ${itemIndex}: filters.to — To (${to.iso}) is before From (${from.iso})`, { itemIndex });
		}
		qs.from = from.iso;
		qs.to = to.iso;
	}
	const accounts = toStringList(filters.accountIds);
	if (accounts.length) qs.account_ids = accounts;
	if (filters.query) qs.query = String(filters.query);
	if (filters.postType) qs.postType = String(filters.postType);
	if (filters.memberId) qs.member_id = String(filters.memberId).trim();
	return qs;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const workspaceId = getWorkspaceId.call(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const limit = getLimit.call(this, itemIndex);
	const qs = postListQuery.call(this, itemIndex, filters);
	const { items } = await publerApiRequestAllItems.call(this, {
		method: 'GET',
		path: '/posts',
		workspaceId,
		itemIndex,
		qs: qs as Record<string, string>,
		itemsKey: 'posts',
		limit,
		maxRateLimitWaitMs: getMaxRateLimitWaitMs.call(this, itemIndex),
	});
	return simplify
		? items.map((p) => pick(p, ['id', 'text', 'title', 'state', 'type', 'account_id', 'network', 'scheduled_at', 'post_link', 'has_media']))
		: items;
}
