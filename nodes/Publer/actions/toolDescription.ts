import type { INodeProperties, NodeParameterValue } from 'n8n-workflow';

import { MODE_OPTIONS } from './post/create/fields/mode';

/*
 * What an AI agent (or an MCP client) is told about each operation when the node runs as a tool.
 *
 * n8n builds a tool's description from the node's `toolDescription` parameter when it is set; otherwise only
 * from the operation's `action` ("Create a post in Publer"). Argument descriptions come only from the text the
 * user writes into `$fromAI()` (the editor's "Let the model define this parameter" leaves it empty), so the
 * description below also says what each argument means, by the display name n8n derives its key from
 * (`Account_Names_or_IDs`, `Scheduled_At`, `From`, …).
 *
 * Because the node defines `toolDescription` itself, n8n does not add its own "Tool Description" fields: the
 * tool variant shows one "Description" field, filled per operation with the text below, that the user may edit.
 * The `@tool` condition keeps it out of the regular node.
 */

const ACCOUNT_IDS =
	'Account Names or IDs = the IDs of Publer accounts (24 hexadecimal characters, the "id" field of Account → Get Many), comma-separated, never account names';
const TEXT = 'Text = the full post text, exactly as it should appear on the network';
const DATE_TIME = 'ISO 8601 date and time with a UTC offset, e.g. 2026-06-01T09:30:00+02:00';
const ONE_ACCOUNT_OR_ALL =
	'Account Name or ID = one Publer account ID (the "id" field of Account → Get Many), or "all" for every account of the workspace';
const DATES_REQUIRED = 'From and To = the first and last day of the period, inclusive, as YYYY-MM-DD';
const DATES_OPTIONAL = `${DATES_REQUIRED}; leave both empty for Publer's default period`;
const JOB_ID = 'Job ID = the job ID returned by Post → Create or Media → Import From URL';

const CREATE_BY_MODE: Record<string, string> = {
	draft: `Saves a post as a DRAFT in Publer: nothing is published or scheduled; a person reviews it in Publer. Arguments: ${TEXT}; ${ACCOUNT_IDS}; Scheduled At (optional) = a date for the draft, ${DATE_TIME}. Returns success and a job ID.`,
	schedule: `SCHEDULES a post: Publer publishes it publicly on the given accounts at Scheduled At. Arguments: ${TEXT}; ${ACCOUNT_IDS}; Scheduled At = when to publish, at least 1 minute ahead, ${DATE_TIME}. Returns success and a job ID.`,
	publishNow: `PUBLISHES a post publicly at once on the given accounts. Use only when the user asked to publish now. Arguments: ${TEXT}; ${ACCOUNT_IDS}. Returns success and a job ID.`,
	auto: `Queues a post for AUTO-SCHEDULING: Publer publishes it publicly in a free slot of the accounts' posting schedule. Arguments: ${TEXT}; ${ACCOUNT_IDS}; Range Start and Range End (optional) = the first and last day Publer may use, YYYY-MM-DD. Returns success and a job ID.`,
	recurring: `Creates a RECURRING post: Publer publishes it publicly again and again (daily, weekly, monthly or yearly) from Start. Arguments: ${TEXT}; ${ACCOUNT_IDS}; Start = the first occurrence, ${DATE_TIME}; End (optional) = the last possible occurrence. Returns success and a job ID.`,
	recycling: `Creates a RECYCLED post: Publer publishes it publicly and reposts it every few days, weeks or months until the configured end. Arguments: ${TEXT}; ${ACCOUNT_IDS}; Scheduled At (optional) = the first time, ${DATE_TIME}. Returns success and a job ID.`,
	idea: `Saves an IDEA in Publer: content without accounts, nothing is published or scheduled. Arguments: ${TEXT}. Returns success and a job ID.`,
};

const CREATE_OTHER = `Creates a post in Publer. The workflow's Mode decides what happens: a draft, or a post that Publer publishes publicly (now, at Scheduled At, in a free slot, recurring or recycled). Arguments: ${TEXT}; ${ACCOUNT_IDS}; Scheduled At = ${DATE_TIME}. Returns success and a job ID.`;

/** Per resource and operation (Post → Create per Mode, above). */
const BY_OPERATION: Record<string, Record<string, string>> = {
	account: {
		getMany: `Read-only. Lists the social accounts connected to the Publer workspace: id (24 hexadecimal characters), name, network and type of each. Use these IDs wherever another Publer tool asks for account IDs.`,
	},
	analytics: {
		getBestTimes: `Read-only. Ranks the weekday-and-hour slots with the best engagement, to decide when to schedule posts; returns the day, hour and score of each slot. Arguments: ${ONE_ACCOUNT_OR_ALL}; ${DATES_REQUIRED}.`,
		getChartData: `Read-only. Gets the figures of analytics charts (followers, reach, engagement, …) for a period and the period before it. Arguments: Chart Names or IDs = chart IDs from Analytics → Get Charts, comma-separated; ${ONE_ACCOUNT_OR_ALL}; ${DATES_OPTIONAL}.`,
		getCharts: 'Read-only. Lists the analytics charts Publer offers, with the chart IDs that Analytics → Get Chart Data takes.',
		getCompetitorAnalytics: `Read-only. Compares one account with its tracked competitors: followers, growth, engagement, reach and post counts over a period. Arguments: Account Name or ID = one Publer account ID (the "id" field of Account → Get Many; "all" is not accepted); ${DATES_OPTIONAL}.`,
		getCompetitors: `Read-only. Lists the competitors tracked for one account or the whole workspace. Arguments: ${ONE_ACCOUNT_OR_ALL}.`,
		getHashtagInsights: `Read-only. Ranks the hashtags used in published posts by posts, reach, likes, comments, shares or video views over a period. Arguments: ${ONE_ACCOUNT_OR_ALL}; ${DATES_OPTIONAL}.`,
		getHashtagTopPosts: `Read-only. Gets the best-performing posts (up to 6) that used a hashtag. Arguments: Hashtag = the hashtag, with or without #; ${ONE_ACCOUNT_OR_ALL}; ${DATES_OPTIONAL}.`,
		getMemberAnalytics: `Read-only. Gets per team member the number of posts, engagements and reach over a period. Arguments: ${ONE_ACCOUNT_OR_ALL}; ${DATES_REQUIRED}.`,
		getPostInsights: `Read-only. Lists published posts with their performance (reach, likes, comments, shares, engagement rate, …) over a period. Arguments: ${ONE_ACCOUNT_OR_ALL}; ${DATES_REQUIRED}.`,
	},
	job: {
		get: `Read-only. Gets the status of a Publer job: working, complete or failed, with the failures per account. Arguments: ${JOB_ID}.`,
		wait: `Read-only. Waits until a Publer job is done and returns its result: complete, or failed with the failures per account. Arguments: ${JOB_ID}.`,
	},
	media: {
		getMany: 'Read-only. Lists the media in the workspace’s library (photos, videos, GIFs), filtered by type, usage, source, label or search text. Returns the media IDs to attach to posts.',
		importFromUrl:
			'Creates media: Publer downloads files from public URLs into the workspace’s library, and the tool returns one result per file with its media ID (to attach to a post). Arguments: URLs = public http(s) URLs of the files, one per line or comma-separated.',
		upload:
			'Creates media from a file in the binary data of the workflow’s input item and returns its media ID. An agent cannot pass a file, URL or text to it; for files on the web use Media → Import From URL.',
	},
	post: {
		delete:
			'DELETES posts from Publer (this cannot be undone). Arguments: Post IDs = one post ID, or several comma-separated (the "id" field of Post → Get Many). Returns deleted = true or false per post.',
		getLinkPreview:
			'Read-only. Fetches the title, description and images of a web page, as Publer shows them in a link post. Arguments: URL = the full http(s) address of the page.',
		getMany:
			'Read-only. Lists the workspace’s posts with filters (state such as scheduled, published, draft or failed; dates; accounts; text). Returns the ID, text, state, account, network, time and link of each post.',
		update:
			'CHANGES the text (and title) of an existing post; the new text replaces the old one. Once published, only LinkedIn, Google Business, Facebook, WordPress, Telegram, Mastodon and YouTube also change the live post. Arguments: Post ID = the "id" field of Post → Get Many; Text = the complete new text.',
	},
	user: {
		getMe: 'Read-only. Gets the Publer user who owns the API key (ID, name, email, …), to check whose Publer account the workflow acts for.',
	},
	workspace: {
		getMany:
			'Read-only. Lists the Publer workspaces the API key can reach, with owner, members and plan. Their "id" (24 hexadecimal characters) is the workspace ID other Publer tools take.',
		getMediaOptions: `Read-only. For the given accounts, lists the Facebook albums and Pinterest boards (album IDs) and the watermarks a post can use. Arguments: ${ACCOUNT_IDS}.`,
		getSignatures: `Read-only. For the given accounts, lists the saved signatures (their IDs can be a post’s signature). Arguments: ${ACCOUNT_IDS}.`,
	},
};

const HINT =
	'What the AI agent is told about this tool: what it does, what it changes and what each argument means. Edit it to fit how you set the tool up.';

function field(text: string, show: Record<string, NodeParameterValue[]>, hide?: Record<string, NodeParameterValue[]>): INodeProperties {
	return {
		displayName: 'Description',
		name: 'toolDescription',
		type: 'string',
		typeOptions: { rows: 4 },
		default: text,
		description: HINT,
		displayOptions: { show: { '@tool': [true], ...show }, ...(hide ? { hide } : {}) },
	};
}

/** The tool description of every operation (Post → Create per Mode), as node properties for the tool variant. */
export function toolDescriptionFields(): INodeProperties[] {
	const fields: INodeProperties[] = [];
	for (const [resource, operations] of Object.entries(BY_OPERATION)) {
		for (const [operation, text] of Object.entries(operations)) fields.push(field(text, { resource: [resource], operation: [operation] }));
	}
	for (const [mode, text] of Object.entries(CREATE_BY_MODE)) fields.push(field(text, { resource: ['post'], operation: ['create'], mode: [mode] }));
	// Mode set by an expression (e.g. by the agent): say what any mode may do.
	const modes = MODE_OPTIONS.map((option) => option.value);
	fields.push(field(CREATE_OTHER, { resource: ['post'], operation: ['create'] }, { mode: modes }));
	return fields;
}
