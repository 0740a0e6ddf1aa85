import type { IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { DEFAULT_MAX_RATE_LIMIT_WAIT_MS } from './transport';

/** Keys that would change an object's prototype or shadow inherited members when copied or merged. */
export const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export interface NumberBounds {
	/** Smallest accepted value (inclusive). */
	min: number;
	/** Largest accepted value (inclusive). */
	max: number;
	/** Used when the parameter is not set (undefined, null or an empty string). */
	default: number;
	/** The option's name as the user sees it, e.g. "Wait Timeout (Seconds)". */
	label: string;
	/** Whole numbers only. */
	integer?: boolean;
}

/** "Poll Interval (Seconds)" of job waits: 0 to 10 minutes. */
export const POLL_INTERVAL_BOUNDS: NumberBounds = { label: 'Poll Interval (Seconds)', min: 0, max: 600, default: 1 };
/** "Wait Timeout (Seconds)" of job waits: 1 s to 24 hours. */
export const WAIT_TIMEOUT_BOUNDS: NumberBounds = { label: 'Wait Timeout (Seconds)', min: 1, max: 86_400, default: 300 };
/** Longest "Max Rate-Limit Wait" accepted, in seconds (an hour: 30 of Publer's 2-minute windows). */
export const MAX_RATE_LIMIT_WAIT_SECONDS = 3600;
/** "Max Rate-Limit Wait (Seconds)": the default is one Publer window (120 s) plus a margin. */
export const MAX_RATE_LIMIT_WAIT_BOUNDS: NumberBounds = {
	label: 'Max Rate-Limit Wait (Seconds)',
	min: 0,
	max: MAX_RATE_LIMIT_WAIT_SECONDS,
	default: DEFAULT_MAX_RATE_LIMIT_WAIT_MS / 1000,
};

const NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

function shown(value: unknown): string {
	let text: string;
	try {
		text = typeof value === 'string' ? JSON.stringify(value) : typeof value === 'number' ? String(value) : JSON.stringify(value) ?? String(value);
	} catch {
		text = Object.prototype.toString.call(value);
	}
	return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * Checks one numeric parameter value. Numbers and numeric text within [min, max] are accepted; NaN, Infinity,
 * text that is not a number, booleans, objects and values outside the bounds are refused with an error that
 * names the option, the value given and the accepted range. Unset values give the default.
 */
export function checkBoundedNumber(node: INode, raw: unknown, itemIndex: number, bounds: NumberBounds): number {
	if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return bounds.default;
	let value: number | undefined;
	if (typeof raw === 'number') value = raw;
	else if (typeof raw === 'string' && NUMBER_TEXT.test(raw.trim())) value = Number(raw.trim());
	const range = `${bounds.integer ? 'a whole number' : 'a number'} from ${bounds.min} to ${bounds.max}`;
	if (value === undefined || !Number.isFinite(value) || value < bounds.min || value > bounds.max || (bounds.integer && !Number.isInteger(value))) {
		throw new NodeOperationError(node, `Item ${itemIndex}: "${bounds.label}" must be ${range}; got ${shown(raw)}`, {
			itemIndex,
			description: `Nothing was sent to Publer. Enter ${range} in "${bounds.label}" (an expression there must give a number; leave it empty for the default, ${bounds.default}).`,
		});
	}
	return value;
}

/** Reads a numeric node parameter (dot paths like `options.waitTimeout` work) and checks it with {@link checkBoundedNumber}. */
export function readBoundedNumber(this: IExecuteFunctions, name: string, itemIndex: number, bounds: NumberBounds): number {
	const raw = this.getNodeParameter(name, itemIndex, bounds.default) as unknown;
	return checkBoundedNumber(this.getNode(), raw, itemIndex, bounds);
}

/** The unsafe keys (`__proto__`, `constructor`, `prototype`) anywhere in a value, as dotted paths; at most 10. */
export function findUnsafeKeys(value: unknown, path = '', found: string[] = [], depth = 0): string[] {
	if (found.length >= 10 || depth > 100 || !value || typeof value !== 'object') return found;
	if (Array.isArray(value)) {
		value.forEach((entry, index) => findUnsafeKeys(entry, `${path}[${index}]`, found, depth + 1));
		return found;
	}
	for (const key of Object.keys(value)) {
		const keyPath = path ? `${path}.${key}` : key;
		if (UNSAFE_KEYS.has(key)) found.push(keyPath);
		else findUnsafeKeys((value as Record<string, unknown>)[key], keyPath, found, depth + 1);
		if (found.length >= 10) break;
	}
	return found;
}

export type SafeJsonResult = { value: unknown; problem?: undefined } | { value?: undefined; problem: string };

/**
 * Parses a JSON parameter (text, or a value an expression already gave) and refuses `__proto__`,
 * `constructor` and `prototype` keys at any depth: copied into a request or merged into defaults they change
 * what validation sees without being sent. Empty values give `{ value: undefined }`.
 */
export function parseSafeJson(raw: unknown): SafeJsonResult {
	if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return { value: undefined };
	let value: unknown = raw;
	if (typeof raw === 'string') {
		try {
			value = JSON.parse(raw);
		} catch (error) {
			return { problem: `is not valid JSON (${(error as Error).message})` };
		}
	}
	const unsafe = findUnsafeKeys(value);
	if (unsafe.length) {
		return { problem: `contains the key${unsafe.length === 1 ? '' : 's'} ${unsafe.map((k) => `"${k}"`).join(', ')}, which cannot be used: remove ${unsafe.length === 1 ? 'it' : 'them'}` };
	}
	return { value };
}

/** Like {@link parseSafeJson}, but throws a NodeOperationError naming the parameter. */
export function readSafeJson(node: INode, raw: unknown, itemIndex: number, label: string): unknown {
	const result = parseSafeJson(raw);
	if (result.problem !== undefined) {
		throw new NodeOperationError(node, `Item ${itemIndex}: "${label}" ${result.problem}`, {
			itemIndex,
			description: `Nothing was sent to Publer. Fix the JSON in "${label}".`,
		});
	}
	return result.value;
}
