// Publer's rate limit: 100 requests per 120 s per user across all keys, fixed window from the user's first
// request, `X-RateLimit-*` headers (no Retry-After), 429 `{"error":"Rate limit exceeded. Retry later."}`.
import type { FastifyReply } from 'fastify';
import type { SandboxState } from '../../domain/store';

export const RATE_LIMIT_BODY = { error: 'Rate limit exceeded. Retry later.' };

/** Set the three headers; with variant rateLimitHeaders 'nearLimit' only near the limit (or when `force`). */
export function setRateHeaders(state: SandboxState, reply: FastifyReply, limit: number, remaining: number, resetSec: number, force = false): void {
	if (state.variants.rateLimitHeaders === 'nearLimit' && !force && remaining > Math.floor(limit * 0.1)) return;
	reply.header('X-RateLimit-Limit', String(limit));
	reply.header('X-RateLimit-Remaining', String(Math.max(0, remaining)));
	reply.header('X-RateLimit-Reset', String(resetSec));
}

/** Count one request of `userId`; answers 429 and returns true when the window's budget is spent. */
export function rateLimitAnswered(state: SandboxState, userId: string, reply: FastifyReply): boolean {
	if (!state.rateLimit) return false;
	const { limit, windowSeconds } = state.rateLimit;
	const nowMs = state.opts.rateLimitClock === 'sandbox' ? state.nowMs() : Date.now();
	let window = state.rateWindows.get(userId);
	if (!window || nowMs >= window.start + windowSeconds * 1000) {
		window = { start: nowMs, count: 0 };
		state.rateWindows.set(userId, window);
	}
	const resetSec = Math.ceil((window.start + windowSeconds * 1000) / 1000);
	if (window.count >= limit) {
		setRateHeaders(state, reply, limit, 0, resetSec, true);
		reply.code(429).send(RATE_LIMIT_BODY);
		return true;
	}
	window.count++;
	setRateHeaders(state, reply, limit, limit - window.count, resetSec);
	return false;
}
