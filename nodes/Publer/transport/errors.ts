import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { RateLimitInfo } from './types';

/** The scope a Publer API key needs for a path (publer-api.md §2 and §4). */
export function scopeForPath(path: string): string | undefined {
	if (path.startsWith('/workspaces')) return 'workspaces';
	if (path.startsWith('/accounts')) return 'accounts';
	if (path.startsWith('/posts') || path.startsWith('/job_status')) return 'posts';
	if (path.startsWith('/media')) return 'media';
	if (path.startsWith('/analytics') || path.startsWith('/competitors')) return 'analytics';
	return undefined;
}

/** Pulls the human-readable message out of every error shape Publer documents (§11). */
export function extractPublerMessage(body: unknown): string | undefined {
	if (body === null || body === undefined) return undefined;
	if (typeof body === 'string') return undefined;
	if (typeof body !== 'object') return undefined;
	const b = body as Record<string, unknown>;
	const parts: string[] = [];
	const collect = (v: unknown) => {
		if (typeof v === 'string' && v.trim()) parts.push(v.trim());
		else if (Array.isArray(v)) v.forEach(collect);
		else if (v && typeof v === 'object') {
			const o = v as Record<string, unknown>;
			if (typeof o.message === 'string') parts.push(o.message);
			else Object.values(o).forEach(collect);
		}
	};
	collect(b.errors);
	collect(b.error);
	if (!parts.length) collect(b.message);
	return parts.length ? parts.join('; ') : undefined;
}

/** Removes the API key (and anything that looks like an Authorization header value) from text. */
export function redact(text: string, secret?: string): string {
	let out = text;
	if (secret && secret.length >= 4) out = out.split(secret).join('***');
	return out.replace(/(Bearer(?:-API)?\s+)[^\s"',;]+/gi, '$1***');
}

/** A short, tag-free excerpt of a non-JSON body for error messages. */
export function bodySnippet(body: string): string {
	const text = body
		.replace(/<script[\s\S]*?<\/script>/gi, ' ')
		.replace(/<style[\s\S]*?<\/style>/gi, ' ')
		.replace(/<[^>]+>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	if (!text) return body.trim() ? 'unreadable content' : 'an empty body';
	return `"${text.length > 120 ? text.slice(0, 117) + '...' : text}"`;
}

export interface ErrorContext {
	method: string;
	path: string;
	workspaceId?: string;
	itemIndex?: number;
	secret?: string;
}

function apiError(
	node: INode,
	ctx: ErrorContext,
	statusCode: number | undefined,
	message: string,
	description: string,
	extra: JsonObject = {},
): NodeApiError {
	const clean = (s: string) => redact(s, ctx.secret);
	const response: JsonObject = {
		message: clean(message),
		description: clean(description),
		method: ctx.method,
		path: ctx.path,
		...extra,
	};
	if (statusCode !== undefined) response.httpCode = String(statusCode);
	const error = new NodeApiError(node, response, {
		message: clean(message),
		description: clean(description),
		httpCode: statusCode !== undefined ? String(statusCode) : undefined,
		itemIndex: ctx.itemIndex,
	});
	// NodeApiError replaces some messages by status-code defaults; keep ours.
	error.message = clean(message);
	error.description = clean(description);
	error.context = { ...(error.context ?? {}), publer: { method: ctx.method, path: ctx.path, statusCode, ...extra } };
	return error;
}

/** Maps an HTTP error answer from Publer to a NodeApiError that says what happened and how to fix it. */
export function errorFromResponse(
	node: INode,
	ctx: ErrorContext,
	statusCode: number,
	body: unknown,
): NodeApiError {
	const serverMessage = extractPublerMessage(body);
	const said = serverMessage ? `: ${serverMessage}` : '';
	const where = `${ctx.method} ${ctx.path}`;
	switch (statusCode) {
		case 400:
			return apiError(node, ctx, 400, `Publer rejected the request as invalid${said}`, `Publer answered 400 to ${where}. Check the fields named in the message and try again.`);
		case 401:
			return apiError(
				node,
				ctx,
				401,
				`Publer did not accept the API key${said}`,
				'The key in the Publer API credential is missing, mistyped, revoked or expired. Create a key in Publer (Settings → Access & Login → API Keys) and paste it into the credential.',
			);
		case 403: {
			const scope = scopeForPath(ctx.path);
			const scopeHint = scope
				? `The API key may lack the "${scope}" scope that ${ctx.path} needs: edit the key's scopes in Publer (Settings → Access & Login → API Keys).`
				: 'The API key may lack a scope this endpoint needs.';
			const workspaceHint = ctx.workspaceId
				? ` Or workspace ${ctx.workspaceId} is not one this key's user belongs to: pick the workspace from the list.`
				: '';
			return apiError(node, ctx, 403, `Publer refused access${said}`, `${scopeHint}${workspaceHint}`, {
				scope: scope ?? null,
			});
		}
		case 404:
			return apiError(node, ctx, 404, `Publer could not find what was asked for${said}`, `Publer answered 404 to ${where}. Check the ID: it may belong to another workspace or have been deleted.`);
		case 413:
			return apiError(
				node,
				ctx,
				413,
				`The file is larger than Publer's 200 MB upload limit${said}`,
				'Publer accepts files up to 200 MB. Compress the file, or host it and use Media → Import From URL.',
			);
		case 422:
			return apiError(node, ctx, 422, `Publer refused the change${said}`, `Publer answered 422 to ${where}. The message says why; some changes are not possible once a post is published.`);
		default:
			if (statusCode >= 500) {
				return apiError(
					node,
					ctx,
					statusCode,
					`Publer had a server error (${statusCode})${said}`,
					'This is usually temporary. Try again in a minute; if it persists, check https://status.publer.com.',
				);
			}
			return apiError(node, ctx, statusCode, `Publer answered ${statusCode}${said}`, `Unexpected answer to ${where}.`);
	}
}

export function rateLimitError(node: INode, ctx: ErrorContext, info: RateLimitInfo, waitedMs: number, boundMs: number): NodeApiError {
	const resetText = info.resetAt ? new Date(info.resetAt).toISOString() : 'an unknown time';
	const error = apiError(
		node,
		ctx,
		429,
		`Publer's rate limit is spent and resets at ${resetText}`,
		`Publer allows 100 requests per 2 minutes per user, across all keys. The node waited ${Math.round(waitedMs / 1000)} s (the limit is ${Math.round(boundMs / 1000)} s, set by the "Max Rate-Limit Wait" option). Try again after the reset, raise that option, or send fewer requests (Post → Create batches up to 500 posts per request).`,
		{ resetAt: info.resetAt ? new Date(info.resetAt).toISOString() : null },
	);
	return error;
}

export function nonJsonError(node: INode, ctx: ErrorContext, statusCode: number, body: string): NodeApiError {
	return apiError(
		node,
		ctx,
		statusCode,
		`Publer answered ${statusCode} with ${bodySnippet(body)} instead of JSON, so the outcome is unknown`,
		`A proxy or an outage page may have answered in place of Publer. Check the Base URL in the credential (it should end in /api/v1) and try again.${ctx.method === 'GET' ? '' : ' If this created something, it will show up in Publer: check before repeating it.'}`,
		{ outcomeUnknown: ctx.method !== 'GET' },
	);
}

export function connectionError(node: INode, ctx: ErrorContext, code: string, message: string, outcomeUnknown: boolean): NodeApiError {
	return apiError(
		node,
		ctx,
		undefined,
		`Could not reach Publer (${code || 'network error'}): ${message}`,
		outcomeUnknown
			? 'The connection broke after the request was sent, so Publer may or may not have processed it. Check in Publer before repeating it.'
			: 'Check the Base URL in the credential and the network, then try again.',
		{ outcomeUnknown, code: code || null },
	);
}

/** True when the error says the request may have been processed although no answer arrived. */
export function isOutcomeUnknown(error: unknown): boolean {
	const ctx = (error as { context?: { publer?: { outcomeUnknown?: boolean } } })?.context;
	return ctx?.publer?.outcomeUnknown === true;
}

/** A failure that says nothing about the request itself: a server error, a dropped connection, an unreadable answer. */
export function isTransientError(error: unknown): boolean {
	const publer = (error as { context?: { publer?: { statusCode?: number; code?: string | null } } })?.context?.publer;
	if (!publer) return false;
	if (publer.statusCode === undefined) return true; // no HTTP answer: connection-level
	return publer.statusCode >= 500 || (publer.statusCode >= 200 && publer.statusCode < 300);
}
