import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

export const OBJECT_ID_REGEX = '^[0-9a-fA-F]{24}$';

/** The workspace every workspace-scoped operation works in (list with search, or an ID). */
export const workspaceLocator: INodeProperties = {
	displayName: 'Workspace',
	name: 'workspace',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The Publer workspace to work in. By ID: the 24-hex workspace ID from Workspace → Get Many.',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchWorkspaces', searchable: true },
		},
		{
			displayName: 'ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 61a7c2e4f9e8c3b2d1e0f9a8',
			validation: [
				{
					type: 'regex',
					properties: { regex: OBJECT_ID_REGEX, errorMessage: 'A Publer workspace ID is 24 hexadecimal characters' },
				},
			],
		},
	],
};

export function getWorkspaceId(this: IExecuteFunctions, itemIndex: number): string {
	return String(this.getNodeParameter('workspace', itemIndex, '', { extractValue: true }) ?? '').trim();
}
