import type { INodeProperties } from 'n8n-workflow';

import type { PublerResource } from '../types';
import * as getMany from './getMany.operation';
import * as importFromUrl from './importFromUrl.operation';
import * as upload from './upload.operation';

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['media'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				description:
					'List media in the workspace’s library (read-only), filtered by type, usage, source, label or search text. Returns media IDs to use in posts.',
				action: 'Get many media',
			},
			{
				name: 'Import From URL',
				value: 'importFromUrl',
				description:
					'Have Publer download files from public URLs into the workspace (creates media). Waits for the import and returns one item per media with its ID for Post → Create.',
				action: 'Import media from URL',
			},
			{
				name: 'Upload',
				value: 'upload',
				description:
					'Upload a file from a binary input field of the incoming item (needs binary data; cannot take a URL or text) to Publer, creating a media object. Returns its ID for Post → Create. Max 200 MB.',
				action: 'Upload media',
			},
		],
		default: 'upload',
	},
	...getMany.description,
	...importFromUrl.description,
	...upload.description,
];

export const media: PublerResource = { description, operations: { getMany, importFromUrl, upload } };
