import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { publerApiRequest } from '../../../../shared/transport';
import type { AccountInfo } from '../../../../shared/types';
import type { BuiltPost } from '../../../helpers/post';

/**
 * Publer takes the full watermark object (as `GET /workspaces/{id}/media_options` returns it) in
 * `accounts[].watermark`. A watermark chosen by ID is completed from the workspace's media options: one request
 * per workspace and run, and only when a watermark is given by ID. An ID that no chosen account has fails the item
 * before anything is sent.
 */
export async function completeWatermarks(
	this: IExecuteFunctions,
	built: BuiltPost,
	workspaceId: string,
	itemIndex: number,
	accounts: Map<string, AccountInfo> | undefined,
	cache: Map<string, Map<string, IDataObject>>,
	maxRateLimitWaitMs: number,
): Promise<void> {
	const targets = (Array.isArray(built.post.accounts) ? built.post.accounts : []) as IDataObject[];
	const byId = targets.filter((target) => {
		const watermark = target.watermark as IDataObject | undefined;
		return watermark && typeof watermark === 'object' && Object.keys(watermark).length === 1 && typeof watermark.id === 'string';
	});
	if (!byId.length) return;
	let known = cache.get(workspaceId);
	if (!known) {
		const ids = [...(accounts?.keys() ?? targets.map((target) => String(target.id)))];
		const response = await publerApiRequest.call(this, {
			method: 'GET',
			path: `/workspaces/${encodeURIComponent(workspaceId)}/media_options`,
			workspaceId,
			itemIndex,
			qs: { 'accounts[]': ids },
			maxRateLimitWaitMs,
		});
		known = new Map();
		for (const entry of Array.isArray(response) ? (response as IDataObject[]) : []) {
			for (const watermark of Array.isArray(entry.watermarks) ? (entry.watermarks as IDataObject[]) : []) known.set(String(watermark.id), watermark);
		}
		cache.set(workspaceId, known);
	}
	for (const target of byId) {
		const id = String((target.watermark as IDataObject).id);
		const full = known.get(id);
		if (!full) {
			throw new NodeOperationError(this.getNode(), `Item ${itemIndex}: extras.watermark — watermark ${id} is not one of the workspace's watermarks`, {
				itemIndex,
				description: 'Pick the watermark from the list (it shows the watermarks of the chosen accounts), or check its ID with Workspace → Get Media Options. Nothing was sent to Publer.',
			});
		}
		target.watermark = { ...full };
	}
}
