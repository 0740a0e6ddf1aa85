import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';

import { commonPollingParameters } from 'n8n-core/dist/nodes-loader/constants';
import type {
	IConnections,
	IDataObject,
	INode,
	INodeParameters,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { runWorkflow, type PublerCredentials, type WorkflowResult } from './run';

/** The folder of the importable example workflows. */
export const EXAMPLES_DIR = join(__dirname, '..', '..', 'examples');

export interface ExampleWorkflow {
	name: string;
	nodes: INode[];
	connections: IConnections;
	settings: IDataObject;
	pinData: IDataObject;
	[key: string]: unknown;
}

export function exampleFiles(): string[] {
	return readdirSync(EXAMPLES_DIR)
		.filter((f) => f.endsWith('.json'))
		.sort();
}

export function loadExample(file: string): ExampleWorkflow {
	return JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as ExampleWorkflow;
}

export const isPublerType = (type: string) => type.startsWith('n8n-nodes-publer.');

// ------------------------------------------------------------------------------------------------
// Parameter checker: are a node's parameters names (and option values) its type's description defines,
// shown for the node's other settings (resource, operation, mode, event …)?
// ------------------------------------------------------------------------------------------------

const isExpression = (v: unknown) => typeof v === 'string' && v.startsWith('=');

function optionValues(prop: INodeProperties): unknown[] | undefined {
	if (prop.typeOptions?.loadOptionsMethod || prop.typeOptions?.loadOptions) return undefined;
	if (!Array.isArray(prop.options)) return undefined;
	return (prop.options as INodePropertyOptions[]).map((o) => o.value);
}

/** The properties n8n shows for a node of this description (polling nodes get n8n's Poll Times, as its loader adds). */
export function effectiveProperties(description: INodeTypeDescription): INodeProperties[] {
	const own = description.properties;
	if (description.polling && !own.some((p) => p.name === 'pollTimes')) return [...commonPollingParameters, ...own];
	return own;
}

interface CheckContext {
	root: INodeParameters;
	node: Pick<INode, 'typeVersion'>;
	description: INodeTypeDescription;
	problems: string[];
}

function shown(ctx: CheckContext, prop: INodeProperties | INodePropertyCollection, parentPath: string): boolean {
	if (!('displayOptions' in prop) || !prop.displayOptions) return true;
	if (parentPath === '') return NodeHelpers.displayParameter(ctx.root, prop as INodeProperties, ctx.node, ctx.description);
	return NodeHelpers.displayParameterPath(ctx.root, prop as INodeProperties, parentPath, ctx.node, ctx.description);
}

function checkValue(ctx: CheckContext, prop: INodeProperties, value: unknown, path: string): void {
	if (isExpression(value)) {
		if (prop.noDataExpression) ctx.problems.push(`${path}: "${prop.displayName}" does not take an expression`);
		return;
	}
	switch (prop.type) {
		case 'options': {
			const values = optionValues(prop);
			if (values && !values.includes(value as string)) {
				ctx.problems.push(`${path}: "${String(value)}" is not an option of "${prop.displayName}" (${values.join(', ')})`);
			}
			return;
		}
		case 'multiOptions': {
			if (!Array.isArray(value)) {
				ctx.problems.push(`${path}: "${prop.displayName}" takes a list`);
				return;
			}
			const values = optionValues(prop);
			for (const v of value) {
				if (values && !isExpression(v) && !values.includes(v)) {
					ctx.problems.push(`${path}: "${String(v)}" is not an option of "${prop.displayName}" (${values.join(', ')})`);
				}
			}
			return;
		}
		case 'boolean':
			if (typeof value !== 'boolean') ctx.problems.push(`${path}: "${prop.displayName}" takes true or false`);
			return;
		case 'number':
			if (typeof value !== 'number') ctx.problems.push(`${path}: "${prop.displayName}" takes a number`);
			return;
		case 'resourceLocator': {
			const rl = value as IDataObject;
			if (!rl || typeof rl !== 'object' || rl.__rl !== true) {
				ctx.problems.push(`${path}: "${prop.displayName}" takes a resource locator {__rl: true, mode, value}`);
				return;
			}
			const modes = (prop.modes ?? []).map((m) => m.name);
			if (modes.length && !modes.includes(String(rl.mode))) ctx.problems.push(`${path}: mode "${String(rl.mode)}" is not one of ${modes.join(', ')}`);
			return;
		}
		case 'collection': {
			if (!value || typeof value !== 'object' || Array.isArray(value)) {
				ctx.problems.push(`${path}: "${prop.displayName}" takes an object`);
				return;
			}
			const options = (prop.options ?? []) as INodeProperties[];
			for (const [key, inner] of Object.entries(value as IDataObject)) {
				const candidates = options.filter((o) => o.name === key);
				if (!candidates.length) {
					ctx.problems.push(`${path}.${key}: "${prop.displayName}" has no option "${key}" (it has ${options.map((o) => o.name).join(', ')})`);
					continue;
				}
				const visible = candidates.filter((o) => shown(ctx, o, path));
				if (!visible.length) {
					ctx.problems.push(`${path}.${key}: "${candidates[0].displayName}" is not shown for these settings`);
					continue;
				}
				checkValue(ctx, visible[0], inner, `${path}.${key}`);
			}
			return;
		}
		case 'fixedCollection': {
			if (!value || typeof value !== 'object' || Array.isArray(value)) {
				ctx.problems.push(`${path}: "${prop.displayName}" takes an object`);
				return;
			}
			const groups = (prop.options ?? []) as INodePropertyCollection[];
			const multiple = prop.typeOptions?.multipleValues === true;
			for (const [key, inner] of Object.entries(value as IDataObject)) {
				const group = groups.find((g) => g.name === key);
				if (!group) {
					ctx.problems.push(`${path}.${key}: "${prop.displayName}" has no group "${key}" (it has ${groups.map((g) => g.name).join(', ')})`);
					continue;
				}
				if (multiple !== Array.isArray(inner)) {
					ctx.problems.push(`${path}.${key}: "${prop.displayName}" takes ${multiple ? 'a list of entries' : 'one entry (an object)'}`);
					continue;
				}
				const entries = (multiple ? inner : [inner]) as IDataObject[];
				entries.forEach((entry, i) => {
					const entryPath = multiple ? `${path}.${key}[${i}]` : `${path}.${key}`;
					if (!entry || typeof entry !== 'object') {
						ctx.problems.push(`${entryPath}: takes an object`);
						return;
					}
					for (const [field, fieldValue] of Object.entries(entry)) {
						const candidates = group.values.filter((v) => v.name === field);
						if (!candidates.length) {
							ctx.problems.push(`${entryPath}.${field}: "${group.displayName}" has no field "${field}" (it has ${group.values.map((v) => v.name).join(', ')})`);
							continue;
						}
						const visible = candidates.filter((v) => shown(ctx, v, entryPath));
						checkValue(ctx, visible[0] ?? candidates[0], fieldValue, `${entryPath}.${field}`);
					}
				});
			}
			return;
		}
		default:
			return;
	}
}

/**
 * Problems with a node's parameters against its type's description: unknown names (also inside collections
 * and fixed collections), parameters hidden for the node's settings (e.g. a Post → Create field on Get Many),
 * option values the field does not offer, wrong value kinds, and required parameters left empty (n8n's own
 * `getNodeParametersIssues`). An empty list means n8n shows every given parameter as it is.
 */
export function checkNodeParameters(description: INodeTypeDescription, node: Pick<INode, 'parameters' | 'typeVersion' | 'name' | 'type'>): string[] {
	const properties = effectiveProperties(description);
	// What n8n makes of the parameters: defaults filled in, unknown and hidden ones left out. Display
	// conditions are read on it (a resource or operation left at its default is not in the file).
	const full = NodeHelpers.getNodeParameters(properties, node.parameters, true, false, node, description) ?? {};
	const ctx: CheckContext = { root: { ...full, ...node.parameters }, node, description, problems: [] };
	for (const [key, value] of Object.entries(node.parameters)) {
		const candidates = properties.filter((p) => p.name === key);
		if (!candidates.length) {
			ctx.problems.push(`${key}: ${description.displayName} has no parameter "${key}"`);
			continue;
		}
		const visible = candidates.filter((p) => shown(ctx, p, ''));
		if (!visible.length) {
			ctx.problems.push(`${key}: "${candidates[0].displayName}" is not shown for these settings`);
			continue;
		}
		checkValue(ctx, visible[0], value, key);
	}
	for (const key of Object.keys(node.parameters)) {
		if (!(key in full) && !ctx.problems.some((p) => p.startsWith(`${key}:`))) ctx.problems.push(`${key}: n8n drops this parameter`);
	}
	// The issues n8n's editor would flag (required parameters left empty, …).
	const issues = NodeHelpers.getNodeParametersIssues(properties, { ...node, parameters: full } as INode, description);
	for (const [name, messages] of Object.entries(issues?.parameters ?? {})) {
		ctx.problems.push(`${name}: ${messages.join('; ')}`);
	}
	return ctx.problems;
}

// ------------------------------------------------------------------------------------------------
// Running an example: the other services' nodes are replaced in the test (never in the file).
// ------------------------------------------------------------------------------------------------

export interface ExampleRun {
	example: ExampleWorkflow;
	/** Node name → the items that node emits in the test (a trigger's sample output, pinned data). */
	pinned: Record<string, IDataObject[]>;
	/** Nodes of other services (Slack, Google Sheets, …) replaced by `test.capture`: each outputs its parameters resolved per item. */
	capture?: string[];
	/** The node the run starts from (a pinned trigger). */
	startNode: string;
	credentials: PublerCredentials;
	timezone?: string;
}

/** The example's nodes for the in-process engine: Publer nodes as they are, the others pinned or captured, notes dropped. */
export function exampleForTest(spec: Omit<ExampleRun, 'credentials' | 'startNode'>): { nodes: INode[]; connections: IConnections } {
	const capture = new Set(spec.capture ?? []);
	const nodes: INode[] = [];
	for (const node of spec.example.nodes) {
		if (node.type === 'n8n-nodes-base.stickyNote') continue;
		const base = { id: node.id, name: node.name, position: node.position, typeVersion: 1 };
		if (spec.pinned[node.name]) {
			nodes.push({ ...base, type: 'test.items', parameters: { items: JSON.stringify(spec.pinned[node.name]) } });
		} else if (capture.has(node.name)) {
			nodes.push({ ...base, type: 'test.capture', parameters: { parameters: node.parameters as IDataObject } as INodeParameters });
		} else if (isPublerType(node.type) && node.type !== 'n8n-nodes-publer.publerTrigger') {
			nodes.push(JSON.parse(JSON.stringify(node)) as INode);
		} else {
			throw new Error(`Example node "${node.name}" (${node.type}) must be pinned or captured in the test`);
		}
	}
	return { nodes, connections: spec.example.connections };
}

/** Runs an example through n8n-core's WorkflowExecute from its (pinned) start node. */
export async function runExample(spec: ExampleRun): Promise<WorkflowResult> {
	const { nodes, connections } = exampleForTest(spec);
	const start = nodes.find((n) => n.name === spec.startNode);
	if (!start) throw new Error(`Start node "${spec.startNode}" not found`);
	return await runWorkflow({
		nodes,
		connections,
		startNode: spec.startNode,
		startItems: [{ json: {} }],
		credentials: spec.credentials,
		settings: spec.example.settings,
		timezone: spec.timezone,
	});
}
