import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { formatInZone } from '../../../../shared/dates';
import { publerApiRequestAllItems } from '../../../../shared/transport';
import type { PreparedPost, SubmitOptions, TargetRef } from './types';

/** How far a listed post's time may be from the time sent and still be the same post. */
const TIME_TOLERANCE_MS = 60_000;

function normaliseText(text: unknown): string {
	return String(text ?? '')
		.replace(/\s+/g, ' ')
		.trim();
}

function textMatches(sent: string, listed: unknown): boolean {
	const sentText = normaliseText(sent);
	const listedText = normaliseText(listed);
	if (sentText === listedText) return true;
	// X without Premium cuts long posts at 280 characters; Publer may also trim.
	return listedText.length >= 20 && sentText.startsWith(listedText);
}

/** Every (post × account) of the posts. */
export function targetsOf(posts: PreparedPost[]): TargetRef[] {
	return posts.flatMap((post) => post.built.targets.map((target) => ({ post, target })));
}

/**
 * Finds the posts Publer holds for the given targets: one `GET /posts` walk filtered by the targets'
 * accounts and time window, then matched by account, text and scheduled time (each listed post is used
 * once). Returns the listed post per target, or undefined when none matches.
 */
export async function findExistingPosts(
	this: IExecuteFunctions,
	workspaceId: string,
	refs: TargetRef[],
	options: SubmitOptions,
	stats?: { requests: number },
): Promise<Map<TargetRef, IDataObject | undefined>> {
	const result = new Map<TargetRef, IDataObject | undefined>();
	if (!refs.length) return result;
	const withAccounts = refs.filter((ref) => ref.target.accountId);
	const ideas = refs.filter((ref) => !ref.target.accountId);
	const queries: Array<{ qs: IDataObject; refs: TargetRef[] }> = [];

	if (withAccounts.length) {
		const accountIds = [...new Set(withAccounts.map((ref) => ref.target.accountId))];
		let from = Infinity;
		let to = -Infinity;
		let bounded = true;
		for (const { target } of withAccounts) {
			if (target.scheduledAtMs !== undefined) {
				from = Math.min(from, target.scheduledAtMs - TIME_TOLERANCE_MS);
				to = Math.max(to, target.scheduledAtMs + TIME_TOLERANCE_MS);
			} else if (target.windowFrom !== undefined && target.windowTo !== undefined) {
				from = Math.min(from, target.windowFrom);
				to = Math.max(to, target.windowTo);
			} else bounded = false;
		}
		const qs: IDataObject = { account_ids: accountIds };
		if (bounded && Number.isFinite(from) && Number.isFinite(to)) {
			qs.from = formatInZone(from, options.timeZone);
			qs.to = formatInZone(to, options.timeZone);
		} else {
			// Undated drafts have no time to filter on; narrow to drafts instead.
			const states = [...new Set(withAccounts.map((ref) => ref.post.built.state))];
			if (states.every((state) => state.startsWith('draft'))) qs.state = states.length === 1 ? states[0] : states;
		}
		queries.push({ qs, refs: withAccounts });
	}
	if (ideas.length) {
		const states = [...new Set(ideas.map((ref) => ref.post.built.state))];
		const qs: IDataObject = { state: states.length === 1 ? states[0] : states };
		if (ideas.length === 1 && ideas[0].target.text) qs.query = normaliseText(ideas[0].target.text).slice(0, 80);
		queries.push({ qs, refs: ideas });
	}

	for (const query of queries) {
		const listed = await publerApiRequestAllItems.call(this, {
			method: 'GET',
			path: '/posts',
			workspaceId,
			qs: query.qs as Record<string, string | string[]>,
			itemsKey: 'posts',
			maxRateLimitWaitMs: options.maxRateLimitWaitMs,
			timers: options.timers,
		});
		if (stats) stats.requests += listed.pages;
		// Listed posts by account (ideas under ''): each target is compared with its account's posts only.
		const byAccount = new Map<string, IDataObject[]>();
		for (const listedPost of listed.items) {
			const key = String(listedPost.account_id ?? '');
			const list = byAccount.get(key);
			if (list) list.push(listedPost);
			else byAccount.set(key, [listedPost]);
		}
		const used = new Set<IDataObject>();
		for (const ref of query.refs) {
			const target = ref.target;
			const match = (byAccount.get(target.accountId || '') ?? []).find((listedPost) => {
				if (used.has(listedPost)) return false;
				if (!textMatches(target.text, listedPost.text)) return false;
				if (target.scheduledAtMs !== undefined && listedPost.scheduled_at) {
					const listedMs = Date.parse(String(listedPost.scheduled_at));
					if (!Number.isNaN(listedMs) && Math.abs(listedMs - target.scheduledAtMs) > TIME_TOLERANCE_MS) return false;
				}
				return true;
			});
			if (match) used.add(match);
			result.set(ref, match);
		}
	}
	return result;
}
