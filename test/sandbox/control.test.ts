import { AxiosInstance } from 'axios';
import { Sandbox } from '../../sandbox';
import { at, bulk, client, control, runJob, setup } from '../support/sandbox';

let sb: Sandbox;
let api: AxiosInstance;
beforeAll(async () => {
	({ sb, api } = await setup());
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

const fbPost = () => bulk('scheduled', [{ networks: { facebook: { type: 'status', text: 'x' } }, accounts: [{ id: sb.accountFor('facebook').id, scheduled_at: at(sb, 10) }] }]);
const badPost = () => bulk('scheduled', [{ networks: { twitter: { type: 'status', text: 'x'.repeat(300) } }, accounts: [{ id: sb.accountFor('twitter').id, scheduled_at: at(sb, 10) }] }]);

describe('variants (publer-api.md §13)', () => {
	it('jobEnvelope data + completeToken completed (OpenAPI / intro shapes)', async () => {
		sb.setVariants({ jobEnvelope: 'data', completeToken: 'completed' });
		const { result } = await runJob(api, fbPost());
		expect(result).toEqual({ success: true, data: { status: 'completed', result: { status: 'completed', payload: { failures: [] }, plan: { rate: 'business', locked: false } } } });
		const r = await api.post('/posts/schedule', fbPost());
		expect((await api.get(`/job_status/${r.data.job_id}`)).data).toEqual({ success: true, data: { status: 'working' } });
	});
	it('failuresShape object: keyed by account id, values are arrays', async () => {
		sb.setVariants({ failuresShape: 'object' });
		const { result } = await runJob(api, badPost());
		const tw = sb.accountFor('twitter');
		expect(result.payload.failures).toEqual({ [tw.id]: [{ account_id: tw.id, account_name: tw.name, provider: 'twitter', message: 'Text is 300 characters; Twitter allows 280' }] });
		expect((await runJob(api, fbPost())).result.payload.failures).toEqual({});
	});
	it('submitStatus 202 and submitEnvelope data', async () => {
		sb.setVariants({ submitStatus: 202, submitEnvelope: 'data' });
		const r = await api.post('/posts/schedule', fbPost());
		expect(r.status).toBe(202);
		expect(r.data).toEqual({ success: true, data: { job_id: expect.stringMatching(/^[0-9a-f]{24}$/) } });
		const m = await api.post('/media/from-url', { media: [{ url: 'https://example.com/a.jpg', name: 'a' }] });
		expect(m.status).toBe(202);
		expect(m.data.data.job_id).toBeDefined();
	});
	it('variants can be set at start, over HTTP, and are reset by reset()', async () => {
		const { sb: s2 } = await setup({ variants: { completeToken: 'completed' } });
		expect(s2.variants().completeToken).toBe('completed');
		const r = await control(s2).post('/__sandbox/variants', { failuresShape: 'object' });
		expect(r.data.failuresShape).toBe('object');
		expect((await control(s2).post('/__sandbox/variants', { failuresShape: 'list' })).status).toBe(400);
		s2.reset();
		expect(s2.variants()).toMatchObject({ completeToken: 'completed', failuresShape: 'array' });
		await s2.close();
	});
});

describe('faults', () => {
	it('status: 5xx before processing, consumed by count, then normal', async () => {
		sb.injectFault({ path: '/posts/schedule', kind: 'status', status: 503, count: 2 });
		expect((await api.post('/posts/schedule', fbPost())).status).toBe(503);
		expect((await api.post('/posts/schedule', fbPost())).status).toBe(503);
		expect(sb.jobs()).toHaveLength(0);
		expect((await api.post('/posts/schedule', fbPost())).status).toBe(200);
		expect(sb.requests({ path: '/posts/schedule' }).map((r) => [r.status, r.fault])).toEqual([[503, 'status'], [503, 'status'], [200, undefined]]);
	});
	it('matches method and regex paths only', async () => {
		sb.injectFault({ method: 'POST', path: /^\/posts/, kind: 'status', status: 500 });
		expect((await api.get('/posts')).status).toBe(200);
		expect((await api.get('/accounts')).status).toBe(200);
		expect((await api.post('/posts/links', { url: 'https://a.test' })).status).toBe(500);
	});
	it('latency delays the answer for real', async () => {
		sb.injectFault({ path: '/accounts', kind: 'latency', latencyMs: 250 });
		const t = Date.now();
		expect((await api.get('/accounts')).status).toBe(200);
		expect(Date.now() - t).toBeGreaterThanOrEqual(240);
	});
	it('429 fault answers the documented rate-limit body and headers', async () => {
		sb.injectFault({ path: '/posts/schedule', kind: '429' });
		const r = await api.post('/posts/schedule', fbPost());
		expect(r.status).toBe(429);
		expect(r.data).toEqual({ error: 'Rate limit exceeded. Retry later.' });
		expect(r.headers['x-ratelimit-remaining']).toBe('0');
		expect(Number(r.headers['x-ratelimit-reset'])).toBeGreaterThan(Date.now() / 1000);
	});
	it('dropBefore: connection destroyed, nothing processed', async () => {
		sb.injectFault({ path: '/posts/schedule', kind: 'dropBefore' });
		await expect(api.post('/posts/schedule', fbPost())).rejects.toThrow(/socket hang up|ECONNRESET/);
		expect(sb.jobs()).toHaveLength(0);
		expect(sb.requests({ path: '/posts/schedule' })[0]).toMatchObject({ status: 0, fault: 'dropBefore' });
	});
	it('dropAfter: processed fully (job and posts exist), no answer — a retry double-posts into the gap rule', async () => {
		sb.injectFault({ path: '/posts/schedule', kind: 'dropAfter' });
		const body = fbPost();
		await expect(api.post('/posts/schedule', body)).rejects.toThrow(/socket hang up|ECONNRESET/);
		expect(sb.jobs()).toHaveLength(1);
		expect(sb.posts(sb.workspaceId)).toHaveLength(1);
		const { result } = await runJob(api, body);
		expect(result.payload.failures[0].message).toMatch(/one minute gap/);
		expect(sb.requests({ path: '/posts/schedule' })[0]).toMatchObject({ status: 0, fault: 'dropAfter' });
	});
	it('html: an HTML error page with the given status', async () => {
		sb.injectFault({ path: '/accounts', kind: 'html' });
		const r = await api.get('/accounts');
		expect(r.status).toBe(502);
		expect(r.headers['content-type']).toMatch(/text\/html/);
		expect(String(r.data)).toMatch(/<html>/);
	});
	it('malformedJson: 200, application/json, truncated body', async () => {
		sb.injectFault({ path: '/accounts', kind: 'malformedJson' });
		const r = await api.get('/accounts', { responseType: 'text' });
		expect(r.status).toBe(200);
		expect(r.headers['content-type']).toMatch(/application\/json/);
		expect(() => JSON.parse(r.data)).toThrow();
	});
	it('empty: status with an empty body', async () => {
		sb.injectFault({ path: '/accounts', kind: 'empty', status: 200 });
		const r = await api.get('/accounts', { responseType: 'text' });
		expect(r.status).toBe(200);
		expect(r.data).toBe('');
	});
	it('faults over HTTP (pathRegex) and clearFaults', async () => {
		await control(sb).post('/__sandbox/faults', { pathRegex: '^/accounts$', kind: 'status', status: 502, count: 5 });
		expect((await api.get('/accounts')).status).toBe(502);
		await control(sb).delete('/__sandbox/faults');
		expect((await api.get('/accounts')).status).toBe(200);
		sb.injectFault({ kind: 'status' });
		sb.clearFaults();
		expect((await api.get('/accounts')).status).toBe(200);
	});
});

describe('inspection and control routes', () => {
	it('request log: method, path, query, masked headers, body, status, sandbox time', async () => {
		await api.post('/posts/schedule', fbPost());
		await api.get('/posts?state[]=scheduled&page=0');
		const [post, get] = sb.requests();
		expect(post).toMatchObject({ method: 'POST', path: '/posts/schedule', status: 200, at: '2025-06-02T08:00:00+00:00' });
		expect(post.body.bulk.state).toBe('scheduled');
		expect(post.headers.authorization).toBe(`Bearer-API ****${sb.apiKey.slice(-4)}`);
		expect(post.headers['publer-workspace-id']).toBe(sb.workspaceId);
		expect(JSON.stringify(sb.requests())).not.toContain(sb.apiKey);
		expect(get.query).toEqual({ state: ['scheduled'], page: '0' });
		expect(sb.requests({ method: 'get' })).toHaveLength(1);
		expect(sb.requests({ path: /^\/posts/ })).toHaveLength(2);
		const http = (await control(sb).get('/__sandbox/requests?method=POST')).data;
		expect(http).toHaveLength(1);
		sb.clearRequests();
		expect(sb.requests()).toEqual([]);
		await control(sb).get('/__sandbox/info');
		expect(sb.requests()).toEqual([]); // control routes are not logged
	});
	it('401s and 403s are logged too (so tests can see what reached the server)', async () => {
		await client(sb, 'wrong').get('/accounts');
		expect(sb.requests()[0]).toMatchObject({ status: 401, headers: { authorization: 'Bearer-API ****rong' } });
	});
	it('logBodies false keeps bodies out of the log', async () => {
		const { sb: s2, api: a2 } = await setup({ logBodies: false });
		await a2.post('/posts/links', { url: 'https://a.test' });
		expect(s2.requests()[0].body).toBeNull();
		await s2.close();
	});
	it('info, state, clock, posts, jobs, metrics, state override, rate-limit and reset over HTTP', async () => {
		const info = (await control(sb).get('/__sandbox/info')).data;
		expect(info).toMatchObject({ baseUrl: sb.baseUrl, apiKey: sb.apiKey, workspaceId: sb.workspaceId });
		expect(info.accounts.length).toBe(sb.accounts().length);
		const { jobId } = await runJob(api, fbPost());
		const state = (await control(sb).get('/__sandbox/state')).data;
		expect(state.jobs[0].id).toBe(jobId);
		expect(state.posts).toHaveLength(1);
		const postId = state.posts[0].id;
		const adv = (await control(sb).post('/__sandbox/clock/advance', { minutes: 11 })).data;
		expect(adv.now).toBe('2025-06-02T08:11:00+00:00');
		expect((await control(sb).get('/__sandbox/posts')).data[0].state).toBe('published_posted');
		const m = (await control(sb).post(`/__sandbox/posts/${postId}/metrics`, { engagement: 999 })).data;
		expect(m.metrics).toEqual({ engagement: 999 });
		const s = (await control(sb).post(`/__sandbox/posts/${postId}/state`, { state: 'published_hidden' })).data;
		expect(s.state).toBe('published_hidden');
		await control(sb).post('/__sandbox/clock/set', { now: '2025-07-01T00:00:00Z' });
		expect(sb.clock.now().toISOString()).toBe('2025-07-01T00:00:00.000Z');
		await control(sb).post('/__sandbox/rate-limit', { limit: 1, windowSeconds: 60 });
		expect((await api.get('/users/me')).status).toBe(200);
		expect((await api.get('/users/me')).status).toBe(429);
		await control(sb).post('/__sandbox/reset');
		expect((await control(sb).get('/__sandbox/posts')).data).toEqual([]);
		expect(sb.clock.now().toISOString()).toBe('2025-06-02T08:00:00.000Z');
		expect((await api.get('/users/me')).status).toBe(200);
		expect((await control(sb).post('/__sandbox/posts/nope/state', { state: 'failed' })).status).toBe(400);
	});
	it('setPostState moves a post to failed / scheduled_reauth', async () => {
		await runJob(api, fbPost());
		const id = sb.posts()[0].id;
		sb.setPostState(id, 'scheduled_reauth');
		expect((await api.get('/posts?state=scheduled_reauth')).data.total).toBe(1);
		sb.clock.advance(11 * 60000);
		expect((await api.get('/posts?state=failed')).data.total).toBe(1);
	});
	it('realtime clock mode moves with real time', async () => {
		const { sb: s2 } = await setup({ clockMode: 'realtime' });
		const t = s2.clock.now().getTime();
		await new Promise((r) => setTimeout(r, 30));
		expect(s2.clock.now().getTime()).toBeGreaterThanOrEqual(t + 25);
		await s2.close();
	});
	it('seed scales for benchmarks', async () => {
		const { sb: s2 } = await setup({ seed: { accountsPerNetwork: 4, extraWorkspaces: 2 } });
		expect(s2.accounts().length).toBeGreaterThanOrEqual(52);
		expect((await client(s2, s2.apiKey, null).get('/workspaces')).data).toHaveLength(4);
		await s2.close();
	});
});
