// Deterministic seed data: users, keys, workspaces, accounts (one per network and more), signatures,
// albums/boards, watermarks, labels, competitors and a few library media. Same options → same ids.
import { createHash } from 'crypto';
import { hash32, seedId } from '../util/ids';
import { NETWORKS, PROVIDERS, Provider } from './networks';

export interface User { id: string; email: string; name: string; first_name: string; picture: string }
export interface ApiKey { key: string; userId: string; scopes: string[]; revoked: boolean; name: string }
export interface Label { id: string; name: string; color: string }
export interface Workspace {
	id: string; name: string; ownerId: string; plan: string; picture: string;
	members: { userId: string; role: string }[];
	labels: Label[];
	watermarks: any[];
}
export interface Account {
	id: string; workspace_id: string; provider: Provider; name: string; social_id: string; picture: string;
	type: string; username: string; slots: string[]; needs_reauth: boolean; locked: boolean; premium: boolean; followers: number;
	signatures: any[]; albums: any[];
}
export interface Competitor {
	id: string; workspace_id: string; account_id: string; provider: string; name: string; social_id: string;
	picture: string; type: string; username?: string; verified?: boolean; followers: number;
}

export interface Seed {
	users: User[];
	keys: ApiKey[];
	workspaces: Workspace[];
	accounts: Account[];
	competitors: Competitor[];
	media: any[];
	main: { userId: string; memberId: string; otherUserId: string; ws: string; ws2: string; wsOther: string };
	keyNames: { full: string; noAnalytics: string; postsOnly: string; readOnly: string; revoked: string; otherUser: string; member: string };
}

const ALL_SCOPES = ['workspaces', 'accounts', 'posts', 'media', 'analytics'];
const CDN = 'https://cdn.publer.test';
const SLOTS = ['09:00', '13:00', '17:30'];

function apiKey(label: string): string {
	return createHash('sha256').update('publer-sandbox-key:' + label).digest('hex').slice(0, 48);
}

function decimalId(label: string, digits = 18): string {
	let s = '';
	let i = 0;
	while (s.length < digits) s += String(hash32(label + ':' + i++)).padStart(10, '0');
	return (String((hash32(label) % 9) + 1) + s).slice(0, digits);
}

const PRIMARY_TYPE: Record<Provider, string[]> = {
	facebook: ['page', 'group', 'profile'], instagram: ['business'], twitter: ['profile'], linkedin: ['page', 'profile'],
	pinterest: ['business', 'profile'], youtube: ['channel'], tiktok: ['profile', 'profile'], google: ['location'],
	wordpress: ['blog'], telegram: ['channel'], mastodon: ['profile'], threads: ['profile'], bluesky: ['profile'],
};

const NAMES: Record<string, string> = {
	'facebook:page': 'Sandbox Bakery', 'facebook:group': 'Bakery Fans Group', 'facebook:profile': 'Ana Baker',
	'instagram:business': 'sandbox.bakery', 'twitter:profile': 'Sandbox Bakery (X)', 'linkedin:page': 'Sandbox Bakery Inc.',
	'linkedin:profile': 'Ana Baker (LinkedIn)', 'pinterest:business': 'Sandbox Bakery Pins', 'pinterest:profile': "Ana's Recipes",
	'youtube:channel': 'Sandbox Bakery TV', 'tiktok:profile': 'sandboxbakery', 'google:location': 'Sandbox Bakery – Main Street',
	'wordpress:blog': 'Sandbox Bakery Blog', 'telegram:channel': 'Sandbox Bakery News', 'mastodon:profile': 'bakery@mastodon.social',
	'threads:profile': 'sandbox.bakery (Threads)', 'bluesky:profile': 'sandboxbakery.bsky.social',
};

function makeAccount(wsId: string, provider: Provider, type: string, index: number, name: string, extra: Partial<Account> = {}): Account {
	const id = seedId(`account:${wsId}:${provider}:${type}:${index}:${name}`);
	const username = name.toLowerCase().replace(/[^a-z0-9]+/g, '') || provider;
	const social_id = provider === 'bluesky'
		? `did:plc:${id.slice(0, 24)}`
		: provider === 'google' ? `locations/${decimalId(id, 19)}` : decimalId(id, 17);
	return {
		id, workspace_id: wsId, provider, name, social_id,
		picture: `${CDN}/uploads/avatars/${provider}_${id.slice(-6)}.jpg`,
		type, username, slots: SLOTS.slice(), needs_reauth: false, locked: false, premium: false,
		followers: 800 + (hash32(id) % 9000), signatures: [], albums: [],
		...extra,
	};
}

function decorate(acc: Account): void {
	if (!NETWORKS[acc.provider].noSignature) {
		acc.signatures.push({ id: seedId('sig:' + acc.id + ':0'), label: 'Default sign-off', text: `— The ${acc.name} team`, default: true, in_photo_captions: false });
		if (acc.provider === 'facebook' || acc.provider === 'instagram' || acc.provider === 'linkedin') {
			acc.signatures.push({ id: seedId('sig:' + acc.id + ':1'), label: 'Order online', text: 'Order online at https://bakery.example.com', default: false, in_photo_captions: acc.provider === 'facebook' });
		}
	}
	if (acc.provider === 'facebook' && acc.type !== 'group') {
		acc.albums.push({ id: decimalId('album:' + acc.id + ':0', 16), name: 'Product Photos', type: 'facebook' });
		acc.albums.push({ id: decimalId('album:' + acc.id + ':1', 16), name: 'Events', type: 'facebook' });
	}
	if (acc.provider === 'pinterest') {
		acc.albums.push({ id: decimalId('board:' + acc.id + ':0', 18), name: 'Product Ideas', type: 'pinterest' });
		acc.albums.push({ id: decimalId('board:' + acc.id + ':1', 18), name: 'Recipes', type: 'pinterest' });
	}
}

export function buildSeed(opts: { extraWorkspaces?: number; accountsPerNetwork?: number } = {}): Seed {
	const perNetwork = Math.max(1, opts.accountsPerNetwork ?? 1);
	const users: User[] = [
		{ id: seedId('user:ana'), email: 'ana@bakery.example.com', name: 'anabaker', first_name: 'Ana', picture: `${CDN}/uploads/photos/thumb_ana.png` },
		{ id: seedId('user:mira'), email: 'mira@bakery.example.com', name: 'miraposts', first_name: 'Mira', picture: `${CDN}/uploads/photos/thumb_mira.png` },
		{ id: seedId('user:otto'), email: 'otto@rival.example.com', name: 'ottorival', first_name: 'Otto', picture: `${CDN}/uploads/photos/thumb_otto.png` },
	];
	const [ana, mira, otto] = users;
	const keyNames = {
		full: apiKey('full'), noAnalytics: apiKey('noAnalytics'), postsOnly: apiKey('postsOnly'), readOnly: apiKey('readOnly'),
		revoked: apiKey('revoked'), otherUser: apiKey('otherUser'), member: apiKey('member'),
	};
	const keys: ApiKey[] = [
		{ key: keyNames.full, userId: ana.id, scopes: ALL_SCOPES, revoked: false, name: 'Full access' },
		{ key: keyNames.noAnalytics, userId: ana.id, scopes: ['workspaces', 'accounts', 'posts', 'media'], revoked: false, name: 'No analytics' },
		{ key: keyNames.postsOnly, userId: ana.id, scopes: ['posts'], revoked: false, name: 'Posts only' },
		{ key: keyNames.readOnly, userId: ana.id, scopes: ['workspaces', 'accounts', 'analytics'], revoked: false, name: 'Read only (no posts/media)' },
		{ key: keyNames.revoked, userId: ana.id, scopes: ALL_SCOPES, revoked: true, name: 'Revoked' },
		{ key: keyNames.otherUser, userId: otto.id, scopes: ALL_SCOPES, revoked: false, name: 'Other user' },
		{ key: keyNames.member, userId: mira.id, scopes: ALL_SCOPES, revoked: false, name: 'Teammate' },
	];
	const watermarks = (wsId: string) => [
		{ id: seedId('wm:' + wsId + ':0'), name: 'Brand Logo', opacity: 80, size: 6, position: 'bottom_right', default: true, image: `${CDN}/watermarks/logo.png` },
		{ id: seedId('wm:' + wsId + ':1'), name: 'Corner Stamp', opacity: 50, size: 10, position: 'top_left', default: false, image: `${CDN}/watermarks/stamp.png` },
	];
	const labels = (wsId: string): Label[] => [
		{ id: seedId('label:' + wsId + ':campaign'), name: 'Campaign', color: '#ff0000' },
		{ id: seedId('label:' + wsId + ':evergreen'), name: 'Evergreen', color: '#00aa55' },
		{ id: seedId('label:' + wsId + ':launch'), name: 'Launch', color: '#3366ff' },
	];
	const ws = seedId('workspace:main');
	const ws2 = seedId('workspace:second');
	const wsOther = seedId('workspace:other');
	const workspaces: Workspace[] = [
		{ id: ws, name: 'Sandbox Bakery', ownerId: ana.id, plan: 'business', picture: `${CDN}/uploads/logos/bakery.png`, members: [{ userId: ana.id, role: 'owner' }, { userId: mira.id, role: 'editor' }], labels: labels(ws), watermarks: watermarks(ws) },
		{ id: ws2, name: 'Client Workspace', ownerId: ana.id, plan: 'professional', picture: `${CDN}/uploads/logos/client.png`, members: [{ userId: ana.id, role: 'owner' }], labels: labels(ws2), watermarks: watermarks(ws2) },
		{ id: wsOther, name: 'Rival Workspace', ownerId: otto.id, plan: 'business', picture: `${CDN}/uploads/logos/rival.png`, members: [{ userId: otto.id, role: 'owner' }], labels: labels(wsOther), watermarks: watermarks(wsOther) },
	];
	for (let i = 0; i < (opts.extraWorkspaces ?? 0); i++) {
		const id = seedId('workspace:extra:' + i);
		workspaces.push({ id, name: `Extra Workspace ${i + 1}`, ownerId: ana.id, plan: 'business', picture: `${CDN}/uploads/logos/extra.png`, members: [{ userId: ana.id, role: 'admin' }], labels: labels(id), watermarks: watermarks(id) });
	}

	const accounts: Account[] = [];
	for (const provider of PROVIDERS) {
		const types = PRIMARY_TYPE[provider];
		types.forEach((type, i) => {
			let name = NAMES[`${provider}:${type}`] ?? `${provider} ${type}`;
			if (provider === 'tiktok' && i === 1) name = 'sandboxbakery.kitchen';
			accounts.push(makeAccount(ws, provider, type, i, name));
		});
		for (let n = 1; n < perNetwork; n++) {
			accounts.push(makeAccount(ws, provider, types[0], 100 + n, `${NETWORKS[provider].label} ${types[0]} ${n + 1}`));
		}
	}
	accounts.push(makeAccount(ws, 'facebook', 'page', 900, 'Reauth Page', { needs_reauth: true }));
	accounts.push(makeAccount(ws, 'facebook', 'page', 901, 'No Slots Page', { slots: [] }));
	// listed only with variants.accountTypes 'observed' (store.workspaceAccounts), so default lists are unchanged
	accounts.push(makeAccount(ws, 'facebook', 'page', 902, 'Locked Page', { locked: true }));
	accounts.push(makeAccount(ws2, 'facebook', 'page', 0, 'Client Cafe'));
	accounts.push(makeAccount(ws2, 'instagram', 'business', 0, 'client.cafe'));
	accounts.push(makeAccount(wsOther, 'facebook', 'page', 0, 'Rival Bakery'));
	accounts.push(makeAccount(wsOther, 'twitter', 'profile', 0, 'Rival Bakery (X)'));
	for (const w of workspaces.slice(3)) accounts.push(makeAccount(w.id, 'facebook', 'page', 0, `${w.name} Page`));
	accounts.forEach(decorate);

	const byKey = (p: string, t: string) => accounts.find((a) => a.workspace_id === ws && a.provider === p && a.type === t)!;
	const comp = (acc: Account, name: string, provider: string, type: string, extra: Partial<Competitor>): Competitor => ({
		id: seedId('competitor:' + acc.id + ':' + name), workspace_id: ws, account_id: acc.id, provider, name,
		social_id: decimalId('competitor:' + name, 17), picture: `${CDN}/uploads/avatars/competitor_${hash32(name) % 1000}.jpg`, type,
		followers: 5000 + (hash32(name) % 20000), ...extra,
	});
	const ig = byKey('instagram', 'business');
	const tw = byKey('twitter', 'profile');
	const fb = byKey('facebook', 'page');
	const competitors: Competitor[] = [
		comp(ig, 'Rival Brand', 'instagram', 'business', { username: 'rivalbrand' }),
		comp(ig, 'Crumb & Co', 'instagram', 'business', { username: 'crumbandco' }),
		comp(tw, 'Daily Loaf', 'twitter', 'profile', { username: 'dailyloaf', verified: true }),
		comp(fb, 'Corner Patisserie', 'facebook', 'page', { username: 'cornerpatisserie', verified: false }),
	];

	const media = [
		{ id: seedId('media:croissant'), workspace_id: ws, type: 'photo', name: 'croissant.jpg', caption: 'Fresh croissants', bytes: 412_331, width: 1080, height: 1080, mime: 'image/jpeg', source: 'upload', favorite: true, in_library: true, labels: [] as string[] },
		{ id: seedId('media:tour'), workspace_id: ws, type: 'video', name: 'bakery-tour.mp4', caption: null, bytes: 18_220_113, width: 1080, height: 1920, mime: 'video/mp4', source: 'upload', favorite: false, in_library: true, labels: [] as string[] },
		{ id: seedId('media:steam'), workspace_id: ws, type: 'gif', name: 'steam.gif', caption: null, bytes: 1_002_113, width: 480, height: 480, mime: 'image/gif', source: 'upload', favorite: false, in_library: true, labels: [] as string[] },
		{ id: seedId('media:big'), workspace_id: ws, type: 'photo', name: 'poster-9mb.png', caption: 'Large poster', bytes: 9_500_000, width: 4000, height: 6000, mime: 'image/png', source: 'canva', favorite: false, in_library: true, labels: [] as string[] },
	];

	return {
		users, keys, workspaces, accounts, competitors, media, keyNames,
		main: { userId: ana.id, memberId: mira.id, otherUserId: otto.id, ws, ws2, wsOther },
	};
}
