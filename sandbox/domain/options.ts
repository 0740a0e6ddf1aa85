// Start options with their defaults, and the variant switches with the values each accepts.
import { randomBytes } from 'crypto';
import type { SandboxOptions, SandboxVariants } from '../types';

export const DEFAULT_VARIANTS: SandboxVariants = {
	jobEnvelope: 'top',
	completeToken: 'complete',
	failuresShape: 'array',
	submitStatus: 200,
	submitEnvelope: 'top',
	rateLimitHeaders: 'always',
	mediaListShape: 'union',
	analyticsDates: 'optional',
	authCodes: 'documented',
	accountTypes: 'documented',
	jobStatusNull: 'off',
	singleImport: false,
	postLinks: 'documented',
};

/** Accepted values of each variant (the first is the default). */
export const VARIANT_VALUES: Record<keyof SandboxVariants, readonly unknown[]> = {
	jobEnvelope: ['top', 'data'],
	completeToken: ['complete', 'completed'],
	failuresShape: ['array', 'object'],
	submitStatus: [200, 202],
	submitEnvelope: ['top', 'data'],
	rateLimitHeaders: ['always', 'nearLimit'],
	mediaListShape: ['union', 'openapi', 'rendered'],
	analyticsDates: ['optional', 'required'],
	authCodes: ['documented', 'swapped'],
	accountTypes: ['documented', 'observed'],
	jobStatusNull: ['off', 'null', 'unknown'],
	singleImport: [false, true],
	postLinks: ['documented', 'observed'],
};

export interface ResolvedOptions {
	port: number;
	rateLimit: { limit: number; windowSeconds: number } | false;
	rateLimitClock: 'real' | 'sandbox';
	now: number;
	clockMode: 'frozen' | 'realtime';
	jobWorkingPolls: number;
	jobDurationMs: number;
	asyncJobs: boolean;
	postsPerPage: number;
	mediaPerPage: number;
	variants: SandboxVariants;
	seed: { extraWorkspaces?: number; accountsPerNetwork?: number; historyPosts?: number };
	logBodies: boolean;
	maxLoggedRequests: number;
	maxUploadBytes: number;
	controlKey: string;
}

export function resolveOptions(options: SandboxOptions = {}): ResolvedOptions {
	const now = options.now === undefined ? Date.now() : new Date(options.now).getTime();
	if (Number.isNaN(now)) throw new Error('SandboxOptions.now is not a valid date');
	return {
		port: options.port ?? 0,
		rateLimit: options.rateLimit === undefined ? { limit: 100, windowSeconds: 120 } : options.rateLimit,
		rateLimitClock: options.rateLimitClock ?? 'real',
		now,
		clockMode: options.clockMode ?? 'frozen',
		jobWorkingPolls: options.jobWorkingPolls ?? 1,
		jobDurationMs: options.jobDurationMs ?? 5000,
		asyncJobs: options.asyncJobs ?? false,
		postsPerPage: options.postsPerPage ?? 20,
		mediaPerPage: options.mediaPerPage ?? options.postsPerPage ?? 20,
		variants: { ...DEFAULT_VARIANTS, ...(options.variants ?? {}) },
		seed: options.seed ?? {},
		logBodies: options.logBodies ?? true,
		maxLoggedRequests: options.maxLoggedRequests ?? 10000,
		maxUploadBytes: options.maxUploadBytes ?? 200 * 1024 * 1024,
		controlKey: options.controlKey || randomBytes(16).toString('hex'),
	};
}
