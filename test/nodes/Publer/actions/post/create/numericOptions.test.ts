/**
 * Issue 12, item 7: a non-numeric option from an expression ("abc" for Wait Timeout, Poll Interval, Max Rate-Limit
 * Wait) used to become NaN and remove every bound. Post → Create now refuses it before any request is sent.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../../../../../sandbox';
import { runPublerNode, shutdownN8nCore } from '../../../../../support';

describe('Post → Create: numeric options are checked before anything is sent', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		sb = await startSandbox({ rateLimit: false, jobWorkingPolls: 0 });
	});
	afterAll(async () => {
		await sb.close();
		shutdownN8nCore();
	});
	beforeEach(() => sb.reset());

	const run = (options: IDataObject) =>
		runPublerNode({
			credentials: { apiKey: sb.apiKey, baseUrl: sb.baseUrl },
			parameters: {
				resource: 'post',
				operation: 'create',
				workspace: { __rl: true, mode: 'id', value: sb.workspaceId },
				mode: 'draft',
				accounts: [sb.accountFor('mastodon').id],
				text: 'Hello',
				options: options as INodeParameters,
			},
			items: [{}],
			onError: 'stopWorkflow',
		});

	it.each([
		['waitTimeout', 'abc', 'Wait Timeout (Seconds)'],
		['waitTimeout', -5, 'Wait Timeout (Seconds)'],
		['pollInterval', 'NaN', 'Poll Interval (Seconds)'],
		['pollInterval', 1e9, 'Poll Interval (Seconds)'],
		['maxRateLimitWait', 'Infinity', 'Max Rate-Limit Wait (Seconds)'],
		['maxRateLimitWait', '{}', 'Max Rate-Limit Wait (Seconds)'],
	])('%s = %p is refused, naming the option, with no request sent', async (name, value, label) => {
		const result = await run({ [name]: value });
		expect(String(result.error?.message)).toContain(`"${label}" must be`);
		expect(sb.requests()).toHaveLength(0);
	});

	it('numbers given as text within the range are accepted', async () => {
		const result = await run({ waitTimeout: '30', pollInterval: '0', maxRateLimitWait: '10' });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect(sb.requests({ method: 'POST', path: /^\/posts\/schedule/ })).toHaveLength(1);
	});
});
