import type { INodeProperties } from 'n8n-workflow';

import type { PublerResource } from '../types';
import * as getMany from './getMany.operation';

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List the social accounts connected to a workspace',
				action: 'Get many accounts',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
];

export const account: PublerResource = { description, operations: { getMany } };
