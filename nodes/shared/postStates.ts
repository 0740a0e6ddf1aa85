import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * Every post state `GET /posts` documents (publer-api.md §5.6), with the label both nodes show for it.
 * The trigger stores a state as its index in this list, so the order is part of the stored cursor:
 * append new states at the end, never reorder.
 */
const POST_STATE_LIST = [
	['scheduled', 'Scheduled (Any)'],
	['scheduled_approved', 'Scheduled, Approved'],
	['scheduled_pending', 'Scheduled, Pending Approval'],
	['scheduled_declined', 'Scheduled, Approval Declined'],
	['scheduled_reauth', 'Scheduled, Account Needs Reconnection'],
	['scheduled_locked', 'Scheduled, Locked'],
	['published', 'Published (Any)'],
	['published_posted', 'Published (Live)'],
	['published_deleted', 'Published, Then Deleted'],
	['published_hidden', 'Published, Then Hidden'],
	['draft', 'Draft (Any)'],
	['draft_dated', 'Draft With Date'],
	['draft_undated', 'Draft Without Date'],
	['draft_private', 'Idea (Private)'],
	['draft_public', 'Idea (Public)'],
	['failed', 'Failed'],
	['recycling', 'Recycling (Any)'],
	['recycling_active', 'Recycling Active'],
	['recycling_paused', 'Recycling Paused'],
	['recycling_expired', 'Recycling Expired'],
	['recycling_failed', 'Recycling Failed'],
	['recycling_pending', 'Recycling Pending Approval'],
	['recycling_declined', 'Recycling Declined'],
	['recycling_reauth', 'Recycling, Account Needs Reconnection'],
	['recycling_locked', 'Recycling Locked'],
	['recurring', 'Recurring'],
] as const;

export type PostState = (typeof POST_STATE_LIST)[number][0];

/** The states, in stored order. */
export const POST_STATES: readonly PostState[] = POST_STATE_LIST.map(([state]) => state);

/** `GET /posts` also takes `all`, which is no state of its own. */
export const POST_STATE_FILTERS: readonly string[] = ['all', ...POST_STATES];

const LABELS = new Map<string, string>([['all', 'All'], ...POST_STATE_LIST]);

export function isPostState(value: string): value is PostState {
	return (POST_STATES as readonly string[]).includes(value);
}

/** The dropdown options for the given states, sorted by label as n8n's lint rules require. */
export function postStateOptions(states: readonly string[] = POST_STATES): INodePropertyOptions[] {
	return states.map((state) => ({ name: LABELS.get(state) ?? state, value: state })).sort((a, b) => a.name.localeCompare(b.name));
}
