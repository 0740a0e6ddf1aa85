import { checkNetworkBlock, spintaxVariations } from '../../../../../nodes/Publer/helpers/post/rules';
import { weekdayIndex } from '../../../../../nodes/Publer/helpers/post/schedule';

describe('network rules and helpers', () => {
	it('converts weekday names with either days_of_week convention', () => {
		expect(weekdayIndex('Monday', 'sunday0')).toBe(1);
		expect(weekdayIndex('sunday', 'sunday0')).toBe(0);
		expect(weekdayIndex('Monday', 'monday0')).toBe(0);
		expect(weekdayIndex('Sunday', 'monday0')).toBe(6);
		expect(weekdayIndex('Funday', 'monday0')).toBeUndefined();
	});
	it('counts spintax variations', () => {
		expect(spintaxVariations('{Hi|Hello} {there|friend|you}')).toBe(6);
		expect(spintaxVariations('plain')).toBe(1);
	});
	it('checks polls, GIFs, carousels, Google events and WordPress articles', () => {
		const rules = (p: Parameters<typeof checkNetworkBlock>[0], block: Record<string, unknown>) => checkNetworkBlock(p, block as never, 'n').map((x) => `${x.field}: ${x.rule}`);
		expect(rules('twitter', { type: 'poll', text: 'q', options: ['a', 'a'], duration: 9 })).toEqual([
			'n.options: poll options must be unique',
			'n.duration: X (Twitter) polls last at most 7 days',
		]);
		expect(rules('linkedin', { type: 'poll', text: 'q', options: ['a', 'b'], duration: 3 })).toEqual(['n.question: LinkedIn polls need a question (Poll Question) besides the text']);
		expect(rules('facebook', { type: 'gif', media: [{ id: 'a', type: 'gif' }, { id: 'b', type: 'gif' }] })).toContain('n.media: GIF posts take exactly one GIF');
		expect(rules('facebook', { type: 'carousel', sublinks: [{ url: 'u', title: 't', description: 'd', images: [] }] })).toEqual(['n.sublinks[0].images: each carousel link needs at least one image URL']);
		expect(rules('google', { type: 'event', text: 'x', details: { type: 'event', title: 'T' } })).toEqual([
			'n.details.start: Google Business event posts need details.start',
			'n.details.end: Google Business event posts need details.end',
		]);
		expect(rules('wordpress', { type: 'article' })).toEqual(['n.title: WordPress articles need a title', 'n.content: WordPress articles need content (text or content blocks)']);
		expect(rules('twitter', { type: 'status', text: 'x'.repeat(1000), details: { type: 'long_post' } })).toEqual([]);
		expect(rules('google', { type: 'photo', media: [{ id: 'v', type: 'video' }] })).toContain('n.media: Google Business posts cannot contain videos');
	});
});
