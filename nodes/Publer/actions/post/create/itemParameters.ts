import type { IExecuteFunctions } from 'n8n-workflow';

/**
 * Per-item parameter reads, read once when they cannot differ between items. n8n's getNodeParameter costs
 * about as much for a fixed value as for an expression (it copies and resolves the whole parameter every time),
 * and Post → Create reads a dozen parameters per item: a parameter whose stored value holds no expression
 * anywhere is the same for every item, so it is read for the first item and reused (a copy, so no item can
 * change another's).
 */
interface ExecutionCache {
	/** Values of parameters without expressions, read for the first item. */
	values: Map<string, unknown>;
	/** Whether each parameter's stored value holds an expression (getNode() copies the whole node: ask once). */
	dynamic: Map<string, boolean>;
	nodeType?: string;
}

const perExecution = new WeakMap<object, ExecutionCache>();

function hasExpression(value: unknown, depth = 0): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (depth > 30) return true;
	if (Array.isArray(value)) return value.some((entry) => hasExpression(entry, depth + 1));
	if (value && typeof value === 'object') return Object.values(value).some((entry) => hasExpression(entry, depth + 1));
	return false;
}

function rawValue(parameters: object, name: string): unknown {
	let value: unknown = parameters;
	for (const key of name.split('.')) {
		if (!value || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, key)) return undefined;
		value = (value as Record<string, unknown>)[key];
	}
	return value;
}

function copy<T>(value: T): T {
	if (Array.isArray(value)) return value.map((entry) => copy(entry)) as T;
	if (value && typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const [key, entry] of Object.entries(value)) out[key] = copy(entry);
		return out as T;
	}
	return value;
}

function executionCache(ctx: IExecuteFunctions): ExecutionCache {
	let cache = perExecution.get(ctx);
	if (!cache) {
		cache = { values: new Map(), dynamic: new Map() };
		perExecution.set(ctx, cache);
	}
	return cache;
}

/** The node's type (e.g. `n8n-nodes-publer.publerTool` as an AI-agent tool), read once per execution. */
export function nodeTypeOf(ctx: IExecuteFunctions): string {
	const cache = executionCache(ctx);
	cache.nodeType ??= ctx.getNode().type;
	return cache.nodeType;
}

export function itemParameter<T>(ctx: IExecuteFunctions, name: string, itemIndex: number, fallback: T, options?: { extractValue?: boolean }): T {
	const key = options?.extractValue ? `${name}\u0000value` : name;
	const cache = executionCache(ctx);
	if (cache.values.has(key)) return copy(cache.values.get(key) as T);
	const value = ctx.getNodeParameter(name, itemIndex, fallback as unknown as object, options) as T;
	let dynamic = cache.dynamic.get(name);
	if (dynamic === undefined) {
		dynamic = hasExpression(rawValue(ctx.getNode().parameters, name));
		cache.dynamic.set(name, dynamic);
	}
	if (!dynamic) cache.values.set(key, copy(value));
	return value;
}
