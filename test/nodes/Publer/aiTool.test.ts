import { createNodeAsTool } from 'n8n-core/dist/execution-engine/node-execution-context/utils/create-node-as-tool';
import type { INode, INodeParameters, INodeProperties, INodePropertyOptions, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { Workflow, deepCopy } from 'n8n-workflow';

import { resources } from '../../../nodes/Publer/actions';
import { MODE_OPTIONS } from '../../../nodes/Publer/actions/post/create/fields/mode';
import { Publer } from '../../../nodes/Publer/Publer.node';
import { TestNodeTypes } from '../../support/nodeTypes';

/*
 * What an AI agent (or MCP client) sees of the node: the tool n8n builds from it. The node type is wrapped as
 * n8n 2.8.4's `convertNodeToAiTool` (packages/cli/src/tool-generation/ai-tools.ts) does at run time: name + "Tool",
 * and its "Tool Description" fields (descriptionType auto/manual + toolDescription) added only when the node
 * has no `toolDescription` property of its own. The tool itself is made by n8n-core's `createNodeAsTool`, which
 * reads the description with `NodeHelpers.getToolDescriptionForNode` and the arguments from `$fromAI()`.
 */
function asToolType(base: INodeType): INodeType {
	const description = deepCopy(base.description) as INodeTypeDescription;
	description.name += 'Tool';
	description.displayName += ' Tool';
	delete description.usableAsTool;
	if (!description.properties.some((p) => p.name === 'toolDescription')) {
		description.properties.unshift(
			{ displayName: 'Tool Description', name: 'descriptionType', type: 'options', noDataExpression: true, default: 'auto', options: [{ name: 'Set Automatically', value: 'auto' }, { name: 'Set Manually', value: 'manual' }] },
			{ displayName: 'Description', name: 'toolDescription', type: 'string', default: description.description, displayOptions: { show: { descriptionType: ['manual'] } } },
		);
	}
	return Object.assign(Object.create(base) as INodeType, { description });
}

const publer = new Publer();
const toolType = asToolType(publer);
const nodeTypes = new TestNodeTypes();
nodeTypes.register('n8n-nodes-publer.publerTool', toolType);

/** The tool an agent gets for one Publer tool node with these parameters (defaults filled in as n8n does). */
function buildTool(name: string, parameters: INodeParameters, type: INodeType = toolType) {
	const node: INode = { id: 't1', name, type: 'n8n-nodes-publer.publerTool', typeVersion: 1, position: [0, 0], parameters };
	const local = new TestNodeTypes();
	local.register('n8n-nodes-publer.publerTool', type);
	const workflow = new Workflow({ id: 'w1', nodes: [node], connections: {}, active: false, nodeTypes: local, settings: {} });
	// The tool's zod schema type is too deep for TypeScript to instantiate here; only its shape is read.
	const tool = (createNodeAsTool as unknown as (options: unknown) => { response: { name: string; description: string; schema: unknown } })({
		node: workflow.getNode(name)!,
		nodeType: type,
		handleToolInvocation: async () => '',
	}).response;
	const shape = (tool.schema as { shape: Record<string, { description?: string }> }).shape;
	return { name: tool.name, description: tool.description, args: Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, v.description ?? ''])) };
}

const operationSelectors = publer.description.properties.filter((p) => p.name === 'operation') as INodeProperties[];
const resourceOf = (p: INodeProperties) => String(p.displayOptions?.show?.resource?.[0]);
const allOperations = operationSelectors.flatMap((s) => (s.options as INodePropertyOptions[]).map((o) => ({ resource: resourceOf(s), operation: String(o.value), action: String(o.action) })));

/** The $fromAI text the editor writes for "Let the model define this parameter": key from the display name, empty description. */
const editorFromAI = (key: string, type = 'string') => `={{ /*n8n-auto-generated-fromAI-override*/ $fromAI('${key}', \`\`, '${type}') }}`;

describe('the Publer node as an AI-agent tool, as agents see it', () => {
	it('is usable as a tool, with one operation selector per resource listing every implemented operation', () => {
		expect(publer.description.usableAsTool).toBe(true);
		expect(operationSelectors.map(resourceOf).sort()).toEqual(Object.keys(resources).sort());
		for (const selector of operationSelectors) {
			const values = (selector.options as INodePropertyOptions[]).map((o) => String(o.value)).sort();
			expect(values).toEqual(Object.keys(resources[resourceOf(selector)].operations).sort());
		}
	});

	it('without the node’s own descriptions n8n would tell the agent only "{action} in Publer" (the baseline this fixes)', () => {
		const bare = new Publer();
		bare.description = { ...bare.description, properties: bare.description.properties.filter((p) => p.name !== 'toolDescription') };
		const tool = buildTool('Get Best Times', { resource: 'analytics', operation: 'getBestTimes' }, asToolType(bare));
		expect(tool.description).toBe('Get best times to post in Publer');
	});

	it('tells the agent, for every operation, what it does, whether it changes anything, and in detail (not just the action)', () => {
		const problems: string[] = [];
		for (const { resource, operation, action } of allOperations) {
			const { description } = buildTool('Publer', { resource, operation });
			const where = `${resource} → ${operation}`;
			if (description === `${action} in Publer` || description.length < 80) problems.push(`${where}: "${description}"`);
			const readOnly = /^Read-only\./.test(description);
			const writes = /\b(Saves|SCHEDULES|PUBLISHES|Creates|DELETES|CHANGES|Queues)\b/.test(description);
			if (readOnly === writes) problems.push(`${where}: says neither (or both) read-only and what it changes: "${description}"`);
		}
		expect(problems).toEqual([]);
	});

	it('Post → Create: a draft by default for tools, and the text follows the Mode the user picks', () => {
		const draft = buildTool('Create Draft Post', { resource: 'post', operation: 'create' });
		expect(draft.description).toMatch(/^Saves a post as a DRAFT in Publer: nothing is published or scheduled/);
		expect(draft.description).toMatch(/Account Names or IDs = the IDs of Publer accounts \(24 hexadecimal characters.*never account names/);
		expect(draft.description).toMatch(/ISO 8601 date and time with a UTC offset, e\.g\. 2026-06-01T09:30:00\+02:00/);
		const byMode = Object.fromEntries(MODE_OPTIONS.map((o) => [o.value, buildTool('Post', { resource: 'post', operation: 'create', mode: o.value }).description]));
		expect(byMode.draft).toBe(draft.description);
		expect(byMode.publishNow).toMatch(/^PUBLISHES a post publicly at once/);
		expect(byMode.schedule).toMatch(/^SCHEDULES a post.*at least 1 minute ahead/);
		expect(byMode.auto).toMatch(/AUTO-SCHEDULING.*YYYY-MM-DD/);
		expect(byMode.recurring).toMatch(/RECURRING/);
		expect(byMode.recycling).toMatch(/RECYCLED/);
		expect(byMode.idea).toMatch(/IDEA.*nothing is published/);
		// Mode left to the agent: the description warns that it may publish.
		const open = buildTool('Post', { resource: 'post', operation: 'create', mode: editorFromAI('Mode') });
		expect(open.description).toMatch(/The workflow's Mode decides what happens.*publishes publicly/);
		expect(open.args).toEqual({ Mode: '' });
	});

	it('analytics: account IDs or "all", dates as YYYY-MM-DD; Best Times as helper E saw it in the MCP client', () => {
		const best = buildTool('Get Best Times', {
			resource: 'analytics',
			operation: 'getBestTimes',
			account: editorFromAI('Account_Name_or_ID'),
			from: editorFromAI('From'),
			to: editorFromAI('To'),
		});
		expect(best.name).toBe('Get_Best_Times');
		expect(best.description).toMatch(/^Read-only\. Ranks the weekday-and-hour slots/);
		expect(best.description).toContain('Account Name or ID = one Publer account ID (the "id" field of Account → Get Many), or "all" for every account');
		expect(best.description).toContain('From and To = the first and last day of the period, inclusive, as YYYY-MM-DD');
		expect(best.description).not.toMatch(/\{\{|\$today/);
		// The arguments carry no description of their own (the editor writes none): the tool description explains them.
		expect(best.args).toEqual({ Account_Name_or_ID: '', From: '', To: '' });
		const competitors = buildTool('C', { resource: 'analytics', operation: 'getCompetitorAnalytics' });
		expect(competitors.description).toContain('"all" is not accepted');
	});

	it('passes the descriptions a user writes into $fromAI to the agent as argument descriptions', () => {
		const tool = buildTool('Create Draft Post', {
			resource: 'post',
			operation: 'create',
			accounts: "={{ $fromAI('accountIds', 'Comma-separated Publer account IDs from List Accounts', 'string') }}",
			text: "={{ $fromAI('text', 'The full text of the post', 'string') }}",
		});
		expect(tool.args).toEqual({ accountIds: 'Comma-separated Publer account IDs from List Accounts', text: 'The full text of the post' });
	});

	it('a description the user edits (or one saved with n8n’s "Set Manually") is what the agent gets', () => {
		const custom = 'Drafts a post for the marketing team.';
		expect(buildTool('P', { resource: 'post', operation: 'create', toolDescription: custom }).description).toBe(custom);
		expect(buildTool('P', { resource: 'post', operation: 'create', descriptionType: 'manual', toolDescription: custom }).description).toBe(custom);
	});

	it('keeps the Description field out of the regular node, and shows exactly one per operation in the tool', () => {
		const asNode = new Workflow({
			id: 'w2',
			nodes: [{ id: 'n', name: 'Publer', type: 'n8n-nodes-publer.publer', typeVersion: 1, position: [0, 0], parameters: { resource: 'post', operation: 'create' } }],
			connections: {},
			active: false,
			nodeTypes,
			settings: {},
		});
		expect(asNode.getNode('Publer')!.parameters.toolDescription).toBeUndefined();
		const fields = toolType.description.properties.filter((p) => p.name === 'toolDescription');
		expect(fields.every((f) => f.displayOptions?.show?.['@tool']?.[0] === true)).toBe(true);
		// n8n added no "Tool Description" (auto/manual) selector of its own.
		expect(toolType.description.properties.some((p) => p.name === 'descriptionType')).toBe(false);
	});

	it('says that Media → Upload needs binary input the agent cannot give', () => {
		expect(buildTool('U', { resource: 'media', operation: 'upload' }).description).toMatch(/binary data.*An agent cannot pass a file, URL or text/);
	});
});
