import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { getJobStatus } from '../../../shared/transport';
import { getWorkspaceId, workspaceLocator } from '../../../shared/descriptions';

const show = { resource: ['job'], operation: ['get'] };

export const jobIdField: INodeProperties = {
	displayName: 'Job ID',
	name: 'jobId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 6810dec617eae6d55d7a5e5b',
	description: 'The job ID returned by Post → Create (or Media → Import From URL)',
};

const properties: INodeProperties[] = [workspaceLocator, jobIdField];

export const description = updateDisplayOptions({ show }, properties);

export function readJobId(this: IExecuteFunctions, itemIndex: number): string {
	const jobId = String(this.getNodeParameter('jobId', itemIndex, '') ?? '').trim();
	if (!jobId) throw new NodeOperationError(this.getNode(), `Item ${itemIndex}: jobId — a job ID is required`, { itemIndex });
	if (!/^[0-9A-Za-z_-]+$/.test(jobId)) {
		throw new NodeOperationError(this.getNode(), `Item ${itemIndex}: jobId — "${jobId}" is not a Publer job ID`, { itemIndex });
	}
	return jobId;
}

/** Job → Get: the job's status in one normalised shape, whatever envelope Publer used (§5.9). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const workspaceId = getWorkspaceId.call(this, itemIndex);
	const jobId = readJobId.call(this, itemIndex);
	return await getJobStatus.call(this, jobId, workspaceId, itemIndex);
}
