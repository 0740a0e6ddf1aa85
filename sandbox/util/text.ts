// Text measures used by the rules and the log.

/** Length in code points, not UTF-16 units (as Publer's limits count). */
export function charCount(text: string): number {
	let n = 0;
	for (const _codePoint of text) n++;
	return n;
}

/** Number of distinct texts a spintax string `{a|b} {c|d|e}` expands to (1 without spintax). */
export function spintaxVariations(text: string): number {
	let total = 1;
	const re = /\{([^{}]*\|[^{}]*)\}/g;
	let match: RegExpExecArray | null;
	while ((match = re.exec(text))) total *= match[1].split('|').length;
	return total;
}

/** `****` + the last four characters: how keys appear in logs and `/__sandbox/info`. */
export function maskKey(key: string): string {
	return '****' + key.slice(-4);
}
