// `npm run bench`: measured figures for speed, cost and resilience (issue 8), printed as a table and written
// to bench/results/latest.json. The sandbox runs in a child process (bench/sandbox-child.ts), so this
// process's CPU time is the Publer node's and n8n's engine's. The batched path runs on the real clock (its
// sleeps are real waits, so its times are what a user waits). Only the per-item path runs on a simulated clock
// (bench/simulated-clock.ts: its sleeps advance the sandbox clock instead of the wall clock), because under
// Publer's rate limit it would take hours; its figures are labelled "simulated".
// Usage: npm run bench [-- --quick]   (--quick: smaller N, for a smoke run)
import { simulated } from './simulated-clock';

import { fork, spawn } from 'child_process';
import { mkdirSync, writeFileSync } from 'fs';
import * as os from 'os';
import { join } from 'path';

import type { IDataObject, INode } from 'n8n-workflow';

import { runPoll, runPublerNode, runWorkflow, shutdownN8nCore } from '../test/support';
import { benchTriggerScale } from './trigger-scale';

const quick = process.argv.includes('--quick');
const MIN = 60_000;

// ---------- the sandbox child ----------
const child = fork(join(__dirname, 'sandbox-child.ts'), [], {
	execArgv: ['--import', 'tsx'],
	stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
	env: { ...process.env, NODE_ENV: 'production' },
});
let nextId = 0;
const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
child.on('message', (msg: { id: number; result?: unknown; error?: string }) => {
	const p = pending.get(msg.id);
	if (!p) return;
	pending.delete(msg.id);
	if (msg.error) p.reject(new Error(msg.error));
	else p.resolve(msg.result);
});
function sandbox<T = unknown>(cmd: string, args: IDataObject = {}): Promise<T> {
	const id = ++nextId;
	return new Promise<T>((resolve, reject) => {
		pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
		child.send({ id, cmd, args });
	});
}

interface Started {
	baseUrl: string;
	apiKey: string;
	workspaceId: string;
	accounts: Record<string, string>;
	now: number;
	accountCount: number;
}
interface Stats {
	total: number;
	rateLimited: number;
	byKind: Record<string, number>;
}

async function start(options: IDataObject): Promise<Started> {
	return await sandbox<Started>('start', { logBodies: false, maxLoggedRequests: 1_000_000, ...options });
}

let clock: 'real' | 'simulated' = 'real';

/** The node's sleeps are real waits; Date.now() is the real clock (the sandbox clock stays where it is). */
function realClock() {
	clock = 'real';
	simulated.now = undefined;
	simulated.onSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
}

/** Sleeps advance the sandbox clock; with `followClock`, Date.now() is the sandbox clock too. */
function simulateClock(startNow: number, followClock: boolean) {
	clock = 'simulated';
	let mirror = startNow;
	simulated.now = followClock ? mirror : undefined;
	simulated.onSleep = async (ms) => {
		mirror += ms;
		if (followClock) simulated.now = mirror;
		await sandbox('advance', { ms });
	};
	return () => mirror - startNow;
}

function cpuMs(since: NodeJS.CpuUsage) {
	const d = process.cpuUsage(since);
	return (d.user + d.system) / 1000;
}

const round = (n: number, d = 1) => +n.toFixed(d);

function postItems(s: Started, n: number) {
	const rotation = ['twitter', 'mastodon', 'bluesky', 'threads'].map((p) => s.accounts[p]);
	const t0 = Math.ceil((s.now + 60 * MIN) / 1000) * 1000;
	return Array.from({ length: n }, (_, i) => ({ account: rotation[i % 4], text: `Bench post ${i}`, when: new Date(t0 + i * 10 * MIN).toISOString() }));
}

async function schedule(s: Started, n: number, batched: boolean) {
	const items = postItems(s, n);
	simulated.sleeps = 0;
	simulated.sleptMs = 0;
	const cpu0 = process.cpuUsage();
	const sbCpu0 = await sandbox<NodeJS.CpuUsage>('cpu');
	const t0 = process.hrtime.bigint();
	const result = await runPublerNode({
		credentials: { apiKey: s.apiKey, baseUrl: s.baseUrl },
		items,
		parameters: {
			resource: 'post',
			operation: 'create',
			workspace: { __rl: true, mode: 'id', value: s.workspaceId },
			mode: 'schedule',
			accounts: '={{ $json.account }}',
			text: '={{ $json.text }}',
			scheduledAt: '={{ $json.when }}',
			options: { batchItems: batched },
		},
	});
	const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
	const cpu = cpuMs(cpu0);
	const sbCpu1 = await sandbox<NodeJS.CpuUsage>('cpu');
	if (result.error) throw result.error;
	if (result.items.length !== n || result.items.some((i) => i.json.success !== true)) throw new Error(`not every post was accepted (${result.items.length}/${n})`);
	const stats = await sandbox<Stats>('requestStats');
	const created = await sandbox<number>('postCount');
	const nodeRun = result.run.data.resultData.runData.Publer?.[0];
	return {
		n,
		approach: batched ? 'batched' : 'per-item',
		clock,
		requests: stats.total,
		rateLimited429: stats.rateLimited,
		byKind: stats.byKind,
		windowsNeeded: Math.ceil((stats.total - stats.rateLimited) / 100),
		created,
		wallMs: round(wallMs, 0),
		nodeExecutionMs: nodeRun?.executionTime ?? null,
		cpuMs: round(cpu, 0),
		sandboxCpuMs: round((sbCpu1.user + sbCpu1.system - sbCpu0.user - sbCpu0.system) / 1000, 0),
		sleeps: simulated.sleeps,
		/** real waits on the real clock; not waited (sandbox clock advanced) on the simulated one */
		sleptMs: simulated.sleptMs,
	};
}

// ---------- 1. scheduling N posts, batched (real clock) vs per item (sleeps simulated); rate limit off ----------
async function benchScheduling() {
	const sizes = quick ? [500] : [500, 2000, 10_000];
	const rows = [];
	{
		// warm-up (JIT, module loading), not recorded
		const s = await start({ rateLimit: false, jobWorkingPolls: 0 });
		realClock();
		await schedule(s, 300, true);
		const s2 = await start({ rateLimit: false, jobWorkingPolls: 0 });
		simulateClock(s2.now, false);
		await schedule(s2, 100, false);
	}
	for (const n of sizes) {
		for (const batched of [true, false]) {
			const s = await start({ rateLimit: false, jobWorkingPolls: 0 });
			if (batched) realClock();
			else simulateClock(s.now, false);
			const row = await schedule(s, n, batched);
			console.error(`  scheduling ${n} ${row.approach} (${row.clock} clock): ${row.requests} requests, ${row.wallMs} ms`);
			rows.push(row);
		}
	}
	return rows;
}

// ---------- 2. the real rate limit (100 per 120 s): batched on the real clock, per item on a simulated one ----------
async function benchRateLimited() {
	const n = quick ? 1000 : 10_000;
	const rows = [];
	for (const batched of [true, false]) {
		if (batched) {
			const s = await start({ rateLimit: { limit: 100, windowSeconds: 120 }, rateLimitClock: 'real', jobWorkingPolls: 0 });
			realClock();
			const row = await schedule(s, n, batched);
			console.error(`  rate-limited ${n} batched: ${round(row.wallMs / 1000)} s (real clock)`);
			rows.push({ ...row, seconds: round(row.wallMs / 1000, 1), minutes: round(row.wallMs / MIN, 1) });
			continue;
		}
		const s = await start({ rateLimit: { limit: 100, windowSeconds: 120 }, rateLimitClock: 'sandbox', jobWorkingPolls: 0 });
		const elapsed = simulateClock(s.now, true);
		const row = await schedule(s, n, batched);
		simulated.now = undefined;
		const simMs = elapsed();
		console.error(`  rate-limited ${n} ${row.approach}: ${round(simMs / MIN)} simulated min`);
		rows.push({ ...row, seconds: round(simMs / 1000, 0), minutes: round(simMs / MIN, 1) });
	}
	return rows;
}

// ---------- 3. node overhead against a pass-through node ----------
async function benchOverhead(scheduling: Array<Awaited<ReturnType<typeof schedule>>>) {
	const n = quick ? 1000 : 10_000;
	const s = await start({ rateLimit: false, jobWorkingPolls: 0 });
	realClock();
	const items = postItems(s, n);
	const passCpu0 = process.cpuUsage();
	const p0 = process.hrtime.bigint();
	const pass = await runWorkflow({
		nodes: [
			{ id: 't', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: 'p', name: 'Pass', type: 'test.passThrough', typeVersion: 1, position: [200, 0], parameters: {} },
		] as INode[],
		connections: { Start: { main: [[{ node: 'Pass', type: 'main', index: 0 }]] } },
		startItems: items.map((json) => ({ json })),
		credentials: { apiKey: s.apiKey, baseUrl: s.baseUrl },
	});
	const passWall = Number(process.hrtime.bigint() - p0) / 1e6;
	const passCpu = cpuMs(passCpu0);
	if (pass.output('Pass').length !== n) throw new Error('pass-through lost items');
	const passNode = pass.run.data.resultData.runData.Pass[0].executionTime;
	// The batched row of section 1 when it has this N (same conditions: real clock, rate limit off).
	const publer = scheduling.find((r) => r.n === n && r.approach === 'batched') ?? (await schedule(s, n, true));
	return {
		n,
		publer: { nodeExecutionMs: publer.nodeExecutionMs, workflowWallMs: publer.wallMs, cpuMs: publer.cpuMs, requests: publer.requests, sleptMs: publer.sleptMs },
		passThrough: { nodeExecutionMs: passNode, workflowWallMs: round(passWall, 0), cpuMs: round(passCpu, 0) },
		ratioNodeTime: round((publer.nodeExecutionMs ?? 0) / Math.max(1, passNode), 1),
		ratioWorkflowWall: round(publer.wallMs / Math.max(1, passWall), 1),
		ratioCpu: round(publer.cpuMs / Math.max(1, passCpu), 1),
		perItemMicros: round(((publer.nodeExecutionMs ?? 0) * 1000) / n, 0),
	};
}

// ---------- 4. trigger polls ----------
async function benchTrigger() {
	const history = quick ? 2000 : 10_000;
	const s = await start({ rateLimit: false, jobWorkingPolls: 0, seed: { historyPosts: history, accountsPerNetwork: 4 } });
	simulateClock(s.now, true);
	const accountIds: string[] = ((await (await fetch(`${s.baseUrl}/accounts`, { headers: { Authorization: `Bearer-API ${s.apiKey}`, 'Publer-Workspace-Id': s.workspaceId } })).json()) as IDataObject[]).map((a) => String(a.id));
	const rows = [];
	for (const k of [1, 10, 50, 0]) {
		const staticData: IDataObject = {};
		const parameters = {
			event: 'postPublished',
			workspace: { __rl: true, mode: 'id', value: s.workspaceId },
			...(k ? { filters: { accountIds: accountIds.slice(0, k) } } : {}),
		};
		const polls: Array<{ requests: number; ms: number }> = [];
		for (let i = 0; i < 4; i++) {
			await sandbox('clearRequests');
			const t0 = process.hrtime.bigint();
			await runPoll({ parameters, credentials: { apiKey: s.apiKey, baseUrl: s.baseUrl }, staticData });
			polls.push({ requests: (await sandbox<Stats>('requestStats')).total, ms: Number(process.hrtime.bigint() - t0) / 1e6 });
			const now = await sandbox<number>('advance', { ms: 5 * MIN });
			simulated.now = now;
		}
		const steady = polls.slice(1);
		rows.push({
			accounts: k || accountIds.length,
			filter: k ? `${k} account${k === 1 ? '' : 's'}` : `no filter (all ${accountIds.length})`,
			historyPosts: history,
			activation: { requests: polls[0].requests, ms: round(polls[0].ms, 0) },
			steady: { requestsPerPoll: round(steady.reduce((a, p) => a + p.requests, 0) / steady.length, 1), msPerPoll: round(steady.reduce((a, p) => a + p.ms, 0) / steady.length, 0) },
			staticDataBytes: Buffer.byteLength(JSON.stringify(staticData)),
		});
	}
	simulated.now = undefined;
	return rows;
}

// ---------- 5. media upload memory (bench/upload-memory.ts) ----------
async function benchMedia() {
	const rows: IDataObject[] = [];
	for (const mb of quick ? [20] : [20, 200]) {
		const out = await new Promise<string>((resolve, reject) => {
			const proc = spawn(process.execPath, ['--require', join(__dirname, 'resolve-node-ts.cjs'), '--import', 'tsx', join(__dirname, 'upload-memory.ts'), String(mb)], {
				cwd: join(__dirname, '..'),
				stdio: ['ignore', 'pipe', 'inherit'],
			});
			let stdout = '';
			proc.stdout.on('data', (d) => (stdout += d));
			proc.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`upload-memory ${mb} MB failed (${code})`))));
		});
		for (const line of out.trim().split('\n').filter((l) => l.startsWith('{'))) rows.push({ fileMb: mb, ...JSON.parse(line) });
	}
	return rows;
}

function table(results: IDataObject): string {
	const lines: string[] = [];
	const pad = (cells: Array<string | number>, widths: number[]) => cells.map((c, i) => String(c).padStart(widths[i])).join('  ');
	const sched = results.scheduling as IDataObject[];
	lines.push('1. Scheduling N posts with waiting (sandbox answers at once, rate limit off).');
	lines.push('   batched: real clock (wall includes its real sleeps); per-item: sleeps simulated (not waited, "sleep s" not in wall)');
	const w1 = [7, 9, 10, 9, 9, 10, 10, 10, 10, 9];
	lines.push(pad(['N', 'approach', 'clock', 'requests', 'windows', 'wall ms', 'node ms', 'CPU ms', 'sbx CPU', 'sleep s'], w1));
	for (const r of sched) lines.push(pad([r.n as number, r.approach as string, r.clock as string, r.requests as number, r.windowsNeeded as number, r.wallMs as number, r.nodeExecutionMs as number, r.cpuMs as number, r.sandboxCpuMs as number, round((r.sleptMs as number) / 1000, 1)], w1));
	for (const n of [...new Set(sched.map((r) => r.n as number))]) {
		const b = sched.find((r) => r.n === n && r.approach === 'batched')!;
		const p = sched.find((r) => r.n === n && r.approach === 'per-item')!;
		lines.push(`   N=${n}: per-item / batched = ${round((p.requests as number) / (b.requests as number), 0)}x requests, ${round((p.cpuMs as number) / (b.cpuMs as number), 1)}x CPU; batched ${round((b.wallMs as number) / (b.n as number), 3)} ms/post real`);
	}
	lines.push('');
	const rl = results.rateLimited as IDataObject[];
	lines.push(`2. ${rl[0].n} posts under Publer's rate limit (100 per 120 s): batched on the real clock, per-item on a simulated clock`);
	const w2 = [9, 10, 9, 6, 10, 10, 10];
	lines.push(pad(['approach', 'clock', 'requests', '429s', 'seconds', 'minutes', 'wall ms'], w2));
	for (const r of rl) lines.push(pad([r.approach as string, r.clock as string, r.requests as number, r.rateLimited429 as number, r.seconds as number, r.minutes as number, r.wallMs as number], w2));
	lines.push(`   per-item (simulated) / batched (real) = ${round((rl[1].seconds as number) / Math.max(0.1, rl[0].seconds as number), 0)}x time, ${round((rl[1].requests as number) / (rl[0].requests as number), 0)}x requests`);
	lines.push('');
	const o = results.overhead as IDataObject & { publer: IDataObject; passThrough: IDataObject };
	lines.push(`3. Node overhead, ${o.n} items, real clock: Publer node ${o.publer.nodeExecutionMs} ms (${o.perItemMicros} µs/item, ${o.publer.requests} requests, ${round((o.publer.sleptMs as number) / 1000, 1)} s of it sleeping; CPU ${o.publer.cpuMs} ms) vs pass-through ${o.passThrough.nodeExecutionMs} ms → ${o.ratioNodeTime}x node time, ${o.ratioCpu}x CPU; whole workflow ${o.publer.workflowWallMs} vs ${o.passThrough.workflowWallMs} ms → ${o.ratioWorkflowWall}x`);
	lines.push('');
	const tr = results.trigger as IDataObject[];
	lines.push(`4. Trigger (Post Published), ${tr[0].historyPosts} historic posts`);
	const w4 = [22, 14, 13, 14, 12, 12];
	lines.push(pad(['account filter', 'activation req', 'activation ms', 'req per poll', 'ms per poll', 'static B'], w4));
	for (const r of tr) {
		const a = r.activation as IDataObject;
		const st = r.steady as IDataObject;
		lines.push(pad([r.filter as string, a.requests as number, a.ms as number, st.requestsPerPoll as number, st.msPerPoll as number, r.staticDataBytes as number], w4));
	}
	lines.push('');
	const ts = results.triggerScale as IDataObject[];
	lines.push('4b. Trigger (Post Published) at scale: K newly published posts in the window since the last poll (rate limit off)');
	const w4b = [7, 12, 11, 12, 7, 10, 9, 11, 10, 7, 6];
	lines.push(pad(['K new', '1st poll req', '1st poll ms', '1st emitted', 'polls', 'total req', 'total ms', 'max req/poll', 'max static B', 'missed', 'twice'], w4b));
	for (const r of ts) {
		const f = r.firstPoll as IDataObject;
		lines.push(pad([r.newPosts as number, f.requests as number, f.ms as number, f.emitted as number, r.pollsToDrain as number, r.drainRequests as number, r.drainMs as number, r.maxRequestsPerPoll as number, r.maxStaticDataBytes as number, r.missed as number, r.duplicates as number], w4b));
	}
	lines.push('');
	const media = results.media as IDataObject[];
	lines.push('5. Media → Upload memory (peak RSS above baseline, child process)');
	const w5 = [8, 11, 13, 9, 8];
	lines.push(pad(['file MB', 'binary mode', 'peak RSS MB', 'ratio', 'ms'], w5));
	for (const m of media) lines.push(pad([m.fileMb as number, m.mode as string, m.peakRssAboveBaselineMb as number, m.ratioToFile as number, m.ms as number], w5));
	return lines.join('\n');
}

async function main() {
	const began = Date.now();
	const results: IDataObject = {
		date: new Date().toISOString(),
		machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, memoryGiB: round(os.totalmem() / 2 ** 30, 0), node: process.version, platform: `${os.platform()} ${os.arch()}` },
		quick,
	};
	console.error('1/5 scheduling');
	const scheduling = await benchScheduling();
	results.scheduling = scheduling;
	console.error('2/5 rate-limited');
	results.rateLimited = await benchRateLimited();
	console.error('3/5 overhead');
	results.overhead = await benchOverhead(scheduling);
	console.error('4/5 trigger');
	results.trigger = await benchTrigger();
	console.error('4b/5 trigger at scale');
	results.triggerScale = await benchTriggerScale({ sandbox, start, runPoll, simulated }, quick ? [1000] : [1000, 10_000]);
	await sandbox('close');
	console.error('5/5 media');
	results.media = await benchMedia();
	results.totalSeconds = round((Date.now() - began) / 1000, 0);
	const text = table(results);
	console.log(`\nBenchmarks ${results.date} — ${(results.machine as IDataObject).cpus} cores, ${(results.machine as IDataObject).memoryGiB} GiB, Node ${process.version}${quick ? ' (quick)' : ''}\n\n${text}\n\ntotal ${results.totalSeconds} s`);
	mkdirSync(join(__dirname, 'results'), { recursive: true });
	const file = join(__dirname, 'results', quick ? 'quick.json' : 'latest.json');
	writeFileSync(file, JSON.stringify({ ...results, table: text }, null, 2) + '\n');
	console.error(`written ${file}`);
}

main()
	.catch((e) => {
		console.error(e);
		process.exitCode = 1;
	})
	.finally(() => {
		shutdownN8nCore();
		child.disconnect();
		setTimeout(() => process.exit(process.exitCode ?? 0), 100).unref();
	});
