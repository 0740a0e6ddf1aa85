export { buildPost, PUBLISH_ENDPOINT, SCHEDULE_ENDPOINT } from './build';
export { accountKind, checkAccountBlock, checkNetworkBlock, NETWORK_RULES, spintaxVariations, textLengthRule, type AccountKind, type RuleProblem } from './rules';
export { findGapConflicts, spacePosts, GAP_MS, GAP_RULE, type GapConflict, type SpacedPost } from './spacing';
export { MIN_LEAD_MS, weekdayIndex } from './schedule';
export type { BuiltPost, DaysOfWeekIndexing, MediaInput, PostInput, PostMode, PostTarget, TextFit } from './types';
