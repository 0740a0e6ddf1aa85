import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { PROVIDER_LABELS, type Provider } from '../networks';
import { publerApiRequest, type PublerRequestOptions } from '../transport';
import { toStringList } from '../values';

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

/** A multi-select's chosen IDs; "all" (the whole workspace) is no ID. */
function chosenIds(value: unknown): string[] {
	return toStringList(value).filter((id) => id.toLowerCase() !== 'all');
}

/** Account IDs chosen in the node (`accounts` multi-select or a single `account` field). */
export function selectedAccountIds(this: ILoadOptionsFunctions): string[] {
	const ids = [...chosenIds(currentParameter.call(this, 'accounts')), ...chosenIds(currentParameter.call(this, 'account'))];
	return [...new Set(ids)];
}

/** Networks the account lists are limited to (`network`, `networks` or `filters.networks`, when the operation has one). */
export function selectedNetworks(this: ILoadOptionsFunctions): string[] {
	return [
		...chosenIds(currentParameter.call(this, 'network')),
		...chosenIds(currentParameter.call(this, 'networks')),
		...chosenIds(currentParameter.call(this, 'filters.networks')),
	];
}

/**
 * A request made to fill a dropdown. Publer has been seen to swap 401 and 403, so the status code alone does not say
 * whether the key, the workspace or a scope is the problem: the transport classifies it from Publer's message (and
 * one `/users/me` read when that is unclear), and the dropdown keeps that explanation, adding that the ID can still
 * be typed in with an expression.
 */
export async function dropdownRequest<T>(this: ILoadOptionsFunctions, options: PublerRequestOptions): Promise<T> {
	try {
		return (await publerApiRequest.call(this, options)) as T;
	} catch (error) {
		const httpCode = error instanceof NodeApiError ? String(error.httpCode ?? '') : '';
		if (httpCode === '401' || httpCode === '403') {
			const apiError = error as NodeApiError;
			throw new NodeOperationError(this.getNode(), `The list cannot load: ${apiError.message}`, {
				description: `${apiError.description ?? ''} Meanwhile you can enter the ID directly with an expression.`.trim(),
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

export function accountLabel(account: IDataObject): string {
	const network = PROVIDER_LABELS[account.provider as Provider] ?? String(account.provider ?? '');
	return `${String(account.name ?? account.id)} (${network}${account.type ? ` ${String(account.type)}` : ''})`;
}

export function accountOptions(accounts: IDataObject[], networks: string[] = []): INodePropertyOptions[] {
	const wanted = new Set(networks);
	return accounts
		.filter((account) => !wanted.size || wanted.has(String(account.provider)))
		.map((account) => ({ name: accountLabel(account), value: String(account.id), description: `ID ${String(account.id)}` }))
		.sort((x, y) => x.name.localeCompare(y.name));
}
