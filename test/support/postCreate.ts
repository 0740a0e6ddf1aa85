/* Post → Create against the sandbox, in n8n's engine: one item per post, with the account, text and time taken from
   each item's JSON (`account`, `text`, `when`), in Schedule mode unless the parameters say otherwise. */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { runPublerNode } from './run';

export type OnError = 'continueErrorOutput' | 'stopWorkflow';

/** Runs Post → Create; `defaultOptions` go under the parameters' own Options (Poll Interval 0 unless given). */
export function runPostCreate(sb: Sandbox, parameters: INodeParameters, items: IDataObject[], onError: OnError = 'continueErrorOutput', defaultOptions: IDataObject = {}) {
	return runPublerNode({
		credentials: { apiKey: sb.apiKey, baseUrl: sb.baseUrl },
		parameters: {
			resource: 'post',
			operation: 'create',
			workspace: { __rl: true, mode: 'id', value: sb.workspaceId },
			mode: 'schedule',
			accounts: '={{ $json.account }}',
			text: '={{ $json.text }}',
			scheduledAt: '={{ $json.when }}',
			...parameters,
			options: { pollInterval: 0, ...defaultOptions, ...((parameters.options as IDataObject) ?? {}) },
		},
		items,
		onError,
	});
}
