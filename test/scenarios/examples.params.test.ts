import type { INode, INodeTypeDescription } from 'n8n-workflow';

import { Publer } from '../../nodes/Publer/Publer.node';
import { PublerTrigger } from '../../nodes/PublerTrigger/PublerTrigger.node';
import { startSandbox } from '../../sandbox';
import { checkNodeParameters, exampleFiles, isPublerType, loadExample, shutdownN8nCore } from '../support';

const publer = new Publer().description;
const trigger = new PublerTrigger().description;
const descriptionOf = (type: string): INodeTypeDescription => (type === 'n8n-nodes-publer.publerTrigger' ? trigger : publer);

/**
 * The other services' node types the examples use, with the typeVersion and credential type of n8n 2.8.x.
 * Their parameters are checked against the installed n8n-nodes-base in the installed-n8n check (e2e/), which
 * can reuse `checkNodeParameters` from test/support/examples.ts.
 */
const OTHER_TYPES: Record<string, { version: number; credentials: string[] }> = {
	'n8n-nodes-base.googleSheets': { version: 4.7, credentials: ['googleSheetsOAuth2Api'] },
	'n8n-nodes-base.rssFeedReadTrigger': { version: 1, credentials: [] },
	'n8n-nodes-base.scheduleTrigger': { version: 1.3, credentials: [] },
	'n8n-nodes-base.shopifyTrigger': { version: 1, credentials: ['shopifyAccessTokenApi'] },
	'n8n-nodes-base.slack': { version: 2.4, credentials: ['slackApi'] },
	'n8n-nodes-base.stickyNote': { version: 1, credentials: [] },
};

const EXPECTED_FILES = [
	'analytics-dashboard-feed.json',
	'blog-to-social.json',
	'daily-team-briefing.json',
	'engagement-booster.json',
	'failure-alert.json',
	'shopify-product-launch.json',
];

afterAll(() => shutdownN8nCore());

describe('Example workflows: importable files', () => {
	it('the six examples are there', () => {
		expect(exampleFiles()).toEqual(EXPECTED_FILES);
	});

	describe.each(EXPECTED_FILES)('%s', (file) => {
		const example = loadExample(file);

		it('has the fields n8n imports, unique node names and ids, and connections between existing nodes', () => {
			expect(typeof example.name).toBe('string');
			expect(example.name.length).toBeGreaterThan(0);
			expect(Array.isArray(example.nodes)).toBe(true);
			expect(example.settings).toMatchObject({ executionOrder: 'v1' });
			expect(example.pinData).toEqual({});
			const names = example.nodes.map((n) => n.name);
			expect(new Set(names).size).toBe(names.length);
			expect(new Set(example.nodes.map((n) => n.id)).size).toBe(names.length);
			for (const n of example.nodes) {
				expect(n.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
				expect(n.position).toEqual([expect.any(Number), expect.any(Number)]);
			}
			for (const [from, outputs] of Object.entries(example.connections)) {
				expect(names).toContain(from);
				for (const output of outputs.main ?? []) for (const c of output ?? []) expect(names).toContain(c.node);
			}
			// Every node but the notes is connected.
			const connected = new Set([...Object.keys(example.connections), ...Object.values(example.connections).flatMap((o) => (o.main ?? []).flat().map((c) => c!.node))]);
			for (const n of example.nodes) if (n.type !== 'n8n-nodes-base.stickyNote') expect(connected).toContain(n.name);
			expect(example.nodes.some((n) => n.type === 'n8n-nodes-base.stickyNote')).toBe(true);
		});

		it('uses only known node types and versions, with placeholder credential references and no secrets', () => {
			for (const n of example.nodes as INode[]) {
				const creds = Object.entries(n.credentials ?? {});
				for (const [, ref] of creds) {
					expect(Object.keys(ref as object).sort()).toEqual(['id', 'name']);
				}
				if (isPublerType(n.type)) {
					expect(['n8n-nodes-publer.publer', 'n8n-nodes-publer.publerTrigger']).toContain(n.type);
					expect(n.typeVersion).toBe(1);
					expect(n.credentials).toEqual({ publerApi: { id: expect.any(String), name: 'Publer account' } });
				} else {
					const known = OTHER_TYPES[n.type];
					expect(known).toBeDefined();
					expect(n.typeVersion).toBe(known.version);
					expect(creds.map(([type]) => type)).toEqual(known.credentials);
				}
			}
			const text = JSON.stringify(example);
			expect(text).not.toMatch(/apiKey|accessToken"\s*:|password|Bearer/i);
		});

		it('every Publer node’s parameters are ones the node defines for its resource/operation (or trigger event)', () => {
			const publerNodes = example.nodes.filter((n) => isPublerType(n.type));
			expect(publerNodes.length).toBeGreaterThan(0);
			for (const n of publerNodes) {
				expect({ node: n.name, problems: checkNodeParameters(descriptionOf(n.type), n) }).toEqual({ node: n.name, problems: [] });
			}
		});
	});

	it('the examples point at the sandbox’s workspace and accounts, so they run as they are against `npm run sandbox`', async () => {
		const sb = await startSandbox({ rateLimit: false });
		try {
			const accountIds = new Set(sb.accounts(sb.workspaceId).map((a) => a.id));
			for (const file of EXPECTED_FILES) {
				for (const n of loadExample(file).nodes.filter((x) => isPublerType(x.type))) {
					expect(n.parameters.workspace).toEqual({ __rl: true, mode: 'list', value: sb.workspaceId, cachedResultName: 'Sandbox Bakery' });
					const p = n.parameters as Record<string, any>;
					const ids = [...(p.accounts ?? []), ...(p.filters?.accountIds ?? []), ...(p.extras?.autoShareAccounts ?? [])] as string[];
					for (const id of ids) expect(accountIds).toContain(id);
				}
			}
		} finally {
			await sb.close();
		}
	});
});

describe('The parameter checker catches mistakes', () => {
	const example = loadExample('blog-to-social.json');
	const base = example.nodes.find((n) => n.name === 'Auto-Schedule Posts')!;
	const withParams = (change: (p: Record<string, any>) => void): INode => {
		const node = JSON.parse(JSON.stringify(base)) as INode;
		change(node.parameters as Record<string, any>);
		return node;
	};
	const problems = (node: INode) => checkNodeParameters(publer, node);

	it('accepts the example as it is', () => {
		expect(problems(base)).toEqual([]);
	});

	it.each([
		['a misspelt parameter', (p: Record<string, any>) => ((p.autoEndd = p.autoEnd), delete p.autoEnd), /autoEndd: Publer has no parameter "autoEndd"/],
		['a misspelt collection option', (p: Record<string, any>) => (p.extras.firstComent = 'Link in bio'), /extras\.firstComent: "Extras" has no option "firstComent"/],
		['a misspelt field in a network override', (p: Record<string, any>) => (p.networkOverrides = { twitter: { txt: 'x' } }), /networkOverrides\.twitter\.txt: "X \(Twitter\)" has no field "txt"/],
		['an unknown network override', (p: Record<string, any>) => (p.networkOverrides = { myspace: { text: 'x' } }), /networkOverrides\.myspace: "Network Overrides" has no group "myspace"/],
		['a field of another mode', (p: Record<string, any>) => (p.scheduledAt = '2030-01-01T09:00:00'), /scheduledAt: "Scheduled At" is not shown for these settings/],
		['a field of another operation', (p: Record<string, any>) => (p.returnAll = true), /returnAll: "Return All" is not shown for these settings/],
		['an option value the field does not offer', (p: Record<string, any>) => (p.mode = 'autoSchedule'), /mode: "autoSchedule" is not an option of "Mode"/],
		['an operation of another resource', (p: Record<string, any>) => (p.operation = 'importFromUrl'), /is not shown for these settings/],
		['a wrong value kind', (p: Record<string, any>) => (p.shareNext = 'yes'), /shareNext: "Share Next" takes true or false/],
		['a missing required parameter', (p: Record<string, any>) => (p.accounts = []), /accounts: Parameter "Account Names or IDs" is required/],
	])('%s', (_, change, message) => {
		const found = problems(withParams(change));
		expect(found.join('\n')).toMatch(message);
	});

	it('a misspelt trigger parameter and a state the trigger does not know', () => {
		const alert = loadExample('failure-alert.json').nodes.find((n) => n.name === 'Account Needs Reconnection')!;
		expect(checkNodeParameters(trigger, alert)).toEqual([]);
		const wrong = JSON.parse(JSON.stringify(alert)) as INode;
		wrong.parameters.treshold = 5;
		(wrong.parameters.states as string[]).push('scheduled_reconnect');
		const found = checkNodeParameters(trigger, wrong).join('\n');
		expect(found).toMatch(/treshold: Publer Trigger has no parameter "treshold"/);
		expect(found).toMatch(/"scheduled_reconnect" is not an option of "States"/);
		const poll = JSON.parse(JSON.stringify(alert)) as INode;
		(poll.parameters.pollTimes as any).item[0].mode = 'everyFortnight';
		expect(checkNodeParameters(trigger, poll).join('\n')).toMatch(/pollTimes\.item\[0\]\.mode: "everyFortnight" is not an option/);
	});
});
