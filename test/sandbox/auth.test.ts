import axios from 'axios';
import { Sandbox } from '../../sandbox';
import { client, control, setup } from '../support/sandbox';

let sb: Sandbox;
beforeAll(async () => {
	({ sb } = await setup({ rateLimit: { limit: 100, windowSeconds: 120 } }));
});
afterAll(() => sb.close());
beforeEach(() => sb.setRateLimit(false));

describe('authentication', () => {
	it('accepts Bearer-API <key> exactly', async () => {
		const r = await client(sb).get('/users/me');
		expect(r.status).toBe(200);
		expect(Object.keys(r.data).sort()).toEqual(['email', 'first_name', 'id', 'name', 'picture']);
		expect(r.data.id).toMatch(/^[0-9a-f]{24}$/);
	});
	it.each([
		['missing header', undefined],
		['plain Bearer', (k: string) => `Bearer ${k}`],
		['bare key', (k: string) => k],
		['lowercase scheme', (k: string) => `bearer-api ${k}`],
		['unknown key', () => 'Bearer-API nope'],
	])('401 with {"errors":[...]} for %s', async (_n, fn) => {
		const headers: Record<string, string> = {};
		if (fn) headers.Authorization = (fn as any)(sb.apiKey);
		const r = await axios.get(sb.baseUrl + '/users/me', { headers, validateStatus: () => true });
		expect(r.status).toBe(401);
		expect(Array.isArray(r.data.errors)).toBe(true);
		expect(typeof r.data.errors[0]).toBe('string');
	});
	it('401 for a revoked key', async () => {
		const r = await client(sb, sb.keys.revoked).get('/users/me');
		expect(r.status).toBe(401);
		expect(r.data.errors[0]).toMatch(/revoked/);
	});
});

describe('scopes', () => {
	it.each([
		['postsOnly', '/accounts', 'accounts'],
		['postsOnly', '/workspaces', 'workspaces'],
		['postsOnly', '/media?types[]=photo&used[]=true', 'media'],
		['noAnalytics', '/analytics/charts', 'analytics'],
		['noAnalytics', '/competitors', 'analytics'],
		['readOnly', '/posts', 'posts'],
		['readOnly', '/media?types[]=photo&used[]=true', 'media'],
	])('%s key gets 403 on %s', async (key, path, scope) => {
		const r = await client(sb, (sb.keys as any)[key]).get(path);
		expect(r.status).toBe(403);
		expect(r.data.errors[0]).toContain(scope);
	});
	it('readOnly key cannot create posts', async () => {
		const r = await client(sb, sb.keys.readOnly).post('/posts/schedule', { bulk: { state: 'scheduled', posts: [] } });
		expect(r.status).toBe(403);
	});
	it('/users/me and /job_status need no scope', async () => {
		expect((await client(sb, sb.keys.postsOnly).get('/users/me')).status).toBe(200);
		const r = await client(sb, sb.keys.readOnly).get('/job_status/000000000000000000000000');
		expect(r.status).toBe(404);
	});
});

describe('workspace header', () => {
	it('/users/me and /workspaces need no workspace header', async () => {
		const c = client(sb, sb.apiKey, null);
		expect((await c.get('/users/me')).status).toBe(200);
		const ws = await c.get('/workspaces');
		expect(ws.status).toBe(200);
		expect(ws.data.map((w: any) => w.id)).toEqual([sb.workspaceId, sb.secondWorkspaceId]);
		expect(Object.keys(ws.data[0])).toEqual(expect.arrayContaining(['id', 'owner', 'name', 'members', 'plan', 'picture']));
		expect(ws.data[0].members.length).toBe(2);
		expect(ws.data[0].plan).toBe('business');
	});
	it.each(['/accounts', '/posts', '/media?types[]=photo&used[]=true', '/analytics/charts', '/job_status/x'])('403 on %s without the header', async (path) => {
		const r = await client(sb, sb.apiKey, null).get(path);
		expect(r.status).toBe(403);
		expect(r.data.errors[0]).toMatch(/Publer-Workspace-Id/);
	});
	it('403 for a workspace of another user, and for an unknown workspace', async () => {
		expect((await client(sb, sb.apiKey, sb.otherWorkspaceId).get('/accounts')).status).toBe(403);
		expect((await client(sb, sb.keys.otherUser, sb.workspaceId).get('/accounts')).status).toBe(403);
		expect((await client(sb, sb.apiKey, 'ffffffffffffffffffffffff').get('/accounts')).status).toBe(403);
		expect((await client(sb, sb.keys.otherUser, sb.otherWorkspaceId).get('/accounts')).status).toBe(200);
	});
	it('the second workspace has its own accounts', async () => {
		const r = await client(sb, sb.apiKey, sb.secondWorkspaceId).get('/accounts');
		expect(r.data.map((a: any) => a.provider).sort()).toEqual(['facebook', 'instagram']);
	});
});

describe('accounts, signatures, media options', () => {
	it('lists one account for each of the 13 networks with documented fields and types', async () => {
		const r = await client(sb).get('/accounts');
		expect(r.status).toBe(200);
		const providers = new Set(r.data.map((a: any) => a.provider));
		expect([...providers].sort()).toEqual(['bluesky', 'facebook', 'google', 'instagram', 'linkedin', 'mastodon', 'pinterest', 'telegram', 'threads', 'tiktok', 'twitter', 'wordpress', 'youtube']);
		for (const a of r.data) {
			expect(Object.keys(a).sort()).toEqual(['id', 'name', 'picture', 'provider', 'social_id', 'type']);
			expect(a.id).toMatch(/^[0-9a-f]{24}$/);
		}
		const types = r.data.filter((a: any) => a.provider === 'facebook').map((a: any) => a.type);
		expect(types).toEqual(expect.arrayContaining(['page', 'group', 'profile']));
		expect(r.data.filter((a: any) => a.provider === 'linkedin').map((a: any) => a.type).sort()).toEqual(['page', 'profile']);
		expect(r.data.filter((a: any) => a.provider === 'pinterest').map((a: any) => a.type).sort()).toEqual(['business', 'profile']);
	});
	it('seed ids are deterministic across sandboxes', async () => {
		const { sb: other } = await setup();
		expect(other.accounts().map((a) => a.id)).toEqual(sb.accounts().map((a) => a.id));
		expect(other.apiKey).toBe(sb.apiKey);
		await other.close();
	});
	it('signatures: accounts[] required; none for twitter/bluesky', async () => {
		const c = client(sb);
		expect((await c.get(`/workspaces/${sb.workspaceId}/signatures`)).status).toBe(400);
		const fb = sb.accountFor('facebook');
		const tw = sb.accountFor('twitter');
		const r = await c.get(`/workspaces/${sb.workspaceId}/signatures`, { params: { 'accounts[]': [fb.id, tw.id] } });
		expect(r.status).toBe(200);
		expect(r.data[0].account_id).toBe(fb.id);
		expect(Object.keys(r.data[0].signatures[0]).sort()).toEqual(['default', 'id', 'in_photo_captions', 'label', 'text']);
		expect(r.data[1]).toEqual({ account_id: tw.id, signatures: [] });
		expect((await c.get(`/workspaces/${sb.otherWorkspaceId}/signatures?accounts[]=${fb.id}`)).status).toBe(403);
	});
	it('media options: albums for facebook, boards for pinterest, watermarks', async () => {
		const fb = sb.accountFor('facebook');
		const pin = sb.accountFor('pinterest');
		const r = await client(sb).get(`/workspaces/${sb.workspaceId}/media_options?accounts=${fb.id},${pin.id}`);
		expect(r.status).toBe(200);
		expect(r.data[0].albums[0].type).toBe('facebook');
		expect(r.data[1].albums[0].type).toBe('pinterest');
		expect(r.data[1].albums[0].id).toMatch(/^\d+$/);
		expect(Object.keys(r.data[0].watermarks[0]).sort()).toEqual(['default', 'id', 'image', 'name', 'opacity', 'position', 'size']);
		expect((await client(sb).get(`/workspaces/${sb.workspaceId}/media_options`)).status).toBe(400);
	});
	it('accepts a trailing slash', async () => {
		expect((await client(sb).get('/accounts/')).status).toBe(200);
	});
	it('unknown route → 404 {"errors":[...]}', async () => {
		const r = await client(sb).get('/nope');
		expect(r.status).toBe(404);
		expect(r.data.errors).toHaveLength(1);
	});
	it('locations (community-documented) answer', async () => {
		const r = await client(sb).get('/locations/instagram?q=tirana');
		expect(r.status).toBe(200);
		expect(Object.keys(r.data[0]).sort()).toEqual(['address', 'id', 'name']);
		expect((await client(sb).get('/locations/instagram')).status).toBe(400);
	});
});

describe('rate limit', () => {
	it('sends X-RateLimit-* headers and answers 429 with the documented body', async () => {
		sb.setRateLimit({ limit: 3, windowSeconds: 120 });
		const c = client(sb);
		const seen = [];
		for (let i = 0; i < 3; i++) {
			const r = await c.get('/users/me');
			expect(r.status).toBe(200);
			expect(r.headers['x-ratelimit-limit']).toBe('3');
			seen.push(r.headers['x-ratelimit-remaining']);
			const reset = Number(r.headers['x-ratelimit-reset']);
			expect(reset).toBeGreaterThan(Date.now() / 1000);
			expect(reset).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 120);
		}
		expect(seen).toEqual(['2', '1', '0']);
		const r = await c.get('/users/me');
		expect(r.status).toBe(429);
		expect(r.data).toEqual({ error: 'Rate limit exceeded. Retry later.' });
		expect(r.headers['x-ratelimit-remaining']).toBe('0');
		expect(r.headers['retry-after']).toBeUndefined();
	});
	it('counts per user across keys, not per key', async () => {
		sb.setRateLimit({ limit: 2, windowSeconds: 120 });
		expect((await client(sb, sb.keys.full).get('/users/me')).status).toBe(200);
		expect((await client(sb, sb.keys.postsOnly).get('/users/me')).status).toBe(200);
		expect((await client(sb, sb.keys.noAnalytics).get('/users/me')).status).toBe(429);
		expect((await client(sb, sb.keys.otherUser, null).get('/users/me')).status).toBe(200);
	});
	it('control routes do not count', async () => {
		sb.setRateLimit({ limit: 1, windowSeconds: 120 });
		for (let i = 0; i < 5; i++) expect((await control(sb).get('/__sandbox/info')).status).toBe(200);
		expect((await client(sb).get('/users/me')).status).toBe(200);
	});
	it('nearLimit variant only sends headers close to the limit', async () => {
		sb.setRateLimit({ limit: 20, windowSeconds: 120 });
		sb.setVariants({ rateLimitHeaders: 'nearLimit' });
		const c = client(sb);
		const present: boolean[] = [];
		for (let i = 0; i < 20; i++) present.push((await c.get('/users/me')).headers['x-ratelimit-limit'] !== undefined);
		expect(present.slice(0, 17).every((p) => !p)).toBe(true);
		expect(present.slice(18).every((p) => p)).toBe(true);
		const r = await c.get('/users/me');
		expect(r.status).toBe(429);
		expect(r.headers['x-ratelimit-remaining']).toBe('0');
		sb.setVariants({ rateLimitHeaders: 'always' });
	});
	it('the window can run on the sandbox clock', async () => {
		const { sb: s2 } = await setup({ rateLimit: { limit: 1, windowSeconds: 120 }, rateLimitClock: 'sandbox' });
		const c = client(s2);
		expect((await c.get('/users/me')).status).toBe(200);
		expect((await c.get('/users/me')).status).toBe(429);
		s2.clock.advance(120000);
		expect((await c.get('/users/me')).status).toBe(200);
		await s2.close();
	});
	it('no headers at all when the rate limit is off', async () => {
		const r = await client(sb).get('/users/me');
		expect(r.headers['x-ratelimit-limit']).toBeUndefined();
	});
});
