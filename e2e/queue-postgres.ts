/*
 * Queue mode as n8n supports it: PostgreSQL (n8n's docs: "Queue mode requires PostgreSQL. SQLite is not
 * supported"), Redis, one main and TWO `n8n worker` processes of n8n 2.8.4, all on loopback, with this package
 * installed as n8n's community-package installer does. Then:
 *   1. 20 executions of a webhook workflow whose Post → Create schedules 500 posts each (10,000 posts), sent
 *      through main's webhook so that every execution goes through the Redis queue to a worker; the worker logs
 *      show which worker ran which execution, and both workers must have run some;
 *   2. every post is created exactly once: the sandbox holds 10,000 posts with 10,000 distinct texts, 500 per
 *      execution, from exactly 20 bulk requests;
 *   3. a Publer Trigger workflow (Post Published) active on main, polling while the workers run: after the first
 *      two executions, the sandbox clock moves past the times of their first 300 posts, the posts publish, and the trigger
 *      emits each of them exactly once (counted by a loopback collector its workflow reports to), none of the
 *      others, and nothing again at the next poll.
 * Prints the exactly-once counts, "N passed, N failed", writes test-results/queue-summary.json, exits non-zero
 * on failure. Run: `npm run test:queue`. Uses PUBLER_E2E_POSTGRES / PUBLER_E2E_REDIS when set (CI services),
 * else starts Debian's postgresql and redis-server itself (see e2e/services.ts). About 4 minutes.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

import { setUpCheck } from './installs';
import { ROOT, assert, freePort, http as request, log, materialise, n8nEnv, run, runCheck, signIn, start, stopAll, timedStep, type Proc } from './lib';
import { queueEnv, startPostgres, startRedis, type Postgres } from './services';

// The sandbox is loaded from source; PUBLER_E2E_SANDBOX_DIR points at another copy of it (development only).
const { startSandbox } = require(process.env.PUBLER_E2E_SANDBOX_DIR || path.join(ROOT, 'sandbox')) as typeof import('../sandbox');

const EXECUTIONS = Number(process.env.PUBLER_QUEUE_EXECUTIONS || 20);
const ITEMS = Number(process.env.PUBLER_QUEUE_ITEMS || 500);
/** The first executions run before the sandbox clock moves; the first PUBLISHED_POSTS of their posts publish while the others still run. */
const PUBLISHED_EXECUTIONS = 2;
/**
 * Posts that publish during the run. The trigger reads at most 10 pages per poll (about 160 posts) and n8n polls at
 * most once a minute, so 300 new posts are emitted within about 2 polls.
 */
const PUBLISHED_POSTS = Number(process.env.PUBLER_QUEUE_PUBLISHED || 300);
/** The rest run at most this many at a time, spread over at least this long, so that a trigger poll (every minute) falls inside. */
const PARALLEL = 2;
const MIN_PHASE2_MS = 90_000;
const SLOT_MS = 15 * 60_000; // one post per account every 15 minutes: under every daily cap (100 a day) and the 1-minute gap
const timings: Record<string, number> = {};
const report: Record<string, unknown> = {};
let pgToClean: Postgres | undefined;

interface Emitted {
	postId: string;
	text: string;
	execution: string;
	at: number;
}

function startCollector(): Promise<{ url: string; emitted: Emitted[]; close: () => void }> {
	const emitted: Emitted[] = [];
	const server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (c: Buffer) => (body += c.toString()));
		req.on('end', () => {
			try {
				const json = JSON.parse(body || '{}');
				emitted.push({ postId: String(json.postId), text: String(json.text), execution: String(json.execution), at: Date.now() });
				res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
			} catch {
				res.writeHead(400).end();
			}
		});
	});
	return new Promise((resolve) => {
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			resolve({ url: `http://127.0.0.1:${port}/emitted`, emitted, close: () => server.close() });
		});
	});
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Execution ids a worker's log says it ran ("Worker started execution 12 (job 3)" in n8n 2.8.4). */
function executionsInLog(output: string): Set<string> {
	const ids = new Set<string>();
	for (const m of output.matchAll(/Worker (?:started|finished) execution (\d+)/g)) ids.add(m[1]);
	return ids;
}

async function main(): Promise<void> {
	const started = Date.now();
	const { tmp, userFolder, tmpDir, n8nBin: n8n, version } = await setUpCheck('publer-queue-', timings);

	const { pg, redis } = await timedStep(timings, 'start PostgreSQL and Redis', async () => {
		const pg = await startPostgres();
		pgToClean = pg;
		const redis = await startRedis(tmp);
		return { pg, redis };
	});
	log(`PostgreSQL: ${pg.origin}; Redis: ${redis.origin}`);

	// The sandbox runs in this process: a frozen clock moved on purpose, no rate limit (this is about exactly-once
	// delivery, not rate limits), 10 accounts per network so 10,000 scheduled posts stay under the daily caps.
	const sb = await startSandbox({ rateLimit: false, logBodies: false, maxLoggedRequests: 100_000, seed: { accountsPerNetwork: 10 } });
	const collector = await startCollector();
	const rotation = sb.accounts().filter((a) => ['twitter', 'mastodon', 'bluesky', 'threads'].includes(a.provider) && !a.needs_reauth);
	assert(rotation.length >= 20, `the sandbox has ${rotation.length} text-capable accounts to spread the posts over`);

	const values = { WORKSPACE_ID: sb.workspaceId, WEBHOOK_PATH: 'publer-queue', COLLECTOR_URL: collector.url };
	const credentialFile = path.join(tmp, 'credentials.json');
	fs.writeFileSync(credentialFile, JSON.stringify([{ id: 'publerSandbox1', name: 'Publer sandbox', type: 'publerApi', data: { apiKey: sb.apiKey, baseUrl: sb.baseUrl } }]));
	const workflowDir = path.join(ROOT, 'e2e', 'workflows', 'queue');
	const workflows: Record<string, { id: string; file: string }> = {};
	for (const file of fs.readdirSync(workflowDir).filter((f) => f.endsWith('.json'))) {
		const text = materialise(fs.readFileSync(path.join(workflowDir, file), 'utf8'), values);
		const out = path.join(tmp, `queue-${file}`);
		fs.writeFileSync(out, text);
		workflows[file.replace(/\.json$/, '')] = { id: JSON.parse(text).id, file: out };
	}

	const prefix = `publer-e2e-${Date.now().toString(36)}`;
	const env = await n8nEnv(userFolder, tmpDir, { ...queueEnv(pg, redis, prefix), N8N_CONCURRENCY_PRODUCTION_LIMIT: '-1' });
	const origin = `http://127.0.0.1:${env.N8N_PORT}`;

	await timedStep(timings, 'import (PostgreSQL migrations), credential, workflows, publish', () => {
		run(n8n, ['import:credentials', `--input=${credentialFile}`], { env });
		for (const wf of Object.values(workflows)) run(n8n, ['import:workflow', `--input=${wf.file}`], { env });
		for (const wf of Object.values(workflows)) run(n8n, ['publish:workflow', `--id=${wf.id}`], { env });
	});

	const workers: Proc[] = await timedStep(timings, 'start two workers and main', async () => {
		const ws: Proc[] = [];
		for (const name of ['worker-1', 'worker-2']) {
			const workerEnv = {
				...env,
				QUEUE_HEALTH_CHECK_PORT: String(await freePort()),
				N8N_RUNNERS_BROKER_PORT: String(await freePort()),
				N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			};
			ws.push(start(name, n8n, ['worker', '--concurrency=2'], { env: workerEnv, logFile: path.join(tmp, `n8n-${name}.log`) }));
		}
		for (const w of ws) await w.waitFor(/n8n worker is now ready|Worker ready/i, 120_000);
		const mainProc = start('n8n main', n8n, ['start'], { env, logFile: path.join(tmp, 'n8n-main.log') });
		await mainProc.waitFor(/Editor is now accessible/, 120_000);
		return ws;
	});
	assert(workers.every((w) => w.child.exitCode === null), 'main and two workers are up on PostgreSQL and Redis');

	const cookie = await signIn(origin);
	assert(cookie.startsWith('n8n-auth='), 'signed in to the n8n REST API');
	const auth = { Cookie: cookie };
	const types = await request('GET', `${origin}/types/nodes.json`, undefined, auth);
	const names = new Set((types.json as Array<{ name: string }>).map((t) => t.name));
	assert(names.has('n8n-nodes-publer.publer') && names.has('n8n-nodes-publer.publerTrigger'), 'main loaded n8n-nodes-publer.publer and .publerTrigger');

	// The trigger's activation poll (the baseline: nothing emitted) reads GET /posts.
	const baselineDeadline = Date.now() + 30_000;
	while (Date.now() < baselineDeadline && !sb.requests({ method: 'GET', path: '/posts' }).length) await sleep(250);
	const trigger = await request('GET', `${origin}/rest/workflows/${workflows.trigger.id}`, undefined, auth);
	assert(Boolean(trigger.json?.data?.activeVersionId || trigger.json?.data?.active) && sb.requests({ method: 'GET', path: '/posts' }).length > 0, 'the Publer Trigger workflow is active on main and its first poll read GET /posts');

	// 500 posts per execution; post g goes to account g mod A, every A posts one 15-minute slot later. The posts of
	// the first PUBLISHED_POSTS posts publish during the run; the others come 12 hours later.
	const t0 = Math.ceil((sb.clock.now().getTime() + 10 * 60_000) / 60_000) * 60_000;
	const at = (g: number) => t0 + Math.floor(g / rotation.length) * SLOT_MS + (g >= PUBLISHED_POSTS ? 12 * 3600_000 : 0);
	const body = (k: number) => ({
		posts: Array.from({ length: ITEMS }, (_, j) => {
			const g = k * ITEMS + j;
			return { account: rotation[g % rotation.length].id, text: `Queue ${prefix} execution ${k} post ${j}`, at: new Date(at(g)).toISOString() };
		}),
	});
	const hookUrl = `${origin}/webhook/${values.WEBHOOK_PATH}`;
	const finishedAt: number[] = [];
	const answers: Array<{ k: number; status: number; items: number; ok: number; ms: number }> = [];
	const execute = async (k: number) => {
		const t = Date.now();
		let res: Awaited<ReturnType<typeof request>> | undefined;
		for (let attempt = 0; attempt < 60; attempt++) {
			res = await request('POST', hookUrl, body(k));
			if (res.status !== 404) break; // 404: the route is not registered yet, nothing ran
			await sleep(500);
		}
		const list = Array.isArray(res?.json) ? (res!.json as Array<{ success?: boolean }>) : [];
		answers.push({ k, status: res?.status ?? 0, items: list.length, ok: list.filter((i) => i.success === true).length, ms: Date.now() - t });
		finishedAt.push(Date.now());
		if (res?.status !== 200) log(`execution ${k}: HTTP ${res?.status} ${res?.text.slice(0, 300)}`);
	};

	const createStarted = Date.now();
	await timedStep(timings, `phase 1: executions 0-${PUBLISHED_EXECUTIONS - 1} (the first ${PUBLISHED_POSTS} of their posts will publish)`, () =>
		Promise.all(Array.from({ length: PUBLISHED_EXECUTIONS }, (_, k) => execute(k))),
	);
	// Publish them: the sandbox clock passes the last of their times (the other posts are 12 hours later).
	const lastPublished = at(PUBLISHED_POSTS - 1);
	sb.clock.set(new Date(lastPublished + 2 * 60_000));
	const publishedAtMs = Date.now();
	log(`sandbox clock moved to ${sb.clock.now().toISOString()}: ${PUBLISHED_POSTS} posts are due`);

	await timedStep(timings, `phase 2: executions ${PUBLISHED_EXECUTIONS}-${EXECUTIONS - 1}, ${PARALLEL} at a time, while the trigger polls`, async () => {
		const spacing = MIN_PHASE2_MS / Math.max(1, EXECUTIONS - PUBLISHED_EXECUTIONS);
		let next = PUBLISHED_EXECUTIONS;
		const lane = async () => {
			while (next < EXECUTIONS) {
				const k = next++;
				const t = Date.now();
				await execute(k);
				await sleep(Math.max(0, spacing * PARALLEL - (Date.now() - t)));
			}
		};
		await Promise.all(Array.from({ length: PARALLEL }, lane));
	});
	const createFinished = Date.now();
	timings['20 executions, wall time'] = Math.round((createFinished - createStarted) / 100) / 10;

	answers.sort((a, b) => a.k - b.k);
	assert(answers.length === EXECUTIONS && answers.every((a) => a.status === 200 && a.items === ITEMS && a.ok === ITEMS), `all ${EXECUTIONS} webhook calls answered 200 with ${ITEMS} successful items each (per call: ${answers.map((a) => `${(a.ms / 1000).toFixed(1)}s`).join(' ')})`);

	// Which worker ran which execution.
	const list = await request('GET', `${origin}/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: workflows.create.id }))}&limit=100`, undefined, auth);
	const executions = ((list.json?.data?.results ?? []) as Array<{ id: string; status: string; mode: string }>).map((e) => ({ ...e, id: String(e.id) }));
	assert(executions.length === EXECUTIONS && executions.every((e) => e.status === 'success'), `n8n recorded ${executions.length} executions of the create workflow, all successful (${[...new Set(executions.map((e) => e.status))].join(', ')})`);
	const ran = workers.map((w) => executionsInLog(w.output()));
	const byWorker: Record<string, string[]> = { 'worker-1': [], 'worker-2': [] };
	const nowhere: string[] = [];
	const twice: string[] = [];
	for (const e of executions) {
		const on = workers.filter((_, i) => ran[i].has(e.id)).map((w) => w.name);
		if (on.length === 0) nowhere.push(e.id);
		if (on.length > 1) twice.push(e.id);
		for (const name of on) byWorker[name].push(e.id);
	}
	const split = Object.entries(byWorker).map(([name, ids]) => `${name}: ${ids.length} (executions ${ids.sort((a, b) => Number(a) - Number(b)).join(', ')})`);
	log(`executions per worker: ${split.join('; ')}`);
	assert(nowhere.length === 0 && twice.length === 0, `every execution ran on exactly one worker (not found: ${nowhere.join(',') || 'none'}; on two: ${twice.join(',') || 'none'})`);
	assert(byWorker['worker-1'].length > 0 && byWorker['worker-2'].length > 0, `both workers ran executions (${byWorker['worker-1'].length} + ${byWorker['worker-2'].length})`);

	// Exactly once in the sandbox.
	const posts = (sb.posts(sb.workspaceId) as Array<{ id: string; text: string; state: string }>).filter((p) => p.text?.startsWith(`Queue ${prefix} `));
	const texts = new Set(posts.map((p) => p.text));
	const duplicates = posts.length - texts.size;
	const perExecution = new Map<number, number>();
	for (const p of posts) {
		const k = Number(/execution (\d+) /.exec(p.text)?.[1]);
		perExecution.set(k, (perExecution.get(k) ?? 0) + 1);
	}
	const bulkRequests = sb.requests({ method: 'POST', path: '/posts/schedule' }).length;
	assert(posts.length === EXECUTIONS * ITEMS && duplicates === 0, `the sandbox holds ${posts.length} posts of this run with ${duplicates} duplicates (expected ${EXECUTIONS * ITEMS}, 0)`);
	assert([...Array(EXECUTIONS).keys()].every((k) => perExecution.get(k) === ITEMS), `${ITEMS} posts from each of the ${EXECUTIONS} executions`);
	assert(bulkRequests === EXECUTIONS, `${bulkRequests} bulk requests (POST /posts/schedule) for ${EXECUTIONS} executions: no execution was submitted twice`);

	// The trigger: each published post emitted once, while the workers ran.
	const published = posts.filter((p) => p.state?.startsWith('published'));
	const expectedIds = new Set(published.map((p) => p.id));
	assert(published.length === PUBLISHED_POSTS && published.every((p) => /execution 0 /.test(p.text)), `${published.length} posts published (the first ${PUBLISHED_POSTS} of execution 0); the other ${posts.length - published.length} are still scheduled`);
	await timedStep(timings, 'wait for the trigger to emit every published post', async () => {
		// About 2 polls of a minute (see PUBLISHED_POSTS); the bound leaves room for a loaded machine.
		const deadline = Date.now() + 240_000;
		while (Date.now() < deadline && new Set(collector.emitted.map((e) => e.postId)).size < expectedIds.size) await sleep(500);
	});
	// One more poll after the emissions: it must emit nothing again. (Request times in the sandbox log are on the
	// sandbox clock, so polls are counted: each poll reads page 0 of GET /posts first.)
	const polls = () => sb.requests({ method: 'GET', path: '/posts' }).filter((r) => String(r.query?.page ?? '0') === '0').length;
	const pollsBefore = polls();
	await timedStep(timings, 'wait for the next poll (no re-emission)', async () => {
		const deadline = Date.now() + 90_000;
		while (Date.now() < deadline && polls() <= pollsBefore) await sleep(500);
		await sleep(10_000); // an emission would reach the collector within seconds of the poll
		assert(polls() > pollsBefore, `the trigger polled again after its emissions (${polls()} polls in all)`);
	});
	const emittedIds = collector.emitted.map((e) => e.postId);
	const distinct = new Set(emittedIds);
	const triggerExecutions = new Set(collector.emitted.map((e) => e.execution));
	const missing = [...expectedIds].filter((id) => !distinct.has(id));
	const unexpected = [...distinct].filter((id) => !expectedIds.has(id));
	const firstEmission = Math.min(...collector.emitted.map((e) => e.at));
	const triggerOnWorkers = [...triggerExecutions].map((id) => workers.filter((_, i) => executionsInLog(workers[i].output()).has(id)).map((w) => w.name).join('+') || 'unknown');
	assert(emittedIds.length === expectedIds.size && distinct.size === expectedIds.size && missing.length === 0 && unexpected.length === 0, `the Publer Trigger emitted ${emittedIds.length} items for ${distinct.size} distinct posts (expected ${expectedIds.size}; missing ${missing.length}, unexpected ${unexpected.length}, duplicates ${emittedIds.length - distinct.size}) in ${triggerExecutions.size} trigger execution(s)`);
	assert(firstEmission < createFinished, `the trigger emitted while the workers were still running the create executions (first emission ${((firstEmission - publishedAtMs) / 1000).toFixed(1)} s after the posts became due, ${((createFinished - firstEmission) / 1000).toFixed(1)} s before the last create execution finished)`);
	log(`trigger executions ran on: ${triggerOnWorkers.join(', ')}`);

	Object.assign(report, {
		n8n: version,
		postgres: pg.origin,
		redis: redis.origin,
		executions: EXECUTIONS,
		itemsPerExecution: ITEMS,
		workers: Object.fromEntries(Object.entries(byWorker).map(([n, ids]) => [n, ids.length])),
		executionsByWorker: byWorker,
		posts: posts.length,
		duplicates,
		bulkRequests,
		published: published.length,
		triggerItems: emittedIds.length,
		triggerDistinctPosts: distinct.size,
		triggerDuplicates: emittedIds.length - distinct.size,
		triggerExecutions: triggerExecutions.size,
		triggerExecutionsOnWorkers: triggerOnWorkers,
	});
	log(`EXACTLY-ONCE: ${posts.length} posts created for ${EXECUTIONS} x ${ITEMS} items, ${duplicates} duplicates; workers ${byWorker['worker-1'].length}/${byWorker['worker-2'].length}; ${published.length} published, ${emittedIds.length} trigger items, ${distinct.size} distinct, ${emittedIds.length - distinct.size} duplicates, ${triggerExecutions.size} trigger executions`);
	timings.total = Math.round((Date.now() - started) / 100) / 10;
	log(`queue-mode check passed in ${timings.total} s: ${JSON.stringify(timings)}`);
	collector.close();
	await sb.close();
	await stopAll();
	fs.rmSync(tmp, { recursive: true, force: true });
}

runCheck('queue', main, { extra: () => ({ timings, ...report }), cleanup: () => pgToClean?.cleanup(), exit: true });
