// How media look in answers: the upload/import result (with per-network validity) and the GET /media item,
// whose shape is a documented ambiguity (variant mediaListShape).
import type { MediaRecord } from '../domain/records';
import type { SandboxVariants } from '../types';
import { seedId } from '../util/ids';
import { iso } from '../util/time';

export function mediaItem(media: MediaRecord, used: boolean, shape: SandboxVariants['mediaListShape']) {
	const item: Record<string, any> = { id: media.id, type: media.type, name: media.name, caption: media.caption };
	if (shape !== 'rendered') {
		item.path = media.path;
		item.thumbnails = [{ id: seedId('thumb:' + media.id), small: media.thumbnail, real: media.path }];
	}
	if (shape !== 'openapi') {
		item.url = media.path;
		item.thumbnail = media.thumbnail;
	}
	item.created_at = iso(media.created_at);
	item.updated_at = iso(media.updated_at);
	item.favorite = media.favorite;
	if (shape !== 'rendered') item.in_library = media.in_library;
	if (shape !== 'openapi') {
		item.used = used;
		item.source = media.source;
	}
	return item;
}

export function mediaUploadResponse(media: MediaRecord) {
	return {
		id: media.id, path: media.path, thumbnail: media.thumbnail, validity: validityOf(media), width: media.width, height: media.height,
		source: media.source, type: media.type, name: media.name, caption: media.caption,
	};
}

/** Which networks accept the file (§9.3/9.4 size limits). */
export function validityOf(media: { type: string; bytes: number }) {
	const mb = media.bytes / 1048576;
	if (media.type === 'video') {
		return {
			twitter: mb < 512, linkedin: true, pinterest: true, google: false, facebook: { post: true, reel: true },
			instagram: { post: mb < 1024, story: mb < 1024, reel: mb < 1024 }, youtube: { video: true, short: true },
			tiktok: true, telegram: mb < 50, mastodon: mb < 40, threads: mb < 1024, bluesky: mb < 50, wordpress_basic: true, wordpress_oauth: true,
		};
	}
	if (media.type === 'document') {
		return { twitter: false, linkedin: true, pinterest: false, google: false, facebook: { post: false, reel: false }, instagram: { post: false, story: false, reel: false }, youtube: { video: false, short: false }, tiktok: false, telegram: true, wordpress_basic: true, wordpress_oauth: true };
	}
	const photo = media.type === 'photo';
	return {
		twitter: mb <= (media.type === 'gif' ? 15 : 5), linkedin: true, pinterest: true, google: photo && mb <= 5,
		facebook: { post: photo || mb <= 4, reel: false }, instagram: { post: photo && mb <= 8, story: photo && mb <= 8, reel: false },
		youtube: { video: false, short: false }, tiktok: photo, telegram: mb <= 10, mastodon: mb <= 8, threads: photo && mb <= 8,
		bluesky: photo, wordpress_basic: true, wordpress_oauth: true,
	};
}
