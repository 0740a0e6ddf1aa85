/**
 * Model-based tests of Post → Create's submission (issue 12): fast-check generates batches (1–1,500 items, two
 * workspaces, Schedule / Draft / Publish Now), faults per request (answer lost before or after Publer processed
 * it, 429s and 429 storms, 5xx, HTML and unreadable bodies on submits, job polls and post lookups), jobs that take
 * up to 10 minutes, job failures for some items, and Continue On Fail on or off. Each scenario runs the node
 * through n8n-core's engine against the sandbox (Publer's rate limit on, counted on the sandbox clock), on a
 * simulated clock. Afterwards the sandbox's store is the model:
 *
 * - every post exists at most once, and exactly once when its item says success (0 duplicated, 0 false successes);
 * - every item's output tells the truth: success; a failure with Publer's reason (its post does not exist); a
 *   refused request (does not exist); or "outcome unknown" naming the request or the job ID (0 or 1 copy);
 * - with Continue On Fail every item has one output (0 lost); without it, nothing is submitted after the first
 *   failed submit, and the error names every job Publer accepted.
 *
 * Runs: PUBLER_FC_RUNS (default 200). Seed: PUBLER_FC_SEED to replay; fast-check prints seed and path on failure.
 * Failing seeds found so far are kept in REGRESSION_SEEDS.
 */
import fc from 'fast-check';
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { startSandbox, type Fault, type Sandbox } from '../../../../../../sandbox';
import { runPublerNode, shutdownN8nCore } from '../../../../../support';
import { fakeDateOnly } from '../../../../../support/trigger';
import { followSandbox } from './simulatedClock';

jest.mock('n8n-workflow', () => jest.requireActual('./simulatedClock').mockN8nWorkflow());

const MINUTE = 60_000;
const T0 = '2026-03-02T08:00:00Z';
const RUNS = Math.max(1, Number(process.env.PUBLER_FC_RUNS ?? 200) || 200);
const SEED = process.env.PUBLER_FC_SEED !== undefined ? Number(process.env.PUBLER_FC_SEED) : undefined;
/** Seeds that once failed (kept as regression cases; each runs 5 scenarios). */
const REGRESSION_SEEDS: number[] = [];
/** Job durations (one sandbox each): done at once, in 30 s, 2 min, 10 min. */
const DURATIONS = [0, 30_000, 2 * MINUTE, 10 * MINUTE];

type Target = 'submit' | 'job' | 'list';
interface FaultSpec {
	target: Target;
	/** Requests of this kind that pass before the fault. */
	skip: number;
	kind: Fault['kind'];
	status?: number;
	count?: number;
}
interface Scenario {
	duration: number;
	mode: 'schedule' | 'draft' | 'publishNow';
	n: number;
	/** Blocks of consecutive items in the second workspace (start fraction, length fraction). */
	secondWs: Array<[number, number]>;
	failEvery: number;
	continueOnFail: boolean;
	waitTimeout: number;
	pollInterval: number;
	maxRateLimitWait: number;
	faults: FaultSpec[];
}

const faultArb: fc.Arbitrary<FaultSpec> = fc.oneof(
	fc.record({
		target: fc.constant<Target>('submit'),
		skip: fc.integer({ min: 0, max: 3 }),
		kind: fc.constantFrom<Fault['kind']>('dropBefore', 'dropAfter', 'status', 'html', '429', 'malformedJson', 'empty'),
		status: fc.constantFrom(500, 503, 400),
		count: fc.oneof({ weight: 5, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.integer({ min: 2, max: 14 }) }),
	}),
	fc.record({
		target: fc.constant<Target>('job'),
		skip: fc.integer({ min: 0, max: 3 }),
		kind: fc.constantFrom<Fault['kind']>('dropBefore', 'dropAfter', 'status', 'html', '429', 'malformedJson'),
		status: fc.constantFrom(500, 502, 503),
		count: fc.integer({ min: 1, max: 3 }),
	}),
	fc.record({
		target: fc.constant<Target>('list'),
		skip: fc.integer({ min: 0, max: 3 }),
		kind: fc.constantFrom<Fault['kind']>('dropBefore', 'status', 'html', '429'),
		status: fc.constantFrom(500, 503),
		count: fc.integer({ min: 1, max: 2 }),
	}),
);

const scenarioArb: fc.Arbitrary<Scenario> = fc
	.record({
		duration: fc.constantFrom(...DURATIONS),
		mode: fc.constantFrom<Scenario['mode']>('schedule', 'schedule', 'draft', 'publishNow'),
		n: fc.oneof({ weight: 40, arbitrary: fc.integer({ min: 1, max: 20 }) }, { weight: 4, arbitrary: fc.integer({ min: 21, max: 200 }) }, { weight: 1, arbitrary: fc.integer({ min: 201, max: 1500 }) }),
		secondWs: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 0.5, noNaN: true })), { maxLength: 2 }),
		failEvery: fc.constantFrom(0, 0, 7, 23),
		continueOnFail: fc.boolean(),
		waitTimeout: fc.constantFrom(60, 300, 900),
		pollInterval: fc.constantFrom(0, 1),
		maxRateLimitWait: fc.constantFrom(20, 130),
		faults: fc.array(faultArb, { maxLength: 5 }),
	})
	// Immediate publishing counts toward the daily caps of the day: keep those batches under them.
	.map((s) => (s.mode === 'publishNow' ? { ...s, n: Math.min(s.n, 40) } : s));

const totals = { scenarios: 0, items: 0, faultsInjected: 0, faultsByKind: {} as Record<string, number>, lost: 0, duplicated: 0, falseSuccesses: 0, falseFailures: 0, unknown: 0, stoppedRuns: 0 };

describe('Post → Create submission, model-based (fast-check)', () => {
	const boxes = new Map<number, Sandbox>();
	beforeAll(async () => {
		fakeDateOnly();
		for (const duration of DURATIONS) {
			boxes.set(
				duration,
				await startSandbox({
					now: T0,
					rateLimit: { limit: 100, windowSeconds: 120 },
					rateLimitClock: 'sandbox',
					jobWorkingPolls: 100_000,
					jobDurationMs: duration,
					postsPerPage: 100,
					logBodies: false,
					maxLoggedRequests: 100_000,
				}),
			);
		}
	});
	afterAll(async () => {
		for (const box of boxes.values()) await box.close();
		jest.useRealTimers();
		shutdownN8nCore();
		console.log(`Post → Create model: ${JSON.stringify(totals)}`);
	});

	async function check(s: Scenario): Promise<void> {
		const sb = boxes.get(s.duration)!;
		sb.reset();
		sb.clearFaults();
		sb.clearRequests();
		followSandbox(sb);
		const main = ['twitter', 'mastodon', 'bluesky', 'threads'].map((p) => sb.accountFor(p).id);
		const twitter = main[0];
		const second = sb.accounts(sb.secondWorkspaceId).find((a) => a.provider === 'facebook')!.id;
		const inSecond = (i: number) => s.secondWs.some(([start, length]) => i >= Math.floor(start * s.n) && i < Math.floor((start + length) * s.n));
		const t0 = sb.clock.now().getTime() + 2 * 60 * MINUTE;
		const nextAt = new Map<string, number>();
		const tag = `m${totals.scenarios}`;
		const items = Array.from({ length: s.n }, (_, i) => {
			const ws = inSecond(i) ? sb.secondWorkspaceId : sb.workspaceId;
			const account = ws === sb.workspaceId ? main[i % 4] : second;
			// one post per account every 31 min (61 min on the professional workspace): under the daily caps, no gap rule
			const at = nextAt.get(account) ?? t0;
			nextAt.set(account, at + (ws === sb.workspaceId ? 31 : 61) * MINUTE);
			const mustFail = s.mode === 'schedule' && s.failEvery > 0 && i % s.failEvery === 3 && account === twitter;
			return { ws, account, when: new Date(at).toISOString(), text: mustFail ? `${tag} ${i} ${'x'.repeat(300)}` : `${tag} ${i}`, mustFail };
		});
		const paths: Record<Target, { method: string; path: string | RegExp }> = {
			submit: { method: 'POST', path: /^\/posts\/schedule/ },
			job: { method: 'GET', path: /^\/job_status\// },
			list: { method: 'GET', path: '/posts' },
		};
		for (const f of s.faults) {
			const where = paths[f.target];
			for (let k = 0; k < f.skip; k++) sb.injectFault({ ...where, kind: 'latency', latencyMs: 0 });
			sb.injectFault({ ...where, kind: f.kind, status: f.kind === 'status' ? f.status : f.kind === 'html' ? 502 : undefined, count: f.kind === '429' ? f.count : 1 });
		}

		const parameters: INodeParameters = {
			resource: 'post',
			operation: 'create',
			workspace: { __rl: true, mode: 'id', value: '={{ $json.ws }}' },
			mode: s.mode,
			accounts: '={{ $json.account }}',
			text: '={{ $json.text }}',
			options: { validate: false, waitTimeout: s.waitTimeout, pollInterval: s.pollInterval, maxRateLimitWait: s.maxRateLimitWait },
		};
		if (s.mode !== 'publishNow') parameters.scheduledAt = '={{ $json.when }}';
		const result = await runPublerNode({
			credentials: { apiKey: sb.apiKey, baseUrl: sb.baseUrl },
			items: items.map(({ ws, account, when, text }) => ({ ws, account, when, text })),
			onError: s.continueOnFail ? 'continueErrorOutput' : 'stopWorkflow',
			parameters,
		});
		const log = sb.requests();
		// Let every job Publer holds finish (the slowest take 10 minutes), then count copies.
		sb.clock.advance(15 * MINUTE);
		const copies = new Map<string, number>();
		for (const post of sb.posts()) copies.set(String(post.text), (copies.get(String(post.text)) ?? 0) + 1);

		totals.scenarios++;
		totals.items += s.n;
		for (const r of log) {
			if (r.fault && r.fault !== 'latency') {
				totals.faultsInjected++;
				totals.faultsByKind[r.fault] = (totals.faultsByKind[r.fault] ?? 0) + 1;
			}
		}
		const problems: string[] = [];
		for (const item of items) {
			const n = copies.get(item.text) ?? 0;
			if (n > 1) {
				totals.duplicated++;
				problems.push(`${item.text.slice(0, 20)}: ${n} copies`);
			}
		}

		const submits = log.filter((r) => r.method === 'POST' && r.path.startsWith('/posts/schedule'));
		if (s.continueOnFail) {
			expect(result.error).toBeUndefined();
			const outputs = new Map<number, { ok: boolean; out: INodeExecutionData }[]>();
			for (const out of result.items) outputs.set((out.pairedItem as { item: number }).item, [...(outputs.get((out.pairedItem as { item: number }).item) ?? []), { ok: true, out }]);
			for (const out of result.errorItems) outputs.set((out.pairedItem as { item: number }).item, [...(outputs.get((out.pairedItem as { item: number }).item) ?? []), { ok: false, out }]);
			items.forEach((item, i) => {
				const outs = outputs.get(i) ?? [];
				const n = copies.get(item.text) ?? 0;
				if (outs.length !== 1) {
					totals.lost++;
					problems.push(`item ${i}: ${outs.length} outputs`);
					return;
				}
				const { ok, out } = outs[0];
				if (ok) {
					if (n !== 1 || item.mustFail) {
						totals.falseSuccesses++;
						problems.push(`item ${i}: success (${String(out.json.status)}) but ${n} copies${item.mustFail ? ' and Publer must refuse it' : ''}`);
					}
					return;
				}
				const message = String(out.json.error);
				const description = String((out.error as { description?: string } | undefined)?.description ?? '');
				const unknown = /^Outcome unknown: the answer to request \d+ \(items [^)]+\) was lost/.test(message) || /^Publer job [0-9a-f]{24} was still working after/.test(message) || /^Publer accepted the .*\(job [0-9a-f]{24}\), but waiting for the job failed/.test(message) || /did not say which/.test(message);
				if (unknown) {
					totals.unknown++;
					if (/^Outcome unknown/.test(message) && !/Nothing was sent again/.test(description)) problems.push(`item ${i}: unknown outcome without the advice: ${description}`);
					return;
				}
				// Every other error says the post was not created.
				if (n !== 0) {
					totals.falseFailures++;
					problems.push(`item ${i}: error "${message.slice(0, 120)}" but the post exists`);
				}
				if (item.mustFail && !/Twitter allows 280|could not create/.test(message) && /^Publer could not create/.test(message)) problems.push(`item ${i}: wrong reason ${message}`);
				if (/^Publer could not create the post/.test(message) && !/: \S/.test(message)) problems.push(`item ${i}: failure without Publer's reason`);
			});
		} else {
			if (!result.error) {
				expect(result.items).toHaveLength(s.n);
				items.forEach((item, i) => {
					if ((copies.get(item.text) ?? 0) !== 1 || item.mustFail) {
						totals.falseSuccesses++;
						problems.push(`item ${i}: success without exactly one post`);
					}
				});
			} else {
				totals.stoppedRuns++;
				// Nothing is submitted after the first failed submit (a 429 is retried by design: Publer did not take it).
				const failedAt = submits.findIndex((r) => r.status !== 429 && (r.status === 0 || r.status >= 400 || r.fault === 'malformedJson' || r.fault === 'empty'));
				if (failedAt >= 0 && submits.slice(failedAt + 1).length) problems.push(`${submits.length - failedAt - 1} submits after the failed submit ${failedAt}`);
				const message = result.error.message;
				if (/stopped after request/.test(message)) {
					// every job Publer accepted (answered with its ID) is named
					const jobs = sb.jobs();
					const answered = submits.filter((r) => r.status !== 429 && r.fault !== 'status' && r.fault !== 'html' && r.fault !== 'dropBefore' && r.fault !== '429' && r.fault !== 'malformedJson' && r.fault !== 'empty');
					// jobs are created in submit order; a dropAfter submit created a job whose ID the node never saw
					let j = 0;
					for (const r of answered) {
						const job = jobs[j++];
						if (job && r.fault !== 'dropAfter' && !message.includes(String(job.id))) problems.push(`accepted job ${job.id} not named in the error`);
					}
				}
			}
		}
		if (problems.length) throw new Error(`${problems.length} problem(s) in ${JSON.stringify({ ...s, faults: s.faults })}:\n${problems.slice(0, 10).join('\n')}`);
	}

	it(`${RUNS} generated scenarios: at most once, exactly once on success, truthful outputs, nothing sent after an error`, async () => {
		await fc.assert(
			fc.asyncProperty(scenarioArb, async (s) => check(s)),
			{ numRuns: RUNS, seed: SEED, endOnFailure: true, verbose: 1 },
		);
		console.log(`Post → Create model summary: ${JSON.stringify(totals)}`);
		expect(totals.scenarios).toBeGreaterThanOrEqual(RUNS);
		expect(totals.duplicated + totals.lost + totals.falseSuccesses + totals.falseFailures).toBe(0);
	}, 600_000);

	for (const seed of REGRESSION_SEEDS) {
		it(`regression seed ${seed}`, async () => {
			await fc.assert(
				fc.asyncProperty(scenarioArb, async (s) => check(s)),
				{ numRuns: 5, seed, endOnFailure: true },
			);
		}, 120_000);
	}
});
