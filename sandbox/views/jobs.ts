// How jobs look in answers: the submit answer and job_status, in the envelope and tokens the variants choose.
import type { SandboxState } from '../domain/store';
import type { Failure, Job } from '../domain/records';
import { mediaUploadResponse } from './media';

/** Status code and body of an accepted async submit (posts or media from URL). */
export function submitAnswer(state: SandboxState, jobId: string): { status: number; body: unknown } {
	const body = state.variants.submitEnvelope === 'data' ? { success: true, data: { job_id: jobId } } : { job_id: jobId };
	return { status: state.variants.submitStatus, body };
}

/** The status word of a job that is still working: "working", or null / an unknown word as live clients saw. */
function workingToken(state: SandboxState): string | null {
	const variant = state.variants.jobStatusNull;
	return variant === 'null' ? null : variant === 'unknown' ? 'pending' : 'working';
}

export function jobStatusBody(state: SandboxState, job: Job): any {
	const variants = state.variants;
	const token = job.status === 'complete' ? variants.completeToken : job.status;
	let payload: any;
	if (job.status !== 'working') {
		if (job.kind === 'media' && job.status !== 'failed') payload = job.media.map(mediaUploadResponse);
		else payload = { failures: shapeFailures(state, job.failures) };
	}
	if (variants.jobEnvelope === 'data') {
		if (job.status === 'working') return { success: true, data: { status: workingToken(state) } };
		const plan = { rate: state.workspacesById.get(job.workspace_id)?.plan ?? 'business', locked: false };
		return { success: true, data: { status: token, result: { status: token, payload, plan } } };
	}
	if (job.status === 'working') return { status: workingToken(state) };
	return { status: token, payload };
}

/** An array of failures, or an object keyed by account id (ideas under `post`), as variant failuresShape says. */
function shapeFailures(state: SandboxState, failures: Failure[]): any {
	if (state.variants.failuresShape === 'array') return failures.map((f) => ({ ...f }));
	const byAccount: Record<string, Failure[]> = {};
	for (const failure of failures) (byAccount[failure.account_id ?? 'post'] ??= []).push({ ...failure });
	return byAccount;
}
