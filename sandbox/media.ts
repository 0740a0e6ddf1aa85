// Media endpoints: multipart POST /media (streamed, byte-counted), POST /media/from-url (job), GET /media.
import { FastifyInstance } from 'fastify';
import { SandboxState, MediaRecord, Job } from './state';
import type { RouteFn } from './server';
import { fetchLoopback } from './server';
import { HttpError, arr, badRequest, intParam, paginate, str, truthy, hash32 } from './util';

export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

const EXT: Record<string, MediaRecord['type']> = {
	jpg: 'photo', jpeg: 'photo', png: 'photo', webp: 'photo', heic: 'photo', gif: 'gif',
	mp4: 'video', mov: 'video', avi: 'video', m4v: 'video', webm: 'video',
	pdf: 'document', doc: 'document', docx: 'document', ppt: 'document', pptx: 'document',
};
const MIME: Record<string, MediaRecord['type']> = {
	'image/jpeg': 'photo', 'image/png': 'photo', 'image/webp': 'photo', 'image/heic': 'photo', 'image/gif': 'gif',
	'video/mp4': 'video', 'video/quicktime': 'video', 'video/x-msvideo': 'video', 'video/webm': 'video', 'video/x-m4v': 'video',
	'application/pdf': 'document', 'application/msword': 'document',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'document',
	'application/vnd.ms-powerpoint': 'document',
	'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'document',
};

export function detectType(name: string, mime?: string): MediaRecord['type'] | null {
	const m = (mime ?? '').split(';')[0].trim().toLowerCase();
	if (MIME[m]) return MIME[m];
	const ext = /\.([a-z0-9]+)(?:\?.*)?$/i.exec(name)?.[1]?.toLowerCase();
	return ext ? (EXT[ext] ?? null) : null;
}

function dimensions(head: Buffer): { width: number; height: number } | null {
	if (head.length >= 24 && head.readUInt32BE(0) === 0x89504e47) return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
	if (head.length >= 10 && head.toString('ascii', 0, 3) === 'GIF') return { width: head.readUInt16LE(6), height: head.readUInt16LE(8) };
	if (head.length > 4 && head[0] === 0xff && head[1] === 0xd8) {
		let i = 2;
		while (i + 9 < head.length) {
			if (head[i] !== 0xff) return null;
			const marker = head[i + 1];
			const len = head.readUInt16BE(i + 2);
			if (marker >= 0xc0 && marker <= 0xc3) return { height: head.readUInt16BE(i + 5), width: head.readUInt16BE(i + 7) };
			i += 2 + len;
		}
	}
	return null;
}

export function registerMedia(app: FastifyInstance, state: SandboxState, R: RouteFn): void {
	R('POST', '/media', { scope: 'media', ws: true }, async (req, _reply, ctx) => {
		if (!req.isMultipart()) throw badRequest('file is required (send multipart/form-data with a "file" field)');
		const fields: Record<string, string> = {};
		let file: { name: string; mime: string; bytes: number; head: Buffer; truncated: boolean } | null = null;
		const limit = state.opts.maxUploadBytes;
		try {
			for await (const part of req.parts({ limits: { fileSize: limit + 1 } })) {
				if (part.type === 'file') {
					if (part.fieldname !== 'file' || file) {
						part.file.resume();
						continue;
					}
					let bytes = 0;
					const headChunks: Buffer[] = [];
					let headLen = 0;
					for await (const chunk of part.file as AsyncIterable<Buffer>) {
						bytes += chunk.length;
						if (headLen < 65536) {
							headChunks.push(chunk);
							headLen += chunk.length;
						}
					}
					file = { name: part.filename || 'upload', mime: part.mimetype, bytes, head: Buffer.concat(headChunks), truncated: part.file.truncated };
				} else {
					fields[part.fieldname] = String(part.value);
				}
			}
		} catch (e: any) {
			if (e?.code === 'FST_REQ_FILE_TOO_LARGE' || e?.code === 'FST_FILES_LIMIT') throw new HttpError(413, 'File is too large. The maximum size is 200 MB');
			throw badRequest('Invalid multipart body: ' + (e?.message ?? String(e)));
		}
		req.sandboxLogBody = { file: file ? { filename: file.name, mimetype: file.mime, bytes: file.bytes } : null, ...fields };
		if (!file) throw badRequest('file is required');
		if (file.truncated || file.bytes > limit) throw new HttpError(413, 'File is too large. The maximum size is 200 MB');
		if (file.bytes === 0) throw badRequest('file is empty');
		const type = detectType(file.name, file.mime);
		if (!type) throw badRequest(`Unsupported file type: ${file.name} (${file.mime}). Supported: jpg, jpeg, png, gif, webp, mp4, mov, avi, pdf, doc, docx, ppt, pptx`);
		const dims = dimensions(file.head) ?? (type === 'video' ? { width: 1080, height: 1920 } : { width: 1080, height: 1080 });
		const rec = state.makeMedia(ctx.wsId, {
			type, name: file.name, bytes: file.bytes, mime: file.mime, ...dims, source: null,
			direct_upload: truthy(fields.direct_upload), in_library: truthy(fields.in_library),
		}, state.nowMs());
		state.media.set(rec.id, rec);
		return state.mediaUploadResponse(rec);
	});

	R('POST', '/media/from-url', { scope: 'media', ws: true }, (req, reply, ctx) => {
		const body = (req.body ?? {}) as any;
		if (!Array.isArray(body.media) || body.media.length === 0) throw badRequest('media must be a non-empty array');
		body.media.forEach((m: any, i: number) => {
			if (!m || typeof m !== 'object') throw badRequest(`media[${i}] must be an object`);
			if (typeof m.url !== 'string' || !m.url) throw badRequest(`media[${i}].url is required`);
			if (typeof m.name !== 'string' || !m.name) throw badRequest(`media[${i}].name is required`);
			try {
				new URL(m.url);
			} catch {
				throw badRequest(`media[${i}].url is not a valid URL`);
			}
		});
		const type = body.type ?? 'single';
		if (!['single', 'bulk', 'thumbnail', 'multiple'].includes(type)) throw badRequest('type must be single, bulk or thumbnail');
		const directUpload = truthy(body.direct_upload ?? body.directUpload);
		const inLibrary = truthy(body.in_library ?? body.inLibrary);
		const now = state.nowMs();
		const job: Job = {
			id: state.ids.next(now), workspace_id: ctx.wsId, user_id: ctx.userId, kind: 'media', endpoint: '/media/from-url',
			submitted_at: now, completed_at: null, polls: 0, status: 'working', failures: [], post_ids: [], media: [], immediate: false,
			requested_posts: 0,
		};
		const work = body.media.map(async (m: any) => {
			const u = new URL(m.url);
			let bytes = 100_000 + (hash32(m.url) % 4_000_000);
			let mime: string | undefined;
			if (['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname)) {
				try {
					const r = await fetchLoopback(m.url, 65536);
					if (r.status < 200 || r.status >= 300) throw new Error(`HTTP ${r.status}`);
					bytes = r.bytes;
					mime = String(r.headers['content-type'] ?? '') || undefined;
					const kind = detectType(m.name, mime) ?? detectType(u.pathname, mime);
					if (!kind) throw new Error(`unsupported content type ${mime}`);
					const dims = dimensions(r.body);
					return { m, kind, bytes, mime, dims };
				} catch (e: any) {
					job.failures.push({ account_id: null, account_name: null, provider: null, message: `Could not download ${m.url}: ${e?.message ?? e}` });
					return null;
				}
			}
			const kind = detectType(u.pathname, undefined) ?? detectType(m.name, undefined) ?? 'photo';
			return { m, kind, bytes, mime, dims: null };
		});
		job.pending = Promise.all(work).then((results) => {
			for (const r of results) {
				if (!r) continue;
				if (r.bytes > MAX_UPLOAD_BYTES) {
					job.failures.push({ account_id: null, account_name: null, provider: null, message: `${r.m.url} is too large. The maximum size is 200 MB` });
					continue;
				}
				const rec = state.makeMedia(ctx.wsId, {
					type: r.kind, name: r.m.name, caption: r.m.caption ?? null, bytes: r.bytes, mime: r.mime ?? 'application/octet-stream',
					...(r.dims ?? (r.kind === 'video' ? { width: 1080, height: 1920 } : { width: 1080, height: 1080 })),
					source: r.m.source ?? null, direct_upload: directUpload, in_library: inLibrary, url: r.m.url,
				}, state.nowMs());
				state.media.set(rec.id, rec);
				job.media.push(rec);
			}
			job.pending = undefined;
		});
		state.jobs.set(job.id, job);
		state.workingJobs.add(job);
		reply.code(state.variants.submitStatus);
		return state.variants.submitEnvelope === 'data' ? { success: true, data: { job_id: job.id } } : { job_id: job.id };
	});

	R('GET', '/media', { scope: 'media', ws: true }, (req, _reply, ctx) => {
		const q = (req.query ?? {}) as Record<string, any>;
		const used = state.mediaUsedIds(ctx.wsId);
		const all = [...state.media.values()].filter((m) => m.workspace_id === ctx.wsId);
		const ids = arr(q, 'ids');
		if (ids && ids.length) {
			const list = all.filter((m) => ids.includes(m.id));
			return { media: list.map((m) => state.mediaItem(m, used.has(m.id))), total: list.length };
		}
		const types = arr(q, 'types');
		const usedF = arr(q, 'used');
		if (!types || !types.length) throw badRequest('types[] is required');
		if (!usedF || !usedF.length) throw badRequest('used[] is required');
		const badType = types.find((t) => !['photo', 'video', 'gif', 'image', 'document'].includes(t));
		if (badType) throw badRequest(`types[] value "${badType}" is not valid (photo, video, gif)`);
		const badUsed = usedF.find((u) => u !== 'true' && u !== 'false');
		if (badUsed) throw badRequest(`used[] value "${badUsed}" is not valid (true, false)`);
		const typeSet = new Set(types.map((t) => (t === 'image' ? 'photo' : t)));
		const usedSet = new Set(usedF);
		const labels = arr(q, 'labels');
		const sources = arr(q, 'source');
		const search = str(q, 'search')?.toLowerCase();
		const page = intParam(q, 'page', 0);
		const list = all.filter((m) => {
			if (!typeSet.has(m.type)) return false;
			if (!usedSet.has(String(used.has(m.id)))) return false;
			if (labels && labels.length && !labels.some((l) => m.labels.includes(l))) return false;
			if (sources && sources.length && !sources.includes(m.source ?? 'upload')) return false;
			if (search && !(m.name.toLowerCase().includes(search) || (m.caption ?? '').toLowerCase().includes(search))) return false;
			return true;
		}).sort((a, b) => b.created_at - a.created_at || (a.id < b.id ? 1 : -1));
		return { media: paginate(list, page, state.opts.mediaPerPage).map((m) => state.mediaItem(m, used.has(m.id))), total: list.length };
	});
}
