import { AxiosInstance } from 'axios';
import { Sandbox } from '../../sandbox';
import { at, bulk, client, runJob, setup } from '../support/sandbox';

let sb: Sandbox;
let api: AxiosInstance;
beforeAll(async () => {
	({ sb, api } = await setup());
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

const acc = (p: string) => sb.accountFor(p);
const PHOTO = () => ({ id: sb.media().find((m) => m.name === 'croissant.jpg')!.id, type: 'photo' });
const VIDEO = () => ({ id: sb.media().find((m) => m.name === 'bakery-tour.mp4')!.id, type: 'video' });
const GIF = () => ({ id: sb.media().find((m) => m.name === 'steam.gif')!.id, type: 'gif' });

async function failuresOf(body: any, publish = false): Promise<any[]> {
	const { result } = await runJob(api, body, publish);
	expect(result.status).toBe('complete');
	return result.payload.failures;
}
async function oneFailure(networks: any, provider: string, extra: any = {}, post: any = {}): Promise<string | null> {
	const a = sb.accountFor(provider);
	const f = await failuresOf(bulk('scheduled', [{ networks, accounts: [{ id: a.id, scheduled_at: at(sb, 10), ...extra }], ...post }]));
	if (!f.length) return null;
	expect(Object.keys(f[0]).sort()).toEqual(['account_id', 'account_name', 'message', 'provider']);
	expect(f[0]).toMatchObject({ account_id: a.id, account_name: a.name, provider: a.provider });
	return f[0].message;
}

describe('submit and job status', () => {
	it('schedules: 200 {job_id}, working then complete, one post per account', async () => {
		const fb = acc('facebook');
		const li = acc('linkedin');
		const r = await api.post('/posts/schedule', bulk('scheduled', [{
			networks: { facebook: { type: 'status', text: 'Hello FB' }, linkedin: { type: 'status', text: 'Hello LI' } },
			accounts: [{ id: fb.id, scheduled_at: '2025-06-02T09:00Z' }, { id: li.id, scheduled_at: '2025-06-02T12:00:00+02:00' }],
		}]));
		expect(r.status).toBe(200);
		expect(Object.keys(r.data)).toEqual(['job_id']);
		expect(r.data.job_id).toMatch(/^[0-9a-f]{24}$/);
		// not visible before the job completes
		expect((await api.get('/posts')).data.total).toBe(0);
		expect((await api.get(`/job_status/${r.data.job_id}`)).data).toEqual({ status: 'working' });
		expect((await api.get(`/job_status/${r.data.job_id}`)).data).toEqual({ status: 'complete', payload: { failures: [] } });
		const list = await api.get('/posts');
		expect(list.data.total).toBe(2);
		const byAcc = Object.fromEntries(list.data.posts.map((p: any) => [p.account_id, p]));
		expect(byAcc[fb.id]).toMatchObject({ text: 'Hello FB', state: 'scheduled', type: 'status', network: 'facebook', scheduled_at: '2025-06-02T09:00:00+00:00', post_link: null, has_media: false });
		expect(byAcc[li.id].scheduled_at).toBe('2025-06-02T10:00:00+00:00');
		for (const k of ['id', 'text', 'url', 'state', 'type', 'account_id', 'user', 'scheduled_at', 'post_link', 'has_media', 'network', 'created_at', 'updated_at', 'published_at']) {
			expect(byAcc[fb.id]).toHaveProperty(k);
		}
	});
	it('job completes once the clock passes jobDurationMs even without polls', async () => {
		const fb = acc('facebook');
		const r = await api.post('/posts/schedule', bulk('scheduled', [{ networks: { facebook: { type: 'status', text: 'x' } }, accounts: [{ id: fb.id, scheduled_at: at(sb, 30) }] }]));
		sb.clock.advance(5000);
		expect((await api.get(`/job_status/${r.data.job_id}`)).data.status).toBe('complete');
	});
	it('jobWorkingPolls: 0 completes at the first poll; 3 needs four polls', async () => {
		for (const [n, polls] of [[0, 1], [3, 4]]) {
			const { sb: s, api: c } = await setup({ jobWorkingPolls: n });
			const r = await c.post('/posts/schedule', bulk('draft', [{ networks: { facebook: { type: 'status', text: 'x' } }, accounts: [{ id: s.accountFor('facebook').id }] }]));
			let count = 0;
			let st = 'working';
			while (st === 'working') {
				st = (await c.get(`/job_status/${r.data.job_id}`)).data.status;
				count++;
			}
			expect(count).toBe(polls);
			await s.close();
		}
	});
	it('unknown job id → 404; a job of another workspace → 404', async () => {
		expect((await api.get('/job_status/ffffffffffffffffffffffff')).status).toBe(404);
		const r = await api.post('/posts/schedule', bulk('draft', [{ networks: { facebook: { type: 'status', text: 'x' } }, accounts: [{ id: acc('facebook').id }] }]));
		expect((await client(sb, sb.apiKey, sb.secondWorkspaceId).get(`/job_status/${r.data.job_id}`)).status).toBe(404);
	});
	it('publishes immediately: published_posted with a post_link; TikTok link arrives later', async () => {
		const fb = acc('facebook');
		const tt = acc('tiktok');
		const { result } = await runJob(api, bulk('scheduled', [
			{ networks: { facebook: { type: 'status', text: 'Now!' } }, accounts: [{ id: fb.id }] },
			{ networks: { tiktok: { type: 'video', text: 'Now!', media: [VIDEO()] } }, accounts: [{ id: tt.id }] },
		]), true);
		expect(result.payload.failures).toEqual([]);
		const posts = (await api.get('/posts', { params: { state: 'published' } })).data.posts;
		const f = posts.find((p: any) => p.account_id === fb.id);
		expect(f.state).toBe('published_posted');
		expect(f.post_link).toMatch(/^https:\/\/www\.facebook\.com\//);
		expect(f.published_at).toBe('2025-06-02T08:00:00+00:00');
		expect(posts.find((p: any) => p.account_id === tt.id).post_link).toBeNull();
		sb.clock.advance(3 * 60000);
		const later = (await api.get('/posts', { params: { 'account_ids[]': tt.id } })).data.posts[0];
		expect(later.post_link).toMatch(/^https:\/\/www\.tiktok\.com\//);
	});
	it('tolerates state "published" on the publish endpoint; rejects draft there', async () => {
		const fb = acc('facebook');
		expect((await api.post('/posts/schedule/publish', bulk('published', [{ networks: { facebook: { type: 'status', text: 'x' } }, accounts: [{ id: fb.id }] }]))).status).toBe(200);
		expect((await api.post('/posts/schedule/publish', bulk('draft', [{ networks: { facebook: { type: 'status', text: 'x' } }, accounts: [{ id: fb.id }] }]))).status).toBe(400);
	});
	it('scheduled posts publish when the clock passes their time; reauth accounts fail', async () => {
		const fb = acc('facebook');
		const reauth = sb.accounts().find((a) => a.needs_reauth)!;
		await runJob(api, bulk('scheduled', [{ networks: { facebook: { type: 'status', text: 'Later' } }, accounts: [{ id: fb.id, scheduled_at: at(sb, 5) }, { id: reauth.id, scheduled_at: at(sb, 5) }] }]));
		let posts = (await api.get('/posts')).data.posts;
		expect(posts.map((p: any) => p.state).sort()).toEqual(['scheduled', 'scheduled_reauth']);
		expect((await api.get('/posts?state=scheduled')).data.total).toBe(2);
		sb.clock.advance(4 * 60000);
		expect((await api.get('/posts?state=published')).data.total).toBe(0);
		sb.clock.advance(60000);
		posts = (await api.get('/posts')).data.posts;
		const byAcc = Object.fromEntries(posts.map((p: any) => [p.account_id, p]));
		expect(byAcc[fb.id].state).toBe('published_posted');
		expect(byAcc[fb.id].post_link).toBeTruthy();
		expect(byAcc[reauth.id].state).toBe('failed');
		expect((await api.get('/posts?state=failed')).data.total).toBe(1);
	});
});

describe('envelope validation → 400 {"errors":[...]}', () => {
	const fbPost = () => ({ networks: { facebook: { type: 'status', text: 'x' } }, accounts: [{ id: acc('facebook').id, scheduled_at: at(sb, 10) }] });
	it.each([
		['no body', undefined, /bulk is required/],
		['no bulk', { posts: [] }, /bulk is required/],
		['no state', { bulk: { posts: [{}] } }, /bulk.state is required/],
		['unknown state', { bulk: { state: 'later', posts: [{}] } }, /not valid/],
		['no posts', { bulk: { state: 'scheduled' } }, /non-empty/],
		['empty posts', { bulk: { state: 'scheduled', posts: [] } }, /non-empty/],
		['no networks', { bulk: { state: 'scheduled', posts: [{ accounts: [{ id: 'a' }] }] } }, /networks is required/],
		['unknown network', { bulk: { state: 'scheduled', posts: [{ networks: { myspace: { type: 'status' } }, accounts: [{ id: 'a' }] }] } }, /unknown network/],
		['network without type', { bulk: { state: 'scheduled', posts: [{ networks: { facebook: { text: 'x' } }, accounts: [{ id: 'a' }] }] } }, /type is required/],
		['no accounts', { bulk: { state: 'scheduled', posts: [{ networks: { facebook: { type: 'status' } } }] } }, /accounts is required/],
		['account without id', { bulk: { state: 'scheduled', posts: [{ networks: { facebook: { type: 'status' } }, accounts: [{}] }] } }, /id is required/],
		['recurring without recurring{}', { bulk: { state: 'recurring', posts: [{ networks: { facebook: { type: 'status' } }, accounts: [{ id: 'a' }] }] } }, /recurring is required/],
		['bad recurring', { bulk: { state: 'recurring', posts: [{ networks: { facebook: { type: 'status' } }, accounts: [{ id: 'a' }], recurring: { repeat: 'hourly', start_date: 'x' } }] } }, /repeat must be/],
		['bad recycling', { bulk: { state: 'scheduled', posts: [{ networks: { facebook: { type: 'status' } }, accounts: [{ id: 'a' }], recycling: { gap: -1, gap_freq: 'Year' } }] } }, /gap/],
		['auto without range', { bulk: { state: 'scheduled', posts: [{ networks: { facebook: { type: 'status' } }, accounts: [{ id: 'a' }], auto: true }] } }, /range.start_date/],
		['idea without default', { bulk: { state: 'draft_private', posts: [{ networks: { facebook: { type: 'status' } } }] } }, /networks.default/],
		['bad callback duration', { bulk: { state: 'scheduled', posts: [{ networks: { facebook: { type: 'status' } }, accounts: [{ id: 'a', delete: { delay: { duration: 1, unit: 'Year' } } }] }] } }, /delete.delay/],
	])('%s', async (_n, body, re) => {
		const r = await api.post('/posts/schedule', body);
		expect(r.status).toBe(400);
		expect(Array.isArray(r.data.errors)).toBe(true);
		expect(r.data.errors.join(' ')).toMatch(re as RegExp);
	});
	it('more than 500 posts → 400; exactly 500 accepted', async () => {
		const p = fbPost();
		expect((await api.post('/posts/schedule', bulk('scheduled', Array(501).fill(p)))).status).toBe(400);
		expect((await api.post('/posts/schedule', bulk('scheduled', Array(500).fill(p)))).status).toBe(200);
	});
	it('recurring posts are not accepted in a bulk of several posts', async () => {
		const rec = { ...fbPost(), recurring: { start_date: at(sb, 60), repeat: 'daily' } };
		const r = await api.post('/posts/schedule', bulk('recurring', [rec, rec]));
		expect(r.status).toBe(400);
		expect(r.data.errors[0]).toMatch(/not supported in bulk/);
	});
	it('malformed JSON body → 400', async () => {
		const r = await api.post('/posts/schedule', '{"bulk":', { headers: { 'Content-Type': 'application/json' }, transformRequest: [(d) => d] });
		expect(r.status).toBe(400);
		expect(r.data.errors[0]).toMatch(/Invalid JSON/);
	});
});

describe('job failure rules (per account, no post record)', () => {
	it('text over the network limit', async () => {
		expect(await oneFailure({ twitter: { type: 'status', text: 'x'.repeat(281) } }, 'twitter')).toBe('Text is 281 characters; Twitter allows 280');
		expect(await oneFailure({ bluesky: { type: 'status', text: 'é'.repeat(301) } }, 'bluesky')).toBe('Text is 301 characters; Bluesky allows 300');
		expect(await oneFailure({ twitter: { type: 'status', text: 'x'.repeat(280) } }, 'twitter')).toBeNull();
		expect((await api.get('/posts')).data.total).toBe(1);
	});
	it('Twitter long_post without Premium is truncated to 280, not failed', async () => {
		expect(await oneFailure({ twitter: { type: 'status', text: 'y'.repeat(1000), details: { type: 'long_post' } } }, 'twitter')).toBeNull();
		expect((await api.get('/posts')).data.posts[0].text).toHaveLength(280);
	});
	it('unsupported type for the network', async () => {
		expect(await oneFailure({ instagram: { type: 'status', text: 'x' } }, 'instagram')).toMatch(/Instagram does not support status posts/);
		expect(await oneFailure({ facebook: { type: 'poll', text: 'x', options: ['a', 'b'] } }, 'facebook')).toMatch(/does not support poll/);
	});
	it('missing required media', async () => {
		expect(await oneFailure({ instagram: { type: 'photo', text: 'x' } }, 'instagram')).toBe('Instagram posts need at least one photo or video');
		expect(await oneFailure({ youtube: { type: 'video', title: 't', text: 'x' } }, 'youtube')).toMatch(/YouTube posts need at least one video/);
		expect(await oneFailure({ facebook: { type: 'photo', text: 'x' } }, 'facebook')).toMatch(/need at least one photo/);
	});
	it('media count and type rules', async () => {
		expect(await oneFailure({ twitter: { type: 'photo', text: 'x', media: Array(5).fill(PHOTO()) } }, 'twitter')).toBe('Twitter allows at most 4 photos per post; this post has 5');
		expect(await oneFailure({ google: { type: 'photo', text: 'x', media: [PHOTO(), PHOTO()] } }, 'google')).toMatch(/at most 1 photo/);
		expect(await oneFailure({ google: { type: 'photo', text: 'x', media: [VIDEO()] } }, 'google')).toMatch(/cannot contain videos/);
		expect(await oneFailure({ facebook: { type: 'gif', text: 'x', media: [GIF(), GIF()] } }, 'facebook')).toBe('GIF posts take exactly one GIF');
		expect(await oneFailure({ facebook: { type: 'video', text: 'x', media: [PHOTO()] } }, 'facebook')).toMatch(/need exactly one video/);
		expect(await oneFailure({ threads: { type: 'photo', text: 'x', media: [PHOTO(), VIDEO()] } }, 'threads')).toMatch(/cannot be mixed/);
		expect(await oneFailure({ instagram: { type: 'photo', text: 'x', media: [{ id: 'abcdefabcdefabcdefabcdef', type: 'photo' }] } }, 'instagram')).toMatch(/not found in the media library/);
		expect(await oneFailure({ instagram: { type: 'photo', text: 'x', media: [{ id: sb.media().find((m) => m.name === 'poster-9mb.png')!.id, type: 'photo' }] } }, 'instagram')).toMatch(/Instagram allows 8 MB/);
		expect(await oneFailure({ instagram: { type: 'photo', text: 'x', media: [{ id: 'external', type: 'photo', path: 'https://x.test/a.jpg' }] } }, 'instagram')).toBeNull();
	});
	it('story, reel, short, document encodings', async () => {
		expect(await oneFailure({ instagram: { type: 'video', text: 'x', media: [VIDEO()], details: { type: 'reel' } } }, 'instagram')).toBeNull();
		expect(await oneFailure({ twitter: { type: 'video', text: 'x', media: [VIDEO()], details: { type: 'reel' } } }, 'twitter')).toMatch(/does not support reels/);
		expect(await oneFailure({ youtube: { type: 'video', title: 'Short', media: [VIDEO()], details: { type: 'short', privacy: 'public' } } }, 'youtube')).toBeNull();
		expect(await oneFailure({ instagram: { type: 'photo', media: [PHOTO(), PHOTO()], details: { type: 'story' } } }, 'instagram')).toMatch(/exactly one/);
		expect(await oneFailure({ linkedin: { type: 'photo', text: 'Deck', media: [PHOTO(), PHOTO()], details: { type: 'document' } } }, 'linkedin')).toBeNull();
	});
	it('polls, links, carousels, google events, youtube titles, wordpress', async () => {
		expect(await oneFailure({ twitter: { type: 'poll', text: 'q', options: ['a'], duration: 3 } }, 'twitter')).toBe('Polls need 2 to 4 options');
		expect(await oneFailure({ twitter: { type: 'poll', text: 'q', options: ['a', 'x'.repeat(26)], duration: 3 } }, 'twitter')).toMatch(/longer than 25/);
		expect(await oneFailure({ twitter: { type: 'poll', text: 'q', options: ['a', 'b'], duration: 8 } }, 'twitter')).toMatch(/1 to 7 days/);
		expect(await oneFailure({ linkedin: { type: 'poll', text: 'q', options: ['a', 'b'], duration: 3 } }, 'linkedin')).toBe('LinkedIn polls need a question');
		expect(await oneFailure({ mastodon: { type: 'poll', text: 'q', options: ['a', 'b'], duration: 7 } }, 'mastodon')).toBeNull();
		expect(await oneFailure({ facebook: { type: 'link', text: 'x' } }, 'facebook')).toBe('Link posts need link.url');
		const sub = { url: 'https://e.test', title: 't', description: 'd', images: ['https://e.test/i.jpg'] };
		expect(await oneFailure({ facebook: { type: 'carousel', text: 'x', sublinks: Array(11).fill(sub) } }, 'facebook')).toMatch(/at most 10 links/);
		expect(await oneFailure({ facebook: { type: 'carousel', text: 'x', sublinks: [sub, sub] } }, 'facebook:profile')).toMatch(/only available for Facebook Pages/);
		expect(await oneFailure({ google: { type: 'event', text: 'x', details: { title: 'E' } } }, 'google')).toMatch(/details.title, details.start and details.end/);
		expect(await oneFailure({ google: { type: 'photo', text: 'x', media: [PHOTO()], details: { type: 'event', title: 'E', start: '2025-06-07T12:50:00Z', end: '2025-08-03T12:50:00Z' } } }, 'google')).toBeNull();
		expect(await oneFailure({ youtube: { type: 'video', text: 'x', media: [VIDEO()] } }, 'youtube')).toBe('YouTube videos need a title');
		expect(await oneFailure({ youtube: { type: 'video', title: 't'.repeat(101), media: [VIDEO()] } }, 'youtube')).toMatch(/100 characters/);
		expect(await oneFailure({ wordpress_oauth: { type: 'article', text: 'body' } }, 'wordpress')).toBe('WordPress articles need a title and content');
		expect(await oneFailure({ wordpress_basic: { type: 'article', title: 'T', content: [{ id: 'a', type: 'paragraph', data: { text: 'p' } }] } }, 'wordpress')).toBeNull();
	});
	it('scheduled_at in the past, under one minute ahead, invalid', async () => {
		expect(await oneFailure({ facebook: { type: 'status', text: 'x' } }, 'facebook', { scheduled_at: at(sb, -5) })).toMatch(/is in the past/);
		expect(await oneFailure({ facebook: { type: 'status', text: 'x' } }, 'facebook', { scheduled_at: new Date(sb.clock.now().getTime() + 30000).toISOString() })).toBe('scheduled_at must be at least 1 minute in the future');
		expect(await oneFailure({ facebook: { type: 'status', text: 'x' } }, 'facebook', { scheduled_at: 'tomorrow' })).toMatch(/not a valid ISO 8601/);
		expect(await oneFailure({ facebook: { type: 'status', text: 'x' } }, 'facebook', { scheduled_at: '2025-06-02T10:30+02:00' })).toBeNull(); // 08:30Z, offset without seconds
	});
	it('two posts on one account within a minute (also within one bulk)', async () => {
		const fb = acc('facebook');
		const p = (t: string) => ({ networks: { facebook: { type: 'status', text: 'x' } }, accounts: [{ id: fb.id, scheduled_at: t }] });
		const f = await failuresOf(bulk('scheduled', [p('2025-06-02T09:00:00Z'), p('2025-06-02T09:00:59Z'), p('2025-06-02T09:01:00Z')]));
		expect(f).toEqual([{ account_id: fb.id, account_name: fb.name, provider: 'facebook', message: "There's another post at this time. A one minute gap is required between posts" }]);
		const f2 = await failuresOf(bulk('scheduled', [p('2025-06-02T08:59:30Z')]));
		expect(f2).toHaveLength(1);
		expect((await api.get('/posts')).data.total).toBe(2);
	});
	it('daily caps of §10.2 (business plan) and plan-dependent caps', async () => {
		const li = sb.accountFor('linkedin:profile');
		const posts = Array.from({ length: 15 }, (_, i) => ({ networks: { linkedin: { type: 'status', text: `p${i}` } }, accounts: [{ id: li.id, scheduled_at: `2025-06-03T0${Math.floor(i / 6)}:${String((i % 6) * 10).padStart(2, '0')}:00Z` }] }));
		const f = await failuresOf(bulk('scheduled', posts));
		expect(f).toHaveLength(1);
		expect(f[0].message).toBe('Daily limit reached: LinkedIn allows 14 posts per day per account on the business plan');
		// professional plan workspace: instagram cap 20
		const c2 = client(sb, sb.apiKey, sb.secondWorkspaceId);
		const ig = sb.accountFor('instagram', sb.secondWorkspaceId);
		const igPosts = Array.from({ length: 21 }, (_, i) => ({ networks: { instagram: { type: 'photo', media: [{ id: 'external', type: 'photo', path: 'https://e.test/a.jpg' }] } }, accounts: [{ id: ig.id, scheduled_at: `2025-06-04T${String(i).padStart(2, '0')}:00:00Z` }] }));
		const r = await runJob(c2, bulk('scheduled', igPosts));
		expect(r.result.payload.failures.map((x: any) => x.message)).toEqual(['Daily limit reached: Instagram allows 20 posts per day per account on the professional plan']);
	});
	it('TikTok: only one TikTok account per post', async () => {
		const tts = sb.accounts().filter((a) => a.provider === 'tiktok');
		const f = await failuresOf(bulk('scheduled', [{ networks: { tiktok: { type: 'video', text: 'x', media: [VIDEO()] } }, accounts: tts.map((a) => ({ id: a.id, scheduled_at: at(sb, 10) })) }]));
		expect(f.map((x) => x.message)).toEqual(['Only one TikTok account can be selected per post', 'Only one TikTok account can be selected per post']);
	});
	it('unknown account, account of another workspace, no content for the network', async () => {
		const other = sb.accountFor('facebook', sb.secondWorkspaceId);
		const f = await failuresOf(bulk('scheduled', [{ networks: { twitter: { type: 'status', text: 'x' } }, accounts: [{ id: 'aaaaaaaaaaaaaaaaaaaaaaaa', scheduled_at: at(sb, 5) }, { id: other.id, scheduled_at: at(sb, 5) }, { id: acc('facebook').id, scheduled_at: at(sb, 5) }] }]));
		expect(f[0]).toEqual({ account_id: 'aaaaaaaaaaaaaaaaaaaaaaaa', account_name: null, provider: null, message: 'Account aaaaaaaaaaaaaaaaaaaaaaaa is not connected to this workspace' });
		expect(f[1].message).toMatch(/not connected/);
		expect(f[2].message).toMatch(/no content for Facebook/);
	});
	it('networks.default is used for accounts without a provider block', async () => {
		const f = await failuresOf(bulk('scheduled', [{ networks: { default: { type: 'status', text: 'Hi all' } }, accounts: [{ id: acc('facebook').id, scheduled_at: at(sb, 5) }, { id: acc('mastodon').id, scheduled_at: at(sb, 5) }] }]));
		expect(f).toEqual([]);
		expect((await api.get('/posts')).data.posts.map((p: any) => p.text)).toEqual(['Hi all', 'Hi all']);
	});
	it('signatures, watermarks, albums, callbacks', async () => {
		const fb = acc('facebook');
		const opts = (await api.get(`/workspaces/${sb.workspaceId}/media_options?accounts[]=${fb.id}`)).data[0];
		const sig = (await api.get(`/workspaces/${sb.workspaceId}/signatures?accounts[]=${fb.id}`)).data[0].signatures[0];
		const ok = await oneFailure({ facebook: { type: 'photo', text: 'x', media: [PHOTO()] } }, 'facebook', {
			signature: sig.id, watermark: opts.watermarks[0], album_id: opts.albums[0].id, labels: ['Campaign', 'New label'],
			share: { text: 'ICYMI', account_ids: [acc('twitter').id], after: { duration: 2, unit: 'Hour' }, delay: { duration: 10, unit: 'Minute' } },
			comments: [{ text: 'First!', delay: { duration: 1, unit: 'Minute' } }],
			delete: { hide: false, delay: { duration: 1, unit: 'Week' } },
		});
		expect(ok).toBeNull();
		const stored = sb.posts(sb.workspaceId)[0];
		expect(stored.labels.map((l: any) => l.name)).toEqual(['Campaign', 'New label']);
		expect(stored.share.account_ids).toEqual([acc('twitter').id]);
		sb.reset();
		expect(await oneFailure({ twitter: { type: 'status', text: 'x' } }, 'twitter', { signature: 'abc' })).toBe('Signatures are not available for Twitter');
		expect(await oneFailure({ facebook: { type: 'status', text: 'x' } }, 'facebook', { signature: 'ffffffffffffffffffffffff' })).toMatch(/does not belong/);
		expect(await oneFailure({ tiktok: { type: 'video', text: 'x', media: [VIDEO()] } }, 'tiktok', { watermark: opts.watermarks[0] })).toBe('Watermarks are not supported on TikTok');
		expect(await oneFailure({ pinterest: { type: 'photo', text: 'x', media: [PHOTO()] } }, 'pinterest', { album_id: '123' })).toMatch(/Album\/board 123 was not found/);
		expect(await oneFailure({ facebook: { type: 'status', text: 'x' } }, 'facebook', { share: { account_ids: [acc('instagram').id] } })).toMatch(/Auto-share to Instagram/);
		expect(await oneFailure({ facebook: { type: 'status', text: 'x' } }, 'facebook', { comments: [{ delay: { duration: 1, unit: 'Minute' } }] })).toMatch(/needs text or media/);
	});
});

describe('drafts, ideas, auto, recycling, recurring', () => {
	it('draft → draft_dated / draft_undated; filter draft matches both', async () => {
		const fb = acc('facebook');
		await runJob(api, bulk('draft', [
			{ networks: { facebook: { type: 'status', text: 'dated' } }, accounts: [{ id: fb.id, scheduled_at: '2025-06-23T10:43:00+02:00' }] },
			{ networks: { facebook: { type: 'status', text: 'undated' } }, accounts: [{ id: fb.id }] },
		]));
		const posts = (await api.get('/posts?state=draft')).data.posts;
		expect(posts.map((p: any) => [p.text, p.state])).toEqual([['dated', 'draft_dated'], ['undated', 'draft_undated']]);
		expect((await api.get('/posts?state=draft_undated')).data.total).toBe(1);
	});
	it('ideas (draft_public/draft_private with networks.default) have account_id null', async () => {
		const { result } = await runJob(api, bulk('draft_private', [{ networks: { default: { type: 'article', title: 'Q3 idea', content: [{ id: 'k3', type: 'paragraph', data: { text: 'Outline' } }] } } }]));
		expect(result.payload.failures).toEqual([]);
		await runJob(api, bulk('draft_public', [{ networks: { default: { type: 'status', text: 'Draft' } } }]));
		const posts = (await api.get('/posts?state[]=draft_private&state[]=draft_public')).data.posts;
		expect(posts.map((p: any) => [p.state, p.account_id])).toEqual(expect.arrayContaining([['draft_private', null], ['draft_public', null]]));
		const bad = await runJob(api, bulk('draft_public', [{ networks: { default: { type: 'status' } } }]));
		expect(bad.result.payload.failures[0]).toEqual({ account_id: null, account_name: null, provider: null, message: 'Ideas need at least a title, text, content or media' });
	});
	it('auto-scheduling takes the next free slot in range; share_next; No available slots', async () => {
		const fb = acc('facebook');
		const noSlots = sb.accounts().find((a) => a.slots.length === 0)!;
		const post = (extra: any) => ({ networks: { facebook: { type: 'status', text: 'auto' } }, accounts: [{ id: fb.id }], auto: true, ...extra });
		await runJob(api, bulk('scheduled', [post({ range: { start_date: '2025-06-02T07:45:00Z', end_date: '2025-06-04T23:59:00Z' } }), post({ range: { start_date: '2025-06-02T07:45:00Z' } })]));
		const times = (await api.get('/posts')).data.posts.map((p: any) => p.scheduled_at).sort();
		expect(times).toEqual(['2025-06-02T09:00:00+00:00', '2025-06-02T13:00:00+00:00']);
		await runJob(api, bulk('scheduled', [post({ share_next: true })]));
		expect((await api.get('/posts')).data.posts.map((p: any) => p.scheduled_at).sort()[2]).toBe('2025-06-02T17:30:00+00:00');
		const f = await failuresOf(bulk('scheduled', [{ networks: { facebook: { type: 'status', text: 'auto' } }, accounts: [{ id: noSlots.id }], auto: true, range: { start_date: '2025-06-02' } }]));
		expect(f[0].message).toBe('No available slots');
		const full = await failuresOf(bulk('scheduled', [post({ range: { start_date: '2025-06-02T00:00:00Z', end_date: '2025-06-02T12:00:00Z' } })]));
		expect(full[0].message).toBe('No available slots in the selected range');
	});
	it('posts without scheduled_at go into the posting schedule (bulk page)', async () => {
		await runJob(api, bulk('scheduled', [{ networks: { facebook: { type: 'status', text: 'x' } }, accounts: [{ id: acc('facebook').id }] }]));
		expect((await api.get('/posts')).data.posts[0].scheduled_at).toBe('2025-06-02T09:00:00+00:00');
	});
	it('recycling → recycling_active, expires after expire_count; not on YouTube/TikTok/WordPress; Google needs spintax', async () => {
		const fb = acc('facebook');
		const { result } = await runJob(api, bulk('scheduled', [{ networks: { facebook: { type: 'status', text: 'Recycle me' } }, accounts: [{ id: fb.id }], recycling: { solo: true, gap: 2, gap_freq: 'Week', start_date: '2025-06-03', expire_count: 3 } }]));
		expect(result.payload.failures).toEqual([]);
		expect((await api.get('/posts?state=recycling')).data.posts[0].state).toBe('recycling_active');
		sb.clock.advance(5 * 7 * 86400000);
		expect((await api.get('/posts?state=recycling')).data.posts[0].state).toBe('recycling_expired');
		const yt = await oneFailure({ youtube: { type: 'video', title: 't', media: [VIDEO()] } }, 'youtube', {}, { recycling: { gap: 1, gap_freq: 'Week', start_date: '2025-08-01' } });
		expect(yt).toBe('Recycling is not available for YouTube');
		const g = await oneFailure({ google: { type: 'status', text: 'plain text' } }, 'google', {}, { recycling: { gap: 1, gap_freq: 'Week', start_date: '2025-08-01' } });
		expect(g).toMatch(/at least 10 text variations/);
		expect(await oneFailure({ google: { type: 'status', text: '{Hi|Hello|Hey|Yo|Hola} {friends|folks}' } }, 'google', {}, { recycling: { gap: 1, gap_freq: 'Week', start_date: '2025-08-01' } })).toBeNull();
	});
	it('recurring → recurring state; TikTok rejected', async () => {
		const rec = { start_date: '2025-06-05T13:29+02:00', end_date: '2025-07-21T13:29+02:00', repeat: 'weekly', days_of_week: [1], repeat_rate: 1 };
		await runJob(api, bulk('recurring', [{ networks: { facebook: { type: 'status', text: 'Weekly' } }, accounts: [{ id: acc('facebook').id }], recurring: rec }]));
		const p = (await api.get('/posts?state=recurring')).data.posts[0];
		expect(p.scheduled_at).toBe('2025-06-05T11:29:00+00:00');
		const tt = await failuresOf(bulk('recurring', [{ networks: { tiktok: { type: 'video', media: [VIDEO()] } }, accounts: [{ id: acc('tiktok').id }], recurring: rec }]));
		expect(tt[0].message).toBe('Recurring posts are not available for TikTok');
	});
});

describe('GET /posts filters and pagination', () => {
	beforeEach(async () => {
		const fb = acc('facebook');
		const tw = acc('twitter');
		const posts = [];
		for (let i = 0; i < 25; i++) {
			posts.push({ networks: { facebook: { type: i % 5 === 0 ? 'photo' : 'status', text: `Post ${i} ${i % 2 ? 'croissant' : 'bagel'}`, media: i % 5 === 0 ? [PHOTO()] : undefined } }, accounts: [{ id: fb.id, scheduled_at: new Date(Date.UTC(2025, 5, 3 + Math.floor(i / 10), 8 + (i % 10))).toISOString() }] });
		}
		posts.push({ networks: { twitter: { type: 'status', text: 'Tweet' } }, accounts: [{ id: tw.id, scheduled_at: '2025-06-10T10:00:00Z' }] });
		await runJob(api, bulk('scheduled', posts));
		await runJob(client(sb, sb.keys.member), bulk('draft', [{ networks: { facebook: { type: 'status', text: 'by Mira' } }, accounts: [{ id: fb.id }] }]));
	});
	it('zero-based pagination, 20 per page, sorted by scheduled_at desc', async () => {
		const p0 = (await api.get('/posts')).data;
		expect(p0).toMatchObject({ total: 27, page: 0, per_page: 20, total_pages: 2 });
		expect(p0.posts).toHaveLength(20);
		expect(p0.posts[0].text).toBe('Tweet');
		const times = p0.posts.map((p: any) => p.scheduled_at).filter(Boolean);
		expect([...times].sort().reverse()).toEqual(times);
		const p1 = (await api.get('/posts?page=1')).data;
		expect(p1.posts).toHaveLength(7);
		expect(p1.posts[6].text).toBe('by Mira');
		expect((await api.get('/posts?page=2')).data.posts).toEqual([]);
		expect((await api.get('/posts?page=-1')).status).toBe(400);
	});
	it('state, state[] (three encodings), account_ids[], query, postType, member_id', async () => {
		expect((await api.get('/posts?state=scheduled')).data.total).toBe(26);
		expect((await api.get('/posts?state=all')).data.total).toBe(27);
		expect((await api.get('/posts?state[]=scheduled&state[]=draft_undated')).data.total).toBe(27);
		expect((await api.get('/posts?state=draft_undated&state=failed')).data.total).toBe(1);
		expect((await api.get('/posts?state=draft_undated,published')).data.total).toBe(1);
		expect((await api.get('/posts?state=bogus')).status).toBe(400);
		expect((await api.get(`/posts?account_ids[]=${acc('twitter').id}`)).data.total).toBe(1);
		expect((await api.get('/posts?query=CROISSANT')).data.total).toBe(12);
		expect((await api.get('/posts?postType=photo')).data.total).toBe(5);
		const mira = (await client(sb, sb.keys.member, null).get('/users/me')).data.id;
		const mine = (await api.get(`/posts?member_id=${mira}`)).data;
		expect(mine.total).toBe(1);
		expect(mine.posts[0].user.name).toBe('miraposts');
	});
	it('from/to: dates inclusive, datetimes, 400 if only one is given', async () => {
		expect((await api.get('/posts?from=2025-06-03&to=2025-06-03')).data.total).toBe(10);
		expect((await api.get('/posts?from=2025-06-03T12:00:00Z&to=2025-06-04T09:00:00Z')).data.total).toBe(6 + 2);
		expect((await api.get('/posts?from=2025-06-03')).status).toBe(400);
		expect((await api.get('/posts?to=2025-06-03')).status).toBe(400);
		expect((await api.get('/posts?from=junk&to=2025-06-03')).status).toBe(400);
	});
});

describe('PUT /posts/{id}', () => {
	let id: string;
	beforeEach(async () => {
		await runJob(api, bulk('scheduled', [{ networks: { facebook: { type: 'status', text: 'Old' }, instagram: { type: 'photo', text: 'Old', media: [PHOTO()] } }, accounts: [{ id: acc('facebook').id, scheduled_at: at(sb, 10) }, { id: acc('instagram').id, scheduled_at: at(sb, 10) }] }]));
		id = (await api.get(`/posts?account_ids[]=${acc('facebook').id}`)).data.posts[0].id;
	});
	it('accepts {post:{text,title}} and flat {text}; returns PostDetail', async () => {
		const r = await api.put(`/posts/${id}`, { post: { text: 'Fixed typo', title: 'T' } });
		expect(r.status).toBe(200);
		expect(r.data).toMatchObject({ id, text: 'Fixed typo', state: 'scheduled', account_id: acc('facebook').id, auto: false });
		expect(r.data.account).toMatchObject({ id: acc('facebook').id, type: 'page' });
		for (const k of ['user', 'scheduled_at', 'created_at', 'updated_at', 'post_link', 'media', 'link', 'labels', 'recycling', 'recurring']) expect(r.data).toHaveProperty(k);
		expect((await api.put(`/posts/${id}`, { text: 'Flat' })).data.text).toBe('Flat');
	});
	it('422 when text is missing; 404 for unknown ids', async () => {
		const r = await api.put(`/posts/${id}`, { post: { title: 'x' } });
		expect(r.status).toBe(422);
		expect(r.data.errors[0]).toMatch(/text is required/);
		const nf = await api.put('/posts/ffffffffffffffffffffffff', { text: 'x' });
		expect(nf.status).toBe(404);
		expect(nf.data).toEqual({ errors: ['Post not found'] });
	});
	it('published posts: editable on Facebook, 422 on Instagram', async () => {
		sb.clock.advance(11 * 60000);
		expect((await api.put(`/posts/${id}`, { text: 'Edited after publish' })).status).toBe(200);
		const ig = (await api.get(`/posts?account_ids[]=${acc('instagram').id}`)).data.posts[0];
		expect(ig.state).toBe('published_posted');
		const r = await api.put(`/posts/${ig.id}`, { text: 'nope' });
		expect(r.status).toBe(422);
		expect(r.data.errors[0]).toBe('Instagram posts cannot be edited after publishing');
	});
	it('422 when the new text exceeds the network limit', async () => {
		expect((await api.put(`/posts/${id}`, { text: 'x'.repeat(10001) })).status).toBe(422);
	});
});

describe('DELETE /posts and POST /posts/links', () => {
	it('deletes listed ids of the workspace; absent ids are left out', async () => {
		await runJob(api, bulk('scheduled', [{ networks: { facebook: { type: 'status', text: 'a' } }, accounts: [{ id: acc('facebook').id, scheduled_at: at(sb, 10) }, { id: acc('facebook:group').id, scheduled_at: at(sb, 10) }] }]));
		const ids = (await api.get('/posts')).data.posts.map((p: any) => p.id);
		const r = await api.delete('/posts', { params: { 'post_ids[]': [ids[0], 'ffffffffffffffffffffffff'] } });
		expect(r.status).toBe(200);
		expect(r.data).toEqual({ deleted_ids: [ids[0]] });
		expect((await client(sb, sb.apiKey, sb.secondWorkspaceId).delete(`/posts?post_ids[]=${ids[1]}`)).data).toEqual({ deleted_ids: [] });
		expect((await api.delete('/posts')).status).toBe(400);
		expect((await api.delete(`/posts/${ids[1]}`)).data).toEqual({ deleted_ids: [ids[1]] });
		expect((await api.delete(`/posts/${ids[1]}`)).status).toBe(404);
		expect((await api.get('/posts')).data.total).toBe(0);
		// the freed slot can be used again (gap index updated)
		const f = await failuresOf(bulk('scheduled', [{ networks: { facebook: { type: 'status', text: 'again' } }, accounts: [{ id: acc('facebook').id, scheduled_at: at(sb, 10) }] }]));
		expect(f).toEqual([]);
	});
	it('link preview: url required; documented shape', async () => {
		expect((await api.post('/posts/links', {})).status).toBe(400);
		const r = await api.post('/posts/links', { url: 'https://publer.com' });
		expect(r.status).toBe(200);
		expect(Object.keys(r.data.link).sort()).toEqual(['description', 'favicon', 'images', 'original_url', 'provider_display', 'title', 'type', 'url']);
		expect(r.data.link.provider_display).toBe('publer.com');
		const form = await api.post('/posts/links', 'url=https%3A%2F%2Fexample.com', { headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
		expect(form.data.link.url).toBe('https://example.com/');
	});
	it('link preview fetches loopback pages for real', async () => {
		const r = await api.post('/posts/links', { url: sb.origin + '/__sandbox/info' });
		expect(r.status).toBe(200);
		expect(r.data.link.url).toContain('127.0.0.1');
	});
});
