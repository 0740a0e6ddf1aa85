import type { IDataObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { isRecord, str } from '../values';
import { isTransientError } from './errors';
import { publerApiRequestFull, type PublerContext } from './request';
import { realTimers } from './timers';
import type { JobFailure, JobState, NormalisedJob, TransportTimers } from './types';

const DONE_TOKENS = new Set(['complete', 'completed', 'done', 'finished', 'success', 'succeeded']);
const FAILED_TOKENS = new Set(['failed', 'failure', 'error', 'errored']);

function failureFrom(entry: unknown, key: string | null): JobFailure | undefined {
	if (typeof entry === 'string') {
		return { account_id: key, account_name: null, provider: null, message: entry };
	}
	if (isRecord(entry)) {
		const message = str(entry.message) ?? str(entry.error) ?? str(entry.reason) ?? (Array.isArray(entry.errors) ? entry.errors.join('; ') : null);
		return {
			...entry,
			account_id: str(entry.account_id) ?? str(entry.accountId) ?? key,
			account_name: str(entry.account_name) ?? str(entry.accountName) ?? null,
			provider: str(entry.provider) ?? str(entry.network) ?? null,
			message: message ?? JSON.stringify(entry),
		};
	}
	return undefined;
}

/**
 * The job ID of an async submit (posts, media from URL): `{"job_id"}` as the endpoint pages show, or
 * `{"success": true, "data": {"job_id"}}` as the OpenAPI models it (publer-api.md §5.7, §13.4).
 */
export function jobIdFromSubmit(body: unknown): string | undefined {
	if (!isRecord(body)) return undefined;
	const data = isRecord(body.data) ? body.data : undefined;
	const id = body.job_id ?? body.jobId ?? data?.job_id ?? data?.jobId;
	return typeof id === 'string' && id ? id : undefined;
}

/** Reads `payload.failures` in every documented shape: an array of entries, or an object keyed by account. */
export function normaliseFailures(failures: unknown): JobFailure[] {
	const out: JobFailure[] = [];
	const add = (entry: unknown, key: string | null) => {
		if (Array.isArray(entry)) entry.forEach((e) => add(e, key));
		else {
			const f = failureFrom(entry, key);
			if (f) out.push(f);
		}
	};
	if (Array.isArray(failures)) failures.forEach((f) => add(f, null));
	else if (isRecord(failures)) for (const [key, value] of Object.entries(failures)) add(value, key);
	else if (typeof failures === 'string' && failures) add(failures, null);
	return out;
}

/**
 * Normalises every documented job-status shape (publer-api.md §5.9, §13.1–2): top level or wrapped in
 * `data` / `data.result`, `complete` / `completed` / `failed` / `working`, failures as object or array,
 * and a media job's `payload` array.
 */
export function normaliseJobStatus(raw: unknown, jobId: string): NormalisedJob {
	let level: IDataObject = isRecord(raw) ? raw : {};
	if (isRecord(level.data) && (level.data.status !== undefined || level.data.result !== undefined)) level = level.data;
	let status = str(level.status);
	let payload: unknown = level.payload;
	if (isRecord(level.result)) {
		status = str(level.result.status) ?? status;
		if (level.result.payload !== undefined) payload = level.result.payload;
	}
	const token = (status ?? '').toLowerCase();
	const state: JobState = DONE_TOKENS.has(token) ? 'complete' : FAILED_TOKENS.has(token) ? 'failed' : 'working';

	let failures: JobFailure[] = [];
	let media: IDataObject[] = [];
	let error: string | null = null;
	if (Array.isArray(payload)) {
		media = payload.filter(isRecord);
	} else if (isRecord(payload)) {
		failures = normaliseFailures(payload.failures);
		if (Array.isArray(payload.media)) media = payload.media.filter(isRecord);
		error = str(payload.error) ?? str(payload.message);
	}
	if (state === 'failed' && !error) {
		error = str(level.error) ?? str(level.message) ?? (failures[0]?.message ?? 'Publer reported the job as failed without a reason');
	}
	return {
		jobId,
		status: state,
		done: state !== 'working',
		success: state === 'complete' && failures.length === 0,
		failures,
		media,
		error,
	};
}

export async function getJobStatus(
	this: PublerContext,
	jobId: string,
	workspaceId: string,
	itemIndex?: number,
	timers?: TransportTimers,
): Promise<NormalisedJob> {
	const response = await publerApiRequestFull.call(this, {
		method: 'GET',
		path: `/job_status/${encodeURIComponent(jobId)}`,
		workspaceId,
		itemIndex,
		timers,
	});
	return normaliseJobStatus(response.body, jobId);
}

export interface WaitForJobOptions {
	jobId: string;
	workspaceId: string;
	/** Give up after this long, in milliseconds. */
	timeoutMs: number;
	/** First wait before polling, then multiplied by `factor` up to `maxDelayMs`. */
	initialDelayMs?: number;
	maxDelayMs?: number;
	factor?: number;
	itemIndex?: number;
	timers?: TransportTimers;
}

export interface WaitResult extends NormalisedJob {
	polls: number;
	waitedMs: number;
}

/** Polls `GET /job_status/{id}` with back-off until the job is done or the timeout passes. */
export async function waitForJob(this: PublerContext, options: WaitForJobOptions): Promise<WaitResult> {
	const timers = options.timers ?? realTimers;
	const initial = options.initialDelayMs ?? 1000;
	const maxDelay = options.maxDelayMs ?? 10_000;
	const factor = options.factor ?? 1.6;
	// NaN or Infinity here would remove the bound (no sleep, no timeout): refuse before any request.
	const bad = (
		[
			['the wait timeout', options.timeoutMs, 0],
			['the first poll delay', initial, 0],
			['the longest poll delay', maxDelay, 1],
			['the poll back-off factor', factor, 1],
		] as Array<[string, number, number]>
	).find(([, value, min]) => typeof value !== 'number' || !Number.isFinite(value) || value < min);
	if (bad) {
		throw new NodeOperationError(this.getNode(), `Internal error: ${bad[0]} for job ${options.jobId} is ${String(bad[1])}, not a number ≥ ${bad[2]}`, {
			itemIndex: options.itemIndex,
			description: 'Nothing was sent to Publer. A numeric option of this operation (Wait Timeout, Poll Interval) has an invalid value: an expression there must give a number.',
		});
	}
	const started = timers.now();
	let delay = initial;
	let polls = 0;
	let transientFailures = 0;
	let lastError: Error | undefined;
	// Every poll after the first waits at least 250 ms, so this many polls cover the timeout; the cap also holds
	// if the clock does not move.
	const maxPolls = Math.ceil(options.timeoutMs / 250) + 2;
	for (;;) {
		const elapsed = timers.now() - started;
		const remaining = options.timeoutMs - elapsed;
		if (polls > 0 && remaining <= 0) break;
		if (polls >= maxPolls) break;
		const wait = Math.min(delay, Math.max(0, remaining));
		if (wait > 0) await timers.sleep(wait);
		polls++;
		let job: NormalisedJob | undefined;
		let failure: NodeApiError | NodeOperationError | undefined;
		try {
			job = await getJobStatus.call(this, options.jobId, options.workspaceId, options.itemIndex, timers);
		} catch (error) {
			failure =
				error instanceof NodeApiError || error instanceof NodeOperationError
					? error
					: new NodeOperationError(this.getNode(), error as Error, { itemIndex: options.itemIndex });
		}
		if (!job) {
			// The job runs at Publer whatever happens to one status read: a temporary failure (server error, dropped
			// connection, unreadable answer) only costs this poll. Key, scope and unknown-job errors end the wait.
			if (!failure || !isTransientError(failure)) {
				throw failure ?? new NodeOperationError(this.getNode(), `Could not read Publer job ${options.jobId}`, { itemIndex: options.itemIndex });
			}
			lastError = failure;
			transientFailures++;
			delay = Math.min(maxDelay, Math.max(delay * factor, 250));
			if (timers.now() - started >= options.timeoutMs) break;
			continue;
		}
		if (job.done) return { ...job, polls, waitedMs: timers.now() - started };
		delay = Math.min(maxDelay, Math.max(delay * factor, 250));
		if (timers.now() - started >= options.timeoutMs) break;
	}
	const unreadable = transientFailures > 0 && lastError ? ` (${transientFailures} status read${transientFailures === 1 ? '' : 's'} failed; the last: ${lastError.message})` : '';
	throw new NodeOperationError(
		this.getNode(),
		`Publer job ${options.jobId} was still working after ${Math.round(options.timeoutMs / 1000)} s${unreadable}`,
		{
			itemIndex: options.itemIndex,
			description: `The job keeps running at Publer. Check it later with Publer → Job → Get (job ID ${options.jobId}), or let a Publer Trigger with the "Job Completed" event pick it up. To wait longer, raise the "Wait Timeout" option.`,
		},
	);
}
