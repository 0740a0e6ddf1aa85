import axios, { AxiosInstance } from 'axios';
import { startSandbox, Sandbox, SandboxOptions } from '../../sandbox';

export const NOW = '2025-06-02T08:00:00Z'; // a Monday

export function client(sb: Sandbox, key: string | null = sb.apiKey, ws: string | null = sb.workspaceId): AxiosInstance {
	const headers: Record<string, string> = {};
	if (key !== null) headers.Authorization = `Bearer-API ${key}`;
	if (ws !== null) headers['Publer-Workspace-Id'] = ws;
	return axios.create({ baseURL: sb.baseUrl, headers, validateStatus: () => true });
}

export async function setup(opts: SandboxOptions = {}): Promise<{ sb: Sandbox; api: AxiosInstance }> {
	const sb = await startSandbox({ now: NOW, rateLimit: false, ...opts });
	return { sb, api: client(sb) };
}

/** Submit a bulk body and poll job_status until it is no longer working. */
export async function runJob(api: AxiosInstance, body: any, publish = false): Promise<{ jobId: string; result: any; submit: any }> {
	const submit = await api.post(publish ? '/posts/schedule/publish' : '/posts/schedule', body);
	if (submit.status !== 200 && submit.status !== 202) throw new Error(`submit failed ${submit.status} ${JSON.stringify(submit.data)}`);
	const jobId = submit.data.job_id ?? submit.data.data?.job_id;
	for (let i = 0; i < 20; i++) {
		const r = await api.get(`/job_status/${jobId}`);
		const status = r.data.status ?? r.data.data?.status;
		if (status !== 'working') return { jobId, result: r.data, submit };
	}
	throw new Error('job never finished');
}

export function at(sb: Sandbox, minutes: number): string {
	return new Date(sb.clock.now().getTime() + minutes * 60000).toISOString();
}

export function bulk(state: string, posts: any[]): any {
	return { bulk: { state, posts } };
}

export function status(networks: Record<string, any>, accounts: any[]): any {
	return { networks, accounts };
}

/** An HTTP client for the control routes (`/__sandbox/*`): sends the sandbox's control key. */
export function control(sb: Sandbox): AxiosInstance {
	return axios.create({ baseURL: sb.origin, headers: { 'X-Sandbox-Control-Key': sb.controlKey }, validateStatus: () => true });
}
