import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { MAX_RATE_LIMIT_WAIT_BOUNDS, readBoundedNumber } from '../parameters';

/** "Max Rate-Limit Wait" option, in seconds, for an operation's Options collection. */
export const maxRateLimitWaitOption: INodeProperties = {
	displayName: 'Max Rate-Limit Wait (Seconds)',
	name: 'maxRateLimitWait',
	type: 'number',
	typeOptions: { minValue: 0, maxValue: 3600 },
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
	return readBoundedNumber.call(this, 'options.maxRateLimitWait', itemIndex, MAX_RATE_LIMIT_WAIT_BOUNDS) * 1000;
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
	return readBoundedNumber.call(this, 'limit', itemIndex, { label: 'Limit', min: 1, max: 1_000_000, default: 50, integer: true });
}
