import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { maxRateLimitWaitOption } from '../common';

const ACCOUNTS_DESCRIPTION =
	'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>';
const ACCOUNT_DESCRIPTION =
	'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>';

const accountsTypeOptions = { loadOptionsMethod: 'getAccounts', loadOptionsDependsOn: ['workspace.value'] };

export const MODE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Auto-Schedule', value: 'auto', description: 'Let Publer put the post into the accounts’ free posting-schedule slots' },
	{ name: 'Draft', value: 'draft', description: 'Save a draft (dated when a time is given)' },
	{ name: 'Idea', value: 'idea', description: 'Save an idea: network-agnostic content without accounts' },
	{ name: 'Publish Now', value: 'publishNow', description: 'Publish at once' },
	{ name: 'Recurring', value: 'recurring', description: 'Repeat the post daily, weekly, monthly or yearly' },
	{ name: 'Recycling', value: 'recycling', description: 'Repost the post every few days, weeks or months until an end' },
	{ name: 'Schedule', value: 'schedule', description: 'Publish at a date and time' },
];

const CONTENT_TYPES: INodePropertyOptions[] = [
	{ name: 'Article (WordPress, Ideas)', value: 'article' },
	{ name: 'Automatic', value: 'auto', description: 'Status, link, photo, video, GIF or poll, from the media, link and poll options given' },
	{ name: 'Carousel', value: 'carousel' },
	{ name: 'Document / PDF (LinkedIn)', value: 'document' },
	{ name: 'GIF', value: 'gif' },
	{ name: 'Link', value: 'link' },
	{ name: 'Photo', value: 'photo' },
	{ name: 'Poll', value: 'poll' },
	{ name: 'Reel', value: 'reel' },
	{ name: 'Short (YouTube)', value: 'short' },
	{ name: 'Status (Text)', value: 'status' },
	{ name: 'Story', value: 'story' },
	{ name: 'Video', value: 'video' },
];

const UNIT_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Day', value: 'Day' },
	{ name: 'Hour', value: 'Hour' },
	{ name: 'Minute', value: 'Minute' },
	{ name: 'Week', value: 'Week' },
];

const CTA_OPTIONS: INodePropertyOptions[] = [
	'APPLY_NOW',
	'BOOK_TRAVEL',
	'BUY_NOW',
	'CALL_NOW',
	'CONTACT_US',
	'DOWNLOAD',
	'GET_DIRECTIONS',
	'GET_OFFER',
	'LEARN_MORE',
	'MESSAGE_PAGE',
	'NO_BUTTON',
	'OPEN_LINK',
	'PLAY_GAME',
	'SEND_MESSAGE',
	'SHOP_NOW',
	'SIGN_UP',
	'SUBSCRIBE',
	'USE_APP',
	'WATCH_MORE',
	'WATCH_VIDEO',
].map((v) => ({ name: v.replace(/_/g, ' ').toLowerCase().replace(/\b\w/g, (c) => c.toUpperCase()), value: v }));

const MEDIA_TYPES: INodePropertyOptions[] = [
	{ name: 'Document', value: 'document' },
	{ name: 'GIF', value: 'gif' },
	{ name: 'Photo', value: 'photo' },
	{ name: 'Video', value: 'video' },
];

// ---------------------------------------------------------------- per-network overrides
const overrideType: INodeProperties = {
	displayName: 'Type',
	name: 'type',
	type: 'options',
	options: [{ name: 'Same as Post', value: '' }, ...CONTENT_TYPES.filter((o) => o.value !== 'auto')],
	default: '',
	description: 'Content type for this network only',
};
const overrideText: INodeProperties = {
	displayName: 'Text',
	name: 'text',
	type: 'string',
	typeOptions: { rows: 3 },
	default: '',
	description: 'Text for this network instead of the post text',
};
const overrideTitle: INodeProperties = { displayName: 'Title', name: 'title', type: 'string', default: '', description: 'Title for this network' };
const overrideMedia: INodeProperties = {
	displayName: 'Media (JSON)',
	name: 'media',
	type: 'json',
	default: '',
	description: 'Media for this network instead of the post media: a JSON array of media IDs or of objects with ID, type, alt_text and caption',
};
const overrideLink: INodeProperties = { displayName: 'Link URL', name: 'linkUrl', type: 'string', default: '', placeholder: 'e.g. https://example.com/article' };
const overrideDetails: INodeProperties = {
	displayName: 'Details (JSON)',
	name: 'details',
	type: 'json',
	default: '',
	description: 'Extra fields merged into this network’s "details" object (publer-api.md §6.3.1)',
};
const overrideExtra: INodeProperties = {
	displayName: 'Extra Fields (JSON)',
	name: 'extraFields',
	type: 'json',
	default: '',
	description: 'Any further fields merged into this network’s content block as they are',
};
const pollOptionsField: INodeProperties = {
	displayName: 'Poll Options',
	name: 'pollOptions',
	type: 'string',
	default: '',
	placeholder: 'e.g. Dark mode, Export',
	description: 'Comma-separated list of 2 to 4 poll options',
};
const pollDurationField: INodeProperties = {
	displayName: 'Poll Duration (Days)',
	name: 'pollDuration',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 3,
};

function sorted(fields: INodeProperties[]): INodeProperties[] {
	return [...fields].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

const common = [overrideDetails, overrideExtra, overrideLink, overrideMedia, overrideText, overrideTitle, overrideType];

const privacyTikTok: INodeProperties = {
	displayName: 'Privacy',
	name: 'privacy',
	type: 'options',
	options: [
		{ name: 'Followers', value: 'FOLLOWER_OF_CREATOR' },
		{ name: 'Friends', value: 'MUTUAL_FOLLOW_FRIENDS' },
		{ name: 'Only Me', value: 'SELF_ONLY' },
		{ name: 'Public', value: 'PUBLIC_TO_EVERYONE' },
	],
	default: 'PUBLIC_TO_EVERYONE',
};

function bool(displayName: string, name: string, description: string): INodeProperties {
	return { displayName, name, type: 'boolean', default: false, description };
}

const NETWORK_OVERRIDES: Array<{ name: string; displayName: string; fields: INodeProperties[] }> = [
	{ name: 'bluesky', displayName: 'Bluesky', fields: common },
	{
		name: 'facebook',
		displayName: 'Facebook',
		fields: [
			...common,
			{
				displayName: 'Multi-Link Carousel (JSON)',
				name: 'sublinks',
				type: 'json',
				default: '',
				description:
					'Up to 10 cards for a multi-link carousel (Pages only): a JSON array of objects with URL, title, description, images (array of URLs) and call_to_action',
			},
			{
				displayName: 'Text Background Preset ID',
				name: 'textBackgroundPresetId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 106018623298955',
				description: 'Background for a short text post (details.text_format_preset_id)',
			},
		],
	},
	{
		name: 'google',
		displayName: 'Google Business',
		fields: [
			...common,
			{
				displayName: 'Button',
				name: 'ctaButton',
				type: 'options',
				options: [
					{ name: 'Book', value: 'BOOK' },
					{ name: 'Call', value: 'CALL' },
					{ name: 'Learn More', value: 'LEARN_MORE' },
					{ name: 'None', value: 'none' },
					{ name: 'Order', value: 'ORDER' },
					{ name: 'Shop', value: 'SHOP' },
					{ name: 'Sign Up', value: 'SIGN_UP' },
				],
				default: 'none',
				description: 'Call-to-action button (sent as the block "title", as Publer documents)',
			},
			{ displayName: 'Button URL', name: 'ctaUrl', type: 'string', default: '', placeholder: 'e.g. https://example.com/workshop' },
			{ displayName: 'Event End', name: 'eventEnd', type: 'dateTime', default: '' },
			{ displayName: 'Event Start', name: 'eventStart', type: 'dateTime', default: '' },
			{ displayName: 'Event or Offer Title', name: 'eventTitle', type: 'string', default: '' },
			{
				displayName: 'Google Post Type',
				name: 'googleType',
				type: 'options',
				options: [
					{ name: 'Event', value: 'event' },
					{ name: 'Offer', value: 'offer' },
					{ name: 'Photo', value: 'photo' },
					{ name: 'Update', value: 'update' },
				],
				default: 'update',
			},
			{ displayName: 'Offer Coupon Code', name: 'offerCoupon', type: 'string', default: '' },
			{ displayName: 'Offer Terms URL', name: 'offerTerms', type: 'string', default: '' },
		],
	},
	{
		name: 'instagram',
		displayName: 'Instagram',
		fields: [
			...common,
			{ displayName: 'Reel Audio Name', name: 'reelAudio', type: 'string', default: '' },
			bool('Show Reel in Feed', 'reelFeed', 'Whether the reel also appears in the main feed'),
			{
				displayName: 'Trial Reel',
				name: 'trialReel',
				type: 'options',
				options: [
					{ name: 'Manual', value: 'MANUAL' },
					{ name: 'No', value: 'none' },
					{ name: 'Share if It Performs Well', value: 'SS_PERFORMANCE' },
				],
				default: 'none',
			},
		],
	},
	{
		name: 'linkedin',
		displayName: 'LinkedIn',
		fields: [
			...common,
			{ displayName: 'Document Title', name: 'documentTitle', type: 'string', default: '', description: 'Title of a document (PDF) carousel' },
			pollDurationField,
			pollOptionsField,
			{ displayName: 'Poll Question', name: 'pollQuestion', type: 'string', default: '' },
		],
	},
	{ name: 'mastodon', displayName: 'Mastodon', fields: [...common, pollDurationField, pollOptionsField] },
	{
		name: 'pinterest',
		displayName: 'Pinterest',
		fields: [
			...common,
			{
				displayName: 'Board ID',
				name: 'boardId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 934145216398624390',
				description: 'The board to pin to (sent as accounts[].album_id of Pinterest accounts)',
			},
			{ displayName: 'Destination Link', name: 'destinationUrl', type: 'string', default: '', placeholder: 'e.g. https://example.com/landing' },
		],
	},
	{ name: 'telegram', displayName: 'Telegram', fields: common },
	{ name: 'threads', displayName: 'Threads', fields: common },
	{
		name: 'tiktok',
		displayName: 'TikTok',
		fields: [
			...common,
			bool('Allow Comments', 'allowComments', 'Whether viewers may comment'),
			bool('Allow Duet', 'allowDuet', 'Whether viewers may duet'),
			bool('Allow Stitch', 'allowStitch', 'Whether viewers may stitch'),
			bool('Auto Add Music', 'autoAddMusic', 'Whether TikTok adds music to photo posts'),
			bool('Paid Partnership', 'paidPartnership', 'Whether the post is a paid partnership'),
			privacyTikTok,
			bool('Promotional', 'promotional', 'Whether the post promotes your own business'),
			bool('Publish via Reminder', 'reminder', 'Whether to publish through a TikTok notification instead of directly'),
		],
	},
	{
		name: 'twitter',
		displayName: 'X (Twitter)',
		fields: [
			...common,
			{ displayName: 'Community ID', name: 'communityId', type: 'string', default: '' },
			{ displayName: 'Community Name', name: 'communityName', type: 'string', default: '' },
			bool('Long Post', 'longPost', 'Whether to send a long post of up to 25,000 characters (X Premium; otherwise X cuts it at 280)'),
			pollDurationField,
			pollOptionsField,
		],
	},
	{
		name: 'wordpress',
		displayName: 'WordPress',
		fields: [
			...common.filter((f) => f.name !== 'type' && f.name !== 'linkUrl'),
			{ displayName: 'Categories', name: 'categories', type: 'string', default: '', description: 'Comma-separated category IDs' },
			{
				displayName: 'Content Blocks (JSON)',
				name: 'contentBlocks',
				type: 'json',
				default: '',
				description: 'Article body as blocks: [{"ID":"a1","type":"paragraph","data":{"text":"…"}}]. Without it the text becomes one paragraph.',
			},
			{ displayName: 'Excerpt', name: 'excerpt', type: 'string', default: '' },
			{ displayName: 'Featured Image URL', name: 'featuredImageUrl', type: 'string', default: '' },
			{ displayName: 'Slug', name: 'slug', type: 'string', default: '', placeholder: 'e.g. summer-menu' },
			{ displayName: 'Tags', name: 'tags', type: 'string', default: '', description: 'Comma-separated tag IDs' },
			{
				displayName: 'Connection Kind',
				name: 'wordpressKey',
				type: 'options',
				options: [
					{ name: 'Basic (Self-Hosted)', value: 'wordpress_basic' },
					{ name: 'OAuth (WordPress.com)', value: 'wordpress_oauth' },
				],
				default: 'wordpress_oauth',
				description: 'Network key the article is sent under',
			},
		],
	},
	{
		name: 'youtube',
		displayName: 'YouTube',
		fields: [
			...common,
			{
				displayName: 'Privacy',
				name: 'privacy',
				type: 'options',
				options: [
					{ name: 'Private', value: 'private' },
					{ name: 'Public', value: 'public' },
					{ name: 'Unlisted', value: 'unlisted' },
				],
				default: 'public',
			},
		],
	},
];

const ideaOverride = {
	name: 'default',
	displayName: 'Idea Content',
	fields: [overrideExtra],
};

const notIdea = { mode: ['auto', 'draft', 'publishNow', 'recurring', 'recycling', 'schedule'] };

export const createFields: INodeProperties[] = [
	{
		displayName: 'Mode',
		name: 'mode',
		type: 'options',
		noDataExpression: true,
		options: MODE_OPTIONS,
		default: 'schedule',
		description: 'How Publer publishes the post',
		displayOptions: { show: { '@tool': [false] } },
	},
	{
		// Shown only when the node runs as an AI-agent tool: the safe default is a draft.
		displayName: 'Mode',
		name: 'mode',
		type: 'options',
		options: MODE_OPTIONS,
		default: 'draft',
		description: 'How Publer publishes the post. Use Draft unless the user explicitly asked to publish or schedule.',
		displayOptions: { show: { '@tool': [true] } },
	},
	{
		displayName: 'Draft Kind',
		name: 'draftState',
		type: 'options',
		options: [
			{ name: 'Account Draft', value: 'draft', description: 'A draft for the chosen accounts, dated when a time is given' },
			{ name: 'Private Draft', value: 'draft_private', description: 'Visible only to you' },
			{ name: 'Public Draft', value: 'draft_public', description: 'Visible to the workspace' },
		],
		default: 'draft',
		displayOptions: { show: { mode: ['draft'] } },
	},
	{
		displayName: 'Idea Visibility',
		name: 'ideaVisibility',
		type: 'options',
		options: [
			{ name: 'Private', value: 'draft_private', description: 'Visible only to you' },
			{ name: 'Public', value: 'draft_public', description: 'Visible to the workspace' },
		],
		default: 'draft_private',
		displayOptions: { show: { mode: ['idea'] } },
	},
	{
		displayName: 'Account Names or IDs',
		name: 'accounts',
		type: 'multiOptions',
		typeOptions: accountsTypeOptions,
		default: [],
		required: true,
		description: ACCOUNTS_DESCRIPTION,
		displayOptions: { show: notIdea },
	},
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
	{
		displayName: 'Scheduled At',
		name: 'scheduledAt',
		type: 'dateTime',
		default: '',
		required: true,
		description:
			'When to publish, at least 1 minute ahead. A time without an offset is read in the workflow’s timezone and sent with its offset.',
		displayOptions: { show: { mode: ['schedule'] } },
	},
	{
		displayName: 'Scheduled At',
		name: 'scheduledAt',
		type: 'dateTime',
		default: '',
		description: 'Optional: makes a dated draft (or the first recycling time). A time without an offset is read in the workflow’s timezone.',
		displayOptions: { show: { mode: ['draft', 'recycling'] } },
	},
	// ---- auto-schedule
	{
		displayName: 'Range Start',
		name: 'autoStart',
		type: 'dateTime',
		default: '',
		description: 'First day Publer may use (inclusive). Empty = now.',
		displayOptions: { show: { mode: ['auto'] } },
	},
	{
		displayName: 'Range End',
		name: 'autoEnd',
		type: 'dateTime',
		default: '',
		description: 'Last day Publer may use (inclusive). Empty = no end.',
		displayOptions: { show: { mode: ['auto'] } },
	},
	{
		displayName: 'Share Next',
		name: 'shareNext',
		type: 'boolean',
		default: false,
		description: 'Whether to take the next free slot instead of any slot in the range',
		displayOptions: { show: { mode: ['auto'] } },
	},
	// ---- recurring
	{
		displayName: 'Start',
		name: 'recurringStart',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'First occurrence; its time of day is used for every repeat',
		displayOptions: { show: { mode: ['recurring'] } },
	},
	{
		displayName: 'End',
		name: 'recurringEnd',
		type: 'dateTime',
		default: '',
		description: 'Last possible occurrence. Empty = no end.',
		displayOptions: { show: { mode: ['recurring'] } },
	},
	{
		displayName: 'Repeat',
		name: 'repeat',
		type: 'options',
		options: [
			{ name: 'Daily', value: 'daily' },
			{ name: 'Monthly', value: 'monthly' },
			{ name: 'Weekly', value: 'weekly' },
			{ name: 'Yearly', value: 'yearly' },
		],
		default: 'weekly',
		displayOptions: { show: { mode: ['recurring'] } },
	},
	{
		displayName: 'Repeat Every',
		name: 'repeatRate',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 1,
		description: 'Interval in units of Repeat, e.g. 2 with Weekly = every other week',
		displayOptions: { show: { mode: ['recurring'] } },
	},
	{
		displayName: 'Days of Week',
		name: 'daysOfWeek',
		type: 'multiOptions',
		options: [
			{ name: 'Friday', value: 'friday' },
			{ name: 'Monday', value: 'monday' },
			{ name: 'Saturday', value: 'saturday' },
			{ name: 'Sunday', value: 'sunday' },
			{ name: 'Thursday', value: 'thursday' },
			{ name: 'Tuesday', value: 'tuesday' },
			{ name: 'Wednesday', value: 'wednesday' },
		],
		default: [],
		description: 'Days for weekly repeats. Empty = the weekday of Start. Sent as numbers; see the "Days of Week Numbering" option.',
		displayOptions: { show: { mode: ['recurring'], repeat: ['weekly'] } },
	},
	// ---- recycling
	{
		displayName: 'Repost Every',
		name: 'recyclingGap',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 1,
		displayOptions: { show: { mode: ['recycling'] } },
	},
	{
		displayName: 'Repost Unit',
		name: 'recyclingGapFreq',
		type: 'options',
		options: [
			{ name: 'Day', value: 'Day' },
			{ name: 'Month', value: 'Month' },
			{ name: 'Week', value: 'Week' },
		],
		default: 'Week',
		displayOptions: { show: { mode: ['recycling'] } },
	},
	{
		displayName: 'First Recycle Date',
		name: 'recyclingStartDate',
		type: 'dateTime',
		default: '',
		description: 'Date of the first repost (the time of day is ignored). Empty = Publer decides.',
		displayOptions: { show: { mode: ['recycling'] } },
	},
	{
		displayName: 'Stop',
		name: 'recyclingExpireBy',
		type: 'options',
		options: [
			{ name: 'After a Number of Reposts', value: 'count' },
			{ name: 'On a Date', value: 'date' },
			{ name: 'Never', value: 'never' },
		],
		default: 'count',
		displayOptions: { show: { mode: ['recycling'] } },
	},
	{
		displayName: 'Number of Reposts',
		name: 'recyclingExpireCount',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 3,
		displayOptions: { show: { mode: ['recycling'], recyclingExpireBy: ['count'] } },
	},
	{
		displayName: 'Stop Date',
		name: 'recyclingExpireDate',
		type: 'dateTime',
		default: '',
		displayOptions: { show: { mode: ['recycling'], recyclingExpireBy: ['date'] } },
	},
	{
		displayName: 'Recycle Alone',
		name: 'recyclingSolo',
		type: 'boolean',
		default: false,
		description: 'Whether to recycle this post on its own rather than in the group of recycled posts',
		displayOptions: { show: { mode: ['recycling'] } },
	},
	// ---- media and content
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
	{
		displayName: 'Network Overrides',
		name: 'networkOverrides',
		type: 'fixedCollection',
		placeholder: 'Add Network Override',
		default: {},
		description: 'Content for one network instead of the post’s content',
		displayOptions: { show: notIdea },
		options: NETWORK_OVERRIDES.map((n) => ({ displayName: n.displayName, name: n.name, values: sorted(n.fields) })).sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	},
	{
		displayName: 'Idea Extras',
		name: 'networkOverrides',
		type: 'fixedCollection',
		placeholder: 'Add Idea Field',
		default: {},
		displayOptions: { show: { mode: ['idea'] } },
		options: [{ displayName: ideaOverride.displayName, name: ideaOverride.name, values: ideaOverride.fields }],
	},
	{
		displayName: 'Per-Account Settings',
		name: 'accountSettings',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Account Setting',
		default: {},
		description: 'A time, album or signature for one account',
		displayOptions: { show: notIdea },
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
		displayOptions: { show: notIdea },
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
			bool('Auto-Delete Hides Instead', 'autoDeleteHide', 'Whether to hide the post instead of deleting it, where the network allows'),
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
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Batch Items',
				name: 'batchItems',
				type: 'boolean',
				default: true,
				description:
					'Whether to send consecutive items with the same workspace and mode as one bulk request of up to 500 posts (fewer requests) instead of one request per item',
			},
			{
				displayName: 'Check for Duplicates on Unknown Outcome',
				name: 'duplicateGuard',
				type: 'boolean',
				default: true,
				description:
					'Whether to check which posts exist before resending when the connection broke after a submit (Publer has no idempotency key), so nothing is posted twice',
			},
			{
				displayName: 'Days of Week Numbering',
				name: 'daysOfWeekIndexing',
				type: 'options',
				options: [
					{ name: '0 = Monday (OpenAPI Text)', value: 'monday0' },
					{ name: '0 = Sunday (Docs Example)', value: 'sunday0' },
				],
				default: 'sunday0',
				description:
					'How weekday names become recurring.days_of_week numbers. The Publer docs disagree: their “every Monday” example sends 1 (0 = Sunday), their schema text says 0 = Monday.',
			},
			maxRateLimitWaitOption,
			{
				displayName: 'Poll Interval (Seconds)',
				name: 'pollInterval',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 1,
				description: 'First wait before asking Publer for the job status; later waits grow up to 10 seconds',
			},
			{
				displayName: 'Resolve Post IDs',
				name: 'resolvePostIds',
				type: 'boolean',
				default: false,
				description:
					'Whether to look up the IDs of the created posts after the job finishes (Publer’s job result has none). Costs one post-list request per page of posts.',
			},
			{
				displayName: 'Validate Before Sending',
				name: 'validate',
				type: 'boolean',
				default: true,
				description: 'Whether to check text lengths, media, post types, times and recurring/recycling rules before any request',
			},
			{
				displayName: 'Wait for Completion',
				name: 'waitForCompletion',
				type: 'boolean',
				default: true,
				description: 'Whether to wait until Publer has processed the job and report per-account failures (does not wait for the publish time)',
			},
			{
				displayName: 'Wait Timeout (Seconds)',
				name: 'waitTimeout',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 300,
				description: 'How long to wait for each job before giving up (the job keeps running at Publer)',
			},
		],
	},
];
