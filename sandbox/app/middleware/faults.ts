// Injected faults, consumed in order by the Publer requests they match, before authentication.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SandboxState } from '../../domain/store';
import type { Fault } from '../../types';
import { logRequest } from './requestLog';
import { RATE_LIMIT_BODY, setRateHeaders } from './rateLimit';
import { errorBody } from '../../util/httpError';

function faultMatches(fault: Fault, method: string, path: string): boolean {
	if (fault.method && fault.method.toUpperCase() !== method.toUpperCase()) return false;
	if (fault.path === undefined) return true;
	if (typeof fault.path === 'string') return fault.path === path || fault.path.replace(/\/$/, '') === path;
	fault.path.lastIndex = 0;
	return fault.path.test(path);
}

/**
 * Apply the first fault that matches the request. Returns true when the fault answered (or dropped) the request;
 * false when the request goes on (no fault, latency, or dropAfter, which onSend handles).
 */
export async function faultAnswered(state: SandboxState, req: FastifyRequest, reply: FastifyReply, path: string): Promise<boolean> {
	const fault = state.faults.find((f) => f.remaining > 0 && faultMatches(f, req.method, path));
	if (!fault) return false;
	fault.remaining--;
	if (fault.remaining <= 0) state.faults.splice(state.faults.indexOf(fault), 1);
	req.sandboxFault = fault;
	switch (fault.kind) {
		case 'latency':
			await new Promise((resolve) => setTimeout(resolve, fault.latencyMs ?? 1000));
			return false;
		case 'dropAfter':
			return false;
		case 'dropBefore':
			logRequest(state, req, 0, 'dropBefore');
			reply.hijack();
			req.raw.socket.destroy();
			return true;
		case 'status': {
			const status = fault.status ?? 500;
			logRequest(state, req, status, 'status');
			reply.code(status).send(errorBody('Internal Server Error (injected fault)'));
			return true;
		}
		case '429':
			setRateHeaders(state, reply, state.rateLimit ? state.rateLimit.limit : 100, 0, Math.ceil(Date.now() / 1000) + 60, true);
			logRequest(state, req, 429, '429');
			reply.code(429).send(RATE_LIMIT_BODY);
			return true;
		case 'html': {
			const status = fault.status ?? 502;
			logRequest(state, req, status, 'html');
			reply.code(status).type('text/html; charset=utf-8').send(`<!DOCTYPE html><html><head><title>${status} Bad Gateway</title></head><body><h1>${status} Bad Gateway</h1><p>nginx</p></body></html>`);
			return true;
		}
		case 'malformedJson':
			logRequest(state, req, fault.status ?? 200, 'malformedJson');
			reply.code(fault.status ?? 200).type('application/json; charset=utf-8').send('{"job_id":"6810dec617eae6d55d7a5e5b","status":"compl');
			return true;
		case 'empty':
			logRequest(state, req, fault.status ?? 200, 'empty');
			reply.code(fault.status ?? 200).type('application/json; charset=utf-8').send('');
			return true;
	}
}

/** onSend half of dropAfter: the request was processed in full, then the connection is cut before the answer. */
export function dropAfterIfInjected(state: SandboxState, req: FastifyRequest): void {
	if (req.sandboxFault?.kind !== 'dropAfter') return;
	logRequest(state, req, 0, 'dropAfter');
	req.raw.socket.destroy();
}
