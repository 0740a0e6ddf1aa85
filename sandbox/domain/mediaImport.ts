// POST /media/from-url as a job: loopback URLs are fetched for real (size, type, dimensions), any other URL is
// never contacted and its metadata is synthesised from the URL.
import type { SandboxState } from './store';
import type { Job, MediaRecord } from './records';
import { MAX_UPLOAD_BYTES, defaultDimensions, detectType, imageDimensions } from './media';
import { fetchLoopback, isLoopback } from './loopback';
import { hash32 } from '../util/ids';
import { HttpError, badRequest } from '../util/httpError';
import { truthy } from '../util/query';

interface Fetched { item: any; kind: MediaRecord['type']; bytes: number; mime?: string; dims: { width: number; height: number } | null }

function validateImportBody(body: any): void {
	if (!Array.isArray(body.media) || body.media.length === 0) throw badRequest('media must be a non-empty array');
	body.media.forEach((item: any, i: number) => {
		if (!item || typeof item !== 'object') throw badRequest(`media[${i}] must be an object`);
		if (typeof item.url !== 'string' || !item.url) throw badRequest(`media[${i}].url is required`);
		if (typeof item.name !== 'string' || !item.name) throw badRequest(`media[${i}].name is required`);
		try {
			new URL(item.url);
		} catch {
			throw badRequest(`media[${i}].url is not a valid URL`);
		}
	});
	const type = body.type ?? 'single';
	if (!['single', 'bulk', 'thumbnail', 'multiple'].includes(type)) throw badRequest('type must be single, bulk or thumbnail');
}

async function fetchOne(job: Job, item: any): Promise<Fetched | null> {
	const url = new URL(item.url);
	if (!isLoopback(url)) {
		const kind = detectType(url.pathname, undefined) ?? detectType(item.name, undefined) ?? 'photo';
		return { item, kind, bytes: 100_000 + (hash32(item.url) % 4_000_000), dims: null };
	}
	try {
		const response = await fetchLoopback(item.url, 65536);
		if (response.status < 200 || response.status >= 300) throw new Error(`HTTP ${response.status}`);
		const mime = String(response.headers['content-type'] ?? '') || undefined;
		const kind = detectType(item.name, mime) ?? detectType(url.pathname, mime);
		if (!kind) throw new Error(`unsupported content type ${mime}`);
		return { item, kind, bytes: response.bytes, mime, dims: imageDimensions(response.body) };
	} catch (e: any) {
		job.failures.push({ account_id: null, account_name: null, provider: null, message: `Could not download ${item.url}: ${e?.message ?? e}` });
		return null;
	}
}

/** With variants.singleImport, Publer runs one import per user at a time (§15); a second one gets 403. */
export const IMPORT_RUNNING_MESSAGE = 'Another media import is already in progress. Wait for it to finish, then try again';

export function createImportJob(state: SandboxState, workspaceId: string, userId: string, body: any): Job {
	validateImportBody(body);
	if (state.variants.singleImport && [...state.workingJobs].some((j) => j.kind === 'media' && j.user_id === userId)) {
		throw new HttpError(403, IMPORT_RUNNING_MESSAGE);
	}
	const directUpload = truthy(body.direct_upload ?? body.directUpload);
	const inLibrary = truthy(body.in_library ?? body.inLibrary);
	const now = state.nowMs();
	const job: Job = {
		id: state.ids.next(now), workspace_id: workspaceId, user_id: userId, kind: 'media', endpoint: '/media/from-url',
		submitted_at: now, completed_at: null, polls: 0, status: 'working', failures: [], post_ids: [], media: [], immediate: false,
		requested_posts: 0,
	};
	// the job cannot complete before `pending` settles (job_status waits for it)
	job.pending = Promise.all(body.media.map((item: any) => fetchOne(job, item))).then((results) => {
		for (const fetched of results) {
			if (!fetched) continue;
			if (fetched.bytes > MAX_UPLOAD_BYTES) {
				job.failures.push({ account_id: null, account_name: null, provider: null, message: `${fetched.item.url} is too large. The maximum size is 200 MB` });
				continue;
			}
			job.media.push(state.addMedia(workspaceId, {
				type: fetched.kind, name: fetched.item.name, caption: fetched.item.caption ?? null, bytes: fetched.bytes, mime: fetched.mime ?? 'application/octet-stream',
				...(fetched.dims ?? defaultDimensions(fetched.kind)),
				source: fetched.item.source ?? null, direct_upload: directUpload, in_library: inLibrary, url: fetched.item.url,
			}));
		}
		job.pending = undefined;
	});
	state.jobs.set(job.id, job);
	state.workingJobs.add(job);
	return job;
}
