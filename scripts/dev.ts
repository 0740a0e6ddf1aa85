/*
 * `npm run dev`: the editor experience in one command.
 *   1. the local Publer sandbox (port 4010, or a free port if taken);
 *   2. a real n8n 2.8.4: the cached install of e2e/n8n (installed on first use, with a progress line);
 *   3. this package built, packed and installed into $N8N_USER_FOLDER/.n8n/nodes as n8n's community-package
 *      installer does (node types n8n-nodes-publer.*, exactly as users get them);
 *   4. a credential "Publer sandbox" pointing at the sandbox (id publerApiCredential: the examples use that id),
 *      and the six examples/*.json imported (first run only, so your edits to them survive restarts);
 *   5. n8n started on 127.0.0.1 (port 5678, or a free port), an owner account set up, and the editor URL printed.
 * Ctrl-C stops everything (n8n and its task runner, the sandbox). `npm run dev -- --watch` rebuilds, reinstalls
 * and restarts n8n when nodes/ or credentials/ change (debounced). The n8n user folder is .n8n-dev/ (gitignored;
 * PUBLER_DEV_USER_FOLDER moves it). Options: --port N (n8n), --n8n pinned|v1|latest (another installed n8n).
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

import { buildAndPack, ensureInstall, installTarballAsN8nDoes, TARGETS, type N8nTarget } from '../e2e/installs';
import { DEV_OWNER, ROOT, freePort, n8nEnv, run, setupOwner, start, stopAll, type Proc } from '../e2e/lib';
const CREDENTIAL_ID = 'publerApiCredential';

const argValue = (name: string) => process.argv.find((_, i) => process.argv[i - 1] === name) ?? process.argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
const watch = process.argv.includes('--watch');
const target = TARGETS[(argValue('--n8n') ?? 'pinned') as N8nTarget['id']];
if (!target) throw new Error('--n8n takes pinned, v1 or latest');
const userFolder = path.resolve(process.env.PUBLER_DEV_USER_FOLDER || path.join(ROOT, '.n8n-dev'));

function say(message: string): void {
	process.stdout.write(`[dev ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

async function portFree(port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

async function pickPort(wanted: number | undefined, preferred: number): Promise<number> {
	if (wanted) {
		if (!(await portFree(wanted))) throw new Error(`Port ${wanted} is in use on 127.0.0.1`);
		return wanted;
	}
	return (await portFree(preferred)) ? preferred : await freePort();
}

let shuttingDown = false;
let n8n: Proc | undefined;
let watchers: fs.FSWatcher[] = [];

async function shutdown(code: number): Promise<void> {
	if (shuttingDown) return; // Ctrl-C reaches this process both from the terminal and through tsx
	shuttingDown = true;
	for (const w of watchers) w.close();
	say('stopping n8n and the sandbox');
	await stopAll();
	say('stopped');
	process.exit(code);
}

/** Build, pack and install the package into the user folder as n8n's community-package installer does. */
function buildAndInstall(tmp: string, nodesDir: string): void {
	for (const old of fs.readdirSync(tmp).filter((f) => f.endsWith('.tgz'))) fs.rmSync(path.join(tmp, old));
	installTarballAsN8nDoes(buildAndPack(tmp), nodesDir);
}

async function main(): Promise<void> {
	const started = Date.now();
	process.on('SIGINT', () => void shutdown(0));
	process.on('SIGTERM', () => void shutdown(0));

	say(`n8n ${target.version}: install (first use only) or reuse the cache`);
	const installed = await ensureInstall(target);
	const env0: NodeJS.ProcessEnv = installed.nodeBinDir ? { ...process.env, PATH: `${installed.nodeBinDir}${path.delimiter}${process.env.PATH}` } : { ...process.env };

	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const tmp = path.join(userFolder, 'tmp');
	fs.mkdirSync(nodesDir, { recursive: true });
	fs.mkdirSync(tmp, { recursive: true });
	say('building the package and installing it into n8n as a community package');
	buildAndInstall(tmp, nodesDir);

	const sandboxPort = await pickPort(undefined, 4010);
	const sandbox = start('sandbox', path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['sandbox/cli.ts', '--port', String(sandboxPort)], { logFile: path.join(userFolder, 'sandbox.log') });
	await sandbox.waitFor(/Workspace id:/, 30_000);
	const sandboxOrigin = `http://127.0.0.1:${sandboxPort}`;
	// The key as the CLI prints it (the sandbox's control routes need a control key of their own).
	const apiKey = sandbox.output().match(/API key:\s+(\S+)/)?.[1];
	if (!apiKey) throw new Error(`The sandbox printed no API key:\n${sandbox.output().slice(0, 2000)}`);

	const port = await pickPort(argValue('--port') ? Number(argValue('--port')) : undefined, 5678);
	const env = await n8nEnv(userFolder, tmp, { N8N_PORT: String(port), N8N_COMMUNITY_PACKAGES_ALLOW_TOOL_USAGE: 'true', DB_SQLITE_POOL_SIZE: '2' }, env0);

	// The credential follows the sandbox's port on every start; the examples are imported once.
	const credentialFile = path.join(tmp, 'credential.json');
	fs.writeFileSync(credentialFile, JSON.stringify([{ id: CREDENTIAL_ID, name: 'Publer sandbox', type: 'publerApi', data: { apiKey, baseUrl: `${sandboxOrigin}/api/v1` } }]));
	run(installed.n8nBin, ['import:credentials', `--input=${credentialFile}`], { env });
	fs.rmSync(credentialFile);
	const marker = path.join(userFolder, 'examples-imported');
	const examples = fs.readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.json'));
	if (!fs.existsSync(marker)) {
		say(`importing ${examples.length} examples`);
		// One n8n process for all of them (each CLI start costs seconds); the CLI needs an id, the editor does not.
		const dir = path.join(tmp, 'examples');
		fs.mkdirSync(dir, { recursive: true });
		for (const [index, file] of examples.entries()) {
			const wf = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples', file), 'utf8'));
			wf.id ??= `PublerExample${String(index).padStart(2, '0')}`;
			fs.writeFileSync(path.join(dir, file), JSON.stringify(wf));
		}
		run(installed.n8nBin, ['import:workflow', '--separate', `--input=${dir}`], { env });
		fs.rmSync(dir, { recursive: true, force: true });
		fs.writeFileSync(marker, new Date().toISOString());
	}

	const n8nLog = path.join(userFolder, 'n8n.log');
	const startN8n = async (): Promise<void> => {
		n8n = start(`n8n ${target.version}`, installed.n8nBin, ['start'], { env, logFile: n8nLog });
		const proc = n8n;
		proc.child.on('exit', (code, signal) => {
			if (shuttingDown || proc !== n8n) return;
			say(`n8n exited (${code ?? signal}); its log: ${path.relative(ROOT, n8nLog)}\n${proc.output().slice(-2000)}`);
			if (!watch) void shutdown(1);
			else say('waiting for a source change to start it again');
		});
		await proc.waitFor(/Editor is now accessible/, 180_000);
	};
	say(`starting n8n ${target.version} (log: ${path.relative(ROOT, n8nLog) || n8nLog})`);
	await startN8n();
	const origin = `http://127.0.0.1:${port}`;
	const setup = await setupOwner(origin, DEV_OWNER);
	const owner = setup.status === 200 ? 'created' : 'already set up';

	process.stdout.write(
		[
			'',
			`  n8n ${target.version} with n8n-nodes-publer ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
			`  Editor: ${origin}/`,
			`  Sign in: ${DEV_OWNER.email} / ${DEV_OWNER.password} (owner ${owner}; local dev instance only)`,
			`  Credential "Publer sandbox" → Publer sandbox at ${sandboxOrigin}; ${examples.length} examples in the workflow list`,
			`  User folder: ${path.relative(ROOT, userFolder) || userFolder}${watch ? '; watching nodes/ and credentials/' : ''}`,
			'  Ctrl-C stops everything.',
			'',
		].join('\n') + '\n',
	);

	if (!watch) return;
	let timer: NodeJS.Timeout | undefined;
	let busy = false;
	let again = false;
	const rebuild = async (): Promise<void> => {
		if (busy) {
			again = true;
			return;
		}
		busy = true;
		const t0 = Date.now();
		try {
			say('change detected: rebuilding');
			buildAndInstall(tmp, nodesDir);
			const built = Date.now();
			const old = n8n;
			n8n = undefined;
			if (old) await old.stop();
			if (shuttingDown) return;
			await startN8n();
			say(`rebuilt in ${((built - t0) / 1000).toFixed(1)} s, n8n restarted in ${((Date.now() - built) / 1000).toFixed(1)} s: reload the editor (${origin}/)`);
		} catch (error) {
			say(`rebuild failed, n8n keeps the previous build:\n${(error as Error).message.slice(0, 4000)}`);
		} finally {
			busy = false;
			if (again && !shuttingDown) {
				again = false;
				void rebuild();
			}
		}
	};
	watchers = ['nodes', 'credentials'].map((dir) =>
		fs.watch(path.join(ROOT, dir), { recursive: true }, () => {
			clearTimeout(timer);
			timer = setTimeout(() => void rebuild(), 500);
		}),
	);
}

main().catch(async (error) => {
	say(`failed: ${error instanceof Error ? error.message : String(error)}`);
	await shutdown(1);
});
