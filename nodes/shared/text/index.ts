/**
 * Text measuring and fitting per network (issues 13 and 15): X's weighted length, graphemes, each network's
 * counter and limit, and fitting a caption to a limit. Pure functions, no dependencies.
 */
export { fitText, type FitOptions, type FitResult } from './fitText';
export { codePointLength, graphemeLength, graphemeList, utf8Length, wordBoundaries } from './graphemes';
export {
	BLUESKY_MAX_BYTES,
	countFor,
	countingFor,
	isWithinLimit,
	limitFor,
	mastodonLength,
	NETWORK_COUNTING,
	threadsLength,
	type CountMethod,
	type LimitOptions,
	type NetworkCounting,
} from './networks';
export { extractUrls, type UrlEntity } from './twitterUrls';
export { isValidXLength, weightedLength, X_LIMIT, X_LONG_POST_LIMIT, X_URL_LENGTH } from './weightedLength';
