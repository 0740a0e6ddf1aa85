import type { IHttpRequestOptions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import {
	buildQueryString,
	checkBaseUrl,
	isOutcomeUnknown,
	normaliseJobStatus,
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


describe('transport', () => {
	const server = new FakeServer();
	let ctx: ReturnType<typeof transportContext>;
	const sent: IHttpRequestOptions[] = [];

	beforeAll(async () => {
		await server.start();
		ctx = transportContext({ apiKey: KEY, baseUrl: server.baseUrl }, sent);
	});
	afterAll(async () => server.close());
	beforeEach(() => {
		server.reset();
		sent.length = 0;
	});

	describe('headers and URLs', () => {
		it('sends Bearer-API auth and the workspace header on workspace-scoped endpoints', async () => {
			server.reply({ body: [{ id: 'a1' }] });
			const body = await publerApiRequest.call(ctx, { method: 'GET', path: '/accounts', workspaceId: WS });
			expect(body).toEqual([{ id: 'a1' }]);
			const req = server.requests[0];
			expect(req.method).toBe('GET');
			expect(req.path).toBe('/accounts');
			expect(req.headers.authorization).toBe(`Bearer-API ${KEY}`);
			expect(req.headers['publer-workspace-id']).toBe(WS);
			expect(req.headers.accept).toBe('application/json');
		});

		it.each(['/users/me', '/workspaces'])('sends no workspace header to %s', async (path) => {
			server.reply({ body: {} });
			await publerApiRequest.call(ctx, { method: 'GET', path, workspaceId: WS });
			expect(server.requests[0].headers['publer-workspace-id']).toBeUndefined();
			expect(server.requests[0].headers.authorization).toBe(`Bearer-API ${KEY}`);
		});

		it('fails before any request when a workspace-scoped endpoint has no workspace', async () => {
			const error = await expectError<NodeOperationError>(
				publerApiRequest.call(ctx, { method: 'GET', path: '/posts', itemIndex: 3 }),
			);
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toBe('No workspace chosen');
			expect(error.context.itemIndex).toBe(3);
			expect(server.requests).toHaveLength(0);
		});

		it('encodes array query parameters Rails-style', async () => {
			expect(buildQueryString({ 'state[]': ['a', 'b'], account_ids: ['x'], query: 'hi there', empty: '', none: undefined, page: 0 })).toBe(
				'?state%5B%5D=a&state%5B%5D=b&account_ids%5B%5D=x&query=hi%20there&page=0',
			);
			server.reply({ body: { posts: [] } });
			await publerApiRequest.call(ctx, { method: 'GET', path: '/posts', workspaceId: WS, qs: { state: ['scheduled', 'draft'] } });
			expect(decodeURIComponent(server.requests[0].query)).toBe('?state[]=scheduled&state[]=draft');
		});

		it('sends JSON bodies with a JSON content type', async () => {
			server.reply({ body: { job_id: 'j1' } });
			await publerApiRequest.call(ctx, { method: 'POST', path: '/posts/schedule', workspaceId: WS, body: { bulk: { state: 'draft', posts: [] } } });
			expect(server.requests[0].headers['content-type']).toMatch(/application\/json/);
			expect(JSON.parse(server.requests[0].body)).toEqual({ bulk: { state: 'draft', posts: [] } });
		});

		it('accepts HTTPS and loopback HTTP base URLs and refuses others before sending the key', async () => {
			expect(checkBaseUrl('https://app.publer.com/api/v1/').url).toBe('https://app.publer.com/api/v1');
			expect(checkBaseUrl('').url).toBe('https://app.publer.com/api/v1');
			expect(checkBaseUrl('http://127.0.0.1:4010/api/v1').url).toBe('http://127.0.0.1:4010/api/v1');
			expect(checkBaseUrl('http://localhost:4010/api/v1').url).toBe('http://localhost:4010/api/v1');
			expect(checkBaseUrl('http://[::1]:4010/api/v1').url).toBe('http://[::1]:4010/api/v1');
			expect(checkBaseUrl('http://app.publer.com/api/v1').problem).toMatch(/does not use HTTPS/);
			expect(checkBaseUrl('http://127.0.0.1.evil.com/api').problem).toMatch(/does not use HTTPS/);
			expect(checkBaseUrl('not a url').problem).toMatch(/not a valid URL/);

			const insecure = transportContext({ apiKey: KEY, baseUrl: 'http://example.com/api/v1' }, sent);
			const error = await expectError<NodeOperationError>(publerApiRequest.call(insecure, { method: 'GET', path: '/users/me' }));
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toMatch(/HTTPS/);
			expect(sent).toHaveLength(0);
		});

		it('does not follow redirects (the key is sent only to the base URL)', async () => {
			server.reply({ status: 302, headers: { Location: 'http://127.0.0.1:1/steal' }, body: {} });
			const error = await expectError<NodeApiError>(publerApiRequest.call(ctx, { method: 'GET', path: '/users/me' }));
			expect(error).toBeInstanceOf(NodeApiError);
			expect(server.requests).toHaveLength(1);
			expect(sent[0].disableFollowRedirect).toBe(true);
		});
	});

	describe('error normalisation', () => {
		it('400 with an errors array', async () => {
			server.reply({ status: 400, body: { errors: ['Posts is empty', 'State is invalid'] } });
			const error = await expectError<NodeApiError>(
				publerApiRequest.call(ctx, { method: 'POST', path: '/posts/schedule', workspaceId: WS, body: {}, itemIndex: 2 }),
			);
			expect(error).toBeInstanceOf(NodeApiError);
			expect(error.message).toBe('Publer rejected the request as invalid: Posts is empty; State is invalid');
			expect(error.httpCode).toBe('400');
			expect(error.context.itemIndex).toBe(2);
		});

		it('401 names the key and how to fix it', async () => {
			server.reply({ status: 401, body: { errors: ['Unauthorized'] } });
			const error = await expectError<NodeApiError>(publerApiRequest.call(ctx, { method: 'GET', path: '/users/me' }));
			expect(error.message).toBe('Publer did not accept the API key: Unauthorized');
			expect(error.description).toMatch(/API Keys/);
		});

		it('403 names the missing scope and the workspace', async () => {
			server.reply({ status: 403, body: { errors: ['Forbidden'] } });
			const error = await expectError<NodeApiError>(publerApiRequest.call(ctx, { method: 'GET', path: '/analytics/charts', workspaceId: WS }));
			expect(error.message).toBe('Publer refused access: Forbidden');
			expect(error.description).toMatch(/"analytics" scope/);
			expect(error.description).toContain(WS);
		});

		it('413 names the 200 MB limit', async () => {
			server.reply({ status: 413, body: { errors: ['Request Entity Too Large'] } });
			const error = await expectError<NodeApiError>(publerApiRequest.call(ctx, { method: 'POST', path: '/media', workspaceId: WS, body: {} }));
			expect(error.message).toMatch(/200 MB/);
		});

		it('422 with errors as a string (competitor analytics)', async () => {
			server.reply({ status: 422, body: { errors: 'Competitor service is unavailable' } });
			const error = await expectError<NodeApiError>(publerApiRequest.call(ctx, { method: 'GET', path: '/competitors/abc/analytics', workspaceId: WS }));
			expect(error.message).toBe('Publer refused the change: Competitor service is unavailable');
		});

		it('an HTML page with a 2xx status never passes as success (a read is tried 4 times)', async () => {
			const timers = fakeTimers();
			const page = { status: 200, body: '<html><head><title>Maintenance</title></head><body><h1>Back soon</h1></body></html>' };
			server.reply(page, page, page, page);
			const error = await expectError<NodeApiError>(publerApiRequest.call(ctx, { method: 'GET', path: '/users/me', timers }));
			expect(error.message).toBe('Publer answered 200 with "Maintenance Back soon" instead of JSON, so the outcome is unknown');
			expect(server.requests).toHaveLength(4);
		});

		it('an empty body with a 200 status never passes as success', async () => {
			const timers = fakeTimers();
			server.reply({ status: 200, body: '' }, { status: 200, body: '' }, { status: 200, body: '' }, { status: 200, body: '' });
			const error = await expectError<NodeApiError>(publerApiRequest.call(ctx, { method: 'GET', path: '/users/me', timers }));
			expect(error.message).toMatch(/an empty body instead of JSON/);
		});

		it('a read that got an unreadable answer once is read again', async () => {
			const timers = fakeTimers();
			server.reply({ status: 200, body: '<html>proxy</html>' }, { body: { id: 'me' } });
			expect(await publerApiRequest.call(ctx, { method: 'GET', path: '/users/me', timers })).toEqual({ id: 'me' });
			expect(timers.slept).toEqual([1000]);
		});

		it('a write that got an unreadable 2xx answer is not sent again', async () => {
			const timers = fakeTimers();
			server.reply({ status: 200, body: '<html>proxy</html>' }, { body: { job_id: 'x' } });
			const error = await expectError<NodeApiError>(publerApiRequest.call(ctx, { method: 'POST', path: '/posts/schedule', workspaceId: WS, body: {}, timers }));
			expect(isOutcomeUnknown(error)).toBe(true);
			expect(server.requests).toHaveLength(1);
		});

		it('malformed JSON is reported, and on a POST the outcome is marked unknown', async () => {
			server.reply({ status: 200, headers: { 'Content-Type': 'application/json' }, body: '{"job_id": "6810de' });
			const error = await expectError<NodeApiError>(publerApiRequest.call(ctx, { method: 'POST', path: '/posts/schedule', workspaceId: WS, body: {} }));
			expect(error.message).toMatch(/instead of JSON/);
			expect(isOutcomeUnknown(error)).toBe(true);
		});

		it('an HTML 502 from a proxy is reported with a readable excerpt after GET retries', async () => {
			const timers = fakeTimers();
			const page = { status: 502, body: '<html><body><h1>502 Bad Gateway</h1></body></html>' };
			server.reply(page, page, page, page);
			const error = await expectError<NodeApiError>(publerApiRequest.call(ctx, { method: 'GET', path: '/users/me', timers }));
			expect(error.message).toBe('Publer answered 502 with "502 Bad Gateway" instead of JSON, so the outcome is unknown');
			expect(server.requests).toHaveLength(4);
		});

		it('never puts the API key in an error, even when the server echoes it', async () => {
			server.reply((req) => ({ status: 400, body: { errors: [`Bad header ${req.headers.authorization}`, `key=${KEY}`] } }));
			const error = await expectError<NodeApiError>(publerApiRequest.call(ctx, { method: 'GET', path: '/users/me' }));
			const everything = JSON.stringify({ message: error.message, description: error.description, context: error.context, cause: (error as { cause?: unknown }).cause });
			expect(everything).not.toContain(KEY);
			expect(error.message).toContain('***');
		});

		it('never puts the API key in a connection error', async () => {
			const dead = transportContext({ apiKey: KEY, baseUrl: 'http://127.0.0.1:1/api/v1' });
			const timers = fakeTimers();
			const error = await expectError<NodeApiError>(publerApiRequest.call(dead, { method: 'GET', path: '/users/me', timers }));
			expect(error.message).toMatch(/Could not reach Publer \(ECONNREFUSED\)/);
			expect(JSON.stringify({ m: error.message, d: error.description, c: error.context })).not.toContain(KEY);
		});
	});

	describe('rate limits', () => {
		it('waits for the reset after a 429 and retries, taking no real time', async () => {
			const timers = fakeTimers();
			const reset = Math.floor(timers.t / 1000) + 60;
			server.reply(
				{
					status: 429,
					headers: { 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(reset) },
					body: { error: 'Rate limit exceeded. Retry later.' },
				},
				{ status: 200, headers: { 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '99', 'X-RateLimit-Reset': String(reset + 120) }, body: { id: 'me' } },
			);
			const started = Date.now();
			const response = await publerApiRequestFull.call(ctx, { method: 'POST', path: '/posts/schedule', workspaceId: WS, body: { bulk: {} }, timers });
			expect(Date.now() - started).toBeLessThan(1000);
			expect(response.body).toEqual({ id: 'me' });
			expect(response.attempts).toBe(2);
			expect(timers.slept).toHaveLength(1);
			expect(timers.slept[0]).toBe(reset * 1000 - 1_700_000_000_000 + 250);
			expect(response.rateLimit).toEqual({ limit: 100, remaining: 99, resetAt: (reset + 120) * 1000 });
			expect(server.requests).toHaveLength(2);
		});

		it('fails with the reset time once the wait bound is passed', async () => {
			const timers = fakeTimers();
			const reset = Math.floor(timers.t / 1000) + 100;
			const limited = {
				status: 429,
				headers: { 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(reset) },
				body: { error: 'Rate limit exceeded. Retry later.' },
			};
			server.reply(limited, limited);
			const error = await expectError<NodeApiError>(
				publerApiRequest.call(ctx, { method: 'GET', path: '/accounts', workspaceId: WS, timers, maxRateLimitWaitMs: 30_000, itemIndex: 1 }),
			);
			expect(error.message).toBe(`Publer's rate limit is spent and resets at ${new Date(reset * 1000).toISOString()}`);
			expect(error.description).toMatch(/Max Rate-Limit Wait/);
			expect(error.httpCode).toBe('429');
			expect(error.context.itemIndex).toBe(1);
			expect(server.requests).toHaveLength(1);
			expect(timers.slept).toHaveLength(0);
		});

		it('backs off when a 429 has no reset header', async () => {
			const timers = fakeTimers();
			server.reply({ status: 429, body: { error: 'Rate limit exceeded. Retry later.' } }, { body: { ok: true } });
			await publerApiRequest.call(ctx, { method: 'GET', path: '/users/me', timers });
			expect(timers.slept).toEqual([1000]);
		});
	});

	describe('retries', () => {
		it('retries a GET after a 5xx', async () => {
			const timers = fakeTimers();
			server.reply({ status: 503, body: { errors: ['Busy'] } }, { body: { id: 'me' } });
			expect(await publerApiRequest.call(ctx, { method: 'GET', path: '/users/me', timers })).toEqual({ id: 'me' });
			expect(server.requests).toHaveLength(2);
		});

		it('does not repeat a POST after a 5xx, and marks its outcome unknown', async () => {
			const timers = fakeTimers();
			server.reply({ status: 500, body: { errors: ['Internal'] } }, { body: { job_id: 'x' } });
			const error = await expectError<NodeApiError>(publerApiRequest.call(ctx, { method: 'POST', path: '/posts/schedule', workspaceId: WS, body: {}, timers }));
			expect(error.message).toBe('Publer had a server error (500): Internal');
			expect(isOutcomeUnknown(error)).toBe(true);
			expect(server.requests).toHaveLength(1);
		});

		it('retries a GET whose connection dropped', async () => {
			const timers = fakeTimers();
			server.reply({ drop: true }, { body: { id: 'me' } });
			expect(await publerApiRequest.call(ctx, { method: 'GET', path: '/users/me', timers })).toEqual({ id: 'me' });
			expect(server.requests).toHaveLength(2);
		});

		it('does not repeat a POST whose connection dropped after sending, and says the outcome is unknown', async () => {
			const timers = fakeTimers();
			server.reply({ drop: true }, { body: { job_id: 'x' } });
			const error = await expectError<NodeApiError>(publerApiRequest.call(ctx, { method: 'POST', path: '/posts/schedule', workspaceId: WS, body: {}, timers }));
			expect(error.message).toMatch(/Could not reach Publer/);
			expect(error.description).toMatch(/may or may not have processed/);
			expect(isOutcomeUnknown(error)).toBe(true);
			expect(server.requests).toHaveLength(1);
		});

		it('retries any method when the connection was refused (nothing was sent)', async () => {
			const timers = fakeTimers();
			const dead = transportContext({ apiKey: KEY, baseUrl: 'http://127.0.0.1:1/api/v1' });
			const error = await expectError<NodeApiError>(publerApiRequest.call(dead, { method: 'POST', path: '/posts/schedule', workspaceId: WS, body: {}, timers }));
			expect(timers.slept).toEqual([1000, 2000, 4000]);
			expect(isOutcomeUnknown(error)).toBe(false);
		});
	});

	describe('pagination', () => {
		const page = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ id: `p${from + i}` }));

		it('stops on total_pages', async () => {
			server.reply(
				{ body: { posts: page(20), total: 45, page: 0, per_page: 20, total_pages: 3 } },
				{ body: { posts: page(20, 20), total: 45, page: 1, per_page: 20, total_pages: 3 } },
				{ body: { posts: page(5, 40), total: 45, page: 2, per_page: 20, total_pages: 3 } },
			);
			const result = await publerApiRequestAllItems.call(ctx, { method: 'GET', path: '/posts', workspaceId: WS, itemsKey: 'posts' });
			expect(result.items).toHaveLength(45);
			expect(result.pages).toBe(3);
			expect(server.requests.map((r) => new URLSearchParams(r.query).get('page'))).toEqual(['0', '1', '2']);
		});

		it('stops on a short page when no totals are given', async () => {
			server.reply({ body: { records: page(10) } }, { body: { records: page(3, 10) } });
			const result = await publerApiRequestAllItems.call(ctx, { method: 'GET', path: '/analytics/hashtag_insights', workspaceId: WS, itemsKey: 'records' });
			expect(result.items).toHaveLength(13);
			expect(server.requests).toHaveLength(2);
		});

		it('stops on an empty page', async () => {
			server.reply({ body: { media: page(10) } }, { body: { media: [] } });
			const result = await publerApiRequestAllItems.call(ctx, { method: 'GET', path: '/media', workspaceId: WS, itemsKey: 'media' });
			expect(result.items).toHaveLength(10);
			expect(server.requests).toHaveLength(2);
		});

		it('stops on total', async () => {
			server.reply({ body: { posts: page(10), total: 20 } }, { body: { posts: page(10, 10), total: 20 } });
			const result = await publerApiRequestAllItems.call(ctx, { method: 'GET', path: '/analytics/post_insights', workspaceId: WS, itemsKey: 'posts' });
			expect(result.items).toHaveLength(20);
			expect(server.requests).toHaveLength(2);
		});

		it('stops at the limit without fetching more pages', async () => {
			server.reply({ body: { posts: page(20), total_pages: 50 } }, { body: { posts: page(20, 20), total_pages: 50 } });
			const result = await publerApiRequestAllItems.call(ctx, { method: 'GET', path: '/posts', workspaceId: WS, itemsKey: 'posts', limit: 25 });
			expect(result.items.map((p) => p.id)).toEqual(page(25).map((p) => p.id));
			expect(server.requests).toHaveLength(2);
		});

		it('reads a bare array as a single page', async () => {
			server.reply({ body: page(7) });
			const result = await publerApiRequestAllItems.call(ctx, { method: 'GET', path: '/competitors', workspaceId: WS });
			expect(result.items).toHaveLength(7);
			expect(server.requests).toHaveLength(1);
		});
	});

	describe('jobs', () => {
		const failure = { account_id: 'acc1', account_name: 'Test Page', provider: 'facebook', message: 'There\'s another post at this time. A one minute gap is required between posts' };

		it.each([
			['intro prose: completed, failures {}', { status: 'completed', payload: { failures: {} } }, 'complete', 0],
			['top level complete', { status: 'complete', payload: { failures: {} } }, 'complete', 0],
			['OpenAPI data/result envelope', { success: true, data: { status: 'complete', result: { status: 'complete', payload: { failures: {} }, plan: { rate: 'business', locked: false } } } }, 'complete', 0],
			['data envelope without result', { success: true, data: { status: 'completed', payload: { failures: [failure] } } }, 'complete', 1],
			['failures as an array', { status: 'complete', payload: { failures: [failure, { ...failure, account_id: 'acc2' }] } }, 'complete', 2],
			['failures as an object of arrays', { status: 'complete', payload: { failures: { acc1: [failure], acc2: ['Text too long'] } } }, 'complete', 2],
			['failures as an object of strings', { status: 'complete', payload: { failures: { acc3: 'No available slots' } } }, 'complete', 1],
			['working', { status: 'working' }, 'working', 0],
			['wrapped working', { success: true, data: { status: 'working', result: { status: 'working' } } }, 'working', 0],
			['failed', { status: 'failed', payload: { error: 'Job crashed' } }, 'failed', 0],
		])('normalises %s', (_name, raw, status, failures) => {
			const job = normaliseJobStatus(raw, 'job1');
			expect(job.status).toBe(status);
			expect(job.done).toBe(status !== 'working');
			expect(job.failures).toHaveLength(failures);
			expect(job.success).toBe(status === 'complete' && failures === 0);
			for (const f of job.failures) expect(typeof f.message).toBe('string');
		});

		it('keeps the account of object-keyed failures', () => {
			const job = normaliseJobStatus({ status: 'complete', payload: { failures: { acc2: ['Text too long'] } } }, 'j');
			expect(job.failures[0]).toMatchObject({ account_id: 'acc2', message: 'Text too long' });
		});

		it('reads a media job payload array', () => {
			const job = normaliseJobStatus({ status: 'complete', payload: [{ id: 'm1', path: 'https://x/1.png' }, { id: 'm2' }] }, 'j');
			expect(job.media.map((m) => m.id)).toEqual(['m1', 'm2']);
			expect(job.success).toBe(true);
		});

		it('reports a failed job with its reason', () => {
			const job = normaliseJobStatus({ status: 'failed', payload: { error: 'Job crashed' } }, 'j');
			expect(job.error).toBe('Job crashed');
			expect(normaliseJobStatus({ status: 'failed' }, 'j').error).toMatch(/without a reason/);
		});

		it('polls with back-off until the job completes', async () => {
			const timers = fakeTimers();
			server.reply({ body: { status: 'working' } }, { body: { status: 'working' } }, { body: { status: 'complete', payload: { failures: {} } } });
			const job = await waitForJob.call(ctx, { jobId: 'job1', workspaceId: WS, timeoutMs: 60_000, timers, initialDelayMs: 1000 });
			expect(job.success).toBe(true);
			expect(job.polls).toBe(3);
			expect(timers.slept).toEqual([1000, 1600, 2560]);
			expect(server.requests.every((r) => r.path === '/job_status/job1' && r.headers['publer-workspace-id'] === WS)).toBe(true);
		});

		it('keeps waiting through temporary status-read failures', async () => {
			const timers = fakeTimers();
			const bad = { status: 502, body: '<html>Bad Gateway</html>' };
			// One poll's read fails after its 3 retries (4 answers), the next poll reads "working", then "complete".
			server.reply(bad, bad, bad, bad, { body: { status: 'working' } }, { body: { status: 'complete', payload: { failures: {} } } });
			const job = await waitForJob.call(ctx, { jobId: 'job2', workspaceId: WS, timeoutMs: 120_000, timers });
			expect(job.success).toBe(true);
			expect(job.polls).toBe(3);
		});

		it('stops waiting at once when the key or the job is refused', async () => {
			const timers = fakeTimers();
			server.reply({ status: 404, body: { errors: ['Job not found'] } });
			const error = await expectError<NodeApiError>(waitForJob.call(ctx, { jobId: 'nope', workspaceId: WS, timeoutMs: 120_000, timers }));
			expect(error.message).toBe('Publer could not find what was asked for: Job not found');
			expect(server.requests).toHaveLength(1);
		});

		it('says how many status reads failed when it times out', async () => {
			const timers = fakeTimers();
			server.setFallback(() => ({ status: 503, body: { errors: ['Busy'] } }));
			try {
				const error = await expectError<NodeOperationError>(waitForJob.call(ctx, { jobId: 'job3', workspaceId: WS, timeoutMs: 30_000, timers }));
				expect(error.message).toMatch(/^Publer job job3 was still working after 30 s \(\d+ status reads? failed; the last: Publer had a server error \(503\): Busy\)$/);
			} finally {
				server.setFallback(() => ({ status: 404, body: { errors: ['No route'] } }));
			}
		});

		it('times out with the job id and how to check it later', async () => {
			const timers = fakeTimers();
			server.setFallback(() => ({ body: { status: 'working' } }));
			try {
				const error = await expectError<NodeOperationError>(
					waitForJob.call(ctx, { jobId: 'job9', workspaceId: WS, timeoutMs: 10_000, timers, itemIndex: 4 }),
				);
				expect(error).toBeInstanceOf(NodeOperationError);
				expect(error.message).toBe('Publer job job9 was still working after 10 s');
				expect(error.description).toMatch(/Job → Get \(job ID job9\)/);
				expect(error.context.itemIndex).toBe(4);
				expect(timers.t - 1_700_000_000_000).toBeLessThanOrEqual(10_000);
			} finally {
				server.setFallback(() => ({ status: 404, body: { errors: ['No route'] } }));
			}
		});
	});
});
