import type { IDataObject, INodeExecutionData, IPollFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { publerApiRequestFull, type PublerResponse, type QueryValue } from '../../shared/transport';
import type { AccountInfo as SharedAccountInfo } from '../../shared/types';
import { str } from '../../shared/values';
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
	/** n8n's poll context (parameters, credentials, static data, HTTP helper). */
	context: IPollFunctions;
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
	/** Requests this poll may send at most (see MAX_REQUESTS_PER_POLL); unset = no bound (engagement). */
	budget?: number;
	/** Set when the budget stopped the poll early; cursors keep where the poll got to. */
	budgetSpent?: boolean;
	accounts?: Map<string, AccountInfo>;
}

export type AccountInfo = SharedAccountInfo<string>;

export interface EventResult {
	items: IDataObject[];
}

/**
 * The most requests one poll of Post Published, Post Failed, Post Entered State or Job Completed sends,
 * whatever the history: a larger window or job list is read over several polls, each continuing where the
 * previous one stopped (README, "Publer Trigger").
 */
export const MAX_REQUESTS_PER_POLL = 10;

/** Whether the error is Publer's rate limit (the transport gives up at once: the poll passes a 0 ms wait bound). */
export function isRateLimitError(error: unknown): boolean {
	const failure = error as { httpCode?: unknown; context?: { publer?: { statusCode?: unknown } } };
	return String(failure?.httpCode ?? '') === '429' || failure?.context?.publer?.statusCode === 429;
}

/** Whether Publer answered 404 (it does not know the job, post or account asked for). */
export function isNotFoundError(error: unknown): boolean {
	const failure = error as { httpCode?: unknown; context?: { publer?: { statusCode?: unknown } } };
	return String(failure?.httpCode ?? '') === '404' || failure?.context?.publer?.statusCode === 404;
}

/**
 * One GET through the transport. Returns undefined when the rate limit or the poll's request budget is spent
 * (the poll then ends early and keeps its cursor); with `notFound`, a 404 comes back as a response with status
 * 404 and no body; any other failure is thrown.
 */
export async function getWithinBudget(
	run: PollRun,
	path: string,
	qs?: Record<string, QueryValue>,
	options: { notFound?: boolean } = {},
): Promise<PublerResponse | undefined> {
	if (run.rateLimited || run.budgetSpent) return undefined;
	if (run.budget !== undefined && run.requests >= run.budget) {
		run.budgetSpent = true;
		return undefined;
	}
	run.requests++;
	const outcome = await publerApiRequestFull
		.call(run.context, { method: 'GET', path, qs, workspaceId: run.settings.workspaceId, maxRateLimitWaitMs: 0 })
		.then(
			(response) => ({ response, failure: undefined }),
			(failure: unknown) => ({ response: undefined, failure }),
		);
	if (outcome.failure === undefined) return outcome.response;
	if (isRateLimitError(outcome.failure)) {
		run.rateLimited = true;
		return undefined;
	}
	if (options.notFound && isNotFoundError(outcome.failure)) {
		return { body: null, statusCode: 404, headers: {}, rateLimit: {}, attempts: 1, waitedMs: 0, earlierOutcomeUnknown: false };
	}
	throw toNodeError(run, outcome.failure);
}

function toNodeError(run: PollRun, failure: unknown): NodeApiError | NodeOperationError {
	if (failure instanceof NodeApiError || failure instanceof NodeOperationError) return failure;
	return new NodeApiError(run.context.getNode(), failure as JsonObject);
}

/** The workspace's accounts (one request per poll, only when a poll needs names or a network filter). */
export async function loadAccounts(run: PollRun): Promise<Map<string, AccountInfo> | undefined> {
	if (run.accounts) return run.accounts;
	const response = await getWithinBudget(run, '/accounts');
	if (!response) return undefined;
	const listed = Array.isArray(response.body) ? (response.body as IDataObject[]) : [];
	const accounts = new Map<string, AccountInfo>();
	for (const account of listed) {
		const id = str(account.id);
		if (!id) continue;
		accounts.set(id, { id, name: str(account.name) ?? id, provider: str(account.provider) ?? '', type: str(account.type) ?? '' });
	}
	run.accounts = accounts;
	return accounts;
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
	const onNetworks = [...accounts.values()].filter((account) => wanted.has(account.provider)).map((account) => account.id);
	return accountIds.length ? onNetworks.filter((id) => accountIds.includes(id)) : onNetworks;
}

export function isoSeconds(ms: number): string {
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function isoDate(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

export function parseTime(value: unknown): number | undefined {
	if (typeof value !== 'string' || !value) return undefined;
	const ms = Date.parse(value);
	return Number.isNaN(ms) ? undefined : ms;
}

/** Publer's reason for a failed post, from whichever field carries it. */
export function failureReason(post: IDataObject): string | null {
	for (const key of ['error', 'error_message', 'failure_reason', 'failure', 'reason', 'message']) {
		const value = post[key];
		if (typeof value === 'string' && value) return value;
		if (value && typeof value === 'object' && typeof (value as IDataObject).message === 'string') return (value as IDataObject).message as string;
	}
	if (Array.isArray(post.errors)) return post.errors.map((entry) => String(entry)).join('; ') || null;
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
		// The live URL on the network: null until Publer has it (TikTok: a few minutes after publishing).
		link: str(post.post_link),
		media: listedMedia(post),
		url: str(post.url),
		scheduledAt: str(post.scheduled_at),
		publishedAt: str(post.published_at),
		workspaceId: run.settings.workspaceId,
		detectedAt: isoSeconds(run.now),
		...extra,
		post,
	};
}

/**
 * The post's media as `GET /posts` lists it (id, type, thumbnails), or null when the listing carries no `media`
 * field (the documented listing has only `has_media`; live lists add `media`, publer-api.md §15).
 */
export function listedMedia(post: IDataObject | undefined): IDataObject[] | null {
	return Array.isArray(post?.media) ? (post.media as IDataObject[]) : null;
}

export function toExecutionData(items: IDataObject[]): INodeExecutionData[] {
	return items.map((json) => ({ json }));
}

export function invalidSetting(run: { context: IPollFunctions }, message: string, description: string): NodeOperationError {
	return new NodeOperationError(run.context.getNode(), message, { description });
}
