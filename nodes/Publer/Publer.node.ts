import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { nodeProperties } from './actions';
import { router } from './actions/router';
import { toolDescriptionFields } from './actions/toolDescription';
import { listSearch, loadOptions } from './methods';

export class Publer implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Publer',
		name: 'publer',
		icon: { light: 'file:../../icons/publer.svg', dark: 'file:../../icons/publer.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Publish, schedule and analyse social media posts on 13 networks with Publer',
		defaults: { name: 'Publer' },
		// As an AI tool, the node's own per-operation "Description" (toolDescription) is what agents are told.
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'publerApi', required: true }],
		properties: [...toolDescriptionFields(), ...nodeProperties],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
