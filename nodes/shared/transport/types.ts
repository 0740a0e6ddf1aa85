import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

/** A query value: arrays are sent Rails-style as `key[]=a&key[]=b`, as Publer documents. */
export type QueryValue = string | number | boolean | undefined | null | Array<string | number | boolean>;

/** Clock and sleep used by the transport; tests inject fakes so rate-limit waits take no time. */
export interface TransportTimers {
	now(): number;
	sleep(ms: number): Promise<void>;
}

export interface PublerRequestOptions {
	method: IHttpRequestMethods;
	/** Path below the base URL, e.g. `/posts`. Never an absolute URL: the key only goes to the base URL. */
	path: string;
	body?: IDataObject | FormData;
	qs?: Record<string, QueryValue>;
	/** Sent as `Publer-Workspace-Id` on every endpoint except `/users/me` and `/workspaces`. */
	workspaceId?: string;
	/** Index of the input item being processed, attached to errors. */
	itemIndex?: number;
	/**
	 * Whether the request may be repeated after a server error or a dropped connection. Defaults to true
	 * for GET and false otherwise: Publer has no idempotency key, so a repeated POST could post twice.
	 */
	idempotent?: boolean;
	/** Longest total time to wait for Publer's rate limit to reset, in milliseconds. */
	maxRateLimitWaitMs?: number;
	/** Request timeout in milliseconds. */
	timeoutMs?: number;
	timers?: TransportTimers;
	/** Internal: do not read `/users/me` to explain a 401/403 (set on that read itself). */
	skipKeyProbe?: boolean;
}

export interface RateLimitInfo {
	limit?: number;
	remaining?: number;
	/** Epoch milliseconds when the window resets. */
	resetAt?: number;
}

export interface PublerResponse<T = unknown> {
	body: T;
	statusCode: number;
	headers: Record<string, string>;
	rateLimit: RateLimitInfo;
	/** How many times the request was sent (retries included). */
	attempts: number;
	/** Milliseconds spent waiting for rate-limit resets or retry back-off. */
	waitedMs: number;
	/**
	 * An earlier attempt of this request may have been processed by Publer (its connection broke after
	 * sending, or it got a server error or an unreadable answer) before the attempt that answered. A repeated
	 * DELETE, for example, then answers without the posts the first attempt deleted.
	 */
	earlierOutcomeUnknown?: boolean;
}

export interface JobFailure extends IDataObject {
	account_id: string | null;
	account_name: string | null;
	provider: string | null;
	message: string;
}

export type JobState = 'working' | 'complete' | 'failed';

export interface NormalisedJob extends IDataObject {
	jobId: string;
	status: JobState;
	done: boolean;
	/** The job finished, and no account reported a failure. */
	success: boolean;
	failures: JobFailure[];
	/** For media jobs: the media objects Publer returned. */
	media: IDataObject[];
	/** Job-level error message when the whole job failed. */
	error: string | null;
}
