// Deterministic analytics: a post's figures grow after publication (time constant 6 h) toward a share of the
// account's followers; setPostMetrics overrides any figure. Shared by the analytics and competitor routes.
import type { SandboxState } from './store';
import type { PostRecord } from './records';
import { hash32 } from '../util/ids';
import { badRequest } from '../util/httpError';
import { queryString } from '../util/query';
import { DAY, parseDateOrDateTime } from '../util/time';

export const round2 = (x: number) => Math.round(x * 100) / 100;

export function metricsFor(state: SandboxState, post: PostRecord, now: number): Record<string, number> {
	const out: Record<string, number> = { reach: 0, engagement: 0, engagement_rate: 0, likes: 0, comments: 0, shares: 0, saves: 0, video_views: 0, link_clicks: 0, post_clicks: 0, click_through_rate: 0, reach_rate: 0 };
	const account = post.account_id ? state.accountsById.get(post.account_id) : undefined;
	const followers = account?.followers ?? 1000;
	if (post.published_at !== null && post.published_at <= now && post.state.startsWith('published') || (post.state.startsWith('recycling') && post.published_at !== null)) {
		const h = hash32(post.id);
		const minutes = Math.max(0, (now - post.published_at!) / 60000);
		const grown = 1 - Math.exp(-minutes / 360);
		const reachMax = followers * (0.3 + (h % 100) / 100);
		out.reach = Math.round(reachMax * grown);
		out.likes = Math.round(out.reach * (0.02 + ((h >>> 7) % 60) / 1000));
		out.comments = Math.round(out.reach * (0.002 + ((h >>> 13) % 10) / 1000));
		out.shares = Math.round(out.reach * (0.001 + ((h >>> 17) % 8) / 1000));
		out.saves = Math.round(out.reach * (0.001 + ((h >>> 21) % 5) / 1000));
		out.video_views = ['video', 'reel', 'short'].includes(post.post_type) ? Math.round(out.reach * 1.4) : 0;
		out.link_clicks = post.post_type === 'link' ? Math.round(out.reach * (0.01 + ((h >>> 25) % 20) / 1000)) : 0;
		out.post_clicks = Math.round(out.reach * 0.015);
	}
	const overrides = post.metrics ?? {};
	for (const key of ['reach', 'likes', 'comments', 'shares', 'saves', 'video_views', 'link_clicks', 'post_clicks']) if (overrides[key] !== undefined) out[key] = overrides[key];
	out.engagement = overrides.engagement ?? out.likes + out.comments + out.shares + out.saves;
	out.engagement_rate = overrides.engagement_rate ?? (out.reach ? round2((out.engagement / out.reach) * 100) : 0);
	out.click_through_rate = overrides.click_through_rate ?? (out.reach ? round2((out.link_clicks / out.reach) * 100) : 0);
	out.reach_rate = overrides.reach_rate ?? round2((out.reach / followers) * 100);
	return out;
}

export function hashtagsOf(text: string): string[] {
	const out = new Set<string>();
	for (const match of text.matchAll(/#([\p{L}\p{N}_]+)/gu)) out.add(match[1].toLowerCase());
	return [...out];
}

export interface DateRange { from: number; to: number; given: boolean }

/** `from`/`to` of an analytics query; without them, the last `defaultDays` days (or all time when null). */
export function dateRange(query: Record<string, any>, requireBoth: boolean, defaultDays: number | null, now: number): DateRange {
	const fromText = queryString(query, 'from');
	const toText = queryString(query, 'to');
	if (requireBoth && (!fromText || !toText)) throw badRequest('from and to are required (YYYY-MM-DD)');
	if (!fromText && !toText) {
		if (defaultDays === null) return { from: -Infinity, to: Infinity, given: false };
		return { from: Math.floor(now / DAY) * DAY - (defaultDays - 1) * DAY, to: Math.floor(now / DAY) * DAY + DAY - 1, given: false };
	}
	const from = fromText ? parseDateOrDateTime(fromText) : -Infinity;
	const to = toText ? parseDateOrDateTime(toText, true) : Infinity;
	if (Number.isNaN(from) || Number.isNaN(to)) throw badRequest('from and to must be dates (YYYY-MM-DD)');
	if (from > to) throw badRequest('from must be on or before to');
	return { from, to, given: true };
}

/** Published (or recycled) posts of a workspace, optionally of one account, whose time falls in the range. */
export function publishedPosts(state: SandboxState, workspaceId: string, accountId: string | null, range: DateRange): PostRecord[] {
	const out: PostRecord[] = [];
	for (const post of state.posts.values()) {
		if (post.workspace_id !== workspaceId || !post.visible || post.published_at === null || !post.account_id) continue;
		if (!(post.state.startsWith('published') || post.state.startsWith('recycling'))) continue;
		if (post.state === 'published_deleted') continue;
		if (accountId && post.account_id !== accountId) continue;
		const t = post.scheduled_at ?? post.published_at;
		if (t < range.from || t > range.to) continue;
		out.push(post);
	}
	return out;
}
