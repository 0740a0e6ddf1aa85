import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { publerApiRequestAllItems } from '../../../shared/transport';
import { getLimit, getMaxRateLimitWaitMs, getWorkspaceId, rateLimitOptions, returnAllOrLimit, workspaceLocator } from '../../../shared/descriptions';
import { toStringList } from '../../../shared/values';

const show = { resource: ['media'], operation: ['getMany'] };

export const MEDIA_SOURCES = ['canva', 'contentdrips', 'favorites', 'openai', 'postnitro', 'upload', 'vista'];

const properties: INodeProperties[] = [
	workspaceLocator,
	{
		displayName: 'Types',
		name: 'types',
		type: 'multiOptions',
		required: true,
		options: [
			{ name: 'GIF', value: 'gif' },
			{ name: 'Photo', value: 'photo' },
			{ name: 'Video', value: 'video' },
		],
		default: ['photo', 'video', 'gif'],
		description: 'Kinds of media to return (Publer requires at least one)',
	},
	{
		displayName: 'Usage',
		name: 'used',
		type: 'multiOptions',
		required: true,
		options: [
			{ name: 'Not Used in a Post', value: 'false' },
			{ name: 'Used in a Post', value: 'true' },
		],
		default: ['true', 'false'],
		description: 'Whether to return media already used in a post, not yet used, or both (Publer requires at least one)',
	},
	...returnAllOrLimit({}),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Label IDs',
				name: 'labels',
				type: 'string',
				default: '',
				placeholder: 'e.g. 6813892b5ec8b1e65235ae9e',
				description: 'Return media with any of these label IDs (comma-separated)',
			},
			{
				displayName: 'Media IDs',
				name: 'ids',
				type: 'string',
				default: '',
				placeholder: 'e.g. 6813892b5ec8b1e65235ae9e, 6813892b5ec8b1e65235ae9f',
				description: 'Return exactly these media (comma-separated IDs). Publer then ignores the other filters and paging.',
			},
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				placeholder: 'e.g. sunset',
				description: 'Return media whose name or caption contains this text',
			},
			{
				displayName: 'Sources',
				name: 'source',
				type: 'multiOptions',
				options: [
					{ name: 'Canva', value: 'canva' },
					{ name: 'Contentdrips', value: 'contentdrips' },
					{ name: 'Favorites', value: 'favorites' },
					{ name: 'OpenAI', value: 'openai' },
					{ name: 'PostNitro', value: 'postnitro' },
					{ name: 'Upload', value: 'upload' },
					{ name: 'VistaCreate', value: 'vista' },
				],
				default: [],
				description: 'Return only media that came from these sources',
			},
		],
	},
	rateLimitOptions,
];

export const description = updateDisplayOptions({ show }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const workspaceId = getWorkspaceId.call(this, itemIndex);
	const types = toStringList(this.getNodeParameter('types', itemIndex, []));
	const used = toStringList(this.getNodeParameter('used', itemIndex, [])).map((u) => u.toLowerCase());
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const ids = toStringList(filters.ids);
	if (!ids.length && !types.length) {
		throw new NodeOperationError(this.getNode(), 'Choose at least one media type', {
			itemIndex,
			description: 'Publer needs "Types" (Photo, Video and/or GIF) to list media.',
		});
	}
	if (!ids.length && (!used.length || used.some((u) => u !== 'true' && u !== 'false'))) {
		throw new NodeOperationError(this.getNode(), 'Choose whether to return used media, unused media, or both', {
			itemIndex,
			description: 'Publer needs "Usage" to list media: "Used in a Post" and/or "Not Used in a Post".',
		});
	}
	const qs: IDataObject = { 'types[]': types, 'used[]': used };
	const labels = toStringList(filters.labels);
	const sources = toStringList(filters.source);
	if (labels.length) qs['labels[]'] = labels;
	if (sources.length) qs['source[]'] = sources;
	if (typeof filters.search === 'string' && filters.search.trim()) qs.search = filters.search.trim();
	if (ids.length) qs['ids[]'] = ids;

	const limit = getLimit.call(this, itemIndex);
	const { items } = await publerApiRequestAllItems.call(this, {
		method: 'GET',
		path: '/media',
		workspaceId,
		qs: qs as Record<string, string[] | string>,
		itemsKey: 'media',
		limit,
		maxPages: ids.length ? 1 : undefined,
		itemIndex,
		maxRateLimitWaitMs: getMaxRateLimitWaitMs.call(this, itemIndex),
	});
	return items;
}
