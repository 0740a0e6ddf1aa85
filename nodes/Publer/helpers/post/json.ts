import type { IDataObject } from 'n8n-workflow';

import { parseSafeJson } from '../../../shared/parameters';
import type { RuleProblem } from './rules';

/** The object without its empty members: Publer treats an empty field differently from a missing one. */
export function withoutEmpty(obj: IDataObject): IDataObject {
	const kept: IDataObject = {};
	for (const [key, value] of Object.entries(obj)) {
		if (value === undefined || value === null || value === '') continue;
		if (Array.isArray(value) && value.length === 0) continue;
		if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value as IDataObject).length === 0) continue;
		kept[key] = value;
	}
	return kept;
}

/**
 * Parses a JSON parameter that may already be an object/array (n8n json type or expression). `__proto__`,
 * `constructor` and `prototype` keys are refused: merged into a block they change what validation sees without
 * being sent.
 */
export function jsonParam(value: unknown, field: string, problems: RuleProblem[]): unknown {
	const result = parseSafeJson(value);
	if (result.problem !== undefined) {
		problems.push({ field, rule: `must be valid JSON without __proto__, constructor or prototype keys: it ${result.problem}` });
		return undefined;
	}
	return result.value;
}

export function parseJsonObject(value: unknown, field: string, problems: RuleProblem[]): IDataObject | undefined {
	const parsed = jsonParam(value, field, problems);
	if (parsed === undefined) return undefined;
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		problems.push({ field, rule: 'must be a JSON object' });
		return undefined;
	}
	return parsed as IDataObject;
}

export function parseJsonArray(value: unknown, field: string, problems: RuleProblem[]): IDataObject[] | undefined {
	const parsed = jsonParam(value, field, problems);
	if (parsed === undefined) return undefined;
	if (!Array.isArray(parsed)) {
		problems.push({ field, rule: 'must be a JSON array' });
		return undefined;
	}
	return parsed as IDataObject[];
}
