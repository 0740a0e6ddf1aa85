// Analytics (§5.17–5.23) and competitors (§5.24–5.25): deterministic figures from the posts and the clock.
import { FastifyInstance, FastifyRequest } from 'fastify';
import { SandboxState, PostRecord } from './state';
import type { Ctx, RouteFn } from './server';
import { Competitor } from './seed';
import { HttpError, arr, badRequest, hash32, intParam, iso, isoDate, paginate, parseDateOrDateTime, str, DAY, seedId } from './util';

const PER_PAGE = 10;
const r2 = (x: number) => Math.round(x * 100) / 100;

export const METRIC_KEYS = ['reach', 'engagement', 'engagement_rate', 'likes', 'comments', 'shares', 'saves', 'video_views', 'link_clicks', 'post_clicks', 'click_through_rate', 'reach_rate'];

/** Engagement grows after publication and saturates (time constant 6 h); overrides from setPostMetrics win. */
export function metricsFor(state: SandboxState, p: PostRecord, now: number): Record<string, number> {
	const out: Record<string, number> = { reach: 0, engagement: 0, engagement_rate: 0, likes: 0, comments: 0, shares: 0, saves: 0, video_views: 0, link_clicks: 0, post_clicks: 0, click_through_rate: 0, reach_rate: 0 };
	const acc = p.account_id ? state.accountsById.get(p.account_id) : undefined;
	const followers = acc?.followers ?? 1000;
	if (p.published_at !== null && p.published_at <= now && p.state.startsWith('published') || (p.state.startsWith('recycling') && p.published_at !== null)) {
		const h = hash32(p.id);
		const minutes = Math.max(0, (now - p.published_at!) / 60000);
		const f = 1 - Math.exp(-minutes / 360);
		const reachMax = followers * (0.3 + (h % 100) / 100);
		out.reach = Math.round(reachMax * f);
		out.likes = Math.round(out.reach * (0.02 + ((h >>> 7) % 60) / 1000));
		out.comments = Math.round(out.reach * (0.002 + ((h >>> 13) % 10) / 1000));
		out.shares = Math.round(out.reach * (0.001 + ((h >>> 17) % 8) / 1000));
		out.saves = Math.round(out.reach * (0.001 + ((h >>> 21) % 5) / 1000));
		out.video_views = ['video', 'reel', 'short'].includes(p.post_type) ? Math.round(out.reach * 1.4) : 0;
		out.link_clicks = p.post_type === 'link' ? Math.round(out.reach * (0.01 + ((h >>> 25) % 20) / 1000)) : 0;
		out.post_clicks = Math.round(out.reach * 0.015);
	}
	const o = p.metrics ?? {};
	for (const k of ['reach', 'likes', 'comments', 'shares', 'saves', 'video_views', 'link_clicks', 'post_clicks']) if (o[k] !== undefined) out[k] = o[k];
	out.engagement = o.engagement ?? out.likes + out.comments + out.shares + out.saves;
	out.engagement_rate = o.engagement_rate ?? (out.reach ? r2((out.engagement / out.reach) * 100) : 0);
	out.click_through_rate = o.click_through_rate ?? (out.reach ? r2((out.link_clicks / out.reach) * 100) : 0);
	out.reach_rate = o.reach_rate ?? r2((out.reach / followers) * 100);
	return out;
}

function hashtagsOf(text: string): string[] {
	const out = new Set<string>();
	for (const m of text.matchAll(/#([\p{L}\p{N}_]+)/gu)) out.add(m[1].toLowerCase());
	return [...out];
}

interface Range { from: number; to: number; given: boolean }

function range(q: Record<string, any>, requireBoth: boolean, defaultDays: number | null, now: number): Range {
	const fromS = str(q, 'from');
	const toS = str(q, 'to');
	if (requireBoth && (!fromS || !toS)) throw badRequest('from and to are required (YYYY-MM-DD)');
	if (!fromS && !toS) {
		if (defaultDays === null) return { from: -Infinity, to: Infinity, given: false };
		return { from: Math.floor(now / DAY) * DAY - (defaultDays - 1) * DAY, to: Math.floor(now / DAY) * DAY + DAY - 1, given: false };
	}
	const from = fromS ? parseDateOrDateTime(fromS) : -Infinity;
	const to = toS ? parseDateOrDateTime(toS, true) : Infinity;
	if (Number.isNaN(from) || Number.isNaN(to)) throw badRequest('from and to must be dates (YYYY-MM-DD)');
	if (from > to) throw badRequest('from must be on or before to');
	return { from, to, given: true };
}

export function registerAnalytics(app: FastifyInstance, state: SandboxState, R: RouteFn): void {
	void app;
	const A = { scope: 'analytics', ws: true };
	const q = (req: FastifyRequest) => (req.query ?? {}) as Record<string, any>;
	const accountParam = (req: FastifyRequest, ctx: Ctx): string | null => {
		const id = (req.params as any).account_id ?? null;
		if (id === null) return null;
		const acc = state.accountsById.get(id);
		if (!acc || acc.workspace_id !== ctx.wsId) throw new HttpError(404, 'Account not found');
		return id;
	};
	const published = (ctx: Ctx, accountId: string | null, rg: Range): PostRecord[] => {
		const out: PostRecord[] = [];
		for (const p of state.posts.values()) {
			if (p.workspace_id !== ctx.wsId || !p.visible || p.published_at === null || !p.account_id) continue;
			if (!(p.state.startsWith('published') || p.state.startsWith('recycling'))) continue;
			if (p.state === 'published_deleted') continue;
			if (accountId && p.account_id !== accountId) continue;
			const t = p.scheduled_at ?? p.published_at;
			if (t < rg.from || t > rg.to) continue;
			out.push(p);
		}
		return out;
	};
	const sorter = (sortBy: string, dir: number, get: (x: any) => any) => (a: any, b: any) => {
		const va = get(a)[sortBy] ?? 0;
		const vb = get(b)[sortBy] ?? 0;
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
	R('GET', '/analytics/charts', A, (req) => {
		const t = str(q(req), 'account_type');
		if (t && !ACCOUNT_TYPES.includes(t)) throw badRequest(`account_type "${t}" is not valid`);
		if (!t) return CHARTS;
		return CHARTS.filter((c) => (c.group_id !== 'demographics' || DEMOGRAPHICS.includes(t)) && (c.id !== 'video_views' || VIDEO.includes(t)) &&
			(c.id !== 'link_clicks' || !['youtube', 'tiktok', 'ig_business'].includes(t)));
	});

	const chartData = (req: FastifyRequest, _r: any, ctx: Ctx) => {
		const accountId = accountParam(req, ctx);
		const ids = arr(q(req), 'chart_ids');
		if (!ids || !ids.length) throw badRequest('chart_ids[] is required');
		const unknown = ids.find((id) => !CHARTS.some((c) => c.id === id));
		if (unknown) throw badRequest(`Unknown chart id "${unknown}"`);
		const now = state.nowMs();
		const rg = range(q(req), false, 7, now);
		const days = Math.max(1, Math.round((Math.floor(rg.to / DAY) * DAY - Math.floor(rg.from / DAY) * DAY) / DAY) + 1);
		const startDay = Math.floor(rg.from / DAY) * DAY;
		const accounts = accountId ? [state.accountsById.get(accountId)!] : state.workspaceAccounts(ctx.wsId);
		const series = (from: number) => {
			const res: Record<string, any> = {};
			const posts = published(ctx, accountId, { from, to: from + days * DAY - 1, given: true });
			for (const id of ids) {
				if (id === 'gender_age' || id === 'countries') {
					const labels = id === 'gender_age' ? ['F 18-24', 'F 25-34', 'F 35-44', 'M 18-24', 'M 25-34', 'M 35-44'] : ['US', 'GB', 'DE', 'FR', 'AL', 'IT'];
					const weights = labels.map((l) => 1 + (hash32(l + (accountId ?? ctx.wsId)) % 20));
					const total = weights.reduce((a, b) => a + b, 0);
					res[id] = { data: labels.map((l, i) => ({ label: l, value: r2((weights[i] / total) * 100) })) };
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
								value = reach ? r2((ms.reduce((s, m) => s + m.engagement, 0) / reach) * 100) : 0;
							} else value = ms.reduce((s, m) => s + (m[id] ?? 0), 0);
						}
					}
					data.push({ date: isoDate(dayStart), value });
					total = id === 'followers' ? value : id === 'engagement_rate' ? r2(data.reduce((s, x) => s + x.value, 0) / data.length) : total + value;
				}
				res[id] = { total, data };
			}
			return res;
		};
		return { current: series(startDay), previous: series(startDay - days * DAY) };
	};
	R('GET', '/analytics/chart_data', A, chartData);
	R('GET', '/analytics/:account_id/chart_data', A, chartData);

	// --- post insights ---
	const SORT_POSTS = ['scheduled_at', 'reach', 'engagement', 'engagement_rate', 'click_through_rate', 'reach_rate', 'postType', 'likes', 'video_views', 'comments', 'shares', 'saves', 'link_clicks', 'post_clicks'];
	const POST_TYPES = ['poll', 'status', 'link', 'carousel', 'photo', 'gif', 'video', 'reel', 'document', 'short', 'article', 'story'];
	const competitorPosts = (ctx: Ctx, competitorId: string | null, accountId: string | null) => {
		const comps = state.seed.competitors.filter((c) => c.workspace_id === ctx.wsId && (!accountId || c.account_id === accountId) && (!competitorId || c.id === competitorId));
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
	const insightRows = (req: FastifyRequest, ctx: Ctx) => {
		const query = q(req);
		const accountId = accountParam(req, ctx);
		const competitors = str(query, 'competitors') === 'true';
		const competitorId = str(query, 'competitor_id') ?? null;
		if (competitorId && !competitors) throw badRequest('competitor_id needs competitors=true');
		if (competitorId && !state.seed.competitors.some((c) => c.id === competitorId && c.workspace_id === ctx.wsId)) throw new HttpError(404, 'Competitor not found');
		const now = state.nowMs();
		const rg = range(query, false, null, now);
		const text = str(query, 'query')?.toLowerCase();
		const postType = str(query, 'postType');
		if (postType && !POST_TYPES.includes(postType)) throw badRequest(`postType "${postType}" is not valid`);
		const memberId = str(query, 'member_id');
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
		const sortBy = str(query, 'sort_by') ?? def;
		if (!allowed.includes(sortBy)) throw badRequest(`sort_by "${sortBy}" is not valid`);
		const st = (str(query, 'sort_type') ?? 'DESC').toUpperCase();
		if (st !== 'ASC' && st !== 'DESC') throw badRequest('sort_type must be ASC or DESC');
		const dir = st === 'ASC' ? 1 : -1;
		if (sortBy === 'scheduled_at') rows.sort(sorter('t', dir, (x) => ({ t: x.scheduled_at })));
		else if (sortBy === 'postType') rows.sort(sorter('t', dir, (x) => ({ t: x.post_type })));
		else rows.sort(sorter(sortBy, dir, (x) => x.analytics ?? x));
		return rows;
	};
	const postInsights = (req: FastifyRequest, reply: any, ctx: Ctx) => {
		const query = q(req);
		if (state.variants.analyticsDates === 'required' && (!str(query, 'from') || !str(query, 'to'))) {
			throw new HttpError(500, 'Internal Server Error');
		}
		const rows = sortRows(insightRows(req, ctx), query, SORT_POSTS, 'scheduled_at');
		const page = intParam(query, 'page', 0);
		return {
			posts: paginate(rows, page, PER_PAGE).map((r) => ({
				id: r.id, text: r.text, title: r.title, scheduled_at: iso(r.scheduled_at), post_type: r.post_type, account_id: r.account_id,
				details: { labels: r.labels }, analytics: r.analytics,
			})),
			total: rows.length,
		};
	};
	R('GET', '/analytics/post_insights', A, postInsights);
	R('GET', '/analytics/:account_id/post_insights', A, postInsights);

	// --- hashtags ---
	const HASHTAG_SORT = ['posts', 'reach', 'likes', 'comments', 'shares', 'video_views'];
	const hashtagInsights = (req: FastifyRequest, _r: any, ctx: Ctx) => {
		const query = q(req);
		const accountId = accountParam(req, ctx);
		const now = state.nowMs();
		const rg = range(query, false, null, now);
		const memberId = str(query, 'member_id');
		const text = str(query, 'query')?.toLowerCase().replace(/^#/, '');
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
		let records = [...map.values()].map((r) => ({ ...r, hashtag_score: r.reach ? r2((r.engagement / r.reach) * 100 * Math.log2(1 + r.posts)) : 0 }));
		if (text) records = records.filter((r) => r.hashtag.includes(text));
		const sortBy = str(query, 'sort_by') ?? 'posts';
		if (!HASHTAG_SORT.includes(sortBy)) throw badRequest(`sort_by "${sortBy}" is not valid`);
		const dir = (str(query, 'sort_type') ?? 'DESC').toUpperCase() === 'ASC' ? 1 : -1;
		records.sort((a, b) => (a[sortBy] - b[sortBy]) * dir || (a.hashtag < b.hashtag ? -1 : 1));
		const page = intParam(query, 'page', 0);
		return { records: paginate(records, page, PER_PAGE), total: records.length };
	};
	R('GET', '/analytics/hashtag_insights', A, hashtagInsights);
	R('GET', '/analytics/:account_id/hashtag_insights', A, hashtagInsights);

	const hashtagPosts = (req: FastifyRequest, _r: any, ctx: Ctx) => {
		const query = q(req);
		const accountId = accountParam(req, ctx);
		const tagRaw = str(query, 'hashtag');
		if (!tagRaw) throw badRequest('hashtag is required (include the #)');
		const tag = tagRaw.replace(/^#/, '').toLowerCase();
		const now = state.nowMs();
		const rg = range(query, false, null, now);
		const memberId = str(query, 'member_id');
		const text = str(query, 'query')?.toLowerCase();
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
	R('GET', '/analytics/hashtag_performing_posts', A, hashtagPosts);
	R('GET', '/analytics/:account_id/hashtag_performing_posts', A, hashtagPosts);

	// --- best times ---
	const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
	const bestTimes = (req: FastifyRequest, _r: any, ctx: Ctx) => {
		const query = q(req);
		const accountId = accountParam(req, ctx);
		const competitors = str(query, 'competitors') === 'true';
		const competitorId = str(query, 'competitor_id');
		if (competitorId && !competitors) throw badRequest('competitor_id needs competitors=true');
		if (competitorId && !state.seed.competitors.some((c) => c.id === competitorId && c.workspace_id === ctx.wsId)) throw new HttpError(404, 'Competitor not found');
		if (state.variants.analyticsDates === 'required' && (!str(query, 'from') || !str(query, 'to'))) return [];
		const now = state.nowMs();
		const rg = range(query, false, 7, now);
		const seedKey = (competitorId ?? (competitors ? 'competitors' : '')) + (accountId ?? ctx.wsId);
		const grid: number[][] = WEEKDAYS.map((d) => Array.from({ length: 24 }, (_, h) => {
			const curve = Math.max(0, Math.sin(((h - 6) / 16) * Math.PI)) * 4;
			const jitter = (hash32(seedKey + d + h) % 20) / 10;
			return h < 6 ? r2(jitter / 4) : r2(curve + jitter);
		}));
		if (!competitors) {
			for (const p of published(ctx, accountId, { ...rg, from: rg.given ? rg.from : -Infinity })) {
				const t = new Date(p.scheduled_at ?? p.published_at!);
				const dow = (t.getUTCDay() + 6) % 7;
				const m = metricsFor(state, p, now);
				grid[dow][t.getUTCHours()] = r2(grid[dow][t.getUTCHours()] + Math.min(5, m.engagement / 50));
			}
		}
		const out: Record<string, number[]> = {};
		WEEKDAYS.forEach((d, i) => (out[d] = grid[i]));
		return out;
	};
	R('GET', '/analytics/best_times', A, bestTimes);
	R('GET', '/analytics/:account_id/best_times', A, bestTimes);

	// --- members ---
	R('GET', '/analytics/members', A, (req, _r, ctx) => {
		const query = q(req);
		const rg = range(query, true, null, state.nowMs());
		const accountId = str(query, 'account_id');
		if (accountId) {
			const acc = state.accountsById.get(accountId);
			if (!acc || acc.workspace_id !== ctx.wsId) throw new HttpError(404, 'Account not found');
		}
		const ws = state.workspacesById.get(ctx.wsId)!;
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
				user: state.userSummary(m.userId),
			};
		});
	});

	// --- competitors ---
	const competitorItem = (c: Competitor) => {
		const item: Record<string, any> = {
			id: c.id, provider: c.provider, name: c.name, social_id: c.social_id, picture: c.picture, type: c.type, competitor_sync_in_queue: false,
		};
		if (c.username && ['twitter', 'instagram', 'facebook', 'telegram', 'mastodon'].includes(c.provider)) item.username = c.username;
		if (c.provider === 'twitter' || c.provider === 'facebook') item.verified = !!c.verified;
		return item;
	};
	R('GET', '/competitors', A, (_req, _r, ctx) => state.seed.competitors.filter((c) => c.workspace_id === ctx.wsId).map(competitorItem));
	R('GET', '/competitors/:account_id', A, (req, _r, ctx) => {
		const accountId = accountParam(req, ctx)!;
		return state.seed.competitors.filter((c) => c.account_id === accountId).map(competitorItem);
	});
	const COMP_SORT = ['followers', 'reach', 'engagement', 'posts_count', 'videos_count', 'photos_count', 'links_count', 'statuses_count'];
	const competitorAnalytics = (req: FastifyRequest, _r: any, ctx: Ctx) => {
		const query = q(req);
		const id = (req.params as any).account_id ?? str(query, 'account_id');
		if (!id) throw new HttpError(422, 'account_id is required', { errors: 'account_id is required' });
		const acc = state.accountsById.get(id);
		if (!acc || acc.workspace_id !== ctx.wsId) throw new HttpError(404, 'Account not found');
		const competitorId = str(query, 'competitor_id');
		const comps = state.seed.competitors.filter((c) => c.account_id === acc.id);
		if (competitorId && !comps.some((c) => c.id === competitorId)) {
			throw new HttpError(422, 'Competitor not found', { errors: `Competitor ${competitorId} is not tracked for this account` });
		}
		const now = state.nowMs();
		const rg = range(query, false, 30, now);
		const spanDays = Math.max(1, Math.round((Math.min(rg.to, now) - rg.from) / DAY));
		const figures = (key: string, base: number, provider: string) => {
			const h = hash32(key);
			const growthPerDay = 2 + (h % 40);
			const followers = Math.max(0, base + Math.floor((now - state.opts.now) / DAY) * growthPerDay);
			const posts = Math.min(spanDays, 3 + (h % 25));
			const photos = Math.round(posts * 0.5);
			const videos = Math.round(posts * 0.2);
			const links = provider === 'instagram' ? 0 : Math.round(posts * 0.2);
			const engagement = Math.round(followers * (0.02 + ((h >>> 8) % 40) / 1000) * (posts / 10 + 0.2));
			return {
				followers, followers_growth: growthPerDay * spanDays, engagement,
				engagement_rate: followers ? r2((engagement / followers) * 100) : 0,
				reach: provider === 'instagram' || provider === 'facebook' ? 0 : Math.round(engagement * 12),
				posts_count: posts, videos_count: videos, photos_count: photos, links_count: links,
				statuses_count: provider === 'instagram' ? 0 : posts - photos - videos - links,
			};
		};
		let rows = comps.filter((c) => !competitorId || c.id === competitorId).map((c) => ({
			account: { id: c.id, name: c.name, provider: c.provider, competitor_sync_in_queue: false, picture: c.picture, my_account: false },
			...figures(c.id, c.followers, c.provider),
		}));
		if (!competitorId) {
			rows.push({ account: { id: acc.id, name: acc.name, provider: acc.provider, competitor_sync_in_queue: false, picture: acc.picture, my_account: true }, ...figures(acc.id, acc.followers, acc.provider) });
		}
		const text = str(query, 'query')?.toLowerCase();
		if (text) rows = rows.filter((r) => r.account.name.toLowerCase().includes(text));
		const sortBy = str(query, 'sort_by') ?? 'followers';
		if (!COMP_SORT.includes(sortBy)) throw new HttpError(422, 'sort_by', { errors: `sort_by "${sortBy}" is not valid` });
		const dir = (str(query, 'sort_type') ?? 'desc').toLowerCase() === 'asc' ? 1 : -1;
		rows.sort((a: any, b: any) => (a[sortBy] - b[sortBy]) * dir || (a.account.id < b.account.id ? -1 : 1));
		const page = intParam(query, 'page', 0);
		return { insights: paginate(rows, page, PER_PAGE), total: rows.length };
	};
	R('GET', '/competitors/analytics', A, competitorAnalytics);
	R('GET', '/competitors/:account_id/analytics', A, competitorAnalytics);
}
