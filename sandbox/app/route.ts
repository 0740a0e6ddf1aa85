// What a route file needs from the app: the route signature, its config (scope, workspace header), the request
// context that authentication fills in, and the Publer path of a request.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Fault } from '../types';

export const API_PREFIX = '/api/v1';

export type RouteMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RouteConfig {
	/** key scope the endpoint needs; null = none */
	scope?: string | null;
	/** the Publer-Workspace-Id header is required and must name a workspace of the key's user */
	workspace?: boolean;
}

export interface RequestContext {
	userId: string;
	key: string;
	/** '' when the route needs no workspace */
	workspaceId: string;
}

export type RouteHandler = (req: FastifyRequest, reply: FastifyReply, ctx: RequestContext) => unknown;
export type AddRoute = (method: RouteMethod, path: string, config: RouteConfig, handler: RouteHandler) => void;

declare module 'fastify' {
	interface FastifyRequest {
		sandboxCtx?: RequestContext;
		sandboxAt?: string;
		sandboxFault?: Fault;
		sandboxLogBody?: any;
		sandboxLogged?: boolean;
	}
}

export function queryOf(req: FastifyRequest): Record<string, any> {
	return (req.query ?? {}) as Record<string, any>;
}

export function paramsOf(req: FastifyRequest): Record<string, string> {
	return (req.params ?? {}) as Record<string, string>;
}

/**
 * The request path, percent-decoded as the router decodes it (so `/%61pi/v1/…` is authenticated as `/api/v1/…`).
 * A malformed encoding is kept as sent: the router cannot match it either.
 */
export function decodedPath(url: string): string {
	const path = url.split('?')[0];
	try {
		return decodeURIComponent(path);
	} catch {
		return path;
	}
}

/** The path under /api/v1 (decoded, no query, no trailing slash), or null for any other path. */
export function publerPath(url: string): string | null {
	const path = decodedPath(url);
	if (path !== API_PREFIX && !path.startsWith(API_PREFIX + '/')) return null;
	let rest = path.slice(API_PREFIX.length) || '/';
	if (rest.length > 1 && rest.endsWith('/')) rest = rest.slice(0, -1);
	return rest;
}
