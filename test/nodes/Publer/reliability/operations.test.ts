// Issue 12 items 6, 7, 10 and issue 13 variants (c), (d), at the level of whole node runs (n8n's engine in-process,
// the sandbox or a scripted loopback server behind it).
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../../../sandbox';
import { runPublerNode, shutdownN8nCore } from '../../../support';
import { FakeServer } from '../../../support/fakeServer';

const HOUR = 3600_000;
const WS = '61a7c2e4f9e8c3b2d1e0f9a8';

describe('reliability of the Publer operations (issue 12 items 6, 7, 10; issue 13)', () => {
	let sb: Sandbox;
	const credentials = () => ({ apiKey: sb.apiKey, baseUrl: sb.baseUrl });
	const ws = () => ({ __rl: true, mode: 'id', value: sb.workspaceId });
	const node = (parameters: INodeParameters, onError?: 'continueErrorOutput') =>
		runPublerNode({ credentials: credentials(), parameters: { workspace: ws(), ...parameters }, onError });
	const at = (ms: number) => new Date(Math.ceil((Date.now() + ms) / 1000) * 1000).toISOString();

	const seedPosts = async (texts: string[]) => {
		const result = await runPublerNode({
			credentials: credentials(),
			items: texts.map((text, i) => ({ text, when: at(HOUR + i * 10 * 60_000) })),
			parameters: {
				resource: 'post',
				operation: 'create',
				workspace: ws(),
				mode: 'schedule',
				accounts: [sb.accountFor('facebook:page').id],
				text: '={{ $json.text }}',
				scheduledAt: '={{ $json.when }}',
				options: { pollInterval: 0, resolvePostIds: true },
			},
		});
		expect(result.error).toBeUndefined();
		return result.items.map((i) => (i.json.postIds as string[])[0]);
	};

	beforeAll(async () => {
		sb = await startSandbox({ rateLimit: false, jobWorkingPolls: 0, postsPerPage: 5 });
	});
	afterAll(async () => {
		await sb.close();
		shutdownN8nCore();
	});
	beforeEach(() => sb.reset());

	describe('12.6 a retried DELETE', () => {
		it('reports posts the first (unanswered) attempt deleted as deleted, confirmed by the post list', async () => {
			const ids = await seedPosts(['delete me one', 'delete me two']);
			sb.clearRequests();
			// Publer deletes both, then the connection breaks before the answer; the retry answers deleted_ids: [].
			sb.injectFault({ method: 'DELETE', path: '/posts', kind: 'dropAfter' });
			const result = await node({ resource: 'post', operation: 'delete', postIds: ids.join(',') });
			expect(result.error).toBeUndefined();
			expect(result.items.map((i) => i.json)).toEqual([
				expect.objectContaining({ deleted: true, id: ids[0], confirmedBy: 'postList' }),
				expect.objectContaining({ deleted: true, id: ids[1], confirmedBy: 'postList' }),
			]);
			expect(sb.posts(sb.workspaceId).filter((p) => ids.includes(p.id))).toHaveLength(0);
			const deletes = sb.requests({ method: 'DELETE' });
			expect(deletes).toHaveLength(2);
			expect(deletes[1].status).toBe(200);
			// The check read the list, never with an empty delete.
			expect(sb.requests({ method: 'GET', path: '/posts' }).length).toBeGreaterThanOrEqual(1);
		});

		it('without a lost answer, an ID Publer did not delete stays "not deleted" and no list is read', async () => {
			sb.clearRequests();
			const result = await node({ resource: 'post', operation: 'delete', postIds: 'eeeeeeeeeeeeeeeeeeeeeeee', options: { failOnNotDeleted: false } });
			expect(result.items[0].json).toMatchObject({ deleted: false, id: 'eeeeeeeeeeeeeeeeeeeeeeee' });
			expect(sb.requests({ method: 'GET', path: '/posts' })).toHaveLength(0);
		});
	});

	describe('12.7 numeric options from expressions', () => {
		const cases: Array<[string, INodeParameters]> = [
			['Job → Wait: Wait Timeout "abc"', { resource: 'job', operation: 'wait', jobId: '6810dec617eae6d55d7a5e5b', options: { waitTimeout: '={{ "abc" }}' } }],
			['Job → Wait: Poll Interval NaN', { resource: 'job', operation: 'wait', jobId: '6810dec617eae6d55d7a5e5b', options: { pollInterval: '={{ NaN }}' } }],
			['Job → Wait: Wait Timeout Infinity', { resource: 'job', operation: 'wait', jobId: '6810dec617eae6d55d7a5e5b', options: { waitTimeout: '={{ 1/0 }}' } }],
			['Post → Delete: Max Rate-Limit Wait "abc"', { resource: 'post', operation: 'delete', postIds: '6813a0c25ec8b1e65235aeb1', options: { maxRateLimitWait: '={{ "abc" }}' } }],
			['Post → Delete: Max Rate-Limit Wait Infinity', { resource: 'post', operation: 'delete', postIds: '6813a0c25ec8b1e65235aeb1', options: { maxRateLimitWait: '={{ "1e400" }}' } }],
			['Post → Get Many: Limit "abc"', { resource: 'post', operation: 'getMany', returnAll: false, limit: '={{ "abc" }}' }],
			['Media → Import From URL: Wait Timeout -5', { resource: 'media', operation: 'importFromUrl', urls: 'https://example.com/a.jpg', options: { waitTimeout: '={{ -5 }}' } }],
			['Media → Get Many: Max Rate-Limit Wait "abc"', { resource: 'media', operation: 'getMany', types: ['photo'], used: ['true'], options: { maxRateLimitWait: '={{ "abc" }}' } }],
		];
		it.each(cases)('%s is refused before any request', async (_name, parameters) => {
			sb.clearRequests();
			const result = await node(parameters, 'continueErrorOutput');
			expect(result.items).toHaveLength(0);
			expect(result.errorItems).toHaveLength(1);
			expect(String(result.errorItems[0].json.error)).toMatch(/must be (a|a whole) number from/);
			expect(sb.requests()).toHaveLength(0);
		});
	});

	describe('12.10 IDs that would change the endpoint path', () => {
		it.each(['..', '.', 'a/b', '%2e%2e', 'x?y', 'x#y'])('workspace ID %p is refused before any request', async (bad) => {
			sb.clearRequests();
			const result = await runPublerNode({
				credentials: credentials(),
				parameters: { resource: 'workspace', operation: 'getSignatures', workspace: { __rl: true, mode: 'id', value: `={{ ${JSON.stringify(bad)} }}` }, accounts: [sb.accountFor('facebook:page').id] },
				onError: 'continueErrorOutput',
			});
			expect(result.errorItems).toHaveLength(1);
			expect(String(result.errorItems[0].json.error)).toMatch(/not a Publer (workspace )?ID|not a Publer ID/);
			expect(sb.requests()).toHaveLength(0);
		});

		it('a job ID ".." is refused before any request', async () => {
			sb.clearRequests();
			const result = await node({ resource: 'job', operation: 'get', jobId: '..' }, 'continueErrorOutput');
			expect(result.errorItems).toHaveLength(1);
			expect(sb.requests()).toHaveLength(0);
		});
	});

	describe('never DELETE /posts without ids', () => {
		it.each([['empty text', '={{ "" }}'], ['only commas', ' , ,'], ['an empty array', '={{ [] }}'], ['null', '={{ null }}']])('%s: refused, nothing sent', async (_n, postIds) => {
			sb.clearRequests();
			const result = await node({ resource: 'post', operation: 'delete', postIds }, 'continueErrorOutput');
			expect(result.errorItems).toHaveLength(1);
			expect(sb.requests({ method: 'DELETE' })).toHaveLength(0);
		});
	});
});

describe('issue 13 variants against a scripted server', () => {
	const server = new FakeServer();
	const credentials = () => ({ apiKey: 'sk_test_KEY_123456', baseUrl: server.baseUrl });
	const run = (parameters: INodeParameters, items?: IDataObject[]) =>
		runPublerNode({ credentials: credentials(), parameters: { workspace: { __rl: true, mode: 'id', value: WS }, ...parameters }, items, onError: 'continueErrorOutput' });

	beforeAll(async () => {
		await server.start();
	});
	afterAll(async () => {
		await server.close();
		shutdownN8nCore();
	});
	beforeEach(() => server.reset());

	describe('12.6 a retried DELETE, with posts Publer would not delete', () => {
		it('a post still listed after the retry is not deleted; one no longer listed is', async () => {
			server.reply(
				{ drop: true },
				{ body: { deleted_ids: [] } },
				{ body: { posts: [{ id: 'kept1', text: 'x' }], total: 1, page: 0, per_page: 20, total_pages: 1 } },
			);
			const result = await run({ resource: 'post', operation: 'delete', postIds: 'gone1,kept1', options: { failOnNotDeleted: false } });
			expect(result.errorItems).toHaveLength(0);
			expect(result.items.map((i) => i.json)).toEqual([
				expect.objectContaining({ deleted: true, id: 'gone1', confirmedBy: 'postList' }),
				expect.objectContaining({ deleted: false, id: 'kept1' }),
			]);
			const list = server.requests[2];
			expect(`${list.method} ${list.path}`).toBe('GET /posts');
			expect(decodeURIComponent(list.query)).toContain('state=all');
		});

		it('when the list cannot be read to its end, the outcome is reported as unknown, never as deleted', async () => {
			server.reply({ drop: true }, { body: { deleted_ids: [] } });
			server.setFallback((req) => {
				const page = Number(new URLSearchParams(req.query).get('page'));
				return { body: { posts: Array.from({ length: 20 }, (_, i) => ({ id: `p${page}_${i}` })), per_page: 20 } };
			});
			try {
				const result = await run({ resource: 'post', operation: 'delete', postIds: 'gone1', options: { failOnNotDeleted: false } });
				expect(result.items.map((i) => i.json)).toEqual([expect.objectContaining({ deleted: false, id: 'gone1', outcomeUnknown: true })]);
				expect(server.requests.filter((r) => r.method === 'GET').length).toBeLessThanOrEqual(100);
			} finally {
				server.setFallback(() => ({ status: 404, body: { errors: ['No route'] } }));
			}
		});
	});

	describe('(c) one media import at a time', () => {
		it('a 403 naming a running import is waited out and the import sent again, not reported as a missing scope', async () => {
			server.reply(
				{ status: 403, body: { errors: ['Another media import is already running. Please wait until it finishes.'] } },
				{ body: { job_id: 'job2' } },
				{ body: { status: 'complete', payload: [{ id: 'm1', path: 'https://cdn/x.jpg' }] } },
			);
			const result = await run({ resource: 'media', operation: 'importFromUrl', urls: 'https://example.com/x.jpg', options: { waitTimeout: 60 } });
			expect(result.errorItems).toHaveLength(0);
			expect(result.items.map((i) => i.json)).toEqual([expect.objectContaining({ id: 'm1', jobId: 'job2' })]);
			expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /media/from-url', 'POST /media/from-url', 'GET /job_status/job2']);
		});

		it('gives up at the wait timeout with a message about the running import, not about scopes', async () => {
			server.setFallback(() => ({ status: 403, body: { errors: ['A media import is in progress'] } }));
			try {
				const result = await run({ resource: 'media', operation: 'importFromUrl', urls: 'https://example.com/x.jpg', options: { waitTimeout: 2 } });
				expect(result.errorItems).toHaveLength(1);
				const error = String(result.errorItems[0].json.error);
				expect(error).toMatch(/another media import/i);
				expect(error).not.toMatch(/scope/i);
				const posts = server.requests.filter((r) => r.method === 'POST');
				expect(posts.length).toBeGreaterThanOrEqual(2);
				expect(posts.length).toBeLessThanOrEqual(4);
			} finally {
				server.setFallback(() => ({ status: 404, body: { errors: ['No route'] } }));
			}
		});

		it('never starts a second import while the first one of the same run is still working', async () => {
			let polls = 0;
			server.setFallback((req) => {
				if (req.method === 'POST') return { body: { job_id: `job${server.requests.filter((r) => r.method === 'POST').length}` } };
				polls++;
				return { body: { status: polls < 2 ? 'working' : 'complete', payload: [{ id: `m${polls}` }] } };
			});
			try {
				const result = await run(
					{ resource: 'media', operation: 'importFromUrl', urls: '={{ $json.url }}', options: { waitForCompletion: false } },
					[{ url: 'https://example.com/1.jpg' }, { url: 'https://example.com/2.jpg' }],
				);
				expect(result.errorItems).toHaveLength(0);
				expect(result.items.map((i) => i.json.jobId)).toEqual(['job1', 'job2']);
				expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
					'POST /media/from-url',
					'GET /job_status/job1',
					'GET /job_status/job1',
					'POST /media/from-url',
				]);
			} finally {
				server.setFallback(() => ({ status: 404, body: { errors: ['No route'] } }));
			}
		});
	});

	describe('(d) post_link and media on listed posts', () => {
		const listed = {
			posts: [
				{
					id: 'p1',
					text: 'hi',
					state: 'published',
					type: 'photo',
					account_id: 'a1',
					network: 'instagram',
					scheduled_at: '2026-01-01T09:00:00+00:00',
					post_link: 'https://www.instagram.com/p/abc/',
					has_media: true,
					media: [{ id: 'm1', thumbnails: [{ small: 'https://cdn/t.jpg' }] }],
				},
			],
			total: 1,
			page: 0,
			per_page: 20,
			total_pages: 1,
		};
		it('Get Many passes post_link and media through; Simplify keeps post_link', async () => {
			server.reply({ body: listed }, { body: listed });
			const full = await run({ resource: 'post', operation: 'getMany', returnAll: true, simplify: false });
			expect(full.items[0].json).toMatchObject({ post_link: 'https://www.instagram.com/p/abc/', media: [{ id: 'm1' }] });
			const simple = await run({ resource: 'post', operation: 'getMany', returnAll: true, simplify: true });
			expect(simple.items[0].json.post_link).toBe('https://www.instagram.com/p/abc/');
		});
	});
});

describe('issue 13 variants against the sandbox (helper C’s switches)', () => {
	let sb: Sandbox;
	const credentials = (apiKey = sb.apiKey) => ({ apiKey, baseUrl: sb.baseUrl });
	const run = (parameters: INodeParameters, options: { apiKey?: string; workspaceId?: string; items?: IDataObject[] } = {}) =>
		runPublerNode({
			credentials: credentials(options.apiKey),
			parameters: { workspace: { __rl: true, mode: 'id', value: options.workspaceId ?? sb.workspaceId }, ...parameters },
			items: options.items,
			onError: 'continueErrorOutput',
		});

	beforeAll(async () => {
		sb = await startSandbox({ rateLimit: false, jobWorkingPolls: 1, clockMode: 'realtime', jobDurationMs: 1500 });
	});
	afterAll(async () => {
		await sb.close();
		shutdownN8nCore();
	});
	beforeEach(() => sb.reset());

	it('authCodes swapped: a wrong key (403) is named as the key, a foreign workspace (401) as the workspace', async () => {
		sb.setVariants({ authCodes: 'swapped' });
		const badKey = await run({ resource: 'account', operation: 'getMany' }, { apiKey: sb.keys.revoked });
		expect(String(badKey.errorItems[0].json.error)).toMatch(/did not accept the API key: Invalid API key or not active/);
		expect(String((badKey.errorItems[0].error as { description?: string }).description)).not.toMatch(/scope/);
		const foreign = await run({ resource: 'account', operation: 'getMany' }, { workspaceId: sb.otherWorkspaceId });
		const message = String(foreign.errorItems[0].json.error);
		expect(message).toMatch(/refused access to the workspace: You don't have access on this workspace/);
		expect(message).not.toMatch(/API key/);
		expect(String((foreign.errorItems[0].error as { description?: string }).description)).toMatch(/pick the workspace from the list/);
	});

	it.each(['null', 'unknown'] as const)('jobStatusNull %s: Job → Wait keeps waiting and reports the finished job', async (variant) => {
		sb.setVariants({ jobStatusNull: variant, jobEnvelope: 'top' });
		const submitted = await run({ resource: 'media', operation: 'importFromUrl', urls: 'https://example.com/a.jpg', options: { waitForCompletion: false } });
		const jobId = String(submitted.items[0].json.jobId);
		const waited = await run({ resource: 'job', operation: 'wait', jobId, options: { pollInterval: 0, waitTimeout: 30 } });
		expect(waited.errorItems).toHaveLength(0);
		expect(waited.items[0].json).toMatchObject({ status: 'complete', done: true });
		const statuses = sb.requests({ path: new RegExp(`^/job_status/${jobId}`) });
		expect(statuses.length).toBeGreaterThanOrEqual(1);
	});

	it('singleImport: two items never run two imports at once (no 403 from the sandbox)', async () => {
		sb.setVariants({ singleImport: true });
		sb.clearRequests();
		const result = await run(
			{ resource: 'media', operation: 'importFromUrl', urls: '={{ $json.url }}', options: { waitForCompletion: false, waitTimeout: 60 } },
			{ items: [{ url: 'https://example.com/1.jpg' }, { url: 'https://example.com/2.jpg' }] },
		);
		expect(result.errorItems).toHaveLength(0);
		expect(result.items).toHaveLength(2);
		const imports = sb.requests({ method: 'POST', path: '/media/from-url' });
		expect(imports.map((r) => r.status)).toEqual([200, 200]);
	});

	it('singleImport: an import already running elsewhere (403) is waited out within the timeout', async () => {
		sb.setVariants({ singleImport: true });
		const other = await run({ resource: 'media', operation: 'importFromUrl', urls: 'https://example.com/other.jpg', options: { waitForCompletion: false } });
		expect(other.errorItems).toHaveLength(0);
		sb.clearRequests();
		// A new execution (another workflow, say): it does not know the first job, so Publer's 403 tells it.
		const result = await run({ resource: 'media', operation: 'importFromUrl', urls: 'https://example.com/mine.jpg', options: { waitTimeout: 60 } });
		expect(result.errorItems).toHaveLength(0);
		const statuses = sb.requests({ method: 'POST', path: '/media/from-url' }).map((r) => r.status);
		expect(statuses[0]).toBe(403);
		expect(statuses[statuses.length - 1]).toBe(200);
		expect(result.items[0].json).toHaveProperty('jobId');
	});

	it('postLinks observed: Post → Get Many passes post_link and media through', async () => {
		sb.setVariants({ postLinks: 'observed' });
		const imported = await run({ resource: 'media', operation: 'importFromUrl', urls: 'https://example.com/p.jpg', options: { inLibrary: true } });
		expect(imported.errorItems).toHaveLength(0);
		const created = await runPublerNode({
			credentials: credentials(),
			parameters: {
				resource: 'post',
				operation: 'create',
				workspace: { __rl: true, mode: 'id', value: sb.workspaceId },
				mode: 'draft',
				accounts: [sb.accountFor('facebook:page').id],
				text: 'with a photo',
				mediaList: JSON.stringify([{ id: imported.items[0].json.id, type: 'photo' }]),
				options: { pollInterval: 0 },
			},
		});
		expect(created.error).toBeUndefined();
		const listed = await run({ resource: 'post', operation: 'getMany', returnAll: true, simplify: false });
		const post = listed.items.map((i) => i.json).find((p) => p.text === 'with a photo');
		expect(post).toHaveProperty('post_link');
		expect(Array.isArray(post?.media)).toBe(true);
		const simple = await run({ resource: 'post', operation: 'getMany', returnAll: true, simplify: true });
		expect(simple.items.map((i) => i.json).find((p) => p.text === 'with a photo')).toHaveProperty('post_link');
	});
});
