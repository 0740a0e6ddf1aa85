// Posts (§5.6–5.11): create (a job), list with every filter, update text/title, delete, link previews.
import type { FastifyReply } from 'fastify';
import type { SandboxState } from '../domain/store';
import type { PostRecord } from '../domain/records';
import { createPostsJob } from '../domain/bulk/createJob';
import { linkPreview } from '../domain/linkPreview';
import { NETWORKS } from '../domain/networks';
import { stateMatcher } from '../domain/postStates';
import { AddRoute, RequestContext, RouteConfig, paramsOf, queryOf } from '../app/route';
import { postDetail, postSummary } from '../views/posts';
import { submitAnswer } from '../views/jobs';
import { HttpError, badRequest } from '../util/httpError';
import { paginate, queryInt, queryList, queryString } from '../util/query';
import { charCount } from '../util/text';
import { parseDateOrDateTime } from '../util/time';

const POSTS: RouteConfig = { scope: 'posts', workspace: true };

export function registerPostRoutes(addRoute: AddRoute, state: SandboxState): void {
	const submitted = (reply: FastifyReply, jobId: string) => {
		const answer = submitAnswer(state, jobId);
		reply.code(answer.status);
		return answer.body;
	};
	addRoute('POST', '/posts/schedule', POSTS, (req, reply, ctx) =>
		submitted(reply, createPostsJob(state, ctx.workspaceId, ctx.userId, req.body, false, '/posts/schedule').id));
	addRoute('POST', '/posts/schedule/publish', POSTS, (req, reply, ctx) =>
		submitted(reply, createPostsJob(state, ctx.workspaceId, ctx.userId, req.body, true, '/posts/schedule/publish').id));

	addRoute('GET', '/posts', POSTS, (req, _reply, ctx) => {
		const query = queryOf(req);
		const states = [...(queryList(query, 'state') ?? [])];
		const fromText = queryString(query, 'from');
		const toText = queryString(query, 'to');
		if ((fromText && !toText) || (!fromText && toText)) throw badRequest('from and to must be given together');
		let from = -Infinity;
		let to = Infinity;
		if (fromText && toText) {
			from = parseDateOrDateTime(fromText);
			to = parseDateOrDateTime(toText, true);
			if (Number.isNaN(from) || Number.isNaN(to)) throw badRequest('from and to must be ISO dates or datetimes');
		}
		const accountIds = queryList(query, 'account_ids');
		const text = queryString(query, 'query')?.toLowerCase();
		const postType = queryString(query, 'postType');
		const memberId = queryString(query, 'member_id');
		const page = queryInt(query, 'page', 0);
		const matchers = states.map(stateMatcher);
		if (matchers.some((m) => m === null)) throw badRequest(`Unknown state "${states[matchers.indexOf(null)]}"`);
		const list: PostRecord[] = [];
		for (const post of state.posts.values()) {
			if (post.workspace_id !== ctx.workspaceId || !post.visible) continue;
			if (matchers.length && !matchers.some((m) => m!(post.state))) continue;
			if (fromText) {
				const t = post.scheduled_at;
				if (t === null || t < from || t > to) continue;
			}
			if (accountIds && !accountIds.includes(post.account_id ?? '')) continue;
			if (text && !(post.text.toLowerCase().includes(text) || (post.title ?? '').toLowerCase().includes(text))) continue;
			if (postType && post.post_type !== postType) continue;
			if (memberId && post.user_id !== memberId) continue;
			list.push(post);
		}
		// newest first by scheduled time (undated drafts by creation), ties by id
		list.sort((a, b) => (b.scheduled_at ?? b.created_at) - (a.scheduled_at ?? a.created_at) || (a.id < b.id ? 1 : -1));
		const perPage = state.opts.postsPerPage;
		return {
			posts: paginate(list, page, perPage).map((p) => postSummary(state, p)),
			total: list.length, page, per_page: perPage, total_pages: Math.ceil(list.length / perPage),
		};
	});

	addRoute('PUT', '/posts/:id', POSTS, (req, _reply, ctx) => {
		const post = state.posts.get(paramsOf(req).id);
		if (!post || post.workspace_id !== ctx.workspaceId || !post.visible) throw new HttpError(404, 'Post not found');
		const body = (req.body ?? {}) as any;
		// both the documented `{post:{text,title}}` and the flat form (§13.8)
		const fields = body && typeof body.post === 'object' && body.post !== null ? body.post : body;
		if (typeof fields.text !== 'string') throw new HttpError(422, 'text is required');
		const title = fields.title;
		if (title !== undefined && title !== null && typeof title !== 'string') throw new HttpError(422, 'title must be a string');
		const network = post.provider ? NETWORKS[post.provider] : null;
		if (network) {
			const limit = post.provider === 'youtube' ? 5000 : network.textLimit;
			if (charCount(fields.text) > limit) throw new HttpError(422, `Text is ${charCount(fields.text)} characters; ${network.label} allows ${limit}`);
			if (post.provider === 'youtube' && typeof title === 'string' && charCount(title) > 100) throw new HttpError(422, 'YouTube titles are limited to 100 characters');
		}
		if (post.state.startsWith('published') && network) {
			if (!network.editableAfterPublish) throw new HttpError(422, `${network.label} posts cannot be edited after publishing`);
			if (post.provider === 'telegram' && !['status', 'link'].includes(post.type)) throw new HttpError(422, 'Telegram posts can only be edited after publishing when they are text or link posts');
			if (post.post_type === 'poll') throw new HttpError(422, 'Polls cannot be edited after publishing');
		}
		post.text = fields.text;
		if (typeof title === 'string') post.title = title;
		post.updated_at = state.nowMs();
		return postDetail(state, post);
	});

	/** Delete the listed posts of the workspace; ids of other workspaces or unknown ids are skipped. */
	const deletePosts = (ids: string[], ctx: RequestContext) => {
		const deleted: string[] = [];
		for (const id of ids) {
			const post = state.posts.get(id);
			if (!post || post.workspace_id !== ctx.workspaceId || !post.visible) continue;
			state.deletePost(post);
			deleted.push(id);
		}
		return { deleted_ids: deleted };
	};
	addRoute('DELETE', '/posts', POSTS, (req, _reply, ctx) => {
		const ids = queryList(queryOf(req), 'post_ids');
		if (!ids || !ids.length) throw badRequest('post_ids[] is required');
		return deletePosts(ids, ctx);
	});
	addRoute('DELETE', '/posts/:id', POSTS, (req, _reply, ctx) => {
		const result = deletePosts([paramsOf(req).id], ctx);
		if (!result.deleted_ids.length) throw new HttpError(404, 'Post not found');
		return result;
	});

	addRoute('POST', '/posts/links', POSTS, async (req) => {
		const body = (req.body ?? {}) as any;
		const url = typeof body.url === 'string' ? body.url.trim() : '';
		if (!url) throw badRequest('url is required');
		return { link: await linkPreview(url) };
	});
}
