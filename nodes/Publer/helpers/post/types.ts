import type { IDataObject } from 'n8n-workflow';

import type { Provider } from '../../../shared/networks';
import type { RuleProblem } from './rules';

/** Publishing methods of Post → Create (publer-api.md §7). */
export type PostMode = 'publishNow' | 'schedule' | 'draft' | 'idea' | 'auto' | 'recurring' | 'recycling';

/**
 * `recurring.days_of_week` indexing. The recurring-posts page's "every Monday" example sends `[1]`
 * (0 = Sunday, as JavaScript's getDay()); the OpenAPI text says 0 = Monday … 6 = Sunday (§7.7, §13.7).
 * The user picks weekday names; this converts them.
 */
export type DaysOfWeekIndexing = 'sunday0' | 'monday0';

export interface MediaInput {
	id?: string;
	type?: string;
	path?: string;
	altText?: string;
	caption?: string;
	thumbnail?: string;
	name?: string;
}

export interface AccountSetting {
	account?: string;
	scheduledAt?: unknown;
	albumId?: string;
	signature?: string;
}

export interface PostInput {
	mode: PostMode;
	draftState?: string;
	ideaVisibility?: string;
	accounts: string[];
	text: string;
	contentType: string;
	scheduledAt?: unknown;
	autoStart?: unknown;
	autoEnd?: unknown;
	shareNext?: boolean;
	recurringStart?: unknown;
	recurringEnd?: unknown;
	repeat?: string;
	repeatRate?: number;
	daysOfWeek?: string[];
	recyclingGap?: number;
	recyclingGapFreq?: string;
	recyclingStartDate?: unknown;
	recyclingExpireBy?: string;
	recyclingExpireCount?: number;
	recyclingExpireDate?: unknown;
	recyclingSolo?: boolean;
	media: MediaInput[];
	content: IDataObject;
	overrides: Record<string, IDataObject>;
	accountSettings: AccountSetting[];
	extras: IDataObject;
	daysOfWeekIndexing: DaysOfWeekIndexing;
	timeZone: string;
	now: number;
	/** Options → Fit Text to Each Network: shorten each network's text that is over its limit (issue 15). */
	fitText?: boolean;
}

/** What Fit Text did to one network's text (output `textFit.<network>`). */
export interface TextFit {
	shortened: boolean;
	/** Length of the text sent, as the network counts it. */
	length: number;
	/** The network's limit; null when it has none. */
	limit: number | null;
	/** Length before fitting, when shortened. */
	originalLength?: number;
	/** The network override's own text: left as the user wrote it. */
	override?: boolean;
}

/** One (post × account) the request creates, with what is needed to find the post again. */
export interface PostTarget {
	accountId: string;
	provider: Provider | null;
	accountName: string | null;
	networkKey: string;
	/** Text as sent for this account's network. */
	text: string;
	/** Exact instant sent as `scheduled_at` (or recurring start), if any. */
	scheduledAt?: string;
	scheduledAtMs?: number;
	/** The window Publer may pick the time in (auto-scheduling, publish now), epoch ms. */
	windowFrom?: number;
	windowTo?: number;
}

export interface BuiltPost {
	endpoint: string;
	state: string;
	post: IDataObject;
	targets: PostTarget[];
	/** Problems that stop the body from being built at all (always reported). */
	fatal: RuleProblem[];
	/** Rule violations from §9 and the time rules (reported when validation is on). */
	problems: RuleProblem[];
	/** What the node left out or changed without refusing (shown in the output item as `notes`). */
	notes?: string[];
	/** Per network key, what Fit Text did (only with the option on). */
	textFit?: Record<string, TextFit>;
}
