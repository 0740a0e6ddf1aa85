import type { IDataObject } from 'n8n-workflow';

import { normaliseJobStatus } from '../../shared/transport';
import { getWithinBudget, isoSeconds, loadAccounts, type EventResult, type PollRun } from './poll';

/** At most this many job-status requests per poll (within MAX_REQUESTS_PER_POLL); the rest wait for the next polls. */
export const MAX_JOBS_PER_POLL = 10;

/**
 * Job Completed (and the job part of Post Failed): asks `GET /job_status/{id}` for each named job that has not
 * finished yet (at most MAX_JOBS_PER_POLL per poll, least recently checked first), and emits its normalised
 * outcome once when it has. Finished jobs stay marked as long as their id is in the list (nothing is dropped by
 * a cap), so they are never emitted twice; ids removed from the list are forgotten.
 *
 * Starting point: every job named at activation is marked as such, also when the list is too long to check in
 * the first poll; when one of them is first found finished it is recorded, not emitted (unless Include
 * Existing). A job Publer does not know (404: it expired or the ID is wrong) counts as finished: Job Completed
 * emits one item with status "not_found" (none when it was named at activation), Post Failed emits nothing.
 */
export async function pollJobs(run: PollRun, mode: 'completed' | 'failures'): Promise<EventResult> {
	const { state, settings } = run;
	const jobs = (state.jobs ??= {});
	const named = settings.jobIds;
	if (!run.manual) {
		const wanted = new Set(named);
		for (const id of Object.keys(jobs)) if (!wanted.has(id)) delete jobs[id];
		if (run.baseline && !settings.includeExisting) for (const id of named) if (jobs[id] === undefined) jobs[id] = 2;
	}
	// Jobs never checked go first, then the ones checked least recently: a long list is worked through over
	// several polls.
	const position = new Map(Object.keys(jobs).map((id, i) => [id, i]));
	const pending = named.filter((id) => jobs[id] !== 1).sort((a, b) => (position.get(a) ?? -1) - (position.get(b) ?? -1));
	const batch = run.manual ? named.slice(-MAX_JOBS_PER_POLL) : pending.slice(0, MAX_JOBS_PER_POLL);
	const items: IDataObject[] = [];
	const checked: string[] = [];
	for (const jobId of batch) {
		// Post Failed keeps a request for the accounts look-up that names the failed accounts.
		if (mode === 'failures' && !run.accounts && run.budget !== undefined && run.requests >= run.budget - 1) break;
		const response = await getWithinBudget(run, `/job_status/${encodeURIComponent(jobId)}`, undefined, { notFound: true });
		if (!response) break;
		checked.push(jobId);
		const existing = jobs[jobId] === 2;
		if (response.statusCode === 404) {
			if (!run.manual) jobs[jobId] = 1;
			if (mode === 'completed' && (run.manual || !existing)) items.push(notFoundItem(run, jobId));
			if (run.manual && items.length) break;
			continue;
		}
		const job = normaliseJobStatus(response.body, jobId);
		if (!job.done) {
			if (!run.manual) jobs[jobId] = 0;
			continue;
		}
		if (!run.manual) jobs[jobId] = 1;
		if (existing && !run.manual) continue;
		if (mode === 'completed') {
			items.push({
				event: 'jobCompleted',
				jobId,
				status: job.status,
				success: job.success,
				failed: job.status === 'failed' || job.failures.length > 0,
				failureCount: job.failures.length,
				failures: job.failures,
				error: job.error,
				media: job.media,
				workspaceId: settings.workspaceId,
				detectedAt: isoSeconds(run.now),
			});
		} else {
			if (job.failures.length || job.status === 'failed') await loadAccounts(run);
			const failures = job.failures.length
				? job.failures
				: job.status === 'failed'
					? [{ account_id: null, account_name: null, provider: null, message: job.error ?? 'The job failed' }]
					: [];
			for (const failure of failures) {
				const account = failure.account_id ? run.accounts?.get(failure.account_id) : undefined;
				items.push({
					event: 'postFailed',
					source: 'job',
					jobId,
					postId: null,
					accountId: failure.account_id,
					accountName: failure.account_name ?? account?.name ?? null,
					network: failure.provider ?? account?.provider ?? null,
					failureReason: failure.message,
					workspaceId: settings.workspaceId,
					detectedAt: isoSeconds(run.now),
					failure,
				});
			}
		}
		if (run.manual && items.length) break;
	}
	if (!run.manual) {
		// Move the checked working jobs to the end of the queue.
		for (const id of checked) {
			if (jobs[id] === 0) {
				delete jobs[id];
				jobs[id] = 0;
			}
		}
	}
	return { items: run.manual ? items.slice(-1) : items };
}

function notFoundItem(run: PollRun, jobId: string): IDataObject {
	return {
		event: 'jobCompleted',
		jobId,
		status: 'not_found',
		success: false,
		failed: true,
		failureCount: 0,
		failures: [],
		error: 'Publer does not know this job (404): it expired or the ID is wrong. The trigger reports it once and no longer checks it.',
		media: [],
		workspaceId: run.settings.workspaceId,
		detectedAt: isoSeconds(run.now),
	};
}
