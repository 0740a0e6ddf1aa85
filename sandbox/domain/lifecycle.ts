// Creating and resetting a sandbox state: the seed, then (optionally) published history posts for analytics.
import { SandboxState } from './store';
import { publishPost } from './scheduler';
import { postLinkFor } from './networks';
import { hash32, seedId } from '../util/ids';
import { DAY } from '../util/time';
import type { SandboxOptions } from '../types';

const HISTORY_PROVIDERS = ['facebook', 'instagram', 'twitter', 'linkedin', 'mastodon', 'threads', 'bluesky'];
const HISTORY_TAGS = ['#bakery', '#croissant', '#sourdough', '#smm', '#weekend', '#newmenu'];

export function createState(options: SandboxOptions = {}): SandboxState {
	const state = new SandboxState(options);
	seedHistory(state, state.opts.seed.historyPosts ?? 0);
	return state;
}

export function resetState(state: SandboxState): void {
	state.clear();
	seedHistory(state, state.opts.seed.historyPosts ?? 0);
}

/** `count` published posts in the past, one every ~7 hours, by the main user and the teammate. */
function seedHistory(state: SandboxState, count: number): void {
	if (count <= 0) return;
	const workspaceId = state.seed.main.ws;
	const accounts = state.workspaceAccounts(workspaceId).filter((a) => !a.needs_reauth && !a.locked && HISTORY_PROVIDERS.includes(a.provider));
	const now = state.opts.now;
	for (let i = 0; i < count; i++) {
		const account = accounts[i % accounts.length];
		const t = now - (i + 1) * 7 * 3600000 - (hash32('h' + i) % 3600) * 1000;
		const text = `History post ${i + 1}: fresh from the oven ${HISTORY_TAGS[i % HISTORY_TAGS.length]} ${HISTORY_TAGS[(i + 2) % HISTORY_TAGS.length]}`;
		const photo = account.provider === 'instagram' || i % 3 === 0;
		const post = state.newPost({
			workspace_id: workspaceId, user_id: i % 2 ? state.seed.main.memberId : state.seed.main.userId, state: 'scheduled',
			account_id: account.id, provider: account.provider, network: account.provider, type: photo ? 'photo' : 'status', post_type: photo ? 'photo' : 'status',
			text, media: photo ? [{ id: seedId('media:croissant'), type: 'photo' }] : [], scheduled_at: t, created_at: t - DAY, updated_at: t - DAY,
			labels: i % 4 === 0 ? [state.workspacesById.get(workspaceId)!.labels[0]] : [],
		});
		publishPost(state, post, t);
		if (post.provider === 'tiktok') post.post_link = postLinkFor('tiktok', account, post.id);
		state.schedule.add(post, t, `${account.id}|${account.provider === 'linkedin' ? account.type : 'posts'}|${new Date(t).toISOString().slice(0, 10)}`);
	}
}
