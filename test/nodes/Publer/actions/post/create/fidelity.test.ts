/**
 * Post → Create as Publer really behaves (issue 13): observed account types and locked accounts, X's weighted
 * length, the one-minute gap between posts of an account, and Space Posts Apart, at bulk scale against the sandbox.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../../../../../sandbox';
import { shutdownN8nCore, runPostCreate, type OnError } from '../../../../../support';

const MINUTE = 60_000;
const GAP = "There's another post at this time. A one minute gap is required between posts";

describe('Post → Create: observed API behaviour, the one-minute gap and spacing', () => {
	let sb: Sandbox;
	const base = () => Math.ceil((Math.max(Date.now(), sb.clock.now().getTime()) + 60 * MINUTE) / 60_000) * 60_000;
	const submits = () => sb.requests({ method: 'POST', path: /^\/posts\/schedule/ });
	const iso = (ms: number) => new Date(ms).toISOString();

	const run = (parameters: INodeParameters, items: IDataObject[], onError: OnError = 'continueErrorOutput') => runPostCreate(sb, parameters, items, onError);

	beforeAll(async () => {
		sb = await startSandbox({ rateLimit: false, jobWorkingPolls: 0 });
	});
	afterAll(async () => {
		await sb.close();
		shutdownN8nCore();
	});
	beforeEach(() => {
		sb.reset();
		sb.setVariants({ accountTypes: 'documented' });
	});

	describe('observed account types (accountTypes: observed)', () => {
		beforeEach(() => sb.setVariants({ accountTypes: 'observed' }));

		it('lists fb_page / fb_group / ig_business types, and the node applies the Pages-only story rule to both vocabularies', async () => {
			const response = await fetch(`${sb.baseUrl}/accounts`, { headers: { Authorization: `Bearer-API ${sb.apiKey}`, 'Publer-Workspace-Id': sb.workspaceId } });
			const types = new Map(((await response.json()) as IDataObject[]).map((a) => [String(a.id), String(a.type)]));
			const page = sb.accountFor('facebook:page').id;
			const group = sb.accountFor('facebook:group').id;
			expect([types.get(page), types.get(group), types.get(sb.accountFor('instagram').id)]).toEqual(['fb_page', 'fb_group', 'ig_business']);
			const photo = sb.media(sb.workspaceId).find((m) => m.type === 'photo')!;
			const story = { contentType: 'story', mediaList: JSON.stringify([{ id: photo.id, type: 'photo' }]) };
			const when = iso(base());

			const ok = await run(story, [{ account: page, when }]);
			expect(ok.errorItems).toHaveLength(0);
			expect(ok.items[0].json.status).toBe('complete');
			expect(submits()).toHaveLength(1);

			sb.clearRequests();
			const refused = await run(story, [{ account: group, when: iso(base() + 10 * MINUTE) }]);
			expect(refused.items).toHaveLength(0);
			expect(refused.errorItems[0].json.error).toMatch(/Facebook stories can only be published on Pages; Bakery Fans Group is a Facebook group/);
			expect(submits()).toHaveLength(0);
		});

		it('refuses a locked account before sending, naming it; the other items go out', async () => {
			const locked = sb.accounts().find((a) => a.locked === true)!;
			expect(locked.name).toBe('Locked Page');
			const twitter = sb.accountFor('twitter').id;
			const result = await run({}, [
				{ account: locked.id, text: 'to the locked page', when: iso(base()) },
				{ account: twitter, text: 'fine', when: iso(base()) },
			]);
			expect(result.errorItems.map((i) => [(i.pairedItem as { item: number }).item, i.json.error])).toEqual([
				[0, `Item 0: accounts — account "Locked Page" (${locked.id}) is locked in Publer, which refuses every post to it: unlock it in Publer (or upgrade the plan), or leave it out of Accounts`],
			]);
			expect(result.items).toHaveLength(1);
			expect(submits().map((r) => r.body.bulk.posts.length)).toEqual([1]);
			expect(sb.posts(sb.workspaceId).filter((p) => p.account_id === locked.id)).toHaveLength(0);
		});

		it('stops before any request when a locked account is chosen and Continue On Fail is off', async () => {
			const locked = sb.accounts().find((a) => a.locked === true)!;
			const result = await run({}, [{ account: locked.id, text: 't', when: iso(base()) }], 'stopWorkflow');
			expect(String(result.error?.message)).toMatch(/"Locked Page" .* is locked in Publer/);
			expect(submits()).toHaveLength(0);
		});
	});

	it("X counts by weight: a 150-character title + a 200-character tracking URL (174) is accepted and Publer's count agrees", async () => {
		const url = `https://shop.example.com/blog/post?utm_source=n8n&utm_medium=social&utm_campaign=${'c'.repeat(200 - 'https://shop.example.com/blog/post?utm_source=n8n&utm_medium=social&utm_campaign='.length)}`;
		const text = `${'Title words '.repeat(13).slice(0, 149)} ${url}`;
		expect([[...text].length, url.length]).toEqual([350, 200]);
		const result = await run({}, [{ account: sb.accountFor('twitter').id, text, when: iso(base()) }]);
		expect(result.errorItems).toHaveLength(0);
		expect(result.items[0].json.failures).toEqual([]);
		expect(sb.posts(sb.workspaceId).find((p) => p.text === text)).toBeDefined();
	});

	describe('the one-minute gap', () => {
		it('three blog items at the same time on the same accounts: the second and third are refused, naming the first; one request', async () => {
			const accounts = [sb.accountFor('twitter').id, sb.accountFor('mastodon').id];
			const when = iso(base());
			const items = [0, 1, 2].map((i) => ({ account: accounts, text: `Blog post ${i}`, when }));
			const result = await run({}, items);
			expect(result.items.map((i) => (i.pairedItem as { item: number }).item)).toEqual([0]);
			expect(result.errorItems.map((i) => i.json.error)).toEqual([
				expect.stringMatching(new RegExp(`^Item 1: ${GAP.replace(/[.()]/g, '\\$&')} — item 1 \\(.+\\) and item 0 \\(.+\\) both post to `)),
				expect.stringMatching(/^Item 2: There's another post at this time\. A one minute gap is required between posts — item 2 \(.+\) and item 0 \(.+\) both post to /),
			]);
			expect(submits().map((r) => r.body.bulk.posts.length)).toEqual([1]);
		});

		it('Continue On Fail off: the node stops before any request', async () => {
			const account = sb.accountFor('twitter').id;
			const when = base();
			const result = await run({}, [
				{ account, text: 'a', when: iso(when) },
				{ account, text: 'b', when: iso(when + 59_000) },
			], 'stopWorkflow');
			expect(String(result.error?.message)).toContain(`Item 1: ${GAP} — item 1`);
			expect(submits()).toHaveLength(0);
		});

		it('exactly one minute apart is fine; Validate Before Sending off lets Publer decide (and Publer refuses)', async () => {
			const account = sb.accountFor('twitter').id;
			const when = base();
			const ok = await run({}, [
				{ account, text: 'a', when: iso(when) },
				{ account, text: 'b', when: iso(when + MINUTE) },
			]);
			expect(ok.errorItems).toHaveLength(0);
			sb.reset();
			const off = await run({ options: { validate: false } }, [
				{ account, text: 'a', when: iso(when) },
				{ account, text: 'b', when: iso(when + 30_000) },
			]);
			expect(submits().map((r) => r.body.bulk.posts.length)).toEqual([2]);
			expect(off.errorItems.map((i) => i.json.error)).toEqual([expect.stringContaining('one minute gap')]);
		});

		it('1,000 items on four accounts with 20 too-close pairs: those 20 refused before sending, the rest in 2 requests', async () => {
			const rotation = ['twitter', 'mastodon', 'bluesky', 'threads'].map((p) => sb.accountFor(p).id);
			const t0 = base();
			// Each account: one post every 40 minutes; every 50th item is put 30 s after the previous item of its account.
			const items = Array.from({ length: 1000 }, (_, i) => {
				const slot = Math.floor(i / 4);
				const close = i >= 4 && i % 50 === 0;
				return { account: rotation[i % 4], text: `Gap ${i}`, when: iso(close ? t0 + (slot - 1) * 40 * MINUTE + 30_000 : t0 + slot * 40 * MINUTE) };
			});
			const tooClose = items.map((_, i) => i).filter((i) => i >= 4 && i % 50 === 0);
			expect(tooClose).toHaveLength(19);
			// …and one per-account time (Per-Account Settings) is too close as well: item 999's is moved 10 s after item 995's.
			const started = Date.now();
			const result = await run(
				{
					accountSettings: {
						values: [{ account: '={{ $itemIndex === 999 ? $json.account : "" }}', scheduledAt: `={{ $itemIndex === 999 ? "${iso(t0 + 248 * 40 * MINUTE + 10_000)}" : "" }}` }],
					},
				},
				items,
			);
			const ms = Date.now() - started;
			const refused = [...tooClose, 999];
			expect(result.errorItems.map((i) => (i.pairedItem as { item: number }).item)).toEqual(refused);
			for (const error of result.errorItems) {
				const item = (error.pairedItem as { item: number }).item;
				expect(error.json.error).toMatch(new RegExp(`^Item ${item}: There's another post at this time\\. A one minute gap is required between posts — item ${item} \\(.+\\) and item ${item - 4} \\(`));
			}
			expect(submits().map((r) => r.body.bulk.posts.length)).toEqual([500, 480]);
			expect(result.items).toHaveLength(980);
			expect(result.items.every((i) => i.json.failures && (i.json.failures as unknown[]).length === 0)).toBe(true);
			console.log(`gap check, 1,000 items × 4 accounts: ${submits().length} requests, ${ms} ms`);
		});
	});

	describe('Space Posts Apart', () => {
		it('20 items at one time on two accounts become one post every 30 minutes per account; the output shows each time', async () => {
			const accounts = [sb.accountFor('twitter').id, sb.accountFor('bluesky').id];
			const t0 = base();
			const items = Array.from({ length: 20 }, (_, i) => ({ account: accounts, text: `Product ${i}`, when: iso(t0) }));
			const result = await run({ options: { spacePostsApart: 30 } }, items);
			expect(result.errorItems).toHaveLength(0);
			expect(submits().map((r) => r.body.bulk.posts.length)).toEqual([20]);
			result.items.forEach((item, i) => {
				const times = (item.json.accounts as IDataObject[]).map((a) => Date.parse(String(a.scheduledAt)));
				expect(times).toEqual([t0 + i * 30 * MINUTE, t0 + i * 30 * MINUTE]);
				expect(Date.parse(String(item.json.scheduledAt))).toBe(t0 + i * 30 * MINUTE);
			});
			const sent = submits()[0].body.bulk.posts.map((p: IDataObject) => (p.accounts as IDataObject[]).map((a) => Date.parse(String(a.scheduled_at))));
			expect(sent[19]).toEqual([t0 + 19 * 30 * MINUTE, t0 + 19 * 30 * MINUTE]);
			expect(sb.posts(sb.workspaceId).filter((p) => String(p.text).startsWith('Product '))).toHaveLength(40);
		});

		it('per account: an account with fewer items is not pushed later by another account, and later given times are kept', async () => {
			const [x, b] = [sb.accountFor('twitter').id, sb.accountFor('bluesky').id];
			const t0 = base();
			const items = [
				{ account: [x, b], text: 'one', when: iso(t0) },
				{ account: [x], text: 'two', when: iso(t0) },
				{ account: [x, b], text: 'three', when: iso(t0) },
				{ account: [b], text: 'four', when: iso(t0 + 600 * MINUTE) },
			];
			const result = await run({ options: { spacePostsApart: 15 } }, items);
			expect(result.errorItems).toHaveLength(0);
			const times = result.items.map((i) => (i.json.accounts as IDataObject[]).map((a) => (Date.parse(String(a.scheduledAt)) - t0) / MINUTE));
			expect(times).toEqual([[0, 0], [15], [30, 15], [600]]);
			expect(result.items[2].json.scheduledAt).toBeNull();
		});

		it('Draft mode with a date is spaced too', async () => {
			const account = sb.accountFor('mastodon').id;
			const t0 = base();
			const result = await run({ mode: 'draft', options: { spacePostsApart: 5 } }, [0, 1, 2].map((i) => ({ account, text: `d${i}`, when: iso(t0) })));
			expect(result.errorItems).toHaveLength(0);
			expect(result.items.map((i) => (Date.parse(String(i.json.scheduledAt)) - t0) / MINUTE)).toEqual([0, 5, 10]);
		});

		it('rejects a spacing that is not a whole number of minutes from 0 to 10,080, before any request', async () => {
			const result = await run({ options: { spacePostsApart: -5 } }, [{ account: sb.accountFor('twitter').id, text: 't', when: iso(base()) }], 'stopWorkflow');
			expect(String(result.error?.message)).toMatch(/"Space Posts Apart \(Minutes\)" must be a whole number from 0 to 10080; got -5/);
			expect(submits()).toHaveLength(0);
		});

		it('1,000 items at one time on four accounts: 250 posts per account every 40 minutes, 2 requests, no gap failure', async () => {
			const rotation = ['twitter', 'mastodon', 'bluesky', 'threads'].map((p) => sb.accountFor(p).id);
			const t0 = base();
			const items = Array.from({ length: 1000 }, (_, i) => ({ account: rotation[i % 4], text: `Spaced ${i}`, when: iso(t0) }));
			const started = Date.now();
			const result = await run({ options: { spacePostsApart: 40 } }, items);
			const ms = Date.now() - started;
			expect(result.errorItems).toHaveLength(0);
			expect(submits().map((r) => r.body.bulk.posts.length)).toEqual([500, 500]);
			expect(result.items.map((i) => Date.parse(String(i.json.scheduledAt)))).toEqual(items.map((_, i) => t0 + Math.floor(i / 4) * 40 * MINUTE));
			expect(result.items.every((i) => (i.json.failures as unknown[]).length === 0)).toBe(true);
			const posts = sb.posts(sb.workspaceId).filter((p) => String(p.text).startsWith('Spaced '));
			expect(posts).toHaveLength(1000);
			console.log(`spacing, 1,000 items × 4 accounts: ${submits().length} requests, ${ms} ms`);
		});
	});
});
