// Media (§5.12–5.15): multipart upload (streamed and only counted, so 200 MB uploads do not grow memory),
// import from URL (a job), and the library list.
import type { FastifyRequest } from 'fastify';
import type { SandboxState } from '../domain/store';
import type { MediaRecord } from '../domain/records';
import { defaultDimensions, detectType, imageDimensions } from '../domain/media';
import { createImportJob } from '../domain/mediaImport';
import { AddRoute, RouteConfig, queryOf } from '../app/route';
import { mediaItem, mediaUploadResponse } from '../views/media';
import { submitAnswer } from '../views/jobs';
import { HttpError, badRequest } from '../util/httpError';
import { paginate, queryInt, queryList, queryString, truthy } from '../util/query';

const MEDIA: RouteConfig = { scope: 'media', workspace: true };
const HEAD_BYTES = 65536; // enough to read PNG/GIF/JPEG dimensions

interface UploadedFile { name: string; mime: string; bytes: number; head: Buffer; truncated: boolean }

/** Read the multipart body: the first `file` part (counted, its head kept) and the text fields. */
async function readUpload(req: FastifyRequest, limit: number): Promise<{ file: UploadedFile | null; fields: Record<string, string> }> {
	const fields: Record<string, string> = {};
	let file: UploadedFile | null = null;
	try {
		for await (const part of req.parts({ limits: { fileSize: limit + 1 } })) {
			if (part.type !== 'file') {
				fields[part.fieldname] = String(part.value);
				continue;
			}
			if (part.fieldname !== 'file' || file) {
				part.file.resume();
				continue;
			}
			let bytes = 0;
			const headChunks: Buffer[] = [];
			let headLength = 0;
			for await (const chunk of part.file as AsyncIterable<Buffer>) {
				bytes += chunk.length;
				if (headLength < HEAD_BYTES) {
					headChunks.push(chunk);
					headLength += chunk.length;
				}
			}
			file = { name: part.filename || 'upload', mime: part.mimetype, bytes, head: Buffer.concat(headChunks), truncated: part.file.truncated };
		}
	} catch (e: any) {
		if (e?.code === 'FST_REQ_FILE_TOO_LARGE' || e?.code === 'FST_FILES_LIMIT') throw new HttpError(413, 'File is too large. The maximum size is 200 MB');
		throw badRequest('Invalid multipart body: ' + (e?.message ?? String(e)));
	}
	return { file, fields };
}

export function registerMediaRoutes(addRoute: AddRoute, state: SandboxState): void {
	addRoute('POST', '/media', MEDIA, async (req, _reply, ctx) => {
		if (!req.isMultipart()) throw badRequest('file is required (send multipart/form-data with a "file" field)');
		const limit = state.opts.maxUploadBytes;
		const { file, fields } = await readUpload(req, limit);
		req.sandboxLogBody = { file: file ? { filename: file.name, mimetype: file.mime, bytes: file.bytes } : null, ...fields };
		if (!file) throw badRequest('file is required');
		if (file.truncated || file.bytes > limit) throw new HttpError(413, 'File is too large. The maximum size is 200 MB');
		if (file.bytes === 0) throw badRequest('file is empty');
		const type = detectType(file.name, file.mime);
		if (!type) throw badRequest(`Unsupported file type: ${file.name} (${file.mime}). Supported: jpg, jpeg, png, gif, webp, mp4, mov, avi, pdf, doc, docx, ppt, pptx`);
		const record = state.addMedia(ctx.workspaceId, {
			type, name: file.name, bytes: file.bytes, mime: file.mime, ...(imageDimensions(file.head) ?? defaultDimensions(type)), source: null,
			direct_upload: truthy(fields.direct_upload), in_library: truthy(fields.in_library),
		});
		return mediaUploadResponse(record);
	});

	addRoute('POST', '/media/from-url', MEDIA, (req, reply, ctx) => {
		const job = createImportJob(state, ctx.workspaceId, ctx.userId, (req.body ?? {}) as any);
		const answer = submitAnswer(state, job.id);
		reply.code(answer.status);
		return answer.body;
	});

	addRoute('GET', '/media', MEDIA, (req, _reply, ctx) => {
		const query = queryOf(req);
		const used = state.mediaUsedIds(ctx.workspaceId);
		const shape = state.variants.mediaListShape;
		const all = [...state.media.values()].filter((m) => m.workspace_id === ctx.workspaceId);
		const ids = queryList(query, 'ids');
		if (ids && ids.length) {
			const list = all.filter((m) => ids.includes(m.id));
			return { media: list.map((m) => mediaItem(m, used.has(m.id), shape)), total: list.length };
		}
		const types = queryList(query, 'types');
		const usedFilter = queryList(query, 'used');
		if (!types || !types.length) throw badRequest('types[] is required');
		if (!usedFilter || !usedFilter.length) throw badRequest('used[] is required');
		const badType = types.find((t) => !['photo', 'video', 'gif', 'image', 'document'].includes(t));
		if (badType) throw badRequest(`types[] value "${badType}" is not valid (photo, video, gif)`);
		const badUsed = usedFilter.find((u) => u !== 'true' && u !== 'false');
		if (badUsed) throw badRequest(`used[] value "${badUsed}" is not valid (true, false)`);
		const typeSet = new Set(types.map((t) => (t === 'image' ? 'photo' : t)));
		const usedSet = new Set(usedFilter);
		const labels = queryList(query, 'labels');
		const sources = queryList(query, 'source');
		const search = queryString(query, 'search')?.toLowerCase();
		const page = queryInt(query, 'page', 0);
		const matches = (m: MediaRecord) => {
			if (!typeSet.has(m.type)) return false;
			if (!usedSet.has(String(used.has(m.id)))) return false;
			if (labels && labels.length && !labels.some((l) => m.labels.includes(l))) return false;
			if (sources && sources.length && !sources.includes(m.source ?? 'upload')) return false;
			if (search && !(m.name.toLowerCase().includes(search) || (m.caption ?? '').toLowerCase().includes(search))) return false;
			return true;
		};
		const list = all.filter(matches).sort((a, b) => b.created_at - a.created_at || (a.id < b.id ? 1 : -1));
		return { media: paginate(list, page, state.opts.mediaPerPage).map((m) => mediaItem(m, used.has(m.id), shape)), total: list.length };
	});
}
