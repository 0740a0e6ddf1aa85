import type { INodeProperties } from 'n8n-workflow';

import { account } from './account';
import type { PublerResource } from './types';
import { user } from './user';
import { workspace } from './workspace';

/** Every resource of the node. Add a resource here and in `resourceOptions`. */
export const resources: Record<string, PublerResource> = {
	account,
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
		{ name: 'User', value: 'user' },
		{ name: 'Workspace', value: 'workspace' },
	],
	default: 'account',
};

export const nodeProperties: INodeProperties[] = [
	resourceProperty,
	...Object.values(resources).flatMap((r) => r.description),
];
