/* Process and HTTP helpers, the n8n environment, sign-in and summaries for the e2e checks (loopback only, processes stopped by PID). */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..');

export function log(message: string): void {
	process.stdout.write(`[e2e ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

export interface Proc {
	name: string;
	child: ChildProcess;
	output: () => string;
	waitFor: (pattern: RegExp, timeoutMs: number) => Promise<void>;
	stop: () => Promise<void>;
}

const running: Proc[] = [];

export function start(name: string, command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; logFile?: string }): Proc {
	const child = spawn(command, args, { cwd: options.cwd ?? ROOT, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
	let out = '';
	const append = (chunk: Buffer) => {
		out += chunk.toString();
		if (options.logFile) fs.appendFileSync(options.logFile, chunk);
	};
	child.stdout?.on('data', append);
	child.stderr?.on('data', append);
	const proc: Proc = {
		name,
		child,
		output: () => out,
		waitFor: async (pattern, timeoutMs) => {
			const deadline = Date.now() + timeoutMs;
			while (!pattern.test(out)) {
				if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}) before ${pattern}:\n${out.slice(-3000)}`);
				if (Date.now() > deadline) throw new Error(`${name}: timed out waiting for ${pattern}:\n${out.slice(-3000)}`);
				await new Promise((r) => setTimeout(r, 200));
			}
		},
		stop: async () => {
			if (child.exitCode !== null || child.pid === undefined) return;
			try {
				process.kill(-child.pid, 'SIGTERM');
			} catch {
				return;
			}
			const deadline = Date.now() + 15_000;
			while (child.exitCode === null && child.signalCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
			if (child.exitCode === null && child.signalCode === null) {
				try {
					process.kill(-child.pid, 'SIGKILL');
				} catch {
					// already gone
				}
			}
		},
	};
	running.push(proc);
	return proc;
}

export async function stopAll(): Promise<void> {
	for (const proc of running.reverse()) await proc.stop();
	running.length = 0;
}

export function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; allowFail?: boolean } = {}): { code: number; stdout: string; stderr: string } {
	const result = spawnSync(command, args, { cwd: options.cwd ?? ROOT, env: options.env ?? process.env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
	const code = result.status ?? 1;
	if (code !== 0 && !options.allowFail) {
		throw new Error(`${command} ${args.join(' ')} failed (${code}):\n${result.stdout?.slice(-4000)}\n${result.stderr?.slice(-4000)}`);
	}
	return { code, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

export async function http(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; text: string; json: any }> {
	// A keep-alive socket the server closed while idle makes fetch fail once: retry then.
	let response: Response | undefined;
	for (let attempt = 1; ; attempt++) {
		try {
			response = await fetch(url, {
		method,
		headers: { ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
		body: body !== undefined ? JSON.stringify(body) : undefined,
			});
			break;
		} catch (error) {
			if (attempt >= 3) throw error;
			await new Promise((r) => setTimeout(r, 200));
		}
	}
	const text = await response.text();
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: response.status, headers: response.headers, text, json };
}

export const counts = { passed: 0, failed: 0 };

export function assert(condition: unknown, message: string): asserts condition {
	if (!condition) {
		counts.failed++;
		throw new Error(`assertion failed: ${message}`);
	}
	counts.passed++;
	log(`ok - ${message}`);
}

// ---- Shared by every check that runs an installed n8n (installs: e2e/installs.ts). ----

/** Replaces __KEY__ placeholders of a workflow template. */
export function materialise(template: string, values: Record<string, string>): string {
	return template.replace(/__([A-Z_]+)__/g, (_, key: string) => {
		if (!(key in values)) throw new Error(`No value for __${key}__`);
		return values[key];
	});
}

/**
 * The environment every n8n process of a check (and `npm run dev`) shares: loopback only, no telemetry, its own user
 * folder, free ports unless `extra` sets N8N_PORT / N8N_RUNNERS_BROKER_PORT. `base` is the environment it extends.
 */
export async function n8nEnv(userFolder: string, tmpDir: string, extra: NodeJS.ProcessEnv = {}, base: NodeJS.ProcessEnv = process.env): Promise<NodeJS.ProcessEnv> {
	return {
		...base,
		N8N_USER_FOLDER: userFolder,
		TMPDIR: tmpDir,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PORT: extra.N8N_PORT ?? String(await freePort()),
		N8N_RUNNERS_BROKER_PORT: extra.N8N_RUNNERS_BROKER_PORT ?? String(await freePort()),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_LOG_LEVEL: 'info',
		...extra,
	};
}

export interface Owner {
	email: string;
	firstName: string;
	lastName: string;
	password: string;
}

/** The owner account the checks create in their throw-away n8n. */
export const E2E_OWNER: Owner = { email: 'owner@example.com', firstName: 'Owner', lastName: 'E2E', password: 'Password1234!' };
/** The owner account `npm run dev` creates and prints (local dev instance only); test:dev signs in with it. */
export const DEV_OWNER: Owner = { email: 'owner@example.com', firstName: 'Publer', lastName: 'Dev', password: 'PublerDev1234' };

const cookieOf = (response: { headers: Headers }) => (response.headers.get('set-cookie') ?? '').split(';')[0];

/** Sets up the owner account through the REST API as the editor's setup page does (fails once an owner exists). */
export async function setupOwner(origin: string, owner: Owner = E2E_OWNER): Promise<{ status: number; cookie: string }> {
	const setup = await http('POST', `${origin}/rest/owner/setup`, owner);
	return { status: setup.status, cookie: cookieOf(setup) };
}

/** Signs in through the REST API as the editor's sign-in page does; returns the auth cookie ('' when refused). */
export async function logIn(origin: string, owner: Pick<Owner, 'email' | 'password'> = E2E_OWNER): Promise<string> {
	return cookieOf(await http('POST', `${origin}/rest/login`, { emailOrLdapLoginId: owner.email, password: owner.password }));
}

/** Creates the owner account (or signs in) through the REST API as the editor does; returns the auth cookie. */
export async function signIn(origin: string, owner: Owner = E2E_OWNER): Promise<string> {
	return (await setupOwner(origin, owner)).cookie || (await logIn(origin, owner));
}

/** Runs `fn`, logs and records its wall time in seconds under `label`. */
export async function timedStep<T>(timings: Record<string, number>, label: string, fn: () => Promise<T> | T): Promise<T> {
	const started = Date.now();
	try {
		return await fn();
	} finally {
		timings[label] = Math.round((Date.now() - started) / 100) / 10;
		log(`${label}: ${timings[label].toFixed(1)} s`);
	}
}

/** Writes test-results/<file> (default <name>-summary.json; e2e/ci-summary.js reads it) and prints the plain closing line. */
export function writeSummary(name: string, extra: Record<string, unknown> = {}, file = `${name}-summary.json`): void {
	if (process.exitCode && !counts.failed) counts.failed = 1;
	const dir = path.join(ROOT, 'test-results');
	fs.mkdirSync(dir, { recursive: true });
	fs.writeFileSync(path.join(dir, file), JSON.stringify({ ...counts, ...extra }, null, 1));
	process.stdout.write(`${name}: ${counts.passed} passed, ${counts.failed} failed\n`);
}

/**
 * Runs a check's `main`: logs a failure (exit code 1), then stops every process it started, runs `cleanup`, writes
 * the summary (`extra()` is read at the end) and, with `exit`, ends the process (clients that keep handles open).
 */
export function runCheck(
	name: string,
	main: () => Promise<void>,
	options: { summaryFile?: string; extra?: () => Record<string, unknown>; cleanup?: () => void; exit?: boolean } = {},
): void {
	main()
		.catch((error) => {
			log(`FAILED: ${error instanceof Error ? error.stack : String(error)}`);
			process.exitCode = 1;
		})
		.finally(async () => {
			await stopAll();
			options.cleanup?.();
			writeSummary(name, options.extra?.() ?? {}, options.summaryFile);
			if (options.exit) process.exit(process.exitCode ?? 0);
		});
}
