import axios from 'axios';

import { startSandbox, type Sandbox } from '../../../../sandbox';
import { runPublerNode, shutdownN8nCore } from '../../../support';

const NOW = '2025-06-02T08:00:00Z';
const HOUR = 3600_000;

let sb: Sandbox;
let fbId: string;
const creds = (apiKey?: string) => ({ apiKey: apiKey ?? sb.apiKey, baseUrl: sb.baseUrl });
const ws = () => ({ __rl: true, mode: 'id', value: sb.workspaceId });

/** Publishes `count` posts on one account, 8 h apart (the sandbox's daily caps and 1-minute gaps hold). */
async function seedPublished(accountId: string, count: number): Promise<void> {
	const api = axios.create({
		baseURL: sb.baseUrl,
		headers: { Authorization: `Bearer-API ${sb.apiKey}`, 'Publer-Workspace-Id': sb.workspaceId },
		validateStatus: () => true,
	});
	const start = sb.clock.now().getTime() + HOUR;
	const posts = Array.from({ length: count }, (_, i) => ({
		networks: { facebook: { type: 'status', text: `Post ${i + 1} #bakery${i % 3 === 0 ? ' #sourdough' : ''}` } },
		accounts: [{ id: accountId, scheduled_at: new Date(start + i * 8 * HOUR).toISOString() }],
	}));
	const submit = await api.post('/posts/schedule', { bulk: { state: 'scheduled', posts } });
	const jobId = submit.data.job_id ?? submit.data.data?.job_id;
	for (let i = 0; i < 20; i++) {
		const r = await api.get(`/job_status/${jobId}`);
		if ((r.data.status ?? r.data.data?.status) !== 'working') break;
	}
	sb.clock.advance(count * 8 * HOUR + 2 * HOUR);
}

beforeAll(async () => {
	sb = await startSandbox({ rateLimit: false, jobWorkingPolls: 0, now: NOW });
	fbId = sb.accountFor('facebook').id;
	await seedPublished(fbId, 95);
});
afterAll(async () => {
	await sb.close();
	shutdownN8nCore();
});
beforeEach(() => sb.clearRequests());

const published = () => sb.posts(sb.workspaceId).filter((p) => p.account_id === fbId && String(p.state).startsWith('published'));

describe('Analytics → Get Post Insights', () => {
	it('Return All over 95 posts walks Publer’s 10-item pages in exactly 10 requests', async () => {
		expect(published()).toHaveLength(95);
		const result = await runPublerNode({
			credentials: creds(),
			parameters: {
				resource: 'analytics',
				operation: 'getPostInsights',
				workspace: ws(),
				account: fbId,
				from: '2025-06-01T00:00:00',
				to: '2025-08-31T00:00:00',
				returnAll: true,
				sortBy: 'reach',
				sortType: 'ASC',
			},
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(95);
		expect(new Set(result.items.map((i) => i.json.id)).size).toBe(95);
		const reqs = sb.requests({ method: 'GET', path: `/analytics/${fbId}/post_insights` });
		expect(reqs).toHaveLength(10);
		expect(reqs.map((r) => r.query.page)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
		expect(reqs[0].query).toEqual({ from: '2025-06-01', to: '2025-08-31', sort_by: 'reach', sort_type: 'ASC', page: '0' });
		// Simplified: figures at the top level, ascending by reach.
		const first = result.items[0].json;
		expect(first).toMatchObject({ account_id: fbId, post_type: 'status' });
		expect(first.analytics).toBeUndefined();
		expect(typeof first.reach).toBe('number');
		const reach = result.items.map((i) => Number(i.json.reach));
		expect([...reach].sort((a, b) => a - b)).toEqual(reach);
	});

	it('Limit stops early; whole workspace uses /analytics/post_insights; filters are sent; raw output keeps analytics', async () => {
		const result = await runPublerNode({
			credentials: creds(),
			parameters: {
				resource: 'analytics',
				operation: 'getPostInsights',
				workspace: ws(),
				account: 'all',
				from: '2025-06-01',
				to: '={{ "2025-07-01T23:30:00+02:00" }}',
				returnAll: false,
				limit: 15,
				simplify: false,
				filters: { query: 'post', postType: 'status' },
			},
		});
		expect(result.items).toHaveLength(15);
		expect(result.items[0].json.analytics).toBeDefined();
		const reqs = sb.requests({ path: '/analytics/post_insights' });
		expect(reqs).toHaveLength(2);
		expect(reqs[0].query).toEqual({ from: '2025-06-01', to: '2025-07-01', sort_by: 'scheduled_at', sort_type: 'DESC', postType: 'status', query: 'post', page: '0' });
	});

	it('sends dates in the workflow timezone', async () => {
		await runPublerNode({
			credentials: creds(),
			timezone: 'Pacific/Auckland',
			parameters: {
				resource: 'analytics',
				operation: 'getPostInsights',
				workspace: ws(),
				from: '={{ "2025-06-01T20:00:00Z" }}',
				to: '={{ new Date("2025-06-30T13:00:00Z") }}',
				returnAll: false,
				limit: 1,
			},
		});
		// 20:00 UTC on 1 June is already 2 June in Auckland (UTC+12).
		expect(sb.requests({ path: '/analytics/post_insights' })[0].query).toMatchObject({ from: '2025-06-02', to: '2025-07-01' });
	});

	it.each([
		[{ from: '2025-07-01', to: '2025-06-01' }, '"From" (2025-07-01) is after "To" (2025-06-01)'],
		[{ from: '2025-06-01', to: '={{ "" }}' }, 'Both "From" and "To" are needed: "To" is empty'],
		[{ from: 'next tuesday', to: '2025-06-01' }, '"From" is not a date: "next tuesday"'],
		[{ from: '2025-02-30', to: '2025-06-01' }, '"From" is not a date: "2025-02-30"'],
	])('rejects a bad date range %j before any request', async (dates, message) => {
		const result = await runPublerNode({
			credentials: creds(),
			onError: 'continueErrorOutput',
			parameters: { resource: 'analytics', operation: 'getPostInsights', workspace: ws(), ...dates, returnAll: true },
		});
		expect(result.errorItems[0]?.json.error).toBe(message);
		expect(sb.requests()).toHaveLength(0);
	});

	it('names the missing analytics scope', async () => {
		const result = await runPublerNode({
			credentials: creds(sb.keys.noAnalytics),
			onError: 'continueErrorOutput',
			parameters: { resource: 'analytics', operation: 'getPostInsights', workspace: ws(), from: '2025-06-01', to: '2025-06-30', returnAll: true },
		});
		expect(result.errorItems[0].json.error).toBe('Publer refused access: This API key is missing the "analytics" scope');
		expect((result.errorItems[0].error as { description?: string }).description).toContain('lack the "analytics" scope');
	});
});

describe('Analytics → other reports', () => {
	it('Get Charts lists charts, filtered by account type', async () => {
		const all = await runPublerNode({ credentials: creds(), parameters: { resource: 'analytics', operation: 'getCharts', workspace: ws() } });
		expect(all.items.map((i) => i.json.id)).toContain('followers');
		const yt = await runPublerNode({ credentials: creds(), parameters: { resource: 'analytics', operation: 'getCharts', workspace: ws(), options: { accountType: 'youtube' } } });
		expect(yt.items.map((i) => i.json.id)).not.toContain('link_clicks');
		expect(sb.requests({ path: '/analytics/charts' }).map((r) => r.query)).toEqual([{}, { account_type: 'youtube' }]);
	});

	it('Get Chart Data for one account and for the whole workspace, one item per chart', async () => {
		const one = await runPublerNode({
			credentials: creds(),
			parameters: { resource: 'analytics', operation: 'getChartData', workspace: ws(), account: fbId, chartIds: ['followers', 'posts'], from: '2025-06-01', to: '2025-06-07' },
		});
		expect(one.items.map((i) => i.json.chartId)).toEqual(['followers', 'posts']);
		expect(one.items[1].json).toMatchObject({ accountId: fbId, from: '2025-06-01', to: '2025-06-07' });
		expect((one.items[1].json.current as { data: unknown[] }).data).toHaveLength(7);
		expect(one.items[1].json.previous).toBeDefined();
		expect(sb.requests({ path: `/analytics/${fbId}/chart_data` })[0].query).toEqual({ chart_ids: ['followers', 'posts'], from: '2025-06-01', to: '2025-06-07' });

		const all = await runPublerNode({
			credentials: creds(),
			parameters: { resource: 'analytics', operation: 'getChartData', workspace: ws(), chartIds: ['reach'], simplify: false },
		});
		expect(Object.keys(all.items[0].json).sort()).toEqual(['current', 'previous']);
		expect(sb.requests({ path: '/analytics/chart_data' })[0].query).toEqual({ chart_ids: ['reach'] });
	});

	it('Get Hashtag Insights pages records and simplifies recent posts to IDs', async () => {
		const result = await runPublerNode({
			credentials: creds(),
			parameters: { resource: 'analytics', operation: 'getHashtagInsights', workspace: ws(), account: fbId, returnAll: true, sortBy: 'reach', sortType: 'DESC', filters: { query: 'sour' } },
		});
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({ hashtag: '#sourdough', posts: 32 });
		expect((result.items[0].json.recent_post_ids as string[]).length).toBe(3);
		expect(sb.requests({ path: `/analytics/${fbId}/hashtag_insights` })[0].query).toEqual({ sort_by: 'reach', sort_type: 'DESC', query: 'sour', page: '0' });
	});

	it('Get Hashtag Top Posts sends the hashtag with # (URL-encoded) and flattens the figures', async () => {
		const result = await runPublerNode({
			credentials: creds(),
			parameters: { resource: 'analytics', operation: 'getHashtagTopPosts', workspace: ws(), hashtag: 'sourdough', sortBy: 'likes' },
		});
		expect(result.items.length).toBeGreaterThan(0);
		expect(result.items.length).toBeLessThanOrEqual(6);
		expect(result.items[0].json.hashtags).toContain('#sourdough');
		expect(typeof result.items[0].json.likes).toBe('number');
		const [req] = sb.requests({ path: '/analytics/hashtag_performing_posts' });
		expect(req.query).toEqual({ hashtag: '#sourdough', sort_by: 'likes', sort_type: 'DESC' });
	});

	it('Get Best Times ranks slots, or returns the grid', async () => {
		const ranked = await runPublerNode({
			credentials: creds(),
			parameters: { resource: 'analytics', operation: 'getBestTimes', workspace: ws(), account: fbId, from: '2025-06-01', to: '2025-06-30', slots: 5 },
		});
		expect(ranked.items).toHaveLength(5);
		expect(ranked.items[0].json).toMatchObject({ rank: 1, day: expect.any(String), hour: expect.any(Number), time: expect.stringMatching(/^\d\d:00$/) });
		const scores = ranked.items.map((i) => Number(i.json.score));
		expect([...scores].sort((a, b) => b - a)).toEqual(scores);
		const grid = await runPublerNode({
			credentials: creds(),
			parameters: { resource: 'analytics', operation: 'getBestTimes', workspace: ws(), from: '2025-06-01', to: '2025-06-30', simplify: false, filters: { competitors: true } },
		});
		expect(Object.keys(grid.items[0].json)).toHaveLength(7);
		expect(sb.requests({ path: '/analytics/best_times' })[0].query).toEqual({ from: '2025-06-01', to: '2025-06-30', competitors: 'true' });
	});

	it.each([
		['getBestTimes', 'Competitors'],
		['getPostInsights', 'Competitors’ Posts'],
	])('%s refuses a Competitor ID without the "%s" switch, before any request', async (operation, label) => {
		const result = await runPublerNode({
			credentials: creds(),
			onError: 'continueErrorOutput',
			parameters: { resource: 'analytics', operation, workspace: ws(), account: fbId, from: '2025-06-01', to: '2025-06-30', filters: { competitorId: 'c1' } },
		});
		expect(result.errorItems[0].json.error).toBe(`"Competitor ID" only works with "${label}" on`);
		expect(sb.requests()).toHaveLength(0);
		const sent = await runPublerNode({
			credentials: creds(),
			parameters: { resource: 'analytics', operation, workspace: ws(), account: fbId, from: '2025-06-01', to: '2025-06-30', filters: { competitors: true, competitorId: 'c1' } },
		});
		// With the switch on the filters reach Publer (which knows no competitor "c1").
		expect(sent.error?.message).toBe('Publer could not find what was asked for: Competitor not found');
		expect(sb.requests()[0].query).toMatchObject({ competitors: 'true', competitor_id: 'c1' });
	});

	it('Get Member Analytics sends the account as a query parameter', async () => {
		const result = await runPublerNode({
			credentials: creds(),
			parameters: { resource: 'analytics', operation: 'getMemberAnalytics', workspace: ws(), account: fbId, from: '2025-06-01', to: '2025-08-31' },
		});
		expect(result.items.length).toBeGreaterThan(0);
		expect(result.items.reduce((s, i) => s + Number(i.json.posts), 0)).toBe(95);
		expect(sb.requests({ path: '/analytics/members' })[0].query).toEqual({ from: '2025-06-01', to: '2025-08-31', account_id: fbId });
	});

	it('Get Competitors and Get Competitor Analytics (lowercase sort, account flattened)', async () => {
		const competitors = await runPublerNode({ credentials: creds(), parameters: { resource: 'analytics', operation: 'getCompetitors', workspace: ws() } });
		expect(competitors.items.length).toBeGreaterThan(0);
		// An account with tracked competitors.
		const api = axios.create({ baseURL: sb.baseUrl, headers: { Authorization: `Bearer-API ${sb.apiKey}`, 'Publer-Workspace-Id': sb.workspaceId } });
		let accountId = '';
		for (const a of sb.accounts()) {
			if ((await api.get(`/competitors/${a.id}`)).data.length) {
				accountId = a.id;
				break;
			}
		}
		expect(accountId).not.toBe('');
		sb.clearRequests();
		const forAccount = await runPublerNode({ credentials: creds(), parameters: { resource: 'analytics', operation: 'getCompetitors', workspace: ws(), account: accountId } });
		expect(sb.requests({ path: `/competitors/${accountId}` })).toHaveLength(1);

		const result = await runPublerNode({
			credentials: creds(),
			parameters: { resource: 'analytics', operation: 'getCompetitorAnalytics', workspace: ws(), account: accountId, returnAll: true, sortBy: 'engagement', sortType: 'asc' },
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(forAccount.items.length + 1);
		expect(result.items.some((i) => i.json.my_account === true)).toBe(true);
		expect(result.items[0].json).toMatchObject({ account_id: expect.any(String), name: expect.any(String), followers: expect.any(Number) });
		expect(sb.requests({ path: `/competitors/${accountId}/analytics` })[0].query).toEqual({ sort_by: 'engagement', sort_type: 'asc', page: '0' });
	});

	it('Get Competitor Analytics reports Publer’s 422 string error', async () => {
		const result = await runPublerNode({
			credentials: creds(),
			onError: 'continueErrorOutput',
			parameters: { resource: 'analytics', operation: 'getCompetitorAnalytics', workspace: ws(), account: fbId, returnAll: true, filters: { competitorId: 'ffffffffffffffffffffffff' } },
		});
		expect(result.errorItems[0].json.error).toBe('Publer refused the change: Competitor ffffffffffffffffffffffff is not tracked for this account');
	});
});
