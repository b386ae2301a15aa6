import { error, redirect, type RequestEvent, type ServerLoadEvent } from '@sveltejs/kit';
import { canArrangeMenu, canSetRegionFeatures, FEATURE_LABELS } from '@regionportalen/api';
import { FEATURES, type Feature } from '@regionportalen/db';
import { api, apiFormResult, loginUrl, orErrorPage, type SiteLocals } from '../../core/server/index.ts';

// /admin/meny: the site's main menu in the order its admin wants, edited with plain forms (move up,
// move down, remove, add), each saving the whole order; on the hub the region is picked in the
// address, and a platform admin also turns the region's features on and off there.

type Owner = { forbund: string } | { region: string };

async function ownerOf(locals: SiteLocals, url: URL) {
	if (!locals.user) redirect(303, loginUrl(url));
	const caller = api(locals);
	const me = await caller.users.me();
	if (locals.site.kind === 'forbund') {
		const forbund = await orErrorPage(caller.sites.forbund({ slug: locals.site.forbund }), url);
		if (!canArrangeMenu(me.memberships, { forbundId: forbund.id, regionId: forbund.region_id })) {
			error(403, 'Bara webbplatsens administratörer kan ändra menyn.');
		}
		return { owner: { forbund: forbund.slug } as Owner, name: forbund.name, regions: [], region: null };
	}
	const all = await Promise.all(locals.site.regions.map((slug) => orErrorPage(caller.sites.region({ slug }), url)));
	const regions = all.filter((r) => canArrangeMenu(me.memberships, { forbundId: null, regionId: r.id }));
	if (regions.length === 0) error(403, 'Bara webbplatsens administratörer kan ändra menyn.');
	const region = regions.find((r) => r.slug === url.searchParams.get('region')) ?? regions[0]!;
	return {
		owner: { region: region.slug } as Owner,
		name: region.name,
		regions: regions.map((r) => ({ slug: r.slug, name: r.name })),
		region: { slug: region.slug, featuresOff: region.features_off, editable: canSetRegionFeatures(me.memberships) }
	};
}

export async function loadMenuAdmin({ locals, url }: ServerLoadEvent) {
	const { owner, name, regions, region } = await ownerOf(locals, url);
	const menu = await orErrorPage(api(locals).sites.menuForEditing({ owner }), url);
	const features = region?.editable
		? FEATURES.map((f) => ({ value: f, label: FEATURE_LABELS[f], on: !region.featuresOff.includes(f) }))
		: null;
	return { name, regions, region: region?.slug ?? null, features, ...menu };
}

export type MenuAdminData = Awaited<ReturnType<typeof loadMenuAdmin>>;

/** Saves the current order changed by `change`; the page shows the API's refusal, if any. */
async function rearrange(event: RequestEvent, change: (keys: string[], key: string) => string[]) {
	const { owner } = await ownerOf(event.locals, event.url);
	const caller = api(event.locals);
	const key = String((await event.request.formData()).get('key') ?? '');
	const { entries } = await orErrorPage(caller.sites.menuForEditing({ owner }), event.url);
	const keys = change(
		entries.map((e) => e.key),
		key
	);
	const result = await apiFormResult(caller.sites.saveMenu({ owner, keys }), event);
	return result.ok ? { saved: 'menu' as const } : result.failure;
}

function move(keys: string[], key: string, by: -1 | 1) {
	const at = keys.indexOf(key);
	const to = at + by;
	if (at < 0 || to < 0 || to >= keys.length) return keys;
	const next = [...keys];
	[next[at], next[to]] = [next[to]!, next[at]!];
	return next;
}

export const menuAdminActions = {
	upp: (event: RequestEvent) => rearrange(event, (keys, key) => move(keys, key, -1)),
	ner: (event: RequestEvent) => rearrange(event, (keys, key) => move(keys, key, 1)),
	tabort: (event: RequestEvent) => rearrange(event, (keys, key) => keys.filter((k) => k !== key)),
	laggtill: (event: RequestEvent) => rearrange(event, (keys, key) => [...keys, key]),

	/** The hub: which features the region has (a platform admin's). */
	funktioner: async (event: RequestEvent) => {
		const { owner } = await ownerOf(event.locals, event.url);
		if (!('region' in owner)) error(404, 'Sidan finns inte.');
		const on = (await event.request.formData()).getAll('on').map(String);
		const off = FEATURES.filter((f: Feature) => !on.includes(f));
		const result = await apiFormResult(api(event.locals).sites.setRegionFeatures({ region: owner.region, off }), event);
		return result.ok ? { saved: 'features' as const } : result.failure;
	}
};
