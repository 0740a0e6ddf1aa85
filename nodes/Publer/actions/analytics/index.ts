import type { INodeProperties } from 'n8n-workflow';

import type { PublerResource } from '../types';
import * as getBestTimes from './getBestTimes.operation';
import * as getChartData from './getChartData.operation';
import * as getCharts from './getCharts.operation';
import * as getCompetitorAnalytics from './getCompetitorAnalytics.operation';
import * as getCompetitors from './getCompetitors.operation';
import * as getHashtagInsights from './getHashtagInsights.operation';
import * as getHashtagTopPosts from './getHashtagTopPosts.operation';
import * as getMemberAnalytics from './getMemberAnalytics.operation';
import * as getPostInsights from './getPostInsights.operation';

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['analytics'] } },
		options: [
			{
				name: 'Get Best Times',
				value: 'getBestTimes',
				description:
					'Read-only. Rank the weekday-and-hour slots with the best engagement for one account or the whole workspace, to pick when to schedule posts.',
				action: 'Get best times to post',
			},
			{
				name: 'Get Chart Data',
				value: 'getChartData',
				description:
					'Read-only. Get the figures of analytics charts (e.g. followers, reach, engagement) for a date range and the preceding period, for one account or the whole workspace.',
				action: 'Get chart data',
			},
			{
				name: 'Get Charts',
				value: 'getCharts',
				description: 'Read-only. List the analytics charts Publer offers (their IDs are used by Get Chart Data).',
				action: 'Get charts',
			},
			{
				name: 'Get Competitor Analytics',
				value: 'getCompetitorAnalytics',
				description:
					'Read-only. Compare an account with its tracked competitors: followers, growth, engagement, reach and post counts over a date range.',
				action: 'Get competitor analytics',
			},
			{
				name: 'Get Competitors',
				value: 'getCompetitors',
				description: 'Read-only. List the competitors tracked for one account or the whole workspace.',
				action: 'Get competitors',
			},
			{
				name: 'Get Hashtag Insights',
				value: 'getHashtagInsights',
				description:
					'Read-only. Rank the hashtags used in published posts by posts, reach, likes, comments, shares or video views over a date range.',
				action: 'Get hashtag insights',
			},
			{
				name: 'Get Hashtag Top Posts',
				value: 'getHashtagTopPosts',
				description: 'Read-only. Get the best-performing posts (up to 6) that used a given hashtag.',
				action: 'Get top posts for a hashtag',
			},
			{
				name: 'Get Member Analytics',
				value: 'getMemberAnalytics',
				description:
					'Read-only. Get per team member the number of posts, engagements and reach over a date range.',
				action: 'Get member analytics',
			},
			{
				name: 'Get Post Insights',
				value: 'getPostInsights',
				description:
					'Read-only. List published posts with their performance (reach, likes, comments, shares, engagement rate, …) over a date range, sortable by any figure.',
				action: 'Get post insights',
			},
		],
		default: 'getPostInsights',
	},
	...getBestTimes.description,
	...getChartData.description,
	...getCharts.description,
	...getCompetitorAnalytics.description,
	...getCompetitors.description,
	...getHashtagInsights.description,
	...getHashtagTopPosts.description,
	...getMemberAnalytics.description,
	...getPostInsights.description,
];

export const analytics: PublerResource = {
	description,
	operations: {
		getBestTimes,
		getChartData,
		getCharts,
		getCompetitorAnalytics,
		getCompetitors,
		getHashtagInsights,
		getHashtagTopPosts,
		getMemberAnalytics,
		getPostInsights,
	},
};
