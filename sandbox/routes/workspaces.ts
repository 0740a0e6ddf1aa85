// Workspaces (§5.2–5.4): the user's workspaces with members and role; signatures and media options of accounts.
import type { FastifyRequest } from 'fastify';
import type { SandboxState } from '../domain/store';
import type { Account } from '../domain/seed';
import { AddRoute, RequestContext, paramsOf, queryOf } from '../app/route';
import { workspaceItem } from '../views/users';
import { badRequest } from '../util/httpError';
import { noWorkspaceAccess } from '../app/middleware/auth';
import { queryList } from '../util/query';

export function registerWorkspaceRoutes(addRoute: AddRoute, state: SandboxState): void {
	addRoute('GET', '/workspaces', { scope: 'workspaces' }, (_req, _reply, ctx) => state.seed.workspaces
		.filter((w) => w.members.some((m) => m.userId === ctx.userId))
		.map((w) => workspaceItem(state, w, ctx.userId)));

	/** The path's workspace must be the header's; `accounts[]` is required; unknown accounts are skipped. */
	const requestedAccounts = (req: FastifyRequest, ctx: RequestContext): Account[] => {
		const pathWorkspace = paramsOf(req).workspace_id;
		if (!state.isMember(ctx.userId, pathWorkspace) || pathWorkspace !== ctx.workspaceId) throw noWorkspaceAccess(state);
		const ids = queryList(queryOf(req), 'accounts');
		if (!ids || !ids.length) throw badRequest('accounts[] is required');
		return ids.map((id) => state.accountsById.get(id)).filter((a): a is Account => !!a && a.workspace_id === ctx.workspaceId);
	};

	addRoute('GET', '/workspaces/:workspace_id/signatures', { scope: 'workspaces', workspace: true }, (req, _reply, ctx) =>
		requestedAccounts(req, ctx).map((a) => ({ account_id: a.id, signatures: a.signatures })));

	addRoute('GET', '/workspaces/:workspace_id/media_options', { scope: 'workspaces', workspace: true }, (req, _reply, ctx) => {
		const workspace = state.workspacesById.get(ctx.workspaceId)!;
		// TikTok offers no watermarks
		return requestedAccounts(req, ctx).map((a) => ({ id: a.id, albums: a.albums, watermarks: a.provider === 'tiktok' ? [] : workspace.watermarks }));
	});
}
