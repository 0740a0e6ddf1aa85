import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { PROVIDER_LABELS, type Provider } from '../helpers/networks';
import { publerApiRequest } from '../transport';

function currentWorkspaceId(this: ILoadOptionsFunctions): string {
	try {
		return String(this.getNodeParameter('workspace', undefined, { extractValue: true }) ?? '').trim();
	} catch (error) {
		// The parameter is absent on operations without a workspace; the caller reports that.
		return (error as Error) ? '' : '';
	}
}

/** Accounts of the chosen workspace, labelled with their network. */
export async function getAccounts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const workspaceId = currentWorkspaceId.call(this);
	if (!workspaceId) return [];
	const accounts = (await publerApiRequest.call(this, { method: 'GET', path: '/accounts', workspaceId })) as IDataObject[];
	return (Array.isArray(accounts) ? accounts : [])
		.map((a) => ({
			name: `${String(a.name ?? a.id)} (${PROVIDER_LABELS[a.provider as Provider] ?? String(a.provider)}${a.type ? ` ${String(a.type)}` : ''})`,
			value: String(a.id),
			description: `ID ${String(a.id)}`,
		}))
		.sort((x, y) => x.name.localeCompare(y.name));
}
