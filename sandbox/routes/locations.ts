// GET /locations?network=&q= and /locations/{network}?q= (§5.16, community-documented only): five synthetic
// places per search term, stable ids.
import type { FastifyRequest } from 'fastify';
import { AddRoute, RouteConfig, paramsOf, queryOf } from '../app/route';
import { badRequest } from '../util/httpError';
import { queryString } from '../util/query';

const LOCATIONS: RouteConfig = { scope: 'posts', workspace: true };
const SUFFIXES = ['', ' City Center', ' Airport', ' Old Town', ' Central Station'];

function hashText(text: string): number {
	let hash = 7;
	for (let i = 0; i < text.length; i++) hash = (hash * 31 + text.charCodeAt(i)) >>> 0;
	return hash;
}

function searchLocations(req: FastifyRequest) {
	const query = queryOf(req);
	const network = paramsOf(req).network ?? queryString(query, 'network') ?? 'facebook';
	if (!['facebook', 'instagram', 'threads'].includes(network)) throw badRequest('network must be facebook, instagram or threads');
	const term = (queryString(query, 'q') ?? '').trim();
	if (!term) throw badRequest('q is required');
	const name = term.charAt(0).toUpperCase() + term.slice(1);
	return SUFFIXES.map((suffix, i) => ({
		id: String(100000000000000 + ((hashText(network + term + i) % 899999999) * 1000)),
		name: name + suffix,
		address: `${name}${suffix}, ${i + 1} Main Street`,
	}));
}

export function registerLocationRoutes(addRoute: AddRoute): void {
	addRoute('GET', '/locations', LOCATIONS, (req) => searchLocations(req));
	addRoute('GET', '/locations/:network', LOCATIONS, (req) => searchLocations(req));
}
