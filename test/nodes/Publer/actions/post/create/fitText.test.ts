/**
 * Options → Fit Text to Each Network (issue 15) through the real node, in process, against the sandbox (which
 * counts X with twitter-text, Bluesky in graphemes, Mastodon with links as 23).
 */
import fc from 'fast-check';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import twitterText from 'twitter-text';

import { countFor, limitFor } from '../../../../../../nodes/shared/text';
import { startSandbox, type Sandbox } from '../../../../../../sandbox';
import { loadExample, runExample, shutdownN8nCore, runPostCreate, type OnError } from '../../../../../support';
import { caption } from '../../../../shared/text/arbitraries';

const MINUTE = 60_000;
/** Networks whose accounts take text posts, by network key. */
const NETWORKS = ['twitter', 'bluesky', 'mastodon', 'threads', 'facebook', 'telegram'];

describe('Post → Create: Fit Text to Each Network', () => {
	let sb: Sandbox;
	const credentials = () => ({ apiKey: sb.apiKey, baseUrl: sb.baseUrl });
	const base = () => Math.ceil((Math.max(Date.now(), sb.clock.now().getTime()) + 60 * MINUTE) / 60_000) * 60_000;
	const submits = () => sb.requests({ method: 'POST', path: /^\/posts\/schedule/ });
	const accounts = () => NETWORKS.map((n) => sb.accountFor(n).id);

	const run = (parameters: INodeParameters, items: IDataObject[], onError: OnError = 'continueErrorOutput') => runPostCreate(sb, parameters, items, onError, { spacePostsApart: 2 });

	beforeAll(async () => {
		sb = await startSandbox({ rateLimit: false, jobWorkingPolls: 0 });
	});
	afterAll(async () => {
		await sb.close();
		shutdownN8nCore();
	});
	beforeEach(() => sb.reset());

	const BLOG =
		'We just published our biggest guide yet: how a small neighbourhood bakery grew from one oven to three shops in five years, ' +
		'what we learned about sourdough at scale, the mistakes that cost us a whole summer, why we stopped selling wholesale, ' +
		'and the 12 tools we would buy again tomorrow. Thanks to @ana and the whole team 🥐🍞 ' +
		'https://bakery.example.com/blog/from-one-oven-to-three-shops?utm_source=n8n&utm_medium=social&utm_campaign=guide-2026 ' +
		'#bakery #sourdough #smallbusiness #baking';

	it('off by default: a caption over X, Bluesky and Mastodon limits is refused before sending, naming the option', async () => {
		const result = await run({}, [{ account: accounts(), text: BLOG, when: new Date(base()).toISOString() }]);
		expect(result.errorItems[0].json.error).toMatch(/networks\.twitter\.text — X \(Twitter\) allows 280 characters .*turn on Options → Fit Text to Each Network/);
		expect(submits()).toHaveLength(0);
	});

	it('on: X and Bluesky get a fitted text with the link at the end; Mastodon, Threads, Facebook, Telegram (within their limits) are unchanged; textFit says so', async () => {
		const link = BLOG.match(/https:\S+/)![0];
		const result = await run({ options: { fitText: true } }, [{ account: accounts(), text: BLOG, when: new Date(base()).toISOString() }]);
		expect(result.errorItems).toHaveLength(0);
		const networks = submits()[0].body.bulk.posts[0].networks as Record<string, IDataObject>;
		const fit = result.items[0].json.textFit as Record<string, IDataObject>;
		for (const network of ['twitter', 'bluesky']) {
			const text = String(networks[network].text);
			expect(text.endsWith(link)).toBe(true);
			expect(text).toContain('…');
			expect(fit[network]).toEqual({ shortened: true, length: countFor(network, text), limit: limitFor(network), originalLength: countFor(network, BLOG) });
		}
		expect(twitterText.parseTweet(String(networks.twitter.text)).valid).toBe(true);
		for (const network of ['mastodon', 'threads', 'facebook', 'telegram']) {
			expect(networks[network].text).toBe(BLOG);
			expect(fit[network]).toEqual({ shortened: false, length: countFor(network, BLOG), limit: limitFor(network) });
		}
		// The README's before/after examples.
		console.log(`fit text examples:\nX (${fit.twitter.length}/280): ${String(networks.twitter.text)}\nBluesky (${fit.bluesky.length}/300): ${String(networks.bluesky.text)}`);
	});

	it('a longer caption: Mastodon (500, links 23) is fitted too; an X override text is sent as written', async () => {
		const long = `${BLOG.replace(/ https:\S+.*$/, '')} And there is more: ${'a whole second part about flour, water, salt and time. '.repeat(6)}https://bakery.example.com/blog/part-two #bakery #bread`;
		const result = await run({ options: { fitText: true }, networkOverrides: { twitter: { text: 'New guide: from one oven to three shops https://bakery.example.com/blog/part-two' } } }, [
			{ account: accounts(), text: long, when: new Date(base()).toISOString() },
		]);
		expect(result.errorItems).toHaveLength(0);
		const networks = submits()[0].body.bulk.posts[0].networks as Record<string, IDataObject>;
		const fit = result.items[0].json.textFit as Record<string, IDataObject>;
		expect(fit.twitter).toEqual({ shortened: false, length: 63, limit: 280, override: true });
		expect(networks.twitter.text).toBe('New guide: from one oven to three shops https://bakery.example.com/blog/part-two');
		expect(fit.mastodon.shortened).toBe(true);
		expect(String(networks.mastodon.text).endsWith(' https://bakery.example.com/blog/part-two')).toBe(true);
		expect(countFor('mastodon', String(networks.mastodon.text))).toBeLessThanOrEqual(500);
		console.log(`fit text example:\nMastodon (${fit.mastodon.length}/500): ${String(networks.mastodon.text)}`);
	});

	it('the blog-to-social example (no .slice()): a long article is fitted for X and Bluesky, link card kept, every network accepts', async () => {
		const example = loadExample('blog-to-social.json');
		const article = {
			title: 'From one oven to three shops: what five years of sourdough at scale taught a small neighbourhood bakery about people, flour and time',
			link: 'https://blog.example.com/from-one-oven-to-three-shops/?utm_source=rss&utm_medium=feed',
			contentSnippet: 'We grew from one oven to three shops in five years. '.repeat(8).trim(),
		};
		const result = await runExample({ example, pinned: { 'New Blog Post': [article] }, startNode: 'New Blog Post', credentials: credentials() });
		expect(result.error).toBeUndefined();
		const networks = submits()[0].body.bulk.posts[0].networks as Record<string, IDataObject>;
		const out = result.output('Auto-Schedule Posts')[0].json;
		expect(out.failures).toEqual([]);
		const fit = out.textFit as Record<string, IDataObject>;
		expect([fit.twitter.shortened, fit.bluesky.shortened, fit.linkedin.shortened, fit.facebook.shortened]).toEqual([true, true, false, false]);
		expect(twitterText.parseTweet(String(networks.twitter.text)).valid).toBe(true);
		expect(String(networks.twitter.text).startsWith(`New on the blog: ${article.title}`)).toBe(true);
		expect((networks.twitter.link as IDataObject).url).toBe(article.link);
	});

	it('generated captions (words, URLs, mentions, hashtags, emoji, CJK, combining marks): every network accepts every fitted text', async () => {
		const link = fc.option(
			fc.integer({ min: 0, max: 60 }).map((n) => `https://shop.example.com/p/${'x'.repeat(n)}?utm_source=n8n`),
			{ nil: undefined },
		);
		let runs = 0;
		let shortened = 0;
		await fc.assert(
			fc.asyncProperty(fc.array(fc.tuple(caption, link), { minLength: 1, maxLength: 8 }), async (captions) => {
				sb.reset();
				runs++;
				const when = new Date(base()).toISOString();
				const items = captions.map(([text, url]) => ({ account: accounts(), text: url ? `${text} ${url}` : text, link: url ?? '', when }));
				const result = await run({ content: { linkUrl: '={{ $json.link }}' }, options: { fitText: true } }, items);
				expect(result.errorItems.map((i) => i.json.error)).toEqual([]);
				const posts = submits().flatMap((r) => r.body.bulk.posts as IDataObject[]);
				expect(posts).toHaveLength(items.length);
				result.items.forEach((item, i) => {
					// Publer (the sandbox) created every account's post: nothing refused for its length.
					expect(item.json.failures).toEqual([]);
					const networks = posts[i].networks as Record<string, IDataObject>;
					const fit = item.json.textFit as Record<string, IDataObject>;
					for (const network of NETWORKS) {
						const sent = String(networks[network].text ?? '');
						const limit = limitFor(network)!;
						expect(countFor(network, sent)).toBeLessThanOrEqual(limit);
						expect(fit[network].length).toBe(countFor(network, sent));
						if (network === 'twitter') expect(twitterText.parseTweet(sent).weightedLength).toBeLessThanOrEqual(280);
						if (fit[network].shortened) {
							shortened++;
							if (items[i].link) expect(sent).toContain(items[i].link);
						} else {
							// A text within the limit is never changed.
							expect(sent).toBe(items[i].text);
							expect(countFor(network, items[i].text)).toBeLessThanOrEqual(limit);
						}
					}
				});
			}),
			{ numRuns: 40, seed: 20261201 },
		);
		expect(runs).toBe(40);
		expect(shortened).toBeGreaterThan(10);
	}, 120_000);
});
