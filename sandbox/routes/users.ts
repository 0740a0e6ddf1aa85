// GET /users/me (§5.1): no scope, no workspace header.
import type { SandboxState } from '../domain/store';
import type { AddRoute } from '../app/route';
import { userItem } from '../views/users';

export function registerUserRoutes(addRoute: AddRoute, state: SandboxState): void {
	addRoute('GET', '/users/me', { scope: null }, (_req, _reply, ctx) => userItem(state, ctx.userId));
}
