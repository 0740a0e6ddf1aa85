// Minimal binary min-heap keyed by time, for due scheduled posts.
export interface Due { t: number; postId: string; kind: 'publish' | 'link' }

export class DueHeap {
	private a: Due[] = [];
	get size(): number {
		return this.a.length;
	}
	peek(): Due | undefined {
		return this.a[0];
	}
	clear(): void {
		this.a = [];
	}
	push(x: Due): void {
		const a = this.a;
		a.push(x);
		let i = a.length - 1;
		while (i > 0) {
			const p = (i - 1) >> 1;
			if (a[p].t <= a[i].t) break;
			[a[p], a[i]] = [a[i], a[p]];
			i = p;
		}
	}
	pop(): Due | undefined {
		const a = this.a;
		if (!a.length) return undefined;
		const top = a[0];
		const last = a.pop()!;
		if (a.length) {
			a[0] = last;
			let i = 0;
			for (;;) {
				const l = 2 * i + 1;
				const r = l + 1;
				let m = i;
				if (l < a.length && a[l].t < a[m].t) m = l;
				if (r < a.length && a[r].t < a[m].t) m = r;
				if (m === i) break;
				[a[m], a[i]] = [a[i], a[m]];
				i = m;
			}
		}
		return top;
	}
}
