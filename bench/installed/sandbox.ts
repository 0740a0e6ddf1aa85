// The sandbox for `npm run bench:installed`, in its own process: real clock (clockMode 'realtime', rate-limit
// windows counted in real time), jobs done at their first status poll, request bodies not logged, and submits
// answered with their job ID before the posts are checked (asyncJobs: Publer runs jobs in the background, so the
// node prepares its next request while this process checks the last one, as it would while Publer's servers work). Prints one line
// `READY {"origin":…}` and runs until SIGTERM. The benchmark drives it over the control routes (/__sandbox/…).
import { startSandbox } from '../../sandbox';

async function main(): Promise<void> {
	const sb = await startSandbox({
		port: 0,
		clockMode: 'realtime',
		rateLimit: { limit: 100, windowSeconds: 120 },
		rateLimitClock: 'real',
		jobWorkingPolls: 0,
		asyncJobs: true,
		logBodies: process.argv.includes('--log-bodies'),
		maxLoggedRequests: 100_000,
	});
	// the header the control routes require (sandboxes before the control key have none)
	const controlHeaders = (sb as { controlHeaders?: Record<string, string> }).controlHeaders ?? {};
	const accounts: Record<string, string> = {};
	for (const p of ['twitter', 'mastodon', 'bluesky', 'threads']) accounts[p] = sb.accountFor(p).id;
	process.stdout.write(`READY ${JSON.stringify({ origin: sb.origin, baseUrl: sb.baseUrl, apiKey: sb.apiKey, workspaceId: sb.workspaceId, accounts, controlHeaders })}\n`);
	const stop = async () => {
		await sb.close();
		process.exit(0);
	};
	process.on('SIGTERM', stop);
	process.on('SIGINT', stop);
}

main().catch((e) => {
	process.stderr.write(String(e?.stack ?? e) + '\n');
	process.exit(1);
});
