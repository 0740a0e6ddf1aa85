import type { INodeProperties } from 'n8n-workflow';

import type { PublerResource } from '../types';
import * as create from './create/create.operation';
import * as deletePosts from './delete.operation';
import * as getLinkPreview from './getLinkPreview.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['post'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Publish, schedule, draft, auto-schedule, recur or recycle posts; many items become one bulk request',
				action: 'Create a post',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete one or many posts',
				action: 'Delete posts',
			},
			{
				name: 'Get Link Preview',
				value: 'getLinkPreview',
				description: 'Fetch the title, description and images of a URL for a link post',
				action: 'Get a link preview',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List posts with filters',
				action: 'Get many posts',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change the text and title of a post',
				action: 'Update a post',
			},
		],
		default: 'create',
	},
	...create.description,
	...deletePosts.description,
	...getLinkPreview.description,
	...getMany.description,
	...update.description,
];

export const post: PublerResource = {
	description,
	operations: { create, delete: deletePosts, getLinkPreview, getMany, update },
};
