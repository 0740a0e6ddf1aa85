import type { IDataObject, INodeExecutionData, IPollFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { publerApiRequestFull, type PublerResponse, type QueryValue } from '../../Publer/transport';
import type { TriggerState } from '../state';

/** Everything one poll needs, read and validated before the first request. */
export interface PollSettings {
	event: string;
	workspaceId: string;
	accountIds: string[];
	networks: string[];
	includeExisting: boolean;
	/** Lifecycle events: how late (after its scheduled time) a post may still change state and be caught, in seconds. */
	lateWindowSec: number;
	states: string[];
	jobIds: string[];
	metric: string;
	threshold: number;
	lookbackDays: number;
}

export interface PollRun {
	fn: IPollFunctions;
	settings: PollSettings;
	state: TriggerState;
	/** "Fetch Test Event": return the latest match, change nothing. */
	manual: boolean;
	/** First poll for these settings: record a baseline (emit nothing unless Include Existing). */
	baseline: boolean;
	/** Poll start, epoch milliseconds (n8n's clock). */
	now: number;
	/** Set when Publer's rate limit stopped the poll early; the cursor then stays where the poll could read. */
	rateLimited: boolean;
	/** Requests sent by this poll. */
	requests: number;
	accounts?: Map<string, AccountInfo>;
}

export interface AccountInfo {
	id: string;
	name: string;
	provider: string;
	type: string;
}

export interface EventResult {
	items: IDataObject[];
}

/** Whether the error is Publer's rate limit (the transport gives up at once: the poll passes a 0 ms wait bound). */
export function isRateLimitError(error: unknown): boolean {
	const e = error as { httpCode?: unknown; context?: { publer?: { statusCode?: unknown } } };
	return String(e?.httpCode ?? '') === '429' || e?.context?.publer?.statusCode === 429;
}

/**
 * One GET through the transport. Returns undefined when the rate limit is spent (the poll then ends early and
 * keeps its cursor); any other failure is thrown.
 */
export async function get(run: PollRun, path: string, qs?: Record<string, QueryValue>): Promise<PublerResponse | undefined> {
	if (run.rateLimited) return undefined;
	run.requests++;
	const outcome = await publerApiRequestFull
		.call(run.fn, { method: 'GET', path, qs, workspaceId: run.settings.workspaceId, maxRateLimitWaitMs: 0 })
		.then(
			(response) => ({ response, failure: undefined }),
			(failure: unknown) => ({ response: undefined, failure }),
		);
	if (outcome.failure === undefined) return outcome.response;
	if (isRateLimitError(outcome.failure)) {
		run.rateLimited = true;
		return undefined;
	}
	throw asNodeError(run, outcome.failure);
}

function asNodeError(run: PollRun, failure: unknown): NodeApiError | NodeOperationError {
	if (failure instanceof NodeApiError || failure instanceof NodeOperationError) return failure;
	return new NodeApiError(run.fn.getNode(), failure as JsonObject);
}

function str(v: unknown): string | null {
	return typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null;
}

/** The workspace's accounts (one request per poll, only when a poll needs names or a network filter). */
export async function loadAccounts(run: PollRun): Promise<Map<string, AccountInfo> | undefined> {
	if (run.accounts) return run.accounts;
	const response = await get(run, '/accounts');
	if (!response) return undefined;
	const list = Array.isArray(response.body) ? (response.body as IDataObject[]) : [];
	const map = new Map<string, AccountInfo>();
	for (const a of list) {
		const id = str(a.id);
		if (!id) continue;
		map.set(id, { id, name: str(a.name) ?? id, provider: str(a.provider) ?? '', type: str(a.type) ?? '' });
	}
	run.accounts = map;
	return map;
}

/**
 * The account ids the poll is limited to: the chosen accounts, narrowed (or given) by the chosen networks.
 * Undefined means "all accounts". An empty list means the filters match no account.
 */
export async function accountFilter(run: PollRun): Promise<string[] | undefined | null> {
	const { accountIds, networks } = run.settings;
	if (!networks.length) return accountIds.length ? accountIds : undefined;
	const accounts = await loadAccounts(run);
	if (!accounts) return null; // rate limited
	const wanted = new Set(networks);
	const ids = [...accounts.values()].filter((a) => wanted.has(a.provider)).map((a) => a.id);
	return accountIds.length ? ids.filter((id) => accountIds.includes(id)) : ids;
}

export function iso(ms: number): string {
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function isoDate(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

export function parseTime(value: unknown): number | undefined {
	if (typeof value !== 'string' || !value) return undefined;
	const t = Date.parse(value);
	return Number.isNaN(t) ? undefined : t;
}

/** Publer's reason for a failed post, from whichever field carries it. */
export function failureReason(post: IDataObject): string | null {
	for (const key of ['error', 'error_message', 'failure_reason', 'failure', 'reason', 'message']) {
		const v = post[key];
		if (typeof v === 'string' && v) return v;
		if (v && typeof v === 'object' && typeof (v as IDataObject).message === 'string') return (v as IDataObject).message as string;
	}
	if (Array.isArray(post.errors)) return post.errors.map((e) => String(e)).join('; ') || null;
	return null;
}

/** The fields a workflow acts on, from a `GET /posts` record. */
export function postItem(run: PollRun, event: string, post: IDataObject, extra: IDataObject = {}): IDataObject {
	const accountId = str(post.account_id);
	const account = accountId ? run.accounts?.get(accountId) : undefined;
	return {
		event,
		postId: str(post.id),
		state: str(post.state),
		accountId,
		accountName: account?.name ?? null,
		network: str(post.network) ?? account?.provider ?? null,
		text: typeof post.text === 'string' ? post.text : null,
		title: str(post.title),
		type: str(post.type) ?? str(post.post_type),
		link: str(post.post_link),
		url: str(post.url),
		scheduledAt: str(post.scheduled_at),
		publishedAt: str(post.published_at),
		workspaceId: run.settings.workspaceId,
		detectedAt: iso(run.now),
		...extra,
		post,
	};
}

export function toExecutionData(items: IDataObject[]): INodeExecutionData[] {
	return items.map((json) => ({ json }));
}

export function invalid(run: { fn: IPollFunctions }, message: string, description: string): NodeOperationError {
	return new NodeOperationError(run.fn.getNode(), message, { description });
}
