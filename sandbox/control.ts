// Control routes under /__sandbox/ (no auth, no rate limit, not logged as Publer requests).
import { FastifyInstance } from 'fastify';
import { SandboxState } from './state';
import { Fault, SandboxVariants } from './types';
import { iso } from './util';
import { DEFAULT_VARIANTS } from './state';

export function faultFromJson(f: any): Fault {
	if (!f || typeof f !== 'object') throw new Error('fault must be an object');
	const kinds = ['latency', 'status', '429', 'dropBefore', 'dropAfter', 'html', 'malformedJson', 'empty'];
	if (!kinds.includes(f.kind)) throw new Error(`fault.kind must be one of ${kinds.join(', ')}`);
	const out: Fault = { kind: f.kind };
	if (f.method) out.method = String(f.method);
	if (f.pathRegex) out.path = new RegExp(f.pathRegex);
	else if (typeof f.path === 'string') out.path = f.path;
	if (f.status !== undefined) out.status = Number(f.status);
	if (f.latencyMs !== undefined) out.latencyMs = Number(f.latencyMs);
	if (f.count !== undefined) out.count = Number(f.count);
	return out;
}

export function addFault(state: SandboxState, f: Fault): void {
	const count = f.count ?? 1;
	if (!(count > 0)) throw new Error('fault.count must be positive');
	state.faults.push({ ...f, remaining: count });
}

export function setVariants(state: SandboxState, v: Partial<SandboxVariants>): void {
	const allowed: Record<keyof SandboxVariants, readonly any[]> = {
		jobEnvelope: ['top', 'data'], completeToken: ['complete', 'completed'], failuresShape: ['array', 'object'],
		submitStatus: [200, 202], submitEnvelope: ['top', 'data'], rateLimitHeaders: ['always', 'nearLimit'],
		mediaListShape: ['union', 'openapi', 'rendered'], analyticsDates: ['optional', 'required'],
	};
	for (const [k, val] of Object.entries(v)) {
		const ok = allowed[k as keyof SandboxVariants];
		if (!ok) throw new Error(`Unknown variant "${k}"`);
		const value = k === 'submitStatus' ? Number(val) : val;
		if (!ok.includes(value)) throw new Error(`Variant ${k} must be one of ${ok.join(', ')}`);
		(state.variants as any)[k] = value;
	}
}

export function stateSnapshot(state: SandboxState, wsId?: string) {
	return {
		clock: iso(state.nowMs()),
		variants: state.variants,
		rateLimit: state.rateLimit,
		faults: state.faults.map((f) => ({ ...f, path: f.path instanceof RegExp ? String(f.path) : f.path })),
		posts: [...state.posts.values()].filter((p) => !wsId || p.workspace_id === wsId).map(exportPost),
		media: [...state.media.values()].filter((m) => !wsId || m.workspace_id === wsId).map(exportMedia),
		jobs: [...state.jobs.values()].map(exportJob),
	};
}

export function exportPost(p: any) {
	const out: Record<string, any> = {};
	for (const [k, v] of Object.entries(p)) {
		if (k === 'indexed') continue;
		out[k] = (k === 'scheduled_at' || k === 'created_at' || k === 'updated_at' || k === 'published_at') && typeof v === 'number' ? iso(v) : v;
	}
	return out;
}
export function exportMedia(m: any) {
	return { ...m, created_at: iso(m.created_at), updated_at: iso(m.updated_at) };
}
export function exportJob(j: any) {
	const { pending, media, ...rest } = j;
	void pending;
	return {
		...rest, media: media.map((m: any) => m.id), submitted_at: iso(j.submitted_at),
		completed_at: j.completed_at === null ? null : iso(j.completed_at),
	};
}

export function registerControl(app: FastifyInstance, state: SandboxState): void {
	const P = '/__sandbox';
	const info = () => (app as any).sandboxInfo?.() ?? {};
	const wrap = (fn: (req: any) => any) => async (req: any, reply: any) => {
		try {
			state.tick();
			return await fn(req);
		} catch (e: any) {
			return reply.code(400).send({ errors: [e?.message ?? String(e)] });
		}
	};
	app.get(P + '/info', wrap(() => info()));
	app.get(P + '/state', wrap((req) => stateSnapshot(state, req.query?.workspace_id)));
	app.get(P + '/clock', wrap(() => ({ now: iso(state.nowMs()) })));
	app.post(P + '/clock/advance', wrap((req) => {
		const b = req.body ?? {};
		const ms = Number(b.ms ?? 0) + Number(b.seconds ?? 0) * 1000 + Number(b.minutes ?? 0) * 60000 + Number(b.hours ?? 0) * 3600000 + Number(b.days ?? 0) * 86400000;
		state.advance(ms);
		return { now: iso(state.nowMs()) };
	}));
	app.post(P + '/clock/set', wrap((req) => {
		state.setClock(req.body?.now);
		return { now: iso(state.nowMs()) };
	}));
	app.get(P + '/variants', wrap(() => state.variants));
	app.post(P + '/variants', wrap((req) => {
		setVariants(state, req.body ?? {});
		return state.variants;
	}));
	app.delete(P + '/variants', wrap(() => {
		state.variants = { ...DEFAULT_VARIANTS, ...state.opts.variants };
		return state.variants;
	}));
	app.get(P + '/faults', wrap(() => stateSnapshot(state).faults));
	app.post(P + '/faults', wrap((req) => {
		const list = Array.isArray(req.body) ? req.body : [req.body];
		for (const f of list) addFault(state, faultFromJson(f));
		return { faults: state.faults.length };
	}));
	app.delete(P + '/faults', wrap(() => {
		state.faults = [];
		return { faults: 0 };
	}));
	app.get(P + '/requests', wrap((req) => {
		const q = req.query ?? {};
		return state.log.filter((r) => (!q.method || r.method === String(q.method).toUpperCase()) && (!q.path || r.path === q.path));
	}));
	app.delete(P + '/requests', wrap(() => {
		state.log = [];
		return { requests: 0 };
	}));
	app.get(P + '/posts', wrap((req) => stateSnapshot(state, req.query?.workspace_id).posts));
	app.get(P + '/media', wrap((req) => stateSnapshot(state, req.query?.workspace_id).media));
	app.get(P + '/jobs', wrap(() => stateSnapshot(state).jobs));
	app.post(P + '/reset', wrap(() => {
		state.reset();
		return { ok: true, now: iso(state.nowMs()) };
	}));
	app.post(P + '/posts/:id/metrics', wrap((req) => {
		state.setPostMetrics(req.params.id, req.body ?? {});
		return exportPost(state.posts.get(req.params.id));
	}));
	app.post(P + '/posts/:id/state', wrap((req) => {
		const { state: s, ...extra } = req.body ?? {};
		if (typeof s !== 'string') throw new Error('state is required');
		state.setPostState(req.params.id, s, extra);
		return exportPost(state.posts.get(req.params.id));
	}));
	app.post(P + '/rate-limit', wrap((req) => {
		const b = req.body ?? {};
		state.rateLimit = b.enabled === false || b === false ? false : { limit: Number(b.limit ?? 100), windowSeconds: Number(b.windowSeconds ?? 120) };
		state.rateWindows.clear();
		return { rateLimit: state.rateLimit };
	}));
}
