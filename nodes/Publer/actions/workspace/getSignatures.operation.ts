import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { publerApiRequest } from '../../../shared/transport';
import { getMaxRateLimitWaitMs, getWorkspaceId, rateLimitOptions, workspaceLocator } from '../../../shared/descriptions';
import { toStringList } from '../../../shared/values';

const show = { resource: ['workspace'], operation: ['getSignatures'] };

/** The "accounts" multi-select shared by Get Signatures and Get Media Options. */
export const accountsField: INodeProperties = {
	displayName: 'Account Names or IDs',
	name: 'accounts',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getAccounts', loadOptionsDependsOn: ['workspace.value'] },
	default: [],
	required: true,
	description:
		'Accounts to read the settings of. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

const properties: INodeProperties[] = [
	workspaceLocator,
	accountsField,
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to return one item per signature (with its account ID) instead of one item per account',
	},
	rateLimitOptions,
];

export const description = updateDisplayOptions({ show }, properties);

export function getAccountIds(this: IExecuteFunctions, itemIndex: number): string[] {
	const ids = toStringList(this.getNodeParameter('accounts', itemIndex, []));
	if (!ids.length) {
		throw new NodeOperationError(this.getNode(), 'Choose at least one account', {
			itemIndex,
			description: 'Pick the accounts in "Account Names or IDs" (or give their IDs with an expression, see Account → Get Many).',
		});
	}
	return [...new Set(ids)];
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const workspaceId = getWorkspaceId.call(this, itemIndex);
	const accounts = getAccountIds.call(this, itemIndex);
	const response = await publerApiRequest.call(this, {
		method: 'GET',
		path: `/workspaces/${encodeURIComponent(workspaceId)}/signatures`,
		workspaceId,
		qs: { 'accounts[]': accounts },
		itemIndex,
		maxRateLimitWaitMs: getMaxRateLimitWaitMs.call(this, itemIndex),
	});
	const list = (Array.isArray(response) ? response : []) as IDataObject[];
	if (!(this.getNodeParameter('simplify', itemIndex, true) as boolean)) return list;
	return list.flatMap((entry) =>
		(Array.isArray(entry.signatures) ? (entry.signatures as IDataObject[]) : []).map((signature) => ({
			account_id: entry.account_id ?? entry.id,
			...signature,
		})),
	);
}
