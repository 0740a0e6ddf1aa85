import type { INodeProperties } from 'n8n-workflow';

import type { PublerResource } from '../types';
import * as getMe from './getMe.operation';

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{
				name: 'Get Me',
				value: 'getMe',
				description: 'Get the Publer user who owns the API key',
				action: 'Get the current user',
			},
		],
		default: 'getMe',
	},
	...getMe.description,
];

export const user: PublerResource = { description, operations: { getMe } };
