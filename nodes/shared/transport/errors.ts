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
	// Bounded: a huge or deeply nested error body costs at most ~100 visited values.
	let budget = 100;
	let length = 0;
	const collect = (v: unknown, depth = 0) => {
		if (budget-- <= 0 || depth > 8 || length > MAX_QUOTED_MESSAGE_CHARS) return;
		const add = (text: string) => {
			const part = clip(text.trim(), MAX_QUOTED_MESSAGE_CHARS);
			if (!part) return;
			parts.push(part);
			length += part.length;
		};
		if (typeof v === 'string') add(v);
		else if (Array.isArray(v)) {
			for (const entry of v.slice(0, 20)) collect(entry, depth + 1);
		} else if (v && typeof v === 'object') {
			const o = v as Record<string, unknown>;
			if (typeof o.message === 'string') add(o.message);
			else for (const entry of Object.values(o).slice(0, 20)) collect(entry, depth + 1);
		}
	};
	collect(b.errors);
	collect(b.error);
	if (!parts.length) collect(b.message);
	return parts.length ? clip(parts.join('; '), MAX_QUOTED_MESSAGE_CHARS) : undefined;
}

/** Removes the API key (and anything that looks like an Authorization header value) from text. */
export function redact(text: string, secret?: string): string {
	let out = text;
	if (secret && secret.length >= 4) out = out.split(secret).join('***');
	return out.replace(/(Bearer(?:-API)?\s+)[^\s"',;]+/gi, '$1***');
}

/** Only this much of an error body is ever scanned: every later step is linear in it, and bounded. */
export const MAX_SCANNED_BODY_CHARS = 4096;
/** Longest server message quoted in an error. */
export const MAX_QUOTED_MESSAGE_CHARS = 500;

/** Cuts text to `max` characters, saying it was cut. */
export function clip(text: string, max: number): string {
	return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

/**
 * Removes tags (and the content of script/style elements) in one left-to-right pass: no regular expression
 * that could backtrack, so the time is linear in the input (which callers cut first anyway).
 */
export function stripTags(html: string): string {
	const lower = html.toLowerCase();
	let out = '';
	let i = 0;
	while (i < html.length) {
		const lt = html.indexOf('<', i);
		if (lt < 0) {
			out += html.slice(i);
			break;
		}
		out += `${html.slice(i, lt)} `;
		let from = lt + 1;
		for (const tag of ['script', 'style']) {
			if (lower.startsWith(tag, lt + 1)) {
				const close = lower.indexOf(`</${tag}`, lt + 1);
				if (close < 0) return out;
				from = close + 1;
				break;
			}
		}
		const gt = html.indexOf('>', from);
		if (gt < 0) break; // an unterminated tag: the rest is markup
		i = gt + 1;
	}
	return out;
}

/** A short, tag-free excerpt of a non-JSON body for error messages. Reads at most the first 4 KB. */
export function bodySnippet(body: string): string {
	const head = body.length > MAX_SCANNED_BODY_CHARS ? body.slice(0, MAX_SCANNED_BODY_CHARS) : body;
	const text = stripTags(head).replace(/\s+/g, ' ').trim();
	if (!text) return head.trim() ? 'unreadable content' : 'an empty body';
	return `"${clip(text, 120)}"`;
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

/** What a 401/403 is about. Publer's codes alone do not say (clients measured them swapped, §15). */
export type AuthProblem = 'key' | 'workspace' | 'scope' | 'importRunning' | 'unclear';

/** The result of reading `GET /users/me` (no workspace, no scope) after an unclear 401/403. */
export interface KeyProbe {
	/** true: the key was accepted; false: it was refused; undefined: could not tell (rate limit, network). */
	keyWorks?: boolean;
}

/**
 * Reads what a 401/403 is about from the server's message only (the status code is not trusted). The message
 * is at most a few hundred characters and each pattern is a plain alternation: linear time.
 */
export function classifyAuthMessage(message: string | undefined): AuthProblem {
	const text = (message ?? '').slice(0, MAX_QUOTED_MESSAGE_CHARS);
	if (/\bimport/i.test(text) && /(in progress|running|already|another|at a time|until|finish)/i.test(text)) return 'importRunning';
	if (/\bscopes?\b|permission/i.test(text)) return 'scope';
	if (/workspace/i.test(text)) return 'workspace';
	if (/api[ _-]?key|\btoken\b|not active|revoked|expired|invalid key|bearer/i.test(text)) return 'key';
	return 'unclear';
}

const KEY_FIX = 'Create a key in Publer (Settings → Access & Login → API Keys) and paste it into the Publer API credential.';

function authError(node: INode, ctx: ErrorContext, statusCode: number, serverMessage: string | undefined, probe: KeyProbe | undefined): NodeApiError {
	const said = serverMessage ? `: ${serverMessage}` : '';
	const scope = scopeForPath(ctx.path);
	const scopeFix = scope
		? `add the "${scope}" scope to the key in Publer (Settings → Access & Login → API Keys)`
		: 'check the key’s scopes in Publer (Settings → Access & Login → API Keys)';
	const workspaceFix = ctx.workspaceId
		? `pick the workspace from the list (workspace ${ctx.workspaceId} is not one this key’s user can use)`
		: 'pick the workspace from the list';
	let problem = classifyAuthMessage(serverMessage);
	if (problem === 'unclear' && ctx.path === '/users/me') problem = 'key';
	if (problem === 'unclear' && probe?.keyWorks === false) problem = 'key';
	const extra = (p: AuthProblem, checked = false): JsonObject => ({ authProblem: p, scope: scope ?? null, keyChecked: checked });
	switch (problem) {
		case 'importRunning':
			return apiError(node, ctx, statusCode, `Publer is still running another media import${said}`, 'Publer runs one import from URL at a time per user. Wait for the running import to finish (Job → Wait for Completion), then try again.', extra(problem));
		case 'workspace':
			return apiError(node, ctx, statusCode, `Publer refused access to the workspace${said}`, `The key was read, but its user cannot use this workspace: ${workspaceFix}, or use a key of a member of that workspace.`, extra(problem));
		case 'scope':
			return apiError(
				node,
				ctx,
				statusCode,
				`Publer refused access${said}`,
				scope
					? `Publer says the API key may lack the "${scope}" scope that ${ctx.path} needs: ${scopeFix}.`
					: `Publer says the key lacks a permission: ${scopeFix}.`,
				extra(problem),
			);
		case 'key':
			return apiError(
				node,
				ctx,
				statusCode,
				`Publer did not accept the API key${said}`,
				`${probe?.keyWorks === false ? 'Publer also refused the key for /users/me (which needs no workspace or scope), so the key itself is wrong: it is missing, mistyped, revoked or expired. ' : 'The key in the Publer API credential is missing, mistyped, revoked or expired. '}${KEY_FIX}`,
				extra(problem, probe?.keyWorks === false),
			);
		default:
			if (probe?.keyWorks === true) {
				return apiError(
					node,
					ctx,
					statusCode,
					`Publer refused access${said || ` to ${ctx.method} ${ctx.path} (${statusCode})`}; the key itself works`,
					ctx.workspaceId
						? `The key was accepted by /users/me, so either the workspace or the key’s scopes are the problem: ${workspaceFix}, or ${scopeFix}.`
						: `The key was accepted by /users/me, so its scopes are the problem: ${scopeFix}.`,
					extra('unclear', true),
				);
			}
			return apiError(
				node,
				ctx,
				statusCode,
				`Publer refused access${said || ` to ${ctx.method} ${ctx.path} (${statusCode})`}`,
				`Publer answers ${statusCode} for a wrong key, a workspace the key’s user cannot use, and a missing scope. Check the key in the credential, ${workspaceFix}, and ${scopeFix}.`,
				extra('unclear'),
			);
	}
}

/** Maps an HTTP error answer from Publer to a NodeApiError that says what happened and how to fix it. */
export function errorFromResponse(
	node: INode,
	ctx: ErrorContext,
	statusCode: number,
	body: unknown,
	probe?: KeyProbe,
): NodeApiError {
	const serverMessage = extractPublerMessage(body);
	const said = serverMessage ? `: ${serverMessage}` : '';
	const where = `${ctx.method} ${ctx.path}`;
	switch (statusCode) {
		case 400:
			return apiError(node, ctx, 400, `Publer rejected the request as invalid${said}`, `Publer answered 400 to ${where}. Check the fields named in the message and try again.`);
		case 401:
		case 403:
			return authError(node, ctx, statusCode, serverMessage, probe);
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
