import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { publerApiRequest } from '../transport';

export async function searchWorkspaces(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const workspaces = (await publerApiRequest.call(this, { method: 'GET', path: '/workspaces' })) as IDataObject[];
	const needle = (filter ?? '').toLowerCase();
	const results = (Array.isArray(workspaces) ? workspaces : [])
		.filter((w) => !needle || String(w.name ?? '').toLowerCase().includes(needle) || String(w.id) === filter)
		.map((w) => ({ name: String(w.name ?? w.id), value: String(w.id) }));
	return { results };
}
