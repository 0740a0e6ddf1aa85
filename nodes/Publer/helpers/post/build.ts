import type { IDataObject } from 'n8n-workflow';

import type { AccountInfo } from '../../../shared/types';
import { countFor, fitText, limitFor } from '../../../shared/text';
import { isGiven } from '../../../shared/values';
import { chosenAccounts, accountTargets } from './accountTargets';
import { baseBlock, mediaItem } from './content';
import { parseJsonObject } from './json';
import { applyOverride } from './networkOverrides';
import { checkNetworkBlock, NETWORK_RULES, type RuleProblem } from './rules';
import { addAutoSchedule, addRecurring, addRecycling, sharedScheduledTime, spintaxProblems } from './schedule';
import type { BuiltPost, PostInput, PostTarget, TextFit } from './types';

export const PUBLISH_ENDPOINT = '/posts/schedule/publish';
export const SCHEDULE_ENDPOINT = '/posts/schedule';

/**
 * Builds one `bulk.posts[]` entry from the user's input, with the endpoint and `bulk.state` it needs,
 * the (post × account) targets it creates, and every problem found.
 */
export function buildPost(input: PostInput, accountsById: Map<string, AccountInfo>): BuiltPost {
	const fatal: RuleProblem[] = [];
	const problems: RuleProblem[] = [];
	const media = input.media.filter((item) => isGiven(item.id) || isGiven(item.path)).map(mediaItem);
	input.media.forEach((item, i) => {
		if (!isGiven(item.id) && !isGiven(item.path) && (isGiven(item.altText) || isGiven(item.caption))) {
			fatal.push({ field: `media[${i}]`, rule: 'a media item needs a media ID (from Media → Upload) or a URL' });
		}
	});

	let endpoint = SCHEDULE_ENDPOINT;
	let state = 'scheduled';
	const post: IDataObject = {};
	const targets: PostTarget[] = [];

	switch (input.mode) {
		case 'publishNow':
			endpoint = PUBLISH_ENDPOINT;
			break;
		case 'draft':
			state = ['draft', 'draft_private', 'draft_public'].includes(String(input.draftState)) ? String(input.draftState) : 'draft';
			break;
		case 'idea':
			state = input.ideaVisibility === 'draft_public' ? 'draft_public' : 'draft_private';
			break;
		case 'recurring':
			state = 'recurring';
			break;
		default:
			break;
	}

	// ---- ideas: networks.default, no accounts (§7.4) ----
	if (input.mode === 'idea') {
		const block = baseBlock('default', input, media);
		if (!['status', 'photo', 'video', 'link', 'article'].includes(String(block.type))) {
			problems.push({ field: 'contentType', rule: `ideas are status, photo, video, link or article posts, not "${String(block.type)}"` });
		}
		if (!isGiven(block.text) && !isGiven(block.title) && !media.length && !Array.isArray(block.content)) {
			problems.push({ field: 'text', rule: 'an idea needs at least a title, text or media' });
		}
		const override = input.overrides.default;
		if (override && isGiven(override.extraFields)) {
			const extra = parseJsonObject(override.extraFields, 'networkOverrides.default.extraFields', fatal);
			if (extra) Object.assign(block, extra);
		}
		post.networks = { default: block };
		targets.push({ accountId: '', provider: null, accountName: null, networkKey: 'default', text: String(block.text ?? '') });
		return { endpoint, state, post, targets, fatal, problems };
	}

	const chosen = chosenAccounts(input, accountsById, fatal);
	const settings = chosen.settings;
	const notes: string[] = [];
	const textFit: Record<string, TextFit> = {};

	// ---- networks: one block per network key of the chosen accounts ----
	const networks: IDataObject = {};
	for (const provider of new Set(chosen.accounts.map((account) => account.provider))) {
		if (!NETWORK_RULES[provider]) fatal.push({ field: 'accounts', rule: `the network "${provider}" is not known to this node` });
	}
	// Accounts of a network the node does not know are reported above and left out of the rest.
	const accounts = chosen.accounts.filter((account) => NETWORK_RULES[account.provider]);
	const providers = [...new Set(accounts.map((account) => account.provider))];
	for (const provider of providers) {
		const rule = NETWORK_RULES[provider];
		const override = input.overrides[provider];
		// Self-hosted WordPress sites take the article under their own key.
		const key = provider === 'wordpress' && override?.wordpressKey === 'wordpress_basic' ? 'wordpress_basic' : rule.keys[0];
		let block = baseBlock(provider, input, media);
		if (override) block = applyOverride(provider, block, override, `networkOverrides.${provider}`, input, fatal);
		dropStrayLink(provider, block, input, override, notes);
		if (input.fitText) textFit[key] = fitBlock(provider, block, input, override);
		networks[key] = block;
		problems.push(...checkNetworkBlock(provider, block, `networks.${key}`));
	}
	post.networks = networks;

	const sharedTime = sharedScheduledTime(input, fatal);
	if (input.mode === 'auto') addAutoSchedule(post, input, fatal, problems);
	if (input.mode === 'recurring') addRecurring(post, input, accounts, fatal, problems);
	if (input.mode === 'recycling') addRecycling(post, input, accounts, fatal, problems);
	problems.push(...spintaxProblems(input, providers, networks));

	const { targetList, targets: accountTargetList } = accountTargets(post, input, accounts, settings, accountsById, networks, sharedTime, fatal, problems, notes);
	targets.push(...accountTargetList);
	post.accounts = targetList;
	const built: BuiltPost = { endpoint, state, post, targets, fatal, problems };
	if (notes.length) built.notes = notes;
	if (input.fitText) built.textFit = textFit;
	return built;
}

/**
 * Publer takes `link` only with link posts: a Link URL on a photo, video, … post is not sent, and the output
 * item says so (`notes`) instead of dropping it silently.
 */
function dropStrayLink(provider: string, block: IDataObject, input: PostInput, override: IDataObject | undefined, notes: string[]): void {
	const given = isGiven(input.content.linkUrl) || isGiven(override?.linkUrl);
	if (block.type === 'link' || !given) return;
	delete block.link;
	const label = NETWORK_RULES[provider as keyof typeof NETWORK_RULES].label;
	notes.push(
		`Link URL not sent to ${label}: Publer takes a link only with link posts and this is a "${String(block.type)}" post (put the link in the text, or set Content Type to Link)`,
	);
}

/**
 * Options → Fit Text to Each Network: the block's text, shortened to the network's limit as the network counts
 * it (the Link URL kept at the end). A network override's own text is left as the user wrote it.
 */
function fitBlock(provider: string, block: IDataObject, input: PostInput, override: IDataObject | undefined): TextFit {
	const text = typeof block.text === 'string' ? block.text : '';
	const longPost = provider === 'twitter' && (block.details as IDataObject | undefined)?.type === 'long_post';
	const limit = limitFor(provider, { longPost }) ?? null;
	if (isGiven(override?.text)) return { shortened: false, length: countFor(provider, text), limit, override: true };
	const linkUrl = isGiven(input.content.linkUrl) ? String(input.content.linkUrl).trim() : undefined;
	const fitted = fitText(text, provider, { linkUrl, longPost });
	if (!fitted.shortened) return { shortened: false, length: fitted.length, limit };
	block.text = fitted.text;
	return { shortened: true, length: fitted.length, limit, originalLength: fitted.originalLength };
}
