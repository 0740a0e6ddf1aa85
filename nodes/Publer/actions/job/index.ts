import type { INodeProperties } from 'n8n-workflow';

import type { PublerResource } from '../types';
import * as get from './get.operation';
import * as wait from './wait.operation';

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['job'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get the status of a job (normalised: working, complete or failed, with failures)',
				action: 'Get a job',
			},
			{
				name: 'Wait for Completion',
				value: 'wait',
				description: 'Wait until a job is done and return its result',
				action: 'Wait for a job to complete',
			},
		],
		default: 'get',
	},
	...get.description,
	...wait.description,
];

export const job: PublerResource = { description, operations: { get, wait } };
