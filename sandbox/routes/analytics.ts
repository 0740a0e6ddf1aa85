// Analytics (§5.17–5.23): charts, chart data, post insights, hashtags, best times, members. Figures come from
// domain/analytics.ts, so they are the same for the same posts and clock.
import type { FastifyRequest } from 'fastify';
import type { SandboxState } from '../domain/store';
import type { PostRecord } from '../domain/records';
import { DateRange, dateRange, hashtagsOf, metricsFor, publishedPosts, round2 } from '../domain/analytics';
import { AddRoute, RequestContext, RouteConfig, paramsOf, queryOf } from '../app/route';
import { HttpError, badRequest } from '../util/httpError';
import { hash32, seedId } from '../util/ids';
import { paginate, queryInt, queryList, queryString } from '../util/query';
import { DAY, iso, isoDate } from '../util/time';
import { userSummary } from '../views/users';

const PER_PAGE = 10;
const ANALYTICS: RouteConfig = { scope: 'analytics', workspace: true };

export function registerAnalyticsRoutes(addRoute: AddRoute, state: SandboxState): void {
	const accountParam = (req: FastifyRequest, ctx: RequestContext): string | null => {
		const id = paramsOf(req).account_id ?? null;
		if (id === null) return null;
		const acc = state.accountsById.get(id);
		if (!acc || acc.workspace_id !== ctx.workspaceId) throw new HttpError(404, 'Account not found');
		return id;
	};
	const published = (ctx: RequestContext, accountId: string | null, range: DateRange): PostRecord[] => publishedPosts(state, ctx.workspaceId, accountId, range);
	const sorter = (sortBy: string, dir: number, figuresOf: (row: any) => any) => (a: any, b: any) => {
		const va = figuresOf(a)[sortBy] ?? 0;
		const vb = figuresOf(b)[sortBy] ?? 0;
		if (va < vb) return -dir;
		if (va > vb) return dir;
		return a.id < b.id ? dir : -dir;
	};

	// --- charts ---
	const CHARTS = [
		{ id: 'followers', title: 'Followers', group_id: 'growth', tooltip: 'Total followers at the end of each day', type: 'vertical', last_value: true, show_percentage: false },
		{ id: 'followers_growth', title: 'Follower growth', group_id: 'growth', tooltip: 'New followers minus lost followers per day', type: 'vertical', last_value: false, show_percentage: false },
		{ id: 'posts', title: 'Posts', group_id: 'insights', tooltip: 'Posts published per day', type: 'vertical', last_value: false, show_percentage: false },
		{ id: 'reach', title: 'Reach', group_id: 'insights', tooltip: 'Unique people who saw your posts', type: 'vertical', last_value: false, show_percentage: false },
		{ id: 'engagement', title: 'Engagement', group_id: 'insights', tooltip: 'Likes, comments, shares and saves', type: 'side_by_side', last_value: false, show_percentage: false },
		{ id: 'engagement_rate', title: 'Engagement rate', group_id: 'insights', tooltip: 'Engagement divided by reach', type: 'vertical', last_value: false, show_percentage: true },
		{ id: 'video_views', title: 'Video views', group_id: 'insights', tooltip: 'Views of your videos', type: 'vertical', last_value: false, show_percentage: false },
		{ id: 'link_clicks', title: 'Link clicks', group_id: 'insights', tooltip: 'Clicks on links in your posts', type: 'vertical', last_value: false, show_percentage: false },
		{ id: 'gender_age', title: 'Gender and age', group_id: 'demographics', tooltip: 'Audience by gender and age', type: 'horizontal', last_value: true, show_percentage: true },
		{ id: 'countries', title: 'Top countries', group_id: 'demographics', tooltip: 'Audience by country', type: 'horizontal', last_value: true, show_percentage: true },
	];
	const ACCOUNT_TYPES = ['ig_business', 'fb_page', 'twitter', 'linkedin', 'youtube', 'tiktok', 'google', 'pin_business', 'pin_personal', 'threads', 'wordpress_oauth', 'in_profile', 'in_page', 'mastodon', 'bluesky'];
	const DEMOGRAPHICS = ['ig_business', 'fb_page', 'in_page', 'youtube', 'tiktok'];
	const VIDEO = ['ig_business', 'fb_page', 'youtube', 'tiktok', 'twitter', 'linkedin', 'in_page', 'in_profile', 'threads'];
	addRoute('GET', '/analytics/charts', ANALYTICS, (req) => {
		const t = queryString(queryOf(req), 'account_type');
		if (t && !ACCOUNT_TYPES.includes(t)) throw badRequest(`account_type "${t}" is not valid`);
		if (!t) return CHARTS;
		return CHARTS.filter((c) => (c.group_id !== 'demographics' || DEMOGRAPHICS.includes(t)) && (c.id !== 'video_views' || VIDEO.includes(t)) &&
			(c.id !== 'link_clicks' || !['youtube', 'tiktok', 'ig_business'].includes(t)));
	});

	const chartData = (req: FastifyRequest, _reply: unknown, ctx: RequestContext) => {
		const accountId = accountParam(req, ctx);
		const ids = queryList(queryOf(req), 'chart_ids');
		if (!ids || !ids.length) throw badRequest('chart_ids[] is required');
		const unknown = ids.find((id) => !CHARTS.some((c) => c.id === id));
		if (unknown) throw badRequest(`Unknown chart id "${unknown}"`);
		const now = state.nowMs();
		const rg = dateRange(queryOf(req), false, 7, now);
		const days = Math.max(1, Math.round((Math.floor(rg.to / DAY) * DAY - Math.floor(rg.from / DAY) * DAY) / DAY) + 1);
		const startDay = Math.floor(rg.from / DAY) * DAY;
		const accounts = accountId ? [state.accountsById.get(accountId)!] : state.workspaceAccounts(ctx.workspaceId);
		const series = (from: number) => {
			const res: Record<string, any> = {};
			const posts = published(ctx, accountId, { from, to: from + days * DAY - 1, given: true });
			for (const id of ids) {
				if (id === 'gender_age' || id === 'countries') {
					const labels = id === 'gender_age' ? ['F 18-24', 'F 25-34', 'F 35-44', 'M 18-24', 'M 25-34', 'M 35-44'] : ['US', 'GB', 'DE', 'FR', 'AL', 'IT'];
					const weights = labels.map((l) => 1 + (hash32(l + (accountId ?? ctx.workspaceId)) % 20));
					const total = weights.reduce((a, b) => a + b, 0);
					res[id] = { data: labels.map((l, i) => ({ label: l, value: round2((weights[i] / total) * 100) })) };
					continue;
				}
				const data = [];
				let total = 0;
				for (let d = 0; d < days; d++) {
					const dayStart = from + d * DAY;
					const dayEnd = dayStart + DAY;
					let value = 0;
					if (id === 'followers' || id === 'followers_growth') {
						for (const a of accounts) {
							const growth = 3 + (hash32(a.id) % 25);
							const f = (t: number) => a.followers + Math.floor((t - state.opts.now) / DAY) * growth;
							value += id === 'followers' ? f(dayEnd) : growth;
						}
					} else {
						const dayPosts = posts.filter((p) => (p.scheduled_at ?? p.published_at!) >= dayStart && (p.scheduled_at ?? p.published_at!) < dayEnd);
						if (id === 'posts') value = dayPosts.length;
						else {
							const ms = dayPosts.map((p) => metricsFor(state, p, now));
							if (id === 'engagement_rate') {
								const reach = ms.reduce((s, m) => s + m.reach, 0);
								value = reach ? round2((ms.reduce((s, m) => s + m.engagement, 0) / reach) * 100) : 0;
							} else value = ms.reduce((s, m) => s + (m[id] ?? 0), 0);
						}
					}
					data.push({ date: isoDate(dayStart), value });
					total = id === 'followers' ? value : id === 'engagement_rate' ? round2(data.reduce((s, x) => s + x.value, 0) / data.length) : total + value;
				}
				res[id] = { total, data };
			}
			return res;
		};
		return { current: series(startDay), previous: series(startDay - days * DAY) };
	};
	addRoute('GET', '/analytics/chart_data', ANALYTICS, chartData);
	addRoute('GET', '/analytics/:account_id/chart_data', ANALYTICS, chartData);

	// --- post insights ---
	const SORT_POSTS = ['scheduled_at', 'reach', 'engagement', 'engagement_rate', 'click_through_rate', 'reach_rate', 'postType', 'likes', 'video_views', 'comments', 'shares', 'saves', 'link_clicks', 'post_clicks'];
	const POST_TYPES = ['poll', 'status', 'link', 'carousel', 'photo', 'gif', 'video', 'reel', 'document', 'short', 'article', 'story'];
	const competitorPosts = (ctx: RequestContext, competitorId: string | null, accountId: string | null) => {
		const comps = state.seed.competitors.filter((c) => c.workspace_id === ctx.workspaceId && (!accountId || c.account_id === accountId) && (!competitorId || c.id === competitorId));
		const out: any[] = [];
		for (const c of comps) {
			for (let k = 0; k < 12; k++) {
				const id = seedId(`cpost:${c.id}:${k}`);
				const t = state.opts.now - (k + 1) * DAY - (hash32(id) % 36000) * 1000;
				const type = ['photo', 'video', 'status', 'link', 'reel'][hash32(id) % 5];
				const pseudo: any = { id, account_id: null, published_at: t, state: 'published_posted', post_type: type, metrics: null, text: '' };
				const m = metricsFor(state, { ...pseudo, account_id: c.account_id }, state.nowMs());
				out.push({ id, text: `${c.name}: post ${k + 1} #${['bakery', 'coffee', 'brunch'][k % 3]}`, title: null, scheduled_at: t, post_type: type, account_id: c.id, competitor_id: c.id, labels: [], analytics: m });
			}
		}
		return out;
	};
	const insightRows = (req: FastifyRequest, ctx: RequestContext) => {
		const query = queryOf(req);
		const accountId = accountParam(req, ctx);
		const competitors = queryString(query, 'competitors') === 'true';
		const competitorId = queryString(query, 'competitor_id') ?? null;
		if (competitorId && !competitors) throw badRequest('competitor_id needs competitors=true');
		if (competitorId && !state.seed.competitors.some((c) => c.id === competitorId && c.workspace_id === ctx.workspaceId)) throw new HttpError(404, 'Competitor not found');
		const now = state.nowMs();
		const rg = dateRange(query, false, null, now);
		const text = queryString(query, 'query')?.toLowerCase();
		const postType = queryString(query, 'postType');
		if (postType && !POST_TYPES.includes(postType)) throw badRequest(`postType "${postType}" is not valid`);
		const memberId = queryString(query, 'member_id');
		let rows: any[];
		if (competitors) {
			rows = competitorPosts(ctx, competitorId, accountId).filter((r) => r.scheduled_at >= rg.from && r.scheduled_at <= rg.to);
		} else {
			rows = published(ctx, accountId, rg).filter((p) => !memberId || p.user_id === memberId).map((p) => ({
				id: p.id, text: p.text, title: p.title, scheduled_at: p.scheduled_at ?? p.published_at, post_type: p.post_type, account_id: p.account_id,
				labels: p.labels, analytics: metricsFor(state, p, now),
			}));
		}
		if (text) rows = rows.filter((r) => r.text.toLowerCase().includes(text) || (r.title ?? '').toLowerCase().includes(text));
		if (postType) rows = rows.filter((r) => r.post_type === postType);
		return rows;
	};
	const sortRows = (rows: any[], query: Record<string, any>, allowed: string[], def: string) => {
		const sortBy = queryString(query, 'sort_by') ?? def;
		if (!allowed.includes(sortBy)) throw badRequest(`sort_by "${sortBy}" is not valid`);
		const st = (queryString(query, 'sort_type') ?? 'DESC').toUpperCase();
		if (st !== 'ASC' && st !== 'DESC') throw badRequest('sort_type must be ASC or DESC');
		const dir = st === 'ASC' ? 1 : -1;
		if (sortBy === 'scheduled_at') rows.sort(sorter('t', dir, (x) => ({ t: x.scheduled_at })));
		else if (sortBy === 'postType') rows.sort(sorter('t', dir, (x) => ({ t: x.post_type })));
		else rows.sort(sorter(sortBy, dir, (x) => x.analytics ?? x));
		return rows;
	};
	const postInsights = (req: FastifyRequest, _reply: unknown, ctx: RequestContext) => {
		const query = queryOf(req);
		if (state.variants.analyticsDates === 'required' && (!queryString(query, 'from') || !queryString(query, 'to'))) {
			throw new HttpError(500, 'Internal Server Error');
		}
		const rows = sortRows(insightRows(req, ctx), query, SORT_POSTS, 'scheduled_at');
		const page = queryInt(query, 'page', 0);
		return {
			posts: paginate(rows, page, PER_PAGE).map((r) => ({
				id: r.id, text: r.text, title: r.title, scheduled_at: iso(r.scheduled_at), post_type: r.post_type, account_id: r.account_id,
				details: { labels: r.labels }, analytics: r.analytics,
			})),
			total: rows.length,
		};
	};
	addRoute('GET', '/analytics/post_insights', ANALYTICS, postInsights);
	addRoute('GET', '/analytics/:account_id/post_insights', ANALYTICS, postInsights);

	// --- hashtags ---
	const HASHTAG_SORT = ['posts', 'reach', 'likes', 'comments', 'shares', 'video_views'];
	const hashtagInsights = (req: FastifyRequest, _reply: unknown, ctx: RequestContext) => {
		const query = queryOf(req);
		const accountId = accountParam(req, ctx);
		const now = state.nowMs();
		const rg = dateRange(query, false, null, now);
		const memberId = queryString(query, 'member_id');
		const text = queryString(query, 'query')?.toLowerCase().replace(/^#/, '');
		const map = new Map<string, any>();
		const posts = published(ctx, accountId, rg).filter((p) => !memberId || p.user_id === memberId)
			.sort((a, b) => (b.scheduled_at ?? 0) - (a.scheduled_at ?? 0));
		for (const p of posts) {
			const m = metricsFor(state, p, now);
			for (const tag of hashtagsOf(p.text)) {
				let rec = map.get(tag);
				if (!rec) {
					rec = { hashtag: tag, posts: 0, recent_posts: [], reach: 0, likes: 0, comments: 0, shares: 0, engagement: 0, video_views: 0, link_clicks: 0, post_clicks: 0, saves: 0, hashtag_score: 0 };
					map.set(tag, rec);
				}
				rec.posts++;
				if (rec.recent_posts.length < 3) rec.recent_posts.push({ id: p.id, text: p.text, scheduled_at: iso(p.scheduled_at ?? p.published_at!) });
				for (const k of ['reach', 'likes', 'comments', 'shares', 'engagement', 'video_views', 'link_clicks', 'post_clicks', 'saves']) rec[k] += m[k];
			}
		}
		let records = [...map.values()].map((r) => ({ ...r, hashtag_score: r.reach ? round2((r.engagement / r.reach) * 100 * Math.log2(1 + r.posts)) : 0 }));
		if (text) records = records.filter((r) => r.hashtag.includes(text));
		const sortBy = queryString(query, 'sort_by') ?? 'posts';
		if (!HASHTAG_SORT.includes(sortBy)) throw badRequest(`sort_by "${sortBy}" is not valid`);
		const dir = (queryString(query, 'sort_type') ?? 'DESC').toUpperCase() === 'ASC' ? 1 : -1;
		records.sort((a, b) => (a[sortBy] - b[sortBy]) * dir || (a.hashtag < b.hashtag ? -1 : 1));
		const page = queryInt(query, 'page', 0);
		return { records: paginate(records, page, PER_PAGE), total: records.length };
	};
	addRoute('GET', '/analytics/hashtag_insights', ANALYTICS, hashtagInsights);
	addRoute('GET', '/analytics/:account_id/hashtag_insights', ANALYTICS, hashtagInsights);

	const hashtagPosts = (req: FastifyRequest, _reply: unknown, ctx: RequestContext) => {
		const query = queryOf(req);
		const accountId = accountParam(req, ctx);
		const tagRaw = queryString(query, 'hashtag');
		if (!tagRaw) throw badRequest('hashtag is required (include the #)');
		const tag = tagRaw.replace(/^#/, '').toLowerCase();
		const now = state.nowMs();
		const rg = dateRange(query, false, null, now);
		const memberId = queryString(query, 'member_id');
		const text = queryString(query, 'query')?.toLowerCase();
		let rows = published(ctx, accountId, rg).filter((p) => hashtagsOf(p.text).includes(tag) && (!memberId || p.user_id === memberId) && (!text || p.text.toLowerCase().includes(text)))
			.map((p) => ({ id: p.id, text: p.text, title: p.title, scheduled_at: p.scheduled_at ?? p.published_at, account_id: p.account_id, post_type: p.post_type, labels: p.labels, analytics: metricsFor(state, p, now) }));
		rows = sortRows(rows, query, SORT_POSTS, 'engagement');
		return rows.slice(0, 6).map((r) => ({
			id: r.id, text: r.text, title: r.title, scheduled_at: iso(r.scheduled_at!), account_id: r.account_id,
			hashtags: hashtagsOf(r.text).map((h) => '#' + h),
			analytics: { reach: r.analytics.reach, likes: r.analytics.likes, comments: r.analytics.comments, shares: r.analytics.shares, engagement: r.analytics.engagement, engagement_rate: r.analytics.engagement_rate, video_views: r.analytics.video_views, link_clicks: r.analytics.link_clicks, post_clicks: r.analytics.post_clicks, saves: r.analytics.saves },
			details: { labels: r.labels },
		}));
	};
	addRoute('GET', '/analytics/hashtag_performing_posts', ANALYTICS, hashtagPosts);
	addRoute('GET', '/analytics/:account_id/hashtag_performing_posts', ANALYTICS, hashtagPosts);

	// --- best times ---
	const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
	const bestTimes = (req: FastifyRequest, _reply: unknown, ctx: RequestContext) => {
		const query = queryOf(req);
		const accountId = accountParam(req, ctx);
		const competitors = queryString(query, 'competitors') === 'true';
		const competitorId = queryString(query, 'competitor_id');
		if (competitorId && !competitors) throw badRequest('competitor_id needs competitors=true');
		if (competitorId && !state.seed.competitors.some((c) => c.id === competitorId && c.workspace_id === ctx.workspaceId)) throw new HttpError(404, 'Competitor not found');
		if (state.variants.analyticsDates === 'required' && (!queryString(query, 'from') || !queryString(query, 'to'))) return [];
		const now = state.nowMs();
		const rg = dateRange(query, false, 7, now);
		const seedKey = (competitorId ?? (competitors ? 'competitors' : '')) + (accountId ?? ctx.workspaceId);
		const grid: number[][] = WEEKDAYS.map((d) => Array.from({ length: 24 }, (_, h) => {
			const curve = Math.max(0, Math.sin(((h - 6) / 16) * Math.PI)) * 4;
			const jitter = (hash32(seedKey + d + h) % 20) / 10;
			return h < 6 ? round2(jitter / 4) : round2(curve + jitter);
		}));
		if (!competitors) {
			for (const p of published(ctx, accountId, { ...rg, from: rg.given ? rg.from : -Infinity })) {
				const t = new Date(p.scheduled_at ?? p.published_at!);
				const dow = (t.getUTCDay() + 6) % 7;
				const m = metricsFor(state, p, now);
				grid[dow][t.getUTCHours()] = round2(grid[dow][t.getUTCHours()] + Math.min(5, m.engagement / 50));
			}
		}
		const out: Record<string, number[]> = {};
		WEEKDAYS.forEach((d, i) => (out[d] = grid[i]));
		return out;
	};
	addRoute('GET', '/analytics/best_times', ANALYTICS, bestTimes);
	addRoute('GET', '/analytics/:account_id/best_times', ANALYTICS, bestTimes);

	// --- members ---
	addRoute('GET', '/analytics/members', ANALYTICS, (req, _reply, ctx) => {
		const query = queryOf(req);
		const rg = dateRange(query, true, null, state.nowMs());
		const accountId = queryString(query, 'account_id');
		if (accountId) {
			const acc = state.accountsById.get(accountId);
			if (!acc || acc.workspace_id !== ctx.workspaceId) throw new HttpError(404, 'Account not found');
		}
		const ws = state.workspacesById.get(ctx.workspaceId)!;
		const now = state.nowMs();
		const posts = published(ctx, accountId ?? null, rg);
		return ws.members.map((m) => {
			const mine = posts.filter((p) => p.user_id === m.userId);
			const ms = mine.map((p) => metricsFor(state, p, now));
			return {
				engagements: ms.reduce((s, x) => s + x.engagement, 0),
				posts: mine.length,
				reach: ms.reduce((s, x) => s + x.reach, 0),
				account_ids: [...new Set(mine.map((p) => p.account_id!))],
				user: userSummary(state, m.userId),
			};
		});
	});
}
