// Rules of the per-account target of a post (§6.6–6.8): signature, watermark, album, auto-share, follow-up
// comments, auto-delete. Each returns the failure message Publer would give, or null.
import type { SandboxState } from '../store';
import type { Account } from '../seed';
import { NETWORKS, PLAN_INDEX } from '../networks';
import { charCount } from '../../util/text';
import { DAY, MINUTE } from '../../util/time';
import { isObject } from './envelope';
import { mediaKind } from './contentRules';

function durationMs(d: any): number {
	if (!isObject(d)) return 0;
	return d.duration * ({ Minute: MINUTE, Hour: 3600000, Day: DAY, Week: 7 * DAY } as Record<string, number>)[d.unit];
}

/** Callbacks, signature, watermark, album (§6.6–6.8). */
export function targetProblem(target: any, block: any, acc: Account, state: SandboxState, workspacePlan: string, workspaceId: string): string | null {
	const net = NETWORKS[acc.provider];
	if (target.signature !== undefined && target.signature !== null) {
		if (net.noSignature && !acc.premium) return `Signatures are not available for ${net.label}`;
		if (!acc.signatures.some((s) => s.id === target.signature)) return `Signature ${target.signature} does not belong to ${acc.name}`;
	}
	if (target.watermark !== undefined && target.watermark !== null) {
		if (net.noWatermark) return `Watermarks are not supported on ${net.label}`;
		const ws = state.workspacesById.get(workspaceId)!;
		if (!isObject(target.watermark) || !ws.watermarks.some((w) => w.id === target.watermark.id)) return 'Watermark not found: pass a full watermark object from media_options';
		const kinds = (Array.isArray(block.media) ? block.media : []).map((m: any) => mediaKind(m, state));
		const plan = PLAN_INDEX[workspacePlan] ?? 2;
		if (kinds.includes('video') && plan < 2) return 'Watermarks on videos need the Business plan';
		if (kinds.includes('photo') && plan < 1) return 'Watermarks on photos need the Professional plan';
	}
	if (target.album_id !== undefined && target.album_id !== null) {
		if (acc.provider !== 'facebook' && acc.provider !== 'pinterest') return `${net.label} has no albums or boards`;
		if (!acc.albums.some((a) => a.id === String(target.album_id))) return `Album/board ${target.album_id} was not found on ${acc.name}`;
	}
	if (isObject(target.share)) {
		const ids = target.share.account_ids;
		if (!Array.isArray(ids) || ids.length === 0) return 'share.account_ids must list at least one account';
		for (const id of ids) {
			const t = state.accountsById.get(id);
			if (!t || t.workspace_id !== workspaceId) return `Auto-share account ${id} is not in this workspace`;
			if (['instagram', 'youtube', 'wordpress'].includes(t.provider)) return `Auto-share to ${NETWORKS[t.provider].label} is not supported`;
			if (t.provider === 'google' && !(typeof target.share.text === 'string' && target.share.text.trim()) && !(typeof block.text === 'string' && block.text.trim())) {
				return 'Auto-share to Google Business needs text';
			}
		}
		if (block.details?.reminder === true) return 'Posts published via reminder cannot be auto-shared';
	}
	if (Array.isArray(target.comments)) {
		for (const c of target.comments) {
			if (!isObject(c) || (!(typeof c.text === 'string' && c.text.trim()) && !isObject(c.media))) return 'Each follow-up comment needs text or media';
			if (typeof c.text === 'string' && charCount(c.text) > net.textLimit) return `Comment is ${charCount(c.text)} characters; ${net.label} allows ${net.textLimit}`;
		}
	}
	if (isObject(target.delete) && durationMs(target.delete.delay) <= 0 && !isObject(target.delete.conditions)) return 'delete.delay must be a positive duration';
	return null;
}
