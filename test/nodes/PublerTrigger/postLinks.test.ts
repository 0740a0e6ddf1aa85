/**
 * Issue 13, "post_link and media": the trigger's items carry the post's live URL (`link`, from `post_link`) and,
 * when the listing has it (sandbox variant `postLinks: 'observed'`, publer-api.md §15), its `media`.
 */
import { shutdownN8nCore } from '../../support';
import { startSandbox, type Sandbox } from '../../../sandbox';
import { api, fakeDateOnly, poller } from '../../support/trigger';

const MIN = 60_000;
const T0 = '2025-06-01T12:00:00Z';

describe('Publer Trigger: post_link and media', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		fakeDateOnly();
		sb = await startSandbox({ rateLimit: false, jobWorkingPolls: 0, now: T0 });
	});
	afterAll(async () => {
		await sb.close();
		jest.useRealTimers();
		shutdownN8nCore();
	});

	/** Schedules a photo post and a text post on the Facebook page 10 and 20 minutes ahead; returns the photo. */
	const schedulePair = async () => {
		const fb = sb.accountFor('facebook:page');
		const photo = sb.media(sb.workspaceId).find((m) => m.type === 'photo')!;
		const at = (minutes: number) => new Date(sb.clock.now().getTime() + minutes * MIN).toISOString();
		const submitted = await api(sb, 'POST', '/posts/schedule', {
			bulk: {
				state: 'scheduled',
				posts: [
					{ networks: { facebook: { type: 'photo', text: 'With a photo', media: [{ id: photo.id }] } }, accounts: [{ id: fb.id, scheduled_at: at(10) }] },
					{ networks: { facebook: { type: 'status', text: 'Text only' } }, accounts: [{ id: fb.id, scheduled_at: at(20) }] },
				],
			},
		});
		expect(await api(sb, 'GET', `/job_status/${String(submitted.job_id)}`)).toMatchObject({ status: 'complete' });
		return photo;
	};

	it('observed listing: Post Published and Engagement items carry the live URL and the media', async () => {
		sb.reset();
		sb.setVariants({ postLinks: 'observed' });
		const published = poller(sb, { event: 'postPublished' });
		const pending = poller(sb, { event: 'postEnteredState', states: ['scheduled'] });
		expect(await published.poll()).toEqual([]);
		expect(await pending.poll()).toEqual([]);
		const photo = await schedulePair();

		// Scheduled, not live yet: no URL, media listed (the text post's list is empty).
		sb.clock.advance(MIN);
		const scheduled = await pending.poll();
		expect(scheduled.map((i) => i.text).sort()).toEqual(['Text only', 'With a photo']);
		for (const item of scheduled) expect(item.link).toBeNull();
		expect(scheduled.find((i) => i.text === 'Text only')!.media).toEqual([]);

		// Both go live: each item carries its network URL; the photo post its media with thumbnails.
		sb.clock.advance(25 * MIN);
		const live = await published.poll();
		expect(live.map((i) => i.text).sort()).toEqual(['Text only', 'With a photo']);
		for (const item of live) expect(item.link).toMatch(/^https:\/\/www\.facebook\.com\//);
		const withPhoto = live.find((i) => i.text === 'With a photo')!;
		expect(withPhoto.media).toEqual([{ id: photo.id, type: 'photo', thumbnails: [{ small: photo.thumbnail, real: photo.path }] }]);
		expect(live.find((i) => i.text === 'Text only')!.media).toEqual([]);
		// the URL is Publer's, for this post
		const record = sb.posts(sb.workspaceId).find((p) => p.id === withPhoto.postId)!;
		expect(withPhoto.link).toBe(record.post_link);

		// Engagement Threshold Reached looks the post up once for its link, and passes the media on too.
		sb.setPostMetrics(String(withPhoto.postId), { likes: 500 });
		const engagement = poller(sb, { event: 'engagementThreshold', metric: 'likes', threshold: 400, lookbackDays: 7, options: { includeExisting: true } });
		const fired = await engagement.poll();
		expect(fired).toHaveLength(1);
		expect(fired[0]).toMatchObject({ postId: withPhoto.postId, link: record.post_link, media: withPhoto.media });
	});

	it('documented listing (no media field): the link is there, media is null', async () => {
		sb.reset();
		sb.setVariants({ postLinks: 'documented' });
		const published = poller(sb, { event: 'postPublished' });
		expect(await published.poll()).toEqual([]);
		await schedulePair();
		sb.clock.advance(25 * MIN);
		const live = await published.poll();
		expect(live).toHaveLength(2);
		for (const item of live) {
			expect(item.link).toMatch(/^https:\/\/www\.facebook\.com\//);
			expect(item.media).toBeNull();
		}
	});
});
