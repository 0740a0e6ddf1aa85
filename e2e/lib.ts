/* Process and HTTP helpers for the installed-n8n check (loopback only, processes stopped by PID). */
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
