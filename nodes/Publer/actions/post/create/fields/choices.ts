import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

export const ACCOUNTS_DESCRIPTION =
	'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>';
export const ACCOUNT_DESCRIPTION =
	'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>';

export const accountsTypeOptions = { loadOptionsMethod: 'getAccounts', loadOptionsDependsOn: ['workspace.value'] };

export const CONTENT_TYPES: INodePropertyOptions[] = [
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

export const UNIT_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Day', value: 'Day' },
	{ name: 'Hour', value: 'Hour' },
	{ name: 'Minute', value: 'Minute' },
	{ name: 'Week', value: 'Week' },
];

export const CTA_OPTIONS: INodePropertyOptions[] = [
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

export const MEDIA_TYPES: INodePropertyOptions[] = [
	{ name: 'Document', value: 'document' },
	{ name: 'GIF', value: 'gif' },
	{ name: 'Photo', value: 'photo' },
	{ name: 'Video', value: 'video' },
];

export const pollOptionsField: INodeProperties = {
	displayName: 'Poll Options',
	name: 'pollOptions',
	type: 'string',
	default: '',
	placeholder: 'e.g. Dark mode, Export',
	description: 'Comma-separated list of 2 to 4 poll options',
};
export const pollDurationField: INodeProperties = {
	displayName: 'Poll Duration (Days)',
	name: 'pollDuration',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 3,
};

/** A yes/no field, off by default. */
export function booleanField(displayName: string, name: string, description: string): INodeProperties {
	return { displayName, name, type: 'boolean', default: false, description };
}

/** Every mode but Idea: ideas have no accounts, times or network blocks. */
export const NOT_IDEA = { mode: ['auto', 'draft', 'publishNow', 'recurring', 'recycling', 'schedule'] };
