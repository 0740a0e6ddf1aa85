// What the store holds: posts (one per post × account), jobs and media, with the fields the rules and views need.
import type { Label } from './seed';
import type { Provider } from './networks';

export interface Failure { account_id: string | null; account_name: string | null; provider: string | null; message: string }

export interface PostRecord {
	id: string;
	workspace_id: string;
	account_id: string | null;
	provider: Provider | null;
	network: string | null; // key of posts[].networks used
	state: string;
	type: string; // block type as sent
	post_type: string; // derived (§5.6 postType)
	text: string;
	title: string | null;
	url: string | null;
	media: any[];
	link: any;
	details: any;
	extra_content: Record<string, any>; // sublinks, options, duration, question, content, excerpt…
	labels: Label[];
	scheduled_at: number | null;
	created_at: number;
	updated_at: number;
	published_at: number | null;
	post_link: string | null;
	user_id: string;
	job_id: string | null;
	visible: boolean;
	immediate: boolean;
	auto: boolean;
	recycling: any;
	recurring: any;
	share: any;
	comments: any;
	delete: any;
	signature: string | null;
	watermark: any;
	album_id: string | null;
	metrics: Record<string, number> | null; // overrides
	error: string | null;
	/** where the post sits in the account schedule (gap rule and daily caps), null when it does not count */
	indexed: { t: number; capKey: string } | null;
	[key: string]: any;
}

export interface Job {
	id: string;
	workspace_id: string;
	user_id: string;
	kind: 'posts' | 'media';
	endpoint: string;
	submitted_at: number;
	completed_at: number | null;
	polls: number;
	status: 'working' | 'complete' | 'failed';
	failures: Failure[];
	post_ids: string[];
	media: MediaRecord[];
	immediate: boolean;
	requested_posts: number;
	pending?: Promise<void>; // media from-url: loopback fetches still running
}

export interface MediaRecord {
	id: string;
	workspace_id: string;
	type: 'photo' | 'video' | 'gif' | 'document';
	name: string;
	caption: string | null;
	bytes: number;
	width: number;
	height: number;
	mime: string;
	source: string | null;
	favorite: boolean;
	in_library: boolean;
	labels: string[];
	path: string;
	thumbnail: string;
	direct_upload: boolean;
	url?: string | null;
	created_at: number;
	updated_at: number;
}
