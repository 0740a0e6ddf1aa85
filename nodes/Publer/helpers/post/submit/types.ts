import type { JobFailure, TransportTimers } from '../../../../shared/transport';
import type { BuiltPost, PostTarget } from '../types';

export interface PreparedPost {
	itemIndex: number;
	workspaceId: string;
	mode: string;
	built: BuiltPost;
}

export interface SubmitOptions {
	wait: boolean;
	waitTimeoutMs: number;
	pollIntervalMs: number;
	resolvePostIds: boolean;
	duplicateGuard: boolean;
	maxRateLimitWaitMs: number;
	timeZone: string;
	/**
	 * Continue On Fail. Off: no request is sent after the first failed one, and the error names every job Publer
	 * accepted (with its items). On: every request is sent and each item gets its own result.
	 */
	continueOnFail?: boolean;
	timers?: TransportTimers;
}

/** One bulk request: consecutive posts with the same workspace, endpoint and state. */
export interface RequestGroup {
	workspaceId: string;
	endpoint: string;
	state: string;
	posts: PreparedPost[];
}

/** A (post × account) of a request, with the item it belongs to. */
export interface TargetRef {
	post: PreparedPost;
	target: PostTarget;
}

/** What happened to one input item's post while its request was sent and waited for. */
export interface ItemState {
	post: PreparedPost;
	jobId?: string;
	status?: string;
	failures: JobFailure[];
	postIds: Array<string | null>;
	existing: boolean;
	/** The request's answer was lost and its posts were not all found: the item may or may not be posted. */
	outcomeUnknown?: boolean;
	error?: Error;
	requests: number;
}
