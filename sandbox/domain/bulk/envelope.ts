// Synchronous validation of a post-creation body: what Publer answers with 400 before any job exists (§12.3).
import { badRequest, HttpError } from '../../util/httpError';
import { parseDateTime, parseDateOrDateTime } from '../../util/time';
import { ALL_NETWORK_KEYS } from '../networks';

const BULK_STATES = ['scheduled', 'draft', 'draft_public', 'draft_private', 'recurring', 'auto', 'recycle', 'published'];
const MAX_POSTS = 500;
const DURATION_UNITS = ['Minute', 'Hour', 'Day', 'Week'];

export function isObject(value: unknown): value is Record<string, any> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface Envelope { state: string; posts: any[]; immediate: boolean }

/** Synchronous validation → 400 {"errors":[...]} (publer-api.md §12.3). */
export function validateEnvelope(body: any, immediateEndpoint: boolean): Envelope {
	const errors: string[] = [];
	const fail = () => {
		if (errors.length) throw new HttpError(400, errors[0], { errors: errors.slice(0, 20) });
	};
	if (!isObject(body) || !isObject(body.bulk)) throw badRequest('bulk is required');
	const bulk = body.bulk;
	if (typeof bulk.state !== 'string' || !bulk.state) throw badRequest('bulk.state is required');
	const state = bulk.state;
	if (!BULK_STATES.includes(state)) throw badRequest(`bulk.state "${state}" is not valid; use one of scheduled, draft, draft_public, draft_private, recurring`);
	let immediate = immediateEndpoint;
	if (immediateEndpoint && state !== 'scheduled' && state !== 'published') {
		throw badRequest('Immediate publishing requires bulk.state "scheduled"');
	}
	if (!immediateEndpoint && state === 'published') {
		if (bulk.url === 'publish') immediate = true;
		else throw badRequest('bulk.state "published" is only accepted by POST /posts/schedule/publish');
	}
	if (!Array.isArray(bulk.posts) || bulk.posts.length === 0) throw badRequest('bulk.posts must be a non-empty array');
	if (bulk.posts.length > MAX_POSTS) throw badRequest(`bulk.posts has ${bulk.posts.length} posts; at most ${MAX_POSTS} posts are allowed per request`);
	const idea = state === 'draft_public' || state === 'draft_private';
	const anyRecurring = bulk.posts.some((p: any) => isObject(p) && p.recurring !== undefined) || state === 'recurring';
	if (anyRecurring && bulk.posts.length > 1) {
		throw badRequest('Recurring posts are not supported in bulk scheduling: send one recurring post per request');
	}
	bulk.posts.forEach((post: any, i: number) => {
		const at = `bulk.posts[${i}]`;
		if (!isObject(post)) {
			errors.push(`${at} must be an object`);
			return;
		}
		if (!isObject(post.networks) || Object.keys(post.networks).length === 0) {
			errors.push(`${at}.networks is required`);
			return;
		}
		for (const [key, block] of Object.entries(post.networks)) {
			if (!ALL_NETWORK_KEYS.includes(key)) errors.push(`${at}.networks has unknown network "${key}"`);
			else if (!isObject(block)) errors.push(`${at}.networks.${key} must be an object`);
			else if (typeof block.type !== 'string' || !block.type) errors.push(`${at}.networks.${key}.type is required`);
		}
		if (post.accounts === undefined || (Array.isArray(post.accounts) && post.accounts.length === 0 && idea)) {
			if (!idea) errors.push(`${at}.accounts is required`);
			else if (!isObject(post.networks.default)) errors.push(`${at}.networks.default is required for ideas without accounts`);
		} else if (!Array.isArray(post.accounts) || post.accounts.length === 0) {
			errors.push(`${at}.accounts must be a non-empty array`);
		} else {
			post.accounts.forEach((a: any, j: number) => {
				if (!isObject(a) || typeof a.id !== 'string' || !a.id) errors.push(`${at}.accounts[${j}].id is required`);
			});
		}
		if (state === 'recurring' && !isObject(post.recurring)) errors.push(`${at}.recurring is required when bulk.state is "recurring"`);
		if (post.recurring !== undefined) validateRecurring(post.recurring, `${at}.recurring`, errors);
		if (state === 'recycle' && !isObject(post.recycling)) errors.push(`${at}.recycling is required when bulk.state is "recycle"`);
		if (post.recycling !== undefined) validateRecycling(post.recycling, `${at}.recycling`, errors);
		const auto = post.auto === true || state === 'auto';
		if (auto && !post.share_next) {
			if (!isObject(post.range) || Number.isNaN(parseDateOrDateTime(post.range.start_date))) {
				errors.push(`${at}.range.start_date is required for auto-scheduling (or set share_next)`);
			} else if (post.range.end_date !== undefined && post.range.end_date !== null && Number.isNaN(parseDateOrDateTime(post.range.end_date, true))) {
				errors.push(`${at}.range.end_date is not a valid date`);
			}
		}
		if (Array.isArray(post.accounts)) {
			post.accounts.forEach((a: any, j: number) => {
				if (!isObject(a)) return;
				for (const cb of ['share', 'delete'] as const) {
					if (a[cb] !== undefined && !isObject(a[cb])) errors.push(`${at}.accounts[${j}].${cb} must be an object`);
				}
				if (a.comments !== undefined && !Array.isArray(a.comments)) errors.push(`${at}.accounts[${j}].comments must be an array`);
				const durations: [string, any][] = [];
				if (isObject(a.share)) durations.push(['share.after', a.share.after], ['share.delay', a.share.delay]);
				if (isObject(a.delete)) durations.push(['delete.delay', a.delete.delay]);
				if (Array.isArray(a.comments)) a.comments.forEach((c: any, k: number) => durations.push([`comments[${k}].delay`, c?.delay]));
				for (const [name, d] of durations) {
					if (d === undefined || d === null) continue;
					if (!isObject(d) || typeof d.duration !== 'number' || d.duration < 0 || !DURATION_UNITS.includes(d.unit)) {
						errors.push(`${at}.accounts[${j}].${name} must be {"duration": <number>, "unit": "Minute"|"Hour"|"Day"|"Week"}`);
					}
				}
			});
		}
	});
	fail();
	return { state, posts: bulk.posts, immediate };
}

function validateRecurring(recurring: any, at: string, errors: string[]): void {
	if (!isObject(recurring)) {
		errors.push(`${at} must be an object`);
		return;
	}
	const repeat = recurring.repeat ?? recurring.frequency;
	if (!['daily', 'weekly', 'monthly', 'yearly', 'Day', 'Week', 'Month', 'Year'].includes(repeat)) {
		errors.push(`${at}.repeat must be one of daily, weekly, monthly, yearly`);
	}
	if (Number.isNaN(parseDateTime(recurring.start_date))) errors.push(`${at}.start_date must be an ISO 8601 datetime`);
	if (recurring.end_date !== undefined && recurring.end_date !== null && Number.isNaN(parseDateTime(recurring.end_date))) errors.push(`${at}.end_date must be an ISO 8601 datetime`);
	const rate = recurring.repeat_rate ?? recurring.repeat_every;
	if (rate !== undefined && (!Number.isInteger(Number(rate)) || Number(rate) < 1)) errors.push(`${at}.repeat_rate must be a positive integer`);
	if (recurring.days_of_week !== undefined) {
		if (!Array.isArray(recurring.days_of_week) || !recurring.days_of_week.every((d: any) => Number.isInteger(d) && d >= 0 && d <= 6)) {
			errors.push(`${at}.days_of_week must be an array of integers 0..6`);
		}
	}
	if ((repeat === 'weekly' || repeat === 'Week') && recurring.days_of_week === undefined && recurring.weekdays === undefined) {
		errors.push(`${at}.days_of_week is required for weekly recurrence`);
	}
}

function validateRecycling(recycling: any, at: string, errors: string[]): void {
	if (!isObject(recycling)) {
		errors.push(`${at} must be an object`);
		return;
	}
	if (recycling.gap !== undefined && (!(Number(recycling.gap) > 0))) errors.push(`${at}.gap must be a positive number`);
	if (recycling.gap_freq !== undefined && !['Day', 'Week', 'Month'].includes(recycling.gap_freq)) errors.push(`${at}.gap_freq must be Day, Week or Month`);
	if (recycling.start_date !== undefined && Number.isNaN(parseDateOrDateTime(recycling.start_date))) errors.push(`${at}.start_date must be a date (YYYY-MM-DD)`);
	if (recycling.expire_date !== undefined && recycling.expire_date !== null && Number.isNaN(parseDateOrDateTime(recycling.expire_date))) errors.push(`${at}.expire_date must be a date (YYYY-MM-DD)`);
	if (recycling.expire_count !== undefined && recycling.expire_count !== null && (!Number.isInteger(Number(recycling.expire_count)) || Number(recycling.expire_count) < 1)) {
		errors.push(`${at}.expire_count must be a positive integer`);
	}
}
