// The fastify app: Publer paths under /api/v1 (auth, scopes, workspace header, rate limit, faults,
// request log) and the control routes under /__sandbox/.
import Fastify, { FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import multipart from '@fastify/multipart';
import http from 'http';
import { SandboxState, PostRecord, MediaRecord } from './state';
import { createPostsJob } from './bulk';
import { registerAnalytics } from './analytics';
import { registerMedia } from './media';
import { registerControl } from './control';
import { NETWORKS } from './networks';
import {
	HttpError, arr, badRequest, charCount, intParam, maskKey, paginate, parseDateOrDateTime, parseQuery, str, iso,
} from './util';
import { LoggedRequest, Fault } from './types';

export const API_PREFIX = '/api/v1';

export interface RouteConfig {
	scope?: string | null; // required key scope; null = none
	ws?: boolean; // Publer-Workspace-Id required
}

export interface Ctx {
	userId: string;
	key: string;
	wsId: string; // '' when the route needs no workspace
}

declare module 'fastify' {
	interface FastifyRequest {
		sandboxCtx?: Ctx;
		sandboxAt?: string;
		sandboxFault?: Fault;
		sandboxLogBody?: any;
		sandboxLogged?: boolean;
	}
}

const RATE_LIMIT_BODY = { error: 'Rate limit exceeded. Retry later.' };

function publerPath(url: string): string | null {
	const path = url.split('?')[0];
	if (path !== API_PREFIX && !path.startsWith(API_PREFIX + '/')) return null;
	let p = path.slice(API_PREFIX.length) || '/';
	if (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
	return p;
}

function faultMatches(f: Fault, method: string, path: string): boolean {
	if (f.method && f.method.toUpperCase() !== method.toUpperCase()) return false;
	if (f.path === undefined) return true;
	if (typeof f.path === 'string') return f.path === path || f.path.replace(/\/$/, '') === path;
	f.path.lastIndex = 0;
	return f.path.test(path);
}

export function buildServer(state: SandboxState): FastifyInstance {
	const app = Fastify({
		logger: false,
		bodyLimit: 64 * 1024 * 1024,
		routerOptions: { ignoreTrailingSlash: true, querystringParser: (s: string) => parseQuery(s) },
		keepAliveTimeout: 10000,
	} as FastifyServerOptions);

	app.register(multipart, { limits: { fileSize: 200 * 1024 * 1024 + 1, files: 1, fields: 20 } });

	// JSON parser that answers Publer-style errors
	app.removeContentTypeParser('application/json');
	app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
		const text = String(body);
		if (text.trim() === '') return done(null, undefined);
		try {
			done(null, JSON.parse(text));
		} catch (e) {
			done(new HttpError(400, `Invalid JSON body: ${(e as Error).message}`), undefined);
		}
	});
	// form-encoded bodies (one GitBook example posts /posts/links form-encoded)
	app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
		done(null, parseQuery(String(body)));
	});

	const logRequest = (req: FastifyRequest, status: number, fault?: Fault['kind']) => {
		if (req.sandboxLogged) return;
		const path = publerPath(req.url);
		if (path === null) return;
		req.sandboxLogged = true;
		const headers: Record<string, string> = {};
		for (const [k, v] of Object.entries(req.headers)) {
			if (v === undefined) continue;
			const value = Array.isArray(v) ? v.join(', ') : String(v);
			if (k === 'authorization') {
				const m = /^(\S+)\s+(.*)$/.exec(value);
				headers[k] = m ? `${m[1]} ${maskKey(m[2])}` : maskKey(value);
			} else headers[k] = value;
		}
		const entry: LoggedRequest = {
			method: req.method, path, query: (req.query as any) ?? {}, headers,
			body: state.opts.logBodies ? (req.sandboxLogBody !== undefined ? req.sandboxLogBody : (req.body ?? null)) : null,
			status, at: req.sandboxAt ?? iso(state.nowMs()),
		};
		if (fault) entry.fault = fault;
		state.log.push(entry);
		if (state.log.length > state.opts.maxLoggedRequests) state.log.splice(0, state.log.length - state.opts.maxLoggedRequests);
	};

	const rateHeaders = (reply: FastifyReply, limit: number, remaining: number, reset: number, force = false) => {
		if (state.variants.rateLimitHeaders === 'nearLimit' && !force && remaining > Math.floor(limit * 0.1)) return;
		reply.header('X-RateLimit-Limit', String(limit));
		reply.header('X-RateLimit-Remaining', String(Math.max(0, remaining)));
		reply.header('X-RateLimit-Reset', String(reset));
	};

	const errorBody = (status: number, messages: string[] | string) => ({ errors: Array.isArray(messages) ? messages : [messages] });

	app.addHook('onRequest', async (req, reply) => {
		const path = publerPath(req.url);
		if (path === null) return;
		state.tick();
		req.sandboxAt = iso(state.nowMs());

		// 1. injected faults
		const fault = state.faults.find((f) => f.remaining > 0 && faultMatches(f, req.method, path));
		if (fault) {
			fault.remaining--;
			if (fault.remaining <= 0) state.faults.splice(state.faults.indexOf(fault), 1);
			req.sandboxFault = fault;
			switch (fault.kind) {
				case 'latency':
					await new Promise((r) => setTimeout(r, fault.latencyMs ?? 1000));
					break;
				case 'dropBefore':
					logRequest(req, 0, 'dropBefore');
					reply.hijack();
					req.raw.socket.destroy();
					return reply;
				case 'status':
					logRequest(req, fault.status ?? 500, 'status');
					return reply.code(fault.status ?? 500).send(errorBody(fault.status ?? 500, 'Internal Server Error (injected fault)'));
				case '429': {
					const resetAt = Math.ceil(Date.now() / 1000) + 60;
					rateHeaders(reply, state.rateLimit ? state.rateLimit.limit : 100, 0, resetAt, true);
					logRequest(req, 429, '429');
					return reply.code(429).send(RATE_LIMIT_BODY);
				}
				case 'html': {
					const s = fault.status ?? 502;
					logRequest(req, s, 'html');
					return reply.code(s).type('text/html; charset=utf-8').send(`<!DOCTYPE html><html><head><title>${s} Bad Gateway</title></head><body><h1>${s} Bad Gateway</h1><p>nginx</p></body></html>`);
				}
				case 'malformedJson':
					logRequest(req, fault.status ?? 200, 'malformedJson');
					return reply.code(fault.status ?? 200).type('application/json; charset=utf-8').send('{"job_id":"6810dec617eae6d55d7a5e5b","status":"compl');
				case 'empty':
					logRequest(req, fault.status ?? 200, 'empty');
					return reply.code(fault.status ?? 200).type('application/json; charset=utf-8').send('');
				case 'dropAfter':
					break; // handled in onSend
			}
		}

		// 2. authentication
		const auth = req.headers.authorization;
		const m = typeof auth === 'string' ? /^Bearer-API ([^\s]+)$/.exec(auth) : null;
		if (!m) {
			return reply.code(401).send(errorBody(401, auth ? 'Invalid Authorization header: use "Bearer-API <API_KEY>"' : 'Missing Authorization header'));
		}
		const key = state.seed.keys.find((k) => k.key === m[1]);
		if (!key) return reply.code(401).send(errorBody(401, 'Invalid API key'));
		if (key.revoked) return reply.code(401).send(errorBody(401, 'API key has been revoked'));

		// 3. rate limit (per user across keys)
		if (state.rateLimit) {
			const { limit, windowSeconds } = state.rateLimit;
			const nowMs = state.opts.rateLimitClock === 'sandbox' ? state.nowMs() : Date.now();
			let w = state.rateWindows.get(key.userId);
			if (!w || nowMs >= w.start + windowSeconds * 1000) {
				w = { start: nowMs, count: 0 };
				state.rateWindows.set(key.userId, w);
			}
			const reset = Math.ceil((w.start + windowSeconds * 1000) / 1000);
			if (w.count >= limit) {
				rateHeaders(reply, limit, 0, reset, true);
				return reply.code(429).send(RATE_LIMIT_BODY);
			}
			w.count++;
			rateHeaders(reply, limit, limit - w.count, reset);
		}

		// 4. scope and workspace
		const cfg = (req.routeOptions?.config ?? {}) as RouteConfig;
		if (cfg.scope && !key.scopes.includes(cfg.scope)) {
			return reply.code(403).send(errorBody(403, `This API key is missing the "${cfg.scope}" scope`));
		}
		let wsId = '';
		if (cfg.ws) {
			const h = req.headers['publer-workspace-id'];
			wsId = Array.isArray(h) ? h[0] : (h ?? '');
			if (!wsId) return reply.code(403).send(errorBody(403, 'Publer-Workspace-Id header is required'));
			if (!state.isMember(key.userId, wsId)) return reply.code(403).send(errorBody(403, 'You do not have access to this workspace'));
		}
		req.sandboxCtx = { userId: key.userId, key: key.key, wsId };
	});

	app.addHook('onSend', async (req, reply, payload) => {
		if (req.sandboxFault?.kind === 'dropAfter') {
			logRequest(req, 0, 'dropAfter');
			req.raw.socket.destroy();
		}
		return payload;
	});

	app.addHook('onResponse', async (req, reply) => {
		logRequest(req, reply.statusCode);
	});

	app.setErrorHandler((err: any, req, reply) => {
		if (err instanceof HttpError) {
			return reply.code(err.status).send(err.body ?? errorBody(err.status, err.message));
		}
		if (err.code === 'FST_REQ_FILE_TOO_LARGE') return reply.code(413).send(errorBody(413, 'File is too large. The maximum size is 200 MB'));
		if (err.statusCode && err.statusCode < 500) return reply.code(err.statusCode).send(errorBody(err.statusCode, err.message));
		return reply.code(500).send(errorBody(500, 'Internal server error: ' + (err?.message ?? String(err))));
	});

	app.setNotFoundHandler((req, reply) => {
		const path = publerPath(req.url);
		if (path !== null && !req.sandboxCtx) {
			// auth/rate limit already ran in onRequest for Publer paths; unknown route
		}
		reply.code(404).send(errorBody(404, `No route ${req.method} ${req.url.split('?')[0]}`));
	});

	const R = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, cfg: RouteConfig, handler: (req: FastifyRequest, reply: FastifyReply, ctx: Ctx) => any) => {
		app.route({
			method, url: API_PREFIX + path, config: cfg,
			handler: async (req, reply) => {
				const ctx = req.sandboxCtx!;
				const out = await handler(req, reply, ctx);
				if (reply.sent) return reply;
				return out;
			},
		});
	};
	const q = (req: FastifyRequest) => (req.query ?? {}) as Record<string, any>;

	// ---- users / workspaces / accounts ----
	R('GET', '/users/me', { scope: null }, (_req, _reply, ctx) => {
		const u = state.user(ctx.userId);
		return { id: u.id, email: u.email, name: u.name, first_name: u.first_name, picture: u.picture };
	});

	R('GET', '/workspaces', { scope: 'workspaces' }, (_req, _reply, ctx) => {
		return state.seed.workspaces.filter((w) => w.members.some((m) => m.userId === ctx.userId)).map((w) => {
			const owner = state.user(w.ownerId);
			return {
				id: w.id,
				owner: { id: owner.id, email: owner.email, name: owner.name, first_name: owner.first_name, picture: owner.picture },
				name: w.name,
				members: w.members.map((m) => {
					const u = state.user(m.userId);
					return { id: u.id, name: u.name, first_name: u.first_name, email: u.email, picture: u.picture, role: m.role };
				}),
				plan: w.plan,
				picture: w.picture,
				role: w.members.find((m) => m.userId === ctx.userId)!.role,
			};
		});
	});

	const wsPathCheck = (req: FastifyRequest, ctx: Ctx) => {
		const pathWs = (req.params as any).workspace_id;
		if (!state.isMember(ctx.userId, pathWs) || pathWs !== ctx.wsId) throw new HttpError(403, 'You do not have access to this workspace');
		const ids = arr(q(req), 'accounts');
		if (!ids || !ids.length) throw badRequest('accounts[] is required');
		return ids.map((id) => state.accountsById.get(id)).filter((a) => a && a.workspace_id === ctx.wsId) as any[];
	};

	R('GET', '/workspaces/:workspace_id/signatures', { scope: 'workspaces', ws: true }, (req, _reply, ctx) => {
		return wsPathCheck(req, ctx).map((a) => ({ account_id: a.id, signatures: a.signatures }));
	});

	R('GET', '/workspaces/:workspace_id/media_options', { scope: 'workspaces', ws: true }, (req, _reply, ctx) => {
		const ws = state.workspacesById.get(ctx.wsId)!;
		return wsPathCheck(req, ctx).map((a) => ({ id: a.id, albums: a.albums, watermarks: a.provider === 'tiktok' ? [] : ws.watermarks }));
	});

	R('GET', '/accounts', { scope: 'accounts', ws: true }, (_req, _reply, ctx) => {
		return state.workspaceAccounts(ctx.wsId).map((a) => ({ id: a.id, provider: a.provider, name: a.name, social_id: a.social_id, picture: a.picture, type: a.type }));
	});

	// ---- posts ----
	const submit = (reply: FastifyReply, jobId: string) => {
		reply.code(state.variants.submitStatus);
		return state.variants.submitEnvelope === 'data' ? { success: true, data: { job_id: jobId } } : { job_id: jobId };
	};
	R('POST', '/posts/schedule', { scope: 'posts', ws: true }, (req, reply, ctx) => {
		const job = createPostsJob(state, ctx.wsId, ctx.userId, req.body, false, '/posts/schedule');
		return submit(reply, job.id);
	});
	R('POST', '/posts/schedule/publish', { scope: 'posts', ws: true }, (req, reply, ctx) => {
		const job = createPostsJob(state, ctx.wsId, ctx.userId, req.body, true, '/posts/schedule/publish');
		return submit(reply, job.id);
	});

	R('GET', '/job_status/:job_id', { scope: null, ws: true }, async (req, _reply, ctx) => {
		const job = state.jobs.get((req.params as any).job_id);
		if (!job || job.workspace_id !== ctx.wsId) throw new HttpError(404, 'Job not found');
		if (job.pending) await job.pending;
		job.polls++;
		if (job.status === 'working' && !job.pending && (job.polls > state.opts.jobWorkingPolls || state.nowMs() - job.submitted_at >= state.opts.jobDurationMs)) {
			state.completeJob(job);
			state.tick();
		}
		return jobStatusBody(state, job);
	});

	R('GET', '/posts', { scope: 'posts', ws: true }, (req, _reply, ctx) => {
		const query = q(req);
		const states = [...(arr(query, 'state') ?? [])];
		const fromS = str(query, 'from');
		const toS = str(query, 'to');
		if ((fromS && !toS) || (!fromS && toS)) throw badRequest('from and to must be given together');
		let from = -Infinity;
		let to = Infinity;
		if (fromS && toS) {
			from = parseDateOrDateTime(fromS);
			to = parseDateOrDateTime(toS, true);
			if (Number.isNaN(from) || Number.isNaN(to)) throw badRequest('from and to must be ISO dates or datetimes');
		}
		const accountIds = arr(query, 'account_ids');
		const text = str(query, 'query')?.toLowerCase();
		const postType = str(query, 'postType');
		const memberId = str(query, 'member_id');
		const page = intParam(query, 'page', 0);
		const matchers = states.map(stateMatcher);
		if (matchers.some((m) => m === null)) throw badRequest(`Unknown state "${states[matchers.indexOf(null)]}"`);
		const list: PostRecord[] = [];
		for (const p of state.posts.values()) {
			if (p.workspace_id !== ctx.wsId || !p.visible) continue;
			if (matchers.length && !matchers.some((m) => m!(p.state))) continue;
			if (fromS) {
				const t = p.scheduled_at;
				if (t === null || t < from || t > to) continue;
			}
			if (accountIds && !accountIds.includes(p.account_id ?? '')) continue;
			if (text && !(p.text.toLowerCase().includes(text) || (p.title ?? '').toLowerCase().includes(text))) continue;
			if (postType && p.post_type !== postType) continue;
			if (memberId && p.user_id !== memberId) continue;
			list.push(p);
		}
		list.sort((a, b) => (b.scheduled_at ?? b.created_at) - (a.scheduled_at ?? a.created_at) || (a.id < b.id ? 1 : -1));
		const per = state.opts.postsPerPage;
		return {
			posts: paginate(list, page, per).map((p) => state.postSummary(p)),
			total: list.length, page, per_page: per, total_pages: Math.ceil(list.length / per),
		};
	});

	R('PUT', '/posts/:id', { scope: 'posts', ws: true }, (req, _reply, ctx) => {
		const p = state.posts.get((req.params as any).id);
		if (!p || p.workspace_id !== ctx.wsId || !p.visible) throw new HttpError(404, 'Post not found');
		const body = (req.body ?? {}) as any;
		const src = body && typeof body.post === 'object' && body.post !== null ? body.post : body;
		if (typeof src.text !== 'string') throw new HttpError(422, 'text is required');
		const title = src.title;
		if (title !== undefined && title !== null && typeof title !== 'string') throw new HttpError(422, 'title must be a string');
		const net = p.provider ? NETWORKS[p.provider] : null;
		if (net) {
			const limit = p.provider === 'youtube' ? 5000 : net.textLimit;
			if (charCount(src.text) > limit) throw new HttpError(422, `Text is ${charCount(src.text)} characters; ${net.label} allows ${limit}`);
			if (p.provider === 'youtube' && typeof title === 'string' && charCount(title) > 100) throw new HttpError(422, 'YouTube titles are limited to 100 characters');
		}
		if (p.state.startsWith('published') && net) {
			if (!net.editableAfterPublish) throw new HttpError(422, `${net.label} posts cannot be edited after publishing`);
			if (p.provider === 'telegram' && !['status', 'link'].includes(p.type)) throw new HttpError(422, 'Telegram posts can only be edited after publishing when they are text or link posts');
			if (p.post_type === 'poll') throw new HttpError(422, 'Polls cannot be edited after publishing');
		}
		if (p.state === 'scheduled_pending' || p.state === 'recycling_pending') {
			// editing a post under approval triggers an approval notification; nothing else changes here
		}
		p.text = src.text;
		if (typeof title === 'string') p.title = title;
		p.updated_at = state.nowMs();
		return state.postDetail(p);
	});

	const doDelete = (ids: string[], ctx: Ctx) => {
		const deleted: string[] = [];
		for (const id of ids) {
			const p = state.posts.get(id);
			if (!p || p.workspace_id !== ctx.wsId || !p.visible) continue;
			state.deletePost(p);
			deleted.push(id);
		}
		return { deleted_ids: deleted };
	};
	R('DELETE', '/posts', { scope: 'posts', ws: true }, (req, _reply, ctx) => {
		const ids = arr(q(req), 'post_ids');
		if (!ids || !ids.length) throw badRequest('post_ids[] is required');
		return doDelete(ids, ctx);
	});
	R('DELETE', '/posts/:id', { scope: 'posts', ws: true }, (req, _reply, ctx) => {
		const id = (req.params as any).id;
		const res = doDelete([id], ctx);
		if (!res.deleted_ids.length) throw new HttpError(404, 'Post not found');
		return res;
	});

	R('POST', '/posts/links', { scope: 'posts', ws: true }, async (req) => {
		const body = (req.body ?? {}) as any;
		const url = typeof body.url === 'string' ? body.url.trim() : '';
		if (!url) throw badRequest('url is required');
		return { link: await linkPreview(url) };
	});

	// ---- locations (§5.16, community-documented only) ----
	const locations = (req: FastifyRequest) => {
		const network = (req.params as any).network ?? str(q(req), 'network') ?? 'facebook';
		if (!['facebook', 'instagram', 'threads'].includes(network)) throw badRequest('network must be facebook, instagram or threads');
		const term = (str(q(req), 'q') ?? '').trim();
		if (!term) throw badRequest('q is required');
		const cap = term.charAt(0).toUpperCase() + term.slice(1);
		return ['', ' City Center', ' Airport', ' Old Town', ' Central Station'].map((suffix, i) => ({
			id: String(100000000000000 + ((hashStr(network + term + i) % 899999999) * 1000)),
			name: cap + suffix,
			address: `${cap}${suffix}, ${i + 1} Main Street`,
		}));
	};
	R('GET', '/locations', { scope: 'posts', ws: true }, (req) => locations(req));
	R('GET', '/locations/:network', { scope: 'posts', ws: true }, (req) => locations(req));

	registerMedia(app, state, R);
	registerAnalytics(app, state, R);
	registerControl(app, state);
	return app;
}

function hashStr(s: string): number {
	let h = 7;
	for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) >>> 0;
	return h;
}

export type RouteFn = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, cfg: RouteConfig, handler: (req: FastifyRequest, reply: FastifyReply, ctx: Ctx) => any) => void;

const AGGREGATES: Record<string, RegExp> = {
	scheduled: /^scheduled/, published: /^published/, draft: /^draft/, recycling: /^recycling/,
};
const STATES = new Set(['all', 'scheduled', 'scheduled_approved', 'scheduled_pending', 'scheduled_declined', 'scheduled_reauth', 'scheduled_locked',
	'published', 'published_posted', 'published_deleted', 'published_hidden', 'draft', 'draft_dated', 'draft_undated', 'draft_private', 'draft_public',
	'failed', 'recycling', 'recycling_active', 'recycling_paused', 'recycling_expired', 'recycling_failed', 'recycling_pending', 'recycling_declined',
	'recycling_reauth', 'recycling_locked', 'recurring']);

function stateMatcher(s: string): ((state: string) => boolean) | null {
	if (!STATES.has(s)) return null;
	if (s === 'all') return () => true;
	const agg = AGGREGATES[s];
	if (agg) return (x) => agg.test(x);
	return (x) => x === s;
}

export function jobStatusBody(state: SandboxState, job: import('./state').Job): any {
	const v = state.variants;
	const token = job.status === 'complete' ? v.completeToken : job.status;
	let payload: any;
	if (job.status !== 'working') {
		if (job.kind === 'media') {
			payload = job.status === 'failed' ? { failures: shapeFailures(state, job.failures) } : job.media.map((m: MediaRecord) => state.mediaUploadResponse(m));
		} else payload = { failures: shapeFailures(state, job.failures) };
	}
	if (v.jobEnvelope === 'data') {
		if (job.status === 'working') return { success: true, data: { status: 'working' } };
		return { success: true, data: { status: token, result: { status: token, payload, plan: { rate: state.workspacesById.get(job.workspace_id)?.plan ?? 'business', locked: false } } } };
	}
	if (job.status === 'working') return { status: 'working' };
	return { status: token, payload };
}

function shapeFailures(state: SandboxState, failures: import('./state').Failure[]): any {
	if (state.variants.failuresShape === 'array') return failures.map((f) => ({ ...f }));
	const out: Record<string, any[]> = {};
	for (const f of failures) {
		const k = f.account_id ?? 'post';
		(out[k] ??= []).push({ ...f });
	}
	return out;
}

function isLoopback(u: URL): boolean {
	return ['127.0.0.1', 'localhost', '[::1]', '::1'].includes(u.hostname);
}

/** Fetch a loopback URL (never the network). Resolves to status, headers and up to `max` bytes of body. */
export function fetchLoopback(url: string, max = 256 * 1024): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer; bytes: number }> {
	return new Promise((resolve, reject) => {
		const req = http.get(url, { timeout: 5000 }, (res) => {
			const chunks: Buffer[] = [];
			let kept = 0;
			let bytes = 0;
			res.on('data', (c: Buffer) => {
				bytes += c.length;
				if (kept < max) {
					chunks.push(c);
					kept += c.length;
				}
			});
			res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), bytes }));
			res.on('error', reject);
		});
		req.on('timeout', () => req.destroy(new Error('timeout')));
		req.on('error', reject);
	});
}

async function linkPreview(raw: string) {
	let u: URL;
	try {
		u = new URL(/^[a-z]+:\/\//i.test(raw) ? raw : 'https://' + raw);
	} catch {
		throw badRequest('url is not a valid URL');
	}
	const host = u.host.replace(/^www\./, '');
	const base = {
		title: host.split('.')[0].replace(/^./, (c) => c.toUpperCase()),
		description: `Preview of ${u.href}`,
		url: u.href,
		original_url: raw.replace(/^https?:\/\//, ''),
		images: [`${u.protocol}//${u.host}/og-image.png`],
		favicon: `${u.protocol}//${u.host}/favicon.ico`,
		provider_display: host,
		type: 'link',
	};
	if (isLoopback(u)) {
		try {
			const r = await fetchLoopback(u.href);
			const html = r.body.toString('utf8');
			const meta = (prop: string) => new RegExp(`<meta[^>]+(?:property|name)=["']${prop}["'][^>]+content=["']([^"']*)["']`, 'i').exec(html)?.[1];
			const title = meta('og:title') ?? /<title>([^<]*)<\/title>/i.exec(html)?.[1];
			if (title) base.title = title.trim();
			const desc = meta('og:description') ?? meta('description');
			if (desc) base.description = desc.trim();
			const img = meta('og:image');
			if (img) base.images = [new URL(img, u).href];
		} catch {
			// unreachable loopback URL: keep the synthesised preview
		}
	}
	return base;
}
