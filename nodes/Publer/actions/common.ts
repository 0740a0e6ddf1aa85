import type { IDataObject, IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { DEFAULT_MAX_RATE_LIMIT_WAIT_MS } from '../transport';

export const OBJECT_ID_REGEX = '^[0-9a-fA-F]{24}$';

/** The workspace every workspace-scoped operation works in (list with search, or an ID). */
export const workspaceLocator: INodeProperties = {
	displayName: 'Workspace',
	name: 'workspace',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The Publer workspace to work in',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchWorkspaces', searchable: true },
		},
		{
			displayName: 'ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 61a7c2e4f9e8c3b2d1e0f9a8',
			validation: [
				{
					type: 'regex',
					properties: { regex: OBJECT_ID_REGEX, errorMessage: 'A Publer workspace ID is 24 hexadecimal characters' },
				},
			],
		},
	],
};

export function getWorkspaceId(this: IExecuteFunctions, itemIndex: number): string {
	return String(this.getNodeParameter('workspace', itemIndex, '', { extractValue: true }) ?? '').trim();
}

/** "Max Rate-Limit Wait" option, in seconds, for an operation's Options collection. */
export const maxRateLimitWaitOption: INodeProperties = {
	displayName: 'Max Rate-Limit Wait (Seconds)',
	name: 'maxRateLimitWait',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: 130,
	description:
		'How long the node may wait in total for Publer’s rate limit (100 requests per 2 minutes) to reset before it fails. 0 fails at once.',
};

/** The Options collection of operations whose only option is the rate-limit wait. */
export const rateLimitOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [maxRateLimitWaitOption],
};

export function getMaxRateLimitWaitMs(this: IExecuteFunctions, itemIndex: number): number {
	const seconds = this.getNodeParameter('options.maxRateLimitWait', itemIndex, DEFAULT_MAX_RATE_LIMIT_WAIT_MS / 1000) as number;
	return Math.max(0, Number(seconds) || 0) * 1000;
}

export function returnAllOrLimit(show: NonNullable<IDisplayOptions['show']>): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { ...show, returnAll: [false] } },
		},
	];
}

export function getLimit(this: IExecuteFunctions, itemIndex: number): number | undefined {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	if (returnAll) return undefined;
	return this.getNodeParameter('limit', itemIndex, 50) as number;
}

/** Turns a string, a comma-separated list, or an array into a clean string array. */
export function toStringList(value: unknown): string[] {
	if (value === undefined || value === null || value === '') return [];
	const list = Array.isArray(value) ? value : String(value).split(',');
	return list
		.flatMap((v) => (Array.isArray(v) ? v : [v]))
		.map((v) => (typeof v === 'object' && v !== null && 'value' in (v as IDataObject) ? (v as IDataObject).value : v))
		.map((v) => String(v ?? '').trim())
		.filter((v) => v !== '');
}

export function pick(source: IDataObject, keys: string[]): IDataObject {
	const out: IDataObject = {};
	for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
	return out;
}
