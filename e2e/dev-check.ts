/*
 * Check of `npm run dev` (`npm run test:dev`): runs it as a child in its own process group (as a terminal would),
 * with a fresh user folder and a free port, waits for the editor URL, then
 *   - over the REST API: the six examples are in the workflow list, the credential "Publer sandbox" (publerApi)
 *     exists and its test passes against the sandbox, both node types are loaded as a community package;
 *   - in Debian's headless Chromium (playwright-core from e2e/browser): signs in with the printed account, sees
 *     the examples in the workflow list and the credential in the credentials list (screenshots kept in
 *     test-results/);
 *   - sends SIGINT to the group (Ctrl-C) and asserts every process it started (npm, tsx, the sandbox, n8n and its
 *     task runner) has exited and both ports are closed.
 * Add `-- --watch` to also touch a source file and measure the rebuild + restart.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { editorCheckAvailable } from './editor';
import { DEV_OWNER, ROOT, assert, freePort, http, log, logIn, run, runCheck } from './lib';

const BROWSER_DIR = path.join(ROOT, 'e2e', 'browser');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const withWatch = process.argv.includes('--watch');
const shots = path.join(ROOT, 'test-results');

/** Every descendant of `pid` (by /proc parentage), so nothing escapes the exit check. */
function descendants(pid: number): number[] {
	const parent = new Map<number, number>();
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
			parent.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
		} catch {
			// exited meanwhile
		}
	}
	const out: number[] = [];
	const queue = [pid];
	while (queue.length) {
		const p = queue.shift()!;
		for (const [child, pp] of parent) {
			if (pp !== p || out.includes(child)) continue;
			out.push(child);
			queue.push(child);
		}
	}
	return out;
}

function alive(pid: number): boolean {
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
	} catch {
		return false;
	}
}

const cmdline = (pid: number) => {
	try {
		return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').slice(0, 100);
	} catch {
		return '?';
	}
};

async function portOpen(port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		socket.once('connect', () => (socket.destroy(), resolve(true)));
		socket.once('error', () => resolve(false));
	});
}

async function main(): Promise<void> {
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'publer-dev-'));
	const port = await freePort();
	const started = Date.now();
	const child = spawn('npm', ['run', 'dev', '--', '--port', String(port), ...(withWatch ? ['--watch'] : [])], {
		cwd: ROOT,
		env: { ...process.env, PUBLER_DEV_USER_FOLDER: userFolder },
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	let out = '';
	const onData = (chunk: Buffer) => {
		out += chunk.toString();
		process.stdout.write(chunk.toString().replace(/^(?=.)/gm, '  dev | '));
	};
	child.stdout!.on('data', onData);
	child.stderr!.on('data', onData);
	const waitFor = async (pattern: RegExp, ms: number) => {
		const deadline = Date.now() + ms;
		while (!pattern.test(out)) {
			if (child.exitCode !== null) throw new Error(`npm run dev exited (${child.exitCode}) before ${pattern}`);
			if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}`);
			await new Promise((r) => setTimeout(r, 200));
		}
		return out.match(pattern)!;
	};
	let pids: number[] = [];
	try {
		const url = (await waitFor(/Editor: (http:\/\/127\.0\.0\.1:\d+\/)/, 15 * 60_000))[1];
		const startup = (Date.now() - started) / 1000;
		assert(url === `http://127.0.0.1:${port}/`, `npm run dev printed the editor URL ${url} after ${startup.toFixed(1)} s (loopback only)`);
		const sandboxPort = Number(out.match(/Publer sandbox at http:\/\/127\.0\.0\.1:(\d+)/)?.[1]);
		const origin = url.replace(/\/$/, '');

		const cookie = await logIn(origin, DEV_OWNER);
		assert(cookie.startsWith('n8n-auth='), 'the owner account printed by npm run dev signs in');
		const auth = { Cookie: cookie };
		const exampleNames = fs.readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(fs.readFileSync(path.join(ROOT, 'examples', f), 'utf8')).name as string);
		const workflows = ((await http('GET', `${origin}/rest/workflows`, undefined, auth)).json?.data ?? []) as Array<{ name: string }>;
		const missing = exampleNames.filter((n) => !workflows.some((w) => w.name === n));
		assert(exampleNames.length === 6 && !missing.length, `the ${exampleNames.length} examples are in n8n's workflow list${missing.length ? ` (missing: ${missing.join(', ')})` : ''}`);
		const credentials = ((await http('GET', `${origin}/rest/credentials`, undefined, auth)).json?.data ?? []) as Array<{ id: string; name: string; type: string }>;
		const credential = credentials.find((c) => c.name === 'Publer sandbox');
		assert(credential?.type === 'publerApi' && credential.id === 'publerApiCredential', 'the credential "Publer sandbox" (publerApi, the id the examples use) exists');
		const stored = await http('GET', `${origin}/rest/credentials/${credential!.id}?includeData=true`, undefined, auth);
		const test = await http('POST', `${origin}/rest/credentials/test`, { credentials: { id: credential!.id, name: credential!.name, type: 'publerApi', data: stored.json.data.data } }, auth);
		assert(test.json?.data?.status === 'OK', `the credential test passes against the sandbox (${JSON.stringify(test.json?.data ?? test.text).slice(0, 100)})`);
		const types = new Set(((await http('GET', `${origin}/types/nodes.json`, undefined, auth)).json as Array<{ name: string }>).map((t) => t.name));
		assert(types.has('n8n-nodes-publer.publer') && types.has('n8n-nodes-publer.publerTrigger'), 'both nodes are loaded as the community package n8n-nodes-publer');

		if (editorCheckAvailable()) {
			if (!fs.existsSync(path.join(BROWSER_DIR, 'node_modules', 'playwright-core'))) run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: BROWSER_DIR });
			const { chromium } = require(path.join(BROWSER_DIR, 'node_modules', 'playwright-core'));
			const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
			try {
				const page = await (await browser.newContext({ viewport: { width: 1440, height: 960 } })).newPage();
				await page.goto(`${origin}/signin`, { waitUntil: 'domcontentloaded' });
				await page.locator('input[type="email"], input[name="emailOrLdapLoginId"], input[name="email"]').first().fill(DEV_OWNER.email, { timeout: 60_000 });
				await page.locator('input[type="password"]').first().fill(DEV_OWNER.password);
				await page.keyboard.press('Enter');
				await page.waitForURL((u: URL) => !u.pathname.startsWith('/signin'), { timeout: 30_000 });
				assert(true, 'the editor\'s sign-in form accepts the printed account in Chromium');
				await page.goto(`${origin}/home/workflows`, { waitUntil: 'domcontentloaded' });
				for (const name of exampleNames) await page.getByText(name, { exact: true }).first().waitFor({ timeout: 60_000 });
				fs.mkdirSync(shots, { recursive: true });
				await page.screenshot({ path: path.join(shots, 'dev-workflows.png') });
				assert(true, `the editor lists the ${exampleNames.length} examples (screenshot test-results/dev-workflows.png)`);
				await page.goto(`${origin}/home/credentials`, { waitUntil: 'domcontentloaded' });
				await page.getByText('Publer sandbox', { exact: true }).first().waitFor({ timeout: 60_000 });
				await page.screenshot({ path: path.join(shots, 'dev-credentials.png') });
				assert(true, 'the editor lists the credential "Publer sandbox" (screenshot test-results/dev-credentials.png)');
			} finally {
				await browser.close();
			}
		} else {
			log('no /usr/bin/chromium: the browser part is skipped (apt-get install chromium)');
		}

		if (withWatch) {
			const before = out.length;
			const file = path.join(ROOT, 'credentials', 'PublerApi.credentials.ts');
			const now = new Date();
			fs.utimesSync(file, now, now); // a change event without changing the file
			const t0 = Date.now();
			const done = await (async () => {
				const deadline = Date.now() + 180_000;
				while (Date.now() < deadline) {
					const m = out.slice(before).match(/rebuilt in ([\d.]+) s, n8n restarted in ([\d.]+) s|rebuild failed/);
					if (m) return m;
					await new Promise((r) => setTimeout(r, 200));
				}
				return null;
			})();
			assert(done && !/failed/.test(done[0]), `--watch: a source change rebuilt and restarted n8n (${done?.[0]}; ${((Date.now() - t0) / 1000).toFixed(1)} s from the change)`);
			const again = await http('GET', `${origin}/rest/login`, undefined, auth);
			assert(again.status === 200, 'after the restart the editor answers and the session still works');
		}

		pids = [child.pid!, ...descendants(child.pid!)];
		log(`processes under npm run dev: ${pids.map((p) => `${p} ${cmdline(p)}`).join(' | ')}`);
		assert(pids.length >= 5, `npm run dev runs ${pids.length} processes (npm, tsx, the dev script, sandbox, n8n, task runner)`);
		const sigint = Date.now();
		process.kill(-child.pid!, 'SIGINT');
		const deadline = Date.now() + 60_000;
		while (Date.now() < deadline && pids.some(alive)) await new Promise((r) => setTimeout(r, 100));
		const left = pids.filter(alive);
		assert(!left.length, `Ctrl-C (SIGINT) stopped all ${pids.length} processes in ${((Date.now() - sigint) / 1000).toFixed(1)} s${left.length ? `; still running: ${left.map((p) => `${p} ${cmdline(p)}`).join(' | ')}` : ''}`);
		assert(!(await portOpen(port)) && !(sandboxPort && (await portOpen(sandboxPort))), 'the n8n and sandbox ports are closed');
	} finally {
		for (const pid of [child.pid!, ...pids].filter(alive)) {
			try {
				process.kill(pid, 'SIGKILL');
			} catch {
				// gone
			}
		}
		fs.rmSync(userFolder, { recursive: true, force: true });
	}
}

runCheck('dev-check', main);
