import type { RateLimitInfo, TransportTimers } from '../../../../shared/transport';

/** Publer's documented limit when it sends no `X-RateLimit-*` headers: 100 requests per 2 minutes (§10.1). */
export const DEFAULT_RATE_LIMIT = 100;
export const DEFAULT_RATE_WINDOW_MS = 120_000;

/**
 * What is left of Publer's rate budget, as far as this run can tell: the last `X-RateLimit-Remaining` /
 * `X-RateLimit-Reset` Publer sent, minus the requests sent since; without headers, 100 per 2 minutes counted
 * from this run's own requests. It only decides when to send the next request group; the transport still
 * handles a 429 (bounded by Max Rate-Limit Wait) if other clients of the same user spend the budget meanwhile.
 */
export class RateBudget {
	private limit = DEFAULT_RATE_LIMIT;
	private remaining: number;
	private resetAt: number;

	constructor(
		private readonly timers: TransportTimers,
		spentBefore = 0,
	) {
		this.remaining = DEFAULT_RATE_LIMIT - spentBefore;
		this.resetAt = timers.now() + DEFAULT_RATE_WINDOW_MS;
	}

	private roll(): void {
		const now = this.timers.now();
		if (now >= this.resetAt) {
			this.remaining = this.limit;
			this.resetAt = now + DEFAULT_RATE_WINDOW_MS;
		}
	}

	/** One answered request, with the rate-limit headers it carried (if any). */
	observe(info: RateLimitInfo | undefined, requests = 1): void {
		if (info && info.remaining !== undefined && Number.isFinite(info.remaining)) {
			if (info.limit !== undefined && Number.isFinite(info.limit) && info.limit > 0) this.limit = info.limit;
			this.remaining = Math.max(0, info.remaining);
			if (info.resetAt !== undefined && Number.isFinite(info.resetAt)) this.resetAt = info.resetAt;
			return;
		}
		this.spend(requests);
	}

	/** Requests sent whose headers were not seen (failed requests, paginated reads). */
	spend(requests: number): void {
		this.roll();
		this.remaining = Math.max(0, this.remaining - requests);
	}

	/** Whether `requests` more fit in the current window. */
	allows(requests: number): boolean {
		this.roll();
		return this.remaining >= requests;
	}

	/** Milliseconds until the window resets (0 when it already has). */
	msToReset(): number {
		return Math.max(0, this.resetAt - this.timers.now());
	}

	/** The wait for the reset is over: a new window starts. */
	resetNow(): void {
		this.remaining = this.limit;
		this.resetAt = this.timers.now() + DEFAULT_RATE_WINDOW_MS;
	}
}
