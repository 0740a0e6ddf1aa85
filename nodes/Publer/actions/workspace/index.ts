import type { INodeProperties } from 'n8n-workflow';

import type { PublerResource } from '../types';
import * as getMany from './getMany.operation';

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['workspace'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List the workspaces the API key can reach, with owner, members and plan',
				action: 'Get many workspaces',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
];

export const workspace: PublerResource = { description, operations: { getMany } };
