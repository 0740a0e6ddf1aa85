import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { resources } from '../../nodes/Publer/actions';
import { Publer } from '../../nodes/Publer/Publer.node';

/** What an AI Agent sees of the node when it is attached as a tool. */
const description = new Publer().description;
const operationSelectors = description.properties.filter((p) => p.name === 'operation') as INodeProperties[];
const resourceOf = (p: INodeProperties) => String(p.displayOptions?.show?.resource?.[0]);

describe('the Publer node as an AI-agent tool', () => {
	it('is usable as a tool', () => {
		expect(description.usableAsTool).toBe(true);
	});

	it('has one operation selector per resource, listing every implemented operation', () => {
		expect(operationSelectors.map(resourceOf).sort()).toEqual(Object.keys(resources).sort());
		for (const selector of operationSelectors) {
			const values = (selector.options as INodePropertyOptions[]).map((o) => String(o.value)).sort();
			expect(values).toEqual(Object.keys(resources[resourceOf(selector)].operations).sort());
		}
	});

	it('gives every operation an action and a description an agent can act on', () => {
		const problems: string[] = [];
		for (const selector of operationSelectors) {
			for (const option of selector.options as INodePropertyOptions[]) {
				const where = `${resourceOf(selector)} → ${option.name}`;
				if (typeof option.action !== 'string' || option.action.trim().length < 5) problems.push(`${where}: no action`);
				if (typeof option.description !== 'string' || option.description.trim().length < 20) problems.push(`${where}: description too short`);
			}
		}
		expect(problems).toEqual([]);
	});

	it('says that Media → Upload needs a binary input', () => {
		const media = operationSelectors.find((s) => resourceOf(s) === 'media')!;
		const upload = (media.options as INodePropertyOptions[]).find((o) => o.value === 'upload')!;
		expect(upload.description).toMatch(/binary/i);
		expect(upload.description).toMatch(/needs binary data/i);
	});

	it('marks read-only operations of media, analytics and workspace details as such, and says what writes create', () => {
		const describe = (resource: string, value: string) =>
			String(((operationSelectors.find((s) => resourceOf(s) === resource)!.options as INodePropertyOptions[]).find((o) => o.value === value) ?? {}).description);
		for (const op of Object.keys(resources.analytics.operations)) expect(describe('analytics', op)).toMatch(/^Read-only\./);
		expect(describe('workspace', 'getSignatures')).toMatch(/^Read-only\./);
		expect(describe('workspace', 'getMediaOptions')).toMatch(/^Read-only\./);
		expect(describe('media', 'getMany')).toMatch(/read-only/);
		expect(describe('media', 'importFromUrl')).toMatch(/creates media/);
		expect(describe('media', 'upload')).toMatch(/creating a media object/);
	});
});
