import type { IDataObject } from 'n8n-workflow';

import type { Provider } from './networks';
import { str } from './values';

/**
 * A connected social account, as both nodes need it from `GET /accounts` (publer-api.md §5.5). The trigger
 * only compares providers, so it reads them as plain strings.
 */
export interface AccountInfo<TProvider extends string = Provider> {
	id: string;
	name: string;
	provider: TProvider;
	/** Profile, page, group... as Publer names it. */
	type?: string;
	/** `locked: true` in the list: Publer refuses posts to it (plan limit or locked by an admin). */
	locked?: boolean;
}

/** An account of `GET /accounts`; undefined when the record has no ID. */
export function accountInfo(record: IDataObject): AccountInfo | undefined {
	const id = str(record.id);
	if (!id) return undefined;
	const account: AccountInfo = { id, name: str(record.name) ?? id, provider: (str(record.provider) ?? '') as Provider, type: str(record.type) ?? '' };
	if (record.locked === true) account.locked = true;
	return account;
}

/** The workspace's accounts by ID. */
export function accountsById(records: unknown): Map<string, AccountInfo> {
	const accounts = new Map<string, AccountInfo>();
	for (const record of Array.isArray(records) ? (records as IDataObject[]) : []) {
		const account = accountInfo(record);
		if (account) accounts.set(account.id, account);
	}
	return accounts;
}
