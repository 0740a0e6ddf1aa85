/**
 * The bad-input table (issue 8): malformed inputs, each run as one item among many through n8n's engine with
 * the error output on. Every case must give its documented error on ITS item (pairedItem and "Item i:"), and
 * the sandbox must receive no write request. Post → Create reads `GET /accounts` once per run (cached for all
 * items) to learn each account's network before it can check the network rules; that read is accepted
 * (no side effect, one request per run, not per item) and asserted to happen at most once.
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../../../../../sandbox';
import { PUBLER, runPublerNode, runWorkflow, shutdownN8nCore } from '../../../../../support';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

interface Case {
	name: string;
	json: IDataObject;
	/** Must match `error` + `details` of the item's error output. */
	expect: RegExp;
	binary?: IDataObject;
}

let sb: Sandbox;
const credentials = () => ({ apiKey: sb.apiKey, baseUrl: sb.baseUrl });
const ws = () => ({ __rl: true, mode: 'id', value: sb.workspaceId });
const acc = (p: string) => sb.accountFor(p).id;
let seq = 0;
/** A distinct valid future time (2 days + n minutes ahead of now). */
const future = (extraMs = 0) => new Date(Math.ceil((Date.now() + 2 * DAY + ++seq * 5 * MIN + extraMs) / 1000) * 1000).toISOString();
const long = (n: number) => 'x'.repeat(n);

const tally = { cases: 0, byGroup: {} as Record<string, number> };

function writes() {
	return sb.requests().filter((r) => r.method !== 'GET');
}

/** Asserts one error item per case, on its own index, with its documented message, and no write request. */
function check(group: string, cases: Case[], result: { items: INodeExecutionData[]; errorItems: INodeExecutionData[]; error?: Error }) {
	expect(result.error).toBeUndefined();
	expect(result.items).toHaveLength(0);
	expect(result.errorItems).toHaveLength(cases.length);
	const byIndex = new Map<number, INodeExecutionData>();
	for (const item of result.errorItems) {
		const paired = item.pairedItem as { item: number };
		expect(byIndex.has(paired.item)).toBe(false);
		byIndex.set(paired.item, item);
	}
	const mismatches: string[] = [];
	cases.forEach((c, i) => {
		const item = byIndex.get(i);
		const text = `${String(item?.json.error ?? '')}\n${String(item?.json.details ?? (item?.error as { description?: string } | undefined)?.description ?? '')}`;
		if (!item || !c.expect.test(text)) mismatches.push(`#${i} ${c.name}: got ${JSON.stringify(text)}, want ${c.expect}`);
		if (item && /^Item \d+:/.test(String(item.json.error)) && !String(item.json.error).startsWith(`Item ${i}:`)) {
			mismatches.push(`#${i} ${c.name}: wrong item index in "${String(item.json.error)}"`);
		}
	});
	expect(mismatches).toEqual([]);
	expect(writes()).toEqual([]);
	expect(sb.requests({ method: 'GET', path: '/accounts' }).length).toBeLessThanOrEqual(1);
	expect(sb.requests().filter((r) => r.path !== '/accounts')).toEqual([]);
	tally.cases += cases.length;
	tally.byGroup[group] = (tally.byGroup[group] ?? 0) + cases.length;
}

/** Post → Create, Schedule mode, every field an expression of the item. */
const scheduleParameters = (): INodeParameters => ({
	resource: 'post',
	operation: 'create',
	workspace: ws(),
	mode: 'schedule',
	accounts: '={{ $json.accounts }}',
	text: '={{ $json.text }}',
	contentType: '={{ $json.type || "auto" }}',
	scheduledAt: '={{ $json.at }}',
	media: {
		items: [
			{ id: '={{ $json.m1 }}', type: '={{ $json.m1type || "photo" }}', altText: '={{ $json.alt }}' },
			{ id: '={{ $json.m2 }}', type: '={{ $json.m2type || "photo" }}' },
		],
	},
	content: { linkUrl: '={{ $json.link }}', pollOptions: '={{ $json.poll }}', pollDuration: '={{ $json.pollDays }}', title: '={{ $json.title }}' },
	networkOverrides: {
		facebook: { extraFields: '={{ $json.fbExtra }}', sublinks: '={{ $json.fbSublinks }}' },
		tiktok: { media: '={{ $json.ttMedia }}' },
		google: { googleType: '={{ $json.gType }}' },
	},
	accountSettings: { values: [{ account: '={{ $json.setAcc }}', scheduledAt: '={{ $json.setAt }}' }] },
	extras: { signature: '={{ $json.sig }}', autoShareAccounts: '={{ $json.share }}', watermark: '={{ $json.wm }}' },
	options: { pollInterval: 0 },
});

describe('bad input table: documented errors on their own item, no write request', () => {
	beforeAll(async () => {
		sb = await startSandbox({ rateLimit: false, jobWorkingPolls: 0 });
	});
	afterAll(async () => {
		console.log(`bad-input table: ${tally.cases} malformed inputs (${Object.entries(tally.byGroup).map(([g, n]) => `${g} ${n}`).join(', ')}), 0 write requests`);
		await sb.close();
		shutdownN8nCore();
	});
	beforeEach(() => sb.reset());

	it('the Schedule template itself is valid: a good item through it is created', async () => {
		const result = await runPublerNode({
			credentials: credentials(),
			parameters: scheduleParameters(),
			items: [{ accounts: [acc('twitter'), acc('facebook:page')], text: 'A good post', at: future() }],
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ success: true, status: 'complete' });
		expect(sb.posts(sb.workspaceId).filter((p) => p.text === 'A good post')).toHaveLength(2);
	});

	it('Post → Create (Schedule): dates, accounts, text, media, types, polls, extras, JSON, oversize fields', async () => {
		const tw = acc('twitter');
		const fb = acc('facebook:page');
		const tiktoks = sb.accounts().filter((a) => a.provider === 'tiktok').map((a) => a.id);
		const other = sb.accounts(sb.secondWorkspaceId)[0].id;
		const photos = (n: number) => JSON.stringify(Array.from({ length: n }, (_, i) => ({ id: `m${i}`, type: 'photo' })));
		const cases: Case[] = [
			// dates and times
			{ name: 'words as a date', json: { accounts: tw, text: 'a', at: 'tomorrow at noon' }, expect: /^Item \d+: scheduledAt — "tomorrow at noon" is not a date and time/ },
			{ name: 'impossible day', json: { accounts: tw, text: 'a', at: '2031-02-30T10:00' }, expect: /scheduledAt — "2031-02-30T10:00" is not a date and time/ },
			{ name: 'month 13', json: { accounts: tw, text: 'a', at: '2031-13-01T10:00' }, expect: /scheduledAt — "2031-13-01T10:00" is not a date/ },
			{ name: 'hour 25', json: { accounts: tw, text: 'a', at: '2031-01-01T25:00' }, expect: /scheduledAt — "2031-01-01T25:00" is not a date/ },
			{ name: 'US date format', json: { accounts: tw, text: 'a', at: '06/01/2031 09:00' }, expect: /scheduledAt — "06\/01\/2031 09:00" is not a date/ },
			{ name: 'past time', json: { accounts: tw, text: 'a', at: '2020-01-01T10:00:00Z' }, expect: /scheduledAt — Publer needs scheduled times at least 1 minute in the future; .* is in the past/ },
			{ name: '30 s ahead', json: { accounts: tw, text: 'a', at: new Date(Date.now() + 30_000).toISOString() }, expect: /less than 1 minute ahead/ },
			{ name: 'no time', json: { accounts: tw, text: 'a', at: '' }, expect: /scheduledAt — a scheduled post needs a time for/ },
			{ name: 'expression gave an object', json: { accounts: tw, text: 'a', at: { when: 'soon' } }, expect: /scheduledAt — "\[object Object\]" is not a date and time/ },
			{ name: 'expression gave a list', json: { accounts: tw, text: 'a', at: ['2031-01-01', 'x'] }, expect: /scheduledAt — ".*" is not a date and time/ },
			{ name: 'expression gave true', json: { accounts: tw, text: 'a', at: true }, expect: /scheduledAt — "true" is not a date and time/ },
			{ name: 'per-account time invalid', json: { accounts: tw, text: 'a', at: future(), setAcc: tw, setAt: 'later' }, expect: /accountSettings\[[0-9a-f]+\]\.scheduledAt — "later" is not a date and time/ },
			{ name: 'per-account time in the past', json: { accounts: tw, text: 'a', at: future(), setAcc: tw, setAt: '2021-05-05T10:00:00Z' }, expect: /accountSettings\[[0-9a-f]+\]\.scheduledAt — .*in the past/ },
			// accounts
			{ name: 'empty accounts', json: { accounts: '', text: 'a', at: future() }, expect: /accounts — choose at least one social account/ },
			{ name: 'accounts expression gave []', json: { accounts: [], text: 'a', at: future() }, expect: /accounts — choose at least one social account/ },
			{ name: 'accounts expression gave null', json: { accounts: null, text: 'a', at: future() }, expect: /accounts — choose at least one social account/ },
			{ name: 'accounts only commas', json: { accounts: ' , ,', text: 'a', at: future() }, expect: /accounts — choose at least one social account/ },
			{ name: 'unknown account id', json: { accounts: 'ffffffffffffffffffffffff', text: 'a', at: future() }, expect: /account ffffffffffffffffffffffff is not connected to this workspace/ },
			{ name: 'account of another workspace', json: { accounts: other, text: 'a', at: future() }, expect: new RegExp(`account ${other} is not connected to this workspace`) },
			{ name: 'account name instead of id', json: { accounts: 'Sandbox Bakery', text: 'a', at: future() }, expect: /account Sandbox Bakery is not connected/ },
			{ name: 'per-account setting for an unchosen account', json: { accounts: tw, text: 'a', at: future(), setAcc: fb }, expect: /accountSettings — account [0-9a-f]+ has per-account settings but is not one of the chosen accounts/ },
			{ name: 'two TikTok accounts', json: { accounts: tiktoks, text: 'a', at: future(), m1: 'vid1', m1type: 'video' }, expect: /one TikTok account per post; this post has 2/ },
			// text
			{ name: 'X text 281', json: { accounts: tw, text: long(281), at: future() }, expect: /networks\.twitter\.text — X \(Twitter\) allows 280 characters \(counted as X counts[^)]*\); this text has 281/ },
			{ name: 'X text in emoji (weighted: 2 each)', json: { accounts: tw, text: '😀'.repeat(141), at: future() }, expect: /allows 280 characters \([^)]*\); this text has 282/ },
			{ name: 'Bluesky 301', json: { accounts: acc('bluesky'), text: long(301), at: future() }, expect: /Bluesky allows 300 characters \([^)]*\); this text has 301/ },
			{ name: 'Threads 501', json: { accounts: acc('threads'), text: long(501), at: future() }, expect: /Threads allows 500 characters/ },
			{ name: 'LinkedIn 3,001', json: { accounts: acc('linkedin:page'), text: long(3001), at: future() }, expect: /LinkedIn allows 3,000 characters; this text has 3,001/ },
			{ name: 'Facebook 10,001 (oversize field)', json: { accounts: fb, text: long(10_001), at: future() }, expect: /Facebook allows 10,000 characters; this text has 10,001/ },
			{ name: 'Google 200,000 chars (oversize field)', json: { accounts: acc('google'), text: long(200_000), at: future() }, expect: /Google Business allows 1,500 characters; this text has 200,000/ },
			{ name: 'empty text post', json: { accounts: acc('mastodon'), text: '', at: future() }, expect: /networks\.mastodon\.text — text posts need text/ },
			{ name: 'whitespace-only text', json: { accounts: acc('mastodon'), text: '   \n ', at: future() }, expect: /text posts need text/ },
			// media
			{ name: 'Instagram without media', json: { accounts: acc('instagram'), text: 'a', at: future() }, expect: /networks\.instagram\.media — Instagram posts need at least one photo or video/ },
			{ name: 'Pinterest without media', json: { accounts: acc('pinterest:business'), text: 'a', at: future() }, expect: /Pinterest posts need at least one photo or video/ },
			{ name: 'TikTok without media', json: { accounts: tiktoks[0], text: 'a', at: future() }, expect: /TikTok posts need at least one photo or video/ },
			{ name: 'YouTube without a video', json: { accounts: acc('youtube'), text: 'a', at: future(), title: 'T' }, expect: /YouTube posts need exactly one video \(this post has 0\)/ },
			{ name: 'YouTube without a title', json: { accounts: acc('youtube'), text: 'a', at: future(), m1: 'v', m1type: 'video' }, expect: /YouTube videos need a title/ },
			{ name: 'YouTube title 101', json: { accounts: acc('youtube'), text: 'a', at: future(), m1: 'v', m1type: 'video', title: long(101) }, expect: /YouTube titles have at most 100 characters/ },
			{ name: 'Google video', json: { accounts: acc('google'), text: 'a', at: future(), m1: 'v', m1type: 'video' }, expect: /Google Business posts cannot contain videos/ },
			{ name: 'media alt text without id or URL', json: { accounts: tw, text: 'a', at: future(), alt: 'A croissant' }, expect: /media\[0\] — a media item needs a media ID \(from Media → Upload\) or a URL/ },
			{ name: 'GIF post with two items', json: { accounts: tw, text: 'a', at: future(), type: 'gif', m1: 'g1', m1type: 'gif', m2: 'g2', m2type: 'gif' }, expect: /GIF posts take exactly one GIF/ },
			{ name: 'photos and video mixed on Threads', json: { accounts: acc('threads'), text: 'a', at: future(), m1: 'p', m2: 'v', m2type: 'video' }, expect: /Threads does not allow photos and videos in one post/ },
			{ name: 'story with two media', json: { accounts: acc('instagram'), text: 'a', at: future(), type: 'story', m1: 'p1', m2: 'p2' }, expect: /Instagram stories take exactly one photo or video/ },
			{ name: 'reel from a photo', json: { accounts: acc('instagram'), text: 'a', at: future(), type: 'reel', m1: 'p1' }, expect: /Instagram reel posts need exactly one video/ },
			{ name: 'LinkedIn document without a file', json: { accounts: acc('linkedin:page'), text: 'a', at: future(), type: 'document' }, expect: /document posts need a document/ },
			{ name: '36 photos on TikTok (oversize field)', json: { accounts: tiktoks[0], text: 'a', at: future(), ttMedia: photos(36) }, expect: /TikTok allows at most 35 photos per post; this post has 36/ },
			{ name: 'TikTok media override is not JSON', json: { accounts: tiktoks[0], text: 'a', at: future(), ttMedia: '[{id:' }, expect: /networkOverrides\.tiktok\.media — must be valid JSON/ },
			// types, links, polls
			{ name: 'carousel on X', json: { accounts: tw, text: 'a', at: future(), type: 'carousel', m1: 'p' }, expect: /X \(Twitter\) does not support "carousel" posts/ },
			{ name: 'unknown content type', json: { accounts: tw, text: 'a', at: future(), type: 'hologram' }, expect: /X \(Twitter\) does not support "hologram" posts/ },
			{ name: 'link post without a URL', json: { accounts: fb, text: 'a', at: future(), type: 'link' }, expect: /networks\.facebook\.link\.url — link posts need a link URL/ },
			{ name: 'poll with one option', json: { accounts: tw, text: 'Vote', at: future(), type: 'poll', poll: 'Yes', pollDays: 1 }, expect: /polls need 2 to 4 options; this poll has 1/ },
			{ name: 'poll with five options', json: { accounts: tw, text: 'Vote', at: future(), type: 'poll', poll: 'a,b,c,d,e', pollDays: 1 }, expect: /polls need 2 to 4 options; this poll has 5/ },
			{ name: 'poll with duplicate options', json: { accounts: tw, text: 'Vote', at: future(), poll: 'Yes, yes', pollDays: 1 }, expect: /poll options must be unique/ },
			{ name: 'X poll of 8 days', json: { accounts: tw, text: 'Vote', at: future(), poll: 'Yes,No', pollDays: 8 }, expect: /X \(Twitter\) polls last at most 7 days/ },
			{ name: 'poll without duration', json: { accounts: tw, text: 'Vote', at: future(), poll: 'Yes,No' }, expect: /polls need a duration in whole days/ },
			{ name: 'X poll option of 26 chars', json: { accounts: tw, text: 'Vote', at: future(), poll: `${long(26)},No`, pollDays: 1 }, expect: /poll options have at most 25 characters/ },
			{ name: 'poll on Facebook', json: { accounts: fb, text: 'Vote', at: future(), type: 'poll', poll: 'Yes,No', pollDays: 1 }, expect: /Facebook does not support "poll" posts/ },
			{ name: 'Google event without its fields', json: { accounts: acc('google'), text: 'a', at: future(), gType: 'event' }, expect: /Google Business event posts need details\.title/ },
			{ name: 'Facebook extra fields not JSON', json: { accounts: fb, text: 'a', at: future(), fbExtra: '{not json' }, expect: /networkOverrides\.facebook\.extraFields — must be valid JSON/ },
			{ name: 'Facebook extra fields a list', json: { accounts: fb, text: 'a', at: future(), fbExtra: '[1,2]' }, expect: /networkOverrides\.facebook\.extraFields — must be a JSON object/ },
			{ name: '11 carousel links (oversize field)', json: { accounts: fb, text: 'a', at: future(), fbSublinks: JSON.stringify(Array.from({ length: 11 }, (_, i) => ({ url: `https://e.x/${i}`, title: 't', description: 'd', images: ['https://e.x/i.jpg'] }))) }, expect: /multi-link carousels take at most 10 links; this post has 11/ },
			{ name: 'carousel link without title', json: { accounts: fb, text: 'a', at: future(), fbSublinks: JSON.stringify([{ url: 'https://e.x/1', description: 'd', images: ['https://e.x/i.jpg'] }, { url: 'https://e.x/2', title: 't', description: 'd', images: ['https://e.x/i.jpg'] }]) }, expect: /sublinks\[0\]\.title — each carousel link needs title/ },
			// extras
			{ name: 'signature on Bluesky', json: { accounts: acc('bluesky'), text: 'a', at: future(), sig: 'sig1' }, expect: /extras\.signature — Bluesky does not support signatures/ },
			{ name: 'watermark on TikTok', json: { accounts: tiktoks[0], text: 'a', at: future(), m1: 'v', m1type: 'video', wm: 'wm1' }, expect: /extras\.watermark — TikTok does not support watermarks/ },
			{ name: 'watermark JSON broken', json: { accounts: tw, text: 'a', at: future(), wm: '{"id":' }, expect: /extras\.watermark — must be valid JSON/ },
			{ name: 'auto-share to an unknown account', json: { accounts: tw, text: 'a', at: future(), share: 'ffffffffffffffffffffffff' }, expect: /extras\.autoShareAccounts — auto-share account ffffffffffffffffffffffff is not connected/ },
			{ name: 'auto-share to Instagram', json: { accounts: tw, text: 'a', at: future(), share: acc('instagram') }, expect: /auto-share to Instagram is not supported/ },
		];
		const result = await runPublerNode({ credentials: credentials(), parameters: scheduleParameters(), items: cases.map((c) => c.json), onError: 'continueErrorOutput' });
		check('schedule', cases, result);
	});

	it('Post → Create (Recurring, Recycling, Auto-Schedule): start, end, repeat, gaps, ranges', async () => {
		const tw = acc('twitter');
		const recurring: Case[] = [
			{ name: 'no start', json: { accounts: tw, text: 'a', start: '' }, expect: /recurringStart — recurring posts need a start date and time/ },
			{ name: 'start in words', json: { accounts: tw, text: 'a', start: 'next monday' }, expect: /recurringStart — "next monday" is not a date and time/ },
			{ name: 'start in the past', json: { accounts: tw, text: 'a', start: '2022-01-03T09:00:00Z' }, expect: /recurringStart — the first occurrence .* is in the past/ },
			{ name: 'end before start', json: { accounts: tw, text: 'a', start: future(), end: new Date(Date.now() + DAY).toISOString() }, expect: /recurringEnd — the recurrence ends .* before it starts/ },
			{ name: 'end not a date', json: { accounts: tw, text: 'a', start: future(), end: 'never' }, expect: /recurringEnd — "never" is not a date and time/ },
			{ name: 'unknown weekday', json: { accounts: tw, text: 'a', start: future(), days: ['Funday'] }, expect: /daysOfWeek — "Funday" is not a weekday name/ },
			{ name: 'repeat every 0', json: { accounts: tw, text: 'a', start: future(), rate: 0 }, expect: /repeatRate — the interval \(repeat every\) is a whole number of at least 1/ },
			{ name: 'recurring on YouTube', json: { accounts: acc('youtube'), text: 'a', start: future() }, expect: /YouTube \(.*\) does not support recurring posts/ },
			{ name: 'Google recurring without spintax', json: { accounts: acc('google'), text: 'Plain', start: future() }, expect: /Google Business recurring posts need at least 10 text variations/ },
		];
		const r1 = await runPublerNode({
			credentials: credentials(),
			parameters: {
				resource: 'post',
				operation: 'create',
				workspace: ws(),
				mode: 'recurring',
				accounts: '={{ $json.accounts }}',
				text: '={{ $json.text }}',
				recurringStart: '={{ $json.start }}',
				recurringEnd: '={{ $json.end }}',
				repeat: 'weekly',
				repeatRate: '={{ $json.rate ?? 1 }}',
				daysOfWeek: '={{ $json.days ?? [] }}',
				options: { pollInterval: 0 },
			},
			items: recurring.map((c) => c.json),
			onError: 'continueErrorOutput',
		});
		check('recurring', recurring, r1);

		sb.clearRequests();
		const recycling: Case[] = [
			{ name: 'gap 0', json: { accounts: tw, text: 'a', at: future(), gap: 0, count: 3 }, expect: /recyclingGap — the gap between reposts is a whole number of at least 1/ },
			{ name: 'gap 1.5', json: { accounts: tw, text: 'a', at: future(), gap: 1.5, count: 3 }, expect: /recyclingGap — the gap between reposts is a whole number/ },
			{ name: 'stop after 0', json: { accounts: tw, text: 'a', at: future(), gap: 1, count: 0 }, expect: /recyclingExpireCount — stop after a whole number of reposts, at least 1/ },
			{ name: 'first recycle date in the past', json: { accounts: tw, text: 'a', gap: 1, count: 3, startDate: '2021-03-01' }, expect: /recyclingStartDate — the first recycle date \(2021-03-01\) is in the past/ },
			{ name: 'first recycle date in words', json: { accounts: tw, text: 'a', gap: 1, count: 3, startDate: 'soon' }, expect: /recyclingStartDate — "soon" is not a date/ },
			{ name: 'recycling time in the past', json: { accounts: tw, text: 'a', at: '2022-02-02T10:00:00Z', gap: 1, count: 3 }, expect: /scheduledAt — Publer needs scheduled times at least 1 minute in the future/ },
			{ name: 'recycling on TikTok', json: { accounts: sb.accounts().find((a) => a.provider === 'tiktok')!.id, text: 'a', gap: 1, count: 3 }, expect: /TikTok \(.*\) does not support recycling/ },
		];
		const r2 = await runPublerNode({
			credentials: credentials(),
			parameters: {
				resource: 'post',
				operation: 'create',
				workspace: ws(),
				mode: 'recycling',
				accounts: '={{ $json.accounts }}',
				text: '={{ $json.text }}',
				scheduledAt: '={{ $json.at }}',
				recyclingGap: '={{ $json.gap }}',
				recyclingGapFreq: 'Week',
				recyclingStartDate: '={{ $json.startDate }}',
				recyclingExpireBy: 'count',
				recyclingExpireCount: '={{ $json.count }}',
				options: { pollInterval: 0 },
			},
			items: recycling.map((c) => c.json),
			onError: 'continueErrorOutput',
		});
		check('recycling', recycling, r2);

		sb.clearRequests();
		const auto: Case[] = [
			{ name: 'range start in words', json: { accounts: tw, text: 'a', start: 'whenever' }, expect: /autoStart — "whenever" is not a date and time/ },
			{ name: 'range end before start', json: { accounts: tw, text: 'a', start: '2031-05-10T00:00:00Z', end: '2031-05-01T00:00:00Z' }, expect: /autoEnd — the range ends .* before it starts/ },
			{ name: 'range end in the past', json: { accounts: tw, text: 'a', end: '2021-05-01T00:00:00Z' }, expect: /autoEnd — the range ends in the past/ },
		];
		const r3 = await runPublerNode({
			credentials: credentials(),
			parameters: {
				resource: 'post',
				operation: 'create',
				workspace: ws(),
				mode: 'auto',
				accounts: '={{ $json.accounts }}',
				text: '={{ $json.text }}',
				autoStart: '={{ $json.start }}',
				autoEnd: '={{ $json.end }}',
				options: { pollInterval: 0 },
			},
			items: auto.map((c) => c.json),
			onError: 'continueErrorOutput',
		});
		check('auto', auto, r3);
	});

	it('Post → Create without a workspace fails before any request', async () => {
		const cases: Case[] = [
			{ name: 'empty workspace', json: { accounts: acc('twitter'), text: 'a', at: future() }, expect: /^Item 0: workspace — no workspace chosen/ },
			{ name: 'empty workspace (2nd item)', json: { accounts: acc('twitter'), text: 'b', at: future() }, expect: /^Item 1: workspace — no workspace chosen/ },
		];
		const result = await runPublerNode({
			credentials: credentials(),
			parameters: { ...scheduleParameters(), workspace: { __rl: true, mode: 'id', value: '={{ "" }}' } },
			items: cases.map((c) => c.json),
			onError: 'continueErrorOutput',
		});
		check('workspace', cases, result);
		expect(sb.requests()).toEqual([]);
	});

	it('Media → Upload: missing binary, wrong binary property, empty file, unsupported type', async () => {
		const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex').toString('base64');
		const cases: Case[] = [
			{ name: 'no binary at all', json: { prop: 'data' }, expect: /The input item has no binary data, so there is no "data" file to upload/ },
			{ name: 'wrong binary property', json: { prop: 'file' }, binary: { data: { data: png, mimeType: 'image/png', fileName: 'a.png' } }, expect: /The input item has no binary property "file" \(it has: data\)/ },
			{ name: 'empty property name', json: { prop: '' }, binary: { data: { data: png, mimeType: 'image/png', fileName: 'a.png' } }, expect: /The "Input Binary Field" is empty/ },
			{ name: 'empty file', json: { prop: 'data' }, binary: { data: { data: '', mimeType: 'image/png', fileName: 'empty.png' } }, expect: /The file in binary property "data" is empty \(0 bytes\)/ },
			{ name: 'unsupported type', json: { prop: 'data' }, binary: { data: { data: png, mimeType: 'application/x-msdownload', fileName: 'setup.exe' } }, expect: /Publer does not accept the file "setup\.exe"/ },
		];
		const items = cases.map((c) => (c.binary ? { json: c.json, binary: c.binary } : { json: c.json }));
		const result = await runWorkflow({
			nodes: [
				{ id: 't', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{ id: 'i', name: 'Files', type: 'test.items', typeVersion: 1, position: [200, 0], parameters: { items: JSON.stringify(items) } },
				{
					id: 'p',
					name: 'Publer',
					type: PUBLER,
					typeVersion: 1,
					position: [400, 0],
					parameters: { resource: 'media', operation: 'upload', workspace: ws(), binaryPropertyName: '={{ $json.prop }}' },
					credentials: { publerApi: { id: '1', name: 'Publer' } },
					onError: 'continueErrorOutput',
				},
			],
			connections: {
				Start: { main: [[{ node: 'Files', type: 'main', index: 0 }]] },
				Files: { main: [[{ node: 'Publer', type: 'main', index: 0 }]] },
			},
			credentials: credentials(),
		});
		check('media', cases, { items: result.output('Publer', 0), errorItems: result.output('Publer', 1), error: result.error });
		expect(sb.requests()).toEqual([]);
	});

	it('Job, Post → Delete, Post → Update: missing and malformed IDs, missing text', async () => {
		const run = async (parameters: INodeParameters, cases: Case[]) =>
			runPublerNode({ credentials: credentials(), parameters: { workspace: ws(), ...parameters }, items: cases.map((c) => c.json), onError: 'continueErrorOutput' });

		const jobs: Case[] = [
			{ name: 'empty job ID', json: { id: '' }, expect: /^Item 0: jobId — a job ID is required/ },
			{ name: 'job ID with a path', json: { id: '../accounts' }, expect: /^Item 1: jobId — "\.\.\/accounts" is not a Publer job ID/ },
			{ name: 'job ID with a query', json: { id: 'abc?x=1' }, expect: /^Item 2: jobId — "abc\?x=1" is not a Publer job ID/ },
		];
		check('job get', jobs, await run({ resource: 'job', operation: 'get', jobId: '={{ $json.id }}' }, jobs));
		check('job wait', jobs, await run({ resource: 'job', operation: 'wait', jobId: '={{ $json.id }}' }, jobs));

		const deletes: Case[] = [
			{ name: 'no post IDs', json: { ids: '' }, expect: /^Item 0: postIds — give at least one post ID/ },
			{ name: 'expression gave []', json: { ids: [] }, expect: /^Item 1: postIds — give at least one post ID/ },
			{ name: 'post ID with a slash', json: { ids: ['6810dec617eae6d55d7a5e5b', 'a/b'] }, expect: /^Item 2: postIds — "a\/b" is not a Publer post ID/ },
		];
		check('post delete', deletes, await run({ resource: 'post', operation: 'delete', postIds: '={{ $json.ids }}' }, deletes));

		const updates: Case[] = [
			{ name: 'no post ID', json: { id: '', text: 'x' }, expect: /^Item 0: postId — a post ID is required/ },
			{ name: 'post ID with spaces', json: { id: 'not an id', text: 'x' }, expect: /^Item 1: postId — "not an id" is not a Publer post ID/ },
			{ name: 'no text', json: { id: '6810dec617eae6d55d7a5e5b', text: '' }, expect: /^Item 2: text — Publer requires the text when updating a post/ },
		];
		check('post update', updates, await run({ resource: 'post', operation: 'update', postId: '={{ $json.id }}', text: '={{ $json.text }}' }, updates));
	});

	it('counts at least 50 malformed inputs', () => {
		expect(tally.cases).toBeGreaterThanOrEqual(50);
	});
});
