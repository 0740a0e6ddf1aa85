import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { waitForJob } from '../../../shared/transport';
import { getWorkspaceId, workspaceLocator } from '../../../shared/descriptions';
import { POLL_INTERVAL_BOUNDS, readBoundedNumber, WAIT_TIMEOUT_BOUNDS } from '../../../shared/parameters';
import { jobIdField, readJobId } from './get.operation';


const show = { resource: ['job'], operation: ['wait'] };

const properties: INodeProperties[] = [
	workspaceLocator,
	jobIdField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Fail on Post Failures',
				name: 'failOnFailures',
				type: 'boolean',
				default: true,
				description: 'Whether a finished job that reports failures for some accounts makes the item fail',
			},
			{
				displayName: 'Poll Interval (Seconds)',
				name: 'pollInterval',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 600 },
				default: 1,
				description: 'First wait before asking for the status; later waits grow up to 10 seconds',
			},
			{
				displayName: 'Wait Timeout (Seconds)',
				name: 'waitTimeout',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 86400 },
				default: 300,
				description: 'How long to wait before giving up (the job keeps running at Publer)',
			},
		],
	},
];

export const description = updateDisplayOptions({ show }, properties);

/** Job → Wait for Completion: polls with back-off until the job is done or the timeout passes. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const workspaceId = getWorkspaceId.call(this, itemIndex);
	const jobId = readJobId.call(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const pollIntervalMs = readBoundedNumber.call(this, 'options.pollInterval', itemIndex, POLL_INTERVAL_BOUNDS) * 1000;
	const timeoutMs = readBoundedNumber.call(this, 'options.waitTimeout', itemIndex, WAIT_TIMEOUT_BOUNDS) * 1000;
	const job = await waitForJob.call(this, {
		jobId,
		workspaceId,
		itemIndex,
		timeoutMs,
		initialDelayMs: pollIntervalMs,
		maxDelayMs: Math.max(pollIntervalMs, 10_000),
	});
	if (job.status === 'failed') {
		throw new NodeOperationError(this.getNode(), `Publer job ${jobId} failed: ${job.error ?? 'no reason given'}`, { itemIndex });
	}
	if (job.failures.length && options.failOnFailures !== false) {
		throw new NodeOperationError(
			this.getNode(),
			`Publer job ${jobId} finished with ${job.failures.length} failure${job.failures.length === 1 ? '' : 's'}: ${job.failures
				.map((f) => `${f.account_name ?? f.account_id ?? 'post'}: ${f.message}`)
				.join('; ')}`,
			{ itemIndex, description: 'Turn off "Fail on Post Failures" to get the failures in the output instead.' },
		);
	}
	return job;
}
