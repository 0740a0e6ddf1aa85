import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import { Publer } from '../../../nodes/Publer/Publer.node';
import { startSandbox, type Sandbox } from '../../../sandbox';
import { transportContext } from '../../support/context';

/**
 * The node's dropdown methods, called the way n8n's editor calls them: `this` is a load-options context whose
 * getNodeParameter answers from the parameters being edited, and whose HTTP goes through n8n-core's request
 * helper to the sandbox.
 */
const node = new Publer();
let sb: Sandbox;

function ctx(parameters: IDataObject, apiKey?: string): ILoadOptionsFunctions {
	const base = transportContext({ apiKey: apiKey ?? sb.apiKey, baseUrl: sb.baseUrl }) as unknown as IDataObject;
	return {
		...base,
		getNodeParameter: (name: string) => {
			const value = name.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as IDataObject)[k] : undefined), parameters);
			if (value === undefined) throw new Error(`Could not get parameter "${name}"`);
			if (value && typeof value === 'object' && (value as IDataObject).__rl) return (value as IDataObject).value;
			return value;
		},
		getCurrentNodeParameter: (name: string) => parameters[name],
	} as unknown as ILoadOptionsFunctions;
}
const loadOptions = node.methods.loadOptions as unknown as Record<string, (this: ILoadOptionsFunctions) => Promise<INodePropertyOptions[]>>;
const listSearch = node.methods.listSearch as unknown as Record<string, (this: ILoadOptionsFunctions, filter?: string) => Promise<INodeListSearchResult>>;
const ws = () => ({ __rl: true, mode: 'list', value: sb.workspaceId });

beforeAll(async () => {
	sb = await startSandbox({ rateLimit: false });
});
afterAll(async () => sb.close());
beforeEach(() => sb.clearRequests());

describe('workspace and account dropdowns', () => {
	it('searchWorkspaces lists the key’s workspaces and filters by name', async () => {
		const all = await listSearch.searchWorkspaces.call(ctx({}));
		expect(all.results.map((r) => r.value)).toEqual(expect.arrayContaining([sb.workspaceId, sb.secondWorkspaceId]));
		expect(all.results.map((r) => r.value)).not.toContain(sb.otherWorkspaceId);
		const name = all.results.find((r) => r.value === sb.workspaceId)!.name;
		const some = await listSearch.searchWorkspaces.call(ctx({}), name.slice(0, 5).toUpperCase());
		expect(some.results.map((r) => r.value)).toContain(sb.workspaceId);
	});

	it('getAccounts depends on the workspace and is filtered by the chosen networks', async () => {
		expect(await loadOptions.getAccounts.call(ctx({}))).toEqual([]);
		const all = await loadOptions.getAccounts.call(ctx({ workspace: ws() }));
		expect(all.map((o) => o.value).sort()).toEqual(sb.accounts().map((a) => a.id).sort());
		expect(all.find((o) => o.value === sb.accountFor('facebook').id)!.name).toMatch(/\(Facebook page\)$/);
		const second = await loadOptions.getAccounts.call(ctx({ workspace: { __rl: true, mode: 'id', value: sb.secondWorkspaceId } }));
		expect(second.map((o) => o.value).sort()).toEqual(sb.accounts(sb.secondWorkspaceId).map((a) => a.id).sort());
		expect(sb.requests({ path: '/accounts' }).map((r) => r.headers['publer-workspace-id'])).toEqual([sb.workspaceId, sb.secondWorkspaceId]);

		const fbOnly = await loadOptions.getAccounts.call(ctx({ workspace: ws(), network: 'facebook' }));
		expect(fbOnly.length).toBeGreaterThan(0);
		expect(fbOnly.map((o) => o.value).sort()).toEqual(sb.accounts().filter((a) => a.provider === 'facebook').map((a) => a.id).sort());
	});

	it('searchAccounts (resource locator) searches by name and filters by network', async () => {
		const ig = sb.accountFor('instagram');
		const found = await listSearch.searchAccounts.call(ctx({ workspace: ws() }), ig.name.slice(0, 4).toLowerCase());
		expect(found.results.map((r) => r.value)).toContain(ig.id);
		const byNetwork = await listSearch.searchAccounts.call(ctx({ workspace: ws(), networks: ['instagram'] }));
		expect(byNetwork.results.map((r) => r.value).sort()).toEqual(sb.accounts().filter((a) => a.provider === 'instagram').map((a) => a.id).sort());
		expect((await listSearch.searchAccounts.call(ctx({}))).results).toEqual([]);
	});

	it('getAnalyticsAccounts offers the whole workspace first', async () => {
		const options = await loadOptions.getAnalyticsAccounts.call(ctx({ workspace: ws() }));
		expect(options[0]).toMatchObject({ name: 'All Accounts (Whole Workspace)', value: 'all' });
		expect(options).toHaveLength(sb.accounts().length + 1);
	});
});

describe('analytics and post-setting dropdowns', () => {
	it('getChartIds lists charts for the chosen account’s type', async () => {
		const yt = sb.accountFor('youtube');
		const forYoutube = await loadOptions.getChartIds.call(ctx({ workspace: ws(), account: yt.id }));
		expect(forYoutube.map((o) => o.value)).toContain('followers');
		expect(forYoutube.map((o) => o.value)).not.toContain('link_clicks');
		expect(sb.requests({ path: '/analytics/charts' })[0].query).toEqual({ account_type: 'youtube' });
		const all = await loadOptions.getChartIds.call(ctx({ workspace: ws(), account: 'all' }));
		expect(all.map((o) => o.value)).toContain('link_clicks');
	});

	it('getSignatures lists the signatures of the chosen accounts', async () => {
		const fb = sb.accountFor('facebook');
		const options = await loadOptions.getSignatures.call(ctx({ workspace: ws(), accounts: [fb.id] }));
		expect(options.map((o) => o.value).sort()).toEqual(fb.signatures.map((s: IDataObject) => s.id).sort());
		expect(options.find((o) => String(o.name).startsWith('Default sign-off'))!.name).toContain('(default)');
		expect(sb.requests({ path: `/workspaces/${sb.workspaceId}/signatures` })[0].query).toEqual({ accounts: [fb.id] });
	});

	it('getWatermarks and getAlbums read the media options of the chosen account', async () => {
		const pin = sb.accountFor('pinterest');
		const albums = await loadOptions.getAlbums.call(ctx({ workspace: ws(), account: pin.id }));
		expect(albums.map((o) => o.value).sort()).toEqual(pin.albums.map((a: IDataObject) => a.id).sort());
		expect(albums[0].name).toMatch(/\(Pinterest board\)$/);
		const watermarks = await loadOptions.getWatermarks.call(ctx({ workspace: ws(), accounts: [pin.id, sb.accountFor('facebook').id] }));
		expect(watermarks.length).toBeGreaterThan(0);
		expect(new Set(watermarks.map((o) => o.value)).size).toBe(watermarks.length);
	});

	it('says what to pick first when the workspace or account is missing', async () => {
		await expect(loadOptions.getSignatures.call(ctx({}))).rejects.toThrow('Choose a workspace first');
		await expect(loadOptions.getAlbums.call(ctx({ workspace: ws() }))).rejects.toThrow('Choose an account first');
		expect(sb.requests()).toHaveLength(0);
	});

	it.each([
		['getChartIds', { account: 'all' }, sb_keys('noAnalytics'), 'analytics'],
		['getSignatures', { accounts: ['x'] }, sb_keys('postsOnly'), 'workspaces'],
		['getAlbums', { accounts: ['x'] }, sb_keys('postsOnly'), 'workspaces'],
		['getAccounts', {}, sb_keys('postsOnly'), 'accounts'],
	])('%s names the scope the key lacks and the manual fallback', async (method, params, key, scope) => {
		const error = await loadOptions[method].call(ctx({ workspace: ws(), ...params }, key())).catch((e: Error) => e);
		expect((error as Error).message).toMatch(/^The list cannot load: Publer refused access/);
		expect((error as { description?: string }).description).toContain(`the "${scope}" scope`);
		expect((error as { description?: string }).description).toContain('enter the ID directly with an expression');
	});

	it('searchWorkspaces explains a revoked key', async () => {
		const error = await listSearch.searchWorkspaces.call(ctx({}, sb.keys.revoked)).catch((e: Error) => e);
		expect((error as Error).message).toMatch(/^The list cannot load: Publer did not accept the API key/);
		expect((error as { description?: string }).description).toContain('enter the ID directly with an expression');
	});
});

function sb_keys(name: 'noAnalytics' | 'postsOnly'): () => string {
	return () => sb.keys[name];
}
