import { Sandbox } from '../../sandbox';
import { createPostsJob } from '../../sandbox/domain/bulk/createJob';
import { createState } from '../../sandbox/domain/lifecycle';
import { bulk, client, control, setup } from '../support/sandbox';

// Option asyncJobs (used by `npm run bench:installed`): a submit is answered with its job ID first and its posts are
// checked right after, as Publer runs jobs in the background. Everything a client or the sandbox object reads must be
// what the synchronous sandbox gives: same jobs (status, failures, post IDs), same posts, same order of checks.

async function scenario(sb: Sandbox) {
	const api = client(sb);
	const fb = sb.accountFor('facebook');
	const x = sb.accountFor('twitter');
	const p = (id: string, t: string, text = 'Fresh bread') => ({ networks: { facebook: { type: 'status', text }, twitter: { type: 'status', text } }, accounts: [{ id, scheduled_at: t }] });
	const answers: unknown[] = [];
	// three submits back to back with no read between them: a gap conflict inside a bulk and across bulks, a text
	// over X's limit, and a publish-now bulk
	answers.push((await api.post('/posts/schedule', bulk('scheduled', [p(fb.id, '2025-06-02T09:00:00Z'), p(fb.id, '2025-06-02T09:00:30Z'), p(x.id, '2025-06-02T10:00:00Z', 'x'.repeat(281))]))).data);
	answers.push((await api.post('/posts/schedule', bulk('scheduled', [p(fb.id, '2025-06-02T08:59:30Z'), p(x.id, '2025-06-02T09:00:00Z')]))).data);
	answers.push((await api.post('/posts/schedule/publish', bulk('scheduled', [p(fb.id, '2025-06-02T12:00:00Z')]))).data);
	const jobIds = answers.map((a: any) => a.job_id);
	const statuses = [];
	for (const id of jobIds) statuses.push((await api.get(`/job_status/${id}`)).data);
	const list = (await api.get('/posts')).data;
	const log = (await control(sb).get('/__sandbox/requests')).data;
	return { answers, statuses, list, posts: sb.posts(), jobs: sb.jobs(), requests: (Array.isArray(log) ? log : log.requests).map((r: any) => `${r.method} ${r.path} ${r.status}`) };
}

describe('sandbox option asyncJobs', () => {
	it('gives the same jobs, failures and posts as checking before the answer', async () => {
		const runs = [];
		for (const asyncJobs of [false, true]) {
			const { sb } = await setup({ asyncJobs, jobWorkingPolls: 0 });
			try {
				runs.push(await scenario(sb));
			} finally {
				await sb.close();
			}
		}
		const [sync, deferred] = runs;
		expect(sync.statuses.map((s: any) => s.payload?.failures?.length ?? s.failures?.length)).toEqual([2, 1, 0]);
		expect(deferred).toEqual(sync);
	});

	it('answers before checking: the posts appear once the check has run, at the latest with the next request or read', async () => {
		const { sb } = await setup({ asyncJobs: true, jobWorkingPolls: 0 });
		try {
			const fb = sb.accountFor('facebook');
			const answer = await client(sb).post('/posts/schedule', bulk('scheduled', [{ networks: { facebook: { type: 'status', text: 'a' } }, accounts: [{ id: fb.id, scheduled_at: '2025-06-02T09:00:00Z' }] }]));
			expect(answer.status).toBe(200);
			const job = sb.jobs().find((j) => j.id === answer.data.job_id)!;
			// read straight after the answer: the check has run (the post exists); the job completes at its first poll
			expect(job).toMatchObject({ status: 'working', failures: [] });
			expect(job.post_ids).toHaveLength(1);
			expect(sb.posts().filter((post) => post.job_id === job.id)).toHaveLength(1);
		} finally {
			await sb.close();
		}
	});
});

describe('createPostsJob with asyncJobs', () => {
	it('returns the working job before checking its posts; the check runs on the next settle', () => {
		const state = createState({ asyncJobs: true, now: '2025-06-02T08:00:00Z' });
		const fb = state.workspaceAccounts(state.seed.main.ws).find((a) => a.provider === 'facebook')!;
		const job = createPostsJob(state, state.seed.main.ws, state.seed.main.userId, bulk('scheduled', [{ networks: { facebook: { type: 'status', text: 'a' } }, accounts: [{ id: fb.id, scheduled_at: '2025-06-02T09:00:00Z' }] }]), false, '/posts/schedule');
		expect(job.status).toBe('working');
		expect(job.post_ids).toEqual([]);
		expect(state.pendingJobs).toHaveLength(1);
		state.settlePendingJobs();
		expect(state.pendingJobs).toHaveLength(0);
		expect(job.post_ids).toHaveLength(1);
		// without the option the posts are checked before createPostsJob returns
		const sync = createState({ now: '2025-06-02T08:00:00Z' });
		const syncJob = createPostsJob(sync, sync.seed.main.ws, sync.seed.main.userId, bulk('scheduled', [{ networks: { facebook: { type: 'status', text: 'a' } }, accounts: [{ id: fb.id, scheduled_at: '2025-06-02T09:00:00Z' }] }]), false, '/posts/schedule');
		expect(syncJob.post_ids).toHaveLength(1);
		expect(sync.pendingJobs).toHaveLength(0);
	});
});
