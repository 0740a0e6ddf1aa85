import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../sandbox';
import { loadExample, runExample, runPoll, shutdownN8nCore, type ExampleWorkflow } from '../support';
import { api, fakeDateOnly } from '../support/trigger';

/**
 * Each example's Publer part runs through n8n-core's WorkflowExecute against the sandbox, exactly as the file
 * defines it (same node names, parameters, expressions, executeOnce/alwaysOutputData). The other services'
 * nodes are replaced here, in the test: triggers by pinned sample items, Slack and Google Sheets by a node
 * that outputs their parameters resolved per item (the message or row they would send).
 */

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

function node(example: ExampleWorkflow, name: string) {
	const found = example.nodes.find((n) => n.name === name);
	if (!found) throw new Error(`No node "${name}" in ${example.name}`);
	return found;
}

/** Schedules posts straight through the sandbox's API (test fixtures) and lets the job finish. */
async function schedulePosts(sb: Sandbox, posts: Array<{ account: string; network: string; text: string; at: number }>): Promise<void> {
	const body = {
		bulk: {
			state: 'scheduled',
			posts: posts.map((p) => ({
				networks: { [p.network]: { type: 'status', text: p.text } },
				accounts: [{ id: p.account, scheduled_at: new Date(p.at).toISOString() }],
			})),
		},
	};
	const submitted = await api(sb, 'POST', '/posts/schedule', body);
	const status = await api(sb, 'GET', `/job_status/${String(submitted.job_id)}`);
	expect(JSON.stringify(status)).toMatch(/complete/);
}

describe('Example workflows run in n8n’s engine against the sandbox', () => {
	let sb: Sandbox;
	const credentials = () => ({ apiKey: sb.apiKey, baseUrl: sb.baseUrl });

	afterEach(async () => {
		await sb?.close();
		jest.useRealTimers();
	});
	afterAll(() => shutdownN8nCore());

	it('Blog to social: three feed items → one bulk auto-schedule request → 12 posts in the accounts’ slots', async () => {
		sb = await startSandbox({ rateLimit: false, jobWorkingPolls: 1 });
		const example = loadExample('blog-to-social.json');
		const accounts = node(example, 'Auto-Schedule Posts').parameters.accounts as string[];
		const feed = [1, 2, 3].map((i) => ({
			title: `Sourdough secrets, part ${i}`,
			link: `https://blog.example.com/sourdough-${i}/`,
			pubDate: 'Tue, 10 Jun 2025 07:00:00 GMT',
			isoDate: '2025-06-10T07:00:00.000Z',
			creator: 'Ana Baker',
			content: `<p>Part ${i} of our sourdough series.</p>`,
			contentSnippet: `Part ${i} of our sourdough series: starters, folds and the long cold proof.`,
			guid: `https://blog.example.com/?p=${i}`,
			categories: ['Baking'],
		}));

		const result = await runExample({ example, pinned: { 'New Blog Post': feed }, startNode: 'New Blog Post', credentials: credentials() });
		expect(result.error).toBeUndefined();

		const submits = sb.requests({ method: 'POST', path: /^\/posts\/schedule/ });
		expect(submits).toHaveLength(1);
		expect(submits[0].path).toBe('/posts/schedule');
		const bulk = submits[0].body.bulk;
		expect(bulk.posts).toHaveLength(3);
		bulk.posts.forEach((post: IDataObject, i: number) => {
			expect(post.auto).toBe(true);
			expect((post.accounts as IDataObject[]).map((a) => a.id)).toEqual(accounts);
			expect((post.range as IDataObject).end_date).toEqual(expect.any(String));
			const networks = post.networks as Record<string, IDataObject>;
			expect(Object.keys(networks).sort()).toEqual(['bluesky', 'facebook', 'linkedin', 'twitter']);
			expect(networks.facebook).toMatchObject({ type: 'link', text: expect.stringContaining(`New on the blog: Sourdough secrets, part ${i + 1}`) });
			expect((networks.facebook.link as IDataObject).url).toBe(feed[i].link);
			// One text for every network; Fit Text shortens it only where it is over the limit (here: nowhere).
			expect(networks.twitter.text).toBe(`New on the blog: Sourdough secrets, part ${i + 1}\n\n${feed[i].contentSnippet}`);
			expect(networks.bluesky.text).toBe(networks.twitter.text);
		});

		const out = result.output('Auto-Schedule Posts').map((i) => i.json);
		expect(out).toHaveLength(3);
		for (const item of out) expect(item).toMatchObject({ success: true, status: 'complete', mode: 'auto', failures: [] });
		for (const item of out) expect(Object.values(item.textFit as Record<string, IDataObject>).map((fit) => fit.shortened)).toEqual([false, false, false, false]);

		const posts = sb.posts(sb.workspaceId).filter((p) => String(p.text).startsWith('New on the blog'));
		expect(posts).toHaveLength(12);
		for (const p of posts) {
			expect(p.state).toBe('scheduled');
			// The sandbox accounts' posting-schedule slots are 09:00, 13:00 and 17:30 UTC.
			expect(['09:00', '13:00', '17:30']).toContain(new Date(String(p.scheduled_at)).toISOString().slice(11, 16));
		}
		// Each account got three different slots.
		for (const account of accounts) {
			expect(new Set(posts.filter((p) => p.account_id === account).map((p) => p.scheduled_at)).size).toBe(3);
		}
	});

	it('Shopify product launch: product images imported, one photo post with all of them published to Facebook and Instagram', async () => {
		sb = await startSandbox({ rateLimit: false, jobWorkingPolls: 1 });
		const example = loadExample('shopify-product-launch.json');
		const product = {
			id: 8123456789,
			title: 'Rye Sourdough Loaf',
			handle: 'rye-sourdough-loaf',
			body_html: '<p>Slow-fermented <strong>rye</strong> sourdough, baked every morning.</p>',
			vendor: 'Sandbox Bakery',
			product_type: 'Bread',
			status: 'active',
			variants: [{ id: 1, price: '8.50' }],
			images: [1, 2, 3].map((i) => ({ id: 100 + i, position: i, src: `https://cdn.shopify.com/s/files/1/0001/products/rye-${i}.jpg`, alt: null })),
		};

		const result = await runExample({ example, pinned: { 'New Shopify Product': [product] }, startNode: 'New Shopify Product', credentials: credentials() });
		expect(result.error).toBeUndefined();

		const imports = sb.requests({ method: 'POST', path: '/media/from-url' });
		expect(imports).toHaveLength(1);
		expect(imports[0].body.media.map((m: IDataObject) => m.url)).toEqual(product.images.map((i) => i.src));
		expect(imports[0].body.in_library).toBe(true);
		const media = result.output('Import Product Images').map((i) => i.json);
		expect(media).toHaveLength(3);
		const mediaIds = media.map((m) => m.id);

		const submits = sb.requests({ method: 'POST', path: /^\/posts\/schedule/ });
		expect(submits).toHaveLength(1);
		expect(submits[0].path).toBe('/posts/schedule/publish');
		const post = submits[0].body.bulk.posts[0];
		expect(submits[0].body.bulk.posts).toHaveLength(1);
		for (const network of ['facebook', 'instagram']) {
			expect(post.networks[network].media.map((m: IDataObject) => m.id)).toEqual(mediaIds);
			expect(post.networks[network].text).toBe('Just launched: Rye Sourdough Loaf 🎉\n\nSlow-fermented rye sourdough, baked every morning.');
		}
		expect(JSON.stringify(post)).toContain('https://your-store.example.com/products/rye-sourdough-loaf');

		const out = result.output('Publish Launch Post').map((i) => i.json);
		expect(out).toHaveLength(1);
		expect(out[0]).toMatchObject({ success: true, status: 'complete', mode: 'publishNow', failures: [] });
		const live = sb.posts(sb.workspaceId).filter((p) => String(p.text).startsWith('Just launched'));
		expect(live.map((p) => `${p.network}:${p.state}`).sort()).toEqual(['facebook:published_posted', 'instagram:published_posted']);
	});

	it('Daily team briefing: today’s scheduled posts and yesterday’s top post by engagement → one Slack message', async () => {
		fakeDateOnly();
		const morning = Date.parse('2025-06-10T08:00:00Z');
		jest.setSystemTime(morning - DAY);
		sb = await startSandbox({ rateLimit: false, jobWorkingPolls: 0, now: new Date(morning - DAY).toISOString(), seed: { historyPosts: 8 } });
		const fb = sb.accountFor('facebook:page');
		const tw = sb.accountFor('twitter');
		const li = sb.accountFor('linkedin:page');
		await schedulePosts(sb, [
			{ account: li.id, network: 'linkedin', text: 'Yesterday: our new rye loaf is out', at: Date.parse('2025-06-09T12:00:00Z') },
			{ account: tw.id, network: 'twitter', text: 'Today 15:00: behind the scenes', at: Date.parse('2025-06-10T15:00:00Z') },
			{ account: fb.id, network: 'facebook', text: 'Today 17:30: weekend opening hours', at: Date.parse('2025-06-10T17:30:00Z') },
			{ account: fb.id, network: 'facebook', text: 'Tomorrow: not in today’s briefing', at: Date.parse('2025-06-11T09:00:00Z') },
		]);
		sb.clock.set(new Date(morning).toISOString());
		jest.setSystemTime(morning);
		const top = sb.posts(sb.workspaceId).find((p) => p.text === 'Yesterday: our new rye loaf is out')!;
		expect(top.state).toBe('published_posted');
		sb.setPostMetrics(String(top.id), { engagement: 4321, reach: 98765 });

		const example = loadExample('daily-team-briefing.json');
		const result = await runExample({
			example,
			pinned: { 'Every Morning': [{ timestamp: '2025-06-10T08:00:00.000+00:00', 'Day of week': 'Tuesday', Timezone: 'UTC (UTC+00:00)' }] },
			capture: ['Post Briefing to Slack'],
			startNode: 'Every Morning',
			credentials: credentials(),
			timezone: 'UTC',
		});
		expect(result.error).toBeUndefined();

		const list = sb.requests({ method: 'GET', path: '/posts' });
		expect(list).toHaveLength(1);
		expect(list[0].query).toMatchObject({ state: 'scheduled', from: '2025-06-10T00:00:00+00:00', to: '2025-06-10T23:59:59+00:00' });
		const today = result.output('Posts Scheduled Today').map((i) => i.json.text);
		expect(today.sort()).toEqual(['Today 15:00: behind the scenes', 'Today 17:30: weekend opening hours']);

		const insights = sb.requests({ method: 'GET', path: /post_insights/ });
		expect(insights).toHaveLength(1);
		expect(insights[0].query).toMatchObject({ from: '2025-06-09', to: '2025-06-09', sort_by: 'engagement', sort_type: 'DESC' });
		const best = result.output("Yesterday's Top Post").map((i) => i.json);
		expect(best).toHaveLength(1);
		expect(best[0]).toMatchObject({ id: top.id, engagement: 4321 });

		const slack = result.output('Post Briefing to Slack').map((i) => i.json);
		expect(slack).toHaveLength(1);
		expect(slack[0].channelId).toMatchObject({ value: '#social-media' });
		const text = String(slack[0].text);
		expect(text).toContain('• 15:00 twitter: Today 15:00: behind the scenes');
		expect(text).toContain('• 17:30 facebook: Today 17:30: weekend opening hours');
		expect(text).not.toContain('Tomorrow');
		expect(text).toContain("*Yesterday's top post*\nYesterday: our new rye loaf is out\n4321 engagements, 98765 reach");
	});

	it('Daily team briefing on a quiet day still sends a message', async () => {
		fakeDateOnly();
		jest.setSystemTime(Date.parse('2025-06-10T08:00:00Z'));
		sb = await startSandbox({ rateLimit: false, now: '2025-06-10T08:00:00Z' });
		const result = await runExample({
			example: loadExample('daily-team-briefing.json'),
			pinned: { 'Every Morning': [{ timestamp: '2025-06-10T08:00:00.000+00:00' }] },
			capture: ['Post Briefing to Slack'],
			startNode: 'Every Morning',
			credentials: credentials(),
			timezone: 'UTC',
		});
		expect(result.error).toBeUndefined();
		const slack = result.output('Post Briefing to Slack').map((i) => i.json);
		expect(slack).toHaveLength(1);
		expect(slack[0].text).toContain('Nothing is scheduled today.');
		expect(slack[0].text).toContain('No post was published yesterday.');
	});

	it('Analytics dashboard feed: chart data and last week’s post insights → Google Sheets rows', async () => {
		fakeDateOnly();
		const monday = Date.parse('2025-06-09T07:00:00Z');
		jest.setSystemTime(monday);
		sb = await startSandbox({ rateLimit: false, now: new Date(monday).toISOString(), seed: { historyPosts: 30 } });
		const example = loadExample('analytics-dashboard-feed.json');
		const result = await runExample({
			example,
			pinned: { 'Every Monday': [{ timestamp: '2025-06-09T07:00:00.000+00:00' }] },
			capture: ['Append Chart Rows', 'Append Post Rows'],
			startNode: 'Every Monday',
			credentials: credentials(),
			timezone: 'UTC',
		});
		expect(result.error).toBeUndefined();

		const chart = sb.requests({ method: 'GET', path: /chart_data/ });
		expect(chart).toHaveLength(1);
		expect(chart[0].query).toMatchObject({ from: '2025-06-02', to: '2025-06-08' });
		const chartRows = result.output('Append Chart Rows').map((i) => (i.json.columns as IDataObject).value as IDataObject);
		expect(chartRows.map((r) => r.Chart)).toEqual(['followers', 'reach', 'engagement', 'engagement_rate', 'posts']);
		for (const row of chartRows) {
			expect(row.Week).toBe('2025-06-02 – 2025-06-08');
			expect(typeof row.Current).toBe('number');
			expect(typeof row.Previous).toBe('number');
		}

		const insights = sb.requests({ method: 'GET', path: /post_insights/ });
		expect(insights.length).toBeGreaterThanOrEqual(2); // Publer pages insights 10 at a time: Return All reads every page
		expect(insights[0].query).toMatchObject({ from: '2025-06-02', to: '2025-06-08', sort_by: 'engagement', sort_type: 'DESC' });
		const postRows = result.output('Append Post Rows').map((i) => (i.json.columns as IDataObject).value as IDataObject);
		const lastWeek = sb
			.posts(sb.workspaceId)
			.filter((p) => p.state === 'published_posted' && String(p.scheduled_at) >= '2025-06-02' && String(p.scheduled_at) < '2025-06-09');
		expect(postRows).toHaveLength(lastWeek.length);
		expect(postRows.length).toBeGreaterThan(10);
		const engagement = postRows.map((r) => Number(r.Engagement));
		expect(engagement).toEqual([...engagement].sort((a, b) => b - a));
		for (const row of postRows) {
			expect(row['Post ID']).toMatch(/^[0-9a-f]{24}$/);
			expect(String(row.Text)).toMatch(/^History post/);
			expect(typeof row.Reach).toBe('number');
		}
	});

	it('Engagement booster: the trigger fires for a post past 100 likes, and it is shared further with a follow-up comment', async () => {
		fakeDateOnly();
		const t0 = Date.parse('2025-06-10T10:00:00Z');
		jest.setSystemTime(t0);
		sb = await startSandbox({ rateLimit: false, jobWorkingPolls: 0, now: new Date(t0).toISOString() });
		const example = loadExample('engagement-booster.json');
		const trigger = node(example, 'Post Reached 100 Likes');
		const staticData: IDataObject = {};
		const poll = async () => {
			jest.setSystemTime(sb.clock.now());
			const out = await runPoll({ parameters: trigger.parameters as INodeParameters, credentials: credentials(), staticData, nodeName: trigger.name });
			return (out?.[0] ?? []).map((i) => i.json);
		};

		expect(await poll()).toEqual([]); // baseline
		const fb = sb.accountFor('facebook:page');
		const tw = sb.accountFor('twitter');
		await schedulePosts(sb, [
			{ account: fb.id, network: 'facebook', text: 'Our croissant masterclass is back!', at: t0 + HOUR },
			{ account: fb.id, network: 'facebook', text: 'Quiet post', at: t0 + 2 * HOUR },
			{ account: tw.id, network: 'twitter', text: 'Popular on X, not watched', at: t0 + 3 * HOUR },
		]);
		sb.clock.advance(6 * HOUR);
		const byText = (t: string) => sb.posts(sb.workspaceId).find((p) => p.text === t)!;
		sb.setPostMetrics(String(byText('Our croissant masterclass is back!').id), { likes: 150 });
		sb.setPostMetrics(String(byText('Quiet post').id), { likes: 12 });
		sb.setPostMetrics(String(byText('Popular on X, not watched').id), { likes: 900 });

		const fired = await poll();
		expect(fired).toHaveLength(1);
		const hot = byText('Our croissant masterclass is back!');
		expect(fired[0]).toMatchObject({ event: 'engagementThreshold', postId: hot.id, metric: 'likes', value: 150, network: 'facebook', link: hot.post_link });
		expect(await poll()).toEqual([]); // once per post

		sb.clearRequests();
		const result = await runExample({ example, pinned: { 'Post Reached 100 Likes': fired }, startNode: 'Post Reached 100 Likes', credentials: credentials() });
		expect(result.error).toBeUndefined();
		const submits = sb.requests({ method: 'POST', path: /^\/posts\/schedule/ });
		expect(submits).toHaveLength(1);
		const post = submits[0].body.bulk.posts[0];
		const shareParams = node(example, 'Share It Further').parameters;
		expect(post.accounts.map((a: IDataObject) => a.id)).toEqual(shareParams.accounts);
		expect(post).toMatchObject({ auto: true, share_next: true });
		for (const network of ['linkedin', 'threads']) {
			expect(post.networks[network]).toMatchObject({ type: 'link', link: { url: hot.post_link } });
			expect(post.networks[network].text).toContain('this post of ours on facebook got 150 likes.\n\nOur croissant masterclass is back!');
		}
		const sent = JSON.stringify(post);
		expect(sent).toContain(`Thanks for the love, everyone! The original post: ${String(hot.post_link)}`);
		for (const account of post.accounts) expect(account.share).toMatchObject({ account_ids: (shareParams.extras as IDataObject).autoShareAccounts, after: { duration: 1, unit: 'Day' } });
		const out = result.output('Share It Further').map((i) => i.json);
		expect(out[0]).toMatchObject({ success: true, status: 'complete', mode: 'auto', failures: [] });
		const shared = sb.posts(sb.workspaceId).filter((p) => String(p.text).startsWith('In case you missed it'));
		expect(shared.map((p) => p.network).sort()).toEqual(['linkedin', 'threads']);
		expect(shared.every((p) => p.state === 'scheduled' && Date.parse(String(p.scheduled_at)) > sb.clock.now().getTime())).toBe(true);
	});

	it('Failure alert: a post on an account needing reconnection, then its failure, each → a Slack alert', async () => {
		fakeDateOnly();
		const t0 = Date.parse('2025-06-10T10:00:00Z');
		jest.setSystemTime(t0);
		sb = await startSandbox({ rateLimit: false, jobWorkingPolls: 0, now: new Date(t0).toISOString() });
		const example = loadExample('failure-alert.json');
		const staticData: IDataObject = {};
		const poll = async (name: string) => {
			jest.setSystemTime(sb.clock.now());
			const trigger = node(example, name);
			const out = await runPoll({ parameters: trigger.parameters as INodeParameters, credentials: credentials(), staticData, nodeName: name });
			return (out?.[0] ?? []).map((i) => i.json);
		};
		const alert = async (name: string, items: IDataObject[]) => {
			// The other trigger does not fire in this run: pinned with no items.
			const other = name === 'Post Failed' ? 'Account Needs Reconnection' : 'Post Failed';
			const result = await runExample({ example, pinned: { [name]: items, [other]: [] }, capture: ['Alert in Slack'], startNode: name, credentials: credentials() });
			expect(result.error).toBeUndefined();
			return result.output('Alert in Slack').map((i) => String(i.json.text));
		};

		expect(await poll('Post Failed')).toEqual([]);
		expect(await poll('Account Needs Reconnection')).toEqual([]);
		const reauth = sb.accounts(sb.workspaceId).find((a) => a.name === 'Reauth Page')!;
		await schedulePosts(sb, [{ account: reauth.id, network: 'facebook', text: 'Weekend special: cinnamon buns', at: t0 + HOUR }]);

		const reconnect = await poll('Account Needs Reconnection');
		expect(reconnect).toHaveLength(1);
		expect(reconnect[0]).toMatchObject({ enteredState: 'scheduled_reauth', accountName: 'Reauth Page' });
		const [reconnectText] = await alert('Account Needs Reconnection', reconnect);
		expect(reconnectText).toContain(':warning: A Publer account needs reconnecting — *Reauth Page* (facebook)');
		expect(reconnectText).toContain('State: scheduled_reauth');
		expect(reconnectText).toContain('“Weekend special: cinnamon buns”');

		sb.clock.advance(2 * HOUR);
		const failed = await poll('Post Failed');
		expect(failed).toHaveLength(1);
		expect(failed[0]).toMatchObject({ event: 'postFailed', state: 'failed', accountName: 'Reauth Page' });
		const [failedText] = await alert('Post Failed', failed);
		expect(failedText).toContain(':rotating_light: A Publer post failed — *Reauth Page* (facebook)');
		// The reason line appears when Publer's post record carries one (the sandbox's post list has none).
		const reason = failed[0].failureReason as string | null;
		expect(failedText).toContain(reason ? `Reason: ${reason}\n` : '(facebook)\nScheduled for');
		expect(failedText).not.toMatch(/Reason: (null|undefined)/);
		expect(await poll('Post Failed')).toEqual([]);
	});
});
