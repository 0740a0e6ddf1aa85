import type { IDataObject } from 'n8n-workflow';

import type { ParsedDateTime } from '../../../shared/dates';
import type { Provider } from '../../../shared/networks';
import type { AccountInfo } from '../../../shared/types';
import { isGiven, toStringList } from '../../../shared/values';
import { jsonParam, withoutEmpty } from './json';
import { checkAccountBlock, NETWORK_RULES, type RuleProblem } from './rules';
import { scheduleTarget } from './schedule';
import type { AccountSetting, PostInput, PostTarget } from './types';

/** Publer's `{ duration, unit }`; undefined for no or a non-positive duration. */
function durationObject(value: unknown, unit: unknown): IDataObject | undefined {
	const duration = Number(value);
	if (!isGiven(value) || !Number.isFinite(duration) || duration <= 0) return undefined;
	return { duration, unit: String(unit || 'Minute') };
}

/** Account-level callbacks and extras (§6.6–6.8), the same for every account unless overridden. */
function accountExtras(input: PostInput, provider: Provider | null, fatal: RuleProblem[], problems: RuleProblem[]): IDataObject {
	const extras = input.extras;
	const out: IDataObject = {};
	if (isGiven(extras.signature)) {
		out.signature = String(extras.signature).trim();
		if (provider && NETWORK_RULES[provider].noSignature) {
			problems.push({ field: 'extras.signature', rule: `${NETWORK_RULES[provider].label} does not support signatures` });
		}
	}
	if (isGiven(extras.watermark)) {
		const raw = extras.watermark;
		let watermark: unknown = raw;
		if (typeof raw === 'string' && raw.trim().startsWith('{')) watermark = jsonParam(raw, 'extras.watermark', fatal);
		// Publer documents the full watermark object from media_options; an ID alone is sent as {id}.
		out.watermark = typeof watermark === 'string' ? { id: watermark.trim() } : (watermark as IDataObject);
		if (provider && NETWORK_RULES[provider].noWatermark) {
			problems.push({ field: 'extras.watermark', rule: `${NETWORK_RULES[provider].label} does not support watermarks` });
		}
	}
	if (isGiven(extras.albumId) && (provider === 'facebook' || provider === 'pinterest')) out.album_id = String(extras.albumId).trim();
	const labels = toStringList(extras.labels);
	if (labels.length) out.labels = labels;

	const comments: IDataObject[] = [];
	if (isGiven(extras.firstComment)) {
		comments.push({ text: String(extras.firstComment), delay: durationObject(extras.firstCommentDelay ?? 1, 'Minute') ?? { duration: 1, unit: 'Minute' } });
	}
	const followUps = ((extras.followUpComments as IDataObject | undefined)?.comment as IDataObject[] | undefined) ?? [];
	followUps.forEach((followUp, i) => {
		const comment = withoutEmpty({
			text: followUp.text as string,
			language: followUp.language as string,
			delay: durationObject(followUp.delay, followUp.delayUnit) ?? { duration: 1, unit: 'Minute' },
			media: isGiven(followUp.mediaPath) ? withoutEmpty({ type: (followUp.mediaType as string) || 'photo', path: String(followUp.mediaPath) }) : undefined,
		});
		if (!comment.text && !comment.media) problems.push({ field: `extras.followUpComments[${i}]`, rule: 'a follow-up comment needs text or media' });
		comments.push(comment);
	});
	if (comments.length) out.comments = comments;

	const shareIds = toStringList(extras.autoShareAccounts);
	if (shareIds.length) {
		out.share = withoutEmpty({
			text: extras.autoShareText as string,
			account_ids: shareIds,
			after: durationObject(extras.autoShareAfter, extras.autoShareAfterUnit),
			delay: durationObject(extras.autoShareDelay, extras.autoShareDelayUnit),
		});
	}
	const deleteAfter = durationObject(extras.autoDeleteAfter, extras.autoDeleteUnit);
	if (deleteAfter) out.delete = { hide: extras.autoDeleteHide === true, delay: deleteAfter };
	else if (isGiven(extras.autoDeleteAfter) && Number(extras.autoDeleteAfter) !== 0) {
		problems.push({ field: 'extras.autoDeleteAfter', rule: 'auto-delete needs a positive delay' });
	}
	return out;
}

/** The chosen accounts, each known to the workspace, and their Per-Account Settings. */
export function chosenAccounts(
	input: PostInput,
	accountsById: Map<string, AccountInfo>,
	fatal: RuleProblem[],
): { accounts: AccountInfo[]; settings: Map<string, AccountSetting> } {
	const accountIds = [...new Set(input.accounts.map((id) => id.trim()).filter((id) => id))];
	if (!accountIds.length) fatal.push({ field: 'accounts', rule: 'choose at least one social account to post to' });
	const accounts: AccountInfo[] = [];
	for (const id of accountIds) {
		const account = accountsById.get(id);
		if (!account) fatal.push({ field: 'accounts', rule: `account ${id} is not connected to this workspace (list them with Account → Get Many)` });
		else if (account.locked) {
			fatal.push({
				field: 'accounts',
				rule: `account "${account.name}" (${account.id}) is locked in Publer, which refuses every post to it: unlock it in Publer (or upgrade the plan), or leave it out of Accounts`,
			});
		} else accounts.push(account);
	}
	const settings = new Map<string, AccountSetting>();
	for (const setting of input.accountSettings) {
		const id = String(setting.account ?? '').trim();
		if (!id) continue;
		if (!accountIds.includes(id)) {
			fatal.push({ field: 'accountSettings', rule: `account ${id} has per-account settings but is not one of the chosen accounts` });
			continue;
		}
		settings.set(id, setting);
	}
	return { accounts, settings };
}

/**
 * The `accounts[]` of the post (one per chosen account, with its extras and time) and the targets that
 * record what each account gets.
 */
export function accountTargets(
	post: IDataObject,
	input: PostInput,
	accounts: AccountInfo[],
	settings: Map<string, AccountSetting>,
	accountsById: Map<string, AccountInfo>,
	networks: IDataObject,
	sharedTime: ParsedDateTime | undefined,
	fatal: RuleProblem[],
	problems: RuleProblem[],
	notes: string[] = [],
): { targetList: IDataObject[]; targets: PostTarget[] } {
	const targets: PostTarget[] = [];
	const tiktok = accounts.filter((account) => account.provider === 'tiktok');
	if (tiktok.length > 1 && input.mode !== 'draft') {
		problems.push({ field: 'accounts', rule: `Publer allows one TikTok account per post; this post has ${tiktok.length}. Split it into one post per TikTok account.` });
	}
	const targetList: IDataObject[] = [];
	const shareIds = toStringList(input.extras.autoShareAccounts);
	for (const id of shareIds) {
		const shareAccount = accountsById.get(id);
		if (!shareAccount) fatal.push({ field: 'extras.autoShareAccounts', rule: `auto-share account ${id} is not connected to this workspace` });
		else if (['instagram', 'youtube', 'wordpress'].includes(shareAccount.provider)) {
			problems.push({ field: 'extras.autoShareAccounts', rule: `auto-share to ${NETWORK_RULES[shareAccount.provider].label} is not supported` });
		}
	}
	for (const account of accounts) {
		const setting = settings.get(account.id);
		const target: IDataObject = { id: account.id, ...accountExtras(input, account.provider, fatal, problems) };
		if ((account.provider === 'facebook' || account.provider === 'pinterest') && isGiven(setting?.albumId)) target.album_id = String(setting?.albumId).trim();
		if (account.provider === 'pinterest' && !target.album_id && isGiven(input.overrides.pinterest?.boardId)) {
			target.album_id = String(input.overrides.pinterest?.boardId).trim();
		}
		if (isGiven(setting?.signature)) target.signature = String(setting?.signature).trim();
		if ((isGiven(input.extras.albumId) || isGiven(setting?.albumId)) && account.provider !== 'facebook' && account.provider !== 'pinterest') {
			// Album / board IDs exist on Facebook and Pinterest only: not sent to other accounts, and said so.
			notes.push(`Album ID not sent to ${account.name}: ${NETWORK_RULES[account.provider].label} has no albums or boards`);
		}

		const key = Object.keys(networks).find((networkKey) => NETWORK_RULES[account.provider].keys.includes(networkKey)) ?? NETWORK_RULES[account.provider].keys[0];
		problems.push(...checkAccountBlock(account, (networks[key] as IDataObject) ?? {}, `networks.${key}`));
		const text = String(((networks[key] as IDataObject) ?? {}).text ?? '');
		const meta: PostTarget = { accountId: account.id, provider: account.provider, accountName: account.name, networkKey: key, text };

		scheduleTarget(post, target, meta, input, account, setting, sharedTime, fatal, problems);
		targets.push(meta);
		targetList.push(target);
	}
	return { targetList, targets };
}
