import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { accountOptions, currentWorkspace, fetchAccounts, selectedNetworks } from './dropdowns';

/**
 * Accounts of the chosen workspace, labelled with their network; limited to the networks chosen in the node
 * when the operation has a `network` / `networks` field.
 */
export async function getAccounts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const workspaceId = currentWorkspace.call(this);
	if (!workspaceId) return [];
	return accountOptions(await fetchAccounts.call(this, workspaceId), selectedNetworks.call(this));
}
