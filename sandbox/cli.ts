// `npm run sandbox` (tsx sandbox/cli.ts [--port 4010] [--frozen-clock] [--no-rate-limit] [--history N] [--control-key K])
// The control key (for /__sandbox/*) is random unless given by --control-key or PUBLER_SANDBOX_CONTROL_KEY.
import { startSandbox } from './index';

function arg(name: string): string | undefined {
	const i = process.argv.indexOf(name);
	if (i >= 0) return process.argv[i + 1];
	const eq = process.argv.find((a) => a.startsWith(name + '='));
	return eq ? eq.slice(name.length + 1) : undefined;
}
const flag = (name: string) => process.argv.includes(name);

async function main(): Promise<void> {
	const port = Number(arg('--port') ?? process.env.PUBLER_SANDBOX_PORT ?? 4010);
	const sb = await startSandbox({
		port,
		clockMode: flag('--frozen-clock') ? 'frozen' : 'realtime',
		rateLimit: flag('--no-rate-limit') ? false : undefined,
		seed: { historyPosts: Number(arg('--history') ?? 12) },
		controlKey: arg('--control-key') ?? process.env.PUBLER_SANDBOX_CONTROL_KEY,
	});
	const out = process.stdout;
	out.write(`Publer sandbox listening\n\n`);
	out.write(`  Base URL:      ${sb.baseUrl}\n`);
	out.write(`  API key:       ${sb.apiKey}\n`);
	out.write(`  Workspace id:  ${sb.workspaceId}\n`);
	out.write(`  Control:       ${sb.origin}/__sandbox/info  (header X-Sandbox-Control-Key: ${sb.controlKey})\n\n`);
	out.write(`  Other keys:    ${Object.entries(sb.keys).filter(([k]) => k !== 'full').map(([k, v]) => `${k}=${v}`).join('\n                 ')}\n\n`);
	out.write(`  Accounts (workspace ${sb.workspaceId}):\n`);
	for (const a of sb.accounts()) {
		out.write(`    ${a.id}  ${a.provider.padEnd(10)} ${a.type.padEnd(9)} ${a.name}${a.needs_reauth ? '  [needs reauth]' : ''}${a.slots.length ? '' : '  [no posting slots]'}\n`);
	}
	out.write(`\nCtrl-C to stop.\n`);
	const stop = async () => {
		await sb.close();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((e) => {
	process.stderr.write(String(e?.stack ?? e) + '\n');
	process.exit(1);
});
