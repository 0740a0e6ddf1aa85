/**
 * Cost of measuring and fitting captions (Post → Create runs isWithinLimit for every item and network during
 * validation, and fitText per network with "Fit Text to Each Network"). Prints CPU time per call and per 10,000
 * calls; the bounds only catch pathological slowdowns (the machine may be shared).
 *
 * Before the fast paths (same captions, 2-core machine under load, tsx): isWithinLimit per call X 14.2 µs,
 * Bluesky 23.2 µs, Mastodon 19.4 µs, Threads 17.1 µs, LinkedIn 1.0 µs; fitText on over-limit captions per call
 * X 416 µs, Bluesky 276 µs, Mastodon 297 µs, Threads 187 µs. The "exact counter" lines below decide without the
 * bounds (the exact counters themselves also got faster: URL matching per word run, cached grapheme segmentation).
 */
import { fitText } from '../../../../nodes/shared/text/fitText';
import { utf8Length } from '../../../../nodes/shared/text/graphemes';
import { BLUESKY_MAX_BYTES, countFor, isWithinLimit, limitFor } from '../../../../nodes/shared/text/networks';
import { weightedLength } from '../../../../nodes/shared/text/weightedLength';

const TITLES = [
	'How we cut our build times in half with incremental compilation and a few cache tricks.',
	'Neue Kollektion: nachhaltige Sneaker aus recyceltem Material – jetzt im Shop!',
	'新製品のお知らせ：軽量で丈夫なバックパックが登場しました',
	'Our quarterly report is out 📈 Revenue up 12%, churn down, and a big thank-you to the team 🙌',
];
const BODY =
	'We looked at every step of the pipeline, measured where the minutes went, and rewrote the slowest parts. ' +
	'The result is faster feedback for every pull request and happier developers. ';

/** 10,000 typical captions of 100–300 characters (title, part of a body, a tracking link, a hashtag). */
const typical = Array.from({ length: 10_000 }, (_, i) => {
	const body = BODY.slice(0, 40 + ((i * 37) % 120));
	return `${TITLES[i % TITLES.length]} ${body}https://example.com/p/${i}?utm_source=n8n #news`;
});
/** Over-limit captions (500–900 characters) for X, Bluesky, Mastodon and Threads. */
const over = Array.from({ length: 10_000 }, (_, i) => {
	const link = `https://example.com/blog/post-${i}?utm_source=n8n&utm_medium=social&utm_campaign=launch-${i % 97}`;
	return `${TITLES[i % TITLES.length]}\n\n${BODY.repeat(3 + (i % 3))}${link}\n\n#devops #ci #n8n`;
});

/** CPU µs per call of `run` over `texts` (after a warm-up), printed with the cost of 10,000 calls. */
function measure(label: string, texts: string[], run: (text: string) => unknown): number {
	for (let i = 0; i < 100; i++) run(texts[i]);
	const start = process.cpuUsage();
	for (const text of texts) run(text);
	const cpu = process.cpuUsage(start);
	const perCall = (cpu.user + cpu.system) / texts.length;
	console.log(`${label}: ${perCall.toFixed(1)} µs per call, ${((perCall * 10_000) / 1000).toFixed(0)} ms CPU per 10,000 calls`);
	return perCall;
}

const NETWORKS = ['twitter', 'bluesky', 'mastodon', 'threads', 'linkedin', 'instagram'];

describe('text functions on typical captions', () => {
	it('isWithinLimit per network on 10,000 typical captions (fast path), beside the exact counter', () => {
		expect(typical.every((t) => t.length >= 100 && t.length <= 300)).toBe(true);
		const lines: string[] = [];
		for (const network of NETWORKS) {
			const limit = limitFor(network) as number;
			const exactWithin = (t: string) =>
				(network !== 'bluesky' || utf8Length(t) <= BLUESKY_MAX_BYTES) && countFor(network, t) <= limit;
			// Same decision as the exact counter; mostly within the limit (X: the longest ASCII ones are over 280).
			const decisions = typical.map(exactWithin);
			expect(typical.map((t) => isWithinLimit(network, t))).toEqual(decisions);
			expect(decisions.filter(Boolean).length).toBeGreaterThan(8000);
			const fast = measure(`isWithinLimit ${network}`, typical, (t) => isWithinLimit(network, t));
			const exact = measure(`  exact counter ${network}`, typical, exactWithin);
			lines.push(`${network}: ${fast.toFixed(1)} µs (exact ${exact.toFixed(1)} µs)`);
			expect(fast).toBeLessThan(200);
		}
		console.log(`isWithinLimit per call, typical captions: ${lines.join('; ')}`);
	});

	it('weightedLength and countFor on 10,000 captions', () => {
		expect(measure('weightedLength', over, weightedLength)).toBeLessThan(2000);
		for (const network of ['bluesky', 'mastodon', 'threads']) {
			expect(measure(`countFor ${network}`, over, (t) => countFor(network, t))).toBeLessThan(2000);
		}
	});

	it('fitText on 2,000 over-limit captions per network (every one is shortened)', () => {
		const sample = over.slice(0, 2000);
		for (const network of ['twitter', 'bluesky', 'mastodon', 'threads']) {
			expect(sample.every((t) => fitText(t, network).shortened)).toBe(true);
			expect(measure(`fitText ${network}`, sample, (t) => fitText(t, network))).toBeLessThan(5000);
		}
	});
});
