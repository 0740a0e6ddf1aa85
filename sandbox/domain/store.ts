// The in-memory store of one sandbox: seed data, posts, media, jobs, their indexes, the request log and the
// switches a test can flip (variants, faults, rate limit). Time-driven changes live in scheduler.ts.
import { buildSeed, Seed, Account, Workspace } from './seed';
import { DueQueue } from './dueQueue';
import { AccountSchedule } from './accountSchedule';
import { SandboxClock } from './clock';
import { newMediaRecord } from './media';
import { ResolvedOptions, resolveOptions } from './options';
import type { Job, MediaRecord, PostRecord } from './records';
import { IdGen } from '../util/ids';
import { DAY } from '../util/time';
import type { Fault, LoggedRequest, SandboxOptions, SandboxVariants } from '../types';

export class SandboxState {
	readonly opts: ResolvedOptions;
	readonly clock: SandboxClock;
	seed!: Seed;
	variants!: SandboxVariants;
	rateLimit!: { limit: number; windowSeconds: number } | false;
	faults: (Fault & { remaining: number })[] = [];
	log: LoggedRequest[] = [];
	/** per user: the current fixed rate-limit window */
	rateWindows = new Map<string, { start: number; count: number }>();

	accountsById = new Map<string, Account>();
	workspacesById = new Map<string, Workspace>();
	posts = new Map<string, PostRecord>();
	media = new Map<string, MediaRecord>();
	jobs = new Map<string, Job>();
	workingJobs = new Set<Job>();
	/** Checks of submitted posts still to run (asyncJobs), in submit order. */
	pendingJobs: Array<() => void> = [];
	recyclingPosts = new Set<PostRecord>();
	due = new DueQueue();
	schedule = new AccountSchedule();
	ids = new IdGen();

	constructor(options: SandboxOptions = {}) {
		this.opts = resolveOptions(options);
		this.clock = new SandboxClock(this.opts.now, this.opts.clockMode);
		this.clear();
	}

	/** Runs the checks of submitted posts still due (asyncJobs), oldest first. */
	settlePendingJobs(): void {
		while (this.pendingJobs.length) this.pendingJobs.shift()!();
	}

	/** Back to the seed and the start options (history posts are added by lifecycle.resetState). */
	clear(): void {
		this.seed = buildSeed(this.opts.seed);
		this.variants = { ...this.opts.variants };
		this.rateLimit = this.opts.rateLimit;
		this.faults = [];
		this.log = [];
		this.rateWindows.clear();
		this.accountsById.clear();
		this.workspacesById.clear();
		this.posts.clear();
		this.media.clear();
		this.jobs.clear();
		this.workingJobs.clear();
		this.pendingJobs = [];
		this.recyclingPosts.clear();
		this.due.clear();
		this.schedule.clear();
		this.ids = new IdGen();
		this.clock.reset();
		for (const account of this.seed.accounts) this.accountsById.set(account.id, account);
		for (const workspace of this.seed.workspaces) this.workspacesById.set(workspace.id, workspace);
		for (const seeded of this.seed.media) {
			const record = newMediaRecord(seeded.id, seeded.workspace_id, seeded, this.opts.now - 30 * DAY);
			this.media.set(record.id, record);
		}
	}

	nowMs(): number {
		return this.clock.now();
	}

	user(id: string) {
		return this.seed.users.find((u) => u.id === id)!;
	}
	/** The accounts a workspace lists; the locked one only with variants.accountTypes 'observed'. */
	workspaceAccounts(workspaceId: string): Account[] {
		const withLocked = this.variants.accountTypes === 'observed';
		return this.seed.accounts.filter((a) => a.workspace_id === workspaceId && (withLocked || !a.locked));
	}
	isMember(userId: string, workspaceId: string): boolean {
		const workspace = this.workspacesById.get(workspaceId);
		return !!workspace && workspace.members.some((m) => m.userId === userId);
	}

	addMedia(workspaceId: string, fields: Partial<MediaRecord> & { type: MediaRecord['type']; name: string }): MediaRecord {
		const at = this.nowMs();
		const record = newMediaRecord(this.ids.next(at), workspaceId, fields, at);
		this.media.set(record.id, record);
		return record;
	}

	/** Ids of the media referenced by any post of the workspace (`used` in GET /media). */
	mediaUsedIds(workspaceId: string): Set<string> {
		const used = new Set<string>();
		for (const post of this.posts.values()) {
			if (post.workspace_id !== workspaceId) continue;
			for (const item of post.media) if (item && typeof item.id === 'string') used.add(item.id);
		}
		return used;
	}

	newPost(fields: Partial<PostRecord> & { workspace_id: string; user_id: string; state: string }): PostRecord {
		const now = this.nowMs();
		const post: PostRecord = {
			id: this.ids.next(now), account_id: null, provider: null, network: null, type: 'status', post_type: 'status',
			text: '', title: null, url: null, media: [], link: null, details: null, extra_content: {}, labels: [],
			scheduled_at: null, created_at: now, updated_at: now, published_at: null, post_link: null, job_id: null,
			visible: true, immediate: false, auto: false, recycling: null, recurring: null, share: null, comments: null,
			delete: null, signature: null, watermark: null, album_id: null, metrics: null, error: null, indexed: null,
			...fields,
		};
		this.posts.set(post.id, post);
		return post;
	}

	deletePost(post: PostRecord): void {
		this.schedule.remove(post);
		this.recyclingPosts.delete(post);
		this.posts.delete(post.id);
	}

	setPostMetrics(postId: string, metrics: Partial<Record<string, number>>): void {
		const post = this.posts.get(postId);
		if (!post) throw new Error(`Unknown post ${postId}`);
		post.metrics = { ...(post.metrics ?? {}), ...(metrics as Record<string, number>) };
	}
}
