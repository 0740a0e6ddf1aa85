import type { INodeProperties } from 'n8n-workflow';

import { ACCOUNT_DESCRIPTION, ACCOUNTS_DESCRIPTION, accountsTypeOptions, booleanField, MEDIA_TYPES, NOT_IDEA, UNIT_OPTIONS } from './choices';

/** The social accounts the post goes to (ideas have none). */
export const accountsField: INodeProperties = {
	displayName: 'Account Names or IDs',
	name: 'accounts',
	type: 'multiOptions',
	typeOptions: accountsTypeOptions,
	default: [],
	required: true,
	description: ACCOUNTS_DESCRIPTION,
	displayOptions: { show: NOT_IDEA },
};

/** What each account gets besides the content: per-account times, albums, signatures, comments, sharing. */
export const extraFields: INodeProperties[] = [
	{
		displayName: 'Per-Account Settings',
		name: 'accountSettings',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Account Setting',
		default: {},
		description: 'A time, album or signature for one account',
		displayOptions: { show: NOT_IDEA },
		options: [
			{
				displayName: 'Account',
				name: 'values',
				values: [
					{
						displayName: 'Account Name or ID',
						name: 'account',
						type: 'options',
						typeOptions: accountsTypeOptions,
						default: '',
						description: ACCOUNT_DESCRIPTION,
					},
					{ displayName: 'Album or Board ID', name: 'albumId', type: 'string', default: '', description: 'Facebook album or Pinterest board' },
					{ displayName: 'Scheduled At', name: 'scheduledAt', type: 'dateTime', default: '', description: 'Time for this account instead of Scheduled At' },
					{ displayName: 'Signature ID', name: 'signature', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Extras',
		name: 'extras',
		type: 'collection',
		placeholder: 'Add Extra',
		default: {},
		displayOptions: { show: NOT_IDEA },
		options: [
			{
				displayName: 'Album or Board Name or ID',
				name: 'albumId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getAlbums', loadOptionsDependsOn: ['workspace.value', 'accounts'] },
				default: '',
				description: 'Facebook album or Pinterest board of the chosen accounts, for every such account. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{ displayName: 'Auto-Delete After', name: 'autoDeleteAfter', type: 'number', typeOptions: { minValue: 0 }, default: 0, description: 'Delete (or hide) the post this long after publishing. 0 = never.' },
			booleanField('Auto-Delete Hides Instead', 'autoDeleteHide', 'Whether to hide the post instead of deleting it, where the network allows'),
			{ displayName: 'Auto-Delete Unit', name: 'autoDeleteUnit', type: 'options', options: UNIT_OPTIONS, default: 'Day' },
			{
				displayName: 'Auto-Share Account Names or IDs',
				name: 'autoShareAccounts',
				type: 'multiOptions',
				typeOptions: accountsTypeOptions,
				default: [],
				description: ACCOUNTS_DESCRIPTION,
			},
			{ displayName: 'Auto-Share After', name: 'autoShareAfter', type: 'number', typeOptions: { minValue: 0 }, default: 0, description: 'Share the published post’s link this long after publishing' },
			{ displayName: 'Auto-Share After Unit', name: 'autoShareAfterUnit', type: 'options', options: UNIT_OPTIONS, default: 'Hour' },
			{ displayName: 'Auto-Share Delay', name: 'autoShareDelay', type: 'number', typeOptions: { minValue: 0 }, default: 0, description: 'Time between successive shares' },
			{ displayName: 'Auto-Share Delay Unit', name: 'autoShareDelayUnit', type: 'options', options: UNIT_OPTIONS, default: 'Minute' },
			{ displayName: 'Auto-Share Text', name: 'autoShareText', type: 'string', default: '' },
			{ displayName: 'First Comment', name: 'firstComment', type: 'string', default: '', description: 'Comment posted right after the post (e.g. hashtags or a link)' },
			{ displayName: 'First Comment Delay (Minutes)', name: 'firstCommentDelay', type: 'number', typeOptions: { minValue: 1 }, default: 1 },
			{
				displayName: 'Follow-Up Comments',
				name: 'followUpComments',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				options: [
					{
						displayName: 'Comment',
						name: 'comment',
						values: [
							{ displayName: 'Delay', name: 'delay', type: 'number', typeOptions: { minValue: 0 }, default: 1 },
							{ displayName: 'Delay Unit', name: 'delayUnit', type: 'options', options: UNIT_OPTIONS, default: 'Minute' },
							{ displayName: 'Language', name: 'language', type: 'string', default: '', placeholder: 'e.g. en' },
							{ displayName: 'Media Type', name: 'mediaType', type: 'options', options: MEDIA_TYPES.filter((m) => m.value !== 'document'), default: 'photo' },
							{ displayName: 'Media URL', name: 'mediaPath', type: 'string', default: '' },
							{ displayName: 'Text', name: 'text', type: 'string', default: '' },
						],
					},
				],
			},
			{ displayName: 'Labels', name: 'labels', type: 'string', default: '', placeholder: 'e.g. Campaign, Summer', description: 'Comma-separated labels' },
			{
				displayName: 'Signature Name or ID',
				name: 'signature',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getSignatures', loadOptionsDependsOn: ['workspace.value', 'accounts'] },
				default: '',
				description: 'A signature of the chosen accounts (not on X or Bluesky). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Watermark Name or ID',
				name: 'watermark',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getWatermarks', loadOptionsDependsOn: ['workspace.value', 'accounts'] },
				default: '',
				description: 'A watermark of the chosen accounts, applied to the post’s media; an expression may also give the full watermark object (as media options return it). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
		],
	},
];
