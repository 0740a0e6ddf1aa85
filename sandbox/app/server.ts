// The fastify app: body parsers, the request pipeline of every Publer path (faults → authentication → rate limit
// → scope and workspace → route → request log), Publer-style errors, and the route files.
import Fastify, { FastifyInstance, FastifyServerOptions } from 'fastify';
import multipart from '@fastify/multipart';
import type { SandboxState } from '../domain/store';
import { processDue } from '../domain/scheduler';
import { API_PREFIX, AddRoute, publerPath } from './route';
import { faultAnswered, dropAfterIfInjected } from './middleware/faults';
import { authenticate, authorize } from './middleware/auth';
import { rateLimitAnswered } from './middleware/rateLimit';
import { logRequest } from './middleware/requestLog';
import { registerUserRoutes } from '../routes/users';
import { registerWorkspaceRoutes } from '../routes/workspaces';
import { registerAccountRoutes } from '../routes/accounts';
import { registerPostRoutes } from '../routes/posts';
import { registerJobRoutes } from '../routes/jobs';
import { registerLocationRoutes } from '../routes/locations';
import { registerMediaRoutes } from '../routes/media';
import { registerAnalyticsRoutes } from '../routes/analytics';
import { registerCompetitorRoutes } from '../routes/competitors';
import { ControlHooks, registerControlRoutes } from '../routes/control';
import { HttpError, errorBody } from '../util/httpError';
import { parseQuery } from '../util/query';
import { iso } from '../util/time';

function registerBodyParsers(app: FastifyInstance): void {
	app.register(multipart, { limits: { fileSize: 200 * 1024 * 1024 + 1, files: 1, fields: 20 } });
	// JSON parse errors answer like Publer (400 {"errors":[...]}), and an empty body is no body
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
	// one GitBook example posts /posts/links form-encoded
	app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
		done(null, parseQuery(String(body)));
	});
}

function registerPipeline(app: FastifyInstance, state: SandboxState): void {
	app.addHook('onRequest', async (req, reply) => {
		// asyncJobs: the checks of earlier submits run before this request is handled, whatever it is
		state.settlePendingJobs();
		const path = publerPath(req.url);
		if (path === null) return;
		processDue(state);
		req.sandboxAt = iso(state.nowMs());
		if (await faultAnswered(state, req, reply, path)) return reply;
		const key = authenticate(state, req, reply);
		if (!key) return reply;
		// 401s above are not counted: no user is known yet
		if (rateLimitAnswered(state, key.userId, reply)) return reply;
		const ctx = authorize(state, req, reply, key);
		if (!ctx) return reply;
		req.sandboxCtx = ctx;
	});
	app.addHook('onSend', async (req, _reply, payload) => {
		dropAfterIfInjected(state, req);
		return payload;
	});
	app.addHook('onResponse', async (req, reply) => {
		logRequest(state, req, reply.statusCode);
	});
	app.setErrorHandler((err: any, _req, reply) => {
		if (err instanceof HttpError) return reply.code(err.status).send(err.body ?? errorBody(err.message));
		if (err.code === 'FST_REQ_FILE_TOO_LARGE') return reply.code(413).send(errorBody('File is too large. The maximum size is 200 MB'));
		if (err.statusCode && err.statusCode < 500) return reply.code(err.statusCode).send(errorBody(err.message));
		return reply.code(500).send(errorBody('Internal server error: ' + (err?.message ?? String(err))));
	});
	app.setNotFoundHandler((req, reply) => {
		reply.code(404).send(errorBody(`No route ${req.method} ${req.url.split('?')[0]}`));
	});
}

export function buildServer(state: SandboxState, hooks: ControlHooks): FastifyInstance {
	const app = Fastify({
		logger: false,
		bodyLimit: 64 * 1024 * 1024,
		routerOptions: { ignoreTrailingSlash: true, querystringParser: (text: string) => parseQuery(text) },
		keepAliveTimeout: 10000,
	} as FastifyServerOptions);
	registerBodyParsers(app);
	registerPipeline(app, state);

	const addRoute: AddRoute = (method, path, config, handler) => {
		app.route({
			method, url: API_PREFIX + path, config,
			handler: async (req, reply) => {
				// defence in depth: a Publer route never runs without the context authentication gives
				if (!req.sandboxCtx) return reply.code(401).send(errorBody('Missing Authorization header'));
				const result = await handler(req, reply, req.sandboxCtx);
				return reply.sent ? reply : result;
			},
		});
	};
	registerUserRoutes(addRoute, state);
	registerWorkspaceRoutes(addRoute, state);
	registerAccountRoutes(addRoute, state);
	registerPostRoutes(addRoute, state);
	registerJobRoutes(addRoute, state);
	registerLocationRoutes(addRoute);
	registerMediaRoutes(addRoute, state);
	registerAnalyticsRoutes(addRoute, state);
	registerCompetitorRoutes(addRoute, state);
	registerControlRoutes(app, state, hooks);
	return app;
}
