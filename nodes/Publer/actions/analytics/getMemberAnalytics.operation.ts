import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { dateQuery, getDateRange } from '../../helpers/analytics';
import { publerApiRequest, type QueryValue } from '../../../shared/transport';
import { getMaxRateLimitWaitMs, getWorkspaceId, rateLimitOptions, workspaceLocator } from '../../../shared/descriptions';
import { accountField, dateFields, getAccountId } from './fields';

const show = { resource: ['analytics'], operation: ['getMemberAnalytics'] };

const properties: INodeProperties[] = [
	workspaceLocator,
	accountField(),
	...dateFields(true),
	rateLimitOptions,
];

export const description = updateDisplayOptions({ show }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const workspaceId = getWorkspaceId.call(this, itemIndex);
	const accountId = getAccountId.call(this, itemIndex);
	const range = getDateRange.call(this, itemIndex, { required: true });
	const qs: Record<string, QueryValue> = { ...(dateQuery(range) as Record<string, string>) };
	if (accountId) qs.account_id = accountId;
	const members = await publerApiRequest.call(this, {
		method: 'GET',
		path: '/analytics/members',
		workspaceId,
		qs,
		itemIndex,
		maxRateLimitWaitMs: getMaxRateLimitWaitMs.call(this, itemIndex),
	});
	return (Array.isArray(members) ? members : []) as IDataObject[];
}
