import type { PreparedPost, RequestGroup } from './types';

/** Publer accepts up to 500 posts per request (publer-api.md §7.8). */
export const MAX_POSTS_PER_REQUEST = 500;

function isRecurring(post: PreparedPost): boolean {
	return post.built.state === 'recurring' || post.built.post.recurring !== undefined;
}

/**
 * Splits prepared posts into requests. With batching, consecutive posts that share workspace, endpoint
 * and `bulk.state` go together, up to 500 per request; recurring posts always go alone (Publer does not
 * support recurring posts in bulk, §7.7–7.8). Without batching every post is its own request.
 */
export function groupPosts(posts: PreparedPost[], batch: boolean): RequestGroup[] {
	const groups: RequestGroup[] = [];
	let current: RequestGroup | undefined;
	for (const post of posts) {
		const alone = !batch || isRecurring(post);
		if (
			!alone &&
			current &&
			current.workspaceId === post.workspaceId &&
			current.endpoint === post.built.endpoint &&
			current.state === post.built.state &&
			current.posts.length < MAX_POSTS_PER_REQUEST &&
			!isRecurring(current.posts[0])
		) {
			current.posts.push(post);
			continue;
		}
		current = { workspaceId: post.workspaceId, endpoint: post.built.endpoint, state: post.built.state, posts: [post] };
		groups.push(current);
		if (alone) current = undefined;
	}
	return groups;
}
