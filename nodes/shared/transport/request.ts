import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	connectionError,
	errorFromResponse,
	nonJsonError,
	rateLimitError,
	redact,
	type ErrorContext,
	type KeyProbe,
	classifyAuthMessage,
	extractPublerMessage,
} from './errors';
import { realTimers } from './timers';
import type { PublerRequestOptions, PublerResponse, QueryValue, RateLimitInfo } from './types';

export type PublerContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions | IHookFunctions;

export const CREDENTIAL_TYPE = 'publerApi';
export const DEFAULT_BASE_URL = 'https://app.publer.com/api/v1';
/** A little over one 2-minute window of Publer's rate limit. */
export const DEFAULT_MAX_RATE_LIMIT_WAIT_MS = 130_000;
const MAX_SERVER_RETRIES = 3;

/** The only endpoints that take no `Publer-Workspace-Id` header (publer-api.md §1). */
const WORKSPACELESS_PATHS = new Set(['/users/me', '/workspaces']);

export function needsWorkspace(path: string): boolean {
	return !WORKSPACELESS_PATHS.has(path.replace(/\/+$/, ''));
}

const LOOPBACK_HOSTS = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\]|::1)$/i;

/**
 * Validates the credential's base URL: HTTPS, or plain HTTP only to a loopback host (the local sandbox).
 * Returns it without trailing slashes, or a reason it was refused.
 */
export function checkBaseUrl(raw: string | undefined): { url?: string; problem?: string } {
	const value = (raw ?? '').trim() || DEFAULT_BASE_URL;
	let parsed: URL;
	try {
		parsed = new URL(value);
	} catch {
		return { problem: `The Base URL "${value}" in the Publer API credential is not a valid URL. Use ${DEFAULT_BASE_URL}.` };
	}
	if (parsed.username || parsed.password) {
		return { problem: 'The Base URL in the Publer API credential must not contain a user name or password.' };
	}
	const loopback = LOOPBACK_HOSTS.test(parsed.hostname);
	if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && loopback)) {
		return {
			problem: `The Base URL "${value}" does not use HTTPS. The API key is only sent over HTTPS (plain HTTP is allowed only to localhost, for the local sandbox). Use ${DEFAULT_BASE_URL}.`,
		};
	}
	return { url: value.replace(/\/+$/, '') };
}

/** Serialises query parameters the way Publer documents them: arrays as `key[]=a&key[]=b`. */
export function buildQueryString(qs: Record<string, QueryValue> | undefined): string {
	if (!qs) return '';
	const parts: string[] = [];
	for (const [key, value] of Object.entries(qs)) {
		if (value === undefined || value === null || value === '') continue;
		if (Array.isArray(value)) {
			const name = key.endsWith('[]') ? key : `${key}[]`;
			for (const v of value) parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(String(v))}`);
		} else {
			parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
		}
	}
	return parts.length ? `?${parts.join('&')}` : '';
}

function header(headers: Record<string, unknown> | undefined, name: string): string | undefined {
	if (!headers) return undefined;
	const direct = headers[name] ?? headers[name.toLowerCase()];
	if (direct !== undefined) return String(direct);
	const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
	return key ? String(headers[key]) : undefined;
}

/** Reads `X-RateLimit-*`. Reset is UNIX seconds; small values are read as seconds from now. */
export function parseRateLimit(headers: Record<string, unknown> | undefined, now: number): RateLimitInfo {
	const num = (v: string | undefined) => (v === undefined || v === '' || isNaN(Number(v)) ? undefined : Number(v));
	const limit = num(header(headers, 'x-ratelimit-limit'));
	const remaining = num(header(headers, 'x-ratelimit-remaining'));
	const reset = num(header(headers, 'x-ratelimit-reset'));
	let resetAt: number | undefined;
	if (reset !== undefined) resetAt = reset > 1e12 ? reset : reset > 1e9 ? reset * 1000 : now + reset * 1000;
	return { limit, remaining, resetAt };
}

const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ERR_INVALID_URL']);

function errorCode(error: unknown): string {
	const seen = new Set<unknown>();
	let e = error as { code?: unknown; cause?: unknown; errorResponse?: unknown } | undefined;
	while (e && typeof e === 'object' && !seen.has(e)) {
		seen.add(e);
		if (typeof e.code === 'string' && e.code) return e.code;
		const httpCode = (e as { httpCode?: unknown }).httpCode;
		if (typeof httpCode === 'string' && /^E[A-Z_]+$/.test(httpCode)) return httpCode;
		e = (e.cause ?? e.errorResponse) as typeof e;
	}
	return '';
}

function errorText(error: unknown): string {
	const seen = new Set<unknown>();
	let e = error as { message?: unknown; cause?: unknown } | undefined;
	let text = '';
	while (e && typeof e === 'object' && !seen.has(e)) {
		seen.add(e);
		const messages = (e as { messages?: unknown }).messages;
		if (Array.isArray(messages) && typeof messages[0] === 'string' && messages[0]) return messages[0];
		if (typeof e.message === 'string' && e.message) text = e.message;
		e = e.cause as typeof e;
	}
	return text || 'the connection failed';
}

function backoffMs(attempt: number): number {
	return Math.min(30_000, 1000 * 2 ** Math.max(0, attempt - 1));
}

/** A path segment or ID Publer can take: letters, digits, `_` and `-` (never `.`, `..`, `/`, `%`, `?`, `#`). */
const SAFE_SEGMENT = /^[A-Za-z0-9_-]+$/;

/** Why the path cannot be sent as it is (a segment that would change the endpoint), or undefined. */
export function pathProblem(path: string): string | undefined {
	if (!path.startsWith('/')) return `must start with "/"`;
	const segments = path.slice(1).split('/');
	for (const segment of segments) {
		if (!SAFE_SEGMENT.test(segment)) {
			let shown = segment;
			try {
				shown = decodeURIComponent(segment);
			} catch {
				// keep it encoded
			}
			return segment === ''
				? 'has an empty segment'
				: `contains "${shown.length > 60 ? shown.slice(0, 57) + '...' : shown}", which is not a Publer ID (IDs are letters, digits, "_" and "-")`;
		}
	}
	return undefined;
}

/** A millisecond bound given to the transport: a finite number ≥ 0 (never NaN or Infinity, which would remove it). */
function checkMs(node: ReturnType<PublerContext['getNode']>, name: string, value: number | undefined, itemIndex: number | undefined, min = 0): void {
	if (value === undefined) return;
	if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
		throw new NodeOperationError(node, `Internal error: ${name} is ${String(value)}, not a number of milliseconds ≥ ${min}`, {
			itemIndex,
			description: 'Nothing was sent to Publer. A numeric option of this operation has an invalid value: check the options (an expression there must give a number).',
		});
	}
}

/** `DELETE /posts` must name the posts: one client reports that without ids it deletes every unpublished post. */
function deleteWithoutIds(options: PublerRequestOptions): boolean {
	if (options.method !== 'DELETE' || options.path.replace(/\/+$/, '') !== '/posts') return false;
	const raw = options.qs?.post_ids ?? options.qs?.['post_ids[]'];
	const ids = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
	if (!ids.length) return true;
	const keys = Object.keys(options.qs ?? {}).filter((key) => key !== 'post_ids' && key !== 'post_ids[]');
	return keys.length > 0 || ids.some((id) => typeof id !== 'string' && typeof id !== 'number') || ids.some((id) => !SAFE_SEGMENT.test(String(id)));
}

/** Results of `GET /users/me` per execution context, so an unclear 401/403 costs one extra request at most once. */
const keyProbes = new WeakMap<object, KeyProbe>();

async function probeKey(this: PublerContext, options: PublerRequestOptions): Promise<KeyProbe> {
	const cached = keyProbes.get(this);
	if (cached) return cached;
	let probe: KeyProbe = {};
	try {
		await publerApiRequestFull.call(this, {
			method: 'GET',
			path: '/users/me',
			itemIndex: options.itemIndex,
			maxRateLimitWaitMs: 0,
			timers: options.timers,
			skipKeyProbe: true,
		});
		probe = { keyWorks: true };
	} catch (error) {
		const publer = (error as { context?: { publer?: { statusCode?: number } } })?.context?.publer;
		if (publer?.statusCode === 401 || publer?.statusCode === 403) probe = { keyWorks: false };
	}
	if (probe.keyWorks !== undefined) keyProbes.set(this, probe);
	return probe;
}

/**
 * Sends one request to Publer and returns the parsed JSON with status, headers and rate-limit data.
 * This is the only place in the package that does HTTP.
 */
export async function publerApiRequestFull<T = unknown>(
	this: PublerContext,
	options: PublerRequestOptions,
): Promise<PublerResponse<T>> {
	const timers = options.timers ?? realTimers;
	const node = this.getNode();
	const method = options.method;
	const idempotent = options.idempotent ?? (method === 'GET' || method === 'HEAD');
	const bound = options.maxRateLimitWaitMs ?? DEFAULT_MAX_RATE_LIMIT_WAIT_MS;

	const credentials = await this.getCredentials<{ apiKey?: string; baseUrl?: string }>(CREDENTIAL_TYPE);
	const secret = typeof credentials?.apiKey === 'string' ? credentials.apiKey : undefined;
	const ctx: ErrorContext = {
		method,
		path: options.path,
		workspaceId: options.workspaceId,
		itemIndex: options.itemIndex,
		secret,
	};

	const base = checkBaseUrl(credentials?.baseUrl);
	if (!base.url) {
		throw new NodeOperationError(node, base.problem ?? 'Invalid Base URL', { itemIndex: options.itemIndex });
	}
	const badPath = pathProblem(options.path);
	if (badPath) {
		throw new NodeOperationError(node, `The Publer endpoint ${options.method} ${options.path.slice(0, 200)} ${badPath}`, {
			itemIndex: options.itemIndex,
			description: 'Nothing was sent to Publer. Check the IDs given to this operation: an ID such as "..", or one containing "/", "%", "?" or "#", would change which endpoint is called.',
		});
	}
	if (deleteWithoutIds(options)) {
		throw new NodeOperationError(node, 'Refused to send DELETE /posts without a list of post IDs', {
			itemIndex: options.itemIndex,
			description: 'Nothing was sent to Publer. Give the IDs of the posts to delete: without them the request could delete every unpublished post.',
		});
	}
	checkMs(node, 'the maximum rate-limit wait', options.maxRateLimitWaitMs, options.itemIndex);
	checkMs(node, 'the request timeout', options.timeoutMs, options.itemIndex, 1);
	if (options.workspaceId !== undefined && options.workspaceId !== '' && !SAFE_SEGMENT.test(options.workspaceId)) {
		throw new NodeOperationError(node, `"${options.workspaceId.slice(0, 60)}" is not a Publer workspace ID`, {
			itemIndex: options.itemIndex,
			description: 'Nothing was sent to Publer. A workspace ID is letters and digits (24 hexadecimal characters): pick the workspace from the list.',
		});
	}

	const headers: IDataObject = { Accept: 'application/json' };
	if (needsWorkspace(options.path)) {
		if (!options.workspaceId) {
			throw new NodeOperationError(node, 'No workspace chosen', {
				itemIndex: options.itemIndex,
				description: 'Publer needs a workspace for this operation. Pick one in the "Workspace" field (or give its ID).',
			});
		}
		headers['Publer-Workspace-Id'] = options.workspaceId;
	}

	const request: IHttpRequestOptions = {
		method,
		url: `${base.url}${options.path}${buildQueryString(options.qs)}`,
		headers,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		disableFollowRedirect: true,
		sendCredentialsOnCrossOriginRedirect: false,
		encoding: 'text',
		json: false,
		timeout: options.timeoutMs ?? 120_000,
	};
	if (options.body !== undefined) {
		if (options.body instanceof FormData) {
			request.body = options.body as unknown as IHttpRequestOptions['body'];
		} else {
			headers['Content-Type'] = 'application/json';
			// As bytes: a JSON string body is parsed again by axios to check it (a 500-post bulk is about 0.5 MB).
			request.body = Buffer.from(JSON.stringify(options.body), 'utf8');
		}
	}

	let attempts = 0;
	let waitedMs = 0;
	let serverRetries = 0;
	let rateLimitRetries = 0;
	/** An earlier attempt of this request may have reached Publer (dropped after sending, 5xx, unreadable answer). */
	let earlierOutcomeUnknown = false;
	/** Waits the next back-off step before a server-side retry. */
	const backOff = async () => {
		serverRetries++;
		const wait = backoffMs(serverRetries);
		await timers.sleep(wait);
		waitedMs += wait;
	};
	for (;;) {
		attempts++;
		let response: { body: unknown; headers: Record<string, unknown>; statusCode: number };
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, request)) as typeof response;
		} catch (error) {
			const code = errorCode(error);
			const notSent = NOT_SENT_CODES.has(code);
			const retryable = (idempotent || notSent) && code !== 'ENOTFOUND' && code !== 'ERR_INVALID_URL';
			if (retryable && serverRetries < MAX_SERVER_RETRIES) {
				if (!notSent) earlierOutcomeUnknown = true;
				await backOff();
				continue;
			}
			throw connectionError(node, ctx, code, redact(errorText(error), secret), !idempotent && !notSent);
		}

		const statusCode = Number(response.statusCode);
		const rateLimit = parseRateLimit(response.headers, timers.now());
		const text = typeof response.body === 'string' ? response.body : response.body === undefined || response.body === null ? '' : Buffer.isBuffer(response.body) ? response.body.toString('utf8') : JSON.stringify(response.body);
		let parsed: unknown = undefined;
		let isJson = false;
		if (text.trim()) {
			try {
				parsed = JSON.parse(text);
				isJson = true;
			} catch {
				isJson = false;
			}
		}

		if (statusCode === 429) {
			rateLimitRetries++;
			const now = timers.now();
			const wait = rateLimit.resetAt !== undefined ? Math.max(1000, rateLimit.resetAt - now + 250) : backoffMs(rateLimitRetries);
			if (waitedMs + wait > bound) {
				const info = rateLimit.resetAt !== undefined ? rateLimit : { ...rateLimit, resetAt: now + wait };
				throw rateLimitError(node, ctx, info, waitedMs, bound);
			}
			await timers.sleep(wait);
			waitedMs += wait;
			continue;
		}

		if (statusCode >= 500 && idempotent && serverRetries < MAX_SERVER_RETRIES) {
			earlierOutcomeUnknown = true;
			await backOff();
			continue;
		}

		if (statusCode < 200 || statusCode >= 300) {
			if (!isJson && statusCode >= 500 && text.trim()) {
				throw nonJsonError(node, ctx, statusCode, text);
			}
			let probe: KeyProbe | undefined;
			if (
				(statusCode === 401 || statusCode === 403) &&
				!options.skipKeyProbe &&
				options.path !== '/users/me' &&
				classifyAuthMessage(extractPublerMessage(isJson ? parsed : undefined)) === 'unclear'
			) {
				probe = await probeKey.call(this, options);
			}
			const error = errorFromResponse(node, ctx, statusCode, isJson ? parsed : undefined, probe);
			if (statusCode >= 500 && !idempotent) {
				error.context.publer = { ...(error.context.publer as IDataObject), outcomeUnknown: true };
			}
			throw error;
		}

		if (!isJson) {
			if (statusCode === 204) {
				return { body: {} as T, statusCode, headers: response.headers as Record<string, string>, rateLimit, attempts, waitedMs, earlierOutcomeUnknown };
			}
			// A proxy page or a truncated body on a read: reading again is safe.
			if (idempotent && serverRetries < MAX_SERVER_RETRIES) {
				earlierOutcomeUnknown = true;
				await backOff();
				continue;
			}
			throw nonJsonError(node, ctx, statusCode, text);
		}

		return {
			body: parsed as T,
			statusCode,
			headers: response.headers as Record<string, string>,
			rateLimit,
			attempts,
			waitedMs,
			earlierOutcomeUnknown,
		};
	}
}

/** Sends one request to Publer and returns the parsed JSON body. */
export async function publerApiRequest<T = unknown>(this: PublerContext, options: PublerRequestOptions): Promise<T> {
	const response = await publerApiRequestFull.call(this, options);
	return response.body as T;
}
