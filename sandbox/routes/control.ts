// Control routes under /__sandbox/: the clock, variants, faults, the request log, records, and reset. They need
// the sandbox's control key in X-Sandbox-Control-Key (users point n8n at the sandbox: a page or workflow that can
// reach it must not be able to reset it, read its log or switch its faults). No rate limit, not logged.
import { timingSafeEqual } from 'crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SandboxState } from '../domain/store';
import { advanceClock, processDue, setClock, setPostState } from '../domain/scheduler';
import { resetState } from '../domain/lifecycle';
import { addFault, faultFromJson, resetVariants, setRateLimit, setVariants } from '../domain/controls';
import { exportPost, stateSnapshot } from '../views/snapshot';
import { iso } from '../util/time';

const CONTROL_PREFIX = '/__sandbox';
export const CONTROL_KEY_HEADER = 'X-Sandbox-Control-Key';

export interface ControlHooks {
	/** what GET /__sandbox/info answers (needs the listening address, known only after start) */
	info(): unknown;
}

type ControlRequest = FastifyRequest & { body: any; query: any; params: any };
type ControlHandler = (req: ControlRequest) => unknown;

function hasControlKey(req: FastifyRequest, controlKey: string): boolean {
	const sent = req.headers[CONTROL_KEY_HEADER.toLowerCase()];
	if (typeof sent !== 'string') return false;
	const expected = Buffer.from(controlKey);
	const given = Buffer.from(sent);
	return given.length === expected.length && timingSafeEqual(given, expected);
}

export function registerControlRoutes(app: FastifyInstance, state: SandboxState, hooks: ControlHooks): void {
	// checked per route (not by path), so no spelling of the path gets around it; a failing call answers 400
	const handle = (handler: ControlHandler) => async (req: FastifyRequest, reply: FastifyReply) => {
		if (!hasControlKey(req, state.opts.controlKey)) {
			return reply.code(401).send({ errors: [`Control routes need the ${CONTROL_KEY_HEADER} header (the key startSandbox() returns and the CLI prints)`] });
		}
		try {
			processDue(state);
			return await handler(req as ControlRequest);
		} catch (e: any) {
			return reply.code(400).send({ errors: [e?.message ?? String(e)] });
		}
	};
	const onGet = (path: string, handler: ControlHandler) => app.get(CONTROL_PREFIX + path, handle(handler));
	const onPost = (path: string, handler: ControlHandler) => app.post(CONTROL_PREFIX + path, handle(handler));
	const onDelete = (path: string, handler: ControlHandler) => app.delete(CONTROL_PREFIX + path, handle(handler));

	onGet('/info', () => hooks.info());
	onGet('/state', (req) => stateSnapshot(state, req.query?.workspace_id));
	onGet('/clock', () => ({ now: iso(state.nowMs()) }));
	onPost('/clock/advance', (req) => {
		const body = req.body ?? {};
		const ms = Number(body.ms ?? 0) + Number(body.seconds ?? 0) * 1000 + Number(body.minutes ?? 0) * 60000 + Number(body.hours ?? 0) * 3600000 + Number(body.days ?? 0) * 86400000;
		advanceClock(state, ms);
		return { now: iso(state.nowMs()) };
	});
	onPost('/clock/set', (req) => {
		setClock(state, req.body?.now);
		return { now: iso(state.nowMs()) };
	});
	onGet('/variants', () => state.variants);
	onPost('/variants', (req) => {
		setVariants(state, req.body ?? {});
		return state.variants;
	});
	onDelete('/variants', () => {
		resetVariants(state);
		return state.variants;
	});
	onGet('/faults', () => stateSnapshot(state).faults);
	onPost('/faults', (req) => {
		const list = Array.isArray(req.body) ? req.body : [req.body];
		for (const json of list) addFault(state, faultFromJson(json));
		return { faults: state.faults.length };
	});
	onDelete('/faults', () => {
		state.faults = [];
		return { faults: 0 };
	});
	onGet('/requests', (req) => {
		const query = req.query ?? {};
		return state.log.filter((r) => (!query.method || r.method === String(query.method).toUpperCase()) && (!query.path || r.path === query.path));
	});
	onDelete('/requests', () => {
		state.log = [];
		return { requests: 0 };
	});
	onGet('/posts', (req) => stateSnapshot(state, req.query?.workspace_id).posts);
	onGet('/media', (req) => stateSnapshot(state, req.query?.workspace_id).media);
	onGet('/jobs', () => stateSnapshot(state).jobs);
	onPost('/reset', () => {
		resetState(state);
		return { ok: true, now: iso(state.nowMs()) };
	});
	onPost('/posts/:id/metrics', (req) => {
		state.setPostMetrics(req.params.id, req.body ?? {});
		return exportPost(state.posts.get(req.params.id)!);
	});
	onPost('/posts/:id/state', (req) => {
		const { state: newState, ...extra } = req.body ?? {};
		if (typeof newState !== 'string') throw new Error('state is required');
		setPostState(state, req.params.id, newState, extra);
		return exportPost(state.posts.get(req.params.id)!);
	});
	onPost('/rate-limit', (req) => {
		const body = req.body ?? {};
		setRateLimit(state, body.enabled === false || body === false ? false : { limit: Number(body.limit ?? 100), windowSeconds: Number(body.windowSeconds ?? 120) });
		return { rateLimit: state.rateLimit };
	});
}
