// Requests per second on loopback: `npx tsx sandbox/bench-loopback.ts [--requests 20000] [--concurrency 32] [--path /accounts]`
// Keep-alive http agent, bounded request count, 127.0.0.1 only. Also times a 500-post bulk (server CPU).
import http from 'http';
import { startSandbox } from './index';

function arg(name: string, def: string): string {
	const i = process.argv.indexOf(name);
	return i >= 0 ? process.argv[i + 1] : def;
}

async function main(): Promise<void> {
	const total = Number(arg('--requests', '20000'));
	const concurrency = Number(arg('--concurrency', '32'));
	const path = arg('--path', '/accounts');
	const sb = await startSandbox({ rateLimit: false, logBodies: false, maxLoggedRequests: 1000 });
	const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
	const url = new URL(sb.baseUrl + path);
	const headers = { Authorization: `Bearer-API ${sb.apiKey}`, 'Publer-Workspace-Id': sb.workspaceId };
	const one = () => new Promise<number>((resolve, reject) => {
		const req = http.request({ host: '127.0.0.1', port: url.port, path: url.pathname + url.search, agent, headers }, (res) => {
			res.resume();
			res.on('end', () => resolve(res.statusCode ?? 0));
		});
		req.on('error', reject);
		req.end();
	});
	// warm-up
	for (let i = 0; i < 200; i++) await one();
	let sent = 0;
	let errors = 0;
	const t0 = process.hrtime.bigint();
	await Promise.all(Array.from({ length: concurrency }, async () => {
		while (sent < total) {
			sent++;
			if ((await one()) !== 200) errors++;
		}
	}));
	const sec = Number(process.hrtime.bigint() - t0) / 1e9;
	process.stdout.write(`GET ${path}: ${total} requests, concurrency ${concurrency}, ${sec.toFixed(2)} s → ${Math.round(total / sec)} req/s (${errors} non-200)\n`);

	// 500-post bulk: server-side CPU (the client part is a single pre-serialised request); 10 accounts per network
	await sb.close();
	const sb2 = await startSandbox({ rateLimit: false, logBodies: false, seed: { accountsPerNetwork: 10 } });
	const url2 = new URL(sb2.baseUrl);
	const headers2 = { Authorization: `Bearer-API ${sb2.apiKey}`, 'Publer-Workspace-Id': sb2.workspaceId };
	const accounts = sb2.accounts().filter((a) => ['twitter', 'mastodon', 'bluesky'].includes(a.provider) && !a.needs_reauth && a.type !== 'group');
	const now = sb2.clock.now().getTime();
	const posts = Array.from({ length: 500 }, (_, i) => ({
		networks: { [accounts[i % accounts.length].provider]: { type: 'status', text: `Bench post ${i}` } },
		accounts: [{ id: accounts[i % accounts.length].id, scheduled_at: new Date(now + 3600000 + Math.floor(i / accounts.length) * 120000).toISOString() }],
	}));
	const body = JSON.stringify({ bulk: { state: 'scheduled', posts } });
	const post = (p: string, b?: string) => new Promise<any>((resolve, reject) => {
		const req = http.request({ host: '127.0.0.1', port: url2.port, path: '/api/v1' + p, method: b ? 'POST' : 'GET', agent, headers: { ...headers2, 'Content-Type': 'application/json' } }, (res) => {
			let d = '';
			res.on('data', (c) => (d += c));
			res.on('end', () => resolve(JSON.parse(d)));
		});
		req.on('error', reject);
		req.end(b);
	});
	const cpu0 = process.cpuUsage();
	const w0 = process.hrtime.bigint();
	const { job_id } = await post('/posts/schedule', body);
	let st = await post(`/job_status/${job_id}`);
	while (st.status === 'working') st = await post(`/job_status/${job_id}`);
	const wall = Number(process.hrtime.bigint() - w0) / 1e6;
	const cpu = process.cpuUsage(cpu0);
	process.stdout.write(`500-post bulk (${(body.length / 1024).toFixed(0)} KB): ${st.status}, ${Array.isArray(st.payload.failures) ? st.payload.failures.length : '?'} failures, wall ${wall.toFixed(1)} ms, CPU ${((cpu.user + cpu.system) / 1000).toFixed(1)} ms\n`);
	agent.destroy();
	await sb2.close();
}

main().catch((e) => {
	process.stderr.write(String(e?.stack ?? e) + '\n');
	process.exit(1);
});
