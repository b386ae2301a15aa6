import { error } from '@sveltejs/kit';
import type { RouterInputs } from '@regionportalen/api';
import type { SiteLocals } from './locals.ts';

export type Owner = RouterInputs['news']['create']['owner'];

/**
 * Whose news a page is about: a förbund site's own, or on the hub the region in the path. A region
 * the hub does not serve is a 404.
 */
export function ownerFor(locals: SiteLocals, params: Partial<Record<string, string>>): Owner {
	const site = locals.site;
	if (site.kind === 'forbund') return { forbund: site.forbund };
	const region = params.region ?? site.regions[0];
	if (!site.regions.includes(region)) error(404, 'Regionen finns inte på den här webbplatsen.');
	return { region };
}

/** The path prefix under which an owner's pages live: '' on a förbund site, '/<region>' on the hub. */
export function basePath(owner: Owner): string {
	return 'region' in owner ? `/${owner.region}` : '';
}
