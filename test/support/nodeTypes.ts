import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeHelpers } from 'n8n-workflow';

import { Publer } from '../../nodes/Publer/Publer.node';
import { PublerTrigger } from '../../nodes/PublerTrigger/PublerTrigger.node';

/** A ten-line Manual Trigger, as n8n's own. */
class ManualTrigger implements INodeType {
	description = {
		displayName: 'Manual Trigger',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Starts the workflow',
		defaults: { name: 'When clicking ‘Execute workflow’' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	} as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

/**
 * Emits the items given in its `items` parameter (JSON, with optional `binary` given as base64), the way
 * pinned data or another service's node would feed the Publer node.
 */
class TestItems implements INodeType {
	description = {
		displayName: 'Test Items',
		name: 'testItems',
		group: ['input'],
		version: 1,
		description: 'Emits fixed items',
		defaults: { name: 'Items' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	} as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNodeParameter('items', 0) as unknown;
		const list = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<IDataObject & { binary?: IDataObject }>;
		return [
			list.map((entry, index) => {
				if (entry && typeof entry === 'object' && ('json' in entry || 'binary' in entry)) {
					return { json: (entry.json as IDataObject) ?? {}, binary: entry.binary as INodeExecutionData['binary'], pairedItem: { item: 0 }, index } as INodeExecutionData;
				}
				return { json: entry, pairedItem: { item: 0 } };
			}),
		];
	}
}

/** A pass-through node, the baseline for overhead measurements. */
class PassThrough implements INodeType {
	description = {
		displayName: 'Pass Through',
		name: 'passThrough',
		group: ['transform'],
		version: 1,
		description: 'Returns its input',
		defaults: { name: 'Pass Through' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	} as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData().map((item, i) => ({ json: item.json, pairedItem: { item: i } }))];
	}
}

/**
 * Stands in for another service's node (Slack, Google Sheets, …) in example tests: its `parameters`
 * parameter holds that node's parameters, and it outputs them resolved for each input item (expressions
 * evaluated by n8n), so a test sees the message or row the real node would send.
 */
class Capture implements INodeType {
	description = {
		displayName: 'Capture',
		name: 'capture',
		group: ['output'],
		version: 1,
		description: 'Outputs its parameters resolved per item',
		defaults: { name: 'Capture' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Parameters', name: 'parameters', type: 'json', default: {} }],
	} as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [
			this.getInputData().map((_, i) => ({
				json: this.getNodeParameter('parameters', i) as IDataObject,
				pairedItem: { item: i },
			})),
		];
	}
}

export class TestNodeTypes implements INodeTypes {
	private readonly types = new Map<string, INodeType | IVersionedNodeType>();

	constructor() {
		this.register('n8n-nodes-publer.publer', new Publer());
		this.register('n8n-nodes-publer.publerTrigger', new PublerTrigger());
		this.register('n8n-nodes-base.manualTrigger', new ManualTrigger());
		this.register('test.items', new TestItems());
		this.register('test.passThrough', new PassThrough());
		this.register('test.capture', new Capture());
	}

	register(name: string, type: INodeType | IVersionedNodeType): void {
		this.types.set(name, type);
	}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const type = this.types.get(nodeType);
		if (!type) throw new Error(`Unknown node type in test harness: ${nodeType}`);
		return type;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes() {
		return {};
	}
}
