// How users, workspaces and accounts look in answers.
import type { SandboxState } from '../domain/store';
import type { Account, Workspace } from '../domain/seed';
import { accountTypeAs } from '../domain/networks';

export function userSummary(state: SandboxState, userId: string) {
	const user = state.user(userId);
	return { id: user.id, name: user.name, picture: user.picture };
}

export function userItem(state: SandboxState, userId: string) {
	const user = state.user(userId);
	return { id: user.id, email: user.email, name: user.name, first_name: user.first_name, picture: user.picture };
}

export function workspaceItem(state: SandboxState, workspace: Workspace, viewerId: string) {
	return {
		id: workspace.id,
		owner: userItem(state, workspace.ownerId),
		name: workspace.name,
		members: workspace.members.map((member) => {
			const user = state.user(member.userId);
			return { id: user.id, name: user.name, first_name: user.first_name, email: user.email, picture: user.picture, role: member.role };
		}),
		plan: workspace.plan,
		picture: workspace.picture,
		role: workspace.members.find((m) => m.userId === viewerId)!.role,
	};
}

export function accountItem(account: Account, vocabulary: 'documented' | 'observed') {
	const item = { id: account.id, provider: account.provider, name: account.name, social_id: account.social_id, picture: account.picture, type: accountTypeAs(account, vocabulary) };
	return vocabulary === 'observed' ? { ...item, locked: account.locked } : item;
}
