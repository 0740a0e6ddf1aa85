/*
 * Runs the Fit Text examples (examples/blog-to-social.json, examples/shopify-product-launch.json) in the installed
 * n8n, the way a user tests a workflow in the editor: a manual execution through the REST API
 * (the trigger's output saved as the workflow's pinned data, e2e/examples/, then POST /rest/workflows/:id/run with
 * `triggerToStartFrom`), then the finished execution from GET /rest/executions/:id. The workflow is the example as n8n
 * stored it at import; only the pinned data is added (the triggers need the internet: an RSS feed, a Shopify webhook). The
 * product images are served on loopback here, and the sandbox fetches them for real (sandbox/domain/mediaImport.ts).
 * Asserts: the execution succeeded; the sandbox received the posts and its jobs finished without failures; every
 * network's text is within its limit (the package's counter; X also by twitter-text); Fit Text shortened at least
 * one network and kept the link at the end; Shopify: the imported media are the post's media.
 */
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';

import twitterText from 'twitter-text';

import { countFor, limitFor } from '../nodes/shared/text';
import { ROOT, assert, http as request, log, materialise } from './lib';

interface Context {
	/** n8n's origin and the owner's auth cookie header. */
	origin: string;
	auth: Record<string, string>;
	sandboxOrigin: string;
	/** The sandbox's control-key header. */
	control: Record<string, string>;
	/** The folder with the installed n8n (its flatted reads the execution data). */
	n8nDir: string;
	/** Prefix of the assertion messages (the phase: "regular mode"). */
	label: string;
}

interface Item {
	json: Record<string, any>;
}

/** What one example run measured (for the summary and the README). */
export interface ExampleFit {
	example: string;
	network: string;
	originalLength: number;
	length: number;
	limit: number;
}

const PINNED = path.join(ROOT, 'e2e', 'examples');
const EXECUTION_TIMEOUT_MS = 45_000;

/** A 1080×1080 PNG (Instagram's square format), built here so that no binary fixture is needed. */
function productPng(shade: number): Buffer {
	const size = 1080;
	const crc = (buf: Buffer) => {
		let c = ~0;
		for (const byte of buf) {
			c ^= byte;
			for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
		}
		return ~c >>> 0;
	};
	const chunk = (type: string, data: Buffer) => {
		const head = Buffer.alloc(8);
		head.writeUInt32BE(data.length, 0);
		head.write(type, 4, 'ascii');
		const tail = Buffer.alloc(4);
		tail.writeUInt32BE(crc(Buffer.concat([head.subarray(4), data])), 0);
		return Buffer.concat([head, data, tail]);
	};
	const header = Buffer.alloc(13);
	header.writeUInt32BE(size, 0);
	header.writeUInt32BE(size, 4);
	header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
	const row = Buffer.alloc(1 + size * 3);
	for (let x = 0; x < size; x++) row.set([shade, Math.round(shade * 0.75), Math.round(shade * 0.5)], 1 + x * 3);
	const raw = Buffer.concat(Array.from({ length: size }, () => row));
	return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** Serves the product images on 127.0.0.1 and counts the requests for them. */
async function imageServer(): Promise<{ origin: string; served: string[]; close: () => Promise<void> }> {
	const served: string[] = [];
	const images = new Map<string, Buffer>();
	const server = http.createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const match = /\/rye-sourdough-(\d)\.png$/.exec(url.pathname);
		if (!match || req.method !== 'GET') {
			res.writeHead(404).end();
			return;
		}
		served.push(req.url ?? '');
		if (!images.has(match[1])) images.set(match[1], productPng(120 + Number(match[1]) * 30));
		const body = images.get(match[1])!;
		res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': body.length }).end(body);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	return { origin: `http://127.0.0.1:${port}`, served, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The example's nodes without n8n's additions (webhookId, ids, positions are compared as the file has them). */
function sameNodes(stored: Array<Record<string, unknown>>, file: Array<Record<string, unknown>>): boolean {
	const pick = (n: Record<string, unknown>) => JSON.stringify({ name: n.name, type: n.type, typeVersion: n.typeVersion, parameters: n.parameters, credentials: n.credentials, executeOnce: n.executeOnce ?? false });
	const byName = new Map(stored.map((n) => [n.name, pick(n)]));
	return stored.length === file.length && file.every((n) => byName.get(n.name) === pick(n));
}

/** Starts a manual execution of the stored example with `pinned` as the trigger's output; returns the finished execution. */
async function runManually(ctx: Context, file: string, pinned: Record<string, Array<Record<string, unknown>>>) {
	const example = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples', file), 'utf8'));
	const list = await request('GET', `${ctx.origin}/rest/workflows`, undefined, ctx.auth);
	const entry = (list.json?.data as Array<{ id: string; name: string }> | undefined)?.find((w) => w.name === example.name);
	if (!entry) throw new Error(`examples/${file} ("${example.name}") is not among the imported workflows`);
	const stored = (await request('GET', `${ctx.origin}/rest/workflows/${entry.id}`, undefined, ctx.auth)).json?.data;
	assert(stored && sameNodes(stored.nodes, example.nodes) && JSON.stringify(stored.connections) === JSON.stringify(example.connections), `${ctx.label}: examples/${file} is stored in n8n with its nodes, parameters and connections as in the file`);

	const [trigger] = Object.keys(pinned);
	const pinData = Object.fromEntries(Object.entries(pinned).map(([node, items]) => [node, items.map((json) => ({ json }))]));
	// The editor saves the workflow, pinned data included, before it runs it: n8n 2.8 runs the workflow sent with the
	// request, newer versions (2.41) the one stored. So save the pinned data, then send it too.
	const saved = await request('PATCH', `${ctx.origin}/rest/workflows/${entry.id}?forceSave=true`, { pinData, versionId: stored.versionId }, ctx.auth);
	if (saved.status !== 200) throw new Error(`examples/${file}: saving the pinned data failed (${saved.status} ${saved.text.slice(0, 500)})`);
	const payload = { workflowData: { ...stored, pinData }, triggerToStartFrom: { name: trigger } };
	const started = await request('POST', `${ctx.origin}/rest/workflows/${entry.id}/run`, payload, ctx.auth);
	const executionId = started.json?.data?.executionId;
	if (started.status !== 200 || !executionId) throw new Error(`examples/${file}: the manual run did not start (${started.status} ${started.text.slice(0, 500)})`);

	const deadline = Date.now() + EXECUTION_TIMEOUT_MS;
	let execution: any;
	for (;;) {
		execution = (await request('GET', `${ctx.origin}/rest/executions/${executionId}`, undefined, ctx.auth)).json?.data;
		if (execution && execution.status !== 'new' && execution.status !== 'running' && execution.stoppedAt) break;
		if (Date.now() > deadline) throw new Error(`examples/${file}: execution ${executionId} did not finish within ${EXECUTION_TIMEOUT_MS / 1000} s (status ${execution?.status})`);
		await new Promise((r) => setTimeout(r, 250));
	}
	// Execution data is stored "flatted" (https://github.com/WebReflection/flatted); read it with n8n's own copy.
	const flatted = createRequire(path.join(ctx.n8nDir, 'node_modules', 'n8n', 'package.json'))('flatted') as { parse: (text: string) => any };
	const data = typeof execution.data === 'string' ? flatted.parse(execution.data) : execution.data;
	const runData = data?.resultData?.runData ?? {};
	const error = data?.resultData?.error;
	assert(execution.status === 'success' && !error, `${ctx.label}: examples/${file} ran as a manual execution (${executionId}, pinned "${trigger}") and finished with status ${execution.status}${error ? `: ${error.message} ${error.description ?? ''}` : ''}`);
	const output = (node: string): Item[] => runData[node]?.[0]?.data?.main?.[0] ?? [];
	return { executionId: String(executionId), output, trigger };
}

async function sandboxGet(ctx: Context, what: string): Promise<any[]> {
	const answer = await request('GET', `${ctx.sandboxOrigin}/__sandbox/${what}`, undefined, ctx.control);
	if (answer.status !== 200 || !Array.isArray(answer.json)) throw new Error(`GET /__sandbox/${what}: ${answer.status} ${answer.text.slice(0, 200)}`);
	return answer.json;
}

/**
 * Every network block is within its limit by the package's counter (X also by twitter-text); returns the shortened
 * networks, each checked against the output's textFit (`originalLength` = the length of the unshortened text, which
 * is the text of the networks whose limit it is within) and for the link at the end.
 */
function checkTexts(ctx: Context, file: string, networks: Record<string, { text?: string }>, textFit: Record<string, any>, link: string): ExampleFit[] {
	const fits: ExampleFit[] = [];
	const unshortened = Object.entries(networks).filter(([network]) => textFit[network]?.shortened === false);
	for (const [network, block] of Object.entries(networks)) {
		const text = String(block.text ?? '');
		const limit = limitFor(network)!;
		const length = countFor(network, text);
		const fit = textFit[network];
		assert(length <= limit && fit && fit.length === length && fit.limit === limit, `${ctx.label}: ${file}: the ${network} text sent is within ${network}'s limit, ${length} ≤ ${limit} (textFit.${network}: ${JSON.stringify(fit)})`);
		if (network === 'twitter') {
			const parsed = twitterText.parseTweet(text);
			assert(parsed.valid && parsed.weightedLength === length, `${ctx.label}: ${file}: twitter-text counts the X text as ${parsed.weightedLength} weighted characters, valid`);
		}
		if (!fit.shortened) continue;
		const original = unshortened.map(([, b]) => String(b.text ?? '')).find((t) => countFor(network, t) === fit.originalLength);
		assert(
			original !== undefined && fit.originalLength > limit && text.endsWith(` ${link}`) && text.includes('…') && original.includes(link),
			`${ctx.label}: ${file}: Fit Text shortened the ${network} text from ${fit.originalLength} to ${length} (limit ${limit}) and kept the link at the end (…${JSON.stringify(text.slice(-link.length - 12))})`,
		);
		fits.push({ example: file, network, originalLength: fit.originalLength, length, limit });
	}
	return fits;
}

/** Checks the sandbox's jobs of the output items: complete, no failures; returns the posts they created. */
async function acceptedPosts(ctx: Context, file: string, items: Item[]): Promise<any[]> {
	const jobs = await sandboxGet(ctx, 'jobs');
	const posts = await sandboxGet(ctx, 'posts');
	const ids = new Set(items.map((i) => String(i.json.jobId)));
	const own = jobs.filter((j) => ids.has(String(j.id)));
	assert(
		items.length > 0 && items.every((i) => i.json.success === true && i.json.status === 'complete' && Array.isArray(i.json.failures) && i.json.failures.length === 0) &&
			own.length === ids.size && own.every((j) => j.status === 'complete' && j.failures.length === 0 && j.post_ids.length > 0),
		`${ctx.label}: ${file}: the sandbox accepted the posts (job ${[...ids].join(', ')}: complete, no failures; output success)`,
	);
	const postIds = new Set(own.flatMap((j) => j.post_ids as string[]));
	return posts.filter((p) => postIds.has(p.id));
}

async function runBlogToSocial(ctx: Context, executions: string[]): Promise<ExampleFit[]> {
	const file = 'blog-to-social.json';
	const pinned = JSON.parse(fs.readFileSync(path.join(PINNED, 'blog-to-social.pinned.json'), 'utf8'));
	const feed = pinned['New Blog Post'] as Array<{ title: string; link: string }>;
	await request('DELETE', `${ctx.sandboxOrigin}/__sandbox/requests`, undefined, ctx.control);
	const { executionId, output } = await runManually(ctx, file, pinned);
	executions.push(executionId);

	const submits = (await sandboxGet(ctx, 'requests?method=POST')).filter((r) => /^\/posts\/schedule/.test(r.path));
	assert(submits.length === 1 && submits[0].path === '/posts/schedule' && submits[0].body?.bulk?.posts?.length === feed.length, `${ctx.label}: ${file}: the sandbox received one Post → Create request with ${feed.length} posts (one per feed item)`);
	const items = output('Auto-Schedule Posts');
	assert(items.length === feed.length, `${ctx.label}: ${file}: Post → Create output one item per feed item (${items.length})`);
	const fits: ExampleFit[] = [];
	feed.forEach((entry, i) => {
		const post = submits[0].body.bulk.posts[i];
		assert(post.auto === true && post.networks.facebook?.link?.url === entry.link, `${ctx.label}: ${file}: post ${i + 1} is auto-scheduled with its article's link (${entry.link})`);
		fits.push(...checkTexts(ctx, `${file} post ${i + 1}`, post.networks, items[i].json.textFit ?? {}, entry.link));
	});
	assert(fits.length > 0 && fits.some((f) => f.network === 'twitter'), `${ctx.label}: ${file}: Fit Text shortened ${fits.map((f) => `${f.network} ${f.originalLength} → ${f.length}`).join(', ')}`);
	const unchanged = Object.values(items[1]?.json.textFit ?? {}).every((f: any) => f.shortened === false);
	assert(unchanged, `${ctx.label}: ${file}: the short feed item's text is unchanged on every network`);
	const posts = await acceptedPosts(ctx, file, items);
	const accounts = submits[0].body.bulk.posts[0].accounts.length;
	assert(posts.length === feed.length * accounts && posts.every((p) => /^scheduled/.test(p.state)), `${ctx.label}: ${file}: the sandbox holds ${posts.length} scheduled posts (${feed.length} articles × ${accounts} accounts)`);
	return fits;
}

async function runShopifyLaunch(ctx: Context, executions: string[]): Promise<ExampleFit[]> {
	const file = 'shopify-product-launch.json';
	const images = await imageServer();
	try {
		const pinned = JSON.parse(materialise(fs.readFileSync(path.join(PINNED, 'shopify-product-launch.pinned.json'), 'utf8'), { IMAGE_ORIGIN: images.origin }));
		const product = pinned['New Shopify Product'][0] as { handle: string; images: Array<{ src: string }>; body_html: string };
		const link = /https:\/\/\S+$/.exec(product.body_html.replace(/<[^>]+>/g, ''))![0];
		await request('DELETE', `${ctx.sandboxOrigin}/__sandbox/requests`, undefined, ctx.control);
		const { executionId, output } = await runManually(ctx, file, pinned);
		executions.push(executionId);

		const requests = await sandboxGet(ctx, 'requests?method=POST');
		const imports = requests.filter((r) => r.path === '/media/from-url');
		const urls = product.images.map((i) => i.src);
		assert(
			imports.length === 1 && JSON.stringify(imports[0].body.media.map((m: { url: string }) => m.url)) === JSON.stringify(urls) && images.served.length === urls.length,
			`${ctx.label}: ${file}: Media → Import From URL sent the ${urls.length} product image URLs and the sandbox downloaded them from 127.0.0.1`,
		);
		const media = output('Import Product Images').map((i) => i.json);
		assert(media.length === urls.length && media.every((m) => m.id && m.type === 'photo' && m.width === 1080), `${ctx.label}: ${file}: ${media.length} images imported (${media.map((m) => m.id).join(', ')})`);

		const submits = requests.filter((r) => /^\/posts\/schedule/.test(r.path));
		assert(submits.length === 1 && submits[0].path === '/posts/schedule/publish' && submits[0].body.bulk.posts.length === 1, `${ctx.label}: ${file}: the sandbox received one Post → Create (publish now) request with one post`);
		const post = submits[0].body.bulk.posts[0];
		const mediaIds = JSON.stringify(media.map((m) => m.id));
		assert(
			Object.keys(post.networks).sort().join() === 'facebook,instagram' &&
				Object.values(post.networks as Record<string, { type: string; media: Array<{ id: string }> }>).every((n) => n.type === 'photo' && JSON.stringify(n.media.map((m) => m.id)) === mediaIds),
			`${ctx.label}: ${file}: the Facebook and Instagram photo posts carry the ${media.length} imported media, in order`,
		);
		const items = output('Publish Launch Post');
		assert(items.length === 1, `${ctx.label}: ${file}: Post → Create ran once (Execute Once) and output one item`);
		const fits = checkTexts(ctx, file, post.networks, items[0].json.textFit ?? {}, link);
		assert(fits.some((f) => f.network === 'instagram'), `${ctx.label}: ${file}: Fit Text shortened ${fits.map((f) => `${f.network} ${f.originalLength} → ${f.length}`).join(', ')}`);
		const posts = await acceptedPosts(ctx, file, items);
		assert(
			posts.length === 2 && posts.every((p) => p.state === 'published_posted' && JSON.stringify(p.media.map((m: { id: string }) => m.id)) === mediaIds),
			`${ctx.label}: ${file}: the sandbox published the post on ${posts.map((p) => p.network).sort().join(' and ')} with the imported media`,
		);
		return fits;
	} finally {
		await images.close();
	}
}

/** Runs both examples in the installed n8n (see the file's comment); returns what Fit Text did per network and the executions' ids. */
export async function runFitTextExamples(ctx: Context): Promise<{ fits: ExampleFit[]; executions: string[] }> {
	const info = (await request('GET', `${ctx.sandboxOrigin}/__sandbox/info`, undefined, ctx.control)).json;
	const known = new Set((info.accounts as Array<{ id: string }>).map((a) => a.id));
	for (const file of ['blog-to-social.json', 'shopify-product-launch.json']) {
		const example = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples', file), 'utf8'));
		const publer = (example.nodes as Array<{ type: string; parameters: Record<string, any> }>).filter((n) => n.type === 'n8n-nodes-publer.publer');
		const ids = publer.flatMap((n) => (n.parameters.accounts as string[] | undefined) ?? []);
		assert(
			publer.every((n) => n.parameters.workspace?.value === info.workspaceId) && ids.every((id) => known.has(id)),
			`${ctx.label}: ${file}: its workspace and ${ids.length} account IDs exist in the sandbox`,
		);
	}
	const executions: string[] = [];
	const fits = [...(await runBlogToSocial(ctx, executions)), ...(await runShopifyLaunch(ctx, executions))];
	log(`Fit Text in the examples: ${fits.map((f) => `${f.example} ${f.network} ${f.originalLength} → ${f.length} (limit ${f.limit})`).join('; ')}`);
	return { fits, executions };
}
