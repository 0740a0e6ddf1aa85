import { AxiosInstance } from 'axios';
import { Sandbox } from '../../sandbox';
import { bulk, client, runJob, setup } from '../support/sandbox';

let sb: Sandbox;
let api: AxiosInstance;
let ids: string[];
beforeAll(async () => {
	({ sb, api } = await setup());
});
afterAll(() => sb.close());
beforeEach(async () => {
	sb.reset();
	const fb = sb.accountFor('facebook');
	const tw = sb.accountFor('twitter');
	await runJob(api, bulk('scheduled', [
		{ networks: { facebook: { type: 'status', text: 'Fresh bread #bakery #sourdough' } }, accounts: [{ id: fb.id }] },
		{ networks: { twitter: { type: 'link', text: 'Read #bakery news', link: { url: 'https://a.test' } } }, accounts: [{ id: tw.id }] },
		{ networks: { facebook: { type: 'video', text: 'Tour #tour', media: [{ id: 'external', type: 'video', path: 'https://a.test/v.mp4' }] } }, accounts: [{ id: sb.accountFor('facebook:group').id }] },
	]), true);
	await runJob(client(sb, sb.keys.member), bulk('scheduled', [{ networks: { mastodon: { type: 'status', text: 'Mira says hi #bakery' } }, accounts: [{ id: sb.accountFor('mastodon').id }] }]), true);
	ids = sb.posts(sb.workspaceId).map((p) => p.id);
});

describe('post insights', () => {
	it('engagement is 0 at publication, grows with the clock and saturates', async () => {
		const get = async () => (await api.get('/analytics/post_insights', { params: { from: '2025-06-01', to: '2025-06-30', sort_by: 'reach' } })).data;
		const r0 = await get();
		expect(r0.total).toBe(4);
		expect(r0.posts[0].analytics.reach).toBe(0);
		sb.clock.advance(3600000);
		const r1 = await get();
		sb.clock.advance(5 * 3600000);
		const r2 = await get();
		sb.clock.advance(7 * 86400000);
		const r3 = await get();
		sb.clock.advance(7 * 86400000);
		const r4 = await get();
		const reach = (r: any) => r.posts.reduce((s: number, p: any) => s + p.analytics.reach, 0);
		expect(reach(r1)).toBeGreaterThan(0);
		expect(reach(r2)).toBeGreaterThan(reach(r1));
		expect(reach(r3)).toBeGreaterThan(reach(r2));
		expect(reach(r4)).toBe(reach(r3));
		const p = r3.posts[0];
		expect(Object.keys(p).sort()).toEqual(['account_id', 'analytics', 'details', 'id', 'post_type', 'scheduled_at', 'text', 'title']);
		expect(Object.keys(p.analytics).sort()).toEqual(['click_through_rate', 'comments', 'engagement', 'engagement_rate', 'likes', 'link_clicks', 'post_clicks', 'reach', 'reach_rate', 'saves', 'shares', 'video_views']);
		expect(p.analytics.engagement).toBe(p.analytics.likes + p.analytics.comments + p.analytics.shares + p.analytics.saves);
	});
	it('is deterministic for the same post and time', async () => {
		sb.clock.advance(86400000);
		const a = (await api.get('/analytics/post_insights')).data;
		const b = (await api.get('/analytics/post_insights')).data;
		expect(a).toEqual(b);
	});
	it('setPostMetrics overrides figures (threshold tests)', async () => {
		sb.setPostMetrics(ids[0], { engagement: 5000, reach: 10000 });
		const r = (await api.get('/analytics/post_insights?sort_by=engagement&sort_type=DESC')).data;
		expect(r.posts[0]).toMatchObject({ id: ids[0], analytics: { engagement: 5000, reach: 10000, engagement_rate: 50 } });
	});
	it('every sort_by works, ASC and DESC', async () => {
		sb.clock.advance(86400000);
		for (const sortBy of ['scheduled_at', 'reach', 'engagement', 'engagement_rate', 'click_through_rate', 'reach_rate', 'postType', 'likes', 'video_views', 'comments', 'shares', 'saves', 'link_clicks', 'post_clicks']) {
			for (const dir of ['ASC', 'DESC']) {
				const r = await api.get('/analytics/post_insights', { params: { sort_by: sortBy, sort_type: dir } });
				expect(r.status).toBe(200);
				const vals = r.data.posts.map((p: any) => (sortBy === 'scheduled_at' ? p.scheduled_at : sortBy === 'postType' ? p.post_type : p.analytics[sortBy]));
				const sorted = [...vals].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
				expect(vals).toEqual(dir === 'ASC' ? sorted : sorted.reverse());
			}
		}
		expect((await api.get('/analytics/post_insights?sort_by=magic')).status).toBe(400);
	});
	it('filters: account path form, postType, query, member_id, competitors', async () => {
		const fb = sb.accountFor('facebook');
		expect((await api.get(`/analytics/${fb.id}/post_insights`)).data.total).toBe(1);
		expect((await api.get('/analytics/post_insights?postType=link')).data.total).toBe(1);
		expect((await api.get('/analytics/post_insights?postType=video')).data.total).toBe(1);
		expect((await api.get('/analytics/post_insights?query=mira')).data.total).toBe(1);
		const mira = (await client(sb, sb.keys.member, null).get('/users/me')).data.id;
		expect((await api.get(`/analytics/post_insights?member_id=${mira}`)).data.total).toBe(1);
		expect((await api.get('/analytics/ffffffffffffffffffffffff/post_insights')).status).toBe(404);
		const comp = await api.get('/analytics/post_insights?competitors=true');
		expect(comp.data.total).toBe(48);
		expect(comp.data.posts).toHaveLength(10);
		const page4 = await api.get('/analytics/post_insights?competitors=true&page=4');
		expect(page4.data.posts).toHaveLength(8);
		expect((await api.get('/analytics/post_insights?competitor_id=x')).status).toBe(400);
	});
	it('analyticsDates=required reproduces the observed 500 without from/to', async () => {
		sb.setVariants({ analyticsDates: 'required' });
		expect((await api.get('/analytics/post_insights')).status).toBe(500);
		expect((await api.get('/analytics/post_insights?from=2025-06-01&to=2025-06-30')).status).toBe(200);
		expect((await api.get('/analytics/best_times')).data).toEqual([]);
	});
});

describe('hashtags, best times, members, charts', () => {
	beforeEach(() => sb.clock.advance(86400000));
	it('hashtag insights {records,total}, without #, recent_posts ≤ 3', async () => {
		const r = (await api.get('/analytics/hashtag_insights')).data;
		expect(r.records.map((x: any) => x.hashtag).sort()).toEqual(['bakery', 'sourdough', 'tour']);
		expect(r.total).toBe(3);
		expect(r.records[0]).toMatchObject({ hashtag: 'bakery', posts: 3 });
		expect(r.records[0].recent_posts).toHaveLength(3);
		for (const k of ['reach', 'likes', 'comments', 'shares', 'engagement', 'video_views', 'link_clicks', 'post_clicks', 'saves', 'hashtag_score']) expect(r.records[0]).toHaveProperty(k);
		for (const s of ['posts', 'reach', 'likes', 'comments', 'shares', 'video_views']) expect((await api.get(`/analytics/hashtag_insights?sort_by=${s}&sort_type=ASC`)).status).toBe(200);
		expect((await api.get(`/analytics/${sb.accountFor('twitter').id}/hashtag_insights`)).data.total).toBe(1);
	});
	it('hashtag performing posts: hashtag required, both path forms, ≤ 6 posts', async () => {
		expect((await api.get('/analytics/hashtag_performing_posts')).status).toBe(400);
		const r = (await api.get('/analytics/hashtag_performing_posts', { params: { hashtag: '#bakery' } })).data;
		expect(r).toHaveLength(3);
		expect(r[0].hashtags).toContain('#bakery');
		expect(Object.keys(r[0]).sort()).toEqual(['account_id', 'analytics', 'details', 'hashtags', 'id', 'scheduled_at', 'text', 'title']);
		expect((await api.get(`/analytics/${sb.accountFor('facebook').id}/hashtag_performing_posts?hashtag=%23bakery`)).data).toHaveLength(1);
	});
	it('best times: seven weekdays × 24 numbers, both path forms', async () => {
		const r = (await api.get('/analytics/best_times', { params: { from: '2025-05-27', to: '2025-06-03' } })).data;
		expect(Object.keys(r)).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
		for (const v of Object.values(r) as number[][]) {
			expect(v).toHaveLength(24);
			expect(v.every((n) => typeof n === 'number' && n >= 0)).toBe(true);
		}
		expect((await api.get(`/analytics/${sb.accountFor('instagram').id}/best_times?competitors=true`)).status).toBe(200);
	});
	it('members: from/to required; one entry per member', async () => {
		expect((await api.get('/analytics/members')).status).toBe(400);
		const r = (await api.get('/analytics/members?from=2025-06-01&to=2025-06-30')).data;
		expect(r).toHaveLength(2);
		expect(r[0]).toMatchObject({ posts: 3, user: { name: 'anabaker' } });
		expect(r[1]).toMatchObject({ posts: 1, account_ids: [sb.accountFor('mastodon').id], user: { name: 'miraposts' } });
		expect(r[0].engagements).toBeGreaterThan(0);
		expect((await api.get(`/analytics/members?from=2025-06-01&to=2025-06-30&account_id=${sb.accountFor('mastodon').id}`)).data[0].posts).toBe(0);
	});
	it('charts and chart data (both path forms)', async () => {
		const charts = (await api.get('/analytics/charts')).data;
		expect(Object.keys(charts[0]).sort()).toEqual(['group_id', 'id', 'last_value', 'show_percentage', 'title', 'tooltip', 'type']);
		expect((await api.get('/analytics/charts?account_type=twitter')).data.some((c: any) => c.group_id === 'demographics')).toBe(false);
		expect((await api.get('/analytics/charts?account_type=nope')).status).toBe(400);
		expect((await api.get('/analytics/chart_data')).status).toBe(400);
		const d = (await api.get('/analytics/chart_data', { params: { 'chart_ids[]': ['followers', 'posts', 'reach'], from: '2025-06-01', to: '2025-06-07' } })).data;
		expect(Object.keys(d)).toEqual(['current', 'previous']);
		expect(Object.keys(d.current)).toEqual(['followers', 'posts', 'reach']);
		expect(d.current.posts.total).toBe(4);
		expect(d.previous.posts.total).toBe(0);
		expect(d.current.posts.data).toHaveLength(7);
		const one = (await api.get(`/analytics/${sb.accountFor('facebook').id}/chart_data?chart_ids[]=posts&from=2025-06-01&to=2025-06-07`)).data;
		expect(one.current.posts.total).toBe(1);
		expect((await api.get('/analytics/chart_data?chart_ids[]=unknown')).status).toBe(400);
	});
});

describe('competitors', () => {
	it('lists competitors (all, or of one account) with documented fields', async () => {
		const all = (await api.get('/competitors')).data;
		expect(all).toHaveLength(4);
		const tw = all.find((c: any) => c.provider === 'twitter');
		expect(tw).toMatchObject({ verified: true, username: 'dailyloaf', competitor_sync_in_queue: false });
		expect(all.find((c: any) => c.provider === 'instagram').verified).toBeUndefined();
		expect((await api.get(`/competitors/${sb.accountFor('instagram').id}`)).data).toHaveLength(2);
		expect((await api.get('/competitors/ffffffffffffffffffffffff')).status).toBe(404);
	});
	it('analytics {insights,total} with my_account; followers grow with the clock; sorting; 422 string error', async () => {
		const ig = sb.accountFor('instagram');
		const r = (await api.get(`/competitors/${ig.id}/analytics`)).data;
		expect(r.total).toBe(3);
		expect(r.insights.filter((i: any) => i.account.my_account)).toHaveLength(1);
		for (const k of ['followers', 'followers_growth', 'engagement', 'engagement_rate', 'reach', 'posts_count', 'videos_count', 'photos_count', 'links_count', 'statuses_count']) expect(r.insights[0]).toHaveProperty(k);
		const followers = [...r.insights.map((i: any) => i.followers)];
		expect(followers).toEqual([...followers].sort((a, b) => b - a));
		sb.clock.advance(10 * 86400000);
		const later = (await api.get(`/competitors/${ig.id}/analytics`)).data;
		expect(later.insights[0].followers).toBeGreaterThan(r.insights[0].followers);
		const asc = (await api.get(`/competitors/${ig.id}/analytics?sort_by=posts_count&sort_type=asc`)).data.insights.map((i: any) => i.posts_count);
		expect(asc).toEqual([...asc].sort((a: number, b: number) => a - b));
		const compId = (await api.get(`/competitors/${ig.id}`)).data[0].id;
		expect((await api.get(`/competitors/${ig.id}/analytics?competitor_id=${compId}`)).data.total).toBe(1);
		expect((await api.get(`/competitors/analytics?account_id=${ig.id}&query=crumb`)).data.total).toBe(1);
		const bad = await api.get(`/competitors/${ig.id}/analytics?competitor_id=nope`);
		expect(bad.status).toBe(422);
		expect(typeof bad.data.errors).toBe('string');
	});
});
