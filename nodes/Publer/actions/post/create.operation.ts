import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { buildPost, type AccountInfo, type BuiltPost, type DaysOfWeekIndexing, type MediaInput, type PostInput, type PostMode } from '../../helpers/postBody';
import { groupPosts, submitPosts, type PreparedPost, type SubmitOptions } from '../../helpers/postSubmit';
import type { Provider } from '../../helpers/networks';
import { DEFAULT_MAX_RATE_LIMIT_WAIT_MS, publerApiRequest } from '../../transport';
import { getWorkspaceId, toStringList, workspaceLocator } from '../common';
import type { BatchItemResult } from '../types';
import { createFields } from './createFields';

const show = { resource: ['post'], operation: ['create'] };

export const description: INodeProperties[] = updateDisplayOptions({ show }, [workspaceLocator, ...createFields]);

const MODES: PostMode[] = ['publishNow', 'schedule', 'draft', 'idea', 'auto', 'recurring', 'recycling'];

function param<T>(ctx: IExecuteFunctions, name: string, itemIndex: number, fallback: T): T {
	return ctx.getNodeParameter(name, itemIndex, fallback as unknown as object) as T;
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
	const list = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
	return list.map((entry, position) => {
		if (typeof entry === 'string' || typeof entry === 'number') return { id: String(entry), type: 'photo' };
		if (entry && typeof entry === 'object' && !Array.isArray(entry)) {
			const m = ((entry as IDataObject).json as IDataObject | undefined) ?? (entry as IDataObject);
			const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
			const media: MediaInput = {
				id: str(m.id),
				type: str(m.type) ?? 'photo',
				path: str(m.path) ?? str(m.url),
				altText: str(m.alt_text) ?? str(m.altText),
				caption: str(m.caption),
				thumbnail: str(m.thumbnail),
				name: str(m.name),
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
function readInput(this: IExecuteFunctions, itemIndex: number, now: number, timeZone: string): PostInput {
	// As an AI-agent tool the node defaults to a draft (the tool variant of the Mode field also defaults to it).
	const fallbackMode: PostMode = this.getNode().type.endsWith('Tool') ? 'draft' : 'schedule';
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

function problemError(this: IExecuteFunctions, itemIndex: number, problems: Array<{ field: string; rule: string }>, validation: boolean) {
	const first = problems[0];
	const rest = problems.slice(1).map((p) => `${p.field}: ${p.rule}`);
	return new NodeOperationError(this.getNode(), `Item ${itemIndex}: ${first.field} — ${first.rule}`, {
		itemIndex,
		description: [
			rest.length ? `Also: ${rest.join('; ')}.` : '',
			validation ? 'Nothing was sent to Publer. Fix the fields, or turn off Options → Validate Before Sending to let Publer decide.' : 'Nothing was sent to Publer.',
		]
			.filter((s) => s)
			.join(' '),
	});
}

/**
 * Publer takes the full watermark object (as `GET /workspaces/{id}/media_options` returns it) in
 * `accounts[].watermark`. A watermark chosen by ID is completed from the workspace's media options: one request
 * per workspace and run, and only when a watermark is given by ID. An ID that no chosen account has fails the item
 * before anything is sent.
 */
async function completeWatermarks(
	this: IExecuteFunctions,
	built: BuiltPost,
	workspaceId: string,
	itemIndex: number,
	accounts: Map<string, AccountInfo> | undefined,
	cache: Map<string, Map<string, IDataObject>>,
	maxRateLimitWaitMs: number,
): Promise<void> {
	const targets = (Array.isArray(built.post.accounts) ? built.post.accounts : []) as IDataObject[];
	const byId = targets.filter((a) => {
		const w = a.watermark as IDataObject | undefined;
		return w && typeof w === 'object' && Object.keys(w).length === 1 && typeof w.id === 'string';
	});
	if (!byId.length) return;
	let known = cache.get(workspaceId);
	if (!known) {
		const ids = [...(accounts?.keys() ?? targets.map((a) => String(a.id)))];
		const response = await publerApiRequest.call(this, {
			method: 'GET',
			path: `/workspaces/${encodeURIComponent(workspaceId)}/media_options`,
			workspaceId,
			itemIndex,
			qs: { 'accounts[]': ids },
			maxRateLimitWaitMs,
		});
		known = new Map();
		for (const entry of Array.isArray(response) ? (response as IDataObject[]) : []) {
			for (const w of Array.isArray(entry.watermarks) ? (entry.watermarks as IDataObject[]) : []) known.set(String(w.id), w);
		}
		cache.set(workspaceId, known);
	}
	for (const target of byId) {
		const id = String((target.watermark as IDataObject).id);
		const full = known.get(id);
		if (!full) {
			throw new NodeOperationError(this.getNode(), `Item ${itemIndex}: extras.watermark — watermark ${id} is not one of the workspace's watermarks`, {
				itemIndex,
				description: 'Pick the watermark from the list (it shows the watermarks of the chosen accounts), or check its ID with Workspace → Get Media Options. Nothing was sent to Publer.',
			});
		}
		target.watermark = { ...full };
	}
}

/** Post → Create: builds every item's post, validates, batches into bulk requests, waits, maps results back. */
export async function executeBatch(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<BatchItemResult[]> {
	const timeZone = this.getTimezone();
	const now = Date.now();
	const results: BatchItemResult[] = [];
	const prepared: PreparedPost[] = [];
	const accountCache = new Map<string, Map<string, AccountInfo>>();
	const watermarkCache = new Map<string, Map<string, IDataObject>>();
	const continueOnFail = this.continueOnFail();

	const options0 = this.getNodeParameter('options', 0, {}) as IDataObject;
	const submitOptions: SubmitOptions = {
		wait: options0.waitForCompletion !== false,
		waitTimeoutMs: Math.max(1, Number(options0.waitTimeout ?? 300)) * 1000,
		pollIntervalMs: Math.max(0, Number(options0.pollInterval ?? 1)) * 1000,
		resolvePostIds: options0.resolvePostIds === true,
		duplicateGuard: options0.duplicateGuard !== false,
		maxRateLimitWaitMs:
			options0.maxRateLimitWait === undefined ? DEFAULT_MAX_RATE_LIMIT_WAIT_MS : Math.max(0, Number(options0.maxRateLimitWait)) * 1000,
		timeZone,
	};
	const batch = options0.batchItems !== false;

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const workspaceId = getWorkspaceId.call(this, itemIndex);
			if (!workspaceId) {
				throw new NodeOperationError(this.getNode(), `Item ${itemIndex}: workspace — no workspace chosen`, {
					itemIndex,
					description: 'Pick a workspace in the Workspace field (or give its ID).',
				});
			}
			const input = readInput.call(this, itemIndex, now, timeZone);
			let accounts = accountCache.get(workspaceId);
			if (!accounts && input.mode !== 'idea') {
				const list = (await publerApiRequest.call(this, {
					method: 'GET',
					path: '/accounts',
					workspaceId,
					itemIndex,
					maxRateLimitWaitMs: submitOptions.maxRateLimitWaitMs,
				})) as IDataObject[];
				accounts = new Map(
					(Array.isArray(list) ? list : []).map((a) => [
						String(a.id),
						{ id: String(a.id), provider: String(a.provider) as Provider, name: String(a.name ?? a.id), type: a.type as string },
					]),
				);
				accountCache.set(workspaceId, accounts);
			}
			const built = buildPost(input, accounts ?? new Map());
			const validate = (this.getNodeParameter('options.validate', itemIndex, true) as boolean) !== false;
			if (built.fatal.length) throw problemError.call(this, itemIndex, built.fatal, false);
			if (validate && built.problems.length) throw problemError.call(this, itemIndex, built.problems, true);
			await completeWatermarks.call(this, built, workspaceId, itemIndex, accounts, watermarkCache, submitOptions.maxRateLimitWaitMs);
			prepared.push({ itemIndex, workspaceId, mode: input.mode, built });
		} catch (error) {
			// Bad input fails before ANY request: without continue-on-fail nothing is sent.
			const nodeError =
				error instanceof NodeOperationError || error instanceof NodeApiError
					? error
					: new NodeOperationError(this.getNode(), error as Error, { itemIndex });
			if (!continueOnFail) throw nodeError;
			results.push({ itemIndex, error: nodeError });
		}
	}

	const groups = groupPosts(prepared, batch);
	results.push(...(await submitPosts.call(this, groups, submitOptions)));
	return results;
}
