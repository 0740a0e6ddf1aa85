import type { INodeProperties } from 'n8n-workflow';

import { maxRateLimitWaitOption } from '../../../../../shared/descriptions';

/** Said of every option read from item 0 for the whole batch (n8n conventions 12.10). */
const FIRST_ITEM = ' Read from the first item and applied to the whole run.';

/** How the items are sent and waited for. */
export const createOptions: INodeProperties = {
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
				'Whether to send consecutive items with the same workspace and mode as one bulk request of up to 500 posts (fewer requests) instead of one request per item. Read from the first item and applied to the whole run.',
		},
		{
			displayName: 'Check for Duplicates on Unknown Outcome',
			name: 'duplicateGuard',
			type: 'boolean',
			default: true,
			description:
				'Whether to look for the posts of a request whose answer was lost (connection broken after sending, server error, unreadable answer), until Wait Timeout, and report each item as found or as outcome unknown. Such a request is never sent again (Publer has no idempotency key). Read from the first item and applied to the whole run.',
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
		{
			...maxRateLimitWaitOption,
			description: `${maxRateLimitWaitOption.description ?? ''}${FIRST_ITEM}`,
		},
		{
			displayName: 'Fit Text to Each Network',
			name: 'fitText',
			type: 'boolean',
			default: false,
			description:
				'Whether to shorten the text for each network whose limit it is over, counted as that network counts (X: 280 weighted, links 23; Bluesky: 300 graphemes; Threads, Mastodon, Pinterest: 500; …): cut between words with “…”, hashtags at the end dropped first, the Link URL kept at the end. A network override’s own text is sent as written. The output’s textFit says per network whether the text was shortened.',
		},
		{
			displayName: 'Poll Interval (Seconds)',
			name: 'pollInterval',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 1,
			description: 'Wait between job status checks; later waits grow up to 10 seconds. The first check comes 0.25 seconds after the submit (or sooner, if this is smaller). Read from the first item and applied to the whole run.',
		},
		{
			displayName: 'Resolve Post IDs',
			name: 'resolvePostIds',
			type: 'boolean',
			default: false,
			description:
				'Whether to look up the IDs of the created posts after the job finishes (Publer’s job result has none). Costs one post-list request per page of posts. Read from the first item and applied to the whole run.',
		},
		{
			displayName: 'Space Posts Apart (Minutes)',
			name: 'spacePostsApart',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 10080 },
			default: 0,
			description:
				'Schedule and Draft modes: put each account’s posts of this run at least this many minutes apart, from the given time, in item order (20 items at 09:00 with 30 become 09:00, 09:30, … on every account). 0 = off: items less than one minute apart on an account are refused, as Publer would. The output shows each account’s time. Read from the first item and applied to the whole run.',
		},
		{
			displayName: 'Validate Before Sending',
			name: 'validate',
			type: 'boolean',
			default: true,
			description:
				'Whether to check text lengths (as each network counts them; Mastodon at the default 500), media, post types, account kinds, times, the one-minute gap between posts of an account and recurring/recycling rules before any request',
		},
		{
			displayName: 'Wait for Completion',
			name: 'waitForCompletion',
			type: 'boolean',
			default: true,
			description: 'Whether to wait until Publer has processed the job and report per-account failures (does not wait for the publish time). Read from the first item and applied to the whole run.',
		},
		{
			displayName: 'Wait Timeout (Seconds)',
			name: 'waitTimeout',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 300,
			description: 'How long to wait for each job before giving up (the job keeps running at Publer). Read from the first item and applied to the whole run.',
		},
	],
};
