// Authentication (`Authorization: Bearer-API <key>` exactly) and authorisation (key scope, then the
// Publer-Workspace-Id header naming a workspace of the key's user), in Publer's order.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SandboxState } from '../../domain/store';
import type { ApiKey } from '../../domain/seed';
import type { RequestContext, RouteConfig } from '../route';
import { HttpError, errorBody } from '../../util/httpError';

// variants.authCodes 'swapped': what one client measured against the live API (§15)
const SWAPPED_BAD_KEY = 'Invalid API key or not active for this account';
const SWAPPED_NO_WORKSPACE = "You don't have access on this workspace";

function answerBadKey(state: SandboxState, reply: FastifyReply, documentedMessage: string): null {
	if (state.variants.authCodes === 'swapped') reply.code(403).send(errorBody(SWAPPED_BAD_KEY));
	else reply.code(401).send(errorBody(documentedMessage));
	return null;
}

/** A workspace that is not the user's: 403 as documented, 401 with variants.authCodes 'swapped'. */
export function noWorkspaceAccess(state: SandboxState): HttpError {
	return state.variants.authCodes === 'swapped' ? new HttpError(401, SWAPPED_NO_WORKSPACE) : new HttpError(403, 'You do not have access to this workspace');
}

/** The key of the request, or null after answering 401 (403 for a bad key with variants.authCodes 'swapped'). */
export function authenticate(state: SandboxState, req: FastifyRequest, reply: FastifyReply): ApiKey | null {
	const header = req.headers.authorization;
	const match = typeof header === 'string' ? /^Bearer-API ([^\s]+)$/.exec(header) : null;
	if (!match) {
		reply.code(401).send(errorBody(header ? 'Invalid Authorization header: use "Bearer-API <API_KEY>"' : 'Missing Authorization header'));
		return null;
	}
	const key = state.seed.keys.find((k) => k.key === match[1]);
	if (!key) return answerBadKey(state, reply, 'Invalid API key');
	if (key.revoked) return answerBadKey(state, reply, 'API key has been revoked');
	return key;
}

/** The request context, or null after answering 403 (missing scope, missing or foreign workspace). */
export function authorize(state: SandboxState, req: FastifyRequest, reply: FastifyReply, key: ApiKey): RequestContext | null {
	const config = (req.routeOptions?.config ?? {}) as RouteConfig;
	if (config.scope && !key.scopes.includes(config.scope)) {
		reply.code(403).send(errorBody(`This API key is missing the "${config.scope}" scope`));
		return null;
	}
	let workspaceId = '';
	if (config.workspace) {
		const header = req.headers['publer-workspace-id'];
		workspaceId = Array.isArray(header) ? header[0] : (header ?? '');
		if (!workspaceId) {
			reply.code(403).send(errorBody('Publer-Workspace-Id header is required'));
			return null;
		}
		if (!state.isMember(key.userId, workspaceId)) {
			const denied = noWorkspaceAccess(state);
			reply.code(denied.status).send(errorBody(denied.message));
			return null;
		}
	}
	return { userId: key.userId, key: key.key, workspaceId };
}
