import http from 'http';
import { AddressInfo } from 'net';
import { AxiosInstance } from 'axios';
import { Sandbox } from '../../sandbox';
import { at, bulk, runJob, setup } from '../support/sandbox';

let sb: Sandbox;
let api: AxiosInstance;
let files: http.Server;
let filesUrl: string;
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.from([0, 0, 0x05, 0xab, 0, 0, 0x03, 0xed]), Buffer.alloc(500, 7)]); // 1451×1005

beforeAll(async () => {
	({ sb, api } = await setup());
	files = http.createServer((req, res) => {
		if (req.url === '/photo.png') {
			res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': PNG.length });
			res.end(PNG);
		} else if (req.url === '/clip.mp4') {
			res.writeHead(200, { 'Content-Type': 'video/mp4' });
			res.end(Buffer.alloc(123456));
		} else {
			res.writeHead(404);
			res.end('nope');
		}
	});
	await new Promise<void>((r) => files.listen(0, '127.0.0.1', r));
	filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
});
afterAll(async () => {
	await sb.close();
	await new Promise((r) => files.close(r));
});
beforeEach(() => sb.reset());

function form(file: { name: string; type: string; data: Buffer } | null, fields: Record<string, string> = {}): FormData {
	const fd = new FormData();
	for (const [k, v] of Object.entries(fields)) fd.append(k, v);
	if (file) fd.append('file', new Blob([new Uint8Array(file.data)], { type: file.type }), file.name);
	return fd;
}

/** Stream a multipart upload of `size` bytes without holding it in memory. */
function streamUpload(size: number): Promise<{ status: number; body: any }> {
	return new Promise((resolve, reject) => {
		const boundary = '----sandbox' + Date.now();
		const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.mp4"\r\nContent-Type: video/mp4\r\n\r\n`);
		const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
		const u = new URL(sb.baseUrl + '/media');
		const req = http.request({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', headers: {
			Authorization: `Bearer-API ${sb.apiKey}`, 'Publer-Workspace-Id': sb.workspaceId,
			'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': head.length + size + tail.length,
		} }, (res) => {
			let data = '';
			res.on('data', (c) => (data += c));
			res.on('end', () => resolve({ status: res.statusCode!, body: data ? JSON.parse(data) : null }));
		});
		req.on('error', reject);
		const chunk = Buffer.alloc(1024 * 1024, 1);
		let sent = 0;
		req.write(head);
		const pump = () => {
			while (sent < size) {
				const n = Math.min(chunk.length, size - sent);
				sent += n;
				if (!req.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void req.once('drain', pump);
			}
			req.end(tail);
		};
		req.on('error', () => undefined);
		pump();
	});
}

describe('POST /media (multipart)', () => {
	it('uploads a file and answers MediaUploadResponse', async () => {
		const r = await api.post('/media', form({ name: '123_1kdw8ry.png', type: 'image/png', data: PNG }, { direct_upload: 'true', in_library: 'true' }));
		expect(r.status).toBe(200);
		expect(Object.keys(r.data).sort()).toEqual(['caption', 'height', 'id', 'name', 'path', 'source', 'thumbnail', 'type', 'validity', 'width']);
		expect(r.data).toMatchObject({ type: 'photo', name: '123_1kdw8ry.png', width: 1451, height: 1005, source: null, caption: null });
		expect(r.data.id).toMatch(/^[0-9a-f]{24}$/);
		expect(r.data.validity.twitter).toBe(true);
		expect(r.data.validity.instagram).toEqual({ post: true, story: true, reel: false });
		const stored = sb.media(sb.workspaceId).find((m) => m.id === r.data.id)!;
		expect(stored).toMatchObject({ bytes: PNG.length, in_library: true, direct_upload: true });
		expect(sb.requests({ path: '/media' })[0].body).toEqual({ file: { filename: '123_1kdw8ry.png', mimetype: 'image/png', bytes: PNG.length }, direct_upload: 'true', in_library: 'true' });
	});
	it('detects video and gif; temporary URLs without direct_upload/in_library', async () => {
		const v = await api.post('/media', form({ name: 'clip.mov', type: 'application/octet-stream', data: Buffer.alloc(2000) }));
		expect(v.data.type).toBe('video');
		expect(v.data.path).toContain('/tmp/');
		const g = await api.post('/media', form({ name: 'x.gif', type: 'image/gif', data: Buffer.from('GIF89a\x10\x00\x20\x00', 'latin1') }));
		expect(g.data).toMatchObject({ type: 'gif', width: 16, height: 32 });
	});
	it('400 without file, without multipart, or for an unsupported type', async () => {
		expect((await api.post('/media', form(null, { in_library: 'true' }))).status).toBe(400);
		const nm = await api.post('/media', { file: 'x' });
		expect(nm.status).toBe(400);
		expect(nm.data.errors[0]).toMatch(/file is required/);
		const exe = await api.post('/media', form({ name: 'virus.exe', type: 'application/x-msdownload', data: Buffer.alloc(10) }));
		expect(exe.status).toBe(400);
		expect(exe.data.errors[0]).toMatch(/Unsupported file type/);
	});
	it('413 over 200 MB (streamed, real limit); exactly 200 MB accepted', async () => {
		const over = await streamUpload(200 * 1024 * 1024 + 1);
		expect(over.status).toBe(413);
		expect(over.body).toEqual({ errors: ['File is too large. The maximum size is 200 MB'] });
		const exact = await streamUpload(200 * 1024 * 1024);
		expect(exact.status).toBe(200);
		expect(sb.media().find((m) => m.id === exact.body.id)!.bytes).toBe(200 * 1024 * 1024);
	}, 60000);
	it('403 without the media scope', async () => {
		const { client } = await import('../support/sandbox');
		expect((await client(sb, sb.keys.postsOnly).post('/media', form({ name: 'a.png', type: 'image/png', data: PNG }))).status).toBe(403);
	});
});

describe('POST /media/from-url (job)', () => {
	async function poll(jobId: string) {
		for (let i = 0; i < 10; i++) {
			const r = await api.get(`/job_status/${jobId}`);
			if (r.data.status !== 'working') return r.data;
		}
		throw new Error('never finished');
	}
	it('fetches loopback URLs for real and synthesises others; payload is an array of media', async () => {
		const r = await api.post('/media/from-url', {
			media: [{ url: `${filesUrl}/photo.png`, name: 'Product photo', caption: 'New arrival' }, { url: 'https://example.com/videos/clip.mp4', name: 'Clip' }],
			type: 'single', direct_upload: false, in_library: true,
		});
		expect(r.status).toBe(200);
		expect(Object.keys(r.data)).toEqual(['job_id']);
		const done = await poll(r.data.job_id);
		expect(done.status).toBe('complete');
		expect(done.payload).toHaveLength(2);
		expect(done.payload[0]).toMatchObject({ type: 'photo', name: 'Product photo', caption: 'New arrival', width: 1451, height: 1005 });
		expect(done.payload[1]).toMatchObject({ type: 'video', name: 'Clip' });
		const stored = sb.media().find((m) => m.id === done.payload[0].id)!;
		expect(stored.bytes).toBe(PNG.length);
		expect(stored.in_library).toBe(true);
	});
	it('accepts the old camelCase flags', async () => {
		const r = await api.post('/media/from-url', { media: [{ url: `${filesUrl}/clip.mp4`, name: 'c' }], directUpload: true, inLibrary: true });
		const done = await poll(r.data.job_id);
		expect(sb.media().find((m) => m.id === done.payload[0].id)).toMatchObject({ bytes: 123456, direct_upload: true, in_library: true, type: 'video' });
	});
	it('an unreachable loopback URL makes the job fail', async () => {
		const r = await api.post('/media/from-url', { media: [{ url: `${filesUrl}/missing.png`, name: 'x' }] });
		const done = await poll(r.data.job_id);
		expect(done.status).toBe('failed');
		expect(done.payload.failures[0].message).toMatch(/HTTP 404/);
	});
	it.each([
		[{}, /media must be/],
		[{ media: [{ name: 'x' }] }, /url is required/],
		[{ media: [{ url: 'https://a.test/x.jpg' }] }, /name is required/],
		[{ media: [{ url: 'not a url', name: 'x' }] }, /not a valid URL/],
		[{ media: [{ url: 'https://a.test/x.jpg', name: 'x' }], type: 'weird' }, /type must be/],
	])('400 for %j', async (body, re) => {
		const r = await api.post('/media/from-url', body);
		expect(r.status).toBe(400);
		expect(r.data.errors[0]).toMatch(re);
	});
});

describe('GET /media', () => {
	it('types[] and used[] are required (unless ids[])', async () => {
		expect((await api.get('/media')).status).toBe(400);
		expect((await api.get('/media?types[]=photo')).status).toBe(400);
		expect((await api.get('/media?used[]=true')).status).toBe(400);
		const id = sb.media()[0].id;
		const r = await api.get(`/media?ids[]=${id}`);
		expect(r.data.total).toBe(1);
		expect(r.data.media[0].id).toBe(id);
	});
	it('filters by type, used, source, search; comma and repeated encodings', async () => {
		expect((await api.get('/media?types[]=photo&used[]=true&used[]=false')).data.total).toBe(2);
		expect((await api.get('/media?types=photo,video,gif&used=true,false')).data.total).toBe(4);
		expect((await api.get('/media?types=photo&types=gif&used[]=false')).data.total).toBe(3);
		expect((await api.get('/media?types[]=photo&used[]=false&source[]=canva')).data.media.map((m: any) => m.name)).toEqual(['poster-9mb.png']);
		expect((await api.get('/media?types[]=photo&used[]=false&search=CROISS')).data.total).toBe(1);
		const photo = sb.media().find((m) => m.name === 'croissant.jpg')!;
		await runJob(api, bulk('scheduled', [{ networks: { facebook: { type: 'photo', text: 'x', media: [{ id: photo.id, type: 'photo' }] } }, accounts: [{ id: sb.accountFor('facebook').id, scheduled_at: at(sb, 10) }] }]));
		const used = (await api.get('/media?types[]=photo&used[]=true')).data;
		expect(used.media.map((m: any) => m.id)).toEqual([photo.id]);
		expect(used.media[0].used).toBe(true);
		expect((await api.get('/media?types[]=photo&used[]=false')).data.total).toBe(1);
		expect((await api.get('/media?types[]=audio&used[]=false')).status).toBe(400);
	});
	it('paginates zero-based with {media,total}', async () => {
		const { sb: s2, api: a2 } = await setup({ mediaPerPage: 3 });
		const p0 = (await a2.get('/media?types=photo,video,gif&used=false')).data;
		expect(p0.media).toHaveLength(3);
		expect(p0.total).toBe(4);
		expect((await a2.get('/media?types=photo,video,gif&used=false&page=1')).data.media).toHaveLength(1);
		await s2.close();
	});
	it('item shapes: union (default), openapi, rendered', async () => {
		const get = async () => (await api.get('/media?types[]=photo&used[]=false&search=croissant')).data.media[0];
		expect(Object.keys(await get()).sort()).toEqual(['caption', 'created_at', 'favorite', 'id', 'in_library', 'name', 'path', 'source', 'thumbnail', 'thumbnails', 'type', 'updated_at', 'url', 'used']);
		sb.setVariants({ mediaListShape: 'openapi' });
		expect(Object.keys(await get()).sort()).toEqual(['caption', 'created_at', 'favorite', 'id', 'in_library', 'name', 'path', 'thumbnails', 'type', 'updated_at']);
		sb.setVariants({ mediaListShape: 'rendered' });
		expect(Object.keys(await get()).sort()).toEqual(['caption', 'created_at', 'favorite', 'id', 'name', 'source', 'thumbnail', 'type', 'updated_at', 'url', 'used']);
	});
});
