import { formatInZone, offsetMinutes, parseDate, parseDateTime } from '../../../nodes/shared/dates';

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
