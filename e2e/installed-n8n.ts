/*
 * The installed-package check: installs n8n@2.8.4 in e2e/n8n (its own lockfile and the xlsx override live
 * there, never in the published package), packs this package, installs the tarball into
 * $N8N_USER_FOLDER/.n8n/nodes exactly as n8n's community-package installer does, imports a credential that
 * points at the local sandbox and the workflows in e2e/workflows, and asserts:
 *   1. `n8n execute --id` runs a workflow with the Publer node (node type n8n-nodes-publer.publer) and a post
 *      reaches the sandbox with the right headers;
 *   2. under `n8n start`: both node types load, the credential test passes, a webhook workflow runs, and a
 *      workflow with the Publer Trigger activates (its first poll succeeds), and the Fit Text examples run as
 *      manual executions with pinned trigger data (e2e/examples-run.ts);
 *   3. queue mode (`--queue`, default on): Redis + main + one `n8n worker`; the webhook execution and the
 *      examples' manual executions run on the worker.
 * Run alone: `npm run test:installed` (add `-- --no-queue` to skip queue mode). Loopback only; every process
 * is stopped by PID. The n8n install is cached in $PUBLER_E2E_CACHE (default /var/cache/n8n-nodes-publer),
 * keyed by the lockfile's hash (see e2e/installs.ts).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { checkEditor, editorCheckAvailable } from './editor';
import { runFitTextExamples } from './examples-run';
import { setUpCheck, TARGETS } from './installs';
import { ROOT, assert, freePort, http, log, materialise, n8nEnv, run, runCheck, signIn, start, timedStep, type Proc } from './lib';

const E2E = path.join(ROOT, 'e2e');
// The stretch check (another n8n on another Node) points these elsewhere: PUBLER_E2E_N8N_DIR is a folder with an
// installed n8n, PUBLER_E2E_NODE_BIN_DIR a folder holding the `node` to run it with, PUBLER_E2E_N8N_VERSION its version.
const N8N_DIR = process.env.PUBLER_E2E_N8N_DIR || path.join(E2E, 'n8n');
const N8N_BIN = path.join(N8N_DIR, 'node_modules', '.bin', 'n8n');
const EXPECTED_VERSION = process.env.PUBLER_E2E_N8N_VERSION || TARGETS.pinned.version;
// n8n 2.x activates a workflow with `publish:workflow`; 1.x (the compatibility matrix) with `update:workflow --active`.
const activate = (id: string) => (Number(EXPECTED_VERSION.split('.')[0]) >= 2 ? ['publish:workflow', `--id=${id}`] : ['update:workflow', `--id=${id}`, '--active=true']);
if (process.env.PUBLER_E2E_NODE_BIN_DIR) process.env.PATH = `${process.env.PUBLER_E2E_NODE_BIN_DIR}${path.delimiter}${process.env.PATH}`;
const withQueue = !process.argv.includes('--no-queue');
const withEditor = process.argv.includes('--editor');
const hasTrigger = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).n8n.nodes as string[]).some((n) => n.includes('PublerTrigger'));
const timings: Record<string, number> = {};

interface NodeTypeDescription {
	name: string;
	version: number | number[];
	properties: Array<{ name: string }>;
}

/** Every node of every example exists in the installed n8n, in its typeVersion, with parameters it defines. */
function checkExamples(types: NodeTypeDescription[]): void {
	const dir = path.join(ROOT, 'examples');
	if (!fs.existsSync(dir)) return;
	const byName = new Map<string, NodeTypeDescription[]>();
	for (const t of types) byName.set(t.name, [...(byName.get(t.name) ?? []), t]);
	let nodes = 0;
	for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
		const wf = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
		for (const node of wf.nodes as Array<{ name: string; type: string; typeVersion: number; parameters: Record<string, unknown> }>) {
			if (node.type === 'n8n-nodes-base.stickyNote') continue;
			const candidates = byName.get(node.type) ?? [];
			if (!candidates.length) throw new Error(`examples/${file}: node "${node.name}" has type ${node.type}, which the installed n8n does not know`);
			const description = candidates.find((c) => (Array.isArray(c.version) ? c.version : [c.version]).includes(node.typeVersion));
			if (!description) throw new Error(`examples/${file}: node "${node.name}" uses ${node.type} version ${node.typeVersion}, which the installed n8n does not have`);
			const known = new Set(description.properties.map((p) => p.name));
			for (const key of Object.keys(node.parameters ?? {})) {
				if (!known.has(key)) throw new Error(`examples/${file}: node "${node.name}" (${node.type} v${node.typeVersion}) has a parameter "${key}" that the node does not define`);
			}
			nodes++;
		}
	}
	assert(nodes > 0, `every node of examples/*.json (${nodes} nodes) exists in n8n ${EXPECTED_VERSION} in its version, with parameters it defines`);
}

async function main(): Promise<void> {
	const started = Date.now();
	// The matrix installs its n8n first and points PUBLER_E2E_N8N_DIR at it (ensureInstall finds it in place), and
	// builds and packs once, handing the tarball to each run (PUBLER_E2E_TARBALL).
	const { tmp, userFolder, tmpDir, packageDir } = await setUpCheck('publer-e2e-', timings, { ...TARGETS.pinned, version: EXPECTED_VERSION, n8nDir: N8N_DIR });
	assert(!fs.existsSync(path.join(packageDir, 'node_modules', 'n8n-workflow')), 'the installed package pulled in no n8n-workflow of its own (peer dropped)');

	const sandboxPort = await freePort();
	const sandboxControlKey = crypto.randomBytes(16).toString('hex'); // the sandbox's control routes need it
	const control = { 'X-Sandbox-Control-Key': sandboxControlKey };
	const sandbox = start('sandbox', path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['sandbox/cli.ts', '--port', String(sandboxPort), '--control-key', sandboxControlKey], { logFile: path.join(tmp, 'sandbox.log') });
	await sandbox.waitFor(/Workspace id:/, 20_000);
	const sandboxOrigin = `http://127.0.0.1:${sandboxPort}`;
	const info = (await http('GET', `${sandboxOrigin}/__sandbox/info`, undefined, control)).json;
	const account = (info.accounts as Array<{ id: string; provider: string }>).find((a) => a.provider === 'mastodon');
	assert(info.apiKey && info.workspaceId && account, 'sandbox is up with a key, a workspace and a Mastodon account');

	const values = {
		API_KEY: info.apiKey,
		BASE_URL: `${sandboxOrigin}/api/v1`,
		WORKSPACE_ID: info.workspaceId,
		ACCOUNT_ID: account!.id,
		WEBHOOK_PATH: 'publer-e2e',
	};
	const credentialFile = path.join(tmp, 'credentials.json');
	// The examples (run under `n8n start`, e2e/examples-run.ts) name their credential by the id publerApiCredential.
	const credentials = [
		{ id: 'publerSandbox1', name: 'Publer sandbox' },
		{ id: 'publerApiCredential', name: 'Publer account' },
	].map((c) => ({ ...c, type: 'publerApi', data: { apiKey: values.API_KEY, baseUrl: values.BASE_URL } }));
	fs.writeFileSync(credentialFile, JSON.stringify(credentials));
	const workflowFiles = fs.readdirSync(path.join(E2E, 'workflows')).filter((f) => f.endsWith('.json'));
	const workflows: Record<string, { id: string; name: string }> = {};
	for (const file of workflowFiles) {
		const text = materialise(fs.readFileSync(path.join(E2E, 'workflows', file), 'utf8'), values);
		const wf = JSON.parse(text);
		workflows[file.replace(/\.json$/, '')] = { id: wf.id, name: wf.name };
		fs.writeFileSync(path.join(tmp, file), text);
	}

	const baseEnv = await n8nEnv(userFolder, tmpDir, { DB_SQLITE_POOL_SIZE: '2', N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false' });
	const n8nPort = Number(baseEnv.N8N_PORT);

	await timedStep(timings, 'import credential and workflows', () => {
		run(N8N_BIN, ['import:credentials', `--input=${credentialFile}`], { env: baseEnv });
		// One n8n process imports every workflow (`--separate` reads a folder): each CLI start costs 5 s or more.
		const importDir = path.join(tmp, 'import');
		fs.mkdirSync(importDir, { recursive: true });
		for (const file of workflowFiles) fs.copyFileSync(path.join(tmp, file), path.join(importDir, file));
		const examplesDir = path.join(ROOT, 'examples');
		if (fs.existsSync(examplesDir)) {
			for (const [index, file] of fs.readdirSync(examplesDir).filter((f) => f.endsWith('.json')).entries()) {
				// The editor's "Import from File" needs no id; the CLI of newer n8n versions does.
				const wf = JSON.parse(fs.readFileSync(path.join(examplesDir, file), 'utf8'));
				wf.id ??= `PublerExample${String(index).padStart(2, '0')}`;
				fs.writeFileSync(path.join(importDir, `example-${file}`), JSON.stringify(wf));
			}
		}
		run(N8N_BIN, ['import:workflow', '--separate', `--input=${importDir}`], { env: baseEnv });
	});

	// 1. n8n execute --id
	await timedStep(timings, 'n8n execute --id', async () => {
		await http('DELETE', `${sandboxOrigin}/__sandbox/requests`, undefined, control);
		const result = run(N8N_BIN, ['execute', `--id=${workflows.execute.id}`, '--rawOutput'], { env: baseEnv, allowFail: true });
		if (result.code !== 0) throw new Error(`n8n execute failed (${result.code}):\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-4000)}`);
		const json = result.stdout.slice(result.stdout.indexOf('{'));
		const runData = JSON.parse(json);
		const nodes = runData.data?.resultData?.runData ?? runData.resultData?.runData ?? {};
		assert(!runData.data?.resultData?.error, 'the execution finished without an error');
		const me = nodes['Get Me']?.[0]?.data?.main?.[0]?.[0]?.json;
		assert(me?.id, `Publer node (n8n-nodes-publer.publer) ran in the installed n8n: user ${me?.id}`);
		const accounts = nodes['Get Accounts']?.[0]?.data?.main?.[0] ?? [];
		assert(accounts.length >= 1, `Account → Get Many returned ${accounts.length} account(s)`);
		const requests = (await http('GET', `${sandboxOrigin}/__sandbox/requests`, undefined, control)).json as Array<any>;
		const list = Array.isArray(requests) ? requests : (requests as any).requests;
		assert(list.some((r: any) => r.path === '/accounts' && r.headers['publer-workspace-id'] === values.WORKSPACE_ID && /^Bearer-API \*+/.test(r.headers.authorization)), 'the sandbox saw GET /accounts with Bearer-API auth and the Publer-Workspace-Id header');
		const created = nodes['Create Post']?.[0]?.data?.main?.[0] ?? [];
		assert(created.length === 1 && created[0].json.success === true && created[0].json.jobId, `Post → Create returned one successful item (job ${created[0]?.json?.jobId})`);
		const post = list.find((r: any) => r.method === 'POST' && r.path === '/posts/schedule');
		assert(post && post.headers['publer-workspace-id'] === values.WORKSPACE_ID && /^Bearer-API \*+/.test(post.headers.authorization) && /application\/json/.test(post.headers['content-type']), 'a post reached the sandbox with the auth, workspace and JSON headers');
		const stored = ((await http('GET', `${sandboxOrigin}/__sandbox/posts`, undefined, control)).json as Array<any>).filter((p) => p.text === 'Scheduled from an installed n8n by n8n-nodes-publer');
		assert(stored.length === 1 && stored[0].account_id === values.ACCOUNT_ID && /^scheduled/.test(stored[0].state), `the sandbox holds the post once, scheduled on the Mastodon account (${stored[0]?.scheduled_at})`);
	});

	// 2. n8n start: node types, credential test, webhook, trigger activation
	const mainLog = path.join(tmp, 'n8n-main.log');
	const runStart = async (label: string, env: NodeJS.ProcessEnv, workerEnv?: NodeJS.ProcessEnv) => {
		run(N8N_BIN, activate(workflows.webhook.id), { env, allowFail: false });
		if (workflows.trigger) run(N8N_BIN, activate(workflows.trigger.id), { env, allowFail: false });
		let worker: Proc | undefined;
		if (workerEnv) {
			worker = start('n8n worker', N8N_BIN, ['worker', '--concurrency=2'], { env: workerEnv, logFile: path.join(tmp, 'n8n-worker.log') });
			await worker.waitFor(/n8n worker is now ready|Worker ready|ready/i, 90_000);
		}
		await http('DELETE', `${sandboxOrigin}/__sandbox/requests`, undefined, control);
		const main = start(`n8n main (${label})`, N8N_BIN, ['start'], { env, logFile: mainLog });
		await main.waitFor(/Editor is now accessible/, 120_000);
		const origin = `http://127.0.0.1:${n8nPort}`;

		const cookie = await signIn(origin);
		assert(cookie.startsWith('n8n-auth='), `${label}: signed in to the n8n REST API`);
		const auth = { Cookie: cookie };

		const types = await http('GET', `${origin}/types/nodes.json`, undefined, auth);
		const names = new Set((types.json as Array<{ name: string }>).map((t) => t.name));
		assert(names.has('n8n-nodes-publer.publer'), `${label}: node type n8n-nodes-publer.publer is loaded`);
		if (hasTrigger) assert(names.has('n8n-nodes-publer.publerTrigger'), `${label}: node type n8n-nodes-publer.publerTrigger is loaded`);
		if (label === 'regular mode') checkExamples(types.json as NodeTypeDescription[]);
		const credTypes = await http('GET', `${origin}/types/credentials.json`, undefined, auth);
		assert((credTypes.json as Array<{ name: string }>).some((t) => t.name === 'publerApi'), `${label}: credential type publerApi is loaded`);

		// As the editor does: read the credential (the key comes back redacted) and send it to the test endpoint.
		const stored = await http('GET', `${origin}/rest/credentials/publerSandbox1?includeData=true`, undefined, auth);
		assert(stored.status === 200 && !JSON.stringify(stored.json).includes(values.API_KEY), `${label}: the stored credential is readable and its key is redacted`);
		const test = await http('POST', `${origin}/rest/credentials/test`, { credentials: { id: 'publerSandbox1', name: 'Publer sandbox', type: 'publerApi', data: stored.json.data.data } }, auth);
		assert(test.json?.data?.status === 'OK', `${label}: the credential test passes (${JSON.stringify(test.json?.data ?? test.text).slice(0, 120)})`);

		// The trigger's activation poll happened at start-up: it must have read the sandbox's posts.
		const beforeHook = (await http('GET', `${sandboxOrigin}/__sandbox/requests`, undefined, control)).json as Array<any>;
		const triggerPolled = beforeHook.some((r) => r.method === 'GET' && r.path === '/posts' && r.status === 200);
		// The Fit Text examples as manual executions (after the trigger's first poll is read: they clear the request log).
		if (label === 'regular mode') {
			await timedStep(timings, 'Fit Text examples (manual runs)', () => runFitTextExamples({ origin, auth, sandboxOrigin, control, n8nDir: N8N_DIR, label }));
		}
		if (withEditor && label === 'regular mode') {
			if (!editorCheckAvailable()) throw new Error('--editor needs Debian chromium (apt-get install chromium)');
			await timedStep(timings, 'editor check in headless Chromium', () =>
				checkEditor({ origin, cookie, workflowId: workflows.execute.id, nodeName: 'Create Post', sandboxOrigin, sandboxControlKey, screenshotDir: process.env.PUBLER_E2E_SCREENSHOTS || tmp }),
			);
		}

		await http('DELETE', `${sandboxOrigin}/__sandbox/requests`, undefined, control);
		let hook: Awaited<ReturnType<typeof http>> | undefined;
		const deadline = Date.now() + 30_000;
		while (Date.now() < deadline) {
			hook = await http('POST', `${origin}/webhook/${values.WEBHOOK_PATH}`, { title: `E2E ${label} ${Date.now()}` });
			if (hook.status !== 404) break;
			await new Promise((r) => setTimeout(r, 500));
		}
		assert(hook && hook.status === 200, `${label}: the webhook workflow answered ${hook?.status} ${hook?.text.slice(0, 200)}`);
		const requests = (await http('GET', `${sandboxOrigin}/__sandbox/requests`, undefined, control)).json;
		const list = Array.isArray(requests) ? requests : requests.requests;
		assert(list.some((r: any) => r.method === 'POST' && r.path === '/posts/schedule' && r.headers['publer-workspace-id'] === values.WORKSPACE_ID && /^Bearer-API /.test(r.headers.authorization) && r.body?.bulk?.state === 'draft'), `${label}: the webhook run posted a draft to the sandbox with the right headers`);

		if (workflows.trigger) {
			const wf = await http('GET', `${origin}/rest/workflows/${workflows.trigger.id}`, undefined, auth);
			const active = wf.json?.data?.active === true || Boolean(wf.json?.data?.activeVersionId);
			const activationError = await http('GET', `${origin}/rest/active-workflows/error/${workflows.trigger.id}`, undefined, auth);
			assert(active && !activationError.json?.data && triggerPolled, `${label}: the Publer Trigger workflow is active and its first poll read the sandbox (GET /posts)`);
		}
		let ranOnWorker = false;
		if (worker) {
			const wdeadline = Date.now() + 20_000;
			while (Date.now() < wdeadline && !/Worker (started|finished) execution|Execution .* (started|finished)|job .* finished|Workflow execution finished/i.test(worker.output())) await new Promise((r) => setTimeout(r, 250));
			ranOnWorker = /Worker (started|finished) execution|Execution .* (started|finished)|job .* finished|Workflow execution finished/i.test(worker.output());
			assert(ranOnWorker, `${label}: the execution ran on the worker (worker log: ${worker.output().split('\n').filter((l) => /execution|job/i.test(l)).slice(-3).join(' | ')})`);
			// Manual executions go to the worker too (OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS=true).
			const { executions } = await timedStep(timings, 'Fit Text examples on the worker (manual runs)', () => runFitTextExamples({ origin, auth, sandboxOrigin, control, n8nDir: N8N_DIR, label }));
			const onWorker = () => executions.every((id) => worker!.output().includes(`Worker finished execution ${id} `));
			for (let i = 0; i < 20 && !onWorker(); i++) await new Promise((r) => setTimeout(r, 250));
			assert(onWorker(), `${label}: the examples' manual executions (${executions.join(', ')}) ran on the worker`);
		}
		await main.stop();
		if (worker) await worker.stop();
	};

	await timedStep(timings, 'n8n start (regular mode)', () => runStart('regular mode', baseEnv));

	if (withQueue) {
		await timedStep(timings, 'queue mode (redis + main + worker)', async () => {
			const redisPort = await freePort();
			const redis = start('redis', 'redis-server', ['--bind', '127.0.0.1', '--port', String(redisPort), '--save', '', '--appendonly', 'no'], { logFile: path.join(tmp, 'redis.log') });
			await redis.waitFor(/Ready to accept connections/, 15_000);
			const queueEnv = { ...baseEnv, EXECUTIONS_MODE: 'queue', QUEUE_BULL_REDIS_HOST: '127.0.0.1', QUEUE_BULL_REDIS_PORT: String(redisPort), OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true' };
			const workerEnv = {
				...queueEnv,
				QUEUE_HEALTH_CHECK_PORT: String(await freePort()),
				N8N_RUNNERS_BROKER_PORT: String(await freePort()),
				N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			};
			await runStart('queue mode', queueEnv, workerEnv);
			await redis.stop();
		});
	}

	log(`installed-n8n check passed in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(timings)}`);
	fs.rmSync(tmp, { recursive: true, force: true });
}

// The matrix names the summary file of each of its runs (PUBLER_E2E_SUMMARY).
runCheck('installed-n8n', main, { summaryFile: process.env.PUBLER_E2E_SUMMARY || 'installed-summary.json' });
