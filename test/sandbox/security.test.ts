// Issue 12 item 11: the control routes need the sandbox's control key, /info does not hand out every key, and a
// percent-encoded path cannot skip authentication.
import axios from 'axios';
import { Sandbox } from '../../sandbox';
import { client, control, setup } from '../support/sandbox';

let sb: Sandbox;
beforeAll(async () => {
	({ sb } = await setup());
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

const raw = (path: string, headers: Record<string, string> = {}) =>
	axios.get(sb.origin + path, { headers, validateStatus: () => true, transformResponse: (d) => d });

describe('control routes need the control key', () => {
	it('startSandbox() returns a control key and the header that carries it', () => {
		expect(sb.controlKey).toMatch(/^[0-9a-f]{32}$/);
		expect(sb.controlHeaders).toEqual({ 'X-Sandbox-Control-Key': sb.controlKey });
	});
	it.each([
		['GET', '/__sandbox/info'], ['GET', '/__sandbox/state'], ['GET', '/__sandbox/requests'], ['GET', '/__sandbox/posts'],
		['POST', '/__sandbox/clock/advance'], ['POST', '/__sandbox/variants'], ['POST', '/__sandbox/faults'],
		['POST', '/__sandbox/rate-limit'], ['POST', '/__sandbox/reset'], ['DELETE', '/__sandbox/requests'],
	])('%s %s answers 401 without the key and with a wrong key, and does nothing', async (method, path) => {
		sb.clock.advance(0);
		const before = sb.clock.now().getTime();
		for (const headers of [{}, { 'X-Sandbox-Control-Key': 'wrong' }, { 'X-Sandbox-Control-Key': sb.apiKey }]) {
			const r = await axios.request({ method, url: sb.origin + path, data: { minutes: 5, failuresShape: 'object', kind: 'status', limit: 1 }, headers, validateStatus: () => true });
			expect(r.status).toBe(401);
			expect(r.data.errors[0]).toMatch(/X-Sandbox-Control-Key/);
		}
		expect(sb.clock.now().getTime()).toBe(before);
		expect(sb.variants().failuresShape).toBe('array');
		expect((await client(sb).get('/users/me')).status).toBe(200); // no fault, no rate limit was set
	});
	it('with the key they work', async () => {
		const r = await control(sb).post('/__sandbox/clock/advance', { minutes: 5 });
		expect(r.status).toBe(200);
		expect(r.data.now).toBe('2025-06-02T08:05:00+00:00');
	});
	it('a percent-encoded control path needs the key too', async () => {
		expect((await raw('/%5F_sandbox/info')).status).toBe(401);
		expect((await raw('/__sandbox/%69nfo')).status).toBe(401);
	});
	it('a key chosen at start is used (the CLI takes --control-key)', async () => {
		const { sb: s2 } = await setup({ controlKey: 'my-control-key-1234' });
		expect(s2.controlKey).toBe('my-control-key-1234');
		expect((await axios.get(s2.origin + '/__sandbox/clock', { headers: { 'X-Sandbox-Control-Key': 'my-control-key-1234' } })).status).toBe(200);
		await s2.close();
	});
});

describe('/__sandbox/info does not list every key', () => {
	it('without the control key it tells nothing', async () => {
		const r = await raw('/__sandbox/info');
		expect(r.status).toBe(401);
		for (const key of Object.values(sb.keys)) expect(r.data).not.toContain(key);
	});
	it('with the control key: the main key to configure n8n, every other key masked', async () => {
		const r = await raw('/__sandbox/info', sb.controlHeaders);
		expect(r.status).toBe(200);
		const info = JSON.parse(r.data);
		expect(info.apiKey).toBe(sb.apiKey);
		for (const [name, key] of Object.entries(sb.keys)) {
			if (name !== 'full') expect(r.data).not.toContain(key);
			expect(info.keys[name]).toBe('****' + key.slice(-4));
		}
		expect(r.data).not.toContain(sb.controlKey);
	});
});

describe('a percent-encoded path does not skip authentication', () => {
	it.each(['/%61pi/v1/users/me', '/%61pi/v1/workspaces', '/api/%761/accounts', '/api/v1/%75sers/me', '/%61%70%69/v1/job_status/x'])(
		'%s without a key → 401', async (path) => {
			const r = await raw(path);
			expect(r.status).toBe(401);
			expect(JSON.parse(r.data)).toEqual({ errors: ['Missing Authorization header'] });
		});
	it('the decoded path is authenticated, scoped and logged like the plain one', async () => {
		const r = await axios.get(sb.origin + '/%61pi/v1/%61ccounts', { headers: { Authorization: `Bearer-API ${sb.keys.postsOnly}`, 'Publer-Workspace-Id': sb.workspaceId }, validateStatus: () => true });
		expect(r.status).toBe(403); // postsOnly lacks the accounts scope
		const ok = await axios.get(sb.origin + '/%61pi/v1/%61ccounts', { headers: { Authorization: `Bearer-API ${sb.apiKey}`, 'Publer-Workspace-Id': sb.workspaceId } });
		expect(ok.data.length).toBe(sb.accounts().length);
		expect(sb.requests().map((q) => [q.path, q.status])).toEqual([['/accounts', 403], ['/accounts', 200]]);
	});
	it('the rate limit counts encoded paths', async () => {
		sb.setRateLimit({ limit: 1, windowSeconds: 120 });
		const headers = { Authorization: `Bearer-API ${sb.apiKey}` };
		expect((await axios.get(sb.origin + '/%61pi/v1/users/me', { headers })).status).toBe(200);
		expect((await axios.get(sb.origin + '/%61pi/v1/users/me', { headers, validateStatus: () => true })).status).toBe(429);
		sb.setRateLimit(false);
	});
	it('a malformed encoding is refused, not routed', async () => {
		const r = await raw('/api/v1/users/me%E0%A4%A');
		expect(r.status).toBeGreaterThanOrEqual(400);
		expect(r.status).toBeLessThan(500);
	});
});
