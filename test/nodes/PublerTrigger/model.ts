/**
 * Model-based tests of the Publer Trigger's promises (issue 12): random histories of post creations and state
 * changes (every state, dated and undated drafts), random poll times, n8n restarts that reload static data from
 * JSON (only what n8n had saved: after the activation poll and after polls that emitted), Publer rate limits
 * (429) in the middle of polls, histories past every cap. After every scenario the sandbox's store is the truth:
 *   - every emitted item is true (the post was in that state when the poll ran);
 *   - no (post, state) is emitted twice unless the post left the state (or the window) in between;
 *   - nothing that existed at activation is emitted (Include Existing off), everything does with it on;
 *   - every post in a watched state is emitted within the settle polls after the changes stop, and a post that
 *     came back after leaving for a few polls is emitted again;
 *   - no poll sends more than MAX_REQUESTS_PER_POLL requests; static data stays under its bound.
 *
 * Runs: PUBLER_FC_RUNS (default 200) scenarios per small property, PUBLER_FC_LARGE_RUNS (default 1) large ones;
 * PUBLER_FC_SEED replays a run.
 * A failure prints fast-check's seed and path; add them to REGRESSION_SEEDS to keep the case.
 */
import fc from 'fast-check';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { shutdownN8nCore } from '../../support';
import { startSandbox, type Sandbox } from '../../../sandbox';
import { api, fakeDateOnly, poller, type Poller } from '../../support/trigger';

const RUNS = Math.max(1, Number(process.env.PUBLER_FC_RUNS) || 200);
const LARGE_RUNS = Math.max(1, Number(process.env.PUBLER_FC_LARGE_RUNS) || 1);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const T0 = '2025-06-01T12:00:00Z';
const LATE = 3 * HOUR;
const OVERLAP = 5 * MIN;
/** The documented bounds (README, "Publer Trigger"). */
const MAX_REQUESTS_PER_POLL = 10;
const BYTES_IDLE = 600;
const BYTES_PER_POST = 60;

/**
 * Failing cases found so far (seed, path), replayed first. A seed stands for a case only as long as the generators
 * in this file stay the same: when one changes, turn the counterexample fast-check printed into a fixed scenario.
 * -526673221/24 found a dated "Draft (Any)" draft that left the window and came back as an undated idea (a new
 * event by the documented rule; the oracle was wrong, the trigger right).
 */
const REGRESSION_SEEDS: Array<{ property: 'lifecycle' | 'jobs'; seed: number; path?: string; size?: ScenarioSize }> = [
	{ property: 'lifecycle', seed: -526673221, path: '24', size: { posts: 12, steps: 6, actions: 4 } },
	// A post present at activation, away for one poll, back: not emitted again (fewer than two sweeps away, the
	// documented rule); the oracle demanded an emission.
	{ property: 'lifecycle', seed: 533866648, path: '41', size: { posts: 8, steps: 4, actions: 3 } },
	// The same, away for two polls (one of them rate-limited), found by the soak (1,000 runs).
	{ property: 'lifecycle', seed: -1396088313, path: '701', size: { posts: 8, steps: 4, actions: 3 } },
];
/** Size of one generated lifecycle scenario: posts in play, steps (polls with changes), changes per step. */
interface ScenarioSize {
	posts: number;
	steps: number;
	actions: number;
}
/**
 * Scenarios are kept small so that 200 of them fit in `npm test` (about 15 s of CPU); `npm run soak` runs 1,000.
 * Small is enough: every cap and bound has its own large property (model.large.test.ts).
 */
const LIFECYCLE_SIZE: ScenarioSize = { posts: 8, steps: 4, actions: 3 };
/** The size new regression seeds are found with (set `size` on older ones). */
const SEED_SIZE = LIFECYCLE_SIZE;
/** PUBLER_FC_SEED replays one run (with the seed fast-check printed). */
const SEED = process.env.PUBLER_FC_SEED ? Number(process.env.PUBLER_FC_SEED) : undefined;

const STATES = [
	'scheduled', 'scheduled_approved', 'scheduled_pending', 'scheduled_declined', 'scheduled_reauth', 'scheduled_locked',
	'published', 'published_posted', 'published_deleted', 'published_hidden',
	'draft', 'draft_dated', 'draft_undated', 'draft_private', 'draft_public', 'failed',
	'recycling', 'recycling_active', 'recycling_paused', 'recycling_expired', 'recycling_failed', 'recycling_pending', 'recycling_declined', 'recycling_reauth', 'recycling_locked',
	'recurring',
];
const FAMILIES = new Set(['scheduled', 'published', 'draft', 'recycling']);
/** States a post can actually be in ("scheduled" is one; the other families are filters only). */
const CONCRETE = STATES.filter((s) => s === 'scheduled' || !FAMILIES.has(s));
const UNDATED = new Set(['draft_undated', 'draft_private', 'draft_public']);
const PAST_ONLY = (s: string) => s.startsWith('published') || s === 'failed' || s.startsWith('recycling');

interface Action {
	post: number;
	state: string;
	/** minutes from now (dated states) */
	offset: number;
}
interface Step {
	advance: number;
	actions: Action[];
	restart: boolean;
	/** 429s answered to the next requests of this poll */
	rateLimited: number;
}
interface Scenario {
	config: INodeParameters;
	includeExisting: boolean;
	initial: Action[];
	steps: Step[];
}

const offsetArb = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: -170, max: 240 }) }, { weight: 1, arbitrary: fc.integer({ min: -24 * 60, max: 3 * 24 * 60 }) });
const actionArb = (posts: number) => fc.record({ post: fc.nat({ max: posts - 1 }), state: fc.constantFrom(...CONCRETE), offset: offsetArb });
const configArb = fc.oneof(
	fc.constant<INodeParameters>({ event: 'postPublished' }),
	fc.constant<INodeParameters>({ event: 'postFailed' }),
	fc.uniqueArray(fc.constantFrom(...STATES), { minLength: 1, maxLength: 3 }).map((states): INodeParameters => ({ event: 'postEnteredState', states })),
	fc.constant<INodeParameters>({ event: 'postEnteredState', states: ['draft'] }),
);
const stepArb = (posts: number, maxActions: number) =>
	fc.record({
		advance: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1, max: 30 }) }, { weight: 2, arbitrary: fc.integer({ min: 30, max: 240 }) }, { weight: 1, arbitrary: fc.integer({ min: 240, max: 12 * 60 }) }),
		actions: fc.array(actionArb(posts), { maxLength: maxActions }),
		restart: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
		rateLimited: fc.oneof({ weight: 5, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }) }),
	});
const scenarioArb = (posts: number, steps: number, maxActions: number) =>
	fc.record({
		config: configArb,
		includeExisting: fc.boolean(),
		initial: fc.array(actionArb(posts), { maxLength: posts }),
		steps: fc.array(stepArb(posts, maxActions), { minLength: 1, maxLength: steps }),
	});

/** What the trigger counts a post's state as (mirrors the documented event semantics, not the code). */
function asOf(config: INodeParameters, state: string): string | undefined {
	if (config.event === 'postPublished') return state.startsWith('published') ? 'published' : undefined;
	const chosen = config.event === 'postFailed' ? ['failed', 'recycling_failed'] : (config.states as string[]);
	if (chosen.includes(state)) return state;
	return chosen.find((c) => FAMILIES.has(c) && state.startsWith(`${c}_`));
}
function emittedAs(config: INodeParameters, item: IDataObject): string {
	if (config.event === 'postPublished') return 'published';
	if (config.event === 'postFailed') return String(item.state);
	return String(item.enteredState);
}

interface Observation {
	t: number;
	/** post id → [state, scheduled_at ms or null] */
	posts: Map<string, [string, number | null]>;
	restartBefore: boolean;
	faulted: boolean;
}

function apply(sb: Sandbox, pool: string[], a: Action): void {
	const now = sb.clock.now().getTime();
	const undated = UNDATED.has(a.state);
	let offset = a.offset;
	if (PAST_ONLY(a.state)) offset = -Math.abs(offset) % (LATE / MIN - 10); // these states only lie in the past, inside the late window
	const extra: Record<string, unknown> = { scheduled_at: undated ? null : new Date(now + offset * MIN).toISOString() };
	if (a.state.startsWith('recycling')) extra.recycling = { gap: 1, gap_freq: 'Week' };
	sb.setPostState(pool[a.post], a.state, extra);
}

async function runScenario(sb: Sandbox, pool: string[], s: Scenario, settlePolls: number, pollsPerSweep: number): Promise<void> {
	sb.reset();
	const config: INodeParameters = { ...s.config, options: s.includeExisting ? { includeExisting: true } : {} };
	const trigger = poller(sb, config);
	for (const a of s.initial) apply(sb, pool, a);
	const observations: Observation[] = [];
	const emissions: Array<{ poll: number; item: IDataObject }> = [];
	const watched = new Set(pool);
	const observe = (restartBefore: boolean, faulted: boolean) => {
		const posts = new Map<string, [string, number | null]>();
		for (const p of sb.posts(sb.workspaceId)) if (watched.has(p.id)) posts.set(p.id, [p.state, p.scheduled_at ? Date.parse(p.scheduled_at) : null]);
		observations.push({ t: sb.clock.now().getTime(), posts, restartBefore, faulted });
	};
	const poll = async (step?: Step) => {
		if (step?.restart) trigger.restart();
		if (step?.rateLimited) sb.injectFault({ method: 'GET', kind: '429', count: step.rateLimited });
		observe(!!step?.restart, !!step?.rateLimited);
		const before = trigger.emitted.length;
		await trigger.poll();
		sb.clearFaults();
		for (const item of trigger.emitted.slice(before)) emissions.push({ poll: observations.length - 1, item });
	};
	await poll(); // activation
	for (const step of s.steps) {
		sb.clock.advance(step.advance * MIN);
		for (const a of step.actions) apply(sb, pool, a);
		await poll(step);
	}
	for (let i = 0; i < settlePolls; i++) {
		sb.clock.advance(MIN);
		await poll();
	}
	check(s, config, observations, emissions, trigger, pollsPerSweep);
}

function check(s: Scenario, config: INodeParameters, obs: Observation[], emissions: Array<{ poll: number; item: IDataObject }>, trigger: Poller, pollsPerSweep: number): void {
	const fail = (message: string) => {
		const list = emissions.map((e) => [e.poll, e.item.postId, emittedAs(config, e.item)]);
		throw new Error(`${message}\nconfig ${JSON.stringify(config)}\n${list.length} emissions ${JSON.stringify(list.slice(0, 40))}\nrequests ${trigger.requests.join(',')}`);
	};
	const last = obs.length - 1;
	const timeline = (id: string) =>
		obs.map((o, k) => `${k}${o.restartBefore ? 'R' : ''}${o.faulted ? 'F' : ''}@${new Date(o.t).toISOString().slice(5, 16)}:${o.posts.get(id)![0]}/${o.posts.get(id)![1] === null ? '-' : new Date(o.posts.get(id)![1]!).toISOString().slice(5, 16)}`).join(' ');
	type Cat = 'in' | 'out' | 'maybe';
	const cat = (k: number, id: string, c: string): Cat => {
		const [state, sched] = obs[k].posts.get(id)!;
		if (asOf(config, state) !== c) return 'out';
		const t = obs[k].t;
		if (sched === null) return UNDATED.has(state) ? 'in' : 'out';
		// the trigger forgets a post once its time is below the window, at the latest at the end of this poll
		if (sched < t - LATE - OVERLAP) return 'out';
		return sched >= t - LATE ? 'in' : 'maybe';
	};
	// 5. requests per poll; 6. static data
	const maxRequests = Math.max(...trigger.requests);
	if (maxRequests > MAX_REQUESTS_PER_POLL) fail(`a poll sent ${maxRequests} requests`);
	const everIn = new Set(emissions.map((e) => String(e.item.postId)));
	const bound = BYTES_IDLE + BYTES_PER_POST * (obs[0].posts.size + everIn.size);
	if (trigger.size() > bound) fail(`static data ${trigger.size()} bytes > ${bound}`);

	const byKey = new Map<string, number[]>();
	for (const { poll, item } of emissions) {
		const id = String(item.postId);
		const c = emittedAs(config, item);
		// 1. every item is true
		const actual = obs[poll].posts.get(id);
		if (!actual || asOf(config, actual[0]) !== c || item.state !== actual[0]) fail(`poll ${poll} emitted ${id} as ${c}, but it was ${actual?.[0]}`);
		const key = `${id} ${c}`;
		byKey.set(key, [...(byKey.get(key) ?? []), poll]);
	}
	for (const [key, polls] of byKey) {
		const [id, c] = key.split(' ');
		// 2. at most once per stay
		for (let i = 1; i < polls.length; i++) {
			let left = false;
			for (let k = polls[i - 1] + 1; k < polls[i]; k++) if (cat(k, id, c) === 'out') left = true;
			if (!left) fail(`${key} emitted at polls ${polls[i - 1]} and ${polls[i]} without leaving in between; ${timeline(id)}`);
		}
		// 4. existing posts are not emitted (Include Existing off)
		if (!s.includeExisting && cat(0, id, c) === 'in') {
			let stayed = true;
			for (let k = 0; k <= polls[0]; k++) if (cat(k, id, c) === 'out') stayed = false;
			if (stayed) fail(`${key} existed at activation and was emitted at poll ${polls[0]}`);
		}
	}
	// 3. every post in a watched state is emitted within the settle polls; one that came back is emitted again.
	for (const id of obs[last].posts.keys()) {
		const [state] = obs[last].posts.get(id)!;
		const c = asOf(config, state);
		if (!c) continue;
		let settled = true;
		for (let k = last - pollsPerSweep; k <= last; k++) if (cat(k, id, c) !== 'in') settled = false;
		if (!settled) continue;
		const polls = byKey.get(`${id} ${c}`) ?? [];
		let sinceActivation = true;
		for (let k = 0; k <= last; k++) if (cat(k, id, c) === 'out') sinceActivation = false;
		// A post that existed at activation and was away for fewer polls than two sweeps may stay remembered (the
		// trigger forgets a post only after two complete sweeps missed it), so it need not fire again.
		let away = 0;
		let longestAway = 0;
		for (let k = 0; k <= last; k++) {
			away = cat(k, id, c) === 'out' ? away + 1 : 0;
			longestAway = Math.max(longestAway, away);
		}
		const onlyShortAbsences = cat(0, id, c) === 'in' && longestAway < 2 * pollsPerSweep + 1;
		if (!polls.length && !((sinceActivation || onlyShortAbsences) && !s.includeExisting)) fail(`${id} in ${c} since poll ${last - pollsPerSweep} was never emitted`);
		// came back after >= 3 clean polls away (no restart or fault from then on): emitted after it came back
		let run = 0;
		let runEnd = -1;
		for (let k = 0; k <= last; k++) {
			if (obs[k].posts.get(id)![0] && asOf(config, obs[k].posts.get(id)![0]) !== c) run++;
			else {
				if (run >= 2 * pollsPerSweep + 1) runEnd = k;
				run = 0;
			}
		}
		if (runEnd > 0) {
			let clean = true;
			for (let k = runEnd - 2 * pollsPerSweep - 1; k <= last; k++) if (obs[k].restartBefore || obs[k].faulted) clean = false;
			if (clean && !polls.some((p) => p >= runEnd)) fail(`${id} came back to ${c} at poll ${runEnd} and was not emitted again`);
		}
	}
}

export function lifecycleModel(): void {
describe('Publer Trigger model: lifecycle events', () => {
	let sb: Sandbox;
	let pool: string[] = [];
	beforeAll(async () => {
		fakeDateOnly();
		sb = await startSandbox({ rateLimit: false, now: T0, seed: { historyPosts: 40 } });
	});
	afterAll(async () => {
		await sb.close();
		jest.useRealTimers();
		shutdownN8nCore();
	});
	const poolOf = (n: number) => {
		sb.reset();
		return sb
			.posts(sb.workspaceId)
			.filter((p) => p.state === 'published_posted' && p.account_id)
			.sort((a, b) => (a.id < b.id ? -1 : 1))
			.slice(0, n)
			.map((p) => p.id);
	};

	it(`${RUNS} small scenarios: every event once, bounded requests and static data`, async () => {
		pool = poolOf(12);
		const property = (size: ScenarioSize) =>
			fc.asyncProperty(scenarioArb(size.posts, size.steps, size.actions), (scenario) => runScenario(sb, pool, scenario, 3, 1));
		// A seed stands for its case only with the generator it was found with.
		for (const r of REGRESSION_SEEDS.filter((x) => x.property === 'lifecycle')) {
			await fc.assert(property(r.size ?? SEED_SIZE), { seed: r.seed, path: r.path, numRuns: 1, endOnFailure: true });
		}
		const started = performance.now();
		await fc.assert(property(LIFECYCLE_SIZE), { numRuns: RUNS, endOnFailure: true, ...(SEED !== undefined ? { seed: SEED } : {}) });
		console.log(`model lifecycle: ${RUNS} scenarios in ${((performance.now() - started) / 1000).toFixed(1)} s`);
	}, 600_000);
});
}
export function largeLifecycleModel(): void {
describe('Publer Trigger model: a window far past every cap', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		fakeDateOnly();
		sb = await startSandbox({ rateLimit: false, now: T0, seed: { historyPosts: 2_300 } });
	});
	afterAll(async () => {
		await sb.close();
		jest.useRealTimers();
		shutdownN8nCore();
	});

	it(`${LARGE_RUNS} large scenario(s): 2,200 posts enter the window at once, then random changes`, async () => {
		sb.reset();
		const pool = sb
			.posts(sb.workspaceId)
			.filter((p) => p.state === 'published_posted' && p.account_id)
			.sort((a, b) => (a.id < b.id ? -1 : 1))
			.map((p) => p.id);
		const bulkArb = fc.constantFrom(
			{ config: { event: 'postPublished' }, state: 'published_posted' },
			{ config: { event: 'postEnteredState', states: ['scheduled_pending'] }, state: 'scheduled_pending' },
			{ config: { event: 'postEnteredState', states: ['draft'] }, state: 'draft_undated' },
		);
		const arb = fc.record({
			bulk: bulkArb,
			offsets: fc.array(fc.integer({ min: -170, max: 600 }), { minLength: 2_200, maxLength: 2_200 }),
			steps: fc.array(stepArb(50, 6), { minLength: 1, maxLength: 4 }),
			includeExisting: fc.boolean(),
		});
		const pollsPerSweep = Math.ceil(2_200 / 20 / 8) + 2;
		const property = fc.asyncProperty(arb, async ({ bulk, offsets, steps, includeExisting }) => {
			const bulkStep: Step = { advance: 1, actions: [], restart: false, rateLimited: 0 };
			const scenario: Scenario = { config: bulk.config as INodeParameters, includeExisting, initial: [], steps: [bulkStep, ...steps] };
			// The bulk happens right after activation: apply it through a first step's actions.
			bulkStep.actions = offsets.map((offset, i) => ({ post: 50 + i, state: bulk.state, offset: bulk.state === 'scheduled_pending' ? Math.abs(offset) + 10 : offset }));
			const started = performance.now();
			await runScenario(sb, pool, scenario, 2 * pollsPerSweep + 2, pollsPerSweep);
			console.log(`model large: ${bulk.config.event} ${bulk.state}, ${((performance.now() - started) / 1000).toFixed(1)} s`);
		});
		await fc.assert(property, { numRuns: LARGE_RUNS, endOnFailure: true, ...(SEED !== undefined ? { seed: SEED } : {}) });
	}, 600_000);
});
}
export function jobsModel(which: 'small' | 'large'): void {
describe('Publer Trigger model: Job Completed', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		fakeDateOnly();
		sb = await startSandbox({ rateLimit: false, now: T0, jobWorkingPolls: 2, jobDurationMs: 30 * DAY });
	});
	afterAll(async () => {
		await sb.close();
		jest.useRealTimers();
		shutdownN8nCore();
	});

	interface JobStep {
		advance: number;
		add: number;
		unknown: number;
		/** expire (404 from now on) the n-th job named after activation, if any */
		expire: number;
		restart: boolean;
		rateLimited: number;
	}
	interface JobScenario {
		before: boolean[];
		unknownBefore: number;
		includeExisting: boolean;
		steps: JobStep[];
	}
	const jobStepArb = fc.record({
		advance: fc.integer({ min: 1, max: 30 }),
		add: fc.integer({ min: 0, max: 2 }),
		unknown: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.constant(1) }),
		expire: fc.oneof({ weight: 3, arbitrary: fc.constant(-1) }, { weight: 1, arbitrary: fc.nat({ max: 20 }) }),
		restart: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
		rateLimited: fc.oneof({ weight: 5, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }) }),
	});
	const jobScenarioArb = (maxBefore: number, maxSteps: number) =>
		fc.record({
			before: fc.array(fc.boolean(), { minLength: 1, maxLength: Math.max(1, maxBefore) }),
			unknownBefore: fc.integer({ min: 0, max: 2 }),
			includeExisting: fc.boolean(),
			steps: fc.array(jobStepArb, { minLength: 1, maxLength: maxSteps }),
		});

	let counter = 0;
	const submit = async () => {
		const fb = sb.accountFor('facebook');
		const at = new Date(sb.clock.now().getTime() + DAY + counter++ * MIN).toISOString();
		const body = await api(sb, 'POST', '/posts/schedule', {
			bulk: { state: 'draft', posts: [{ networks: { facebook: { type: 'status', text: `Job ${counter}` } }, accounts: [{ id: fb.id, scheduled_at: at }] }] },
		});
		return String(body.job_id);
	};
	const unknownId = () => `ffff${(counter++).toString(16).padStart(20, '0')}`;

	async function runJobs(s: JobScenario, settle: number): Promise<void> {
		sb.reset();
		const finishedBefore = new Set<string>();
		const unknownAtStart = new Set<string>();
		const named: string[] = [];
		for (const done of s.before) {
			const id = await submit();
			named.push(id);
			if (done) {
				for (let i = 0; i < 3; i++) await api(sb, 'GET', `/job_status/${id}`);
				finishedBefore.add(id);
			}
		}
		for (let i = 0; i < s.unknownBefore; i++) {
			const id = unknownId();
			named.push(id);
			unknownAtStart.add(id);
		}
		const atActivation = [...named];
		const params: INodeParameters = { event: 'jobCompleted', jobIds: named.join(','), options: s.includeExisting ? { includeExisting: true } : {} };
		const trigger = poller(sb, params);
		let restarts = 0;
		const expired: string[] = [];
		const later: string[] = [];
		const poll = async (step?: JobStep) => {
			params.jobIds = named.join(',');
			if (step?.restart) {
				trigger.restart();
				restarts++;
			}
			if (step?.rateLimited) sb.injectFault({ method: 'GET', kind: '429', count: step.rateLimited });
			await trigger.poll();
			sb.clearFaults();
			for (const id of expired) sb.injectFault({ method: 'GET', path: `/job_status/${id}`, kind: 'status', status: 404, count: 1_000_000 });
		};
		await poll();
		for (const step of s.steps) {
			sb.clock.advance(step.advance * MIN);
			for (let i = 0; i < step.add; i++) later.push(await submit());
			for (let i = 0; i < step.unknown; i++) later.push(unknownId());
			named.splice(0, named.length, ...atActivation, ...later);
			if (step.expire >= 0 && step.expire < later.length) expired.push(later[step.expire]);
			for (const id of expired) sb.injectFault({ method: 'GET', path: `/job_status/${id}`, kind: 'status', status: 404, count: 1_000_000 });
			await poll(step);
		}
		for (let i = 0; i < settle + Math.ceil(named.length / 10) * 3; i++) {
			sb.clock.advance(MIN);
			await poll();
		}
		const emitted = new Map<string, IDataObject[]>();
		for (const item of trigger.emitted) emitted.set(String(item.jobId), [...(emitted.get(String(item.jobId)) ?? []), item]);
		const fail = (message: string) => {
			throw new Error(`${message}\nemitted ${JSON.stringify(trigger.emitted.map((i) => [i.jobId, i.status]))}\nrequests ${trigger.requests.join(',')}`);
		};
		if (Math.max(...trigger.requests) > MAX_REQUESTS_PER_POLL) fail(`a poll sent ${Math.max(...trigger.requests)} requests`);
		const bound = 200 + 40 * named.length;
		if (trigger.size() > bound) fail(`static data ${trigger.size()} bytes > ${bound}`);
		for (const [id, items] of emitted) if (items.length > 1) fail(`job ${id} emitted ${items.length} times`);
		atActivation.forEach((id, index) => {
			const n = emitted.get(id)?.length ?? 0;
			const existing = finishedBefore.has(id) || unknownAtStart.has(id);
			if (existing && !s.includeExisting && n) fail(`job ${id} had finished before activation and was emitted`);
			if (existing && s.includeExisting && !n) fail(`job ${id} had finished before activation and was not emitted with Include Existing`);
			// A job still working at activation: emitted once. (Past the first 10, a restart can lose the record of its
			// first check, and it then counts as existing: documented.)
			if (!existing && !n && (index < 10 || restarts === 0)) fail(`job ${id}, working at activation, was never emitted`);
		});
		for (const id of later) {
			const items = emitted.get(id) ?? [];
			if (items.length !== 1) fail(`job ${id} named after activation was emitted ${items.length} times`);
			const status = items[0].status;
			if (id.startsWith('ffff') && status !== 'not_found') fail(`unknown job ${id} emitted as ${status}`);
			if (!id.startsWith('ffff') && !expired.includes(id) && status !== 'complete') fail(`job ${id} emitted as ${status}`);
		}
	}

	(which === 'small' ? it : it.skip)(`${RUNS} small scenarios: every job once, never a failed poll for a 404`, async () => {
		// Small scenarios (at most 4 jobs before activation, 3 steps adding up to 2 each) keep 200 runs at about 15 s of CPU.
		const property = fc.asyncProperty(jobScenarioArb(4, 3), (scenario) => runJobs(scenario, 3));
		for (const r of REGRESSION_SEEDS.filter((x) => x.property === 'jobs')) await fc.assert(property, { seed: r.seed, path: r.path, numRuns: 1, endOnFailure: true });
		const started = performance.now();
		await fc.assert(property, { numRuns: RUNS, endOnFailure: true, ...(SEED !== undefined ? { seed: SEED } : {}) });
		console.log(`model jobs: ${RUNS} scenarios in ${((performance.now() - started) / 1000).toFixed(1)} s`);
	}, 600_000);

	(which === 'large' ? it : it.skip)(`${LARGE_RUNS} large scenario(s): more than 500 job IDs`, async () => {
		const property = fc.asyncProperty(jobScenarioArb(0, 3), async (s) => {
			await runJobs({ ...s, before: Array.from({ length: 520 }, (_, i) => i % 3 !== 0) }, 3);
		});
		await fc.assert(property, { numRuns: LARGE_RUNS, endOnFailure: true, ...(SEED !== undefined ? { seed: SEED } : {}) });
	}, 600_000);
});
}
