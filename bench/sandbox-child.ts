// The sandbox in its own process for the benchmarks, so the parent's CPU time is the node's (and n8n's
// engine's) alone. Controlled over IPC: {id, cmd, args} → {id, result | error}.
import { startSandbox, type Sandbox, type SandboxOptions } from '../sandbox';

let sb: Sandbox | undefined;

async function handle(cmd: string, args: Record<string, unknown>): Promise<unknown> {
	switch (cmd) {
		case 'start': {
			if (sb) await sb.close();
			sb = await startSandbox(args as SandboxOptions);
			const accounts: Record<string, string> = {};
			for (const p of ['twitter', 'mastodon', 'bluesky', 'threads', 'facebook']) accounts[p] = sb.accountFor(p).id;
			return { baseUrl: sb.baseUrl, apiKey: sb.apiKey, workspaceId: sb.workspaceId, accounts, now: sb.clock.now().getTime(), accountCount: sb.accounts().length };
		}
		case 'advance':
			sb!.clock.advance(Number(args.ms));
			return sb!.clock.now().getTime();
		case 'now':
			return sb!.clock.now().getTime();
		case 'clearRequests':
			sb!.clearRequests();
			return null;
		case 'requestStats': {
			const log = sb!.requests();
			const byKind: Record<string, number> = {};
			for (const r of log) {
				const key = `${r.method} ${r.path.replace(/\/[0-9a-f]{24}$/, '/:id')}`;
				byKind[key] = (byKind[key] ?? 0) + 1;
			}
			return { total: log.length, rateLimited: log.filter((r) => r.status === 429).length, byKind, accepted: log.filter((r) => r.status === 429).length };
		}
		case 'postCount':
			return sb!.posts(sb!.workspaceId).length;
		case 'cpu':
			return process.cpuUsage();
		case 'close':
			if (sb) await sb.close();
			sb = undefined;
			return null;
		default:
			throw new Error(`unknown command ${cmd}`);
	}
}

process.on('message', (msg: { id: number; cmd: string; args?: Record<string, unknown> }) => {
	handle(msg.cmd, msg.args ?? {}).then(
		(result) => process.send!({ id: msg.id, result }),
		(error: Error) => process.send!({ id: msg.id, error: String(error?.stack ?? error) }),
	);
});
process.on('disconnect', () => process.exit(0));
