/*
 * The Publer node as AI tools, the way agents reach it: in an installed n8n 2.8.4 (with
 * N8N_COMMUNITY_PACKAGES_ALLOW_TOOL_USAGE=true, the package installed as n8n's community installer does), a
 * published workflow with the MCP Server Trigger (@n8n/n8n-nodes-langchain.mcpTrigger v2) and three Publer tool
 * nodes (n8n-nodes-publer.publerTool): Post → Create (Mode left unset: the tool variant defaults to Draft),
 * Account → Get Many, Analytics → Get Best Times. No tool description is set in the workflow: the agent gets the
 * node's own per-operation description (what it does, what it changes, what each argument means). The arguments
 * are `$fromAI()` calls as the editor's "Let the model define this parameter" writes them, with the description a
 * user types in.
 * A real MCP client (@modelcontextprotocol/sdk, Streamable HTTP, then SSE) lists the tools, checks their names,
 * descriptions and argument schemas, calls each, and the draft arrives in the sandbox.
 * Prints "N passed, N failed", writes test-results/mcp-summary.json, exits non-zero on failure.
 * Run: `npm run test:mcp` (about 1 minute with the n8n install cached).
 */
import fs from 'node:fs';
import path from 'node:path';

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

import { setUpCheck } from './installs';
import { ROOT, assert, http as request, log, materialise, n8nEnv, run, runCheck, signIn, start, stopAll, timedStep } from './lib';

// The sandbox is loaded from source; PUBLER_E2E_SANDBOX_DIR points at another copy of it (development only).
const { startSandbox } = require(process.env.PUBLER_E2E_SANDBOX_DIR || path.join(ROOT, 'sandbox')) as typeof import('../sandbox');

const MCP_PATH = 'publer-mcp';
const timings: Record<string, number> = {};
const report: Record<string, unknown> = {};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Tool {
	name: string;
	description?: string;
	inputSchema: { properties?: Record<string, { type?: string; description?: string }>; required?: string[] };
}

/** The text of a tool result (n8n returns the node's output items as JSON text). */
function resultText(result: unknown): string {
	const content = (result as { content?: Array<{ type: string; text?: string }> }).content ?? [];
	return content.map((c) => c.text ?? '').join('\n');
}

async function connect(kind: 'streamable' | 'sse', url: URL): Promise<Client> {
	let lastError: unknown;
	const deadline = Date.now() + 30_000;
	while (Date.now() < deadline) {
		const client = new Client({ name: 'n8n-nodes-publer-e2e', version: '1.0.0' });
		try {
			await client.connect(kind === 'streamable' ? new StreamableHTTPClientTransport(url) : new SSEClientTransport(url));
			return client;
		} catch (error) {
			lastError = error; // the route goes live a second or two after n8n is ready
			await client.close().catch(() => undefined);
			await sleep(500);
		}
	}
	throw new Error(`could not connect an MCP client (${kind}) to ${url}: ${(lastError as Error)?.message}`);
}

async function main(): Promise<void> {
	const started = Date.now();
	const { tmp, userFolder, tmpDir, n8nBin: n8n, version } = await setUpCheck('publer-mcp-', timings);

	const sb = await startSandbox({});
	const account = sb.accountFor('mastodon');
	const values = { WORKSPACE_ID: sb.workspaceId, MCP_PATH };
	const credentialFile = path.join(tmp, 'credentials.json');
	fs.writeFileSync(credentialFile, JSON.stringify([{ id: 'publerSandbox1', name: 'Publer sandbox', type: 'publerApi', data: { apiKey: sb.apiKey, baseUrl: sb.baseUrl } }]));
	const workflowFile = path.join(tmp, 'mcp-server.json');
	const workflowText = materialise(fs.readFileSync(path.join(ROOT, 'e2e', 'workflows', 'mcp', 'server.json'), 'utf8'), values);
	fs.writeFileSync(workflowFile, workflowText);
	const workflowId = JSON.parse(workflowText).id as string;

	const env = await n8nEnv(userFolder, tmpDir, { N8N_COMMUNITY_PACKAGES_ALLOW_TOOL_USAGE: 'true', DB_SQLITE_POOL_SIZE: '2' });
	const origin = `http://127.0.0.1:${env.N8N_PORT}`;
	await timedStep(timings, 'import credential and MCP workflow, publish', () => {
		run(n8n, ['import:credentials', `--input=${credentialFile}`], { env });
		run(n8n, ['import:workflow', `--input=${workflowFile}`], { env });
		run(n8n, ['publish:workflow', `--id=${workflowId}`], { env });
	});
	await timedStep(timings, 'n8n start', async () => {
		const main = start('n8n main', n8n, ['start'], { env, logFile: path.join(tmp, 'n8n-main.log') });
		await main.waitFor(/Editor is now accessible/, 120_000);
	});
	const cookie = await signIn(origin);
	const types = await request('GET', `${origin}/types/nodes.json`, undefined, { Cookie: cookie });
	const names = new Set((types.json as Array<{ name: string }>).map((t) => t.name));
	assert(names.has('n8n-nodes-publer.publerTool') && names.has('@n8n/n8n-nodes-langchain.mcpTrigger'), 'n8n loaded the tool variant n8n-nodes-publer.publerTool and the MCP Server Trigger');

	const url = new URL(`${origin}/mcp/${MCP_PATH}`);
	const client = await timedStep(timings, 'MCP client connects (Streamable HTTP)', () => connect('streamable', url));
	const server = client.getServerVersion();
	assert(server?.name, `the MCP client connected over Streamable HTTP to ${url.pathname} (server "${server?.name}" ${server?.version ?? ''})`);

	const tools = await timedStep(timings, 'tools/list', async () => (await client.listTools()).tools as Tool[]);
	log(`tools: ${tools.map((t) => `${t.name}(${Object.keys(t.inputSchema.properties ?? {}).join(', ')}): ${t.description}`).join(' | ')}`);
	const byName = new Map(tools.map((t) => [t.name, t]));
	assert(tools.length === 3 && ['Create_Draft_Post', 'List_Accounts', 'Get_Best_Times'].every((n) => byName.has(n)), `tools/list lists exactly the three Publer tools (${tools.map((t) => t.name).join(', ')})`);
	const create = byName.get('Create_Draft_Post')!;
	const list = byName.get('List_Accounts')!;
	const best = byName.get('Get_Best_Times')!;
	// The tool descriptions are the node's defaults for these operations (none is set in the workflow).
	const cd = create.description ?? '';
	assert(
		/^Saves a post as a DRAFT in Publer: nothing is published or scheduled/.test(cd) &&
			/Account Names or IDs = the IDs of Publer accounts \(24 hexadecimal characters.*never account names/.test(cd) &&
			/ISO 8601 date and time with a UTC offset/.test(cd),
		`Create_Draft_Post says it saves a draft and publishes nothing, that accounts are IDs (not names) and times ISO 8601 with an offset: "${cd}"`,
	);
	const ld = list.description ?? '';
	assert(/^Read-only\./.test(ld) && /24 hexadecimal characters/.test(ld) && /account IDs/.test(ld), `List_Accounts says it is read-only and returns the account IDs other tools take: "${ld}"`);
	const bd = best.description ?? '';
	assert(
		/^Read-only\. Ranks the weekday-and-hour slots/.test(bd) && bd.includes('or "all" for every account') && bd.includes('as YYYY-MM-DD') && !/\{\{|\$today/.test(bd),
		`Get_Best_Times says it is read-only, takes an account ID or "all" and dates as YYYY-MM-DD (no n8n expressions): "${bd}"`,
	);
	const props = (t: Tool) => t.inputSchema.properties ?? {};
	assert(
		['Text', 'Account_Names_or_IDs'].every((k) => props(create)[k]?.type === 'string' && (props(create)[k]?.description ?? '').length > 10) &&
			/never account names/.test(props(create).Account_Names_or_IDs?.description ?? ''),
		`Create_Draft_Post takes Text and Account_Names_or_IDs, each with the description written into $fromAI (${JSON.stringify(props(create)).slice(0, 300)})`,
	);
	assert(
		['From', 'To', 'accountId'].every((k) => (props(best)[k]?.description ?? '').length > 5) && /YYYY-MM-DD/.test(props(best).From?.description ?? ''),
		`Get_Best_Times takes From, To and accountId, each described (${JSON.stringify(props(best)).slice(0, 300)})`,
	);

	// Calls, as an agent would make them.
	const accountsResult = await timedStep(timings, 'tools/call List_Accounts', () => client.callTool({ name: 'List_Accounts', arguments: {} }));
	const accountsText = resultText(accountsResult);
	assert(!accountsResult.isError && accountsText.includes(account.id) && /mastodon/i.test(accountsText), `List_Accounts returned the workspace's accounts (${accountsText.length} characters, the Mastodon account ${account.id} among them)`);

	const today = new Date().toISOString().slice(0, 10);
	const monthAgo = new Date(Date.now() - 30 * 86400_000).toISOString().slice(0, 10);
	const bestResult = await timedStep(timings, 'tools/call Get_Best_Times', () => client.callTool({ name: 'Get_Best_Times', arguments: { accountId: 'all', From: monthAgo, To: today } }));
	const bestText = resultText(bestResult);
	assert(!bestResult.isError && /score/i.test(bestText), `Get_Best_Times returned ranked slots (${bestText.slice(0, 160).replace(/\s+/g, ' ')})`);
	const bestRequests = sb.requests({ method: 'GET', path: /\/best_times$/ });
	assert(bestRequests.length === 1 && bestRequests[0].status === 200 && bestRequests[0].query?.from === monthAgo, `the tool call reached the sandbox as GET ${bestRequests[0]?.path} with the agent's dates (${JSON.stringify(bestRequests[0]?.query ?? {})})`);

	const text = `Drafted by an MCP client through n8n ${Date.now()}`;
	const createResult = await timedStep(timings, 'tools/call Create_Draft_Post', () => client.callTool({ name: 'Create_Draft_Post', arguments: { Text: text, Account_Names_or_IDs: account.id } }));
	const createText = resultText(createResult);
	assert(!createResult.isError && /success/i.test(createText), `Create_Draft_Post answered success (${createText.slice(0, 160).replace(/\s+/g, ' ')})`);
	const drafts = (sb.posts(sb.workspaceId) as Array<{ text: string; state: string; account_id: string }>).filter((p) => p.text === text);
	assert(drafts.length === 1 && drafts[0].state.startsWith('draft') && drafts[0].account_id === account.id, `the draft arrived in the sandbox once, as ${drafts[0]?.state} on the Mastodon account (Mode is not set in the workflow: the tool variant's default is Draft)`);
	const submit = sb.requests({ method: 'POST', path: '/posts/schedule' }).filter((r) => JSON.stringify(r.body ?? {}).includes(text));
	assert(submit.length === 1 && submit[0].body?.bulk?.state === 'draft', `one POST /posts/schedule with bulk.state "draft" (${submit[0]?.body?.bulk?.state})`);
	await client.close();

	// The same server over the older SSE transport (clients that only speak SSE).
	const sse = await timedStep(timings, 'MCP client over SSE: connect and tools/list', async () => {
		const c = await connect('sse', url);
		const names = ((await c.listTools()).tools as Tool[]).map((t) => t.name).sort();
		await c.close();
		return names;
	});
	assert(sse.join(',') === 'Create_Draft_Post,Get_Best_Times,List_Accounts', `an SSE client sees the same three tools (${sse.join(', ')})`);

	Object.assign(report, {
		n8n: version,
		tools: tools.map((t) => ({ name: t.name, description: t.description, arguments: Object.fromEntries(Object.entries(props(t)).map(([k, v]) => [k, v.description ?? ''])) })),
		draftState: drafts[0]?.state,
	});
	timings.total = Math.round((Date.now() - started) / 100) / 10;
	log(`MCP check passed in ${timings.total} s: ${JSON.stringify(timings)}`);
	await sb.close();
	await stopAll();
	fs.rmSync(tmp, { recursive: true, force: true });
}

runCheck('mcp', main, { extra: () => ({ timings, ...report }), exit: true });
