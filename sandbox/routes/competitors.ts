// Competitors (§5.24–5.25): the tracked competitors of an account and their analytics; followers grow with the
// sandbox clock. Competitor analytics answer 422 with `{"errors":"<string>"}`, as documented.
import type { FastifyRequest } from 'fastify';
import type { SandboxState } from '../domain/store';
import type { Competitor } from '../domain/seed';
import { dateRange, round2 } from '../domain/analytics';
import { AddRoute, RequestContext, RouteConfig, paramsOf, queryOf } from '../app/route';
import { HttpError } from '../util/httpError';
import { hash32 } from '../util/ids';
import { paginate, queryInt, queryString } from '../util/query';
import { DAY } from '../util/time';

const PER_PAGE = 10;
const ANALYTICS: RouteConfig = { scope: 'analytics', workspace: true };

export function registerCompetitorRoutes(addRoute: AddRoute, state: SandboxState): void {
	const accountParam = (req: FastifyRequest, ctx: RequestContext): string => {
		const id = paramsOf(req).account_id;
		const account = state.accountsById.get(id);
		if (!account || account.workspace_id !== ctx.workspaceId) throw new HttpError(404, 'Account not found');
		return id;
	};
	const competitorItem = (c: Competitor) => {
		const item: Record<string, any> = {
			id: c.id, provider: c.provider, name: c.name, social_id: c.social_id, picture: c.picture, type: c.type, competitor_sync_in_queue: false,
		};
		if (c.username && ['twitter', 'instagram', 'facebook', 'telegram', 'mastodon'].includes(c.provider)) item.username = c.username;
		if (c.provider === 'twitter' || c.provider === 'facebook') item.verified = !!c.verified;
		return item;
	};
	addRoute('GET', '/competitors', ANALYTICS, (_req, _reply, ctx) => state.seed.competitors.filter((c) => c.workspace_id === ctx.workspaceId).map(competitorItem));
	addRoute('GET', '/competitors/:account_id', ANALYTICS, (req, _reply, ctx) => {
		const accountId = accountParam(req, ctx);
		return state.seed.competitors.filter((c) => c.account_id === accountId).map(competitorItem);
	});
	const COMP_SORT = ['followers', 'reach', 'engagement', 'posts_count', 'videos_count', 'photos_count', 'links_count', 'statuses_count'];
	const competitorAnalytics = (req: FastifyRequest, _reply: unknown, ctx: RequestContext) => {
		const query = queryOf(req);
		const id = paramsOf(req).account_id ?? queryString(query, 'account_id');
		if (!id) throw new HttpError(422, 'account_id is required', { errors: 'account_id is required' });
		const acc = state.accountsById.get(id);
		if (!acc || acc.workspace_id !== ctx.workspaceId) throw new HttpError(404, 'Account not found');
		const competitorId = queryString(query, 'competitor_id');
		const comps = state.seed.competitors.filter((c) => c.account_id === acc.id);
		if (competitorId && !comps.some((c) => c.id === competitorId)) {
			throw new HttpError(422, 'Competitor not found', { errors: `Competitor ${competitorId} is not tracked for this account` });
		}
		const now = state.nowMs();
		const rg = dateRange(query, false, 30, now);
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
				engagement_rate: followers ? round2((engagement / followers) * 100) : 0,
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
		const text = queryString(query, 'query')?.toLowerCase();
		if (text) rows = rows.filter((r) => r.account.name.toLowerCase().includes(text));
		const sortBy = queryString(query, 'sort_by') ?? 'followers';
		if (!COMP_SORT.includes(sortBy)) throw new HttpError(422, 'sort_by', { errors: `sort_by "${sortBy}" is not valid` });
		const dir = (queryString(query, 'sort_type') ?? 'desc').toLowerCase() === 'asc' ? 1 : -1;
		rows.sort((a: any, b: any) => (a[sortBy] - b[sortBy]) * dir || (a.account.id < b.account.id ? -1 : 1));
		const page = queryInt(query, 'page', 0);
		return { insights: paginate(rows, page, PER_PAGE), total: rows.length };
	};
	addRoute('GET', '/competitors/analytics', ANALYTICS, competitorAnalytics);
	addRoute('GET', '/competitors/:account_id/analytics', ANALYTICS, competitorAnalytics);
}
