import type { INodePropertyOptions } from 'n8n-workflow';

/** Account providers as `GET /accounts` returns them (publer-api.md §5.5). */
export const PROVIDERS = [
	'bluesky',
	'facebook',
	'google',
	'instagram',
	'linkedin',
	'mastodon',
	'pinterest',
	'telegram',
	'threads',
	'tiktok',
	'twitter',
	'wordpress',
	'youtube',
] as const;

export type Provider = (typeof PROVIDERS)[number];

export const PROVIDER_LABELS: Record<Provider, string> = {
	bluesky: 'Bluesky',
	facebook: 'Facebook',
	google: 'Google Business',
	instagram: 'Instagram',
	linkedin: 'LinkedIn',
	mastodon: 'Mastodon',
	pinterest: 'Pinterest',
	telegram: 'Telegram',
	threads: 'Threads',
	tiktok: 'TikTok',
	twitter: 'X (Twitter)',
	wordpress: 'WordPress',
	youtube: 'YouTube',
};

export const NETWORK_OPTIONS: INodePropertyOptions[] = PROVIDERS.map((p) => ({ name: PROVIDER_LABELS[p], value: p })).sort(
	(a, b) => a.name.localeCompare(b.name),
);
