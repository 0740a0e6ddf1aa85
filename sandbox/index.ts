// Local Publer-compatible sandbox server (dev tool, never shipped in dist/).
// `const sb = await startSandbox(); … await sb.close();`
import { SandboxState } from './state';
import { buildServer } from './server';
import { addFault, setVariants, exportJob, exportMedia, exportPost } from './control';
import { iso } from './util';
import type { Sandbox, SandboxAccount, SandboxOptions, SandboxVariants, Fault, LoggedRequest, SandboxKeys } from './types';

export type { Sandbox, SandboxAccount, SandboxOptions, SandboxVariants, Fault, LoggedRequest, SandboxKeys };
export { SandboxState };

function accountView(a: any): SandboxAccount {
	const { signatures, albums, ...rest } = a;
	return { ...rest, signatures, albums };
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const state = new SandboxState(options);
	const app = buildServer(state);
	await app.listen({ port: state.opts.port, host: '127.0.0.1' });
	const addr = app.server.address();
	const port = typeof addr === 'object' && addr ? addr.port : state.opts.port;
	const origin = `http://127.0.0.1:${port}`;
	const baseUrl = `${origin}/api/v1`;
	const main = () => state.seed.main;

	const sb: Sandbox = {
		baseUrl,
		origin,
		port,
		get apiKey() {
			return state.seed.keyNames.full;
		},
		get workspaceId() {
			return main().ws;
		},
		get secondWorkspaceId() {
			return main().ws2;
		},
		get otherWorkspaceId() {
			return main().wsOther;
		},
		get keys() {
			return { ...state.seed.keyNames };
		},
		accounts(workspaceId?: string) {
			return state.workspaceAccounts(workspaceId ?? main().ws).map(accountView);
		},
		accountFor(provider: string, workspaceId?: string) {
			const [prov, type] = provider.split(':');
			const acc = state.workspaceAccounts(workspaceId ?? main().ws).find((a) => a.provider === prov && (!type || a.type === type) && !a.needs_reauth && a.slots.length > 0);
			if (!acc) throw new Error(`No seeded ${provider} account in workspace ${workspaceId ?? main().ws}`);
			return accountView(acc);
		},
		clock: {
			now: () => new Date(state.nowMs()),
			advance: (ms: number) => state.advance(ms),
			set: (d: Date | string) => state.setClock(d),
		},
		setVariants: (v: Partial<SandboxVariants>) => setVariants(state, v),
		variants: () => ({ ...state.variants }),
		injectFault: (f: Fault) => addFault(state, f),
		clearFaults: () => {
			state.faults = [];
		},
		requests(filter?: { method?: string; path?: string | RegExp }) {
			return state.log.filter((r) => {
				if (filter?.method && r.method !== filter.method.toUpperCase()) return false;
				if (filter?.path !== undefined) {
					if (typeof filter.path === 'string') return r.path === filter.path;
					filter.path.lastIndex = 0;
					return filter.path.test(r.path);
				}
				return true;
			});
		},
		clearRequests: () => {
			state.log = [];
		},
		posts(workspaceId?: string) {
			state.tick();
			return [...state.posts.values()].filter((p) => !workspaceId || p.workspace_id === workspaceId).map(exportPost);
		},
		media(workspaceId?: string) {
			return [...state.media.values()].filter((m) => !workspaceId || m.workspace_id === workspaceId).map(exportMedia);
		},
		jobs() {
			state.tick();
			return [...state.jobs.values()].map(exportJob);
		},
		setPostMetrics: (id, m) => state.setPostMetrics(id, m),
		setPostState: (id, s, extra) => state.setPostState(id, s, extra),
		setRateLimit: (r) => {
			state.rateLimit = r;
			state.rateWindows.clear();
		},
		reset: () => state.reset(),
		close: async () => {
			await app.close();
		},
	};
	(app as any).sandboxInfo = () => ({
		baseUrl, origin, apiKey: sb.apiKey, workspaceId: sb.workspaceId, secondWorkspaceId: sb.secondWorkspaceId,
		otherWorkspaceId: sb.otherWorkspaceId, keys: sb.keys, now: iso(state.nowMs()),
		users: state.seed.users, accounts: sb.accounts(), workspaces: state.seed.workspaces.map((w) => ({ id: w.id, name: w.name, plan: w.plan })),
	});
	return sb;
}
