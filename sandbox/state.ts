// In-memory state of one sandbox: clock, seed data, posts, media, jobs, indexes, request log.
import { buildSeed, Seed, Account, Workspace, Label } from './seed';
import { DueHeap } from './heap';
import { IdGen, iso, hash32, DAY, MINUTE, seedId } from './util';
import { NETWORKS, Provider, postLinkFor, postTypeOf } from './networks';
import { Fault, LoggedRequest, SandboxOptions, SandboxVariants } from './types';

export const DEFAULT_VARIANTS: SandboxVariants = {
	jobEnvelope: 'top',
	completeToken: 'complete',
	failuresShape: 'array',
	submitStatus: 200,
	submitEnvelope: 'top',
	rateLimitHeaders: 'always',
	mediaListShape: 'union',
	analyticsDates: 'optional',
};

export interface Failure { account_id: string | null; account_name: string | null; provider: string | null; message: string }

export interface PostRecord {
	id: string;
	workspace_id: string;
	account_id: string | null;
	provider: Provider | null;
	network: string | null; // key of posts[].networks used
	state: string;
	type: string; // block type as sent
	post_type: string; // derived (§5.6 postType)
	text: string;
	title: string | null;
	url: string | null;
	media: any[];
	link: any;
	details: any;
	extra_content: Record<string, any>; // sublinks, options, duration, question, content, excerpt…
	labels: Label[];
	scheduled_at: number | null;
	created_at: number;
	updated_at: number;
	published_at: number | null;
	post_link: string | null;
	user_id: string;
	job_id: string | null;
	visible: boolean;
	immediate: boolean;
	auto: boolean;
	recycling: any;
	recurring: any;
	share: any;
	comments: any;
	delete: any;
	signature: string | null;
	watermark: any;
	album_id: string | null;
	metrics: Record<string, number> | null; // overrides
	error: string | null;
	indexed: { t: number; capKey: string } | null;
	[key: string]: any;
}

export interface Job {
	id: string;
	workspace_id: string;
	user_id: string;
	kind: 'posts' | 'media';
	endpoint: string;
	submitted_at: number;
	completed_at: number | null;
	polls: number;
	status: 'working' | 'complete' | 'failed';
	failures: Failure[];
	post_ids: string[];
	media: any[];
	immediate: boolean;
	requested_posts: number;
	pending?: Promise<void>; // media from-url: loopback fetches still running
}

export interface MediaRecord {
	id: string;
	workspace_id: string;
	type: 'photo' | 'video' | 'gif' | 'document';
	name: string;
	caption: string | null;
	bytes: number;
	width: number;
	height: number;
	mime: string;
	source: string | null;
	favorite: boolean;
	in_library: boolean;
	labels: string[];
	path: string;
	thumbnail: string;
	direct_upload: boolean;
	url?: string | null;
	created_at: number;
	updated_at: number;
}

interface ResolvedOptions {
	port: number;
	rateLimit: { limit: number; windowSeconds: number } | false;
	rateLimitClock: 'real' | 'sandbox';
	now: number;
	clockMode: 'frozen' | 'realtime';
	jobWorkingPolls: number;
	jobDurationMs: number;
	postsPerPage: number;
	mediaPerPage: number;
	variants: SandboxVariants;
	seed: { extraWorkspaces?: number; accountsPerNetwork?: number; historyPosts?: number };
	logBodies: boolean;
	maxLoggedRequests: number;
	maxUploadBytes: number;
}

export function resolveOptions(o: SandboxOptions = {}): ResolvedOptions {
	const now = o.now === undefined ? Date.now() : new Date(o.now).getTime();
	if (Number.isNaN(now)) throw new Error('SandboxOptions.now is not a valid date');
	return {
		port: o.port ?? 0,
		rateLimit: o.rateLimit === undefined ? { limit: 100, windowSeconds: 120 } : o.rateLimit,
		rateLimitClock: o.rateLimitClock ?? 'real',
		now,
		clockMode: o.clockMode ?? 'frozen',
		jobWorkingPolls: o.jobWorkingPolls ?? 1,
		jobDurationMs: o.jobDurationMs ?? 5000,
		postsPerPage: o.postsPerPage ?? 20,
		mediaPerPage: o.mediaPerPage ?? o.postsPerPage ?? 20,
		variants: { ...DEFAULT_VARIANTS, ...(o.variants ?? {}) },
		seed: o.seed ?? {},
		logBodies: o.logBodies ?? true,
		maxLoggedRequests: o.maxLoggedRequests ?? 10000,
		maxUploadBytes: o.maxUploadBytes ?? 200 * 1024 * 1024,
	};
}

export const CDN = 'https://cdn.publer.test';

export class SandboxState {
	opts: ResolvedOptions;
	seed!: Seed;
	variants!: SandboxVariants;
	rateLimit!: { limit: number; windowSeconds: number } | false;
	faults: (Fault & { remaining: number })[] = [];
	log: LoggedRequest[] = [];
	rateWindows = new Map<string, { start: number; count: number }>();

	accountsById = new Map<string, Account>();
	workspacesById = new Map<string, Workspace>();
	posts = new Map<string, PostRecord>();
	media = new Map<string, MediaRecord>();
	jobs = new Map<string, Job>();
	workingJobs = new Set<Job>();
	recyclingPosts = new Set<PostRecord>();
	due = new DueHeap();
	/** per account: sorted times of scheduled/published posts (1-minute gap rule) */
	times = new Map<string, number[]>();
	/** per account|category|UTC day: number of posts (daily caps) */
	capCounts = new Map<string, number>();

	ids = new IdGen();
	private clockBase = 0;
	private realStart = 0;

	constructor(options: SandboxOptions = {}) {
		this.opts = resolveOptions(options);
		this.reset();
	}

	reset(): void {
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
		this.recyclingPosts.clear();
		this.due.clear();
		this.times.clear();
		this.capCounts.clear();
		this.ids = new IdGen();
		this.clockBase = this.opts.now;
		this.realStart = Date.now();
		for (const a of this.seed.accounts) this.accountsById.set(a.id, a);
		for (const w of this.seed.workspaces) this.workspacesById.set(w.id, w);
		for (const m of this.seed.media) {
			const rec = this.makeMedia(m.workspace_id, { ...m, id: m.id }, this.opts.now - 30 * DAY);
			this.media.set(rec.id, rec);
		}
		this.seedHistory(this.opts.seed.historyPosts ?? 0);
	}

	// ---------- clock ----------
	nowMs(): number {
		return this.opts.clockMode === 'realtime' ? this.clockBase + (Date.now() - this.realStart) : this.clockBase;
	}
	advance(ms: number): void {
		if (!Number.isFinite(ms) || ms < 0) throw new Error('clock.advance needs a non-negative number of milliseconds');
		this.clockBase += ms;
		this.tick();
	}
	setClock(d: Date | string | number): void {
		const t = new Date(d).getTime();
		if (Number.isNaN(t)) throw new Error('clock.set needs a valid date');
		this.clockBase = this.opts.clockMode === 'realtime' ? t - (Date.now() - this.realStart) : t;
		this.tick();
	}

	// ---------- lookups ----------
	user(id: string) {
		return this.seed.users.find((u) => u.id === id)!;
	}
	userSummary(id: string) {
		const u = this.user(id);
		return { id: u.id, name: u.name, picture: u.picture };
	}
	workspaceAccounts(wsId: string): Account[] {
		return this.seed.accounts.filter((a) => a.workspace_id === wsId);
	}
	isMember(userId: string, wsId: string): boolean {
		const w = this.workspacesById.get(wsId);
		return !!w && w.members.some((m) => m.userId === userId);
	}

	// ---------- indexes ----------
	private timesOf(accId: string): number[] {
		let a = this.times.get(accId);
		if (!a) this.times.set(accId, (a = []));
		return a;
	}
	/** first index i with arr[i] >= x */
	private lowerBound(arr: number[], x: number): number {
		let lo = 0;
		let hi = arr.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (arr[mid] < x) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}
	hasGapConflict(accId: string, t: number): boolean {
		const arr = this.times.get(accId);
		if (!arr || !arr.length) return false;
		const i = this.lowerBound(arr, t - MINUTE + 1);
		return i < arr.length && arr[i] < t + MINUTE;
	}
	capCount(key: string): number {
		return this.capCounts.get(key) ?? 0;
	}
	indexPost(p: PostRecord, t: number, capKey: string): void {
		const arr = this.timesOf(p.account_id!);
		arr.splice(this.lowerBound(arr, t), 0, t);
		this.capCounts.set(capKey, this.capCount(capKey) + 1);
		p.indexed = { t, capKey };
	}
	unindexPost(p: PostRecord): void {
		if (!p.indexed || !p.account_id) return;
		const arr = this.times.get(p.account_id);
		if (arr) {
			const i = this.lowerBound(arr, p.indexed.t);
			if (arr[i] === p.indexed.t) arr.splice(i, 1);
		}
		this.capCounts.set(p.indexed.capKey, Math.max(0, this.capCount(p.indexed.capKey) - 1));
		p.indexed = null;
	}

	// ---------- lifecycle ----------
	/** Complete jobs whose duration elapsed, publish due posts, expire recycling. Called on every request and clock change. */
	tick(): void {
		const now = this.nowMs();
		if (this.workingJobs.size) {
			for (const job of [...this.workingJobs]) {
				if (!job.pending && now - job.submitted_at >= this.opts.jobDurationMs) this.completeJob(job);
			}
		}
		const deferred = [];
		while (this.due.size && this.due.peek()!.t <= now) {
			const d = this.due.pop()!;
			const p = this.posts.get(d.postId);
			if (!p) continue;
			if (!p.visible) {
				deferred.push(d);
				continue;
			}
			if (d.kind === 'link') {
				if (p.state.startsWith('published') && !p.post_link) p.post_link = postLinkFor(p.provider!, this.accountsById.get(p.account_id!), p.id);
				continue;
			}
			if (p.scheduled_at !== d.t) continue; // rescheduled meanwhile
			if (p.state === 'scheduled' || p.state === 'scheduled_approved') this.publishPost(p, d.t);
			else if (p.state === 'scheduled_reauth') {
				p.state = 'failed';
				p.error = 'The account needs to be reconnected to Publer';
				p.updated_at = d.t;
				this.unindexPost(p);
			}
		}
		for (const d of deferred) this.due.push(d);
		if (this.recyclingPosts.size) {
			for (const p of this.recyclingPosts) this.updateRecycling(p, now);
		}
	}

	publishPost(p: PostRecord, at: number): void {
		const acc = this.accountsById.get(p.account_id!);
		p.state = 'published_posted';
		p.published_at = at;
		p.updated_at = at;
		if (p.provider === 'tiktok') {
			p.post_link = null;
			this.due.push({ t: at + 2 * MINUTE, postId: p.id, kind: 'link' });
		} else p.post_link = postLinkFor(p.provider!, acc, p.id);
	}

	updateRecycling(p: PostRecord, now: number): void {
		if (p.state !== 'recycling_active') {
			if (!p.state.startsWith('recycling')) this.recyclingPosts.delete(p);
			return;
		}
		const r = p.recycling;
		const start = p.scheduled_at ?? now;
		const gapMs = (Number(r.gap) || 1) * ({ Day: 1, Week: 7, Month: 30 } as Record<string, number>)[r.gap_freq ?? 'Week'] * DAY;
		const shares = now < start ? 0 : Math.floor((now - start) / gapMs) + 1;
		p.recycled_count = shares;
		if (shares > 0 && !p.published_at) {
			p.published_at = start;
			p.post_link = postLinkFor(p.provider!, this.accountsById.get(p.account_id!), p.id);
		}
		const count = r.expire_count !== undefined && r.expire_count !== null ? Number(r.expire_count) : NaN;
		const expireDate = r.expire_date ? Date.parse(r.expire_date + (String(r.expire_date).length === 10 ? 'T23:59:59Z' : '')) : NaN;
		if ((Number.isFinite(count) && shares >= count) || (Number.isFinite(expireDate) && now > expireDate)) {
			p.state = 'recycling_expired';
			p.updated_at = now;
			this.recyclingPosts.delete(p);
		}
	}

	completeJob(job: Job): void {
		if (job.status !== 'working') return;
		const now = this.nowMs();
		job.completed_at = now;
		if (job.kind === 'media') {
			job.status = job.media.length || !job.failures.length ? 'complete' : 'failed';
		} else {
			job.status = 'complete';
			for (const id of job.post_ids) {
				const p = this.posts.get(id);
				if (!p) continue;
				p.visible = true;
				if (job.immediate) {
					p.scheduled_at = now;
					if (p.indexed) {
						// keep the index at the publish time
						const capKey = p.indexed.capKey;
						this.unindexPost(p);
						this.indexPost(p, now, capKey);
					}
					this.publishPost(p, now);
				}
			}
		}
		this.workingJobs.delete(job);
	}

	// ---------- helpers for records ----------
	makeMedia(wsId: string, m: Partial<MediaRecord> & { type: MediaRecord['type']; name: string }, at: number): MediaRecord {
		const id = m.id ?? this.ids.next(at);
		const folder = m.type === 'video' ? 'videos' : m.type === 'document' ? 'documents' : 'photos';
		const ext = (m.name.match(/\.([a-z0-9]+)$/i)?.[1] ?? (m.type === 'video' ? 'mp4' : m.type === 'gif' ? 'gif' : 'jpg')).toLowerCase();
		const temp = m.direct_upload === false && m.in_library === false;
		const path = temp ? `https://cdn.publer.test/tmp/uploads/mini_magick-${id}.${ext}` : `${CDN}/uploads/${folder}/${id}.${ext}`;
		return {
			id, workspace_id: wsId, type: m.type, name: m.name, caption: m.caption ?? null, bytes: m.bytes ?? 0,
			width: m.width ?? 1080, height: m.height ?? 1080, mime: m.mime ?? 'application/octet-stream',
			source: m.source ?? null, favorite: m.favorite ?? false, in_library: m.in_library ?? false, labels: m.labels ?? [],
			path, thumbnail: m.type === 'video' ? `${CDN}/uploads/${folder}/thumb_${id}.jpg` : temp ? path : `${CDN}/uploads/${folder}/thumb_${id}.${ext}`,
			direct_upload: m.direct_upload ?? false, url: m.url ?? null, created_at: at, updated_at: at,
		};
	}

	mediaUsedIds(wsId: string): Set<string> {
		const used = new Set<string>();
		for (const p of this.posts.values()) {
			if (p.workspace_id !== wsId) continue;
			for (const m of p.media) if (m && typeof m.id === 'string') used.add(m.id);
		}
		return used;
	}

	newPost(fields: Partial<PostRecord> & { workspace_id: string; user_id: string; state: string }): PostRecord {
		const now = this.nowMs();
		const p: PostRecord = {
			id: this.ids.next(now), account_id: null, provider: null, network: null, type: 'status', post_type: 'status',
			text: '', title: null, url: null, media: [], link: null, details: null, extra_content: {}, labels: [],
			scheduled_at: null, created_at: now, updated_at: now, published_at: null, post_link: null, job_id: null,
			visible: true, immediate: false, auto: false, recycling: null, recurring: null, share: null, comments: null,
			delete: null, signature: null, watermark: null, album_id: null, metrics: null, error: null, indexed: null,
			...fields,
		};
		this.posts.set(p.id, p);
		return p;
	}

	deletePost(p: PostRecord): void {
		this.unindexPost(p);
		this.recyclingPosts.delete(p);
		this.posts.delete(p.id);
	}

	setPostState(postId: string, state: string, extra: Record<string, any> = {}): void {
		const p = this.posts.get(postId);
		if (!p) throw new Error(`Unknown post ${postId}`);
		const now = this.nowMs();
		p.state = state;
		p.updated_at = now;
		if (state.startsWith('published') && !p.published_at) {
			p.published_at = now;
			if (!('post_link' in extra) && p.provider && p.account_id) p.post_link = postLinkFor(p.provider, this.accountsById.get(p.account_id), p.id);
		}
		if (state === 'failed' || state.startsWith('draft') || state === 'published_deleted') this.unindexPost(p);
		if (state.startsWith('recycling')) this.recyclingPosts.add(p);
		for (const [k, v] of Object.entries(extra)) {
			if ((k === 'scheduled_at' || k === 'published_at') && v !== null) p[k] = new Date(v as string).getTime();
			else p[k] = v;
		}
		if ('scheduled_at' in extra && p.scheduled_at !== null && (state === 'scheduled' || state.startsWith('scheduled_'))) {
			this.due.push({ t: p.scheduled_at, postId: p.id, kind: 'publish' });
		}
		this.tick();
	}

	setPostMetrics(postId: string, metrics: Partial<Record<string, number>>): void {
		const p = this.posts.get(postId);
		if (!p) throw new Error(`Unknown post ${postId}`);
		p.metrics = { ...(p.metrics ?? {}), ...(metrics as Record<string, number>) };
	}

	// ---------- response shapes ----------
	postSummary(p: PostRecord) {
		return {
			id: p.id, text: p.text, title: p.title, url: p.url, state: p.state, type: p.post_type, account_id: p.account_id,
			user: this.userSummary(p.user_id),
			scheduled_at: p.scheduled_at === null ? null : iso(p.scheduled_at),
			post_link: p.post_link, has_media: p.media.length > 0, network: p.provider ?? null,
			created_at: iso(p.created_at), updated_at: iso(p.updated_at),
			published_at: p.published_at === null ? null : iso(p.published_at),
		};
	}

	postDetail(p: PostRecord) {
		const acc = p.account_id ? this.accountsById.get(p.account_id) : undefined;
		return {
			...this.postSummary(p),
			account: acc ? { id: acc.id, type: acc.type, name: acc.name, picture: acc.picture } : null,
			media: p.media.map((m) => {
				const lib = typeof m?.id === 'string' ? this.media.get(m.id) : undefined;
				return { id: m?.id ?? null, type: m?.type === 'image' ? 'photo' : (m?.type ?? lib?.type ?? 'photo'), url: m?.path ?? m?.url ?? lib?.path ?? null, alt_text: m?.alt_text ?? null };
			}),
			link: p.link ? { url: p.link.url ?? null, title: p.link.title ?? null, description: p.link.description ?? null, image_url: Array.isArray(p.link.images) ? (p.link.images[p.link.default_image ?? 0] ?? null) : null } : null,
			labels: p.labels,
			auto: p.auto,
			recycling: p.recycling,
			recurring: p.recurring,
		};
	}

	mediaItem(m: MediaRecord, used: boolean) {
		const shape = this.variants.mediaListShape;
		const base: Record<string, any> = { id: m.id, type: m.type, name: m.name, caption: m.caption };
		if (shape !== 'rendered') {
			base.path = m.path;
			base.thumbnails = [{ id: seedId('thumb:' + m.id), small: m.thumbnail, real: m.path }];
		}
		if (shape !== 'openapi') {
			base.url = m.path;
			base.thumbnail = m.thumbnail;
		}
		base.created_at = iso(m.created_at);
		base.updated_at = iso(m.updated_at);
		base.favorite = m.favorite;
		if (shape !== 'rendered') base.in_library = m.in_library;
		if (shape !== 'openapi') {
			base.used = used;
			base.source = m.source;
		}
		return base;
	}

	mediaUploadResponse(m: MediaRecord) {
		return {
			id: m.id, path: m.path, thumbnail: m.thumbnail, validity: validityOf(m), width: m.width, height: m.height,
			source: m.source, type: m.type, name: m.name, caption: m.caption,
		};
	}

	// ---------- history seed ----------
	private seedHistory(n: number): void {
		if (n <= 0) return;
		const ws = this.seed.main.ws;
		const accs = this.workspaceAccounts(ws).filter((a) => !a.needs_reauth && ['facebook', 'instagram', 'twitter', 'linkedin', 'mastodon', 'threads', 'bluesky'].includes(a.provider));
		const tags = ['#bakery', '#croissant', '#sourdough', '#smm', '#weekend', '#newmenu'];
		const now = this.opts.now;
		for (let i = 0; i < n; i++) {
			const acc = accs[i % accs.length];
			const t = now - (i + 1) * 7 * 3600000 - (hash32('h' + i) % 3600) * 1000;
			const text = `History post ${i + 1}: fresh from the oven ${tags[i % tags.length]} ${tags[(i + 2) % tags.length]}`;
			const photo = acc.provider === 'instagram' || i % 3 === 0;
			const p = this.newPost({
				workspace_id: ws, user_id: i % 2 ? this.seed.main.memberId : this.seed.main.userId, state: 'scheduled',
				account_id: acc.id, provider: acc.provider, network: acc.provider, type: photo ? 'photo' : 'status', post_type: photo ? 'photo' : 'status',
				text, media: photo ? [{ id: seedId('media:croissant'), type: 'photo' }] : [], scheduled_at: t, created_at: t - DAY, updated_at: t - DAY,
				labels: i % 4 === 0 ? [this.workspacesById.get(ws)!.labels[0]] : [],
			});
			this.publishPost(p, t);
			if (p.provider === 'tiktok') p.post_link = postLinkFor('tiktok', acc, p.id);
			this.indexPost(p, t, `${acc.id}|${acc.provider === 'linkedin' ? acc.type : 'posts'}|${new Date(t).toISOString().slice(0, 10)}`);
		}
	}
}

export function validityOf(m: { type: string; bytes: number }) {
	const mb = m.bytes / 1048576;
	if (m.type === 'video') {
		return {
			twitter: mb < 512, linkedin: true, pinterest: true, google: false, facebook: { post: true, reel: true },
			instagram: { post: mb < 1024, story: mb < 1024, reel: mb < 1024 }, youtube: { video: true, short: true },
			tiktok: true, telegram: mb < 50, mastodon: mb < 40, threads: mb < 1024, bluesky: mb < 50, wordpress_basic: true, wordpress_oauth: true,
		};
	}
	if (m.type === 'document') {
		return { twitter: false, linkedin: true, pinterest: false, google: false, facebook: { post: false, reel: false }, instagram: { post: false, story: false, reel: false }, youtube: { video: false, short: false }, tiktok: false, telegram: true, wordpress_basic: true, wordpress_oauth: true };
	}
	return {
		twitter: mb <= (m.type === 'gif' ? 15 : 5), linkedin: true, pinterest: true, google: m.type === 'photo' && mb <= 5,
		facebook: { post: m.type === 'photo' || mb <= 4, reel: false }, instagram: { post: m.type === 'photo' && mb <= 8, story: m.type === 'photo' && mb <= 8, reel: false },
		youtube: { video: false, short: false }, tiktok: m.type === 'photo', telegram: mb <= 10, mastodon: mb <= 8, threads: m.type === 'photo' && mb <= 8,
		bluesky: m.type === 'photo', wordpress_basic: true, wordpress_oauth: true,
	};
}

export { NETWORKS, postTypeOf };
