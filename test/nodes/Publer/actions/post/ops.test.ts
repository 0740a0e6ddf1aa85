import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../../../../sandbox';
import { Publer } from '../../../../../nodes/Publer/Publer.node';
import { runPublerNode, shutdownN8nCore } from '../../../../support';

const HOUR = 3600_000;

describe('Post → Get Many / Update / Delete / Get Link Preview, Job → Get / Wait', () => {
	let sb: Sandbox;
	const credentials = () => ({ apiKey: sb.apiKey, baseUrl: sb.baseUrl });
	const ws = () => ({ __rl: true, mode: 'id', value: sb.workspaceId });
	const node = (parameters: INodeParameters, onError?: 'continueErrorOutput') =>
		runPublerNode({ credentials: credentials(), parameters: { workspace: ws(), ...parameters }, onError });
	const at = (ms: number) => new Date(Math.ceil((Date.now() + ms) / 1000) * 1000).toISOString();

	/** Creates posts through the node and returns their IDs. */
	const seedPosts = async (texts: string[], account = sb.accountFor('facebook:page').id) => {
		const result = await runPublerNode({
			credentials: credentials(),
			items: texts.map((text, i) => ({ text, when: at(HOUR + i * 10 * 60_000) })),
			parameters: {
				resource: 'post',
				operation: 'create',
				workspace: ws(),
				mode: 'schedule',
				accounts: [account],
				text: '={{ $json.text }}',
				scheduledAt: '={{ $json.when }}',
				options: { pollInterval: 0, resolvePostIds: true },
			},
		});
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

	it('Get Many sends every filter and pages through all results', async () => {
		const fb = sb.accountFor('facebook:page').id;
		await seedPosts(['alpha one', 'alpha two', 'beta', 'alpha three', 'alpha four', 'alpha five', 'alpha six'], fb);
		sb.clearRequests();
		const result = await node({
			resource: 'post',
			operation: 'getMany',
			returnAll: true,
			filters: { states: ['scheduled', 'draft'], from: at(0), to: at(48 * HOUR), accountIds: [fb], query: 'alpha', postType: 'status', memberId: '' },
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.text).sort()).toEqual(['alpha five', 'alpha four', 'alpha one', 'alpha six', 'alpha three', 'alpha two']);
		expect(Object.keys(result.items[0].json).sort()).toEqual(['account_id', 'has_media', 'id', 'network', 'post_link', 'scheduled_at', 'state', 'text', 'title', 'type']);
		const reqs = sb.requests({ path: '/posts' });
		expect(reqs).toHaveLength(2);
		expect(reqs[0].query).toMatchObject({ state: ['scheduled', 'draft'], account_ids: [fb], query: 'alpha', postType: 'status', page: '0' });
		expect(reqs[0].query.from).toMatch(/[+-]\d\d:\d\d$/);
		const limited = await node({ resource: 'post', operation: 'getMany', returnAll: false, limit: 3, simplify: false });
		expect(limited.items).toHaveLength(3);
		expect(limited.items[0].json.user).toBeDefined();
		const member = await node({ resource: 'post', operation: 'getMany', returnAll: true, filters: { memberId: 'nobody', states: ['published'] } });
		expect(member.items).toHaveLength(0);
	});

	it('Get Many refuses From without To before any request', async () => {
		const result = await node({ resource: 'post', operation: 'getMany', returnAll: true, filters: { from: at(0) } });
		expect(result.error?.message).toMatch(/filters\.to — Publer needs From and To together/);
		expect(sb.requests({ path: '/posts' })).toHaveLength(0);
	});

	it('Update changes text and title (sent flat and nested, see the code comment)', async () => {
		const [id] = await seedPosts(['before']);
		const result = await node({ resource: 'post', operation: 'update', postId: id, text: 'after', updateFields: { title: 'T' } });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ id, text: 'after' });
		expect(sb.requests({ method: 'PUT' })[0].body).toEqual({ text: 'after', title: 'T', post: { text: 'after', title: 'T' } });
		expect(sb.posts(sb.workspaceId).find((p) => p.id === id)?.text).toBe('after');
	});

	it('Delete removes one or many ids, one {deleted, id} per id, and flags ids Publer did not delete', async () => {
		const ids = await seedPosts(['d1', 'd2', 'd3']);
		const result = await node({ resource: 'post', operation: 'delete', postIds: `${ids[0]}, ${ids[1]}` });
		expect(result.items.map((i) => i.json)).toEqual([
			{ deleted: true, id: ids[0] },
			{ deleted: true, id: ids[1] },
		]);
		expect(sb.requests({ method: 'DELETE' })[0].query.post_ids).toEqual([ids[0], ids[1]]);
		const missing = await node({ resource: 'post', operation: 'delete', postIds: [ids[2], 'ffffffffffffffffffffffff'] as unknown as string }, 'continueErrorOutput');
		expect(missing.errorItems[0].json.error).toMatch(/Publer did not delete 1 of 2 posts: ffffffffffffffffffffffff/);
		const flagged = await node({ resource: 'post', operation: 'delete', postIds: 'eeeeeeeeeeeeeeeeeeeeeeee', options: { failOnNotDeleted: false } });
		expect(flagged.items[0].json).toMatchObject({ deleted: false, id: 'eeeeeeeeeeeeeeeeeeeeeeee' });
		expect(sb.posts(sb.workspaceId).filter((p) => ids.includes(p.id))).toHaveLength(0);
	});

	it('Get Link Preview posts the URL to /posts/links', async () => {
		const result = await node({ resource: 'post', operation: 'getLinkPreview', url: 'https://publer.com' });
		expect(result.items[0].json).toMatchObject({ url: 'https://publer.com/', provider_display: 'publer.com' });
		expect(sb.requests({ method: 'POST', path: '/posts/links' })[0].body).toEqual({ url: 'https://publer.com' });
	});

	describe('Job', () => {
		const submitJob = async (text: string) => {
			const r = await runPublerNode({
				credentials: credentials(),
				parameters: { resource: 'post', operation: 'create', workspace: ws(), mode: 'schedule', accounts: [sb.accountFor('twitter').id], text, scheduledAt: at(HOUR), options: { waitForCompletion: false, validate: false } },
			});
			return String(r.items[0].json.jobId);
		};

		it.each([
			[{ jobEnvelope: 'top', completeToken: 'complete', failuresShape: 'array' }],
			[{ jobEnvelope: 'data', completeToken: 'completed', failuresShape: 'object' }],
		])('Get normalises %j', async (variants) => {
			sb.setVariants(variants as never);
			const jobId = await submitJob('w'.repeat(300));
			const result = await node({ resource: 'job', operation: 'get', jobId });
			expect(result.items[0].json).toMatchObject({ jobId, status: 'complete', done: true, success: false });
			expect((result.items[0].json.failures as IDataObject[])[0]).toMatchObject({ account_id: sb.accountFor('twitter').id, provider: 'twitter' });
		});

		it('Wait for Completion returns the finished job, or fails with the failures', async () => {
			const ok = await submitJob('fine');
			const result = await node({ resource: 'job', operation: 'wait', jobId: ok, options: { pollInterval: 0 } });
			expect(result.items[0].json).toMatchObject({ status: 'complete', success: true, polls: 1 });
			const bad = await submitJob('v'.repeat(300));
			const failed = await node({ resource: 'job', operation: 'wait', jobId: bad, options: { pollInterval: 0 } }, 'continueErrorOutput');
			expect(failed.errorItems[0].json.error).toMatch(new RegExp(`Publer job ${bad} finished with 1 failure: .*Twitter allows 280`));
			const lenient = await node({ resource: 'job', operation: 'wait', jobId: bad, options: { pollInterval: 0, failOnFailures: false } });
			expect(lenient.items[0].json.success).toBe(false);
		});

		it('Get refuses a malformed job ID before any request', async () => {
			const result = await node({ resource: 'job', operation: 'get', jobId: 'a/b' });
			expect(result.error?.message).toMatch(/jobId — "a\/b" is not a Publer job ID/);
			expect(sb.requests({ path: /job_status/ })).toHaveLength(0);
		});
	});

	it('as an AI-agent tool, Post → Create defaults to Draft (the @tool display condition)', () => {
		const description = new Publer().description;
		const modes = description.properties.filter((p) => p.name === 'mode');
		expect(modes.map((m) => [m.default, m.displayOptions?.show?.['@tool']])).toEqual([
			['schedule', [false]],
			['draft', [true]],
		]);
		const base = { resource: 'post', operation: 'create' };
		const asTool = NodeHelpers.getNodeParameters(description.properties, base, true, false, null, { ...description, name: 'publerTool' });
		const asNode = NodeHelpers.getNodeParameters(description.properties, base, true, false, null, description);
		expect(asTool?.mode).toBe('draft');
		expect(asNode?.mode).toBe('schedule');
	});
});
