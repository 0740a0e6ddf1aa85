import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../../../../../sandbox';
import { runPublerNode, shutdownN8nCore } from '../../../../../support';

const HOUR = 3600_000;

describe('Post → Create against the sandbox', () => {
	let sb: Sandbox;
	const credentials = () => ({ apiKey: sb.apiKey, baseUrl: sb.baseUrl });
	const ws = () => ({ __rl: true, mode: 'id', value: sb.workspaceId });
	/** A time relative to the sandbox clock, as an ISO string in UTC. */
	const at = (ms: number) => new Date(Math.ceil((Math.max(sb.clock.now().getTime(), Date.now()) + ms) / 1000) * 1000).toISOString();

	const create = (parameters: INodeParameters, extra: { items?: IDataObject[]; onError?: 'continueErrorOutput'; timezone?: string } = {}) =>
		runPublerNode({
			credentials: credentials(),
			parameters: { resource: 'post', operation: 'create', workspace: ws(), ...parameters, options: { pollInterval: 0, ...((parameters.options as IDataObject) ?? {}) } },
			items: extra.items,
			onError: extra.onError,
			timezone: extra.timezone,
		});
	const submits = () => sb.requests({ method: 'POST', path: /^\/posts\/schedule/ });
	const bulkOf = (i = 0) => submits()[i].body.bulk;

	beforeAll(async () => {
		sb = await startSandbox({ rateLimit: false, jobWorkingPolls: 0 });
	});
	afterAll(async () => {
		await sb.close();
		shutdownN8nCore();
	});
	beforeEach(() => sb.reset());

	describe('modes', () => {
		it('Schedule: one post to two networks, with the exact instant sent and the job waited for', async () => {
			const fb = sb.accountFor('facebook:page');
			const tw = sb.accountFor('twitter');
			const when = at(HOUR);
			const result = await create({ mode: 'schedule', accounts: [fb.id, tw.id], text: 'Hello from n8n', scheduledAt: when });
			expect(result.error).toBeUndefined();
			expect(bulkOf()).toEqual({
				state: 'scheduled',
				posts: [
					{
						networks: { facebook: { type: 'status', text: 'Hello from n8n' }, twitter: { type: 'status', text: 'Hello from n8n' } },
						accounts: [
							{ id: fb.id, scheduled_at: expect.stringMatching(/[+-]\d\d:\d\d$/) },
							{ id: tw.id, scheduled_at: expect.stringMatching(/[+-]\d\d:\d\d$/) },
						],
					},
				],
			});
			const sent = bulkOf().posts[0].accounts[0].scheduled_at;
			expect(Date.parse(sent)).toBe(Date.parse(when));
			const out = result.items[0].json;
			expect(out).toMatchObject({ success: true, status: 'complete', mode: 'schedule', scheduledAt: sent, failures: [] });
			expect(out.jobId).toMatch(/^[0-9a-f]{24}$/);
			expect(sb.requests({ path: `/job_status/${out.jobId}` })).toHaveLength(1);
			expect(sb.posts(sb.workspaceId).filter((p) => p.text === 'Hello from n8n')).toHaveLength(2);
		});

		it('reads a time without an offset in the workflow timezone and sends it with the offset', async () => {
			const fb = sb.accountFor('facebook:page');
			const year = new Date(Date.now() + 40 * 24 * HOUR).getUTCFullYear() + 1;
			const result = await create({ mode: 'schedule', accounts: [fb.id], text: 'tz', scheduledAt: `${year}-07-01T09:00:00` }, { timezone: 'Europe/Berlin' });
			expect(result.error).toBeUndefined();
			expect(bulkOf().posts[0].accounts[0].scheduled_at).toBe(`${year}-07-01T09:00:00+02:00`);
			expect(result.items[0].json.scheduledAt).toBe(`${year}-07-01T09:00:00+02:00`);
			const winter = await create({ mode: 'schedule', accounts: [fb.id], text: 'tz2', scheduledAt: `${year}-12-01 09:30` }, { timezone: 'America/New_York' });
			expect(winter.error).toBeUndefined();
			expect(bulkOf(1).posts[0].accounts[0].scheduled_at).toBe(`${year}-12-01T09:30:00-05:00`);
		});

		it('Publish Now: POST /posts/schedule/publish, state scheduled, no scheduled_at', async () => {
			const fb = sb.accountFor('facebook:page');
			const result = await create({ mode: 'publishNow', accounts: [fb.id], text: 'Now!' });
			expect(result.error).toBeUndefined();
			expect(submits()[0].path).toBe('/posts/schedule/publish');
			expect(bulkOf()).toEqual({ state: 'scheduled', posts: [{ networks: { facebook: { type: 'status', text: 'Now!' } }, accounts: [{ id: fb.id }] }] });
			expect(sb.posts(sb.workspaceId).find((p) => p.text === 'Now!')?.state).toBe('published_posted');
		});

		it('Draft: undated, dated, private and public drafts', async () => {
			const fb = sb.accountFor('facebook:page');
			await create({ mode: 'draft', accounts: [fb.id], text: 'undated draft' });
			const when = at(2 * HOUR);
			await create({ mode: 'draft', accounts: [fb.id], text: 'dated draft', scheduledAt: when });
			await create({ mode: 'draft', draftState: 'draft_private', accounts: [fb.id], text: 'private draft' });
			expect(bulkOf(0)).toEqual({ state: 'draft', posts: [{ networks: { facebook: { type: 'status', text: 'undated draft' } }, accounts: [{ id: fb.id }] }] });
			expect(bulkOf(1).posts[0].accounts[0].scheduled_at).toBeDefined();
			expect(bulkOf(2).state).toBe('draft_private');
			const states = Object.fromEntries(sb.posts(sb.workspaceId).map((p) => [p.text, p.state]));
			expect(states).toMatchObject({ 'undated draft': 'draft_undated', 'dated draft': 'draft_dated', 'private draft': 'draft_private' });
		});

		it('Idea: networks.default and no accounts, private or public', async () => {
			const result = await create({ mode: 'idea', ideaVisibility: 'draft_public', text: 'An idea', content: { title: 'Q3 campaign' } });
			expect(result.error).toBeUndefined();
			expect(bulkOf()).toEqual({ state: 'draft_public', posts: [{ networks: { default: { type: 'status', text: 'An idea', title: 'Q3 campaign' } } }] });
			expect(sb.posts(sb.workspaceId).find((p) => p.text === 'An idea')).toMatchObject({ state: 'draft_public', account_id: null });
			expect(result.items[0].json.accounts).toEqual([]);
		});

		it('Auto-Schedule: auto, range and share_next', async () => {
			const fb = sb.accountFor('facebook:page');
			const start = at(HOUR);
			const end = at(72 * HOUR);
			const result = await create({ mode: 'auto', accounts: [fb.id], text: 'Let Publer choose', autoStart: start, autoEnd: end });
			expect(result.error).toBeUndefined();
			const post = bulkOf().posts[0];
			expect(bulkOf().state).toBe('scheduled');
			expect(post.auto).toBe(true);
			expect(Date.parse(post.range.start_date)).toBe(Date.parse(start));
			expect(Date.parse(post.range.end_date)).toBe(Date.parse(end));
			expect(post.accounts).toEqual([{ id: fb.id }]);
			await create({ mode: 'auto', accounts: [fb.id], text: 'next slot', shareNext: true });
			expect(bulkOf(1).posts[0]).toMatchObject({ auto: true, share_next: true });
			expect(bulkOf(1).posts[0].range).toBeUndefined();
			expect(sb.posts(sb.workspaceId).filter((p) => p.auto && p.state === 'scheduled')).toHaveLength(2);
		});

		it('Recurring: weekday names become days_of_week (0 = Sunday by default, or 0 = Monday)', async () => {
			const fb = sb.accountFor('facebook:page');
			const start = at(24 * HOUR);
			const end = at(60 * 24 * HOUR);
			const base = { mode: 'recurring', accounts: [fb.id], text: 'Weekly reminder', recurringStart: start, recurringEnd: end, repeat: 'weekly', repeatRate: 2 };
			const result = await create({ ...base, daysOfWeek: ['thursday', 'monday'] });
			expect(result.error).toBeUndefined();
			expect(bulkOf().state).toBe('recurring');
			expect(bulkOf().posts[0].recurring).toEqual({
				start_date: expect.any(String),
				end_date: expect.any(String),
				repeat: 'weekly',
				repeat_rate: 2,
				days_of_week: [1, 4],
			});
			await create({ ...base, text: 'Weekly reminder 2', daysOfWeek: ['sunday', 'monday'], options: { daysOfWeekIndexing: 'monday0' } });
			expect(bulkOf(1).posts[0].recurring.days_of_week).toEqual([0, 6]);
			expect(sb.posts(sb.workspaceId).filter((p) => p.state === 'recurring')).toHaveLength(2);
		});

		it('Recurring posts are sent one per request even when batching (Publer rejects them in bulk)', async () => {
			const fb = sb.accountFor('facebook:page');
			const result = await create(
				{ mode: 'recurring', accounts: [fb.id], text: '={{ $json.text }}', recurringStart: at(24 * HOUR), repeat: 'daily' },
				{ items: [{ text: 'daily a' }, { text: 'daily b' }] },
			);
			expect(result.error).toBeUndefined();
			expect(submits()).toHaveLength(2);
			expect(bulkOf(0).posts[0].recurring).toEqual({ start_date: expect.any(String), repeat: 'daily', repeat_rate: 1 });
		});

		it('Recycling: gap, unit, start date and expiry by count or by date', async () => {
			const fb = sb.accountFor('facebook:page');
			const start = new Date(Date.now() + 3 * 24 * HOUR).toISOString().slice(0, 10);
			const result = await create({
				mode: 'recycling',
				accounts: [fb.id],
				text: 'Evergreen',
				recyclingGap: 2,
				recyclingGapFreq: 'Week',
				recyclingStartDate: start,
				recyclingExpireBy: 'count',
				recyclingExpireCount: 3,
				recyclingSolo: true,
			});
			expect(result.error).toBeUndefined();
			expect(bulkOf()).toMatchObject({ state: 'scheduled' });
			expect(bulkOf().posts[0].recycling).toEqual({ solo: true, gap: 2, gap_freq: 'Week', start_date: start, expire_count: 3 });
			await create({ mode: 'recycling', accounts: [fb.id], text: 'Evergreen 2', recyclingGap: 1, recyclingGapFreq: 'Month', recyclingExpireBy: 'date', recyclingExpireDate: '2099-12-31' });
			expect(bulkOf(1).posts[0].recycling).toEqual({ solo: false, gap: 1, gap_freq: 'Month', expire_date: '2099-12-31' });
			expect(sb.posts(sb.workspaceId).filter((p) => p.state === 'recycling_active')).toHaveLength(2);
		});
	});

	describe('content, overrides and extras', () => {
		it('sends media with alt text and picks photo/video/GIF types automatically', async () => {
			const ig = sb.accountFor('instagram');
			const lib = sb.media(sb.workspaceId);
			const photo = lib.find((m) => m.type === 'photo')!;
			const result = await create({
				mode: 'schedule',
				accounts: [ig.id],
				text: 'Fresh croissants',
				scheduledAt: at(HOUR),
				media: { items: [{ id: photo.id, type: 'photo', altText: 'A croissant', caption: 'yum' }] },
			});
			expect(result.error).toBeUndefined();
			expect(bulkOf().posts[0].networks.instagram).toEqual({
				type: 'photo',
				text: 'Fresh croissants',
				media: [{ id: photo.id, type: 'photo', alt_text: 'A croissant', caption: 'yum' }],
			});
		});

		it('takes media from an expression (Media List): IDs or the objects Media → Import From URL returns', async () => {
			const ig = sb.accountFor('instagram');
			const [photo, video] = [sb.media(sb.workspaceId).find((m) => m.type === 'photo')!, sb.media(sb.workspaceId).find((m) => m.type === 'video')!];
			const result = await create(
				{
					mode: 'schedule',
					accounts: [ig.id],
					text: 'From an expression',
					contentType: 'carousel',
					scheduledAt: at(HOUR),
					mediaList: '={{ $json.media }}',
				},
				{
					items: [
						{
							media: [
								{ id: photo.id, type: 'photo', path: photo.path, alt_text: 'Front', name: 'front.jpg' },
								{ json: { id: video.id, type: 'video', path: video.path } },
								photo.id,
							],
						},
					],
				},
			);
			expect(result.error).toBeUndefined();
			expect(bulkOf().posts[0].networks.instagram.media).toEqual([
				{ id: photo.id, type: 'photo', path: photo.path, alt_text: 'Front', name: 'front.jpg' },
				{ id: video.id, type: 'video', path: video.path },
				{ id: photo.id, type: 'photo' },
			]);
		});

		it('refuses a Media List entry that is not media, before any write', async () => {
			const result = await create(
				{ mode: 'schedule', accounts: [sb.accountFor('facebook').id], text: 'x', scheduledAt: at(HOUR), mediaList: '={{ $json.media }}' },
				{ items: [{ media: [{ caption: 'no id' }] }], onError: 'continueErrorOutput' },
			);
			expect(result.errorItems[0].json.error).toBe('Item 0: Media List entry 0 is neither a media ID nor a media object with an ID or a path');
			expect(submits()).toHaveLength(0);
		});

		it('applies every network override to its own network block', async () => {
			const a = (p: string) => sb.accountFor(p).id;
			const video = sb.media(sb.workspaceId).find((m) => m.type === 'video')!;
			const photo = sb.media(sb.workspaceId).find((m) => m.type === 'photo' && !String(m.name).includes('9mb'))!;
			const pinterest = sb.accountFor('pinterest');
			const board = pinterest.albums[0]?.id;
			const result = await create({
				mode: 'schedule',
				accounts: [a('facebook:page'), a('instagram'), a('twitter'), a('linkedin:page'), a('pinterest'), a('google'), a('youtube'), a('tiktok'), a('wordpress'), a('mastodon'), a('telegram'), a('threads'), a('bluesky')],
				text: 'Base text',
				scheduledAt: at(3 * HOUR),
				media: { items: [{ id: photo.id, type: 'photo' }] },
				options: { validate: true },
				networkOverrides: {
					facebook: { type: 'status', textBackgroundPresetId: '106018623298955', media: '[]' },
					instagram: { type: 'reel', media: JSON.stringify([{ id: video.id, type: 'video' }]), reelFeed: true, reelAudio: 'Original audio', trialReel: 'MANUAL' },
					twitter: { type: 'poll', text: 'Which feature next?', media: '[]', pollOptions: 'Dark mode, Export', pollDuration: 3, communityId: '123', communityName: 'Bakers' },
					linkedin: { type: 'document', documentTitle: 'Our menu', text: 'Menu as a PDF carousel' },
					pinterest: { title: 'Pin title', destinationUrl: 'https://example.com/landing', boardId: board },
					google: { googleType: 'event', ctaButton: 'LEARN_MORE', ctaUrl: 'https://example.com/workshop', eventTitle: 'Summer Workshop', eventStart: at(24 * HOUR), eventEnd: at(48 * HOUR) },
					youtube: { type: 'short', title: 'My short', media: JSON.stringify([{ id: video.id, type: 'video' }]), privacy: 'unlisted' },
					tiktok: { type: 'video', media: JSON.stringify([{ id: video.id, type: 'video' }]), privacy: 'SELF_ONLY', allowComments: true, allowDuet: false, allowStitch: false },
					wordpress: { title: 'Summer menu', excerpt: 'Short', slug: 'summer-menu', categories: '1,2', tags: '7', featuredImageUrl: 'https://example.com/a.jpg', wordpressKey: 'wordpress_basic' },
					mastodon: { text: 'Toot text', media: '[]' },
					telegram: { type: 'link', linkUrl: 'https://example.com', media: '[]' },
					threads: { text: 'Threads text' },
					bluesky: { text: 'Short bsky', media: '[]', extraFields: '{"langs":["en"]}' },
				},
			});
			expect(result.error?.message).toBeUndefined();
			const n = bulkOf().posts[0].networks;
			expect(n.facebook).toEqual({ type: 'status', text: 'Base text', media: [], details: { text_format_preset_id: '106018623298955' } });
			expect(n.instagram).toMatchObject({ type: 'video', media: [{ id: video.id, type: 'video' }], details: { type: 'reel', feed: true, audio: 'Original audio', trial_reel: 'MANUAL' } });
			expect(n.twitter).toEqual({ type: 'poll', text: 'Which feature next?', media: [], options: ['Dark mode', 'Export'], duration: 3, details: { community: { id: '123', name: 'Bakers' } } });
			expect(n.linkedin).toMatchObject({ type: 'photo', title: 'Our menu', details: { type: 'document' } });
			expect(n.pinterest).toMatchObject({ type: 'photo', title: 'Pin title', url: 'https://example.com/landing' });
			expect(n.google).toMatchObject({ type: 'photo', title: 'LEARN_MORE', url: 'https://example.com/workshop', details: { type: 'event', title: 'Summer Workshop', start: expect.any(String), end: expect.any(String) } });
			expect(n.youtube).toMatchObject({ type: 'video', title: 'My short', details: { type: 'short', privacy: 'unlisted' } });
			expect(n.tiktok).toMatchObject({ type: 'video', details: { privacy: 'SELF_ONLY', comment: true, duet: false, stitch: false } });
			expect(n.wordpress_basic).toMatchObject({ type: 'article', title: 'Summer menu', excerpt: 'Short', url: 'summer-menu', categories: ['1', '2'], tags: ['7'], featured_media: { path: 'https://example.com/a.jpg' } });
			expect(n.wordpress_basic.content).toEqual([{ id: 'p1', type: 'paragraph', data: { text: 'Base text' } }]);
			expect(n.mastodon).toMatchObject({ type: 'status', text: 'Toot text' });
			expect(n.telegram).toMatchObject({ type: 'link', link: { url: 'https://example.com' } });
			expect(n.threads).toMatchObject({ text: 'Threads text', type: 'photo' });
			expect(n.bluesky).toMatchObject({ type: 'status', text: 'Short bsky', langs: ['en'] });
			const pinTarget = bulkOf().posts[0].accounts.find((t: IDataObject) => t.id === pinterest.id);
			expect(pinTarget.album_id).toBe(board);
			expect(result.items[0].json).toMatchObject({ success: true, failures: [] });
		});

		it('sends extras: signature, watermark, album, labels, first and follow-up comments, auto-share and auto-delete', async () => {
			const fb = sb.accountFor('facebook:page');
			const mastodon = sb.accountFor('mastodon');
			const signature = fb.signatures[0].id;
			const album = fb.albums[0].id;
			const result = await create({
				mode: 'schedule',
				accounts: [fb.id],
				text: 'With extras',
				scheduledAt: at(HOUR),
				extras: {
					signature,
					albumId: album,
					labels: 'Campaign, Launch',
					firstComment: 'Link in bio',
					followUpComments: { comment: [{ text: 'Second thought', delay: 2, delayUnit: 'Hour' }] },
					autoShareAccounts: [mastodon.id],
					autoShareText: 'In case you missed it',
					autoShareAfter: 2,
					autoShareAfterUnit: 'Hour',
					autoDeleteAfter: 1,
					autoDeleteUnit: 'Week',
				},
			});
			expect(result.error?.message).toBeUndefined();
			expect(bulkOf().posts[0].accounts[0]).toEqual({
				id: fb.id,
				scheduled_at: expect.any(String),
				signature,
				album_id: album,
				labels: ['Campaign', 'Launch'],
				comments: [
					{ text: 'Link in bio', delay: { duration: 1, unit: 'Minute' } },
					{ text: 'Second thought', delay: { duration: 2, unit: 'Hour' } },
				],
				share: { text: 'In case you missed it', account_ids: [mastodon.id], after: { duration: 2, unit: 'Hour' } },
				delete: { hide: false, delay: { duration: 1, unit: 'Week' } },
			});
			const stored = sb.posts(sb.workspaceId).find((p) => p.text === 'With extras');
			expect(stored).toMatchObject({ signature, album_id: album });
			expect(stored.labels.map((l: IDataObject) => l.name).sort()).toEqual(['Campaign', 'Launch']);
		});

		it('a watermark chosen by ID is sent as the full object from the media options (one extra read)', async () => {
			const fb = sb.accountFor('facebook:page');
			const photo = sb.media(sb.workspaceId).find((m) => m.type === 'photo')!;
			const options = await fetch(`${sb.baseUrl}/workspaces/${sb.workspaceId}/media_options?accounts[]=${fb.id}`, {
				headers: { Authorization: `Bearer-API ${sb.apiKey}`, 'Publer-Workspace-Id': sb.workspaceId },
			}).then((r) => r.json());
			const watermark = options[0].watermarks[1];
			expect(watermark.opacity).toBeDefined();
			sb.clearRequests();
			const result = await create({
				mode: 'schedule',
				accounts: [fb.id],
				text: 'Watermarked',
				scheduledAt: at(HOUR),
				media: { items: [{ id: photo.id, type: 'photo' }] },
				extras: { watermark: watermark.id },
			});
			expect(result.error?.message).toBeUndefined();
			expect(bulkOf().posts[0].accounts[0].watermark).toEqual(watermark);
			const reads = sb.requests({ method: 'GET', path: `/workspaces/${sb.workspaceId}/media_options` });
			expect(reads).toHaveLength(1);
			expect(reads[0].query['accounts[]'] ?? reads[0].query.accounts).toEqual(expect.arrayContaining([fb.id]));
		});

		it('an unknown watermark ID fails the item before anything is sent', async () => {
			const fb = sb.accountFor('facebook:page');
			const result = await create(
				{ mode: 'schedule', accounts: [fb.id], text: 'x', scheduledAt: at(HOUR), extras: { watermark: 'ffffffffffffffffffffffff' } },
				{ onError: 'continueErrorOutput' },
			);
			expect(result.errorItems[0].json.error).toBe("Item 0: extras.watermark — watermark ffffffffffffffffffffffff is not one of the workspace's watermarks");
			expect(submits()).toHaveLength(0);
		});

		it('per-account times override the common time', async () => {
			const fb = sb.accountFor('facebook:page');
			const tw = sb.accountFor('twitter');
			const t1 = at(HOUR);
			const t2 = at(5 * HOUR);
			const result = await create({ mode: 'schedule', accounts: [fb.id, tw.id], text: 'Two times', scheduledAt: t1, accountSettings: { values: [{ account: tw.id, scheduledAt: t2 }] } });
			expect(result.error).toBeUndefined();
			const [a, b] = bulkOf().posts[0].accounts;
			expect(Date.parse(a.scheduled_at)).toBe(Date.parse(t1));
			expect(Date.parse(b.scheduled_at)).toBe(Date.parse(t2));
			expect(result.items[0].json.scheduledAt).toBeNull();
		});
	});

	describe('validation before sending', () => {
		it.each([
			['a time in the past', { scheduledAt: '2020-01-01T10:00:00Z' }, /scheduledAt — Publer needs scheduled times at least 1 minute in the future/],
			['text over the X limit', { text: 'x'.repeat(281), accounts: 'twitter' }, /networks\.twitter\.text — X \(Twitter\) allows 280 characters \(counted as X counts[^)]*\); this text has 281/],
			['Instagram without media', { accounts: 'instagram' }, /networks\.instagram\.media — Instagram posts need at least one photo or video/],
			['a type the network does not support', { accounts: 'bluesky', contentType: 'poll', content: { pollOptions: 'a, b', pollDuration: 1 } }, /networks\.bluesky\.type — Bluesky does not support "poll" posts/],
			['two TikTok accounts', { accounts: 'tiktok2' }, /accounts — Publer allows one TikTok account per post/],
		])('refuses %s with the item, field and rule, and sends no post', async (_name, change, message) => {
			const tiktoks = sb.accounts(sb.workspaceId).filter((a) => a.provider === 'tiktok');
			const pick = (p: unknown) => (p === 'tiktok2' ? tiktoks.map((t) => t.id) : [sb.accountFor(String(p)).id]);
			const params: IDataObject = { mode: 'schedule', accounts: [sb.accountFor('facebook:page').id], text: 'x', scheduledAt: at(HOUR), ...change };
			if (typeof params.accounts === 'string') params.accounts = pick(params.accounts);
			if (params.accounts && (params.accounts as string[]).some((id) => tiktoks.some((t) => t.id === id))) {
				params.media = { items: [{ id: sb.media(sb.workspaceId).find((m) => m.type === 'video')!.id, type: 'video' }] };
			}
			const result = await create(params as INodeParameters);
			expect(result.error?.message).toMatch(/^Item 0: /);
			expect(result.error?.message).toMatch(message);
			expect(submits()).toHaveLength(0);
		});

		it('refuses bad recurring and recycling combinations', async () => {
			const yt = sb.accountFor('youtube');
			const fb = sb.accountFor('facebook:page');
			const r1 = await create({ mode: 'recurring', accounts: [fb.id], text: 'x', recurringStart: at(48 * HOUR), recurringEnd: at(24 * HOUR), repeat: 'weekly' });
			expect(r1.error?.message).toMatch(/recurringEnd — the recurrence ends .* before it starts/);
			const r2 = await create({ mode: 'recycling', accounts: [yt.id], text: 'x', content: { title: 't' }, media: { items: [{ id: sb.media(sb.workspaceId).find((m) => m.type === 'video')!.id, type: 'video' }] } });
			expect(r2.error?.message).toMatch(/accounts — YouTube \(.*\) does not support recycling/);
			const r3 = await create({ mode: 'recycling', accounts: [sb.accountFor('google').id], text: 'Not spun', recyclingExpireCount: 2 });
			expect(r3.error?.message).toMatch(/need at least 10 text variations/);
			const r4 = await create({ mode: 'recycling', accounts: [fb.id], text: 'x', recyclingExpireBy: 'count', recyclingExpireCount: 0 });
			expect(r4.error?.message).toMatch(/recyclingExpireCount/);
			expect(submits()).toHaveLength(0);
		});

		it('with continue-on-fail only the bad item fails; the others are sent', async () => {
			const fb = sb.accountFor('facebook:page');
			const result = await create(
				{ mode: 'schedule', accounts: [fb.id], text: '={{ $json.text }}', scheduledAt: '={{ $json.when }}' },
				{ items: [{ text: 'good 1', when: at(HOUR) }, { text: 'bad', when: '2020-01-01T00:00:00Z' }, { text: 'good 2', when: at(2 * HOUR) }], onError: 'continueErrorOutput' },
			);
			expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
			expect(result.errorItems).toHaveLength(1);
			expect(result.errorItems[0].pairedItem).toEqual({ item: 1 });
			expect(result.errorItems[0].json.error).toMatch(/^Item 1: scheduledAt/);
			expect(submits()).toHaveLength(1);
			expect(bulkOf().posts.map((p: IDataObject) => (p.networks as IDataObject & { facebook: IDataObject }).facebook.text)).toEqual(['good 1', 'good 2']);
		});

		it('with validation off, Publer decides and the failure comes back on the item', async () => {
			const tw = sb.accountFor('twitter');
			const result = await create({ mode: 'schedule', accounts: [tw.id], text: 'y'.repeat(300), scheduledAt: at(HOUR), options: { validate: false } }, { onError: 'continueErrorOutput' });
			expect(submits()).toHaveLength(1);
			expect(result.errorItems[0].json.error).toMatch(/Publer could not create the post for 1 of 1 account: .*Text is 300 characters; Twitter allows 280/);
		});
	});

	describe('job status variants', () => {
		it.each([
			[{ jobEnvelope: 'data', completeToken: 'complete', failuresShape: 'array', submitEnvelope: 'data', submitStatus: 202 }],
			[{ jobEnvelope: 'top', completeToken: 'completed', failuresShape: 'object' }],
			[{ jobEnvelope: 'data', completeToken: 'completed', failuresShape: 'object' }],
		])('reads %j and maps failures to the right item', async (variants) => {
			sb.setVariants(variants as never);
			const tw = sb.accountFor('twitter');
			const result = await create(
				{ mode: 'schedule', accounts: [tw.id], text: '={{ $json.text }}', scheduledAt: '={{ $json.when }}', options: { validate: false } },
				{ items: [{ text: 'ok', when: at(HOUR) }, { text: 'z'.repeat(400), when: at(2 * HOUR) }], onError: 'continueErrorOutput' },
			);
			expect(submits()).toHaveLength(1);
			expect(result.items).toHaveLength(1);
			expect(result.items[0].json).toMatchObject({ status: 'complete', success: true });
			expect(result.errorItems[0].pairedItem).toEqual({ item: 1 });
			expect(result.errorItems[0].json.error).toMatch(/Twitter allows 280/);
		});
	});
});
