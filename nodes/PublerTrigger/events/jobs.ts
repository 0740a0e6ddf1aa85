import type { IDataObject } from 'n8n-workflow';

import { normaliseJobStatus } from '../../Publer/transport';
import { capMap, MAX_TRACKED_JOBS } from '../state';
import { get, iso, loadAccounts, type EventResult, type PollRun } from './common';

/** At most this many job-status requests per poll; the rest are checked on the next polls. */
export const MAX_JOBS_PER_POLL = 25;

/**
 * Job Completed (and the job part of Post Failed): asks `GET /job_status/{id}` for each named job that has not
 * finished yet, and emits its normalised outcome once when it has. Finished jobs stay marked as long as their
 * id is in the list, so they are never emitted twice; ids removed from the list are forgotten.
 */
export async function pollJobs(run: PollRun, mode: 'completed' | 'failures'): Promise<EventResult> {
	const { state, settings } = run;
	const jobs = (state.jobs ??= {});
	const named = settings.jobIds;
	if (!run.manual) {
		for (const id of Object.keys(jobs)) if (!named.includes(id)) delete jobs[id];
	}
	// Jobs never checked go first, then the ones checked least recently: a long list is worked through over
	// several polls.
	const order = Object.keys(jobs);
	const pending = named.filter((id) => jobs[id] !== 1).sort((a, b) => order.indexOf(a) - order.indexOf(b));
	const batch = run.manual ? named.slice(-MAX_JOBS_PER_POLL) : pending.slice(0, MAX_JOBS_PER_POLL);
	const items: IDataObject[] = [];
	const emit = !run.baseline || settings.includeExisting;
	const checked: string[] = [];
	for (const jobId of batch) {
		const response = await get(run, `/job_status/${encodeURIComponent(jobId)}`);
		if (!response) break;
		checked.push(jobId);
		const job = normaliseJobStatus(response.body, jobId);
		if (!job.done) {
			if (!run.manual) jobs[jobId] = 0;
			continue;
		}
		if (!run.manual) jobs[jobId] = 1;
		if (!emit && !run.manual) continue;
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
				detectedAt: iso(run.now),
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
					detectedAt: iso(run.now),
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
		capMap(jobs, MAX_TRACKED_JOBS, () => 0);
	}
	return { items: run.manual ? items.slice(-1) : items };
}
