import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { accountLabel, currentWorkspace, dropdownRequest, fetchAccounts, selectedNetworks } from './dropdowns';

export async function searchWorkspaces(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const workspaces = (await dropdownRequest.call(this, { method: 'GET', path: '/workspaces' })) as IDataObject[];
	const needle = (filter ?? '').toLowerCase();
	const results = (Array.isArray(workspaces) ? workspaces : [])
		.filter((workspace) => !needle || String(workspace.name ?? '').toLowerCase().includes(needle) || String(workspace.id) === filter)
		.map((workspace) => ({ name: String(workspace.name ?? workspace.id), value: String(workspace.id) }));
	return { results };
}

/**
 * Accounts of the chosen workspace for a resource locator, searchable by name, network or ID, limited to the
 * networks chosen in the node when the operation has a `network` / `networks` field.
 */
export async function searchAccounts(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const workspaceId = currentWorkspace.call(this);
	if (!workspaceId) return { results: [] };
	const networks = new Set(selectedNetworks.call(this));
	const needle = (filter ?? '').trim().toLowerCase();
	const results = (await fetchAccounts.call(this, workspaceId))
		.filter((account) => !networks.size || networks.has(String(account.provider)))
		.map((account) => ({ name: accountLabel(account), value: String(account.id) }))
		.filter((result) => !needle || result.name.toLowerCase().includes(needle) || result.value === needle)
		.sort((x, y) => x.name.localeCompare(y.name));
	return { results };
}
