import type { IExecuteFunctions } from 'n8n-workflow';

import { parseUrlList, nameFromUrl } from '../../../../nodes/Publer/actions/media/importFromUrl.operation';
import {
	base64ByteLength,
	buildUploadForm,
	detectMediaKind,
	readFileAsBlob,
	uploadFileName,
	uploadMimeType,
	UPLOAD_CHUNK_BYTES,
} from '../../../../nodes/Publer/helpers/media';

describe('media helpers', () => {
	it('computes the decoded size of base64 without decoding', () => {
		for (const n of [0, 1, 2, 3, 4, 5, 1000, 1001, 1002]) {
			const b64 = Buffer.alloc(n, 1).toString('base64');
			expect(base64ByteLength(b64)).toBe(n);
		}
	});

	it('detects Publer’s formats from MIME type or extension and rejects others', () => {
		expect(detectMediaKind('a.png', 'image/png')).toBe('photo');
		expect(detectMediaKind('a.bin', 'video/quicktime')).toBe('video');
		expect(detectMediaKind('deck.PPTX', 'application/octet-stream')).toBe('document');
		expect(detectMediaKind('x', 'application/octet-stream', 'gif')).toBe('gif');
		expect(detectMediaKind('notes.txt', 'text/plain')).toBeNull();
		expect(detectMediaKind('clip.mkv', 'video/x-matroska')).toBeNull();
	});

	it('names and types the file part sensibly', () => {
		expect(uploadFileName({ data: '', mimeType: 'video/mp4' })).toBe('file.mp4');
		expect(uploadFileName({ data: '', mimeType: 'image/png', fileName: 'a.png' }, 'b.png')).toBe('b.png');
		expect(uploadMimeType('a.jpg', 'application/octet-stream')).toBe('image/jpeg');
		expect(uploadMimeType('a.jpg', 'image/jpeg; charset=binary')).toBe('image/jpeg');
	});

	it('decodes in-memory base64 piece by piece into exactly the original bytes', async () => {
		const bytes = Buffer.alloc(UPLOAD_CHUNK_BYTES * 2 + 7);
		for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31 + 7) & 0xff;
		const ctx = {} as IExecuteFunctions;
		const blob = await readFileAsBlob.call(ctx, {
			binary: { data: bytes.toString('base64'), mimeType: 'video/mp4' },
			fileName: 'a.mp4',
			mimeType: 'video/mp4',
			kind: 'video',
			bytes: bytes.length,
		});
		expect(blob.size).toBe(bytes.length);
		expect(blob.type).toBe('video/mp4');
		expect(Buffer.from(await blob.arrayBuffer()).equals(bytes)).toBe(true);
	});

	it('tolerates line breaks in base64', async () => {
		const bytes = Buffer.from('hello world, this is a file');
		const wrapped = bytes.toString('base64').replace(/(.{8})/g, '$1\n');
		const blob = await readFileAsBlob.call({} as IExecuteFunctions, { binary: { data: wrapped, mimeType: 'image/png' }, fileName: 'a.png', mimeType: 'image/png', kind: 'photo', bytes: bytes.length });
		expect(Buffer.from(await blob.arrayBuffer()).toString()).toBe('hello world, this is a file');
	});

	it('builds the multipart form Publer documents', () => {
		const form = buildUploadForm(new Blob(['x'], { type: 'image/png' }), 'a.png', { directUpload: true, inLibrary: false });
		expect([...(form as unknown as { keys(): Iterable<string> }).keys()]).toEqual(['file', 'direct_upload', 'in_library']);
		expect((form.get('file') as File).name).toBe('a.png');
		expect(form.get('direct_upload')).toBe('true');
		expect(form.get('in_library')).toBe('false');
	});

	it('reads URL lists in every accepted form', () => {
		expect(parseUrlList('https://a/1.jpg\nhttps://a/2.jpg, https://a/3.jpg')).toEqual([{ url: 'https://a/1.jpg' }, { url: 'https://a/2.jpg' }, { url: 'https://a/3.jpg' }]);
		expect(parseUrlList(['https://a/1.jpg', { url: 'https://a/2.jpg', name: 'Two', caption: 'c' }])).toEqual([
			{ url: 'https://a/1.jpg' },
			{ url: 'https://a/2.jpg', name: 'Two', caption: 'c' },
		]);
		expect(parseUrlList('["https://a/1.jpg"]')).toEqual([{ url: 'https://a/1.jpg' }]);
		expect(parseUrlList('')).toEqual([]);
		expect(nameFromUrl('https://cdn.example.com/a/b%20c.png?x=1')).toBe('b c.png');
		expect(nameFromUrl('https://cdn.example.com/')).toBe('cdn.example.com');
	});
});
