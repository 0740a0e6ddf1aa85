// Min-heap of timed events (a scheduled post's publish time, a TikTok link that arrives later), earliest first.
export interface DueEvent { t: number; postId: string; kind: 'publish' | 'link' }

export class DueQueue {
	private items: DueEvent[] = [];
	get size(): number {
		return this.items.length;
	}
	peek(): DueEvent | undefined {
		return this.items[0];
	}
	clear(): void {
		this.items = [];
	}
	push(event: DueEvent): void {
		const items = this.items;
		items.push(event);
		let i = items.length - 1;
		while (i > 0) {
			const parent = (i - 1) >> 1;
			if (items[parent].t <= items[i].t) break;
			[items[parent], items[i]] = [items[i], items[parent]];
			i = parent;
		}
	}
	pop(): DueEvent | undefined {
		const items = this.items;
		if (!items.length) return undefined;
		const top = items[0];
		const last = items.pop()!;
		if (items.length) {
			items[0] = last;
			let i = 0;
			for (;;) {
				const left = 2 * i + 1;
				const right = left + 1;
				let smallest = i;
				if (left < items.length && items[left].t < items[smallest].t) smallest = left;
				if (right < items.length && items[right].t < items[smallest].t) smallest = right;
				if (smallest === i) break;
				[items[smallest], items[i]] = [items[i], items[smallest]];
				i = smallest;
			}
		}
		return top;
	}
}
