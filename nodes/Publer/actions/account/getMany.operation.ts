import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { publerApiRequest } from '../../../shared/transport';
import { getLimit, getMaxRateLimitWaitMs, getWorkspaceId, rateLimitOptions, returnAllOrLimit, workspaceLocator } from '../../../shared/descriptions';
import { pick } from '../../../shared/values';
import { NETWORK_OPTIONS } from '../../../shared/networks';

const show = { resource: ['account'], operation: ['getMany'] };

const properties: INodeProperties[] = [
	workspaceLocator,
	...returnAllOrLimit({}),
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to return only the ID, name, network and type of each account instead of the full record',
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Networks',
				name: 'networks',
				type: 'multiOptions',
				options: NETWORK_OPTIONS,
				default: [],
				description: 'Return only accounts of these networks',
			},
			{
				displayName: 'Name Contains',
				name: 'name',
				type: 'string',
				default: '',
				description: 'Return only accounts whose name contains this text (case-insensitive)',
			},
		],
	},
	rateLimitOptions,
];

export const description = updateDisplayOptions({ show }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const workspaceId = getWorkspaceId.call(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as { networks?: string[]; name?: string };
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const limit = getLimit.call(this, itemIndex);

	const accounts = (await publerApiRequest.call(this, {
		method: 'GET',
		path: '/accounts',
		workspaceId,
		itemIndex,
		maxRateLimitWaitMs: getMaxRateLimitWaitMs.call(this, itemIndex),
	})) as IDataObject[];
	let list = Array.isArray(accounts) ? accounts : [];
	if (filters.networks?.length) {
		const wanted = new Set(filters.networks);
		list = list.filter((a) => wanted.has(String(a.provider)));
	}
	if (filters.name) {
		const needle = filters.name.toLowerCase();
		list = list.filter((a) => String(a.name ?? '').toLowerCase().includes(needle));
	}
	if (limit !== undefined) list = list.slice(0, limit);
	return simplify ? list.map((a) => pick(a, ['id', 'name', 'provider', 'type', 'picture'])) : list;
}
