import type { PreparedPost } from './types';

/** The item indexes of posts as short ranges, e.g. `0–499` or `3, 5–9`. */
export function itemRanges(posts: Array<Pick<PreparedPost, 'itemIndex'>>): string {
	const indexes = posts.map((post) => post.itemIndex).sort((a, b) => a - b);
	const parts: string[] = [];
	let start: number | undefined;
	let previous: number | undefined;
	const close = () => {
		if (start === undefined || previous === undefined) return;
		parts.push(start === previous ? String(start) : `${start}–${previous}`);
	};
	for (const index of indexes) {
		if (previous !== undefined && index === previous + 1) {
			previous = index;
			continue;
		}
		close();
		start = index;
		previous = index;
	}
	close();
	return parts.join(', ');
}
