// Public types of the sandbox (re-exported by sandbox/index.ts).

export interface SandboxVariants {
	/** job_status envelope: 'top' = {"status","payload"}; 'data' = {"success":true,"data":{"status","result":{"status","payload","plan"}}} (§13.1) */
	jobEnvelope: 'top' | 'data';
	/** terminal token of a finished job (§13.1) */
	completeToken: 'complete' | 'completed';
	/** payload.failures as an array, or an object keyed by account id whose values are arrays (§13.2) */
	failuresShape: 'array' | 'object';
	/** HTTP status of async submits (§13.4) */
	submitStatus: 200 | 202;
	/** {"job_id"} vs {"success":true,"data":{"job_id"}} (§13.4) */
	submitEnvelope: 'top' | 'data';
	/** X-RateLimit-* on every response, or only when remaining ≤ 10 % of the limit and on 429 (§13.15) */
	rateLimitHeaders: 'always' | 'nearLimit';
	/** GET /media item shape: union of both, OpenAPI {path,thumbnails,in_library}, rendered {url,thumbnail,used,source} (§13.22) */
	mediaListShape: 'union' | 'openapi' | 'rendered';
	/** post_insights / best_times without from+to: 'optional' = all time; 'required' = 500 / [] as a client observed (§13.11) */
	analyticsDates: 'optional' | 'required';
	/** 'swapped' (§15, one client measured it): unknown/revoked key → 403 "Invalid API key or not active for this
	 * account"; a workspace of another user → 401 "You don't have access on this workspace". Missing headers unchanged. */
	authCodes: 'documented' | 'swapped';
	/** 'observed' (§15): GET /accounts and post details give analytics-style types (fb_page, fb_group, ig_business,
	 * in_page, pin_business, mastodon, tiktok, …) and `locked` on every account; the seeded "Locked Page" is listed */
	accountTypes: 'documented' | 'observed';
	/** job_status of a working job: 'off' = "working"; 'null' = `status: null` (§15); 'unknown' = `status: "pending"` */
	jobStatusNull: 'off' | 'null' | 'unknown';
	/** true (§15): one media import (POST /media/from-url) per user at a time; another one while it works → 403 */
	singleImport: boolean;
	/** 'observed' (§15): GET /posts items also carry `media[]` ({id, type, thumbnails}); post_link is in both */
	postLinks: 'documented' | 'observed';
}

export interface SandboxOptions {
	port?: number;
	rateLimit?: { limit: number; windowSeconds: number } | false;
	/** which clock counts rate-limit windows: real time (default) or the sandbox clock */
	rateLimitClock?: 'real' | 'sandbox';
	now?: Date | string;
	/** 'frozen' (default): the sandbox clock only moves through clock.advance/set. 'realtime': it also runs with real time (the CLI uses this). */
	clockMode?: 'frozen' | 'realtime';
	jobWorkingPolls?: number;
	jobDurationMs?: number;
	/**
	 * Answer a posts submit with its job ID first and check and create the posts right after the answer is sent, as
	 * Publer runs jobs in the background (default false: checked before answering). Any later request, and every
	 * read of the sandbox object, waits for the checks still due, so what a client sees is the same either way.
	 */
	asyncJobs?: boolean;
	postsPerPage?: number;
	mediaPerPage?: number;
	variants?: Partial<SandboxVariants>;
	seed?: {
		extraWorkspaces?: number;
		accountsPerNetwork?: number;
		/** published posts in the past (by the main user and the teammate) so analytics have data at start; default 0 */
		historyPosts?: number;
	};
	logBodies?: boolean;
	/** maximum kept request-log entries (oldest dropped), default 10000 */
	maxLoggedRequests?: number;
	/** POST /media size limit in bytes (default 200 MB, as documented); lower it only to test 413 cheaply */
	maxUploadBytes?: number;
	/** the key the control routes (`/__sandbox/*`) require in `X-Sandbox-Control-Key`; default: random per start */
	controlKey?: string;
}

export interface Fault {
	method?: string;
	path?: string | RegExp;
	kind: 'latency' | 'status' | '429' | 'dropBefore' | 'dropAfter' | 'html' | 'malformedJson' | 'empty';
	status?: number;
	latencyMs?: number;
	count?: number;
}

export interface LoggedRequest {
	method: string;
	path: string;
	query: Record<string, any>;
	headers: Record<string, string>;
	body: any;
	status: number; // 0 when the connection was dropped without an answer
	at: string;
	/** the injected fault that hit this request, if any */
	fault?: Fault['kind'];
}

export interface SandboxAccount {
	id: string;
	provider: string;
	name: string;
	type: string;
	social_id: string;
	picture: string;
	workspace_id: string;
	username: string;
	slots: string[];
	needs_reauth: boolean;
	/** true for the seeded "Locked Page" (listed only with variants.accountTypes 'observed'); posts to it fail */
	locked: boolean;
	[key: string]: any;
}

export interface SandboxKeys {
	full: string;
	noAnalytics: string;
	postsOnly: string;
	readOnly: string;
	revoked: string;
	otherUser: string;
	/** full-scope key of the teammate (a member of the main workspace), for member_id tests */
	member: string;
}

export interface Sandbox {
	baseUrl: string;
	/** http://127.0.0.1:<port> — control routes live under `${origin}/__sandbox/` */
	origin: string;
	port: number;
	apiKey: string;
	workspaceId: string;
	/** second workspace of the main user */
	secondWorkspaceId: string;
	/** workspace of the other user (the main key gets 403 there) */
	otherWorkspaceId: string;
	keys: SandboxKeys;
	/** required by the control routes (`/__sandbox/*`) in the `X-Sandbox-Control-Key` header */
	controlKey: string;
	/** `{ 'X-Sandbox-Control-Key': controlKey }`, to spread into a request's headers */
	controlHeaders: Record<string, string>;
	accounts(workspaceId?: string): SandboxAccount[];
	accountFor(provider: string, workspaceId?: string): SandboxAccount;
	clock: { now(): Date; advance(ms: number): void; set(d: Date | string): void };
	setVariants(v: Partial<SandboxVariants>): void;
	variants(): SandboxVariants;
	injectFault(f: Fault): void;
	clearFaults(): void;
	requests(filter?: { method?: string; path?: string | RegExp }): LoggedRequest[];
	clearRequests(): void;
	posts(workspaceId?: string): any[];
	media(workspaceId?: string): any[];
	jobs(): any[];
	setPostMetrics(postId: string, metrics: Partial<Record<string, number>>): void;
	setPostState(postId: string, state: string, extra?: Record<string, any>): void;
	setRateLimit(r: { limit: number; windowSeconds: number } | false): void;
	reset(): void;
	close(): Promise<void>;
}
