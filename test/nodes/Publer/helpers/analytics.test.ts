import {
	analyticsAccountType,
	analyticsPath,
	bestSlots,
	flattenCompetitorInsight,
	flattenPostInsight,
	toPublerDate,
} from '../../../../nodes/Publer/helpers/analytics';
import { normaliseHashtag } from '../../../../nodes/Publer/actions/analytics/getHashtagTopPosts.operation';

describe('analytics helpers', () => {
	/** A Luxon DateTime as expressions such as $now and $today give it (only the parts the node uses). */
	const luxon = (isoDate: string | null, isValid = true) => ({ isLuxonDateTime: true, isValid, toISODate: () => isoDate, toISO: () => isoDate });

	it('turns date values and expressions into YYYY-MM-DD in the workflow timezone', () => {
		expect(toPublerDate('2025-05-01', 'UTC')).toBe('2025-05-01');
		expect(toPublerDate('2025-05-01T00:00:00', 'Asia/Tokyo')).toBe('2025-05-01'); // date picker: wall clock
		expect(toPublerDate('2025-05-01T23:30:00Z', 'Europe/Berlin')).toBe('2025-05-02');
		expect(toPublerDate('2025-05-01T01:30:00+02:00', 'UTC')).toBe('2025-04-30');
		expect(toPublerDate(new Date('2025-05-01T12:00:00Z'), 'America/Los_Angeles')).toBe('2025-05-01');
		expect(toPublerDate(Date.UTC(2025, 4, 1, 23), 'Pacific/Auckland')).toBe('2025-05-02');
		expect(toPublerDate(luxon('2025-05-01'), 'UTC')).toBe('2025-05-01');
		expect(toPublerDate('', 'UTC')).toBeUndefined();
		expect(toPublerDate(undefined, 'UTC')).toBeUndefined();
		expect(toPublerDate('yesterday', 'UTC')).toBeNull();
		expect(toPublerDate('2025-13-01', 'UTC')).toBeNull();
		expect(toPublerDate(luxon(null, false), 'UTC')).toBeNull();
		expect(toPublerDate('2025-05-01', 'Not/AZone')).toBe('2025-05-01');
	});

	it('builds account or workspace paths', () => {
		expect(analyticsPath('abc', 'chart_data')).toBe('/analytics/abc/chart_data');
		expect(analyticsPath(undefined, 'chart_data')).toBe('/analytics/chart_data');
		expect(analyticsPath('abc', 'analytics', '/competitors')).toBe('/competitors/abc/analytics');
	});

	it('flattens post insights and competitor rows', () => {
		expect(
			flattenPostInsight({ id: 'p', text: 't', details: { labels: [{ id: 'l', name: 'Campaign' }] }, analytics: { reach: 5, likes: 1 } }),
		).toEqual({ id: 'p', text: 't', labels: ['Campaign'], reach: 5, likes: 1 });
		expect(flattenCompetitorInsight({ account: { id: 'a', name: 'Rival', provider: 'instagram', my_account: false }, followers: 3 })).toEqual({
			account_id: 'a',
			name: 'Rival',
			provider: 'instagram',
			my_account: false,
			followers: 3,
		});
	});

	it('ranks best-time slots', () => {
		const grid: Record<string, number[]> = {};
		for (const d of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']) grid[d] = Array(24).fill(0);
		grid.Friday[18] = 9;
		grid.Monday[9] = 7.5;
		expect(bestSlots(grid, 2)).toEqual([
			{ rank: 1, day: 'Friday', hour: 18, time: '18:00', score: 9 },
			{ rank: 2, day: 'Monday', hour: 9, time: '09:00', score: 7.5 },
		]);
	});

	it('maps accounts to chart account types and normalises hashtags', () => {
		expect(analyticsAccountType('instagram', 'business')).toBe('ig_business');
		expect(analyticsAccountType('facebook', 'page')).toBe('fb_page');
		expect(analyticsAccountType('linkedin', 'profile')).toBe('in_profile');
		expect(analyticsAccountType('pinterest', 'profile')).toBe('pin_personal');
		expect(normaliseHashtag('smm')).toBe('#smm');
		expect(normaliseHashtag('##smm ')).toBe('#smm');
		expect(normaliseHashtag('#')).toBe('');
	});
});
