import { error } from '@sveltejs/kit';
import type { Handle } from '@sveltejs/kit/hooks';
import type { Feature } from '@regionportalen/db';
import { api } from './api.ts';
import type { SiteLocals } from './locals.ts';

/**
 * The routes each feature brings (infra/site-template/features/<feature>), by their first segments
 * under the mount point; the longest match wins, so the content editor under /redaktor/sidor is
 * content's while /redaktor is news'. A test holds this equal to the template.
 */
export const FEATURE_ROUTES: Record<Feature, string[]> = {
	news: ['nyheter', 'redaktor'],
	search: ['sok'],
	minutes: ['presidiet'],
	content: ['redaktor/sidor', '[...path]'],
	insatser: ['insatser', 'redaktor/insatser', 'admin/insatser', 'presidiet/katalogens-anvandning'],
	documents: ['dokument', 'redaktor/dokument'],
	projects: ['projekt', 'redaktor/projekt'],
	asf: ['asf']
};

/** The feature a route belongs to (`/[region]/nyheter/[slug]` → news), or null for the site's own routes. */
export function featureOfRoute(routeId: string | null, kind: 'forbund' | 'hub'): Feature | null {
	if (!routeId) return null;
	const prefix = kind === 'hub' ? '/[region]' : '';
	if (!routeId.startsWith(`${prefix}/`)) return null;
	const rest = routeId.slice(prefix.length + 1);
	let best: { feature: Feature; length: number } | null = null;
	for (const [feature, roots] of Object.entries(FEATURE_ROUTES) as [Feature, string[]][]) {
		for (const root of roots) {
			if ((rest === root || rest.startsWith(`${root}/`)) && root.length > (best?.length ?? -1)) {
				best = { feature, length: root.length };
			}
		}
	}
	return best?.feature ?? null;
}

/**
 * On the hub, a feature a platform admin turned off for a region is a 404 on every route of it
 * there. A page's 404 is the site's own error page, thrown by `[region]/+layout.server.ts`
 * (`regionLayout`, which reads `locals.featureOff`); anything else (a feed, a file) is answered here,
 * and a write is refused before it runs. A förbund site has no routes for the features it left out.
 */
export const featureGate: Handle = async ({ event, resolve }) => {
	event.locals.featureOff = false;
	const { site } = event.locals;
	const region = (event.params as Partial<Record<string, string>>).region;
	const feature = site.kind === 'hub' && region ? featureOfRoute(event.route.id, 'hub') : null;
	if (!feature || !region) return resolve(event);
	// As a visitor: a region's facts are public, and a visitor's read needs no transaction.
	const off = await api({ ...event.locals, user: null, session: null })
		.sites.region({ slug: region })
		.then((r) => r.features_off.includes(feature))
		.catch(() => false);
	if (!off) return resolve(event);
	const notFound = () =>
		new Response('Sidan finns inte.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
	if (event.request.method !== 'GET' && event.request.method !== 'HEAD') return notFound();
	event.locals.featureOff = true;
	const response = await resolve(event);
	return response.status === 404 ? response : notFound();
};

/** The hub's `[region]/+layout.server.ts`: a turned-off feature's pages are the site's 404. */
export function regionLayout({ locals }: { locals: SiteLocals }) {
	if (locals.featureOff) error(404, 'Sidan finns inte.');
	return {};
}
