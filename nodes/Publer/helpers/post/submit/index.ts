export { assignFailures } from './failures';
export { groupPosts, MAX_POSTS_PER_REQUEST } from './grouping';
export { findExistingPosts } from './lookup';
export { submitPosts } from './send';
export type { PreparedPost, RequestGroup, SubmitOptions } from './types';
