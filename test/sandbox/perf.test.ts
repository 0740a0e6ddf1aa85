import { AxiosInstance } from 'axios';
import { Sandbox } from '../../sandbox';
import { bulk, setup } from '../support/sandbox';

let sb: Sandbox;
let api: AxiosInstance;
beforeAll(async () => {
	({ sb, api } = await setup({ seed: { accountsPerNetwork: 4 } }));
});
afterAll(() => sb.close());

it('a 500-post bulk is accepted and its job completes in well under a second of CPU', async () => {
	const accounts = sb.accounts().filter((a) => ['facebook', 'twitter', 'linkedin', 'mastodon', 'bluesky', 'threads', 'telegram'].includes(a.provider) && a.type !== 'group' && !a.needs_reauth);
	const posts = Array.from({ length: 500 }, (_, i) => {
		const a = accounts[i % accounts.length];
		const key = a.provider;
		return {
			networks: { [key]: { type: 'status', text: `Bulk post ${i} #bulk` } },
			accounts: [{ id: a.id, scheduled_at: new Date(Date.UTC(2025, 5, 3 + Math.floor(i / accounts.length / 8), 8 + (Math.floor(i / accounts.length) % 8), (i % 7) * 2)).toISOString() }],
		};
	});
	const body = bulk('scheduled', posts);
	const cpu0 = process.cpuUsage();
	const t0 = process.hrtime.bigint();
	const r = await api.post('/posts/schedule', body);
	expect(r.status).toBe(200);
	let st: any;
	for (let i = 0; i < 5; i++) {
		st = (await api.get(`/job_status/${r.data.job_id}`)).data;
		if (st.status !== 'working') break;
	}
	const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
	const cpu = process.cpuUsage(cpu0);
	const cpuMs = (cpu.user + cpu.system) / 1000;
	expect(st.status).toBe('complete');
	expect(st.payload.failures).toEqual([]);
	const list = await api.get('/posts?state=scheduled');
	expect(list.data.total).toBe(500);
	// client + server share this process, so this CPU figure includes axios serialising 500 posts
	process.stdout.write(`500-post bulk: wall ${wallMs.toFixed(1)} ms, CPU ${cpuMs.toFixed(1)} ms (client+server)\n`);
	expect(cpuMs).toBeLessThan(500);
});
