import type { IDataObject } from 'n8n-workflow';

import { dateInZone, parseDate, parseDateTime, type ParsedDateTime } from '../../../shared/dates';
import type { Provider } from '../../../shared/networks';
import type { AccountInfo } from '../../../shared/types';
import { isGiven } from '../../../shared/values';
import { withoutEmpty } from './json';
import { NETWORK_RULES, spintaxVariations, type RuleProblem } from './rules';
import type { AccountSetting, DaysOfWeekIndexing, PostInput, PostTarget } from './types';

/** Publer's documented minimum lead time for `scheduled_at` (§3.2). */
export const MIN_LEAD_MS = 60_000;

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** The `recurring.days_of_week` number of a weekday name, in the chosen numbering. */
export function weekdayIndex(day: string, indexing: DaysOfWeekIndexing): number | undefined {
	const index = WEEKDAYS.indexOf(day.trim().toLowerCase() as Weekday);
	if (index < 0) {
		// Numbers are accepted too, already in the chosen convention.
		const number = Number(day);
		return Number.isInteger(number) && number >= 0 && number <= 6 && day.trim() !== '' ? number : undefined;
	}
	return indexing === 'sunday0' ? index : (index + 6) % 7;
}

const DAY_MS = 86_400_000;

function timeProblem(field: string, parsed: ParsedDateTime, now: number): RuleProblem | undefined {
	if (parsed.ms < now + MIN_LEAD_MS) {
		return {
			field,
			rule: `Publer needs scheduled times at least 1 minute in the future; ${parsed.iso} is ${parsed.ms < now ? 'in the past' : 'less than 1 minute ahead'}`,
		};
	}
	return undefined;
}

/** The time every account gets unless its Per-Account Settings give another (schedule, dated draft, recycling). */
export function sharedScheduledTime(input: PostInput, fatal: RuleProblem[]): ParsedDateTime | undefined {
	const timeZone = input.timeZone;
	let scheduled: ParsedDateTime | undefined;
	if (isGiven(input.scheduledAt) && (input.mode === 'schedule' || input.mode === 'draft' || input.mode === 'recycling')) {
		scheduled = parseDateTime(input.scheduledAt, timeZone);
		if (!scheduled) fatal.push({ field: 'scheduledAt', rule: `"${String(input.scheduledAt)}" is not a date and time (use e.g. 2025-06-01T09:00 or an ISO 8601 value)` });
	}
	return scheduled;
}

/** Auto-scheduling: Publer picks the slot, within an optional range (§7.5). */
export function addAutoSchedule(post: IDataObject, input: PostInput, fatal: RuleProblem[], problems: RuleProblem[]): void {
	const timeZone = input.timeZone;
	post.auto = true;
	const start = isGiven(input.autoStart) ? parseDateTime(input.autoStart, timeZone) : undefined;
	const end = isGiven(input.autoEnd) ? parseDateTime(input.autoEnd, timeZone) : undefined;
	if (isGiven(input.autoStart) && !start) fatal.push({ field: 'autoStart', rule: `"${String(input.autoStart)}" is not a date and time` });
	if (isGiven(input.autoEnd) && !end) fatal.push({ field: 'autoEnd', rule: `"${String(input.autoEnd)}" is not a date and time` });
	const startIso = start?.iso ?? (input.shareNext ? undefined : parseDateTime(input.now, timeZone)?.iso);
	const range = withoutEmpty({ start_date: startIso, end_date: end?.iso });
	if (Object.keys(range).length) post.range = range;
	if (input.shareNext) post.share_next = true;
	if (start && end && end.ms < start.ms) problems.push({ field: 'autoEnd', rule: `the range ends (${end.iso}) before it starts (${start.iso})` });
	if (end && end.ms < input.now) problems.push({ field: 'autoEnd', rule: `the range ends in the past (${end.iso})` });
}

/** Recurring posts (§7.7). */
export function addRecurring(post: IDataObject, input: PostInput, accounts: AccountInfo[], fatal: RuleProblem[], problems: RuleProblem[]): void {
	const timeZone = input.timeZone;
	const start = parseDateTime(input.recurringStart, timeZone);
	if (!isGiven(input.recurringStart)) fatal.push({ field: 'recurringStart', rule: 'recurring posts need a start date and time' });
	else if (!start) fatal.push({ field: 'recurringStart', rule: `"${String(input.recurringStart)}" is not a date and time` });
	const end = isGiven(input.recurringEnd) ? parseDateTime(input.recurringEnd, timeZone) : undefined;
	if (isGiven(input.recurringEnd) && !end) fatal.push({ field: 'recurringEnd', rule: `"${String(input.recurringEnd)}" is not a date and time` });
	const repeat = String(input.repeat || 'weekly');
	if (!['daily', 'weekly', 'monthly', 'yearly'].includes(repeat)) fatal.push({ field: 'repeat', rule: 'repeat is daily, weekly, monthly or yearly' });
	const rate = Number(input.repeatRate ?? 1);
	// A value that is not a number at all is refused even with validation off: it would be sent as null.
	if (!Number.isInteger(rate) || rate < 1) (Number.isFinite(rate) ? problems : fatal).push({ field: 'repeatRate', rule: 'the interval (repeat every) is a whole number of at least 1' });
	const recurring: IDataObject = withoutEmpty({ start_date: start?.iso, end_date: end?.iso, repeat, repeat_rate: rate });
	if (repeat === 'weekly') {
		let days: number[] = [];
		const names = input.daysOfWeek ?? [];
		for (const name of names) {
			const index = weekdayIndex(String(name), input.daysOfWeekIndexing);
			if (index === undefined) fatal.push({ field: 'daysOfWeek', rule: `"${String(name)}" is not a weekday name (Monday … Sunday)` });
			else days.push(index);
		}
		if (!days.length && start) {
			// No day chosen: the weekday of the start date, in the workflow's timezone.
			const startDay = new Date(`${dateInZone(start.ms, timeZone)}T12:00:00Z`).getUTCDay();
			days = [input.daysOfWeekIndexing === 'sunday0' ? startDay : (startDay + 6) % 7];
		}
		recurring.days_of_week = [...new Set(days)].sort((a, b) => a - b);
	} else if (input.daysOfWeek?.length) {
		problems.push({ field: 'daysOfWeek', rule: `days of the week apply to weekly recurrence only, not ${repeat}` });
	}
	if (start && end && end.ms <= start.ms) problems.push({ field: 'recurringEnd', rule: `the recurrence ends (${end.iso}) before it starts (${start.iso})` });
	if (start && start.ms < input.now) problems.push({ field: 'recurringStart', rule: `the first occurrence (${start.iso}) is in the past` });
	post.recurring = recurring;
	for (const account of accounts) {
		const rule = NETWORK_RULES[account.provider];
		if (rule.noRecycling) problems.push({ field: 'accounts', rule: `${rule.label} (${account.name}) does not support recurring posts` });
	}
}

/** Recycling (§7.6). */
export function addRecycling(post: IDataObject, input: PostInput, accounts: AccountInfo[], fatal: RuleProblem[], problems: RuleProblem[]): void {
	const timeZone = input.timeZone;
	const gap = Number(input.recyclingGap ?? 1);
	const gapFreq = String(input.recyclingGapFreq || 'Week');
	if (!(gap > 0) || !Number.isInteger(gap)) (Number.isFinite(gap) ? problems : fatal).push({ field: 'recyclingGap', rule: 'the gap between reposts is a whole number of at least 1' });
	if (!['Day', 'Week', 'Month'].includes(gapFreq)) fatal.push({ field: 'recyclingGapFreq', rule: 'the gap unit is Day, Week or Month' });
	const startDate = isGiven(input.recyclingStartDate) ? parseDate(input.recyclingStartDate, timeZone) : undefined;
	if (isGiven(input.recyclingStartDate) && !startDate) fatal.push({ field: 'recyclingStartDate', rule: `"${String(input.recyclingStartDate)}" is not a date` });
	const recycling: IDataObject = { solo: input.recyclingSolo === true, gap, gap_freq: gapFreq };
	if (startDate) recycling.start_date = startDate;
	if (startDate && startDate < dateInZone(input.now, timeZone)) problems.push({ field: 'recyclingStartDate', rule: `the first recycle date (${startDate}) is in the past` });
	const by = input.recyclingExpireBy ?? 'count';
	if (by === 'count') {
		const count = Number(input.recyclingExpireCount);
		if (!Number.isInteger(count) || count < 1) (Number.isFinite(count) ? problems : fatal).push({ field: 'recyclingExpireCount', rule: 'stop after a whole number of reposts, at least 1' });
		recycling.expire_count = count;
	} else if (by === 'date') {
		const expire = parseDate(input.recyclingExpireDate, timeZone);
		if (!expire) fatal.push({ field: 'recyclingExpireDate', rule: `"${String(input.recyclingExpireDate ?? '')}" is not a date` });
		else {
			recycling.expire_date = expire;
			const from = startDate ?? dateInZone(input.now, timeZone);
			if (expire <= from) problems.push({ field: 'recyclingExpireDate', rule: `recycling would stop (${expire}) before it starts (${from})` });
		}
	}
	post.recycling = recycling;
	for (const account of accounts) {
		const rule = NETWORK_RULES[account.provider];
		if (rule.noRecycling) problems.push({ field: 'accounts', rule: `${rule.label} (${account.name}) does not support recycling` });
	}
}

/** Networks that recycle or repeat a post only with enough spintax variations (§7.6). */
export function spintaxProblems(input: PostInput, providers: Provider[], networks: IDataObject): RuleProblem[] {
	const problems: RuleProblem[] = [];
	if ((input.mode !== 'recycling' && input.mode !== 'recurring') || !providers.length) return problems;
	for (const provider of providers) {
		const rule = NETWORK_RULES[provider];
		if (!rule.spintaxForRecycling) continue;
		const key = rule.keys[0];
		const text = String(((networks[key] as IDataObject) ?? {}).text ?? '');
		const variations = spintaxVariations(text);
		if (variations < 10) {
			problems.push({
				field: `networks.${key}.text`,
				rule: `${rule.label} ${input.mode === 'recycling' ? 'recycled' : 'recurring'} posts need at least 10 text variations (spintax such as {Hi|Hello}); this text has ${variations}`,
			});
		}
	}
	return problems;
}

/**
 * Sets one account's `scheduled_at` and records on its target when the post will appear, so the duplicate
 * guard and Resolve Post IDs can find it again.
 */
export function scheduleTarget(
	post: IDataObject,
	target: IDataObject,
	meta: PostTarget,
	input: PostInput,
	account: AccountInfo,
	setting: AccountSetting | undefined,
	shared: ParsedDateTime | undefined,
	fatal: RuleProblem[],
	problems: RuleProblem[],
): void {
	const timeZone = input.timeZone;
	let time = shared;
	if (isGiven(setting?.scheduledAt)) {
		time = parseDateTime(setting?.scheduledAt, timeZone);
		if (!time) fatal.push({ field: `accountSettings[${account.id}].scheduledAt`, rule: `"${String(setting?.scheduledAt)}" is not a date and time` });
	}
	switch (input.mode) {
		case 'schedule':
			if (!time) {
				if (!isGiven(input.scheduledAt) && !isGiven(setting?.scheduledAt)) {
					fatal.push({ field: 'scheduledAt', rule: `a scheduled post needs a time for ${account.name} (set Scheduled At, or a time in Per-Account Settings)` });
				}
			} else {
				target.scheduled_at = time.iso;
				const problem = timeProblem(isGiven(setting?.scheduledAt) ? `accountSettings[${account.id}].scheduledAt` : 'scheduledAt', time, input.now);
				if (problem) problems.push(problem);
			}
			break;
		case 'draft':
		case 'recycling':
			if (time) {
				target.scheduled_at = time.iso;
				if (input.mode === 'recycling') {
					const problem = timeProblem('scheduledAt', time, input.now);
					if (problem) problems.push(problem);
				}
			}
			break;
		default:
			break;
	}
	if (time && target.scheduled_at) {
		meta.scheduledAt = time.iso;
		meta.scheduledAtMs = time.ms;
	}
	if (input.mode === 'recurring' && (post.recurring as IDataObject)?.start_date) {
		const start = parseDateTime((post.recurring as IDataObject).start_date, timeZone);
		if (start) {
			meta.scheduledAt = start.iso;
			meta.scheduledAtMs = start.ms;
		}
	}
	if (input.mode === 'publishNow') {
		meta.windowFrom = input.now - 5 * 60_000;
		meta.windowTo = input.now + 60 * 60_000;
	}
	if (input.mode === 'auto') {
		const range = (post.range as IDataObject) ?? {};
		const from = range.start_date ? parseDateTime(range.start_date, timeZone)?.ms : input.now;
		const to = range.end_date ? parseDateTime(range.end_date, timeZone)?.ms : undefined;
		meta.windowFrom = (from ?? input.now) - 60_000;
		meta.windowTo = to !== undefined ? to + DAY_MS : (from ?? input.now) + 400 * DAY_MS;
	}
	if (input.mode === 'recycling' && !meta.scheduledAtMs) {
		const start = (post.recycling as IDataObject).start_date;
		const from = start ? parseDateTime(start, timeZone)?.ms ?? input.now : input.now;
		meta.windowFrom = Math.min(from, input.now) - 5 * 60_000;
		meta.windowTo = from + 2 * DAY_MS;
	}
}
