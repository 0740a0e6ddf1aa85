// The request log behind sb.requests() and GET /__sandbox/requests. The API key never appears in it: the
// Authorization header is kept as `Bearer-API ****<last 4>`.
import type { FastifyRequest } from 'fastify';
import type { SandboxState } from '../../domain/store';
import type { Fault, LoggedRequest } from '../../types';
import { publerPath } from '../route';
import { maskKey } from '../../util/text';
import { iso } from '../../util/time';

function loggedHeaders(req: FastifyRequest): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const [name, raw] of Object.entries(req.headers)) {
		if (raw === undefined) continue;
		const value = Array.isArray(raw) ? raw.join(', ') : String(raw);
		if (name === 'authorization') {
			const scheme = /^(\S+)\s+(.*)$/.exec(value);
			headers[name] = scheme ? `${scheme[1]} ${maskKey(scheme[2])}` : maskKey(value);
		} else if (name === 'x-sandbox-control-key') headers[name] = maskKey(value);
		else headers[name] = value;
	}
	return headers;
}

/** Log a Publer request once (status 0 = the connection was dropped without an answer). */
export function logRequest(state: SandboxState, req: FastifyRequest, status: number, fault?: Fault['kind']): void {
	if (req.sandboxLogged) return;
	const path = publerPath(req.url);
	if (path === null) return;
	req.sandboxLogged = true;
	const body = req.sandboxLogBody !== undefined ? req.sandboxLogBody : (req.body ?? null);
	const entry: LoggedRequest = {
		method: req.method, path, query: (req.query as any) ?? {}, headers: loggedHeaders(req),
		body: state.opts.logBodies ? body : null,
		status, at: req.sandboxAt ?? iso(state.nowMs()),
	};
	if (fault) entry.fault = fault;
	state.log.push(entry);
	if (state.log.length > state.opts.maxLoggedRequests) state.log.splice(0, state.log.length - state.opts.maxLoggedRequests);
}
