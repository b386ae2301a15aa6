import type { ServerLoadEvent } from '@sveltejs/kit';
import { api } from '../api.ts';
import { orErrorPage } from '../errors.ts';
import { ownerFor } from '../owner.ts';

/** A förbund site's start page: who we are and the latest news. */
export async function loadForbundStart({ locals, url }: ServerLoadEvent) {
	if (locals.site.kind !== 'forbund') throw new Error('loadForbundStart serves förbund sites');
	const caller = api(locals);
	const [forbund, news, fromRegion] = await Promise.all([
		orErrorPage(caller.sites.forbund({ slug: locals.site.forbund }), url),
		orErrorPage(caller.news.list({ forbund: locals.site.forbund, page: 1 }), url),
		orErrorPage(caller.news.fromRegion({ forbund: locals.site.forbund }), url)
	]);
	return { forbund, latest: news.items.slice(0, 5), fromRegion };
}

/** The hub's start page: every region it serves, with its förbund and latest shared news. */
export async function loadHubStart({ locals, url }: ServerLoadEvent) {
	if (locals.site.kind !== 'hub') throw new Error('loadHubStart serves the hub');
	const caller = api(locals);
	const regions = await Promise.all(
		locals.site.regions.map(async (slug) => {
			const [region, feed] = await Promise.all([
				orErrorPage(caller.sites.region({ slug }), url),
				orErrorPage(caller.news.regionFeed({ region: slug, page: 1 }), url)
			]);
			return { ...region, latest: feed.items.slice(0, 4) };
		})
	);
	return { regions };
}

export type ForbundStartData = Awaited<ReturnType<typeof loadForbundStart>>;
export type HubStartData = Awaited<ReturnType<typeof loadHubStart>>;

/** A region's page on the hub: about the region, its förbund, and the latest of its feed. */
export async function loadRegion({ locals, url, params }: ServerLoadEvent) {
	const owner = ownerFor(locals, params);
	if (!('region' in owner)) throw new Error('loadRegion serves the hub');
	const caller = api(locals);
	const [region, feed] = await Promise.all([
		orErrorPage(caller.sites.region({ slug: owner.region }), url),
		orErrorPage(caller.news.regionFeed({ region: owner.region, page: 1 }), url)
	]);
	return { region, latest: feed.items.slice(0, 6) };
}

export type RegionData = Awaited<ReturnType<typeof loadRegion>>;
