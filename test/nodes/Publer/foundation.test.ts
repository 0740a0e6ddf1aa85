import { runPublerNode, shutdownN8nCore } from '../../support';
import { FakeServer } from '../../support/fakeServer';

const KEY = 'wf_key_0123456789abcdef';
const WS = '61a7c2e4f9e8c3b2d1e0f9a8';
const accounts = [
	{ id: '63c675b54e299e9cf2b667ea', provider: 'bluesky', name: 'Tech News Daily', social_id: 'at://x', picture: 'https://p/1.jpg', type: 'profile' },
	{ id: '66db83154e299efa19a2d8eb', provider: 'facebook', name: 'Test Page', social_id: '1', picture: 'https://p/2.jpg', type: 'page' },
	{ id: '650170394e299e33b427c2ff', provider: 'mastodon', name: 'Masto', social_id: '2', picture: 'https://p/3.jpg', type: 'profile' },
];

describe('foundation workflow (Manual Trigger → Publer) in n8n-core', () => {
	const server = new FakeServer((req) => {
		if (req.path === '/accounts') return { body: accounts };
		if (req.path === '/workspaces') return { body: [{ id: WS, name: 'Marketing Team', plan: 'business', members: [] }] };
		if (req.path === '/users/me') return { body: { id: 'u1', email: 'user@example.com', name: 'ervin', first_name: 'Ervin' } };
		return { status: 404, body: { errors: ['Not found'] } };
	});
	const credentials = () => ({ apiKey: KEY, baseUrl: server.baseUrl });

	beforeAll(async () => server.start());
	afterAll(async () => {
		await server.close();
		shutdownN8nCore();
	});
	beforeEach(() => server.reset());

	it('Account → Get Many lists accounts of a network, simplified, with the auth and workspace headers', async () => {
		const result = await runPublerNode({
			credentials: credentials(),
			parameters: {
				resource: 'account',
				operation: 'getMany',
				workspace: { __rl: true, mode: 'id', value: WS },
				returnAll: true,
				filters: { networks: ['facebook', 'mastodon'] },
			},
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([
			{ id: '66db83154e299efa19a2d8eb', name: 'Test Page', provider: 'facebook', type: 'page', picture: 'https://p/2.jpg' },
			{ id: '650170394e299e33b427c2ff', name: 'Masto', provider: 'mastodon', type: 'profile', picture: 'https://p/3.jpg' },
		]);
		expect(result.items.every((i) => JSON.stringify(i.pairedItem) === JSON.stringify({ item: 0 }))).toBe(true);
		expect(server.requests).toHaveLength(1);
		expect(server.requests[0]).toMatchObject({ method: 'GET', path: '/accounts' });
		expect(server.requests[0].headers.authorization).toBe(`Bearer-API ${KEY}`);
		expect(server.requests[0].headers['publer-workspace-id']).toBe(WS);
	});

	it('Account → Get Many honours Limit and returns full records without Simplify', async () => {
		const result = await runPublerNode({
			credentials: credentials(),
			parameters: { resource: 'account', operation: 'getMany', workspace: { __rl: true, mode: 'id', value: WS }, returnAll: false, limit: 2, simplify: false },
		});
		expect(result.items.map((i) => i.json)).toEqual(accounts.slice(0, 2));
	});

	it('runs once per input item, pairing each output with its input', async () => {
		const result = await runPublerNode({
			credentials: credentials(),
			items: [{ a: 1 }, { a: 2 }],
			parameters: { resource: 'user', operation: 'getMe' },
		});
		expect(result.items).toHaveLength(2);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(server.requests.map((r) => r.headers['publer-workspace-id'])).toEqual([undefined, undefined]);
	});

	it('Workspace → Get Many sends no workspace header', async () => {
		const result = await runPublerNode({ credentials: credentials(), parameters: { resource: 'workspace', operation: 'getMany', returnAll: true } });
		expect(result.items[0].json).toMatchObject({ id: WS, name: 'Marketing Team' });
		expect(server.requests[0].headers['publer-workspace-id']).toBeUndefined();
	});

	it('continueOnFail puts the error on the failing item, with its pairing', async () => {
		server.setFallback((req) =>
			req.path === '/accounts' ? { status: 403, body: { errors: ['Missing scope: accounts'] } } : { body: {} },
		);
		try {
			const result = await runPublerNode({
				credentials: credentials(),
				onError: 'continueErrorOutput',
				parameters: { resource: 'account', operation: 'getMany', workspace: { __rl: true, mode: 'id', value: WS }, returnAll: true },
			});
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(0);
			expect(result.errorItems).toHaveLength(1);
			expect(result.errorItems[0].json.error).toBe('Publer refused access: Missing scope: accounts');
			expect(result.errorItems[0].pairedItem).toEqual({ item: 0 });
		} finally {
			server.setFallback((req) => (req.path === '/accounts' ? { body: accounts } : { status: 404, body: { errors: ['Not found'] } }));
		}
	});

	it('stops the workflow with a clear error when not continuing on fail, and never shows the key', async () => {
		server.reply({ status: 401, body: { errors: [`Invalid key ${KEY}`] } });
		const result = await runPublerNode({ credentials: credentials(), parameters: { resource: 'user', operation: 'getMe' } });
		expect(result.error?.message).toBe('Publer did not accept the API key: Invalid key ***');
		expect(JSON.stringify(result.run)).not.toContain(KEY);
	});
});
