import type { INodeProperties } from 'n8n-workflow';

import { booleanField, CONTENT_TYPES, NOT_IDEA, pollDurationField, pollOptionsField } from './choices';

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

function sorted(fields: INodeProperties[]): INodeProperties[] {
	return [...fields].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

const sharedOverrideFields = [overrideDetails, overrideExtra, overrideLink, overrideMedia, overrideText, overrideTitle, overrideType];

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

const NETWORK_OVERRIDES: Array<{ name: string; displayName: string; fields: INodeProperties[] }> = [
	{ name: 'bluesky', displayName: 'Bluesky', fields: sharedOverrideFields },
	{
		name: 'facebook',
		displayName: 'Facebook',
		fields: [
			...sharedOverrideFields,
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
			...sharedOverrideFields,
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
			...sharedOverrideFields,
			{ displayName: 'Reel Audio Name', name: 'reelAudio', type: 'string', default: '' },
			booleanField('Show Reel in Feed', 'reelFeed', 'Whether the reel also appears in the main feed'),
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
			...sharedOverrideFields,
			{ displayName: 'Document Title', name: 'documentTitle', type: 'string', default: '', description: 'Title of a document (PDF) carousel' },
			pollDurationField,
			pollOptionsField,
			{ displayName: 'Poll Question', name: 'pollQuestion', type: 'string', default: '' },
		],
	},
	{ name: 'mastodon', displayName: 'Mastodon', fields: [...sharedOverrideFields, pollDurationField, pollOptionsField] },
	{
		name: 'pinterest',
		displayName: 'Pinterest',
		fields: [
			...sharedOverrideFields,
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
	{ name: 'telegram', displayName: 'Telegram', fields: sharedOverrideFields },
	{ name: 'threads', displayName: 'Threads', fields: sharedOverrideFields },
	{
		name: 'tiktok',
		displayName: 'TikTok',
		fields: [
			...sharedOverrideFields,
			booleanField('Allow Comments', 'allowComments', 'Whether viewers may comment'),
			booleanField('Allow Duet', 'allowDuet', 'Whether viewers may duet'),
			booleanField('Allow Stitch', 'allowStitch', 'Whether viewers may stitch'),
			booleanField('Auto Add Music', 'autoAddMusic', 'Whether TikTok adds music to photo posts'),
			booleanField('Paid Partnership', 'paidPartnership', 'Whether the post is a paid partnership'),
			privacyTikTok,
			booleanField('Promotional', 'promotional', 'Whether the post promotes your own business'),
			booleanField('Publish via Reminder', 'reminder', 'Whether to publish through a TikTok notification instead of directly'),
		],
	},
	{
		name: 'twitter',
		displayName: 'X (Twitter)',
		fields: [
			...sharedOverrideFields,
			{ displayName: 'Community ID', name: 'communityId', type: 'string', default: '' },
			{ displayName: 'Community Name', name: 'communityName', type: 'string', default: '' },
			booleanField('Long Post', 'longPost', 'Whether to send a long post of up to 25,000 characters (X Premium; otherwise X cuts it at 280)'),
			pollDurationField,
			pollOptionsField,
		],
	},
	{
		name: 'wordpress',
		displayName: 'WordPress',
		fields: [
			...sharedOverrideFields.filter((f) => f.name !== 'type' && f.name !== 'linkUrl'),
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
			...sharedOverrideFields,
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

/** Content for one network instead of the post's, and the extra fields of an idea. */
export const networkOverrideFields: INodeProperties[] = [
	{
		displayName: 'Network Overrides',
		name: 'networkOverrides',
		type: 'fixedCollection',
		placeholder: 'Add Network Override',
		default: {},
		description: 'Content for one network instead of the post’s content',
		displayOptions: { show: NOT_IDEA },
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
];
