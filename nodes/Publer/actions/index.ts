import type { INodeProperties } from 'n8n-workflow';

import { account } from './account';
import { analytics } from './analytics';
import { job } from './job';
import { media } from './media';
import { post } from './post';
import type { PublerResource } from './types';
import { user } from './user';
import { workspace } from './workspace';

/** Every resource of the node. Add a resource here and in `resourceOptions`. */
export const resources: Record<string, PublerResource> = {
	account,
	analytics,
	job,
	media,
	post,
	user,
	workspace,
};

export const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Account', value: 'account' },
		{ name: 'Analytics', value: 'analytics' },
		{ name: 'Job', value: 'job' },
		{ name: 'Media', value: 'media' },
		{ name: 'Post', value: 'post' },
		{ name: 'User', value: 'user' },
		{ name: 'Workspace', value: 'workspace' },
	],
	default: 'account',
};

export const nodeProperties: INodeProperties[] = [
	resourceProperty,
	...Object.values(resources).flatMap((r) => r.description),
];
