import type { INodeProperties } from 'n8n-workflow';

import { CONTENT_TYPES, CTA_OPTIONS, MEDIA_TYPES, pollDurationField, pollOptionsField } from './choices';

/** The post text and its content type. */
export const textFields: INodeProperties[] = [
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		placeholder: 'e.g. Our summer menu is here!',
		description: 'The post text (caption). Per-network texts can be set under Network Overrides.',
	},
	{
		displayName: 'Content Type',
		name: 'contentType',
		type: 'options',
		options: CONTENT_TYPES,
		default: 'auto',
		description: 'Reels, shorts, stories and documents are sent in the documented encoding (type video/photo plus details.type)',
	},
];

/** Media, and the link, poll and title options of the post's content. */
export const mediaFields: INodeProperties[] = [
	{
		displayName: 'Media',
		name: 'media',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Media',
		default: {},
		description: 'Photos, videos, GIFs or documents, by media ID (from Media → Upload or Import) or URL',
		options: [
			{
				displayName: 'Item',
				name: 'items',
				values: [
					{ displayName: 'Alt Text', name: 'altText', type: 'string', default: '', description: 'Accessibility text (not on Facebook profiles or groups)' },
					{ displayName: 'Caption', name: 'caption', type: 'string', default: '' },
					{ displayName: 'Media ID', name: 'id', type: 'string', default: '', placeholder: 'e.g. 6813892b5ec8b1e65235ae9e' },
					{ displayName: 'Type', name: 'type', type: 'options', options: MEDIA_TYPES, default: 'photo' },
					{ displayName: 'URL', name: 'path', type: 'string', default: '', description: 'Media URL; used when there is no media ID' },
				],
			},
		],
	},
	{
		displayName: 'Media List',
		name: 'mediaList',
		type: 'json',
		default: '[]',
		description:
			'Media from an expression, added after the Media items: an array of media IDs or of media objects as Media → Upload and Import From URL return them (ID, type, path, alt text, caption), e.g. {{ $("Import From URL").all() }}. A bare ID is sent as a photo.',
	},
	{
		displayName: 'Content Options',
		name: 'content',
		type: 'collection',
		placeholder: 'Add Content Option',
		default: {},
		options: [
			{ displayName: 'Link Button', name: 'linkCallToAction', type: 'options', options: [{ name: 'None', value: 'none' }, ...CTA_OPTIONS], default: 'none' },
			{ displayName: 'Link Description', name: 'linkDescription', type: 'string', default: '' },
			{ displayName: 'Link Image URLs', name: 'linkImageUrls', type: 'string', default: '', description: 'Comma-separated preview images' },
			{ displayName: 'Link Title', name: 'linkTitle', type: 'string', default: '' },
			{ displayName: 'Link URL', name: 'linkUrl', type: 'string', default: '', placeholder: 'e.g. https://example.com/article' },
			{ ...pollDurationField, description: 'How long the poll runs, in days (1, 3 and 7 work everywhere)' },
			pollOptionsField,
			{ displayName: 'Poll Question (LinkedIn)', name: 'pollQuestion', type: 'string', default: '' },
			{ displayName: 'Title', name: 'title', type: 'string', default: '', description: 'Title (YouTube, Pinterest, WordPress, ideas)' },
		],
	},
];
