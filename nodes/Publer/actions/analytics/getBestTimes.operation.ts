import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { analyticsPath, bestSlots, dateQuery, getDateRange } from '../../helpers/analytics';
import { publerApiRequest, type QueryValue } from '../../../shared/transport';
import { getMaxRateLimitWaitMs, getWorkspaceId, rateLimitOptions, workspaceLocator } from '../../../shared/descriptions';
import { readBoundedNumber } from '../../../shared/parameters';
import { accountField, competitorFilterOptions, competitorQuery, dateFields, getAccountId } from './fields';

const show = { resource: ['analytics'], operation: ['getBestTimes'] };

const properties: INodeProperties[] = [
	workspaceLocator,
	accountField(),
	...dateFields(true),
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			'Whether to return the best day-and-hour slots ranked by score (one item each) instead of the full grid of 7 days × 24 hourly scores',
	},
	{
		displayName: 'Number of Slots',
		name: 'slots',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 168 },
		default: 10,
		description: 'How many of the best slots to return',
		displayOptions: { show: { simplify: [true] } },
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			...competitorFilterOptions('Competitors', 'Whether to compute the best times from competitors’ posts instead of your own'),
		],
	},
	rateLimitOptions,
];

export const description = updateDisplayOptions({ show }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const workspaceId = getWorkspaceId.call(this, itemIndex);
	const accountId = getAccountId.call(this, itemIndex);
	const range = getDateRange.call(this, itemIndex, { required: true });
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: Record<string, QueryValue> = {
		...(dateQuery(range) as Record<string, string>),
		...competitorQuery.call(this, filters, itemIndex, 'Competitors'),
	};
	const grid = (await publerApiRequest.call(this, {
		method: 'GET',
		path: analyticsPath(accountId, 'best_times'),
		workspaceId,
		qs,
		itemIndex,
		maxRateLimitWaitMs: getMaxRateLimitWaitMs.call(this, itemIndex),
	})) as IDataObject;
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const object = grid && typeof grid === 'object' && !Array.isArray(grid) ? grid : {};
	if (!simplify) return object;
	const count = readBoundedNumber.call(this, 'slots', itemIndex, { label: 'Number of Slots', min: 1, max: 168, default: 10, integer: true });
	return bestSlots(object, count);
}
