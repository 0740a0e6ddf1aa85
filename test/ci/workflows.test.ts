/*
 * The GitHub Actions workflows: both files pass a GitHub workflow schema validator (@action-validator/core, the
 * WebAssembly build of action-validator, pinned in devDependencies), and say what the release process depends on:
 * CI runs what .ci/run runs on Node 20 with Redis and PostgreSQL services; publish.yml runs on a version tag only,
 * after the same checks, lints the packed tarball, and publishes with provenance under an id-token permission that
 * only the publish job holds.
 */
import fs from 'node:fs';
import path from 'node:path';

import { validateWorkflow, type ValidationState } from '@action-validator/core';

// js-yaml is eslint's own YAML parser (eslint is a pinned devDependency); it has no types here.
const yaml = require('js-yaml') as { load: (text: string) => unknown };

const ROOT = path.resolve(__dirname, '..', '..');
const DIR = path.join(ROOT, '.github', 'workflows');

interface Step {
	name?: string;
	uses?: string;
	run?: string;
	with?: Record<string, unknown>;
	if?: string;
}
interface Job {
	'runs-on'?: string;
	uses?: string;
	needs?: string | string[];
	permissions?: Record<string, string>;
	services?: Record<string, { image: string; ports?: string[]; env?: Record<string, string>; options?: string }>;
	env?: Record<string, string>;
	steps?: Step[];
}
interface Workflow {
	name: string;
	on: Record<string, unknown>;
	permissions?: Record<string, string>;
	jobs: Record<string, Job>;
}

const text = (file: string) => fs.readFileSync(path.join(DIR, file), 'utf8');
const load = (file: string) => yaml.load(text(file)) as Workflow;
const errorsOf = (state: ValidationState) => JSON.stringify(state.errors, null, 1);
const runs = (job: Job) => (job.steps ?? []).map((s) => s.run ?? '').filter(Boolean);
const scripts = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;

/** GitHub's filter-pattern syntax for tags, enough for the patterns used here (*, +, [..]). */
function tagPatternMatches(pattern: string, tag: string): boolean {
	let re = '';
	for (let i = 0; i < pattern.length; i++) {
		const c = pattern[i];
		if (c === '*') re += pattern[i + 1] === '*' ? '.*' : '[^/]*';
		else if (c === '[') {
			const end = pattern.indexOf(']', i);
			re += pattern.slice(i, end + 1);
			i = end;
		} else if (c === '+' || c === '?') re += c;
		else re += c.replace(/[.\\^$(){}|]/g, '\\$&');
		if (c === '*' && pattern[i + 1] === '*') i++;
	}
	return new RegExp(`^${re}$`).test(tag);
}

describe('GitHub Actions workflows', () => {
	it.each(['ci.yml', 'publish.yml'])('%s passes the workflow schema validator', (file) => {
		const state = validateWorkflow(text(file));
		expect(state.actionType).toBe('workflow');
		expect(errorsOf(state)).toBe('[]');
	});

	it('the validator catches a broken permission, an unknown job key and a bad service (it can fail)', () => {
		const publish = text('publish.yml');
		expect(validateWorkflow(publish.replace('id-token: write', 'id-token: writ')).errors.length).toBeGreaterThan(0);
		expect(validateWorkflow(publish.replace('needs: test', 'needz: test')).errors.length).toBeGreaterThan(0);
		expect(validateWorkflow(text('ci.yml').replace('image: redis:7', 'imagex: redis:7')).errors.length).toBeGreaterThan(0);
	});

	describe('ci.yml runs what .ci/run runs', () => {
		const ci = load('ci.yml');
		const job = ci.jobs.test;
		const commands = runs(job);

		it('on pushes, pull requests, and as a reusable workflow', () => {
			expect(Object.keys(ci.on)).toEqual(expect.arrayContaining(['push', 'pull_request', 'workflow_call']));
			expect(ci.permissions).toEqual({ 'contents': 'read' });
		});

		it('on Node 20, with npm ci then npm test', () => {
			const setup = job.steps!.find((s) => s.uses?.startsWith('actions/setup-node@'));
			expect(String(setup?.with?.['node-version'])).toBe('20');
			const ciIndex = commands.indexOf('npm ci');
			expect(ciIndex).toBeGreaterThanOrEqual(0);
			expect(commands.indexOf('npm test')).toBeGreaterThan(ciIndex);
			expect(fs.readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8')).toMatch(/^npm ci$[\s\S]*^npm test$/m);
		});

		it('then the installed-n8n, Postgres queue-mode and MCP checks, each an existing npm script', () => {
			const npmRuns = commands.filter((c) => c.startsWith('npm run ')).map((c) => c.split(/\s+/)[2]);
			expect(npmRuns).toEqual(['test:installed', 'test:queue', 'test:mcp']);
			for (const name of npmRuns) expect(scripts[name]).toBeDefined();
			expect(commands.indexOf('npm run test:installed')).toBeGreaterThan(commands.indexOf('npm test'));
		});

		it('with Redis and PostgreSQL services that the checks are pointed at', () => {
			const { redis, postgres } = job.services ?? {};
			expect(redis?.image).toMatch(/^redis:/);
			expect(redis?.ports).toContain('6379:6379');
			expect(redis?.options).toMatch(/--health-cmd/);
			expect(postgres?.image).toMatch(/^postgres:1[5-9]/);
			expect(postgres?.ports).toContain('5432:5432');
			expect(postgres?.options).toMatch(/pg_isready/);
			expect(job.env?.PUBLER_E2E_REDIS).toBe('127.0.0.1:6379');
			const url = new URL(job.env!.PUBLER_E2E_POSTGRES);
			expect([url.protocol, url.hostname, url.port]).toEqual(['postgres:', '127.0.0.1', '5432']);
			expect([decodeURIComponent(url.username), decodeURIComponent(url.password), url.pathname.slice(1)]).toEqual([postgres!.env!.POSTGRES_USER, postgres!.env!.POSTGRES_PASSWORD, postgres!.env!.POSTGRES_DB]);
		});

		it('and ends with the plain pass/fail line, even when a step failed', () => {
			const last = job.steps!.find((s) => s.run === 'node e2e/ci-summary.js');
			expect(last?.if).toBe('always()');
			expect(fs.existsSync(path.join(ROOT, 'e2e', 'ci-summary.js'))).toBe(true);
		});
	});

	describe('publish.yml publishes with provenance on a version tag', () => {
		const publish = load('publish.yml');
		const job = publish.jobs.publish;
		const commands = runs(job);

		it('runs on version tags only', () => {
			expect(Object.keys(publish.on)).toEqual(['push']);
			const push = publish.on.push as { tags?: string[]; branches?: string[] };
			expect(push.branches).toBeUndefined();
			const matches = (tag: string) => push.tags!.some((p) => tagPatternMatches(p, tag));
			expect(['v0.1.0', 'v1.22.333', 'v1.0.0-beta.1'].map(matches)).toEqual([true, true, true]);
			expect(['main', '0.1.0', 'v1', 'vx.y.z', 'release-1.0.0'].map(matches)).toEqual([false, false, false, false, false]);
		});

		it('after the same checks as CI', () => {
			expect(publish.jobs.test.uses).toBe('./.github/workflows/ci.yml');
			expect([job.needs].flat()).toEqual(['test']);
		});

		it('grants id-token: write to the publish job only, and contents: read', () => {
			expect(job.permissions).toEqual({ 'id-token': 'write', 'contents': 'read' });
			expect(publish.permissions).toEqual({ contents: 'read' });
		});

		it('on Node 20 against the npm registry, with an npm that supports trusted publishing', () => {
			const setup = job.steps!.find((s) => s.uses?.startsWith('actions/setup-node@'));
			expect(String(setup?.with?.['node-version'])).toBe('20');
			expect(setup?.with?.['registry-url']).toBe('https://registry.npmjs.org');
			const npmUpgrade = commands.find((c) => /^npm install -g npm@/.test(c));
			expect(Number(npmUpgrade?.match(/npm@(\d+)/)?.[1])).toBeGreaterThanOrEqual(11);
		});

		it('builds, lints the packed tarball, then runs npm publish --provenance --access public', () => {
			const at = (command: string) => commands.indexOf(command);
			expect(at('npm ci')).toBeGreaterThanOrEqual(0);
			expect(at('npm run build')).toBeGreaterThan(at('npm ci'));
			expect(at('npm run lint:dist')).toBeGreaterThan(at('npm run build'));
			expect(scripts['lint:dist']).toBeDefined();
			const publishCommand = commands[commands.length - 1];
			expect(publishCommand.split(/\s+/)).toEqual(['npm', 'publish', '--provenance', '--access', 'public']);
			expect(commands.filter((c) => c.includes('npm publish'))).toHaveLength(1);
		});

		it('stores no npm token: trusted publishing uses the OIDC token', () => {
			expect(text('publish.yml')).not.toMatch(/NPM_TOKEN|NODE_AUTH_TOKEN|secrets\./);
		});
	});
});
