import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { PROVIDER_LABELS, type Provider } from '../helpers/networks';
import { publerApiRequest, scopeForPath, type PublerRequestOptions } from '../transport';

/** A parameter of the node being edited, or undefined when the operation has no such field. */
export function currentParameter(this: ILoadOptionsFunctions, name: string): unknown {
	try {
		return this.getNodeParameter(name, undefined, { extractValue: true });
	} catch {
		return undefined;
	}
}

export function currentWorkspace(this: ILoadOptionsFunctions): string {
	const value = currentParameter.call(this, 'workspace');
	return String(value ?? '').trim();
}

/** The workspace every dropdown below depends on; a clear message when none is chosen yet. */
export function requireWorkspace(this: ILoadOptionsFunctions): string {
	const workspaceId = currentWorkspace.call(this);
	if (!workspaceId) {
		throw new NodeOperationError(this.getNode(), 'Choose a workspace first', {
			description: 'This list depends on the "Workspace" field. Pick a workspace, then open the list again.',
		});
	}
	return workspaceId;
}

function list(value: unknown): string[] {
	if (value === undefined || value === null || value === '') return [];
	const raw = Array.isArray(value) ? value : String(value).split(',');
	return raw
		.map((v) => (v && typeof v === 'object' && 'value' in (v as IDataObject) ? (v as IDataObject).value : v))
		.map((v) => String(v ?? '').trim())
		.filter((v) => v !== '' && v.toLowerCase() !== 'all');
}

/** Account IDs chosen in the node (`accounts` multi-select or a single `account` field). */
export function selectedAccountIds(this: ILoadOptionsFunctions): string[] {
	const ids = [...list(currentParameter.call(this, 'accounts')), ...list(currentParameter.call(this, 'account'))];
	return [...new Set(ids)];
}

/** Networks the account lists are limited to (`network`, `networks` or `filters.networks`, when the operation has one). */
export function selectedNetworks(this: ILoadOptionsFunctions): string[] {
	return [
		...list(currentParameter.call(this, 'network')),
		...list(currentParameter.call(this, 'networks')),
		...list(currentParameter.call(this, 'filters.networks')),
	];
}

/**
 * A request made to fill a dropdown. A 401/403 becomes a message that says which scope the key lacks and that
 * the ID can still be typed in with an expression.
 */
export async function dropdownRequest<T>(this: ILoadOptionsFunctions, options: PublerRequestOptions): Promise<T> {
	try {
		return (await publerApiRequest.call(this, options)) as T;
	} catch (error) {
		const httpCode = error instanceof NodeApiError ? String(error.httpCode ?? '') : '';
		if (httpCode === '403') {
			const scope = scopeForPath(options.path);
			throw new NodeOperationError(
				this.getNode(),
				`The API key cannot load this list${scope ? `: it lacks the "${scope}" scope` : ''}`,
				{
					description: `${
						scope
							? `Add the "${scope}" scope to the key in Publer (Settings → Access & Login → API Keys) and reload the list`
							: 'Check the key’s scopes in Publer (Settings → Access & Login → API Keys)'
					}, or check that the workspace is yours. Meanwhile you can enter the ID directly with an expression. (${(error as Error).message})`,
				},
			);
		}
		if (httpCode === '401') {
			throw new NodeOperationError(this.getNode(), 'Publer did not accept the API key, so the list cannot load', {
				description: 'Fix the key in the Publer API credential, or enter the ID directly with an expression.',
			});
		}
		throw new NodeOperationError(this.getNode(), error as Error, {
			description: (error as NodeApiError).description ?? undefined,
		});
	}
}

export async function fetchAccounts(this: ILoadOptionsFunctions, workspaceId: string): Promise<IDataObject[]> {
	const accounts = await dropdownRequest.call(this, {
		method: 'GET',
		path: '/accounts',
		workspaceId,
	});
	return Array.isArray(accounts) ? (accounts as IDataObject[]) : [];
}

export function accountLabel(a: IDataObject): string {
	const network = PROVIDER_LABELS[a.provider as Provider] ?? String(a.provider ?? '');
	return `${String(a.name ?? a.id)} (${network}${a.type ? ` ${String(a.type)}` : ''})`;
}

export function accountOptions(accounts: IDataObject[], networks: string[] = []): INodePropertyOptions[] {
	const wanted = new Set(networks);
	return accounts
		.filter((a) => !wanted.size || wanted.has(String(a.provider)))
		.map((a) => ({ name: accountLabel(a), value: String(a.id), description: `ID ${String(a.id)}` }))
		.sort((x, y) => x.name.localeCompare(y.name));
}
