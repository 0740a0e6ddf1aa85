import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { analyticsAccountType } from '../helpers/analytics';
import {
	accountLabel,
	accountOptions,
	currentWorkspace,
	dropdownRequest,
	fetchAccounts,
	requireWorkspace,
	selectedAccountIds,
	selectedNetworks,
} from '../../shared/methods/dropdowns';

export { getAccounts } from '../../shared/methods/accounts';

// ---- media, analytics and workspace-details dropdowns ----

/** "All accounts" (the whole workspace) followed by the accounts of the workspace, for analytics. */
export async function getAnalyticsAccounts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const all: INodePropertyOptions = {
		name: 'All Accounts (Whole Workspace)',
		value: 'all',
		description: 'Report on every account of the workspace together',
	};
	const workspaceId = currentWorkspace.call(this);
	if (!workspaceId) return [all];
	return [all, ...accountOptions(await fetchAccounts.call(this, workspaceId), selectedNetworks.call(this))];
}

/** Analytics charts; only those available for the chosen account's type when one account is chosen. */
export async function getChartIds(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const workspaceId = requireWorkspace.call(this);
	const [accountId] = selectedAccountIds.call(this);
	let accountType: string | undefined;
	if (accountId) {
		const account = (await fetchAccounts.call(this, workspaceId)).find((a) => String(a.id) === accountId);
		if (account) accountType = analyticsAccountType(String(account.provider), account.type as string | undefined);
	}
	const charts = await dropdownRequest.call(this, {
		method: 'GET',
		path: '/analytics/charts',
		workspaceId,
		qs: { account_type: accountType },
	});
	return (Array.isArray(charts) ? (charts as IDataObject[]) : [])
		.map((c) => ({
			name: `${String(c.title ?? c.id)}${c.group_id ? ` (${String(c.group_id)})` : ''}`,
			value: String(c.id),
			description: typeof c.tooltip === 'string' ? c.tooltip : undefined,
		}))
		.sort((x, y) => x.name.localeCompare(y.name));
}

function requireAccounts(this: ILoadOptionsFunctions): string[] {
	const ids = selectedAccountIds.call(this);
	if (!ids.length) {
		throw new NodeOperationError(this.getNode(), 'Choose an account first', {
			description: 'This list depends on the chosen account(s). Pick them, then open the list again.',
		});
	}
	return ids;
}

async function accountNames(this: ILoadOptionsFunctions, workspaceId: string, ids: string[]): Promise<Map<string, string>> {
	if (ids.length < 2) return new Map();
	const accounts = await fetchAccounts.call(this, workspaceId);
	return new Map(accounts.map((a) => [String(a.id), accountLabel(a)]));
}

/** Signatures of the chosen account(s) (`GET /workspaces/{id}/signatures`). */
export async function getSignatures(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const workspaceId = requireWorkspace.call(this);
	const ids = requireAccounts.call(this);
	const response = await dropdownRequest.call(this, {
		method: 'GET',
		path: `/workspaces/${encodeURIComponent(workspaceId)}/signatures`,
		workspaceId,
		qs: { 'accounts[]': ids },
	});
	const names = await accountNames.call(this, workspaceId, ids);
	const options: INodePropertyOptions[] = [];
	for (const entry of Array.isArray(response) ? (response as IDataObject[]) : []) {
		const owner = names.get(String(entry.account_id ?? entry.id));
		for (const s of Array.isArray(entry.signatures) ? (entry.signatures as IDataObject[]) : []) {
			options.push({
				name: `${String(s.label ?? s.id)}${s.default ? ' (default)' : ''}${owner ? ` — ${owner}` : ''}`,
				value: String(s.id),
				description: typeof s.text === 'string' ? s.text.slice(0, 200) : undefined,
			});
		}
	}
	return options.sort((x, y) => x.name.localeCompare(y.name));
}

async function mediaOptions(this: ILoadOptionsFunctions): Promise<{ entries: IDataObject[]; names: Map<string, string> }> {
	const workspaceId = requireWorkspace.call(this);
	const ids = requireAccounts.call(this);
	const response = await dropdownRequest.call(this, {
		method: 'GET',
		path: `/workspaces/${encodeURIComponent(workspaceId)}/media_options`,
		workspaceId,
		qs: { 'accounts[]': ids },
	});
	return {
		entries: Array.isArray(response) ? (response as IDataObject[]) : [],
		names: await accountNames.call(this, workspaceId, ids),
	};
}

/** Watermarks usable by the chosen account(s) (`GET /workspaces/{id}/media_options`). */
export async function getWatermarks(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { entries } = await mediaOptions.call(this);
	const seen = new Map<string, INodePropertyOptions>();
	for (const entry of entries) {
		for (const w of Array.isArray(entry.watermarks) ? (entry.watermarks as IDataObject[]) : []) {
			if (seen.has(String(w.id))) continue;
			seen.set(String(w.id), {
				name: `${String(w.name ?? w.id)}${w.default ? ' (default)' : ''}`,
				value: String(w.id),
				description: [w.position, w.opacity !== undefined ? `opacity ${String(w.opacity)}` : undefined, w.size !== undefined ? `size ${String(w.size)}%` : undefined]
					.filter(Boolean)
					.join(', '),
			});
		}
	}
	return [...seen.values()].sort((x, y) => x.name.localeCompare(y.name));
}

/** Facebook albums and Pinterest boards of the chosen account(s) (`GET /workspaces/{id}/media_options`). */
export async function getAlbums(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { entries, names } = await mediaOptions.call(this);
	const options: INodePropertyOptions[] = [];
	for (const entry of entries) {
		const owner = names.get(String(entry.id ?? entry.account_id));
		for (const a of Array.isArray(entry.albums) ? (entry.albums as IDataObject[]) : []) {
			const kind = a.type === 'pinterest' ? 'Pinterest board' : a.type === 'facebook' ? 'Facebook album' : 'album';
			options.push({ name: `${String(a.name ?? a.id)} (${kind})${owner ? ` — ${owner}` : ''}`, value: String(a.id) });
		}
	}
	return options.sort((x, y) => x.name.localeCompare(y.name));
}
