// `npm run demo`: the blog-to-social story end to end, with no Publer account. Starts the local Publer sandbox
// in-process, runs examples/blog-to-social.json's Publer part through n8n's engine (n8n-core's WorkflowExecute),
// moves the sandbox clock so the posts publish and gain engagement, runs examples/engagement-booster.json's
// Publer Trigger (baseline, then after the clock moved) and prints a short report.
import './env';

import type { IConnections, IDataObject, INode, INodeExecutionData } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../sandbox';
import { exampleForTest, loadExample, runPoll, runWorkflow, shutdownN8nCore } from '../test/support';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** What an RSS Feed Trigger emits for three new articles of a blog (the demo's sample feed). */
export const SAMPLE_FEED: IDataObject[] = [
	['Sourdough starter in 5 days', 'sourdough-starter', 'Flour, water and patience: a day-by-day guide to a lively starter.'],
	['Why we proof overnight', 'overnight-proof', 'A long, cold proof gives deeper flavour and a better crust. Here is how we do it.'],
	['Croissant lamination, step by step', 'croissant-lamination', 'Three folds, cold butter and a rested dough: our croissant method with photos.'],
].map(([title, slug, snippet], i) => ({
	title,
	link: `https://blog.sandbox-bakery.example/${slug}/`,
	pubDate: new Date(Date.UTC(2025, 5, 9 + i, 7)).toUTCString(),
	isoDate: new Date(Date.UTC(2025, 5, 9 + i, 7)).toISOString(),
	creator: 'Ana Baker',
	content: `<p>${snippet}</p>`,
	contentSnippet: snippet,
	guid: `https://blog.sandbox-bakery.example/?p=${101 + i}`,
	categories: ['Baking'],
}));

export interface DemoReport {
	text: string;
	wallMs: number;
	/** Requests the sandbox received from n8n (the Publer API calls). */
	requests: number;
	/** Bulk submit requests (`POST /posts/schedule`) of the blog-to-social run. */
	submitRequests: number;
	postsPerSubmit: number[];
	scheduled: Array<{ article: string; account: string; network: string; at: string; postId: string }>;
	jobs: Array<{ article: string; status: string; jobId: string; failures: number }>;
	published: Array<{ postId: string; state: string; likes: number }>;
	baselineFired: number;
	fired: Array<{ postId: string; account: string; network: string; likes: number; link: string }>;
	boosted: Array<{ postId: string; network: string; at: string }>;
	sandboxClockMovedMs: number;
}

const fmt = (when: unknown) =>
	new Date(typeof when === 'number' ? when : String(when)).toLocaleString('en-GB', { timeZone: 'UTC', weekday: 'short', day: '2-digit', month: 'short', hour: '2-digit', minute: '2-digit' }) + ' UTC';

function nodeOf(nodes: INode[], name: string): INode {
	const found = nodes.find((n) => n.name === name);
	if (!found) throw new Error(`No node "${name}"`);
	return found;
}

async function insightsLikes(sb: Sandbox, postIds: Set<string>): Promise<Map<string, number>> {
	// Read what Publer's analytics report, as any client would (the demo's report only; not through n8n).
	const likes = new Map<string, number>();
	for (let page = 0; page < 20; page++) {
		const res = await fetch(`${sb.baseUrl}/analytics/post_insights?page=${page}`, {
			headers: { Authorization: `Bearer-API ${sb.apiKey}`, 'Publer-Workspace-Id': sb.workspaceId },
		});
		const body = (await res.json()) as { posts?: Array<{ id: string; analytics?: { likes?: number } }> };
		for (const p of body.posts ?? []) if (postIds.has(p.id)) likes.set(p.id, Number(p.analytics?.likes ?? 0));
		if (!body.posts?.length || body.posts.length < 10) break;
	}
	return likes;
}

export async function runDemo(options: { log?: (line: string) => void } = {}): Promise<DemoReport> {
	const started = Date.now();
	const lines: string[] = [];
	const say = (line = '') => {
		lines.push(line);
		options.log?.(line);
	};

	// The sandbox keeps Publer's real rate limit (100 requests / 2 minutes) and answers each job "working" once.
	const sb = await startSandbox({ jobWorkingPolls: 1 });
	try {
		const credentials = { apiKey: sb.apiKey, baseUrl: sb.baseUrl };
		const accountName = new Map(sb.accounts(sb.workspaceId).map((a) => [a.id, a.name]));
		say(`Publer sandbox on ${sb.baseUrl} (workspace "Sandbox Bakery"), n8n-core's engine in-process.`);
		say();

		// ---- 1. Blog to social: feed items → one bulk auto-schedule request → wait → list what was scheduled.
		const blog = loadExample('blog-to-social.json');
		const { nodes, connections } = exampleForTest({ example: blog, pinned: { 'New Blog Post': SAMPLE_FEED } });
		const create = nodeOf(nodes, 'Auto-Schedule Posts');
		const accounts = create.parameters.accounts as string[];
		const list: INode = {
			id: 'demo-list',
			name: 'List Scheduled Posts',
			type: 'n8n-nodes-publer.publer',
			typeVersion: 1,
			position: [520, 0],
			executeOnce: true,
			credentials: create.credentials,
			parameters: {
				resource: 'post',
				operation: 'getMany',
				workspace: create.parameters.workspace,
				returnAll: true,
				filters: { states: ['scheduled'], accountIds: accounts, from: '={{ $today }}', to: '={{ $today.plus({ days: 14 }) }}' },
			},
		};
		const wiring: IConnections = { ...connections, 'Auto-Schedule Posts': { main: [[{ node: list.name, type: 'main', index: 0 }]] } };
		const run = await runWorkflow({ nodes: [...nodes, list], connections: wiring, startNode: 'New Blog Post', credentials, settings: blog.settings });
		if (run.error) throw run.error;

		const submits = sb.requests({ method: 'POST', path: /^\/posts\/schedule/ });
		const jobs = run.output('Auto-Schedule Posts').map((item: INodeExecutionData, i) => ({
			article: String(SAMPLE_FEED[i].title),
			status: String(item.json.status),
			jobId: String(item.json.jobId),
			failures: ((item.json.failures as unknown[]) ?? []).length,
		}));
		const listed = run.output(list.name).map((i) => i.json);
		const articleOf = (text: unknown) => SAMPLE_FEED.find((f) => String(text).startsWith(`New on the blog: ${String(f.title)}`))?.title as string | undefined;
		const scheduled = listed
			.filter((p) => articleOf(p.text))
			.map((p) => ({
				article: articleOf(p.text)!,
				account: accountName.get(String(p.account_id)) ?? String(p.account_id),
				network: String(p.network),
				at: String(p.scheduled_at),
				postId: String(p.id),
			}))
			.sort((a, b) => a.at.localeCompare(b.at) || a.account.localeCompare(b.account));
		const blogRequests = sb.requests().length;

		say(`1. Blog to social: ${SAMPLE_FEED.length} new feed items → Publer Post → Create (Auto-Schedule) for ${accounts.length} accounts`);
		const jobPolls = sb.requests({ method: 'GET', path: /^\/job_status\// }).length;
		say(`   ${submits.length} bulk request (POST ${submits.map((s) => s.path).join(', ')}) carrying ${submits.map((s) => (s.body?.bulk?.posts ?? []).length).join('+')} posts; waited for the job (${jobPolls} status polls). Job outcomes:`);
		for (const j of jobs) say(`   - "${j.article}": job ${j.jobId} ${j.status}, ${j.failures} failures`);
		say(`   Publer put them into the accounts' free slots (Post → Get Many, state scheduled):`);
		for (const s of scheduled) say(`   - ${fmt(s.at)}  ${s.account} (${s.network}): ${s.article}`);
		say(`   ${blogRequests} Publer API requests for this run.`);
		say();

		// ---- 2. The engagement trigger's first poll records a baseline.
		const booster = loadExample('engagement-booster.json');
		const trigger = nodeOf(booster.nodes, 'Post Reached 100 Likes');
		const staticData: IDataObject = {};
		const poll = async () =>
			((await runPoll({ parameters: trigger.parameters, credentials, staticData, nodeName: trigger.name }))?.[0] ?? []).map((i) => i.json);
		const baseline = await poll();
		const metric = String(trigger.parameters.metric);
		const threshold = Number(trigger.parameters.threshold);
		say(`2. Publer Trigger (Engagement Threshold Reached, ${metric} ≥ ${threshold}, ${(trigger.parameters.filters as IDataObject).accountIds ? 'Facebook and Instagram accounts' : 'all accounts'}): first poll = baseline, ${baseline.length} fired.`);
		say();

		// ---- 3. Time passes in the sandbox: the posts publish and gain engagement.
		const last = Math.max(...scheduled.map((s) => Date.parse(s.at)));
		const move = Math.max(DAY, last - sb.clock.now().getTime() + DAY);
		sb.clock.advance(move);
		const ours = new Set(scheduled.map((s) => s.postId));
		const posts = sb.posts(sb.workspaceId).filter((p) => ours.has(String(p.id)));
		// One article does especially well on Facebook (set in the sandbox, as an audience would).
		const viral = scheduled.find((s) => s.network === 'facebook' && s.article === SAMPLE_FEED[2].title);
		if (viral) sb.setPostMetrics(viral.postId, { likes: 240, comments: 31, shares: 18 });
		const likes = await insightsLikes(sb, ours);
		const published = posts.map((p) => ({ postId: String(p.id), state: String(p.state), likes: likes.get(String(p.id)) ?? 0 }));
		const live = published.filter((p) => p.state === 'published_posted').length;
		say(`3. Sandbox clock moved ${Math.round(move / HOUR)} hours ahead: ${live} of ${published.length} posts published (state published_posted), with likes from ${Math.min(...published.map((p) => p.likes))} to ${Math.max(...published.map((p) => p.likes))}${viral ? `; the Facebook post of "${viral.article}" took off (240 likes)` : ''}.`);
		say();

		// ---- 4. The trigger polls again: what crossed the threshold fires, once.
		const firedItems = await poll();
		const fired = firedItems.map((f) => ({
			postId: String(f.postId),
			account: String(f.accountName),
			network: String(f.network),
			likes: Number(f.value),
			link: String(f.link),
		}));
		say(`4. Publer Trigger, next poll: ${fired.length} post${fired.length === 1 ? '' : 's'} reached ${threshold} ${metric}:`);
		const articleOfPost = new Map(scheduled.map((x) => [x.postId, x.article]));
		for (const f of fired) say(`   - "${articleOfPost.get(f.postId) ?? f.postId}" on ${f.account} (${f.network}): ${f.likes} ${metric} · ${f.link}`);

		// ---- 5. The engagement booster shares what fired to LinkedIn and Threads (next free slot).
		const boosted: DemoReport['boosted'] = [];
		if (fired.length) {
			// The trigger's output feeds the rest of the example workflow.
			const rest = exampleForTest({ example: booster, pinned: { [trigger.name]: firedItems } });
			const boost = await runWorkflow({ nodes: rest.nodes, connections: rest.connections, startNode: trigger.name, credentials, settings: booster.settings });
			if (boost.error) throw boost.error;
			const shared = sb.posts(sb.workspaceId).filter((p) => String(p.text).startsWith('In case you missed it'));
			for (const p of shared) boosted.push({ postId: String(p.id), network: String(p.network), at: String(p.scheduled_at) });
			const boostSubmits = sb.requests({ method: 'POST', path: /^\/posts\/schedule/ }).length - submits.length;
			const times = boosted.map((b) => Date.parse(b.at)).sort((a, b) => a - b);
			say(
				`   → Engagement booster (Post → Create, Auto-Schedule, Share Next; ${boostSubmits} bulk request): ${boosted.length} link posts on ` +
					`${[...new Set(boosted.map((b) => b.network))].join(' and ')} in their next free slots (${fmt(times[0])} to ${fmt(times[times.length - 1])}), each with a follow-up comment.`,
			);
		}
		say();

		const requests = sb.requests().length;
		const wallMs = Date.now() - started;
		say(`Done in ${(wallMs / 1000).toFixed(1)} s: ${requests} Publer API requests in all, ${submits.length} bulk submit for ${scheduled.length} posts, no Publer account needed.`);
		return {
			text: lines.join('\n'),
			wallMs,
			requests,
			submitRequests: submits.length,
			postsPerSubmit: submits.map((s) => (s.body?.bulk?.posts ?? []).length),
			scheduled,
			jobs,
			published,
			baselineFired: baseline.length,
			fired,
			boosted,
			sandboxClockMovedMs: move,
		};
	} finally {
		await sb.close();
	}
}

if (require.main === module) {
	runDemo({ log: (line) => console.log(line) })
		.then(() => {
			shutdownN8nCore();
		})
		.catch((error: unknown) => {
			console.error(error);
			shutdownN8nCore();
			process.exitCode = 1;
		});
}
