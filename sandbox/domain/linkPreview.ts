// POST /posts/links: a link preview read from a loopback page's title and og tags, or synthesised from the URL.
import { fetchLoopback, isLoopback } from './loopback';
import { badRequest } from '../util/httpError';

export async function linkPreview(raw: string) {
	let url: URL;
	try {
		url = new URL(/^[a-z]+:\/\//i.test(raw) ? raw : 'https://' + raw);
	} catch {
		throw badRequest('url is not a valid URL');
	}
	const host = url.host.replace(/^www\./, '');
	const preview = {
		title: host.split('.')[0].replace(/^./, (c) => c.toUpperCase()),
		description: `Preview of ${url.href}`,
		url: url.href,
		original_url: raw.replace(/^https?:\/\//, ''),
		images: [`${url.protocol}//${url.host}/og-image.png`],
		favicon: `${url.protocol}//${url.host}/favicon.ico`,
		provider_display: host,
		type: 'link',
	};
	if (isLoopback(url)) {
		try {
			const page = await fetchLoopback(url.href);
			const html = page.body.toString('utf8');
			const meta = (property: string) => new RegExp(`<meta[^>]+(?:property|name)=["']${property}["'][^>]+content=["']([^"']*)["']`, 'i').exec(html)?.[1];
			const title = meta('og:title') ?? /<title>([^<]*)<\/title>/i.exec(html)?.[1];
			if (title) preview.title = title.trim();
			const description = meta('og:description') ?? meta('description');
			if (description) preview.description = description.trim();
			const image = meta('og:image');
			if (image) preview.images = [new URL(image, url).href];
		} catch {
			// unreachable loopback URL: keep the synthesised preview
		}
	}
	return preview;
}
