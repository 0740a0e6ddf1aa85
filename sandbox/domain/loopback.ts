// The sandbox fetches URLs only on loopback (media from URL, link previews); everything else is synthesised.
import http from 'http';

export function isLoopback(url: URL): boolean {
	return ['127.0.0.1', 'localhost', '[::1]', '::1'].includes(url.hostname);
}

/** Fetch a loopback URL. Resolves to status, headers and up to `maxKeptBytes` of body (all bytes are counted). */
export function fetchLoopback(url: string, maxKeptBytes = 256 * 1024): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer; bytes: number }> {
	return new Promise((resolve, reject) => {
		const request = http.get(url, { timeout: 5000 }, (response) => {
			const chunks: Buffer[] = [];
			let kept = 0;
			let bytes = 0;
			response.on('data', (chunk: Buffer) => {
				bytes += chunk.length;
				if (kept < maxKeptBytes) {
					chunks.push(chunk);
					kept += chunk.length;
				}
			});
			response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks), bytes }));
			response.on('error', reject);
		});
		request.on('timeout', () => request.destroy(new Error('timeout')));
		request.on('error', reject);
	});
}
