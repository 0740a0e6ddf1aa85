// The sandbox clock: frozen (moves only when told) or running with real time from a chosen start.

export class SandboxClock {
	private baseMs = 0;
	private realStartMs = 0;

	constructor(
		private readonly startMs: number,
		private readonly mode: 'frozen' | 'realtime',
	) {
		this.reset();
	}

	reset(): void {
		this.baseMs = this.startMs;
		this.realStartMs = Date.now();
	}

	now(): number {
		return this.mode === 'realtime' ? this.baseMs + (Date.now() - this.realStartMs) : this.baseMs;
	}

	advance(ms: number): void {
		if (!Number.isFinite(ms) || ms < 0) throw new Error('clock.advance needs a non-negative number of milliseconds');
		this.baseMs += ms;
	}

	set(date: Date | string | number): void {
		const target = new Date(date).getTime();
		if (Number.isNaN(target)) throw new Error('clock.set needs a valid date');
		this.baseMs = this.mode === 'realtime' ? target - (Date.now() - this.realStartMs) : target;
	}
}
