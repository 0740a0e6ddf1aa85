import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { analyticsPath, dateQuery, getDateRange } from '../../helpers/analytics';
import { publerApiRequest } from '../../../shared/transport';
import { getMaxRateLimitWaitMs, getWorkspaceId, rateLimitOptions, workspaceLocator } from '../../../shared/descriptions';
import { toStringList } from '../../../shared/values';
import { accountField, dateFields, getAccountId, simplifyField } from './fields';

const show = { resource: ['analytics'], operation: ['getChartData'] };

const properties: INodeProperties[] = [
	workspaceLocator,
	accountField(),
	{
		displayName: 'Chart Names or IDs',
		name: 'chartIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getChartIds', loadOptionsDependsOn: ['workspace.value', 'account'] },
		default: [],
		required: true,
		description:
			'Charts to fetch, e.g. followers, reach, engagement. Publer advises charts of one group per call. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	...dateFields(false),
	simplifyField('one item per chart with its current and previous period, instead of the raw answer'),
	rateLimitOptions,
];

export const description = updateDisplayOptions({ show }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const workspaceId = getWorkspaceId.call(this, itemIndex);
	const accountId = getAccountId.call(this, itemIndex);
	const chartIds = toStringList(this.getNodeParameter('chartIds', itemIndex, []));
	if (!chartIds.length) {
		throw new NodeOperationError(this.getNode(), 'Choose at least one chart', {
			itemIndex,
			description: 'Pick charts in "Chart Names or IDs" (see Analytics → Get Charts for the IDs, e.g. followers, reach).',
		});
	}
	const range = getDateRange.call(this, itemIndex);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const data = (await publerApiRequest.call(this, {
		method: 'GET',
		path: analyticsPath(accountId, 'chart_data'),
		workspaceId,
		qs: { 'chart_ids[]': chartIds, ...(dateQuery(range) as Record<string, string>) },
		itemIndex,
		maxRateLimitWaitMs: getMaxRateLimitWaitMs.call(this, itemIndex),
	})) as IDataObject;
	if (!simplify) return data ?? {};
	const current = (data?.current ?? {}) as IDataObject;
	const previous = (data?.previous ?? {}) as IDataObject;
	return chartIds.map((chartId) => ({
		chartId,
		accountId: accountId ?? 'all',
		from: range.from ?? null,
		to: range.to ?? null,
		current: current[chartId] ?? null,
		previous: previous[chartId] ?? null,
	}));
}
