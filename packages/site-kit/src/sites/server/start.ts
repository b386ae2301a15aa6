import type { ServerLoadEvent } from '@sveltejs/kit';
import { api, orErrorPage, ownerFor } from '../../core/server/index.ts';

/** A förbund site's start page: who we are and, where the site has news, the latest. */
export async function loadForbundStart({ locals, url }: ServerLoadEvent) {
	if (locals.site.kind !== 'forbund') throw new Error('loadForbundStart serves förbund sites');
	const caller = api(locals);
	const slug = locals.site.forbund;
	const news = !locals.site.features || locals.site.features.includes('news');
	const [forbund, latest, fromRegion] = await Promise.all([
		orErrorPage(caller.sites.forbund({ slug }), url),
		news ? orErrorPage(caller.news.latest({ owner: { forbund: slug }, count: 5 }), url) : null,
		news ? orErrorPage(caller.news.fromRegion({ forbund: slug }), url) : []
	]);
	return { forbund, latest, fromRegion };
}

/** The hub's start page: every region it serves, with its förbund and latest shared news. */
export async function loadHubStart({ locals, url }: ServerLoadEvent) {
	if (locals.site.kind !== 'hub') throw new Error('loadHubStart serves the hub');
	const caller = api(locals);
	const regions = await Promise.all(
		locals.site.regions.map(async (slug) => {
			const [region, latest] = await Promise.all([
				orErrorPage(caller.sites.region({ slug }), url),
				orErrorPage(caller.news.latest({ owner: { region: slug }, count: 4 }), url)
			]);
			return { ...region, latest: region.features_off.includes('news') ? null : latest };
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
	const [region, latest] = await Promise.all([
		orErrorPage(caller.sites.region({ slug: owner.region }), url),
		orErrorPage(caller.news.latest({ owner: { region: owner.region }, count: 6 }), url)
	]);
	return { region, latest: region.features_off.includes('news') ? null : latest };
}

export type RegionData = Awaited<ReturnType<typeof loadRegion>>;
