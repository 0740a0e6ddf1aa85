import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { accountLabel, currentWorkspace, dropdownRequest, fetchAccounts, selectedNetworks } from './common';

export async function searchWorkspaces(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const workspaces = (await dropdownRequest.call(this, { method: 'GET', path: '/workspaces' })) as IDataObject[];
	const needle = (filter ?? '').toLowerCase();
	const results = (Array.isArray(workspaces) ? workspaces : [])
		.filter((w) => !needle || String(w.name ?? '').toLowerCase().includes(needle) || String(w.id) === filter)
		.map((w) => ({ name: String(w.name ?? w.id), value: String(w.id) }));
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
		.filter((a) => !networks.size || networks.has(String(a.provider)))
		.map((a) => ({ name: accountLabel(a), value: String(a.id) }))
		.filter((r) => !needle || r.name.toLowerCase().includes(needle) || r.value === needle)
		.sort((x, y) => x.name.localeCompare(y.name));
	return { results };
}
