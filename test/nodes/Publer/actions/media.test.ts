import { Readable } from 'stream';

import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';
import type { IConnections, IDataObject, INode } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../../../sandbox';
import { PUBLER, runPublerNode, runWorkflow, shutdownN8nCore } from '../../../support';

/** A 1×1 PNG. */
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const PNG_BYTES = Buffer.from(PNG_BASE64, 'base64').length;

let sb: Sandbox;
const creds = (apiKey?: string) => ({ apiKey: apiKey ?? sb.apiKey, baseUrl: sb.baseUrl });
const ws = () => ({ __rl: true, mode: 'id', value: sb.workspaceId });

/** Manual Trigger → Items (emits binary items, as a file-producing node would) → Publer. */
async function runWithItems(items: IDataObject[], parameters: IDataObject, opts: { apiKey?: string; onError?: INode['onError'] } = {}) {
	const nodes: INode[] = [
		{ id: 't', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{ id: 'i', name: 'Files', type: 'test.items', typeVersion: 1, position: [200, 0], parameters: { items: JSON.stringify(items) } },
		{
			id: 'p',
			name: 'Publer',
			type: PUBLER,
			typeVersion: 1,
			position: [400, 0],
			parameters: parameters as INode['parameters'],
			credentials: { publerApi: { id: '1', name: 'Publer' } },
			...(opts.onError ? { onError: opts.onError } : {}),
		},
	];
	const connections: IConnections = {
		Start: { main: [[{ node: 'Files', type: 'main', index: 0 }]] },
		Files: { main: [[{ node: 'Publer', type: 'main', index: 0 }]] },
	};
	const result = await runWorkflow({ nodes, connections, credentials: creds(opts.apiKey) });
	return { ...result, items: result.output('Publer', 0), errorItems: result.output('Publer', 1) };
}

/** n8n-core keeps only the message in an error item's JSON; the fix lives in the error's description. */
const details = (item: { error?: unknown }) => String((item.error as { description?: string } | undefined)?.description);

const png = (fileName = 'pixel.png', mimeType = 'image/png', data = PNG_BASE64) => ({
	json: { caption: 'hello' },
	binary: { data: { data, mimeType, fileName } },
});

beforeAll(async () => {
	sb = await startSandbox({ rateLimit: false, jobWorkingPolls: 0, mediaPerPage: 2 });
});
afterAll(async () => {
	await sb.close();
	shutdownN8nCore();
});
beforeEach(() => {
	sb.reset();
	sb.clearRequests();
});

describe('Media → Upload', () => {
	it('uploads a binary item produced in the workflow as multipart, with file name, MIME type and options', async () => {
		const before = sb.media(sb.workspaceId).length;
		const result = await runWithItems([png()], { resource: 'media', operation: 'upload', workspace: ws(), binaryPropertyName: 'data' });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		const media = result.items[0].json;
		expect(media).toMatchObject({ type: 'photo', name: 'pixel.png', width: 1, height: 1 });
		expect(media.id).toMatch(/^[0-9a-f]{24}$/);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });

		const [req] = sb.requests({ method: 'POST', path: '/media' });
		expect(req.status).toBe(200);
		expect(req.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		expect(req.headers.authorization).toMatch(/^Bearer-API /);
		expect(req.headers['publer-workspace-id']).toBe(sb.workspaceId);
		expect(req.body).toEqual({
			file: { filename: 'pixel.png', mimetype: 'image/png', bytes: PNG_BYTES },
			direct_upload: 'false',
			in_library: 'false',
		});
		const stored = sb.media(sb.workspaceId);
		expect(stored).toHaveLength(before + 1);
		expect(stored.find((m) => m.id === media.id)).toBeDefined();
	});

	it('reads any binary property name and sends Direct Upload, Save to Media Library and a file-name override', async () => {
		const item = { json: {}, binary: { photo: { data: PNG_BASE64, mimeType: 'application/octet-stream', fileName: 'x.bin' } } };
		const result = await runWithItems([item], {
			resource: 'media',
			operation: 'upload',
			workspace: ws(),
			binaryPropertyName: 'photo',
			options: { directUpload: true, inLibrary: true, fileName: 'renamed.png' },
		});
		expect(result.error).toBeUndefined();
		const [req] = sb.requests({ method: 'POST', path: '/media' });
		expect(req.body).toEqual({
			file: { filename: 'renamed.png', mimetype: 'image/png', bytes: PNG_BYTES },
			direct_upload: 'true',
			in_library: 'true',
		});
		expect(result.items[0].json).toMatchObject({ name: 'renamed.png', type: 'photo' });
	});

	it('uploads one media per input item, each paired with its item', async () => {
		const result = await runWithItems([png('a.png'), png('b.png')], { resource: 'media', operation: 'upload', workspace: ws() });
		expect(result.items.map((i) => [i.json.name, i.pairedItem])).toEqual([
			['a.png', { item: 0 }],
			['b.png', { item: 1 }],
		]);
		expect(sb.requests({ method: 'POST', path: '/media' })).toHaveLength(2);
	});

	it.each([
		['a missing binary property', [{ json: {}, binary: { other: png().binary.data } }], 'The input item has no binary property "data" (it has: other)', 'Set "Input Binary Field" to one of: other.'],
		['an item without binary data', [{ json: { a: 1 } }], 'The input item has no binary data, so there is no "data" file to upload', 'Media → Upload needs a binary input'],
		['an empty file', [png('empty.png', 'image/png', '')], 'The file in binary property "data" is empty (0 bytes)', 'Publer rejects empty files'],
		[
			'an unsupported type',
			[png('notes.txt', 'text/plain', Buffer.from('hello').toString('base64'))],
			'Publer does not accept the file "notes.txt" (text/plain) in binary property "data"',
			'Publer accepts jpg, jpeg, png, webp, gif, mp4, mov, avi, pdf, doc, docx, ppt, pptx',
		],
	])('fails on %s before any request, naming the property and the fix', async (_name, items, message, fix) => {
		const result = await runWithItems(items as IDataObject[], { resource: 'media', operation: 'upload', workspace: ws() }, { onError: 'continueErrorOutput' });
		expect(result.items).toHaveLength(0);
		expect(result.errorItems).toHaveLength(1);
		expect(result.errorItems[0].json.error).toBe(message);
		expect(details(result.errorItems[0])).toContain(fix);
		expect(sb.requests({ path: '/media' })).toHaveLength(0);
	});

	it('stops the workflow on a bad item when not continuing on fail', async () => {
		const result = await runWithItems([{ json: {} }], { resource: 'media', operation: 'upload', workspace: ws() });
		expect(result.error?.message).toBe('The input item has no binary data, so there is no "data" file to upload');
		expect(sb.requests()).toHaveLength(0);
	});

	describe('binaries in n8n filesystem storage (streamed by id)', () => {
		const files = new Map<string, { bytes: Buffer | null; size: number; fileName: string; mimeType: string }>();
		let streamed = 0;
		const fakeManager = {
			init: async () => undefined,
			getMetadata: async (fileId: string) => {
				const f = files.get(fileId)!;
				return { fileName: f.fileName, mimeType: f.mimeType, fileSize: f.size };
			},
			getAsStream: async (fileId: string, chunkSize?: number) => {
				const f = files.get(fileId)!;
				if (!f.bytes) throw new Error('the node must not read a file it rejects');
				streamed++;
				const chunks: Buffer[] = [];
				for (let i = 0; i < f.bytes.length; i += chunkSize ?? 65536) chunks.push(f.bytes.subarray(i, i + (chunkSize ?? 65536)));
				return Readable.from(chunks);
			},
			getAsBuffer: async () => {
				throw new Error('the node must stream, not read the whole file');
			},
		};
		beforeAll(() => {
			Container.get(BinaryDataService).setManager('filesystem-v2', fakeManager as never);
		});
		beforeEach(() => {
			files.clear();
			streamed = 0;
		});

		it('streams a stored video in 1 MB pieces and uploads it whole', async () => {
			const bytes = Buffer.alloc(3 * 1024 * 1024 + 17, 7);
			files.set('vid1', { bytes, size: bytes.length, fileName: 'clip.mp4', mimeType: 'video/mp4' });
			const item = { json: {}, binary: { data: { id: 'filesystem-v2:vid1', data: 'filesystem-v2', mimeType: 'video/mp4', fileName: 'clip.mp4' } } };
			const result = await runWithItems([item], { resource: 'media', operation: 'upload', workspace: ws() });
			expect(result.error).toBeUndefined();
			expect(streamed).toBe(1);
			const [req] = sb.requests({ method: 'POST', path: '/media' });
			expect(req.body.file).toEqual({ filename: 'clip.mp4', mimetype: 'video/mp4', bytes: bytes.length });
			expect(result.items[0].json).toMatchObject({ type: 'video', name: 'clip.mp4' });
		});

		it('rejects a file over 200 MB from its stored size, without reading it or sending anything', async () => {
			files.set('huge', { bytes: null, size: 200 * 1024 * 1024 + 1, fileName: 'huge.mp4', mimeType: 'video/mp4' });
			const item = { json: {}, binary: { video: { id: 'filesystem-v2:huge', data: 'filesystem-v2', mimeType: 'video/mp4', fileName: 'huge.mp4' } } };
			const result = await runWithItems([item], { resource: 'media', operation: 'upload', workspace: ws(), binaryPropertyName: 'video' }, { onError: 'continueErrorOutput' });
			expect(result.errorItems[0].json.error).toBe('The file "huge.mp4" in binary property "video" is 200.0 MB, over Publer\'s 200 MB upload limit');
			expect(details(result.errorItems[0])).toContain('Media → Import From URL');
			expect(streamed).toBe(0);
			expect(sb.requests()).toHaveLength(0);
		});
	});

	it('reports Publer’s 413 with the limit and the way out', async () => {
		const small = await startSandbox({ rateLimit: false, maxUploadBytes: 10 });
		try {
			const result = await runWorkflow({
				nodes: [
					{ id: 't', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
					{ id: 'i', name: 'Files', type: 'test.items', typeVersion: 1, position: [200, 0], parameters: { items: JSON.stringify([png()]) } },
					{
						id: 'p',
						name: 'Publer',
						type: PUBLER,
						typeVersion: 1,
						position: [400, 0],
						parameters: { resource: 'media', operation: 'upload', workspace: { __rl: true, mode: 'id', value: small.workspaceId } },
						credentials: { publerApi: { id: '1', name: 'Publer' } },
					},
				],
				connections: {
					Start: { main: [[{ node: 'Files', type: 'main', index: 0 }]] },
					Files: { main: [[{ node: 'Publer', type: 'main', index: 0 }]] },
				},
				credentials: { apiKey: small.apiKey, baseUrl: small.baseUrl },
			});
			expect(result.error?.message).toMatch(/^The file is larger than Publer's 200 MB upload limit/);
			expect(small.requests({ path: '/media' })[0].status).toBe(413);
		} finally {
			await small.close();
		}
	});

	it('says which scope is missing when the key has no media scope', async () => {
		const result = await runWithItems([png()], { resource: 'media', operation: 'upload', workspace: ws() }, { apiKey: sb.keys.readOnly });
		expect(result.error?.message).toBe('Publer refused access: This API key is missing the "media" scope');
		expect((result.error as { description?: string }).description).toContain('"media" scope');
	});
});

describe('Media → Import From URL', () => {
	it('imports a URL list, waits for the job and returns one item per media', async () => {
		const result = await runPublerNode({
			credentials: creds(),
			parameters: {
				resource: 'media',
				operation: 'importFromUrl',
				workspace: ws(),
				inputMode: 'urls',
				urls: 'https://cdn.example.com/a/photo.jpg\nhttps://cdn.example.com/b/clip.mp4',
				options: { inLibrary: true },
			},
		});
		expect(result.error).toBeUndefined();
		const [submit] = sb.requests({ method: 'POST', path: '/media/from-url' });
		expect(submit.headers['content-type']).toMatch(/^application\/json/);
		expect(submit.body).toEqual({
			media: [
				{ url: 'https://cdn.example.com/a/photo.jpg', name: 'photo.jpg' },
				{ url: 'https://cdn.example.com/b/clip.mp4', name: 'clip.mp4' },
			],
			type: 'single',
			direct_upload: false,
			in_library: true,
		});
		expect(sb.requests({ method: 'GET', path: /^\/job_status\// }).length).toBeGreaterThanOrEqual(1);
		expect(result.items.map((i) => [i.json.name, i.json.type])).toEqual([
			['photo.jpg', 'photo'],
			['clip.mp4', 'video'],
		]);
		for (const item of result.items) {
			expect(item.json.id).toMatch(/^[0-9a-f]{24}$/);
			expect(item.json.jobId).toMatch(/^[0-9a-f]{24}$/);
			expect(item.pairedItem).toEqual({ item: 0 });
		}
		const ids = sb.media(sb.workspaceId).map((m) => m.id);
		expect(ids).toEqual(expect.arrayContaining(result.items.map((i) => i.json.id)));
	});

	it('takes files one by one with names and captions, and an array from an expression', async () => {
		await runPublerNode({
			credentials: creds(),
			parameters: {
				resource: 'media',
				operation: 'importFromUrl',
				workspace: ws(),
				inputMode: 'fields',
				files: { file: [{ url: 'https://cdn.example.com/p.png', name: 'Product', caption: 'New arrival' }] },
				options: { type: 'bulk', directUpload: true },
			},
		});
		expect(sb.requests({ method: 'POST', path: '/media/from-url' })[0].body).toEqual({
			media: [{ url: 'https://cdn.example.com/p.png', name: 'Product', caption: 'New arrival' }],
			type: 'bulk',
			direct_upload: true,
			in_library: false,
		});
		sb.clearRequests();
		const result = await runPublerNode({
			credentials: creds(),
			items: [{ links: ['https://x.example/1.jpg', 'https://x.example/2.gif'] }],
			parameters: { resource: 'media', operation: 'importFromUrl', workspace: ws(), urls: '={{ $json.links }}' },
		});
		expect(sb.requests({ method: 'POST', path: '/media/from-url' })[0].body.media).toEqual([
			{ url: 'https://x.example/1.jpg', name: '1.jpg' },
			{ url: 'https://x.example/2.gif', name: '2.gif' },
		]);
		expect(result.items.map((i) => i.json.type)).toEqual(['photo', 'gif']);
	});

	it('returns the job ID at once when not waiting', async () => {
		const result = await runPublerNode({
			credentials: creds(),
			parameters: { resource: 'media', operation: 'importFromUrl', workspace: ws(), urls: 'https://x.example/1.jpg', options: { waitForCompletion: false } },
		});
		expect(result.items[0].json).toEqual({ jobId: expect.stringMatching(/^[0-9a-f]{24}$/), status: 'working', urls: ['https://x.example/1.jpg'] });
		expect(sb.requests({ path: /^\/job_status\// })).toHaveLength(0);
	});

	it('rejects a non-URL before any request', async () => {
		const result = await runPublerNode({
			credentials: creds(),
			onError: 'continueErrorOutput',
			parameters: { resource: 'media', operation: 'importFromUrl', workspace: ws(), urls: 'https://ok.example/a.jpg, not a url' },
		});
		expect(result.errorItems[0].json.error).toBe('File 2: "not a url" is not an http(s) URL');
		expect(sb.requests()).toHaveLength(0);
	});

	it('fails the item with Publer’s reason when the import job fails', async () => {
		const result = await runPublerNode({
			credentials: creds(),
			onError: 'continueErrorOutput',
			parameters: { resource: 'media', operation: 'importFromUrl', workspace: ws(), urls: `${sb.origin}/missing/file.jpg` },
		});
		expect(result.errorItems[0].json.error).toMatch(/^Publer could not import the media: Could not download/);
	});
});

describe('Media → Get Many', () => {
	it('sends every filter and pages through with Return All', async () => {
		// Three photos in the library (the sandbox pages media 2 at a time here).
		await runWithItems([png('sun-1.png'), png('sun-2.png'), png('sun-3.png')], { resource: 'media', operation: 'upload', workspace: ws() });
		sb.clearRequests();
		const result = await runPublerNode({
			credentials: creds(),
			parameters: {
				resource: 'media',
				operation: 'getMany',
				workspace: ws(),
				types: ['photo'],
				used: ['false'],
				returnAll: true,
				filters: { search: 'sun-', source: ['upload'] },
			},
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.name).sort()).toEqual(['sun-1.png', 'sun-2.png', 'sun-3.png']);
		const reqs = sb.requests({ method: 'GET', path: '/media' });
		expect(reqs.map((r) => r.query.page)).toEqual(['0', '1']);
		expect(reqs[0].query).toEqual({ types: ['photo'], used: ['false'], source: ['upload'], search: 'sun-', page: '0' });
	});

	it('honours Limit, label and ID filters', async () => {
		const result = await runPublerNode({
			credentials: creds(),
			parameters: { resource: 'media', operation: 'getMany', workspace: ws(), types: ['photo', 'video', 'gif'], used: ['true', 'false'], returnAll: false, limit: 1, filters: { labels: 'l1, l2' } },
		});
		expect(result.error).toBeUndefined();
		expect(sb.requests({ path: '/media' })[0].query).toEqual({ types: ['photo', 'video', 'gif'], used: ['true', 'false'], labels: ['l1', 'l2'], page: '0' });
		sb.clearRequests();
		const some = sb.media(sb.workspaceId).slice(0, 2).map((m) => m.id);
		const byId = await runPublerNode({
			credentials: creds(),
			parameters: { resource: 'media', operation: 'getMany', workspace: ws(), types: ['photo'], used: ['true'], returnAll: true, filters: { ids: some.join(',') } },
		});
		expect(byId.items.map((i) => i.json.id).sort()).toEqual([...some].sort());
		expect(sb.requests({ path: '/media' })).toHaveLength(1);
		expect(sb.requests({ path: '/media' })[0].query.ids).toEqual(some);
	});

	it('requires at least one type before any request', async () => {
		const result = await runPublerNode({
			credentials: creds(),
			onError: 'continueErrorOutput',
			parameters: { resource: 'media', operation: 'getMany', workspace: ws(), types: '={{ [] }}', used: ['true'], returnAll: true },
		});
		expect(result.errorItems[0].json.error).toBe('Choose at least one media type');
		expect(sb.requests()).toHaveLength(0);
	});
});
