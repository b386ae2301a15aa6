import { error } from '@sveltejs/kit';
import type { RouterInputs } from '@regionportalen/api';
import type { SiteLocals } from './locals.ts';

export type Owner = RouterInputs['news']['create']['owner'];

/**
 * Whose news a page is about: a förbund site's own, or on the hub the region in the path. A region
 * the hub does not serve is a 404.
 */
export function ownerFor(locals: SiteLocals, params: Partial<Record<string, string>>): Owner {
	return locals.site.kind === 'forbund' ? { forbund: locals.site.forbund } : { region: hubRegion(locals, params) };
}

/**
 * The region a page is about: a förbund site's own region, or on the hub the one in the path. A
 * region the hub does not serve is a 404.
 */
export function siteRegion(locals: SiteLocals, params: Partial<Record<string, string>>): string {
	return locals.site.kind === 'forbund' ? locals.site.region : hubRegion(locals, params);
}

function hubRegion(locals: SiteLocals, params: Partial<Record<string, string>>): string {
	const regions: readonly string[] = locals.site.kind === 'hub' ? locals.site.regions : [];
	const region = params.region ?? regions[0] ?? '';
	if (!regions.includes(region)) error(404, 'Regionen finns inte på den här webbplatsen.');
	return region;
}

/** The path prefix under which an owner's pages live: '' on a förbund site, '/<region>' on the hub. */
export function basePath(owner: Owner): string {
	return 'region' in owner ? `/${owner.region}` : '';
}
