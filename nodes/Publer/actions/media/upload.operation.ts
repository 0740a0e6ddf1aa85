import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { buildUploadForm, checkUploadFile, readFileAsBlob } from '../../helpers/media';
import { readBoundedNumber } from '../../../shared/parameters';
import { publerApiRequest } from '../../../shared/transport';
import { getMaxRateLimitWaitMs, getWorkspaceId, maxRateLimitWaitOption, workspaceLocator } from '../../../shared/descriptions';

const show = { resource: ['media'], operation: ['upload'] };

const properties: INodeProperties[] = [
	workspaceLocator,
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		placeholder: 'e.g. data',
		hint: 'The name of the input binary field containing the file to be uploaded',
		description:
			'Name of the binary property of the input item that holds the file. Formats: jpg, jpeg, png, webp, gif, mp4, mov, avi, pdf, doc, docx, ppt, pptx; up to 200 MB.',
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
				description:
					'Whether to upload straight to Publer’s storage. Slower, but the returned path is the final URL instead of a temporary one.',
			},
			{
				displayName: 'File Name',
				name: 'fileName',
				type: 'string',
				default: '',
				placeholder: 'e.g. launch-video.mp4',
				description: 'Name to send instead of the binary’s own file name. Its extension tells Publer the format.',
			},
			{
				displayName: 'Save to Media Library',
				name: 'inLibrary',
				type: 'boolean',
				default: false,
				description: 'Whether to keep the file in the workspace’s media library so it can be reused',
			},
			maxRateLimitWaitOption,
			{
				displayName: 'Timeout (Seconds)',
				name: 'timeout',
				type: 'number',
				typeOptions: { minValue: 10, maxValue: 86400 },
				default: 600,
				description: 'How long the upload may take before it is abandoned. Large videos need a few minutes on slow links.',
			},
		],
	},
];

export const description = updateDisplayOptions({ show }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const workspaceId = getWorkspaceId.call(this, itemIndex);
	const propertyName = String(this.getNodeParameter('binaryPropertyName', itemIndex, 'data') ?? '');
	const options = this.getNodeParameter('options', itemIndex, {}) as {
		directUpload?: boolean;
		inLibrary?: boolean;
		fileName?: string;
		timeout?: number;
	};

	// Every check happens before the file is read or anything is sent.
	const maxRateLimitWaitMs = getMaxRateLimitWaitMs.call(this, itemIndex);
	const timeoutMs =
		readBoundedNumber.call(this, 'options.timeout', itemIndex, { label: 'Timeout (Seconds)', min: 10, max: 86_400, default: 600 }) * 1000;
	const file = await checkUploadFile.call(this, itemIndex, propertyName, options.fileName);
	let blob: Blob | undefined = await readFileAsBlob.call(this, file);
	const form = buildUploadForm(blob, file.fileName, {
		directUpload: options.directUpload === true,
		inLibrary: options.inLibrary === true,
	});
	blob = undefined;

	const media = await publerApiRequest.call(this, {
		method: 'POST',
		path: '/media',
		workspaceId,
		body: form,
		itemIndex,
		maxRateLimitWaitMs,
		timeoutMs,
	});
	return (media && typeof media === 'object' && !Array.isArray(media) ? media : { result: media }) as IDataObject;
}
