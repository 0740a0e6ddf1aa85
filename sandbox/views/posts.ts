// How posts look in answers: the GET /posts item and the PUT /posts/{id} detail.
import type { SandboxState } from '../domain/store';
import type { PostRecord } from '../domain/records';
import { accountTypeAs } from '../domain/networks';
import { userSummary } from './users';
import { iso } from '../util/time';

/** `media[]` of a listed post as live lists give it (§15): id, type and thumbnails. */
function listedMedia(state: SandboxState, post: PostRecord) {
	return post.media.map((item) => {
		const libraryRecord = typeof item?.id === 'string' ? state.media.get(item.id) : undefined;
		const url = item?.path ?? item?.url ?? libraryRecord?.path ?? null;
		return {
			id: item?.id ?? null,
			type: item?.type === 'image' ? 'photo' : (item?.type ?? libraryRecord?.type ?? 'photo'),
			thumbnails: [{ small: libraryRecord?.thumbnail ?? item?.thumbnail ?? url, real: url }],
		};
	});
}

export function postSummary(state: SandboxState, post: PostRecord) {
	const summary = {
		id: post.id, text: post.text, title: post.title, url: post.url, state: post.state, type: post.post_type, account_id: post.account_id,
		user: userSummary(state, post.user_id),
		scheduled_at: post.scheduled_at === null ? null : iso(post.scheduled_at),
		post_link: post.post_link, has_media: post.media.length > 0, network: post.provider ?? null,
		created_at: iso(post.created_at), updated_at: iso(post.updated_at),
		published_at: post.published_at === null ? null : iso(post.published_at),
	};
	return state.variants.postLinks === 'observed' ? { ...summary, media: listedMedia(state, post) } : summary;
}

export function postDetail(state: SandboxState, post: PostRecord) {
	const account = post.account_id ? state.accountsById.get(post.account_id) : undefined;
	const link = post.link;
	return {
		...postSummary(state, post),
		account: account ? { id: account.id, type: accountTypeAs(account, state.variants.accountTypes), name: account.name, picture: account.picture } : null,
		media: post.media.map((item) => {
			const libraryRecord = typeof item?.id === 'string' ? state.media.get(item.id) : undefined;
			return {
				id: item?.id ?? null,
				type: item?.type === 'image' ? 'photo' : (item?.type ?? libraryRecord?.type ?? 'photo'),
				url: item?.path ?? item?.url ?? libraryRecord?.path ?? null,
				alt_text: item?.alt_text ?? null,
			};
		}),
		link: link ? {
			url: link.url ?? null, title: link.title ?? null, description: link.description ?? null,
			image_url: Array.isArray(link.images) ? (link.images[link.default_image ?? 0] ?? null) : null,
		} : null,
		labels: post.labels,
		auto: post.auto,
		recycling: post.recycling,
		recurring: post.recurring,
	};
}
