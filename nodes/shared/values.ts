import type { IDataObject } from 'n8n-workflow';

/** A plain object (not an array, not null): the shape of every JSON record Publer returns. */
export function isRecord(value: unknown): value is IDataObject {
	return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** A non-empty string or a number as text; null otherwise. Publer sends IDs as either. */
export function str(value: unknown): string | null {
	return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : null;
}

/**
 * Turns a string, a comma-separated list, or an array into a clean string array. Entries may be the
 * `{ value }` objects n8n's multi-selects and resource locators give; nested arrays are flattened.
 */
export function toStringList(value: unknown): string[] {
	if (value === undefined || value === null || value === '') return [];
	const entries = Array.isArray(value) ? value : String(value).split(',');
	return entries
		.flatMap((entry) => (Array.isArray(entry) ? entry : [entry]))
		.map((entry) => (typeof entry === 'object' && entry !== null && 'value' in (entry as IDataObject) ? (entry as IDataObject).value : entry))
		.map((entry) => String(entry ?? '').trim())
		.filter((entry) => entry !== '');
}

/** The given keys of `source` that are set. */
export function pick(source: IDataObject, keys: string[]): IDataObject {
	const picked: IDataObject = {};
	for (const key of keys) if (source[key] !== undefined) picked[key] = source[key];
	return picked;
}

/** Whether a value was given at all (not empty). */
export function isGiven(value: unknown): boolean {
	return !(value === undefined || value === null || (typeof value === 'string' && value.trim() === ''));
}
