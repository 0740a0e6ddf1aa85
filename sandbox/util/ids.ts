// Identifiers and deterministic hashes: seed ids, ObjectId-like ids, figures that must not change between runs.
import { createHash } from 'crypto';

/** Deterministic 24-hex id derived from a label (used for seed data). */
export function seedId(label: string): string {
	return createHash('sha1').update('publer-sandbox:' + label).digest('hex').slice(0, 24);
}

/** 32-bit FNV-1a hash, used for deterministic figures (analytics). */
export function hash32(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}

/** ObjectId-like generator: 8 hex of seconds from the sandbox clock + 16 hex counter. */
export class IdGen {
	private counter: number;
	constructor(start = 0x51a000) {
		this.counter = start;
	}
	next(nowMs: number): string {
		this.counter++;
		const seconds = Math.floor(nowMs / 1000) >>> 0;
		return seconds.toString(16).padStart(8, '0').slice(-8) + this.counter.toString(16).padStart(16, '0');
	}
}
