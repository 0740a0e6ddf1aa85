import type { INodeProperties } from 'n8n-workflow';

import type { PublerResource } from '../types';
import * as getMany from './getMany.operation';
import * as getMediaOptions from './getMediaOptions.operation';
import * as getSignatures from './getSignatures.operation';

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
			{
				name: 'Get Media Options',
				value: 'getMediaOptions',
				description:
					'Read-only. For chosen accounts, list the Facebook albums / Pinterest boards (album_id) and the watermarks usable in Post → Create.',
				action: 'Get media options of accounts',
			},
			{
				name: 'Get Signatures',
				value: 'getSignatures',
				description:
					'Read-only. For chosen accounts, list the saved signatures (IDs usable as a post’s signature in Post → Create).',
				action: 'Get signatures of accounts',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
	...getMediaOptions.description,
	...getSignatures.description,
];

export const workspace: PublerResource = { description, operations: { getMany, getMediaOptions, getSignatures } };
