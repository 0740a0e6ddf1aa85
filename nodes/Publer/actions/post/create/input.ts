import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	checkBoundedNumber,
	MAX_RATE_LIMIT_WAIT_BOUNDS,
	POLL_INTERVAL_BOUNDS,
	WAIT_TIMEOUT_BOUNDS,
} from '../../../../shared/parameters';
import { toStringList } from '../../../../shared/values';
import type { DaysOfWeekIndexing, MediaInput, PostInput, PostMode } from '../../../helpers/post';
import type { SubmitOptions } from '../../../helpers/post/submit';
import { itemParameter, nodeTypeOf } from './itemParameters';

const MODES: PostMode[] = ['publishNow', 'schedule', 'draft', 'idea', 'auto', 'recurring', 'recycling'];

function param<T>(ctx: IExecuteFunctions, name: string, itemIndex: number, fallback: T): T {
	return itemParameter(ctx, name, itemIndex, fallback);
}

/**
 * The Media List field: an array (or JSON text of one) of media IDs or media objects, in Publer's own shape
 * (`id`, `type`, `path` or `url`, `alt_text`, `caption`) or the node's (`altText`).
 */
function readMediaList(this: IExecuteFunctions, itemIndex: number): MediaInput[] {
	let value = param<unknown>(this, 'mediaList', itemIndex, []);
	if (typeof value === 'string') {
		const text = value.trim();
		if (!text) return [];
		try {
			value = JSON.parse(text);
		} catch {
			value = text.split(',').map((id) => id.trim());
		}
	}
	const entries = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
	return entries.map((entry, position) => {
		if (typeof entry === 'string' || typeof entry === 'number') return { id: String(entry), type: 'photo' };
		if (entry && typeof entry === 'object' && !Array.isArray(entry)) {
			// Items of another node (`$("…").all()`) carry the media object under `json`.
			const record = ((entry as IDataObject).json as IDataObject | undefined) ?? (entry as IDataObject);
			const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
			const media: MediaInput = {
				id: text(record.id),
				type: text(record.type) ?? 'photo',
				path: text(record.path) ?? text(record.url),
				altText: text(record.alt_text) ?? text(record.altText),
				caption: text(record.caption),
				thumbnail: text(record.thumbnail),
				name: text(record.name),
			};
			if (media.id || media.path) return media;
		}
		throw new NodeOperationError(this.getNode(), `Item ${itemIndex}: Media List entry ${position} is neither a media ID nor a media object with an ID or a path`, {
			itemIndex,
			description: 'Give an array of media IDs, or of the objects Media → Upload / Import From URL return, e.g. {{ $("Import From URL").all() }}.',
		});
	});
}

/** Reads one item's parameters into the builder's input. */
export function readInput(this: IExecuteFunctions, itemIndex: number, now: number, timeZone: string): PostInput {
	// As an AI-agent tool the node defaults to a draft (the tool variant of the Mode field also defaults to it).
	const fallbackMode: PostMode = nodeTypeOf(this).endsWith('Tool') ? 'draft' : 'schedule';
	const mode = param<string>(this, 'mode', itemIndex, fallbackMode) as PostMode;
	if (!MODES.includes(mode)) {
		throw new NodeOperationError(this.getNode(), `Item ${itemIndex}: Mode "${mode}" is not known`, {
			itemIndex,
			description: `Use one of: ${MODES.join(', ')}.`,
		});
	}
	const options = param<IDataObject>(this, 'options', itemIndex, {});
	const isIdea = mode === 'idea';
	const media = [
		...((param<IDataObject>(this, 'media', itemIndex, {}).items as MediaInput[] | undefined) ?? []),
		...readMediaList.call(this, itemIndex),
	];
	const overridesRaw = param<IDataObject>(this, 'networkOverrides', itemIndex, {});
	const overrides: Record<string, IDataObject> = {};
	for (const [key, value] of Object.entries(overridesRaw)) {
		if (value && typeof value === 'object' && !Array.isArray(value)) overrides[key] = value as IDataObject;
	}
	const input: PostInput = {
		mode,
		accounts: isIdea ? [] : toStringList(param<unknown>(this, 'accounts', itemIndex, [])),
		text: String(param<unknown>(this, 'text', itemIndex, '') ?? ''),
		contentType: param<string>(this, 'contentType', itemIndex, 'auto'),
		media,
		content: param<IDataObject>(this, 'content', itemIndex, {}),
		overrides,
		accountSettings: isIdea ? [] : ((param<IDataObject>(this, 'accountSettings', itemIndex, {}).values as IDataObject[] | undefined) ?? []),
		extras: isIdea ? {} : param<IDataObject>(this, 'extras', itemIndex, {}),
		daysOfWeekIndexing: (options.daysOfWeekIndexing as DaysOfWeekIndexing) ?? 'sunday0',
		timeZone,
		now,
		fitText: options.fitText === true,
	};
	switch (mode) {
		case 'schedule':
			input.scheduledAt = param<unknown>(this, 'scheduledAt', itemIndex, '');
			break;
		case 'draft':
			input.draftState = param<string>(this, 'draftState', itemIndex, 'draft');
			input.scheduledAt = param<unknown>(this, 'scheduledAt', itemIndex, '');
			break;
		case 'idea':
			input.ideaVisibility = param<string>(this, 'ideaVisibility', itemIndex, 'draft_private');
			break;
		case 'auto':
			input.autoStart = param<unknown>(this, 'autoStart', itemIndex, '');
			input.autoEnd = param<unknown>(this, 'autoEnd', itemIndex, '');
			input.shareNext = param<boolean>(this, 'shareNext', itemIndex, false);
			break;
		case 'recurring':
			input.recurringStart = param<unknown>(this, 'recurringStart', itemIndex, '');
			input.recurringEnd = param<unknown>(this, 'recurringEnd', itemIndex, '');
			input.repeat = param<string>(this, 'repeat', itemIndex, 'weekly');
			input.repeatRate = param<number>(this, 'repeatRate', itemIndex, 1);
			input.daysOfWeek = input.repeat === 'weekly' ? toStringList(param<unknown>(this, 'daysOfWeek', itemIndex, [])) : [];
			break;
		case 'recycling':
			input.scheduledAt = param<unknown>(this, 'scheduledAt', itemIndex, '');
			input.recyclingGap = param<number>(this, 'recyclingGap', itemIndex, 1);
			input.recyclingGapFreq = param<string>(this, 'recyclingGapFreq', itemIndex, 'Week');
			input.recyclingStartDate = param<unknown>(this, 'recyclingStartDate', itemIndex, '');
			input.recyclingExpireBy = param<string>(this, 'recyclingExpireBy', itemIndex, 'count');
			if (input.recyclingExpireBy === 'count') input.recyclingExpireCount = param<number>(this, 'recyclingExpireCount', itemIndex, 3);
			if (input.recyclingExpireBy === 'date') input.recyclingExpireDate = param<unknown>(this, 'recyclingExpireDate', itemIndex, '');
			input.recyclingSolo = param<boolean>(this, 'recyclingSolo', itemIndex, false);
			break;
		default:
			break;
	}
	return input;
}

/** How the items are sent and waited for: Options of the first item, as they apply to the whole run. */
export function readSubmitOptions(this: IExecuteFunctions, timeZone: string): { submitOptions: SubmitOptions; batch: boolean; spaceMinutes: number } {
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const node = this.getNode();
	const submitOptions: SubmitOptions = {
		wait: options.waitForCompletion !== false,
		waitTimeoutMs: checkBoundedNumber(node, options.waitTimeout, 0, WAIT_TIMEOUT_BOUNDS) * 1000,
		pollIntervalMs: checkBoundedNumber(node, options.pollInterval, 0, POLL_INTERVAL_BOUNDS) * 1000,
		resolvePostIds: options.resolvePostIds === true,
		duplicateGuard: options.duplicateGuard !== false,
		maxRateLimitWaitMs: checkBoundedNumber(node, options.maxRateLimitWait, 0, MAX_RATE_LIMIT_WAIT_BOUNDS) * 1000,
		timeZone,
	};
	const spaceMinutes = checkBoundedNumber(node, options.spacePostsApart, 0, {
		min: 0,
		max: 10_080,
		default: 0,
		label: 'Space Posts Apart (Minutes)',
		integer: true,
	});
	return { submitOptions, batch: options.batchItems !== false, spaceMinutes };
}
