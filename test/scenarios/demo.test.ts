import { runDemo, SAMPLE_FEED, type DemoReport } from '../../demo';
import { loadExample, shutdownN8nCore } from '../support';

/** `npm run demo` runs `runDemo()`: this is the same function, so CI covers the demo's story and report. */
describe('npm run demo', () => {
	let report: DemoReport;
	const lines: string[] = [];
	beforeAll(async () => {
		report = await runDemo({ log: (line) => lines.push(line) });
	}, 60_000);
	afterAll(() => shutdownN8nCore());

	it('runs in well under a minute and logs the report it returns', () => {
		expect(report.wallMs).toBeLessThan(60_000);
		expect(lines.join('\n')).toBe(report.text);
		console.log(`demo: ${report.wallMs} ms, ${report.requests} requests\n${report.text}`);
	});

	it('schedules every feed item on every chosen account with one bulk request, into the posting-schedule slots', () => {
		const accounts = loadExample('blog-to-social.json').nodes.find((n) => n.name === 'Auto-Schedule Posts')!.parameters.accounts as string[];
		expect(report.submitRequests).toBe(1);
		expect(report.postsPerSubmit).toEqual([SAMPLE_FEED.length]);
		expect(report.jobs).toHaveLength(SAMPLE_FEED.length);
		for (const job of report.jobs) expect(job).toMatchObject({ status: 'complete', failures: 0 });
		expect(new Set(report.jobs.map((j) => j.jobId)).size).toBe(1);
		expect(report.scheduled).toHaveLength(SAMPLE_FEED.length * accounts.length);
		for (const s of report.scheduled) expect(['09:00', '13:00', '17:30']).toContain(new Date(s.at).toISOString().slice(11, 16));
		for (const article of SAMPLE_FEED.map((f) => String(f.title))) {
			expect(report.scheduled.filter((s) => s.article === article).map((s) => s.network).sort()).toEqual(['bluesky', 'facebook', 'linkedin', 'twitter']);
			expect(report.text).toContain(`"${article}": job ${report.jobs[0].jobId} complete, 0 failures`);
		}
	});

	it('after the sandbox clock moves every post is published, and the trigger fires exactly for the Facebook posts past 100 likes', () => {
		expect(report.sandboxClockMovedMs).toBeGreaterThanOrEqual(24 * 3600_000);
		expect(report.published).toHaveLength(report.scheduled.length);
		for (const p of report.published) expect(p.state).toBe('published_posted');
		expect(report.baselineFired).toBe(0);
		const facebook = new Set(report.scheduled.filter((s) => s.network === 'facebook').map((s) => s.postId));
		const expected = report.published.filter((p) => facebook.has(p.postId) && p.likes >= 100).map((p) => p.postId);
		expect(report.fired.map((f) => f.postId).sort()).toEqual(expected.sort());
		expect(report.fired.length).toBeGreaterThanOrEqual(1); // the post that took off (240 likes)
		for (const f of report.fired) {
			expect(f).toMatchObject({ network: 'facebook', account: 'Sandbox Bakery' });
			expect(f.likes).toBeGreaterThanOrEqual(100);
			expect(f.link).toMatch(/^https:\/\/www\.facebook\.com\//);
		}
		expect(report.boosted).toHaveLength(report.fired.length * 2);
		expect(report.text).toMatch(/4\. Publer Trigger, next poll: \d+ posts? reached 100 likes/);
	});

	it('reports the request count: the blog run, the trigger polls and the booster, nothing else', () => {
		expect(report.text).toMatch(/Done in \d+\.\d s: \d+ Publer API requests in all, 1 bulk submit for 12 posts/);
		// accounts + submit + job polls + list (blog), 2 trigger polls with their lookups, the booster's run.
		expect(report.requests).toBeLessThan(30);
	});
});
