import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { workspaceLocator } from '../shared/descriptions';
import { sharedMethods } from '../shared/methods';
import { NETWORK_OPTIONS } from '../shared/networks';
import { isPostState, POST_STATES, postStateOptions } from '../shared/postStates';
import { toStringList } from '../shared/values';
import { pollLifecycle } from './events/lifecycle';
import { ENGAGEMENT_METRICS, pollEngagement } from './events/engagement';
import { pollJobs } from './events/jobs';
import { invalidSetting, MAX_REQUESTS_PER_POLL, toExecutionData, type PollRun, type PollSettings } from './events/poll';
import { fingerprint, newState, readState, writeState } from './state';

const METRIC_LABELS: Record<string, string> = {
	click_through_rate: 'Click-Through Rate (%)',
	comments: 'Comments',
	engagement: 'Engagement',
	engagement_rate: 'Engagement Rate (%)',
	likes: 'Likes',
	link_clicks: 'Link Clicks',
	post_clicks: 'Post Clicks',
	reach: 'Reach',
	reach_rate: 'Reach Rate (%)',
	saves: 'Saves',
	shares: 'Shares',
	video_views: 'Video Views',
};

const byName = (left: { name: string }, right: { name: string }) => left.name.localeCompare(right.name);
const JOB_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const lifecycleEvents = ['postEnteredState', 'postFailed', 'postPublished'];
/** Post Failed with Failed Job IDs: requests of each poll kept for the job checks. */
const JOB_REQUEST_SHARE = 3;

export class PublerTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Publer Trigger',
		name: 'publerTrigger',
		icon: { light: 'file:../../icons/publer.svg', dark: 'file:../../icons/publer.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts the workflow when Publer posts go live or fail, change state, reach an engagement threshold, or when jobs finish',
		defaults: { name: 'Publer Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'publerApi', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				default: 'postPublished',
				options: [
					{
						name: 'Engagement Threshold Reached',
						value: 'engagementThreshold',
						description: 'A post of the look-back window reached a value of a metric (once per post)',
					},
					{
						name: 'Job Completed',
						value: 'jobCompleted',
						description: 'A Publer job you name finished; emits its outcome once',
					},
					{
						name: 'Post Entered State',
						value: 'postEnteredState',
						description: 'A post entered one of the chosen states (pending approval, needs reconnection, ...)',
					},
					{
						name: 'Post Failed',
						value: 'postFailed',
						description: 'A post failed to publish, with Publer’s reason',
					},
					{
						name: 'Post Published',
						value: 'postPublished',
						description: 'A post went live on its network',
					},
				],
			},
			workspaceLocator,
			{
				displayName: 'States',
				name: 'states',
				type: 'multiOptions',
				required: true,
				default: ['scheduled_pending'],
				description: 'The states to watch; "(Any)" entries stand for the whole family',
				options: postStateOptions(),
				displayOptions: { show: { event: ['postEnteredState'] } },
			},
			{
				displayName: 'Job IDs',
				name: 'jobIds',
				type: 'string',
				required: true,
				default: '',
				placeholder: 'e.g. 6810dec617eae6d55d7a5e5b, 6810dec617eae6d55d7a5e5c',
				description:
					'The jobs to watch: IDs separated by commas, or an expression that returns a list (for example from the static data or a data table where another workflow stores the job IDs it submitted)',
				displayOptions: { show: { event: ['jobCompleted'] } },
			},
			{
				displayName: 'Metric',
				name: 'metric',
				type: 'options',
				default: 'likes',
				description: 'The post metric to watch, as Publer’s post insights report it. Publer reports no impressions per post; use Reach.',
				options: ENGAGEMENT_METRICS.map((metric) => ({ name: METRIC_LABELS[metric] ?? metric, value: metric })).sort(byName),
				displayOptions: { show: { event: ['engagementThreshold'] } },
			},
			{
				displayName: 'Threshold',
				name: 'threshold',
				type: 'number',
				required: true,
				typeOptions: { minValue: 0 },
				default: 100,
				description: 'The trigger fires once per post when the metric reaches this value (rates are percentages, e.g. 5 for 5 %)',
				displayOptions: { show: { event: ['engagementThreshold'] } },
			},
			{
				displayName: 'Look-Back Window (Days)',
				name: 'lookbackDays',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 90 },
				default: 7,
				description: 'Only posts scheduled within this many days are watched; older posts are forgotten',
				displayOptions: { show: { event: ['engagementThreshold'] } },
			},
			{
				displayName: 'Filters',
				name: 'filters',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				displayOptions: { show: { event: [...lifecycleEvents, 'engagementThreshold'] } },
				options: [
					{
						displayName: 'Account Names or IDs',
						name: 'accountIds',
						type: 'multiOptions',
						typeOptions: { loadOptionsMethod: 'getAccounts', loadOptionsDependsOn: ['workspace.value'] },
						default: [],
						description:
							'Only posts of these accounts. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
					{
						displayName: 'Networks',
						name: 'networks',
						type: 'multiOptions',
						options: NETWORK_OPTIONS,
						default: [],
						description: 'Only posts on these networks',
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
						displayName: 'Failed Job IDs',
						name: 'jobIds',
						type: 'string',
						default: '',
						placeholder: 'e.g. 6810dec617eae6d55d7a5e5b',
						description:
							'Also report the per-account failures of these jobs (IDs separated by commas, or an expression returning a list): posts Publer refused never show up as failed posts',
						displayOptions: { show: { '/event': ['postFailed'] } },
					},
					{
						displayName: 'Include Existing',
						name: 'includeExisting',
						type: 'boolean',
						default: false,
						description:
							'Whether the first poll after activation emits what already matches (posts in the window, posts above the threshold, finished jobs). Off: the first poll only records a starting point.',
					},
					{
						displayName: 'Late Window (Hours)',
						name: 'lateWindowHours',
						type: 'number',
						typeOptions: { minValue: 0, maxValue: 168 },
						default: 3,
						description:
							'How long after its scheduled time a post may still change state and be caught. Larger windows catch later changes but read more posts per poll.',
						displayOptions: { show: { '/event': lifecycleEvents } },
					},
				],
			},
		],
	};

	methods = sharedMethods;

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const settings = readSettings(this);
		const manual = this.getMode() === 'manual';
		const settingsKey = fingerprint([
			settings.event,
			settings.workspaceId,
			settings.accountIds,
			settings.networks,
			settings.states,
			settings.metric,
			settings.threshold,
			settings.lookbackDays,
		]);
		const stored = readState(this, settingsKey);
		const state = stored ?? newState(settingsKey);
		const run: PollRun = {
			context: this,
			settings,
			state,
			manual,
			baseline: !state.init,
			now: Date.now(),
			rateLimited: false,
			requests: 0,
			// Engagement reads until the values drop below the threshold (README: 1 request per 10 posts above it).
			budget: settings.event === 'engagementThreshold' ? undefined : MAX_REQUESTS_PER_POLL,
		};

		let items: IDataObject[] = [];
		try {
			switch (settings.event) {
				case 'postPublished':
				case 'postEnteredState':
					items = (await pollLifecycle(run, settings.event)).items;
					break;
				case 'postFailed':
					// The named jobs keep a share of the poll's requests, so a long read of the window never starves them.
					if (settings.jobIds.length) run.budget = MAX_REQUESTS_PER_POLL - JOB_REQUEST_SHARE;
					items = (await pollLifecycle(run, 'postFailed')).items;
					run.budget = MAX_REQUESTS_PER_POLL;
					run.budgetSpent = false;
					if (settings.jobIds.length && !(manual && items.length)) items.push(...(await pollJobs(run, 'failures')).items);
					break;
				case 'jobCompleted':
					items = (await pollJobs(run, 'completed')).items;
					break;
				case 'engagementThreshold':
					items = (await pollEngagement(run)).items;
					break;
			}
		} catch (error) {
			throw explainPollError(error as Error, state.init, manual);
		}

		if (manual) return items.length ? [toExecutionData(items.slice(-1))] : null;
		if (run.rateLimited && !state.init) {
			throw new NodeOperationError(this.getNode(), 'Publer’s rate limit is spent, so the trigger could not record its starting point', {
				description:
					'Publer allows 100 requests per 2 minutes per user, across all keys. Activate the workflow again in two minutes, or pause other workflows that use this Publer user.',
			});
		}
		state.init = true;
		writeState(this, state);
		return items.length ? [toExecutionData(items)] : null;
	}
}

function readSettings(context: IPollFunctions): PollSettings {
	const run = { context };
	const event = context.getNodeParameter('event', 'postPublished') as string;
	const workspaceId = String(context.getNodeParameter('workspace', '', { extractValue: true }) ?? '').trim();
	if (!workspaceId) throw invalidSetting(run, 'No workspace chosen', 'Pick the Publer workspace to watch in the "Workspace" field.');
	const filters = (context.getNodeParameter('filters', {}) ?? {}) as IDataObject;
	const options = (context.getNodeParameter('options', {}) ?? {}) as IDataObject;
	const settings: PollSettings = {
		event,
		workspaceId,
		accountIds: toStringList(filters.accountIds).sort(),
		networks: toStringList(filters.networks).sort(),
		includeExisting: options.includeExisting === true,
		lateWindowSec: Math.round(Math.min(168, Math.max(0, Number(options.lateWindowHours ?? 3) || 0)) * 3600),
		states: [],
		jobIds: [],
		metric: '',
		threshold: 0,
		lookbackDays: 0,
	};
	if (event === 'postEnteredState') {
		settings.states = toStringList(context.getNodeParameter('states', []));
		const unknown = settings.states.find((state) => !isPostState(state));
		if (unknown) throw invalidSetting(run, `"${unknown}" is not a Publer post state`, `Pick states from the list: ${POST_STATES.join(', ')}.`);
		if (!settings.states.length) throw invalidSetting(run, 'No state chosen', 'Pick at least one state in the "States" field.');
		settings.states.sort();
	}
	if (event === 'jobCompleted' || event === 'postFailed') {
		const raw = event === 'jobCompleted' ? context.getNodeParameter('jobIds', '') : options.jobIds;
		settings.jobIds = [...new Set(toStringList(raw))];
		const bad = settings.jobIds.find((id) => !JOB_ID_PATTERN.test(id));
		if (bad) throw invalidSetting(run, `"${bad}" is not a Publer job ID`, 'A job ID is the "job_id" Publer returned when the posts or media were submitted, e.g. 6810dec617eae6d55d7a5e5b. Separate several IDs with commas.');
		if (event === 'jobCompleted' && !settings.jobIds.length) {
			throw invalidSetting(run, 'No job ID given', 'Enter the job IDs to watch in the "Job IDs" field, or an expression that returns them.');
		}
	}
	if (event === 'engagementThreshold') {
		settings.metric = context.getNodeParameter('metric', 'likes') as string;
		if (!(ENGAGEMENT_METRICS as readonly string[]).includes(settings.metric)) {
			throw invalidSetting(run, `"${settings.metric}" is not a metric Publer reports per post`, `Use one of: ${ENGAGEMENT_METRICS.join(', ')}.`);
		}
		settings.threshold = Number(context.getNodeParameter('threshold', 100));
		if (!Number.isFinite(settings.threshold) || settings.threshold < 0) {
			throw invalidSetting(run, 'The threshold must be a number of 0 or more', 'Enter the value the metric has to reach, e.g. 100.');
		}
		settings.lookbackDays = Math.round(Number(context.getNodeParameter('lookbackDays', 7)));
		if (!(settings.lookbackDays >= 1 && settings.lookbackDays <= 90)) {
			throw invalidSetting(run, 'The look-back window must be 1 to 90 days', 'Enter how many days back posts are watched, e.g. 7.');
		}
	}
	return settings;
}

/** Says in the error whether activation failed or a later poll did (n8n keeps polling in that case). */
function explainPollError(error: Error, initialised: boolean, manual: boolean): Error {
	if (manual) return error;
	const described = error as Error & { description?: string | null };
	const prefix = initialised
		? ' The trigger stays active and its cursor did not move: the next poll catches up.'
		: ' The trigger could not record its starting point, so the workflow was not activated.';
	described.description = `${described.description ?? ''}${prefix}`.trim();
	return described;
}
