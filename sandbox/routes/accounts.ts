// GET /accounts (§5.5): the workspace's connected social accounts.
import type { SandboxState } from '../domain/store';
import type { AddRoute } from '../app/route';
import { accountItem } from '../views/users';

export function registerAccountRoutes(addRoute: AddRoute, state: SandboxState): void {
	addRoute('GET', '/accounts', { scope: 'accounts', workspace: true }, (_req, _reply, ctx) =>
		state.workspaceAccounts(ctx.workspaceId).map((a) => accountItem(a, state.variants.accountTypes)));
}
