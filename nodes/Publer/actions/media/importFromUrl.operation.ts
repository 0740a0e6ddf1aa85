import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { findUnsafeKeys, readBoundedNumber, WAIT_TIMEOUT_BOUNDS } from '../../../shared/parameters';
import { jobIdFromSubmit, publerApiRequest, realTimers, waitForJob } from '../../../shared/transport';
import { getMaxRateLimitWaitMs, getWorkspaceId, maxRateLimitWaitOption, workspaceLocator } from '../../../shared/descriptions';

const show = { resource: ['media'], operation: ['importFromUrl'] };


const properties: INodeProperties[] = [
	workspaceLocator,
	{
		displayName: 'Specify Files',
		name: 'inputMode',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'As a URL List', value: 'urls', description: 'One URL per line, comma-separated, or an expression that returns an array' },
			{ name: 'One by One', value: 'fields', description: 'Each file with its own name and caption' },
		],
		default: 'urls',
	},
	{
		displayName: 'URLs',
		name: 'urls',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		required: true,
		placeholder: 'e.g. https://example.com/photo.jpg',
		description:
			'Public URLs of the files Publer should download: one per line, comma-separated, or an expression returning an array of URLs (or of objects with URL, name and caption)',
		displayOptions: { show: { inputMode: ['urls'] } },
	},
	{
		displayName: 'Files',
		name: 'files',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add File',
		default: {},
		displayOptions: { show: { inputMode: ['fields'] } },
		options: [
			{
				displayName: 'File',
				name: 'file',
				values: [
					{
						displayName: 'Caption',
						name: 'caption',
						type: 'string',
						default: '',
						description: 'Caption stored with the media',
					},
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'e.g. Product photo',
						description: 'Name of the media in Publer. Defaults to the file name in the URL.',
					},
					{
						displayName: 'URL',
						name: 'url',
						type: 'string',
						default: '',
						required: true,
						placeholder: 'e.g. https://example.com/photo.jpg',
					},
				],
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Direct Upload',
				name: 'directUpload',
				type: 'boolean',
				default: false,
				description: 'Whether Publer stores the files straight in its storage. Slower, but the paths are final URLs.',
			},
			{
				displayName: 'Import Type',
				name: 'type',
				type: 'options',
				options: [
					{ name: 'Bulk', value: 'bulk', description: 'Many files for bulk scheduling' },
					{ name: 'Single', value: 'single', description: 'Files for one post' },
					{ name: 'Thumbnail', value: 'thumbnail', description: 'A video thumbnail' },
				],
				default: 'single',
				description: 'How Publer files the import',
			},
			maxRateLimitWaitOption,
			{
				displayName: 'Save to Media Library',
				name: 'inLibrary',
				type: 'boolean',
				default: false,
				description: 'Whether to keep the files in the workspace’s media library',
			},
			{
				displayName: 'Wait for Completion',
				name: 'waitForCompletion',
				type: 'boolean',
				default: true,
				description:
					'Whether to wait until Publer has downloaded the files and return the media (one item per file). Off returns the job ID at once.',
			},
			{
				displayName: 'Wait Timeout (Seconds)',
				name: 'waitTimeout',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 86400 },
				default: 300,
				description:
					'How long to wait for the import job before failing (when waiting for completion). Publer runs one import at a time: it also bounds the wait for an earlier import to finish.',
			},
		],
	},
];

export const description = updateDisplayOptions({ show }, properties);

interface MediaEntry extends IDataObject {
	url: string;
	name: string;
	caption?: string;
}

/** Default media name: the last path segment of the URL, else its host. */
export function nameFromUrl(url: string): string {
	try {
		const parsed = new URL(url);
		const last = decodeURIComponent(parsed.pathname.split('/').filter(Boolean).pop() ?? '');
		return last || parsed.hostname;
	} catch {
		return url;
	}
}

function entryFrom(value: unknown): Partial<MediaEntry> | undefined {
	if (typeof value === 'string') return { url: value.trim() };
	if (value && typeof value === 'object') {
		const o = value as IDataObject;
		const url = String(o.url ?? o.path ?? '').trim();
		return {
			url,
			name: o.name !== undefined && o.name !== null ? String(o.name) : undefined,
			caption: o.caption !== undefined && o.caption !== null ? String(o.caption) : undefined,
		};
	}
	return undefined;
}

/** Reads the URL field: lines, commas, a JSON array, or an array from an expression. */
export function parseUrlList(raw: unknown): Array<Partial<MediaEntry>> {
	let value = raw;
	if (typeof value === 'string') {
		const text = value.trim();
		if (text.startsWith('[')) {
			try {
				value = JSON.parse(text);
			} catch {
				value = text;
			}
		}
	}
	if (Array.isArray(value)) {
		return value.flat().map(entryFrom).filter((e): e is Partial<MediaEntry> => !!e && !!e.url);
	}
	if (value && typeof value === 'object') {
		const single = entryFrom(value);
		return single?.url ? [single] : [];
	}
	return String(value ?? '')
		.split(/[\n,]+/)
		.map((s) => s.trim())
		.filter(Boolean)
		.map((url) => ({ url }));
}

export function buildMediaEntries(this: IExecuteFunctions, itemIndex: number): MediaEntry[] {
	const mode = this.getNodeParameter('inputMode', itemIndex, 'urls') as string;
	const raw: Array<Partial<MediaEntry>> =
		mode === 'fields'
			? (((this.getNodeParameter('files', itemIndex, {}) as IDataObject).file as IDataObject[] | undefined) ?? []).map(
					(f) => entryFrom(f) ?? {},
				)
			: parseUrlList(this.getNodeParameter('urls', itemIndex, ''));
	const entries: MediaEntry[] = [];
	raw.forEach((entry, index) => {
		const url = (entry.url ?? '').trim();
		let parsed: URL | undefined;
		try {
			parsed = new URL(url);
		} catch {
			parsed = undefined;
		}
		if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
			throw new NodeOperationError(this.getNode(), `File ${index + 1}: "${url}" is not an http(s) URL`, {
				itemIndex,
				description: 'Give the full public address of the file, starting with https://. Publer downloads it from there.',
			});
		}
		const out: MediaEntry = { url, name: (entry.name ?? '').trim() || nameFromUrl(url) };
		if (entry.caption) out.caption = entry.caption;
		entries.push(out);
	});
	if (!entries.length) {
		throw new NodeOperationError(this.getNode(), 'No URL to import', {
			itemIndex,
			description: 'Enter at least one file URL in "URLs" (or add a file under "Files").',
		});
	}
	return entries;
}


/** Import jobs this execution started and may still be running, per execution context (Publer runs one at a time). */
const runningImports = new WeakMap<object, { jobId: string; workspaceId: string }>();

/** The transport's errors as they are; anything else wrapped, with the item index. */
function nodeError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}

function isImportRunningError(error: unknown): boolean {
	return (error as { context?: { publer?: { authProblem?: string } } })?.context?.publer?.authProblem === 'importRunning';
}

/** Waits for the import this execution started before, so two imports never run at once. */
async function waitForPreviousImport(this: IExecuteFunctions, itemIndex: number, timeoutMs: number): Promise<void> {
	const previous = runningImports.get(this);
	if (!previous) return;
	try {
		const job = await waitForJob.call(this, { jobId: previous.jobId, workspaceId: previous.workspaceId, timeoutMs, itemIndex });
		if (job.done) runningImports.delete(this);
	} catch (error) {
		// A job Publer no longer knows (404) is not running.
		if ((error as { context?: { publer?: { statusCode?: number } } })?.context?.publer?.statusCode === 404) {
			runningImports.delete(this);
			return;
		}
		if (error instanceof NodeOperationError && /still working/.test(error.message)) {
			throw new NodeOperationError(this.getNode(), `The previous import (job ${previous.jobId}) was still running after ${Math.round(timeoutMs / 1000)} s`, {
				itemIndex,
				description: 'Publer runs one import from URL at a time, so this one was not sent. Raise "Wait Timeout", or import fewer or smaller files per item.',
			});
		}
		throw nodeError(this, error, itemIndex);
	}
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const workspaceId = getWorkspaceId.call(this, itemIndex);
	const unsafe = findUnsafeKeys(this.getNodeParameter('inputMode', itemIndex, 'urls') === 'urls' ? parseSafeJsonLoose(this.getNodeParameter('urls', itemIndex, '')) : undefined);
	if (unsafe.length) {
		throw new NodeOperationError(this.getNode(), `Item ${itemIndex}: "URLs" contains the key ${unsafe.map((k) => `"${k}"`).join(', ')}, which cannot be used`, {
			itemIndex,
			description: 'Nothing was sent to Publer. Give each file as a URL, or as an object with url, name and caption.',
		});
	}
	const media = buildMediaEntries.call(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as {
		directUpload?: boolean;
		inLibrary?: boolean;
		type?: string;
		waitForCompletion?: boolean;
	};
	const maxRateLimitWaitMs = getMaxRateLimitWaitMs.call(this, itemIndex);
	const timeoutMs = readBoundedNumber.call(this, 'options.waitTimeout', itemIndex, WAIT_TIMEOUT_BOUNDS) * 1000;
	const started = realTimers.now();

	await waitForPreviousImport.call(this, itemIndex, timeoutMs);
	let submitted: unknown;
	let delayMs = 1000;
	for (let attempt = 1; ; attempt++) {
		try {
			submitted = await publerApiRequest.call(this, {
				method: 'POST',
				path: '/media/from-url',
				workspaceId,
				body: {
					media,
					type: options.type ?? 'single',
					direct_upload: options.directUpload === true,
					in_library: options.inLibrary === true,
				},
				itemIndex,
				maxRateLimitWaitMs,
			});
			break;
		} catch (error) {
			// Publer refuses a second import while one runs (403 naming it): nothing was imported, so sending
			// again once the other finishes is safe. Wait within the timeout.
			const left = timeoutMs - (realTimers.now() - started);
			if (!isImportRunningError(error) || left <= 0 || attempt >= 1000) {
				if (isImportRunningError(error)) {
					(error as NodeOperationError).description = `Publer runs one import from URL at a time per user, and another import was still running after ${Math.round(timeoutMs / 1000)} s of waiting. Try again later or raise "Wait Timeout". Nothing was imported by this item.`;
				}
				throw nodeError(this, error, itemIndex);
			}
			await realTimers.sleep(Math.min(delayMs, left));
			delayMs = Math.min(10_000, delayMs * 1.6);
		}
	}
	const jobId = jobIdFromSubmit(submitted);
	if (!jobId) {
		throw new NodeOperationError(this.getNode(), 'Publer accepted the import but returned no job ID', {
			itemIndex,
			description: `Publer answered ${JSON.stringify(submitted).slice(0, 200)}. The files may still be imported: check the media library before repeating.`,
		});
	}
	runningImports.set(this, { jobId, workspaceId });
	if (options.waitForCompletion === false) {
		return { jobId, status: 'working', urls: media.map((m) => m.url) };
	}

	const job = await waitForJob.call(this, {
		jobId,
		workspaceId,
		timeoutMs: Math.max(1000, timeoutMs - (realTimers.now() - started)),
		itemIndex,
	});
	if (job.done) runningImports.delete(this);
	const failures = job.failures.map((f) => f.message);
	if (job.status === 'failed' || job.media.length === 0) {
		throw new NodeOperationError(
			this.getNode(),
			`Publer could not import the media${failures.length ? `: ${failures.join('; ')}` : job.error ? `: ${job.error}` : ''}`,
			{
				itemIndex,
				description: `Import job ${jobId} ended without media. Check that each URL is public and points straight at a supported file (not an HTML page).`,
			},
		);
	}
	return job.media.map((m) => ({ ...m, jobId, ...(failures.length ? { importFailures: failures } : {}) }));
}

/** The URL field's JSON (when it is JSON text or a value from an expression), for the unsafe-key check. */
function parseSafeJsonLoose(raw: unknown): unknown {
	if (typeof raw !== 'string') return raw;
	const text = raw.trim();
	if (!text.startsWith('[') && !text.startsWith('{')) return undefined;
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}
