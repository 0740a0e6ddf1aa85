// Section 4b of `npm run bench` (issue 14): the Publer Trigger (Post Published) at scale. After the activation
// poll, K posts (1,000 and 10,000) are scheduled through the API and the sandbox clock is moved past their times,
// so the next poll finds a window full of newly published posts. Measured per poll: requests, wall time, items
// emitted and the size of the trigger's static data; polls repeat (5 minutes apart) until one emits nothing
// (a trigger that reads a bounded number of pages per poll drains the window over several polls), and the
// posts emitted are checked against those published: none missed, none twice.
// The sandbox clock is simulated (the trigger's Date.now follows it); no sleep is involved in a poll.
import type { IDataObject } from 'n8n-workflow';

import type { runPoll } from '../test/support';

interface Started {
	baseUrl: string;
	apiKey: string;
	workspaceId: string;
	now: number;
}
interface Stats {
	total: number;
	rateLimited: number;
	byKind: Record<string, number>;
}
export interface TriggerScaleDeps {
	sandbox: <T = unknown>(cmd: string, args?: IDataObject) => Promise<T>;
	start: (options: IDataObject) => Promise<Started>;
	runPoll: typeof runPoll;
	simulated: { now: number | undefined };
}

const MIN = 60_000;
const round = (n: number, d = 1) => +n.toFixed(d);

async function api(s: Started, method: string, path: string, body?: unknown): Promise<IDataObject> {
	const res = await fetch(`${s.baseUrl}${path}`, {
		method,
		headers: { Authorization: `Bearer-API ${s.apiKey}`, 'Publer-Workspace-Id': s.workspaceId, ...(body ? { 'Content-Type': 'application/json' } : {}) },
		body: body ? JSON.stringify(body) : undefined,
	});
	const json = (await res.json()) as IDataObject;
	if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
	return json;
}

/** Schedules `k` text posts over the twitter, mastodon, bluesky and threads accounts, 15 minutes apart per account (under the daily caps). */
async function schedulePosts(s: Started, k: number, fromMs: number): Promise<number> {
	const accounts = ((await api(s, 'GET', '/accounts')) as unknown as IDataObject[]).filter((a) => ['twitter', 'mastodon', 'bluesky', 'threads'].includes(String(a.provider)));
	if (accounts.length < 8) throw new Error(`expected at least 8 accounts, got ${accounts.length}`);
	const use = accounts;
	let last = fromMs;
	for (let first = 0; first < k; first += 500) {
		const posts = [];
		for (let i = first; i < Math.min(k, first + 500); i++) {
			const acc = use[i % use.length];
			const at = fromMs + Math.floor(i / use.length) * 15 * MIN;
			last = Math.max(last, at);
			posts.push({ networks: { [String(acc.provider)]: { type: 'status', text: `Scale post ${i}` } }, accounts: [{ id: acc.id, scheduled_at: new Date(at).toISOString() }] });
		}
		const submit = await api(s, 'POST', '/posts/schedule', { bulk: { state: 'scheduled', posts } });
		const jobId = String(submit.job_id ?? (submit.data as IDataObject | undefined)?.job_id);
		const job = await api(s, 'GET', `/job_status/${jobId}`);
		const failures = ((job.payload as IDataObject | undefined)?.failures ?? []) as unknown[];
		if (String(job.status).startsWith('complete') === false || (Array.isArray(failures) ? failures.length : Object.keys(failures).length)) {
			throw new Error(`setup job ${jobId}: ${JSON.stringify(job).slice(0, 500)}`);
		}
	}
	return last;
}

export async function benchTriggerScale(deps: TriggerScaleDeps, sizes: number[]): Promise<IDataObject[]> {
	const { sandbox, start, runPoll, simulated } = deps;
	const rows: IDataObject[] = [];
	for (const k of sizes) {
		const s = await start({ rateLimit: false, jobWorkingPolls: 0, seed: { accountsPerNetwork: 4 } });
		let now = s.now;
		simulated.now = now;
		const staticData: IDataObject = {};
		const parameters = { event: 'postPublished', workspace: { __rl: true, mode: 'id', value: s.workspaceId } };
		const credentials = { apiKey: s.apiKey, baseUrl: s.baseUrl };
		await runPoll({ parameters, credentials, staticData }); // activation: the baseline
		const last = await schedulePosts(s, k, now + 10 * MIN);
		now = await sandbox<number>('advance', { ms: last - now + 5 * MIN });
		simulated.now = now;
		const published = Number((await api(s, 'GET', '/posts?state=published&page=0')).total);
		const polls: IDataObject[] = [];
		const emittedIds = new Map<string, number>();
		const maxPolls = Math.ceil(k / 20) + 20; // one page of 20 per poll at the least
		for (let p = 0; p < maxPolls; p++) {
			await sandbox('clearRequests');
			const t0 = process.hrtime.bigint();
			const out = await runPoll({ parameters, credentials, staticData });
			const ms = Number(process.hrtime.bigint() - t0) / 1e6;
			const stats = await sandbox<Stats>('requestStats');
			const emitted = out?.[0]?.length ?? 0;
			for (const item of out?.[0] ?? []) {
				const json = item.json as IDataObject;
				const id = String(json.id ?? json.postId ?? (json.post as IDataObject | undefined)?.id);
				emittedIds.set(id, (emittedIds.get(id) ?? 0) + 1);
			}
			polls.push({ requests: stats.total, ms: round(ms, 0), emitted, staticDataBytes: Buffer.byteLength(JSON.stringify(staticData)) });
			if (p < 3 || emitted === 0 || p % 10 === 0) console.error(`  trigger at scale, ${k} new: poll ${p + 1}: ${stats.total} requests, ${round(ms, 0)} ms, ${emitted} items`);
			now = await sandbox<number>('advance', { ms: 5 * MIN });
			simulated.now = now;
			if (emitted === 0) break;
		}
		const emittedTotal = polls.reduce((a, q) => a + (q.emitted as number), 0);
		const drained = polls.filter((q) => (q.emitted as number) > 0);
		rows.push({
			newPosts: k,
			publishedInSandbox: published,
			firstPoll: polls[0],
			pollsToDrain: drained.length,
			drainRequests: drained.reduce((a, q) => a + (q.requests as number), 0),
			drainMs: drained.reduce((a, q) => a + (q.ms as number), 0),
			maxRequestsPerPoll: Math.max(...polls.map((q) => q.requests as number)),
			maxStaticDataBytes: Math.max(...polls.map((q) => q.staticDataBytes as number)),
			emittedTotal,
			emittedDistinct: emittedIds.size,
			missed: k - emittedIds.size,
			duplicates: emittedTotal - emittedIds.size,
			quietPoll: polls[polls.length - 1],
			polls: polls.length > 12 ? [...polls.slice(0, 6), ...polls.slice(-6)] : polls,
		});
	}
	simulated.now = undefined;
	return rows;
}
