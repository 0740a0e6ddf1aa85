import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
	method: string;
	path: string;
	query: string;
	headers: http.IncomingHttpHeaders;
	body: string;
}

export interface FakeReply {
	status?: number;
	headers?: Record<string, string>;
	/** Objects are sent as JSON; strings as they are. */
	body?: unknown;
	/** Destroy the socket instead of answering. */
	drop?: boolean;
}

export type Handler = (req: RecordedRequest) => FakeReply | Promise<FakeReply>;

/**
 * A scriptable HTTP server on loopback for transport unit tests: replies are taken from a queue
 * (then from the fallback handler), and every request is recorded.
 */
export class FakeServer {
	readonly requests: RecordedRequest[] = [];
	private readonly queue: Handler[] = [];
	private server!: http.Server;
	baseUrl = '';

	constructor(private fallback: Handler = () => ({ status: 404, body: { errors: ['No route'] } })) {}

	async start(): Promise<this> {
		this.server = http.createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', async () => {
				const url = new URL(req.url ?? '/', 'http://127.0.0.1');
				const recorded: RecordedRequest = {
					method: req.method ?? 'GET',
					path: url.pathname.replace(/^\/api\/v1/, ''),
					query: url.search,
					headers: req.headers,
					body: Buffer.concat(chunks).toString('utf8'),
				};
				this.requests.push(recorded);
				const handler = this.queue.shift() ?? this.fallback;
				const reply = await handler(recorded);
				if (reply.drop) {
					req.socket.destroy();
					return;
				}
				const isString = typeof reply.body === 'string';
				res.writeHead(reply.status ?? 200, {
					'Content-Type': isString ? 'text/html' : 'application/json',
					...(reply.headers ?? {}),
				});
				res.end(reply.body === undefined ? '' : isString ? (reply.body as string) : JSON.stringify(reply.body));
			});
		});
		await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/v1`;
		return this;
	}

	reply(...handlers: Array<Handler | FakeReply>): void {
		for (const h of handlers) this.queue.push(typeof h === 'function' ? h : () => h);
	}

	setFallback(handler: Handler): void {
		this.fallback = handler;
	}

	reset(): void {
		this.requests.length = 0;
		this.queue.length = 0;
	}

	async close(): Promise<void> {
		this.server.closeAllConnections?.();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}
}
