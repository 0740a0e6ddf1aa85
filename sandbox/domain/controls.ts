// What tests switch at run time: injected faults, variants, the rate limit.
import type { SandboxState } from './store';
import { DEFAULT_VARIANTS, VARIANT_VALUES } from './options';
import type { Fault, SandboxVariants } from '../types';

const FAULT_KINDS: Fault['kind'][] = ['latency', 'status', '429', 'dropBefore', 'dropAfter', 'html', 'malformedJson', 'empty'];

/** A fault from JSON (`pathRegex` for a regular expression), as POST /__sandbox/faults takes it. */
export function faultFromJson(json: any): Fault {
	if (!json || typeof json !== 'object') throw new Error('fault must be an object');
	if (!FAULT_KINDS.includes(json.kind)) throw new Error(`fault.kind must be one of ${FAULT_KINDS.join(', ')}`);
	const fault: Fault = { kind: json.kind };
	if (json.method) fault.method = String(json.method);
	if (json.pathRegex) fault.path = new RegExp(json.pathRegex);
	else if (typeof json.path === 'string') fault.path = json.path;
	if (json.status !== undefined) fault.status = Number(json.status);
	if (json.latencyMs !== undefined) fault.latencyMs = Number(json.latencyMs);
	if (json.count !== undefined) fault.count = Number(json.count);
	return fault;
}

export function addFault(state: SandboxState, fault: Fault): void {
	const count = fault.count ?? 1;
	if (!(count > 0)) throw new Error('fault.count must be positive');
	state.faults.push({ ...fault, remaining: count });
}

export function setVariants(state: SandboxState, changes: Partial<SandboxVariants>): void {
	for (const [name, raw] of Object.entries(changes)) {
		if (!Object.prototype.hasOwnProperty.call(VARIANT_VALUES, name)) throw new Error(`Unknown variant "${name}"`);
		const accepted = VARIANT_VALUES[name as keyof SandboxVariants];
		const value = name === 'submitStatus' ? Number(raw) : raw;
		if (!accepted.includes(value)) throw new Error(`Variant ${name} must be one of ${accepted.join(', ')}`);
		(state.variants as any)[name] = value;
	}
}

export function resetVariants(state: SandboxState): void {
	state.variants = { ...DEFAULT_VARIANTS, ...state.opts.variants };
}

export function setRateLimit(state: SandboxState, rateLimit: { limit: number; windowSeconds: number } | false): void {
	state.rateLimit = rateLimit;
	state.rateWindows.clear();
}
