// GET /job_status/{id} (§5.7): no scope, workspace header required; a job answers `working` for
// `jobWorkingPolls` polls (or until `jobDurationMs` passed on the sandbox clock), then its outcome.
import type { SandboxState } from '../domain/store';
import { completeJob, processDue } from '../domain/scheduler';
import { AddRoute, paramsOf } from '../app/route';
import { jobStatusBody } from '../views/jobs';
import { HttpError } from '../util/httpError';

export function registerJobRoutes(addRoute: AddRoute, state: SandboxState): void {
	addRoute('GET', '/job_status/:job_id', { scope: null, workspace: true }, async (req, _reply, ctx) => {
		const job = state.jobs.get(paramsOf(req).job_id);
		if (!job || job.workspace_id !== ctx.workspaceId) throw new HttpError(404, 'Job not found');
		if (job.pending) await job.pending;
		job.polls++;
		const pollsDone = job.polls > state.opts.jobWorkingPolls;
		const timeDone = state.nowMs() - job.submitted_at >= state.opts.jobDurationMs;
		if (job.status === 'working' && !job.pending && (pollsDone || timeDone)) {
			completeJob(state, job);
			processDue(state);
		}
		return jobStatusBody(state, job);
	});
}
