// Transport-level reliability (issue 12 items 7, 8, 9, 10 and the DELETE guard; issue 13 variants (a), (b)).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { httpRequest } from 'n8n-core/dist/execution-engine/node-execution-context/utils/request-helper-functions';
import type { IHttpRequestOptions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { PublerApi } from '../../../../credentials/PublerApi.credentials';
import {
	DEFAULT_MAX_PAGES,
	bodySnippet,
	classifyAuthMessage,
	getJobStatus,
	normaliseJobStatus,
	pathProblem,
	publerApiRequest,
	publerApiRequestAllItems,
	publerApiRequestFull,
	waitForJob,
} from '../../../../nodes/shared/transport';
import { transportContext } from '../../../support/context';
import { FakeServer } from '../../../support/fakeServer';
import { expectError, fakeTimers } from '../../../support/timers';

const KEY = 'sk_live_SECRET_9f8e7d6c5b4a';
const WS = '61a7c2e4f9e8c3b2d1e0f9a8';


describe('transport reliability', () => {
	const server = new FakeServer();
	let ctx: ReturnType<typeof transportContext>;
	const sent: IHttpRequestOptions[] = [];
	const fresh = () => transportContext({ apiKey: KEY, baseUrl: server.baseUrl }, sent);

	beforeAll(async () => {
		await server.start();
	});
	afterAll(async () => server.close());
	beforeEach(() => {
		server.reset();
		server.setFallback(() => ({ status: 404, body: { errors: ['No route'] } }));
		sent.length = 0;
		ctx = fresh();
	});

	describe('12.9 error bodies are cut before any scan', () => {
		it('a GET answered 502 with 200 KB of "<" four times fails in well under a second (was ~90 s)', async () => {
			const body = '<'.repeat(200_000);
			server.setFallback(() => ({ status: 502, body }));
			const timers = fakeTimers();
			const started = performance.now();
			const error = await expectError<NodeApiError>(publerApiRequest.call(ctx, { method: 'GET', path: '/users/me', timers }));
			const elapsed = performance.now() - started;
			console.log(`200 KB "<" 502 body, 4 attempts over loopback: ${elapsed.toFixed(1)} ms`);
			expect(server.requests).toHaveLength(4);
			expect(error).toBeInstanceOf(NodeApiError);
			expect(error.message).toMatch(/Publer answered 502 with unreadable content/);
			expect(elapsed).toBeLessThan(1000); // four loopback round trips included; the body work is measured below
		});

		it('one attempt with a 200 KB HTML body costs under 50 ms more than one with a tiny body', async () => {
			const timeOne = async (body: string) => {
				server.reply({ status: 502, body });
				const started = performance.now();
				await expectError(publerApiRequest.call(ctx, { method: 'POST', path: '/posts/schedule', workspaceId: WS, body: {} }));
				return performance.now() - started;
			};
			await timeOne('<p>warm up</p>');
			const small = await timeOne('<p>Bad gateway</p>');
			const large = await timeOne(`<html>${'<'.repeat(200_000)}`);
			console.log(`one 502 attempt: tiny body ${small.toFixed(1)} ms, 200 KB "<" body ${large.toFixed(1)} ms (difference ${(large - small).toFixed(1)} ms)`);
			expect(large - small).toBeLessThan(50);
		});

		it.each([
			['"<" × 200 KB', '<'.repeat(200_000)],
			['"<script" × 200 KB', '<script'.repeat(30_000)],
			['"<style><" × 200 KB', '<style><'.repeat(25_000)],
			['"<a " × 200 KB', '<a '.repeat(70_000)],
			['"Bearer " × 200 KB', 'Bearer '.repeat(30_000)],
			['whitespace × 200 KB', ' \n\t'.repeat(70_000)],
		])('turning %s into a message takes under 50 ms', (_name, body) => {
			const started = performance.now();
			const snippet = bodySnippet(body);
			const elapsed = performance.now() - started;
			console.log(`bodySnippet(${_name}): ${elapsed.toFixed(2)} ms`);
			expect(elapsed).toBeLessThan(50);
			expect(snippet.length).toBeLessThanOrEqual(130);
		});

		it('a huge JSON error body gives a message of at most 500 characters', async () => {
			server.reply({ status: 400, body: { errors: Array.from({ length: 5000 }, (_, i) => `problem ${i} ${'x'.repeat(100)}`) } });
			const started = performance.now();
			const error = await expectError<NodeApiError>(publerApiRequest.call(ctx, { method: 'POST', path: '/posts/schedule', workspaceId: WS, body: {} }));
			expect(performance.now() - started).toBeLessThan(1000);
			expect(error.message.length).toBeLessThan(600);
		});

		it('still quotes the readable text of a normal HTML error page', () => {
			expect(bodySnippet('<html><head><style>h1{}</style><script>var a = "<b>";</script></head><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>')).toBe(
				'"502 Bad Gateway nginx"',
			);
		});
	});

	describe('12.7 the transport never turns a bad bound into no bound', () => {
		it.each([NaN, -1, Infinity, -Infinity])('maxRateLimitWaitMs %p is refused before sending', async (value) => {
			const error = await expectError<NodeOperationError>(
				publerApiRequest.call(ctx, { method: 'GET', path: '/accounts', workspaceId: WS, maxRateLimitWaitMs: value, itemIndex: 2 }),
			);
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.context.itemIndex).toBe(2);
			expect(server.requests).toHaveLength(0);
		});

		it.each([NaN, 0, -5, Infinity])('timeoutMs %p is refused before sending', async (value) => {
			await expectError(publerApiRequest.call(ctx, { method: 'GET', path: '/accounts', workspaceId: WS, timeoutMs: value }));
			expect(server.requests).toHaveLength(0);
		});

		it.each([
			['timeoutMs', { timeoutMs: NaN }],
			['timeoutMs', { timeoutMs: Infinity }],
			['initialDelayMs', { timeoutMs: 1000, initialDelayMs: NaN }],
			['maxDelayMs', { timeoutMs: 1000, maxDelayMs: NaN }],
			['factor', { timeoutMs: 1000, factor: NaN }],
			['initialDelayMs', { timeoutMs: 1000, initialDelayMs: -1 }],
		])('waitForJob refuses %s %p before polling', async (_name, bad) => {
			const error = await expectError<NodeOperationError>(
				waitForJob.call(ctx, { jobId: 'j1', workspaceId: WS, timers: fakeTimers(), ...(bad as { timeoutMs: number }) }),
			);
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(server.requests).toHaveLength(0);
		});

		it('a 429 storm with a zero bound fails after one request, not never', async () => {
			server.setFallback(() => ({ status: 429, body: { error: 'Rate limit exceeded. Retry later.' } }));
			const error = await expectError<NodeApiError>(publerApiRequest.call(ctx, { method: 'GET', path: '/accounts', workspaceId: WS, maxRateLimitWaitMs: 0, timers: fakeTimers() }));
			expect(error.httpCode).toBe('429');
			expect(server.requests).toHaveLength(1);
		});
	});

	describe('12.8 the credential test does not follow redirects', () => {
		let other: http.Server;
		let otherUrl = '';
		const stolen: http.IncomingHttpHeaders[] = [];
		beforeAll(async () => {
			other = http.createServer((req, res) => {
				stolen.push(req.headers);
				res.writeHead(200, { 'Content-Type': 'application/json' });
				res.end('{"id":"u1"}');
			});
			await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
			otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
		});
		afterAll(async () => new Promise<void>((resolve) => other.close(() => resolve())));

		/** The credential test request as n8n's credentials tester sends it: expression resolved, auth applied. */
		function credentialTestRequest(baseUrl: string): IHttpRequestOptions {
			const credential = new PublerApi();
			const request = credential.test.request;
			const expression = String(request.baseURL).replace(/^=\{\{/, '').replace(/\}\}$/, '');
			const resolvedBase = new Function('$credentials', `return (${expression});`)({ apiKey: KEY, baseUrl }) as string;
			const authorization = String(credential.authenticate.properties.headers?.Authorization).replace('={{$credentials.apiKey}}', '').replace(/^=/, '');
			return {
				...(request as IHttpRequestOptions),
				baseURL: resolvedBase,
				url: String(request.url),
				headers: { Authorization: `${authorization.replace('{{$credentials.apiKey}}', KEY)}` },
			};
		}

		it('a Base URL that redirects to another origin never receives… and never forwards the key', async () => {
			stolen.length = 0;
			server.setFallback(() => ({ status: 302, headers: { Location: `${otherUrl}/steal` }, body: '' }));
			const options = credentialTestRequest(server.baseUrl);
			expect(options.headers?.Authorization).toBe(`Bearer-API ${KEY}`);
			expect(options.disableFollowRedirect).toBe(true);
			expect(options.sendCredentialsOnCrossOriginRedirect).toBe(false);
			await expectError(httpRequest(options));
			expect(server.requests).toHaveLength(1);
			expect(server.requests[0].headers.authorization).toBe(`Bearer-API ${KEY}`);
			expect(stolen).toHaveLength(0);
		});

		it('the transport also sends no credentials across origins', async () => {
			server.setFallback(() => ({ status: 302, headers: { Location: `${otherUrl}/steal` }, body: '' }));
			stolen.length = 0;
			await expectError(publerApiRequest.call(ctx, { method: 'GET', path: '/users/me' }));
			expect(sent[0].disableFollowRedirect).toBe(true);
			expect(sent[0].sendCredentialsOnCrossOriginRedirect).toBe(false);
			expect(stolen).toHaveLength(0);
		});
	});

	describe('12.10 pagination is capped', () => {
		it('a server that ignores "page" costs 2 requests and a clear error, not 10,000', async () => {
			server.setFallback(() => ({ body: { posts: Array.from({ length: 20 }, (_, i) => ({ id: `p${i}` })), per_page: 20 } }));
			const error = await expectError<NodeOperationError>(
				publerApiRequestAllItems.call(ctx, { method: 'GET', path: '/posts', workspaceId: WS, itemsKey: 'posts', timers: fakeTimers() }),
			);
			console.log(`server ignoring "page": ${server.requests.length} requests`);
			expect(server.requests).toHaveLength(2);
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toMatch(/same items as page 0/);
		});

		it(`a list that never ends stops at ${DEFAULT_MAX_PAGES} pages with a clear error, or a partial flag when asked`, async () => {
			server.setFallback((req) => {
				const page = Number(new URLSearchParams(req.query).get('page'));
				return { body: { posts: Array.from({ length: 20 }, (_, i) => ({ id: `p${page}_${i}` })), per_page: 20 } };
			});
			const error = await expectError<NodeOperationError>(
				publerApiRequestAllItems.call(ctx, { method: 'GET', path: '/posts', workspaceId: WS, itemsKey: 'posts', timers: fakeTimers() }),
			);
			console.log(`endless list: capped at ${server.requests.length} requests`);
			expect(server.requests).toHaveLength(DEFAULT_MAX_PAGES);
			expect(error.message).toMatch(/after 100 pages \(2000 items\)/);
			server.reset();
			const partial = await publerApiRequestAllItems.call(ctx, {
				method: 'GET',
				path: '/posts',
				workspaceId: WS,
				itemsKey: 'posts',
				onIncomplete: 'partial',
				timers: fakeTimers(),
			});
			expect(partial).toMatchObject({ complete: false, stoppedBy: 'pageCap', pages: DEFAULT_MAX_PAGES });
			expect(partial.items).toHaveLength(2000);
		});

		it('an explicit maxPages stops quietly and marks the result incomplete', async () => {
			server.setFallback(() => ({ body: { media: [{ id: 'm1' }], total: 5 } }));
			const result = await publerApiRequestAllItems.call(ctx, { method: 'GET', path: '/media', workspaceId: WS, itemsKey: 'media', maxPages: 1 });
			expect(result).toMatchObject({ complete: false, stoppedBy: 'pageCap', pages: 1 });
		});
	});

	describe('12.10 path segments and workspace IDs', () => {
		it.each(['/workspaces/../signatures', '/job_status/..', '/job_status/.', '/posts/a%2Fb', '/posts/x%3Fy', '/posts/x%23y', '/posts//x', '/analytics/%2E%2E/chart_data'])(
			'%s is refused before sending',
			async (path) => {
				expect(pathProblem(path)).toBeDefined();
				const error = await expectError<NodeOperationError>(publerApiRequest.call(ctx, { method: 'GET', path, workspaceId: WS }));
				expect(error).toBeInstanceOf(NodeOperationError);
				expect(server.requests).toHaveLength(0);
			},
		);

		it('a job ID ".." never reaches the server', async () => {
			await expectError(getJobStatus.call(ctx, '..', WS));
			expect(server.requests).toHaveLength(0);
		});

		it.each(['..', '.', 'a/b', 'x\r\nEvil: 1', '%2e'])('workspace ID %p is refused before sending', async (workspaceId) => {
			await expectError(publerApiRequest.call(ctx, { method: 'GET', path: '/accounts', workspaceId }));
			expect(server.requests).toHaveLength(0);
		});

		it('normal paths pass', () => {
			for (const path of ['/users/me', '/posts/schedule/publish', '/media/from-url', `/workspaces/${WS}/media_options`, '/job_status/6810dec617eae6d55d7a5e5b', '/analytics/123456/chart_data']) {
				expect(pathProblem(path)).toBeUndefined();
			}
		});
	});

	describe('never DELETE /posts without ids (transport guard)', () => {
		it.each([
			['no query', undefined],
			['empty list', { post_ids: [] }],
			['empty bracket list', { 'post_ids[]': [] }],
			['empty string', { post_ids: '' }],
			['null', { post_ids: null }],
			['other parameters only', { state: 'draft' }],
			['ids plus a filter', { post_ids: ['a1'], state: 'draft' }],
			['an id with a slash', { post_ids: ['a/b'] }],
		])('%s: refused', async (_name, qs) => {
			const error = await expectError<NodeOperationError>(
				publerApiRequest.call(ctx, { method: 'DELETE', path: '/posts', workspaceId: WS, qs: qs as never, idempotent: true }),
			);
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(server.requests).toHaveLength(0);
		});

		it('a DELETE with ids is sent', async () => {
			server.reply({ body: { deleted_ids: ['a1'] } });
			await publerApiRequest.call(ctx, { method: 'DELETE', path: '/posts', workspaceId: WS, qs: { post_ids: ['a1'] } });
			expect(server.requests).toHaveLength(1);
		});
	});

	describe('12.6 a retried request says an earlier attempt may have been processed', () => {
		it('after a dropped connection', async () => {
			server.reply({ drop: true }, { body: { deleted_ids: [] } });
			const response = await publerApiRequestFull.call(ctx, { method: 'DELETE', path: '/posts', workspaceId: WS, qs: { post_ids: ['a1'] }, idempotent: true, timers: fakeTimers() });
			expect(response.attempts).toBe(2);
			expect(response.earlierOutcomeUnknown).toBe(true);
		});

		it('but not after a 429 (nothing was processed)', async () => {
			server.reply({ status: 429, headers: { 'X-RateLimit-Reset': '2' }, body: { error: 'Rate limit exceeded. Retry later.' } }, { body: { deleted_ids: ['a1'] } });
			const response = await publerApiRequestFull.call(ctx, { method: 'DELETE', path: '/posts', workspaceId: WS, qs: { post_ids: ['a1'] }, idempotent: true, timers: fakeTimers() });
			expect(response.attempts).toBe(2);
			expect(response.earlierOutcomeUnknown).toBe(false);
		});
	});

	describe('13 (a) 401 and 403 may be swapped: the body and /users/me decide, not the code', () => {
		it('401 "no access on this workspace" is about the workspace, not the key', async () => {
			server.reply({ status: 401, body: { errors: ["You don't have access on this workspace"] } });
			const error = await expectError<NodeApiError>(publerApiRequest.call(ctx, { method: 'GET', path: '/accounts', workspaceId: WS }));
			expect(error.message).toMatch(/refused access to the workspace/);
			expect(`${error.message} ${error.description}`).not.toMatch(/did not accept the API key|mistyped|revoked/);
			expect(error.description).toMatch(/pick the workspace from the list/);
			expect(server.requests.map((r) => r.path)).toEqual(['/accounts']);
		});

		it('403 "Invalid API key or not active" is about the key, not a scope', async () => {
			server.reply({ status: 403, body: { errors: ['Invalid API key or not active for this account'] } });
			const error = await expectError<NodeApiError>(publerApiRequest.call(ctx, { method: 'GET', path: '/posts', workspaceId: WS }));
			expect(error.message).toMatch(/did not accept the API key/);
			expect(`${error.message} ${error.description}`).not.toMatch(/scope/);
			expect(server.requests).toHaveLength(1);
		});

		it('an unclear 403 reads /users/me once: the key works, so workspace or scope', async () => {
			server.reply({ status: 403, body: { errors: ['Forbidden'] } }, { body: { id: 'u1', name: 'Ana' } }, { status: 403, body: { errors: ['Forbidden'] } });
			const error = await expectError<NodeApiError>(publerApiRequest.call(ctx, { method: 'GET', path: '/posts', workspaceId: WS }));
			expect(server.requests.map((r) => r.path)).toEqual(['/posts', '/users/me']);
			expect(server.requests[1].headers['publer-workspace-id']).toBeUndefined();
			expect(error.message).toMatch(/the key itself works/);
			expect(error.description).toMatch(/"posts" scope/);
			expect(error.description).toMatch(new RegExp(WS));
			// once per execution: the second unclear 403 uses what /users/me said
			await expectError(publerApiRequest.call(ctx, { method: 'GET', path: '/posts', workspaceId: WS }));
			expect(server.requests.map((r) => r.path)).toEqual(['/posts', '/users/me', '/posts']);
		});

		it('an unclear 401 with /users/me also refused: the key is wrong', async () => {
			server.reply({ status: 401, body: { errors: ['Unauthorized'] } }, { status: 403, body: { errors: ['Forbidden'] } });
			const error = await expectError<NodeApiError>(publerApiRequest.call(ctx, { method: 'GET', path: '/accounts', workspaceId: WS }));
			expect(error.message).toMatch(/did not accept the API key/);
			expect(error.description).toMatch(/also refused the key for \/users\/me/);
		});

		it('an unclear 403 without any way to check says all three possibilities', async () => {
			server.reply({ status: 403, body: '' }, { status: 429, body: { error: 'Rate limit exceeded. Retry later.' } });
			const error = await expectError<NodeApiError>(publerApiRequest.call(ctx, { method: 'GET', path: '/media', workspaceId: WS, timers: fakeTimers() }));
			expect(error.description).toMatch(/wrong key, a workspace .* and a missing scope/);
		});

		it('classifies the observed messages', () => {
			expect(classifyAuthMessage("You don't have access on this workspace")).toBe('workspace');
			expect(classifyAuthMessage('Invalid API key or not active for this account')).toBe('key');
			expect(classifyAuthMessage('Missing scope: posts')).toBe('scope');
			expect(classifyAuthMessage('This API key is missing the "workspaces" scope')).toBe('scope');
			expect(classifyAuthMessage('Another media import is already running')).toBe('importRunning');
			expect(classifyAuthMessage('Forbidden')).toBe('unclear');
			expect(classifyAuthMessage(undefined)).toBe('unclear');
		});
	});

	describe('13 (b) job status null or unknown means still working', () => {
		it.each([null, undefined, '', 'queued', 'processing', 42, { nested: true }])('status %p → working', (status) => {
			expect(normaliseJobStatus({ status, payload: {} }, 'j1')).toMatchObject({ status: 'working', done: false, success: false });
			expect(normaliseJobStatus({ success: true, data: { status, result: { status } } }, 'j1')).toMatchObject({ status: 'working', done: false });
		});

		it('waitForJob keeps polling through null statuses until complete', async () => {
			server.reply({ body: { status: null } }, { body: { status: null } }, { body: { status: 'queued' } }, { body: { status: 'complete', payload: { failures: {} } } });
			const job = await waitForJob.call(ctx, { jobId: 'j1', workspaceId: WS, timeoutMs: 60_000, timers: fakeTimers() });
			expect(job).toMatchObject({ status: 'complete', success: true, polls: 4 });
		});
	});
});
