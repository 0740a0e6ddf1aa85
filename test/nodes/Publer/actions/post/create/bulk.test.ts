import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../../../../../sandbox';
import { runPublerNode, shutdownN8nCore, runPostCreate, type OnError } from '../../../../../support';

const MINUTE = 60_000;

describe('Post → Create in bulk, waiting, and the double-post guard', () => {
	let sb: Sandbox;
	const base = () => Math.ceil((Math.max(Date.now(), sb.clock.now().getTime()) + 60 * MINUTE) / 1000) * 1000;
	const submits = () => sb.requests({ method: 'POST', path: /^\/posts\/schedule/ });

	const run = (parameters: INodeParameters, items: IDataObject[], onError: OnError = 'continueErrorOutput') => runPostCreate(sb, parameters, items, onError);

	/** n items rotating over four accounts; each account gets one post every 40 minutes (under daily caps). */
	const makeItems = (n: number, longEvery = 0) => {
		const rotation = ['twitter', 'mastodon', 'bluesky', 'threads'].map((p) => sb.accountFor(p).id);
		const t0 = base();
		return Array.from({ length: n }, (_, i) => ({
			account: rotation[i % 4],
			text: longEvery && i % longEvery === 0 ? `Post ${i} ` + 'x'.repeat(300) : `Post ${i}`,
			when: new Date(t0 + i * 10 * MINUTE).toISOString(),
		}));
	};

	beforeAll(async () => {
		sb = await startSandbox({ rateLimit: false, jobWorkingPolls: 0 });
	});
	afterAll(async () => {
		await sb.close();
		shutdownN8nCore();
	});
	beforeEach(() => sb.reset());

	it.each([
		[1, [1]],
		[499, [499]],
		[500, [500]],
		[501, [500, 1]],
	])('%i items become bulk requests of %j posts, one output per item', async (n, sizes) => {
		const items = makeItems(n);
		const result = await run({}, items);
		expect(result.error).toBeUndefined();
		expect(submits().map((r) => r.body.bulk.posts.length)).toEqual(sizes);
		expect(result.items).toHaveLength(n);
		expect(result.errorItems).toHaveLength(0);
		expect(result.items.map((i) => (i.pairedItem as { item: number }).item)).toEqual(items.map((_, i) => i));
		expect(result.items.every((i) => i.json.status === 'complete' && i.json.jobId)).toBe(true);
		expect(sb.posts(sb.workspaceId).filter((p) => String(p.text).startsWith('Post '))).toHaveLength(n);
	});

	it('Batch Items off: one request per item', async () => {
		const result = await run({ options: { batchItems: false } }, makeItems(3));
		expect(result.items).toHaveLength(3);
		expect(submits().map((r) => r.body.bulk.posts.length)).toEqual([1, 1, 1]);
		expect(new Set(result.items.map((i) => i.json.jobId)).size).toBe(3);
	});

	it('1,200 items with mixed failures: 3 requests, each failure on its own item, request count measured', async () => {
		const items = makeItems(1200, 100); // items 0, 100, …, 1100 are too long for X (all on the X account)
		const result = await run({ options: { validate: false } }, items);
		expect(result.error).toBeUndefined();
		expect(submits().map((r) => r.body.bulk.posts.length)).toEqual([500, 500, 200]);
		const failed = result.errorItems.map((i) => (i.pairedItem as { item: number }).item).sort((a, b) => Number(a) - Number(b));
		expect(failed).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1100]);
		expect(result.errorItems.every((i) => /Twitter allows 280/.test(String(i.json.error)))).toBe(true);
		expect(result.items).toHaveLength(1188);
		expect(sb.posts(sb.workspaceId).filter((p) => String(p.text).startsWith('Post '))).toHaveLength(1188);
		const log = sb.requests();
		const counts = {
			total: log.length,
			accounts: log.filter((r) => r.path === '/accounts').length,
			submits: submits().length,
			jobStatus: log.filter((r) => r.path.startsWith('/job_status')).length,
			postLists: log.filter((r) => r.method === 'GET' && r.path === '/posts').length,
		};
		console.log(`requests to schedule 1,200 posts with waiting and 12 ambiguous failures: ${JSON.stringify(counts)}`);
		expect(counts.accounts + counts.submits + counts.jobStatus).toBe(7);
		// The failures name the X account that 300 posts of each request target: only this costs GET /posts pages.
		expect(counts.postLists).toBeGreaterThan(0);
	});

	it('1,200 items without failures: exactly 7 requests (accounts, 3 submits, 3 job polls)', async () => {
		const result = await run({}, makeItems(1200));
		expect(result.items).toHaveLength(1200);
		const log = sb.requests();
		console.log(`requests to schedule 1,200 posts with waiting: ${log.length} (${log.map((r) => `${r.method} ${r.path.replace(/[0-9a-f]{24}/, ':id')}`).join(', ')})`);
		expect(log).toHaveLength(7);
	});

	it('Resolve Post IDs returns the created post IDs per item', async () => {
		const items = makeItems(30);
		const result = await run({ options: { resolvePostIds: true } }, items);
		const stored = sb.posts(sb.workspaceId);
		for (const [i, item] of result.items.entries()) {
			const ids = item.json.postIds as string[];
			expect(ids).toHaveLength(1);
			expect(stored.find((p) => p.id === ids[0])?.text).toBe(items[i].text);
		}
	});

	it('two posts on one account where one collides: the ambiguous failure goes to the right post', async () => {
		const tw = sb.accountFor('twitter').id;
		const t0 = base();
		const items = [
			{ account: tw, text: 'first', when: new Date(t0).toISOString() },
			{ account: tw, text: 'second (30 s later: collides)', when: new Date(t0 + 30_000).toISOString() },
			{ account: tw, text: 'third', when: new Date(t0 + 10 * MINUTE).toISOString() },
		];
		const result = await run({}, items);
		expect(result.errorItems.map((i) => i.pairedItem)).toEqual([{ item: 1 }]);
		expect(result.errorItems[0].json.error).toMatch(/one minute gap/);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
	});

	it('a failure of the whole request fails every item of that request with the message', async () => {
		sb.injectFault({ method: 'POST', path: '/posts/schedule', kind: 'status', status: 400 });
		const result = await run({}, makeItems(3));
		expect(result.errorItems).toHaveLength(3);
		expect(result.errorItems.every((i) => /Publer rejected the request as invalid/.test(String(i.json.error)))).toBe(true);
	});

	it('without continue-on-fail, a post failure stops the node with that item’s error', async () => {
		const tw = sb.accountFor('twitter').id;
		const result = await run({ options: { validate: false } }, [{ account: tw, text: 'q'.repeat(290), when: new Date(base()).toISOString() }], 'stopWorkflow');
		expect(result.error?.message).toMatch(/Publer could not create the post for 1 of 1 account/);
	});

	describe('waiting', () => {
		it('Wait for Completion off: returns the job ID at once without polling', async () => {
			const result = await run({ options: { waitForCompletion: false } }, makeItems(2));
			expect(result.items.map((i) => i.json.status)).toEqual(['submitted', 'submitted']);
			expect(sb.requests({ path: /^\/job_status/ })).toHaveLength(0);
		});

		it('polls with back-off until the job is done', async () => {
			const slow = await startSandbox({ rateLimit: false, jobWorkingPolls: 3 });
			try {
				const fb = slow.accountFor('facebook:page');
				const result = await runPublerNode({
					credentials: { apiKey: slow.apiKey, baseUrl: slow.baseUrl },
					parameters: { resource: 'post', operation: 'create', workspace: { __rl: true, mode: 'id', value: slow.workspaceId }, mode: 'publishNow', accounts: [fb.id], text: 'wait for me', options: { pollInterval: 0.05 } },
				});
				expect(result.items[0].json.status).toBe('complete');
				expect(slow.requests({ path: /^\/job_status/ })).toHaveLength(4);
			} finally {
				await slow.close();
			}
		});

		it('a timed-out wait says which job and how to check it later', async () => {
			const slow = await startSandbox({ rateLimit: false, jobWorkingPolls: 1000 });
			try {
				const fb = slow.accountFor('facebook:page');
				const started = Date.now();
				const result = await runPublerNode({
					credentials: { apiKey: slow.apiKey, baseUrl: slow.baseUrl },
					parameters: { resource: 'post', operation: 'create', workspace: { __rl: true, mode: 'id', value: slow.workspaceId }, mode: 'publishNow', accounts: [fb.id], text: 'slow', options: { pollInterval: 0.2, waitTimeout: 1 } },
					onError: 'continueErrorOutput',
				});
				expect(Date.now() - started).toBeLessThan(5000);
				const jobId = slow.jobs()[0].id;
				expect(result.errorItems[0].json.error).toBe(`Publer job ${jobId} was still working after 1 s`);
				expect((result.errorItems[0].error as Error & { description?: string }).description).toMatch(/Job → Get \(job ID [0-9a-f]{24}\)/);
			} finally {
				await slow.close();
			}
		});
	});

	describe('double-post guard', () => {
		// jobDurationMs 0: Publer processes a request at once, so its posts exist when the answer is lost.
		let fast: Sandbox;
		const runOn = (box: Sandbox, options: IDataObject, items: IDataObject[]) =>
			runPublerNode({
				credentials: { apiKey: box.apiKey, baseUrl: box.baseUrl },
				parameters: {
					resource: 'post',
					operation: 'create',
					workspace: { __rl: true, mode: 'id', value: box.workspaceId },
					mode: 'schedule',
					accounts: '={{ $json.account }}',
					text: '={{ $json.text }}',
					scheduledAt: '={{ $json.when }}',
					options: { pollInterval: 0, ...options },
				},
				items,
				onError: 'continueErrorOutput',
			});
		const itemsFor = (box: Sandbox, n: number, tag: string) => {
			const rotation = ['twitter', 'mastodon', 'bluesky', 'threads'].map((p) => box.accountFor(p).id);
			const t0 = Math.ceil((Date.now() + 60 * MINUTE) / 1000) * 1000;
			return Array.from({ length: n }, (_, i) => ({ account: rotation[i % 4], text: `${tag} ${i}`, when: new Date(t0 + i * 10 * MINUTE).toISOString() }));
		};
		const posted = (box: Sandbox) => box.requests({ method: 'POST', path: /^\/posts\/schedule/ });
		const exactlyOnce = (box: Sandbox, items: IDataObject[]) => {
			for (const item of items) expect(box.posts(box.workspaceId).filter((p) => p.text === item.text)).toHaveLength(1);
		};

		beforeAll(async () => {
			fast = await startSandbox({ rateLimit: false, jobWorkingPolls: 0, jobDurationMs: 0 });
		});
		afterAll(async () => fast.close());
		beforeEach(() => fast.reset());

		it('connection dropped after Publer processed the request: nothing is resent, existing posts are reported', async () => {
			fast.injectFault({ method: 'POST', path: '/posts/schedule', kind: 'dropAfter' });
			const items = itemsFor(fast, 5, 'dropAfter');
			const result = await runOn(fast, {}, items);
			expect(result.error).toBeUndefined();
			expect(posted(fast)).toHaveLength(1);
			expect(result.items).toHaveLength(5);
			expect(result.items.every((i) => i.json.status === 'existing' && (i.json.postIds as string[]).length === 1)).toBe(true);
			exactlyOnce(fast, items);
		});

		it('posts that appear only seconds later are still found: the guard keeps looking before resending', async () => {
			const slow = await startSandbox({ rateLimit: false, clockMode: 'realtime', jobWorkingPolls: 1000, jobDurationMs: 3000 });
			try {
				slow.injectFault({ method: 'POST', path: '/posts/schedule', kind: 'dropAfter' });
				const items = itemsFor(slow, 3, 'late');
				const result = await runOn(slow, { waitTimeout: 20 }, items);
				expect(posted(slow)).toHaveLength(1);
				expect(result.items.map((i) => i.json.status)).toEqual(['existing', 'existing', 'existing']);
				exactlyOnce(slow, items);
			} finally {
				await slow.close();
			}
		}, 30_000);

		// Issue 12.1: a dropped connection cannot prove Publer did not process the request, so nothing is resent.
		const unknownItems = (result: Awaited<ReturnType<typeof runOn>>) => result.errorItems.filter((i) => /^Outcome unknown/.test(String(i.json.error)));
		it('connection dropped before processing: nothing is resent; after Wait Timeout each item says the outcome is unknown', async () => {
			fast.injectFault({ method: 'POST', path: '/posts/schedule', kind: 'dropBefore' });
			const items = itemsFor(fast, 4, 'dropBefore');
			const result = await runOn(fast, { waitTimeout: 3 }, items);
			expect(result.error).toBeUndefined();
			expect(posted(fast)).toHaveLength(1);
			expect(unknownItems(result)).toHaveLength(4);
			expect(String((result.errorItems[0].error as Error & { description?: string }).description)).toMatch(/found 0 of 4.*Nothing was sent again.*Post → Get Many/);
			for (const item of items) expect(fast.posts(fast.workspaceId).filter((p) => p.text === item.text)).toHaveLength(0);
		}, 20_000);

		it('part of a request exists: those items report their posts, the others an unknown outcome; nothing is resent', async () => {
			const items = itemsFor(fast, 4, 'partial');
			// Post 1 already exists (as if an earlier attempt got through), then the next submit is lost before processing.
			await runOn(fast, {}, [items[1]]);
			fast.clearRequests();
			fast.injectFault({ method: 'POST', path: '/posts/schedule', kind: 'dropBefore' });
			const result = await runOn(fast, { waitTimeout: 3 }, items);
			expect(posted(fast)).toHaveLength(1);
			expect(result.items.map((i) => [i.pairedItem, i.json.status])).toEqual([[{ item: 1 }, 'existing']]);
			expect(unknownItems(result).map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 2 }, { item: 3 }]);
			expect(fast.posts(fast.workspaceId).filter((p) => String(p.text).startsWith('partial'))).toHaveLength(1);
		}, 20_000);

		it('an HTML 502 answer to the submit: the guard looks, never resends, and reports the outcome as unknown', async () => {
			fast.injectFault({ method: 'POST', path: '/posts/schedule', kind: 'html', status: 502 });
			const items = itemsFor(fast, 2, 'html');
			const result = await runOn(fast, { waitTimeout: 3 }, items);
			expect(posted(fast)).toHaveLength(1);
			expect(unknownItems(result)).toHaveLength(2);
			expect(String(unknownItems(result)[0].json.error)).toMatch(/request 1 \(items 0–1\).*instead of JSON/);
		}, 20_000);

		it('with the guard off, an unknown outcome is an error and nothing is resent', async () => {
			fast.injectFault({ method: 'POST', path: '/posts/schedule', kind: 'dropAfter' });
			const result = await runOn(fast, { duplicateGuard: false }, itemsFor(fast, 2, 'off'));
			expect(posted(fast)).toHaveLength(1);
			expect(result.errorItems).toHaveLength(2);
			expect(String((result.errorItems[0].error as Error & { description?: string }).description)).toMatch(/may or may not have processed it/);
		});
	});
});
