// How records look through the control routes and the in-process API: every internal field, times in ISO.
import type { SandboxState } from '../domain/store';
import type { Job, MediaRecord, PostRecord } from '../domain/records';
import { iso } from '../util/time';

const POST_TIME_FIELDS = new Set(['scheduled_at', 'created_at', 'updated_at', 'published_at']);

export function exportPost(post: PostRecord) {
	const out: Record<string, any> = {};
	for (const [key, value] of Object.entries(post)) {
		if (key === 'indexed') continue;
		out[key] = POST_TIME_FIELDS.has(key) && typeof value === 'number' ? iso(value) : value;
	}
	return out;
}

export function exportMedia(media: MediaRecord) {
	return { ...media, created_at: iso(media.created_at), updated_at: iso(media.updated_at) };
}

export function exportJob(job: Job) {
	const { pending: _pending, media, ...rest } = job;
	return {
		...rest, media: media.map((m) => m.id), submitted_at: iso(job.submitted_at),
		completed_at: job.completed_at === null ? null : iso(job.completed_at),
	};
}

export function stateSnapshot(state: SandboxState, workspaceId?: string) {
	return {
		clock: iso(state.nowMs()),
		variants: state.variants,
		rateLimit: state.rateLimit,
		faults: state.faults.map((f) => ({ ...f, path: f.path instanceof RegExp ? String(f.path) : f.path })),
		posts: [...state.posts.values()].filter((p) => !workspaceId || p.workspace_id === workspaceId).map(exportPost),
		media: [...state.media.values()].filter((m) => !workspaceId || m.workspace_id === workspaceId).map(exportMedia),
		jobs: [...state.jobs.values()].map(exportJob),
	};
}
