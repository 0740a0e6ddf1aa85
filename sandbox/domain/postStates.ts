// Post states of publer-api.md §5.6 and the `state` filter of GET /posts (aggregates match their sub-states).

const AGGREGATES: Record<string, RegExp> = {
	scheduled: /^scheduled/, published: /^published/, draft: /^draft/, recycling: /^recycling/,
};

const FILTER_STATES = new Set(['all', 'scheduled', 'scheduled_approved', 'scheduled_pending', 'scheduled_declined', 'scheduled_reauth', 'scheduled_locked',
	'published', 'published_posted', 'published_deleted', 'published_hidden', 'draft', 'draft_dated', 'draft_undated', 'draft_private', 'draft_public',
	'failed', 'recycling', 'recycling_active', 'recycling_paused', 'recycling_expired', 'recycling_failed', 'recycling_pending', 'recycling_declined',
	'recycling_reauth', 'recycling_locked', 'recurring']);

/** A predicate for one `state` filter value, or null when the value is not a state. */
export function stateMatcher(filter: string): ((state: string) => boolean) | null {
	if (!FILTER_STATES.has(filter)) return null;
	if (filter === 'all') return () => true;
	const aggregate = AGGREGATES[filter];
	if (aggregate) return (state) => aggregate.test(state);
	return (state) => state === filter;
}
