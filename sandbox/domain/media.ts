// Media records: type detection from mime or extension, image dimensions from the first bytes, CDN paths.
import type { MediaRecord } from './records';

export const CDN = 'https://cdn.publer.test';
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

const TYPE_BY_EXTENSION: Record<string, MediaRecord['type']> = {
	jpg: 'photo', jpeg: 'photo', png: 'photo', webp: 'photo', heic: 'photo', gif: 'gif',
	mp4: 'video', mov: 'video', avi: 'video', m4v: 'video', webm: 'video',
	pdf: 'document', doc: 'document', docx: 'document', ppt: 'document', pptx: 'document',
};
const TYPE_BY_MIME: Record<string, MediaRecord['type']> = {
	'image/jpeg': 'photo', 'image/png': 'photo', 'image/webp': 'photo', 'image/heic': 'photo', 'image/gif': 'gif',
	'video/mp4': 'video', 'video/quicktime': 'video', 'video/x-msvideo': 'video', 'video/webm': 'video', 'video/x-m4v': 'video',
	'application/pdf': 'document', 'application/msword': 'document',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'document',
	'application/vnd.ms-powerpoint': 'document',
	'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'document',
};

export function detectType(name: string, mime?: string): MediaRecord['type'] | null {
	const bareMime = (mime ?? '').split(';')[0].trim().toLowerCase();
	if (TYPE_BY_MIME[bareMime]) return TYPE_BY_MIME[bareMime];
	const extension = /\.([a-z0-9]+)(?:\?.*)?$/i.exec(name)?.[1]?.toLowerCase();
	return extension ? (TYPE_BY_EXTENSION[extension] ?? null) : null;
}

/** Width and height of a PNG, GIF or JPEG from its first bytes; null for anything else. */
export function imageDimensions(head: Buffer): { width: number; height: number } | null {
	if (head.length >= 24 && head.readUInt32BE(0) === 0x89504e47) return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
	if (head.length >= 10 && head.toString('ascii', 0, 3) === 'GIF') return { width: head.readUInt16LE(6), height: head.readUInt16LE(8) };
	if (head.length > 4 && head[0] === 0xff && head[1] === 0xd8) {
		let i = 2;
		while (i + 9 < head.length) {
			if (head[i] !== 0xff) return null;
			const marker = head[i + 1];
			const segmentLength = head.readUInt16BE(i + 2);
			if (marker >= 0xc0 && marker <= 0xc3) return { height: head.readUInt16BE(i + 5), width: head.readUInt16BE(i + 7) };
			i += 2 + segmentLength;
		}
	}
	return null;
}

export function defaultDimensions(type: MediaRecord['type']): { width: number; height: number } {
	return type === 'video' ? { width: 1080, height: 1920 } : { width: 1080, height: 1080 };
}

type MediaFields = Partial<MediaRecord> & { type: MediaRecord['type']; name: string };

/** A media record with Publer-like CDN paths (temporary-looking when neither direct_upload nor in_library). */
export function newMediaRecord(id: string, workspaceId: string, fields: MediaFields, at: number): MediaRecord {
	const folder = fields.type === 'video' ? 'videos' : fields.type === 'document' ? 'documents' : 'photos';
	const extension = (fields.name.match(/\.([a-z0-9]+)$/i)?.[1] ?? (fields.type === 'video' ? 'mp4' : fields.type === 'gif' ? 'gif' : 'jpg')).toLowerCase();
	const temporary = fields.direct_upload === false && fields.in_library === false;
	const path = temporary ? `${CDN}/tmp/uploads/mini_magick-${id}.${extension}` : `${CDN}/uploads/${folder}/${id}.${extension}`;
	const thumbnail = fields.type === 'video' ? `${CDN}/uploads/${folder}/thumb_${id}.jpg` : temporary ? path : `${CDN}/uploads/${folder}/thumb_${id}.${extension}`;
	return {
		id, workspace_id: workspaceId, type: fields.type, name: fields.name, caption: fields.caption ?? null, bytes: fields.bytes ?? 0,
		width: fields.width ?? 1080, height: fields.height ?? 1080, mime: fields.mime ?? 'application/octet-stream',
		source: fields.source ?? null, favorite: fields.favorite ?? false, in_library: fields.in_library ?? false, labels: fields.labels ?? [],
		path, thumbnail, direct_upload: fields.direct_upload ?? false, url: fields.url ?? null, created_at: at, updated_at: at,
	};
}
