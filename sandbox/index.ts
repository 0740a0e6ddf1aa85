// Local Publer-compatible sandbox server (dev tool, never shipped in dist/).
// `const sb = await startSandbox(); … await sb.close();`
import { SandboxState } from './domain/store';
import { createState, resetState } from './domain/lifecycle';
import { advanceClock, processDue, setClock, setPostState } from './domain/scheduler';
import { addFault, setRateLimit, setVariants } from './domain/controls';
import type { Account } from './domain/seed';
import { buildServer } from './app/server';
import { CONTROL_KEY_HEADER } from './routes/control';
import { exportJob, exportMedia, exportPost } from './views/snapshot';
import { maskKey } from './util/text';
import { iso } from './util/time';
import type { Sandbox, SandboxAccount, SandboxOptions, SandboxVariants, Fault, LoggedRequest, SandboxKeys } from './types';

export type { Sandbox, SandboxAccount, SandboxOptions, SandboxVariants, Fault, LoggedRequest, SandboxKeys };
export { SandboxState };

function accountView(account: Account): SandboxAccount {
	const { signatures, albums, ...rest } = account;
	return { ...rest, signatures, albums };
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const state = createState(options);
	let info: () => unknown = () => ({});
	const app = buildServer(state, { info: () => info() });
	await app.listen({ port: state.opts.port, host: '127.0.0.1' });
	const address = app.server.address();
	const port = typeof address === 'object' && address ? address.port : state.opts.port;
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
		controlKey: state.opts.controlKey,
		controlHeaders: { [CONTROL_KEY_HEADER]: state.opts.controlKey },
		accounts(workspaceId?: string) {
			return state.workspaceAccounts(workspaceId ?? main().ws).map(accountView);
		},
		accountFor(provider: string, workspaceId?: string) {
			const [network, type] = provider.split(':');
			const account = state.workspaceAccounts(workspaceId ?? main().ws).find((a) => a.provider === network && (!type || a.type === type) && !a.needs_reauth && !a.locked && a.slots.length > 0);
			if (!account) throw new Error(`No seeded ${provider} account in workspace ${workspaceId ?? main().ws}`);
			return accountView(account);
		},
		clock: {
			now: () => new Date(state.nowMs()),
			advance: (ms: number) => advanceClock(state, ms),
			set: (date: Date | string) => setClock(state, date),
		},
		setVariants: (changes: Partial<SandboxVariants>) => setVariants(state, changes),
		variants: () => ({ ...state.variants }),
		injectFault: (fault: Fault) => addFault(state, fault),
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
			processDue(state);
			return [...state.posts.values()].filter((p) => !workspaceId || p.workspace_id === workspaceId).map(exportPost);
		},
		media(workspaceId?: string) {
			state.settlePendingJobs();
			return [...state.media.values()].filter((m) => !workspaceId || m.workspace_id === workspaceId).map(exportMedia);
		},
		jobs() {
			processDue(state);
			return [...state.jobs.values()].map(exportJob);
		},
		setPostMetrics: (id, metrics) => state.setPostMetrics(id, metrics),
		setPostState: (id, newState, extra) => setPostState(state, id, newState, extra),
		setRateLimit: (rateLimit) => setRateLimit(state, rateLimit),
		reset: () => resetState(state),
		close: async () => {
			await app.close();
		},
	};
	// the main key (to configure n8n) in full; the others masked: sb.keys and the CLI give them to whoever needs them
	const maskedKeys = () => Object.fromEntries(Object.entries(sb.keys).map(([name, key]) => [name, maskKey(key)]));
	info = () => ({
		baseUrl, origin, apiKey: sb.apiKey, workspaceId: sb.workspaceId, secondWorkspaceId: sb.secondWorkspaceId,
		otherWorkspaceId: sb.otherWorkspaceId, keys: maskedKeys(), now: iso(state.nowMs()),
		users: state.seed.users, accounts: sb.accounts(), workspaces: state.seed.workspaces.map((w) => ({ id: w.id, name: w.name, plan: w.plan })),
	});
	return sb;
}
