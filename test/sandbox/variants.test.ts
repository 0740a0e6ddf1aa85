// Issue 13: behaviour live clients observed (publer-api.md §15), each behind a variant switch. Defaults stay
// documented, so every other suite sees the same sandbox as before.
import { AxiosInstance } from 'axios';
import { Sandbox } from '../../sandbox';
import { at, bulk, client, control, runJob, setup } from '../support/sandbox';

let sb: Sandbox;
let api: AxiosInstance;
beforeAll(async () => {
	({ sb, api } = await setup());
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

const OBSERVED_VARIANTS = { authCodes: 'swapped', accountTypes: 'observed', jobStatusNull: 'null', singleImport: true, postLinks: 'observed' } as const;

it('defaults are the documented behaviour, and every new switch is listed, settable over HTTP and reset', async () => {
	expect(sb.variants()).toMatchObject({ authCodes: 'documented', accountTypes: 'documented', jobStatusNull: 'off', singleImport: false, postLinks: 'documented' });
	const r = await control(sb).post('/__sandbox/variants', OBSERVED_VARIANTS);
	expect(r.status).toBe(200);
	expect(r.data).toMatchObject(OBSERVED_VARIANTS);
	expect((await control(sb).post('/__sandbox/variants', { jobStatusNull: 'maybe' })).status).toBe(400);
	expect((await control(sb).post('/__sandbox/variants', { singleImport: 'yes' })).status).toBe(400);
	sb.reset();
	expect(sb.variants()).toMatchObject({ authCodes: 'documented', singleImport: false });
});

describe('authCodes', () => {
	const cases = async () => ({
		wrongKey: await client(sb, 'f'.repeat(48)).get('/accounts'),
		revokedKey: await client(sb, sb.keys.revoked).get('/accounts'),
		wrongWorkspace: await client(sb, sb.apiKey, sb.otherWorkspaceId).get('/accounts'),
		noHeader: await client(sb, null).get('/accounts'),
		noWorkspace: await client(sb, sb.apiKey, null).get('/accounts'),
		pathWorkspace: await client(sb).get(`/workspaces/${sb.otherWorkspaceId}/signatures?accounts[]=x`),
	});
	it('documented: wrong key → 401, wrong workspace → 403', async () => {
		const r = await cases();
		expect([r.wrongKey.status, r.revokedKey.status, r.wrongWorkspace.status, r.noHeader.status, r.noWorkspace.status, r.pathWorkspace.status]).toEqual([401, 401, 403, 401, 403, 403]);
	});
	it('swapped: wrong key → 403, wrong workspace → 401, with the bodies a live client saw', async () => {
		sb.setVariants({ authCodes: 'swapped' });
		const r = await cases();
		expect([r.wrongKey.status, r.wrongKey.data]).toEqual([403, { errors: ['Invalid API key or not active for this account'] }]);
		expect([r.revokedKey.status, r.revokedKey.data]).toEqual([403, { errors: ['Invalid API key or not active for this account'] }]);
		expect([r.wrongWorkspace.status, r.wrongWorkspace.data]).toEqual([401, { errors: ["You don't have access on this workspace"] }]);
		expect([r.pathWorkspace.status, r.pathWorkspace.data]).toEqual([401, { errors: ["You don't have access on this workspace"] }]);
		// unchanged: no Authorization header, no workspace header, missing scope; /users/me still tells a good key
		expect(r.noHeader.status).toBe(401);
		expect(r.noWorkspace.status).toBe(403);
		expect((await client(sb, sb.keys.postsOnly).get('/accounts')).status).toBe(403);
		expect((await client(sb, sb.apiKey, null).get('/users/me')).status).toBe(200);
		expect((await client(sb, 'f'.repeat(48), null).get('/users/me')).status).toBe(403);
	});
});

describe('accountTypes', () => {
	it('documented: the provider table types, no locked field, no locked account', async () => {
		const list = (await api.get('/accounts')).data;
		expect(list.find((a: any) => a.id === sb.accountFor('facebook:page').id).type).toBe('page');
		expect(list.every((a: any) => !('locked' in a))).toBe(true);
		expect(list.map((a: any) => a.name)).not.toContain('Locked Page');
		expect(sb.accounts().map((a) => a.name)).not.toContain('Locked Page');
	});
	it('observed: analytics-style types, locked on every account, the seeded Locked Page listed', async () => {
		sb.setVariants({ accountTypes: 'observed' });
		const list = (await api.get('/accounts')).data;
		const typeOf = (spec: string) => list.find((a: any) => a.id === sb.accountFor(spec).id).type;
		expect(['facebook:page', 'facebook:group', 'instagram', 'linkedin:page', 'linkedin:profile', 'pinterest:business', 'mastodon', 'tiktok', 'twitter'].map(typeOf))
			.toEqual(['fb_page', 'fb_group', 'ig_business', 'in_page', 'in_profile', 'pin_business', 'mastodon', 'tiktok', 'twitter']);
		expect(list.every((a: any) => typeof a.locked === 'boolean')).toBe(true);
		const locked = list.filter((a: any) => a.locked);
		expect(locked).toEqual([expect.objectContaining({ name: 'Locked Page', provider: 'facebook', type: 'fb_page', locked: true })]);
		expect(sb.accounts().find((a) => a.locked)?.id).toBe(locked[0].id);
	});
	it('a post to the locked account fails with a reason; the others go through', async () => {
		sb.setVariants({ accountTypes: 'observed' });
		const locked = sb.accounts().find((a) => a.locked)!;
		const page = sb.accountFor('facebook:page');
		const { result } = await runJob(api, bulk('scheduled', [{ networks: { facebook: { type: 'status', text: 'Fresh bread' } }, accounts: [{ id: locked.id, scheduled_at: at(sb, 10) }, { id: page.id, scheduled_at: at(sb, 10) }] }]));
		expect(result.payload.failures).toEqual([{ account_id: locked.id, account_name: 'Locked Page', provider: 'facebook', message: expect.stringMatching(/Locked Page is locked/) }]);
		expect(sb.posts().map((p) => p.account_id)).toEqual([page.id]);
	});
	it('post details (PUT answer) use the same vocabulary', async () => {
		sb.setVariants({ accountTypes: 'observed' });
		const ig = sb.accountFor('instagram');
		await runJob(api, bulk('draft', [{ networks: { instagram: { type: 'photo', text: 'x', media: [{ id: sb.media()[0].id }] } }, accounts: [{ id: ig.id }] }]));
		const r = await api.put(`/posts/${sb.posts()[0].id}`, { post: { text: 'y' } });
		expect(r.data.account.type).toBe('ig_business');
	});
});

describe('jobStatusNull', () => {
	const pollWhileWorking = async (variant: 'off' | 'null' | 'unknown') => {
		const { sb: s2, api: a2 } = await setup({ jobWorkingPolls: 3, variants: { jobStatusNull: variant } });
		const submit = await a2.post('/posts/schedule', bulk('scheduled', [{ networks: { facebook: { type: 'status', text: 'x' } }, accounts: [{ id: s2.accountFor('facebook').id, scheduled_at: at(s2, 10) }] }]));
		const bodies = [];
		for (let i = 0; i < 4; i++) bodies.push((await a2.get(`/job_status/${submit.data.job_id}`)).data);
		await s2.close();
		return bodies;
	};
	it('off: "working" until complete', async () => {
		expect((await pollWhileWorking('off')).map((b) => b.status)).toEqual(['working', 'working', 'working', 'complete']);
	});
	it('null: status null while working, then complete with the payload', async () => {
		const bodies = await pollWhileWorking('null');
		expect(bodies.slice(0, 3)).toEqual([{ status: null }, { status: null }, { status: null }]);
		expect(bodies[3]).toEqual({ status: 'complete', payload: { failures: [] } });
	});
	it('unknown: an undocumented word while working', async () => {
		expect((await pollWhileWorking('unknown')).map((b) => b.status)).toEqual(['pending', 'pending', 'pending', 'complete']);
	});
	it('also inside the data envelope, and for media jobs', async () => {
		sb.setVariants({ jobStatusNull: 'null', jobEnvelope: 'data' });
		const m = await api.post('/media/from-url', { media: [{ url: 'https://example.com/a.jpg', name: 'a' }] });
		expect((await api.get(`/job_status/${m.data.job_id}`)).data).toEqual({ success: true, data: { status: null } });
		expect((await api.get(`/job_status/${m.data.job_id}`)).data.data.status).toBe('complete');
	});
});

describe('singleImport', () => {
	const importOne = (name: string) => api.post('/media/from-url', { media: [{ url: `https://example.com/${name}.jpg`, name }] });
	it('off: two imports may run at once', async () => {
		expect((await importOne('a')).status).toBe(200);
		expect((await importOne('b')).status).toBe(200);
	});
	it('on: a second import while one works → 403 naming the running import; after it completes, the next is accepted', async () => {
		sb.setVariants({ singleImport: true });
		const first = await importOne('a');
		expect(first.status).toBe(200);
		const second = await importOne('b');
		expect(second.status).toBe(403);
		expect(second.data).toEqual({ errors: ['Another media import is already in progress. Wait for it to finish, then try again'] });
		// per user: the other user's key may import meanwhile
		expect((await client(sb, sb.keys.otherUser, sb.otherWorkspaceId).post('/media/from-url', { media: [{ url: 'https://example.com/c.jpg', name: 'c' }] })).status).toBe(200);
		// post jobs are not imports
		expect((await api.post('/posts/schedule', bulk('scheduled', [{ networks: { facebook: { type: 'status', text: 'x' } }, accounts: [{ id: sb.accountFor('facebook').id, scheduled_at: at(sb, 10) }] }]))).status).toBe(200);
		let status = 'working';
		for (let i = 0; i < 5 && status === 'working'; i++) status = (await api.get(`/job_status/${first.data.job_id}`)).data.status;
		expect(status).toBe('complete');
		expect((await importOne('b')).status).toBe(200);
	});
	it('on: an import also ends when the sandbox clock passes the job duration', async () => {
		sb.setVariants({ singleImport: true });
		expect((await importOne('a')).status).toBe(200);
		sb.clock.advance(5000);
		expect((await importOne('b')).status).toBe(200);
	});
});

describe('postLinks', () => {
	const publishWithPhoto = async () => {
		const fb = sb.accountFor('facebook:page');
		const photo = sb.media().find((m) => m.type === 'photo')!;
		await runJob(api, bulk('scheduled', [
			{ networks: { facebook: { type: 'photo', text: 'With a photo', media: [{ id: photo.id }] } }, accounts: [{ id: fb.id, scheduled_at: at(sb, 10) }] },
			{ networks: { facebook: { type: 'status', text: 'Text only' } }, accounts: [{ id: fb.id, scheduled_at: at(sb, 20) }] },
		]));
		sb.clock.advance(11 * 60000);
		return photo;
	};
	it('documented: post_link on published posts, no media field', async () => {
		await publishWithPhoto();
		const posts = (await api.get('/posts')).data.posts;
		expect(posts.every((p: any) => !('media' in p))).toBe(true);
		expect(posts.find((p: any) => p.text === 'With a photo').post_link).toMatch(/^https:\/\/www\.facebook\.com\//);
		expect(posts.find((p: any) => p.text === 'Text only').post_link).toBeNull();
	});
	it('observed: media[] with id and thumbnails on every listed post, post_link once published', async () => {
		sb.setVariants({ postLinks: 'observed' });
		const photo = await publishWithPhoto();
		const posts = (await api.get('/posts')).data.posts;
		const published = posts.find((p: any) => p.text === 'With a photo');
		expect(published.state).toBe('published_posted');
		expect(published.post_link).toMatch(/^https:\/\/www\.facebook\.com\//);
		expect(published.media).toEqual([{ id: photo.id, type: 'photo', thumbnails: [{ small: photo.thumbnail, real: photo.path }] }]);
		expect(posts.find((p: any) => p.text === 'Text only')).toMatchObject({ media: [], post_link: null, state: 'scheduled' });
	});
});
