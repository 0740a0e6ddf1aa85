/*
 * The one owner of installing things for the e2e checks, the matrix and `npm run dev`: n8n itself (below), this
 * package packed into a tarball (packPackage / buildAndPack), and that tarball installed into an n8n user folder
 * as n8n's community-package installer does (installTarballAsN8nDoes).
 * The n8n installs the e2e checks, the compatibility matrix and `npm run dev` run against. Each lives in its own
 * folder with a committed package.json + lockfile (the xlsx override stays there, never in the published
 * package). node_modules is cached outside the clone in $PUBLER_E2E_CACHE (default /var/cache/n8n-nodes-publer),
 * keyed by the lockfiles' hash, and symlinked into the folder:
 *   - pinned: n8n 2.8.4 on the Node that runs this script (20 in CI); e2e/n8n (installed-n8n, queue, MCP, dev);
 *   - v1:     n8n 1.123.x on Node 22 from npm (its isolated-vm 6.2 does not build on Node 20); e2e/v1/{n8n,node};
 *   - latest: n8n 2.41.1 on Node 24 from npm; e2e/latest/{n8n,node}.
 * n8n on a Node from npm is installed with --ignore-scripts (an optional Kafka module downloads C sources at
 * build time; this machine has no internet), then the native modules n8n needs are rebuilt for that Node.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { ROOT, assert, log, run, timedStep } from './lib';

export interface N8nTarget {
	id: 'v1' | 'pinned' | 'latest';
	version: string;
	/** Folder with n8n's package.json, lockfile and .npmrc. */
	n8nDir: string;
	/** Folder whose package.json installs Node from npm (package `node`); none = the Node running this script. */
	nodeDir?: string;
}

export const TARGETS: Record<N8nTarget['id'], N8nTarget> = {
	v1: { id: 'v1', version: '1.123.81', n8nDir: path.join(ROOT, 'e2e', 'v1', 'n8n'), nodeDir: path.join(ROOT, 'e2e', 'v1', 'node') },
	pinned: { id: 'pinned', version: '2.8.4', n8nDir: path.join(ROOT, 'e2e', 'n8n') },
	latest: { id: 'latest', version: '2.41.1', n8nDir: path.join(ROOT, 'e2e', 'latest', 'n8n'), nodeDir: path.join(ROOT, 'e2e', 'latest', 'node') },
};

export interface Installed {
	n8nBin: string;
	/** Put first on PATH to run n8n (its bin is `#!/usr/bin/env node`); undefined = the current Node. */
	nodeBinDir?: string;
	/** Seconds spent installing (0 when the cache or an existing install was used). */
	installSeconds: number;
}

const cacheRoot = () => process.env.PUBLER_E2E_CACHE || '/var/cache/n8n-nodes-publer';
const hash = (...files: string[]) => {
	const h = crypto.createHash('sha256');
	for (const f of files) h.update(fs.readFileSync(f));
	return h.digest('hex').slice(0, 16);
};

/** npm with a progress line every 30 s, so a first install (minutes) is visibly alive. */
async function npm(args: string[], cwd: string, what: string, nodeBinDir?: string): Promise<void> {
	const env = { ...process.env, ...(nodeBinDir ? { PATH: `${nodeBinDir}${path.delimiter}${process.env.PATH}` } : {}) };
	const started = Date.now();
	const child = spawn('npm', args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
	let tail = '';
	const keep = (chunk: Buffer) => {
		tail = (tail + chunk.toString()).slice(-6000);
	};
	child.stdout.on('data', keep);
	child.stderr.on('data', keep);
	const ticker = setInterval(() => log(`  … ${what}: ${Math.round((Date.now() - started) / 1000)} s`), 30_000);
	try {
		const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
		if (code !== 0) throw new Error(`npm ${args.join(' ')} in ${path.relative(ROOT, cwd)} failed (${code}):\n${tail}`);
	} finally {
		clearInterval(ticker);
	}
}

/** node_modules of `dir` from the cache (symlinked), or installed by `install` into it and then moved there. */
async function cachedModules(dir: string, key: string, label: string, install: () => Promise<void>): Promise<number> {
	const local = path.join(dir, 'node_modules');
	if (fs.existsSync(local)) return 0; // an install (or the cache symlink) is already in place
	try {
		fs.unlinkSync(local); // a dangling symlink to a cache that was removed
	} catch {
		// none
	}
	const cached = path.join(cacheRoot(), `${label}-${key}`, 'node_modules');
	if (fs.existsSync(cached)) {
		log(`using cached ${label} install ${cached}`);
		fs.symlinkSync(cached, local, 'dir');
		return 0;
	}
	const started = Date.now();
	await install();
	try {
		fs.mkdirSync(path.dirname(cached), { recursive: true });
		fs.renameSync(local, cached);
		fs.symlinkSync(cached, local, 'dir');
	} catch (error) {
		log(`could not move the install into the cache (${(error as Error).message}); using it in place`);
	}
	return (Date.now() - started) / 1000;
}

/** The n8n (and Node) of a target, installed on first use with a progress line. */
export async function ensureInstall(target: N8nTarget): Promise<Installed> {
	let seconds = 0;
	let nodeBinDir: string | undefined;
	if (target.nodeDir) {
		const nodeDir = target.nodeDir;
		seconds += await cachedModules(nodeDir, hash(path.join(nodeDir, 'package-lock.json')), 'node', async () => {
			log(`installing Node from npm in ${path.relative(ROOT, nodeDir)} (first use, under a minute)`);
			await npm(['ci', '--no-audit', '--no-fund'], nodeDir, 'installing Node');
		});
		nodeBinDir = path.join(nodeDir, 'node_modules', '.bin');
	}
	const n8nDir = target.n8nDir;
	const lock = path.join(n8nDir, 'package-lock.json');
	// An n8n on the current Node is keyed by its lockfile alone (the cache entries made before this module keep working).
	const key = target.nodeDir ? hash(lock, path.join(target.nodeDir, 'package-lock.json')) : hash(lock);
	seconds += await cachedModules(n8nDir, key, 'n8n', async () => {
		log(`installing n8n ${target.version} in ${path.relative(ROOT, n8nDir)} (first use: 4 to 8 minutes, cached afterwards in ${cacheRoot()})`);
		if (nodeBinDir) {
			await npm(['ci', '--no-audit', '--no-fund', '--ignore-scripts'], n8nDir, `installing n8n ${target.version}`, nodeBinDir);
			log(`rebuilding isolated-vm and sqlite3 for ${path.relative(ROOT, nodeBinDir)}/node`);
			await npm(['rebuild', 'isolated-vm', 'sqlite3'], n8nDir, 'rebuilding native modules', nodeBinDir);
		} else {
			await npm(['ci', '--no-audit', '--no-fund'], n8nDir, `installing n8n ${target.version}`);
		}
	});
	const n8nBin = path.join(n8nDir, 'node_modules', '.bin', 'n8n');
	if (!fs.existsSync(n8nBin)) throw new Error(`${n8nBin} is missing after the install`);
	return { n8nBin, nodeBinDir, installSeconds: seconds };
}

/** Builds this package and packs it into `dir`; returns the tarball path. */
export function buildAndPack(dir: string): string {
	run('npm', ['run', 'build']);
	const out = run('npm', ['pack', '--json', '--pack-destination', dir]).stdout;
	return path.join(dir, JSON.parse(out)[0].filename as string);
}

/** The tarball a check installs: PUBLER_E2E_TARBALL (packed once by the matrix, or a release candidate), else built and packed into `dir`. */
export function packPackage(dir: string): string {
	if (process.env.PUBLER_E2E_TARBALL) return process.env.PUBLER_E2E_TARBALL;
	return buildAndPack(dir);
}

/**
 * What n8n's CommunityPackagesService.downloadPackage does with a package, with a local tarball in place of the
 * registry: unpack into <nodesDir>/node_modules/n8n-nodes-publer, drop dev/peer/optional dependencies, npm install
 * --ignore-scripts there, and record the package in <nodesDir>/package.json. Returns the package's folder.
 */
export function installTarballAsN8nDoes(tarball: string, nodesDir: string): string {
	const packageDir = path.join(nodesDir, 'node_modules', 'n8n-nodes-publer');
	fs.rmSync(packageDir, { recursive: true, force: true });
	fs.mkdirSync(packageDir, { recursive: true });
	run('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1']);
	const pkgPath = path.join(packageDir, 'package.json');
	const { devDependencies: _d, peerDependencies: _p, optionalDependencies: _o, ...pkg } = JSON.parse(fs.readFileSync(pkgPath, 'utf8'));
	fs.writeFileSync(pkgPath, JSON.stringify(pkg, null, 2));
	run('npm', ['install', '--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false'], { cwd: packageDir });
	const rootPkgPath = path.join(nodesDir, 'package.json');
	const rootPkg = fs.existsSync(rootPkgPath) ? JSON.parse(fs.readFileSync(rootPkgPath, 'utf8')) : { name: 'installed-nodes', private: true, dependencies: {} };
	rootPkg.dependencies = { ...(rootPkg.dependencies ?? {}), 'n8n-nodes-publer': pkg.version };
	fs.writeFileSync(rootPkgPath, JSON.stringify(rootPkg, null, 2));
	return packageDir;
}

export interface CheckSetUp {
	/** The work folder (logs; removed by the check when it passes). */
	tmp: string;
	/** N8N_USER_FOLDER, with the package installed in .n8n/nodes. */
	userFolder: string;
	nodesDir: string;
	/** TMPDIR for n8n. */
	tmpDir: string;
	n8nBin: string;
	version: string;
	/** The installed package's folder. */
	packageDir: string;
}

/**
 * The first steps of every installed-n8n check, each timed: a work folder `<prefix>XXXXXX` with an n8n user folder,
 * the target's n8n (installed or from the cache; its version asserted), and this package installed into the user
 * folder as n8n does (the tarball of PUBLER_E2E_TARBALL, else built and packed into the work folder).
 */
export async function setUpCheck(prefix: string, timings: Record<string, number>, target: N8nTarget = TARGETS.pinned): Promise<CheckSetUp> {
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
	const userFolder = path.join(tmp, 'user');
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const tmpDir = path.join(tmp, 'tmp');
	fs.mkdirSync(nodesDir, { recursive: true });
	fs.mkdirSync(tmpDir, { recursive: true });
	log(`work folder (logs; kept if the check fails): ${tmp}`);
	const { n8nBin } = await timedStep(timings, 'install n8n (or reuse the cache)', () => ensureInstall(target));
	const version = run(n8nBin, ['--version']).stdout.trim();
	assert(version === target.version, `n8n ${version} installed (${run('node', ['--version']).stdout.trim()} runs it)`);
	const tarball = await timedStep(timings, 'build and pack', () => packPackage(tmp));
	const packageDir = await timedStep(timings, 'install the tarball as n8n does', () => installTarballAsN8nDoes(tarball, nodesDir));
	return { tmp, userFolder, nodesDir, tmpDir, n8nBin, version, packageDir };
}
