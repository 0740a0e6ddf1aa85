import { formatInZone, offsetMinutes, parseDate, parseDateTime } from '../../nodes/Publer/helpers/dates';
import { checkNetworkBlock, spintaxVariations } from '../../nodes/Publer/helpers/networkRules';
import { weekdayIndex } from '../../nodes/Publer/helpers/postBody';

describe('dates (Intl-based, no luxon)', () => {
	it('computes offsets across DST', () => {
		expect(offsetMinutes(Date.parse('2025-07-01T12:00:00Z'), 'Europe/Berlin')).toBe(120);
		expect(offsetMinutes(Date.parse('2025-01-01T12:00:00Z'), 'Europe/Berlin')).toBe(60);
		expect(offsetMinutes(Date.parse('2025-01-01T12:00:00Z'), 'Asia/Kolkata')).toBe(330);
		expect(offsetMinutes(Date.parse('2025-07-01T12:00:00Z'), 'America/New_York')).toBe(-240);
	});
	it('reads a wall time without offset in the timezone and keeps explicit offsets as instants', () => {
		expect(parseDateTime('2025-06-01T09:00', 'Europe/Berlin')?.iso).toBe('2025-06-01T09:00:00+02:00');
		expect(parseDateTime('2025-06-01 09:00:30', 'America/New_York')?.iso).toBe('2025-06-01T09:00:30-04:00');
		expect(parseDateTime('2025-06-01T09:00:00Z', 'Europe/Berlin')?.iso).toBe('2025-06-01T11:00:00+02:00');
		expect(parseDateTime('2025-06-01T09:00+05:30', 'UTC')?.iso).toBe('2025-06-01T03:30:00+00:00');
		expect(parseDateTime(new Date('2025-06-01T09:00:00Z'), 'UTC')?.ms).toBe(Date.parse('2025-06-01T09:00:00Z'));
		expect(parseDateTime({ toISO: () => '2025-06-01T09:00:00.000+02:00' }, 'Europe/Berlin')?.iso).toBe('2025-06-01T09:00:00+02:00');
		expect(parseDateTime('2025-02-30T09:00', 'UTC')).toBeUndefined();
		expect(parseDateTime('tomorrow', 'UTC')).toBeUndefined();
	});
	it('moves a time in the spring-forward gap forward and formats in zone', () => {
		expect(parseDateTime('2025-03-30T02:30', 'Europe/Berlin')?.iso).toBe('2025-03-30T03:30:00+02:00');
		expect(formatInZone(Date.parse('2025-10-26T00:30:00Z'), 'Europe/Berlin')).toBe('2025-10-26T02:30:00+02:00');
		expect(formatInZone(Date.parse('2025-10-26T01:30:00Z'), 'Europe/Berlin')).toBe('2025-10-26T02:30:00+01:00');
	});
	it('reads calendar dates in the workflow timezone', () => {
		expect(parseDate('2025-06-01', 'Asia/Tokyo')).toBe('2025-06-01');
		expect(parseDate('2025-06-01T20:00:00Z', 'Asia/Tokyo')).toBe('2025-06-02');
	});
});

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
