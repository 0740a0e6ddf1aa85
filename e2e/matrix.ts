/*
 * Compatibility matrix (`npm run test:matrix`): the installed-package check (e2e/installed-n8n.ts, regular mode:
 * both node types and the credential load, the credential test, Post → Create through `n8n execute`, a webhook
 * run, the Publer Trigger's activation, and every example's nodes validated against the installed n8n) on
 *   - n8n 1.123.x (the last 1.x line) on Node 22 from npm,
 *   - n8n 2.8.4 (pinned, CI) on the Node running this script (20),
 *   - n8n 2.41.1 (the newest 2.x that installs here) on Node 24 from npm.
 * The package is built and packed once. Each n8n is installed on first use and cached (see e2e/installs.ts).
 * Writes e2e/results/matrix.json (version, node, result, assertions, time, date; merged with earlier rows when
 * only some targets ran) and prints the table and the README's Markdown table.
 * Usage: npm run test:matrix [-- --only v1,pinned,latest]; PUBLER_E2E_TARBALL=<tgz> checks that tarball instead.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { ensureInstall, packPackage, TARGETS, type N8nTarget } from './installs';
import { ROOT, log, run } from './lib';

interface Row {
	n8n: string;
	node: string;
	result: 'pass' | 'fail';
	passed: number;
	failed: number;
	seconds: number;
	installSeconds: number;
	date: string;
	failure?: string;
}

const RESULTS = path.join(ROOT, 'e2e', 'results', 'matrix.json');
const onlyArg = process.argv.find((a, i) => process.argv[i - 1] === '--only') ?? process.argv.find((a) => a.startsWith('--only='))?.slice(7);
const ids = (onlyArg ? onlyArg.split(',') : ['v1', 'pinned', 'latest']) as Array<N8nTarget['id']>;
for (const id of ids) if (!TARGETS[id]) throw new Error(`Unknown target ${id}: use v1, pinned or latest`);

/** One installed-n8n run, streamed with a prefix; resolves with its exit code and output. */
function check(target: N8nTarget, env: NodeJS.ProcessEnv, logFile: string): Promise<{ code: number; out: string }> {
	return new Promise((resolve) => {
		const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['e2e/installed-n8n.ts', '--no-queue'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let out = '';
		let partial = '';
		const onData = (chunk: Buffer) => {
			const text = chunk.toString();
			out += text;
			fs.appendFileSync(logFile, text);
			partial += text;
			const lines = partial.split('\n');
			partial = lines.pop() ?? '';
			for (const line of lines) if (/^\[e2e|^installed-n8n:|FAILED|assertion failed/.test(line)) process.stdout.write(`  ${target.version} | ${line}\n`);
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		child.on('close', (code) => resolve({ code: code ?? 1, out }));
	});
}

function table(rows: Row[]): string {
	const head = ['n8n', 'Node', 'result', 'assertions', 'check (s)', 'install (s)', 'date'];
	const body = rows.map((r) => [r.n8n, r.node, r.result, `${r.passed} passed, ${r.failed} failed`, r.seconds.toFixed(0), r.installSeconds.toFixed(0), r.date]);
	const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
	const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
	return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

function markdown(rows: Row[]): string {
	return [
		'| n8n | Node.js | Result | Assertions | Time | Date |',
		'| --- | --- | --- | --- | --- | --- |',
		...rows.map((r) => `| ${r.n8n} | ${r.node.replace(/^v/, '')} | ${r.result === 'pass' ? 'passes' : 'fails'} | ${r.passed}/${r.passed + r.failed} | ${r.seconds.toFixed(0)} s | ${r.date} |`),
	].join('\n');
}

async function main(): Promise<void> {
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'publer-matrix-'));
	// PUBLER_E2E_TARBALL: check a tarball packed earlier (e.g. a release candidate) instead of building one.
	if (!process.env.PUBLER_E2E_TARBALL) log('building and packing the package once for every n8n version');
	const tarball = packPackage(tmp);
	const logDir = path.join(ROOT, 'test-results');
	fs.mkdirSync(logDir, { recursive: true });

	const rows: Row[] = [];
	for (const id of ids) {
		const target = TARGETS[id];
		const date = new Date().toISOString().slice(0, 10);
		const logFile = path.join(logDir, `matrix-${id}.log`);
		fs.writeFileSync(logFile, '');
		log(`n8n ${target.version}: install (or reuse the cache)`);
		let installed;
		try {
			installed = await ensureInstall(target);
		} catch (error) {
			const failure = `install failed: ${(error as Error).message.split('\n').slice(0, 3).join(' ')}`;
			log(failure);
			rows.push({ n8n: target.version, node: target.nodeDir ? '?' : process.version, result: 'fail', passed: 0, failed: 1, seconds: 0, installSeconds: 0, date, failure });
			continue;
		}
		const nodeBin = installed.nodeBinDir ? path.join(installed.nodeBinDir, 'node') : process.execPath;
		const node = run(nodeBin, ['--version']).stdout.trim();
		const summary = `matrix-${id}-summary.json`;
		fs.rmSync(path.join(logDir, summary), { force: true });
		const env: NodeJS.ProcessEnv = {
			...process.env,
			PUBLER_E2E_N8N_DIR: target.n8nDir,
			PUBLER_E2E_N8N_VERSION: target.version,
			PUBLER_E2E_TARBALL: tarball,
			PUBLER_E2E_SUMMARY: summary,
		};
		if (installed.nodeBinDir) env.PUBLER_E2E_NODE_BIN_DIR = installed.nodeBinDir;
		else delete env.PUBLER_E2E_NODE_BIN_DIR;
		log(`n8n ${target.version} on Node ${node}: running the installed-package check (log: ${path.relative(ROOT, logFile)})`);
		const started = Date.now();
		const { code, out } = await check(target, env, logFile);
		const seconds = (Date.now() - started) / 1000;
		let counts = { passed: 0, failed: 1 };
		try {
			counts = JSON.parse(fs.readFileSync(path.join(logDir, summary), 'utf8'));
		} catch {
			// the check died before writing its summary
		}
		const failure = code === 0 ? undefined : (out.match(/(assertion failed: [^\n]*|FAILED: [^\n]*)/)?.[1] ?? `exit code ${code}`).slice(0, 600);
		rows.push({ n8n: target.version, node, result: code === 0 && counts.failed === 0 ? 'pass' : 'fail', passed: counts.passed, failed: counts.failed, seconds, installSeconds: installed.installSeconds, date, ...(failure ? { failure } : {}) });
	}
	fs.rmSync(tmp, { recursive: true, force: true });

	// Keep the rows of targets that did not run this time (e.g. --only latest), in the matrix order.
	let previous: Row[] = [];
	try {
		previous = JSON.parse(fs.readFileSync(RESULTS, 'utf8')).rows ?? [];
	} catch {
		// first run
	}
	const order = Object.values(TARGETS).map((t) => t.version);
	const merged = [...previous.filter((p) => !rows.some((r) => r.n8n === p.n8n)), ...rows].filter((r) => order.includes(r.n8n)).sort((a, b) => order.indexOf(a.n8n) - order.indexOf(b.n8n));
	fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
	fs.writeFileSync(RESULTS, JSON.stringify({ generated: new Date().toISOString(), machine: `${os.cpus().length} cores, ${os.platform()} ${os.arch()}`, rows: merged }, null, 2) + '\n');

	process.stdout.write(`\n${table(merged)}\n\n`);
	for (const r of merged) if (r.failure) process.stdout.write(`n8n ${r.n8n}: ${r.failure}\n`);
	process.stdout.write(`\nREADME table:\n\n${markdown(merged)}\n\n`);
	const failed = rows.filter((r) => r.result !== 'pass');
	process.stdout.write(`matrix: ${rows.length - failed.length} of ${rows.length} n8n versions pass\n`);
	if (failed.length) process.exitCode = 1;
}

main().catch((error) => {
	log(`FAILED: ${error instanceof Error ? error.stack : String(error)}`);
	process.exitCode = 1;
});
