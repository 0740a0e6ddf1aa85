import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Publer's direct-upload limit (publer-api.md §5.14). */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

/** Size of the pieces the file is read in; the node never holds more than the file plus one piece. */
export const UPLOAD_CHUNK_BYTES = 1024 * 1024;

export type MediaKind = 'photo' | 'gif' | 'video' | 'document';

/**
 * Formats Publer documents for direct upload (§5.14: jpg, jpeg, png, gif, mp4, mov, avi, pdf, doc, docx, ppt,
 * pptx) plus webp, which Publer's web app accepts for photos.
 */
export const UPLOAD_EXTENSIONS: Record<string, MediaKind> = {
	jpg: 'photo',
	jpeg: 'photo',
	png: 'photo',
	webp: 'photo',
	gif: 'gif',
	mp4: 'video',
	mov: 'video',
	avi: 'video',
	pdf: 'document',
	doc: 'document',
	docx: 'document',
	ppt: 'document',
	pptx: 'document',
};

export const UPLOAD_MIME_TYPES: Record<string, MediaKind> = {
	'image/jpeg': 'photo',
	'image/jpg': 'photo',
	'image/pjpeg': 'photo',
	'image/png': 'photo',
	'image/webp': 'photo',
	'image/gif': 'gif',
	'video/mp4': 'video',
	'video/quicktime': 'video',
	'video/x-msvideo': 'video',
	'video/avi': 'video',
	'video/msvideo': 'video',
	'application/pdf': 'document',
	'application/msword': 'document',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'document',
	'application/vnd.ms-powerpoint': 'document',
	'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'document',
};

/** Canonical MIME type per extension, used when the binary carries a generic one. */
const EXTENSION_MIME: Record<string, string> = {
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	png: 'image/png',
	webp: 'image/webp',
	gif: 'image/gif',
	mp4: 'video/mp4',
	mov: 'video/quicktime',
	avi: 'video/x-msvideo',
	pdf: 'application/pdf',
	doc: 'application/msword',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	ppt: 'application/vnd.ms-powerpoint',
	pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

export const SUPPORTED_FORMATS_TEXT = 'jpg, jpeg, png, webp, gif, mp4, mov, avi, pdf, doc, docx, ppt, pptx';

export function extensionOf(fileName: string | undefined): string | undefined {
	const match = /\.([a-z0-9]+)$/i.exec((fileName ?? '').trim());
	return match ? match[1].toLowerCase() : undefined;
}

/** What Publer will treat the file as, from its MIME type or, failing that, its extension; null if unsupported. */
export function detectMediaKind(fileName: string | undefined, mimeType: string | undefined, fileExtension?: string): MediaKind | null {
	const mime = (mimeType ?? '').split(';')[0].trim().toLowerCase();
	if (UPLOAD_MIME_TYPES[mime]) return UPLOAD_MIME_TYPES[mime];
	const ext = extensionOf(fileName) ?? (fileExtension ? fileExtension.toLowerCase().replace(/^\./, '') : undefined);
	return ext && UPLOAD_EXTENSIONS[ext] ? UPLOAD_EXTENSIONS[ext] : null;
}

/** The MIME type to send: the binary's own when Publer knows it, else the one its extension implies. */
export function uploadMimeType(fileName: string, mimeType: string | undefined): string {
	const mime = (mimeType ?? '').split(';')[0].trim().toLowerCase();
	if (UPLOAD_MIME_TYPES[mime]) return mime;
	const ext = extensionOf(fileName);
	return (ext && EXTENSION_MIME[ext]) || mime || 'application/octet-stream';
}

/** File name to send: the binary's own, else `file.<extension>` from its extension or MIME type. */
export function uploadFileName(binary: IBinaryData, override?: string): string {
	const given = (override ?? '').trim() || (binary.fileName ?? '').trim();
	if (given) return given;
	const ext =
		(binary.fileExtension ?? '').replace(/^\./, '') ||
		Object.entries(EXTENSION_MIME).find(([, mime]) => mime === (binary.mimeType ?? '').toLowerCase())?.[0];
	return ext ? `file.${ext}` : 'file';
}

const BASE64_CLEAN = /^[A-Za-z0-9+/]*={0,2}$/;

/** Decoded byte length of a base64 string, without decoding it. */
export function base64ByteLength(data: string): number {
	let length = data.length;
	let padding = 0;
	while (length > 0 && data[length - 1] === '=') {
		padding++;
		length--;
	}
	return Math.max(0, Math.floor(((length + padding) * 3) / 4) - padding);
}

function formatMb(bytes: number): string {
	return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export interface UploadFile {
	binary: IBinaryData;
	fileName: string;
	mimeType: string;
	kind: MediaKind;
	bytes: number;
}

/**
 * Checks the item's binary property before anything is sent: present, not empty, a format Publer accepts,
 * and at most 200 MB. Works for binaries kept in memory (base64) and in n8n's filesystem / S3 storage.
 */
export async function checkUploadFile(
	this: IExecuteFunctions,
	itemIndex: number,
	propertyName: string,
	fileNameOverride?: string,
): Promise<UploadFile> {
	const node = this.getNode();
	const property = propertyName.trim();
	if (!property) {
		throw new NodeOperationError(node, 'The "Input Binary Field" is empty', {
			itemIndex,
			description: 'Give the name of the binary property that holds the file, usually "data".',
		});
	}
	const item = this.getInputData()[itemIndex];
	const available = Object.keys(item?.binary ?? {});
	const binary = item?.binary?.[property];
	if (!binary) {
		throw new NodeOperationError(
			node,
			available.length
				? `The input item has no binary property "${property}" (it has: ${available.join(', ')})`
				: `The input item has no binary data, so there is no "${property}" file to upload`,
			{
				itemIndex,
				description: available.length
					? `Set "Input Binary Field" to one of: ${available.join(', ')}.`
					: 'Media → Upload needs a binary input: put a node that outputs a file before this one (e.g. Read/Write Files from Disk, HTTP Request with "Response Format: File", Google Drive → Download), or use Media → Import From URL for a file on the web.',
			},
		);
	}
	// Validates the shape the way n8n does (throws a clear error for a non-binary value).
	this.helpers.assertBinaryData(itemIndex, property);

	let bytes: number;
	if (binary.id) {
		const metadata = await this.helpers.getBinaryMetadata(binary.id);
		bytes = Number(metadata.fileSize ?? binary.bytes ?? 0);
	} else {
		bytes = base64ByteLength(binary.data ?? '');
	}
	const fileName = uploadFileName(binary, fileNameOverride);
	if (!(bytes > 0)) {
		throw new NodeOperationError(node, `The file in binary property "${property}" is empty (0 bytes)`, {
			itemIndex,
			description: 'Publer rejects empty files. Check the node that produced the file, e.g. that the download succeeded.',
		});
	}
	if (bytes > MAX_UPLOAD_BYTES) {
		throw new NodeOperationError(
			node,
			`The file "${fileName}" in binary property "${property}" is ${formatMb(bytes)}, over Publer's 200 MB upload limit`,
			{
				itemIndex,
				description:
					'Compress or shorten the file to 200 MB or less, or host it (e.g. on S3 or Google Drive with a public link) and use Media → Import From URL.',
			},
		);
	}
	const kind = detectMediaKind(fileName, binary.mimeType, binary.fileExtension);
	if (!kind) {
		throw new NodeOperationError(
			node,
			`Publer does not accept the file "${fileName}" (${binary.mimeType || 'unknown type'}) in binary property "${property}"`,
			{
				itemIndex,
				description: `Publer accepts ${SUPPORTED_FORMATS_TEXT}. Convert the file, or if it is one of these formats with a wrong name or MIME type, set the "File Name" option with the right extension.`,
			},
		);
	}
	return { binary, fileName, mimeType: uploadMimeType(fileName, binary.mimeType), kind, bytes };
}

/**
 * Reads the file into one Blob piece by piece. Node's `Blob` copies an ArrayBuffer view it is given but only
 * references the data of Blob parts, so a Blob made of 1 MB Blobs holds the file once: the peak is the file
 * plus one piece, with no whole-file Buffer next to it. Binaries in n8n's filesystem / S3 storage are streamed
 * from storage; in-memory (base64) binaries are decoded 1 MB at a time.
 */
export async function readFileAsBlob(this: IExecuteFunctions, file: UploadFile): Promise<Blob> {
	const parts: Blob[] = [];
	if (file.binary.id) {
		const stream = await this.helpers.getBinaryStream(file.binary.id, UPLOAD_CHUNK_BYTES);
		for await (const chunk of stream as AsyncIterable<Uint8Array | string>) {
			parts.push(new Blob([(typeof chunk === 'string' ? Buffer.from(chunk) : chunk) as unknown as Blob]));
		}
	} else {
		let data = file.binary.data ?? '';
		if (!BASE64_CLEAN.test(data)) data = data.replace(/[^A-Za-z0-9+/=]/g, '');
		const step = 4 * Math.floor(UPLOAD_CHUNK_BYTES / 3); // a multiple of 4 characters: each piece decodes on its own
		for (let offset = 0; offset < data.length; offset += step) {
			parts.push(new Blob([Buffer.from(data.slice(offset, offset + step), 'base64')]));
		}
	}
	return new Blob(parts, { type: file.mimeType });
}

/** The multipart body of `POST /media` (§5.14). */
export function buildUploadForm(blob: Blob, fileName: string, options: { directUpload: boolean; inLibrary: boolean }): FormData {
	const form = new FormData();
	form.append('file', blob, fileName);
	form.append('direct_upload', String(options.directUpload));
	form.append('in_library', String(options.inLibrary));
	return form;
}
