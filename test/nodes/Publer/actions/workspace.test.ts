import { startSandbox, type Sandbox } from '../../../../sandbox';
import { runPublerNode, shutdownN8nCore } from '../../../support';

let sb: Sandbox;
const creds = (apiKey?: string) => ({ apiKey: apiKey ?? sb.apiKey, baseUrl: sb.baseUrl });
const ws = () => ({ __rl: true, mode: 'id', value: sb.workspaceId });

beforeAll(async () => {
	sb = await startSandbox({ rateLimit: false });
});
afterAll(async () => {
	await sb.close();
	shutdownN8nCore();
});
beforeEach(() => sb.clearRequests());

describe('Workspace → Get Signatures', () => {
	it('returns one item per signature with its account, for the chosen accounts', async () => {
		const fb = sb.accountFor('facebook');
		const li = sb.accountFor('linkedin');
		const result = await runPublerNode({
			credentials: creds(),
			parameters: { resource: 'workspace', operation: 'getSignatures', workspace: ws(), accounts: [fb.id, li.id] },
		});
		expect(result.error).toBeUndefined();
		const expected = [fb, li].flatMap((a) => a.signatures.map((s: Record<string, unknown>) => ({ account_id: a.id, ...s })));
		expect(result.items.map((i) => i.json)).toEqual(expected);
		const [req] = sb.requests({ path: `/workspaces/${sb.workspaceId}/signatures` });
		expect(req.method).toBe('GET');
		expect(req.query).toEqual({ accounts: [fb.id, li.id] });
		expect(req.headers['publer-workspace-id']).toBe(sb.workspaceId);
	});

	it('returns Publer’s per-account entries without Simplify, and takes IDs from an expression', async () => {
		const fb = sb.accountFor('facebook');
		const result = await runPublerNode({
			credentials: creds(),
			items: [{ ids: `${fb.id}` }],
			parameters: { resource: 'workspace', operation: 'getSignatures', workspace: ws(), accounts: '={{ $json.ids }}', simplify: false },
		});
		expect(result.items.map((i) => i.json)).toEqual([{ account_id: fb.id, signatures: fb.signatures }]);
	});

	it('needs at least one account, before any request', async () => {
		const result = await runPublerNode({
			credentials: creds(),
			onError: 'continueErrorOutput',
			parameters: { resource: 'workspace', operation: 'getSignatures', workspace: ws(), accounts: '={{ [] }}' },
		});
		expect(result.errorItems[0].json.error).toBe('Choose at least one account');
		expect(sb.requests()).toHaveLength(0);
	});

	it('names the missing workspaces scope', async () => {
		const result = await runPublerNode({
			credentials: creds(sb.keys.postsOnly),
			onError: 'continueErrorOutput',
			parameters: { resource: 'workspace', operation: 'getSignatures', workspace: ws(), accounts: [sb.accountFor('facebook').id] },
		});
		expect(result.errorItems[0].json.error).toBe('Publer refused access: This API key is missing the "workspaces" scope');
	});
});

describe('Workspace → Get Media Options', () => {
	it('returns albums/boards and watermarks per account', async () => {
		const pin = sb.accountFor('pinterest');
		const tt = sb.accountFor('tiktok');
		const result = await runPublerNode({
			credentials: creds(),
			parameters: { resource: 'workspace', operation: 'getMediaOptions', workspace: ws(), accounts: [pin.id, tt.id] },
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(2);
		expect(result.items[0].json).toMatchObject({ account_id: pin.id, albums: pin.albums });
		expect((result.items[0].json.watermarks as unknown[]).length).toBeGreaterThan(0);
		expect(result.items[1].json).toEqual({ account_id: tt.id, albums: tt.albums, watermarks: [] });
		expect(sb.requests({ path: `/workspaces/${sb.workspaceId}/media_options` })[0].query).toEqual({ accounts: [pin.id, tt.id] });
	});
});
