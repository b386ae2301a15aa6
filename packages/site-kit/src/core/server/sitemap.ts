import type { RequestHandler } from '@sveltejs/kit';
import { api } from './api.ts';

// sitemap.xml and robots.txt for every site, at the site's public origin.

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const day = (d: Date) => d.toISOString().slice(0, 10);

export const sitemap: RequestHandler = async ({ locals }) => {
	const caller = api(locals);
	const entries: { path: string; lastmod?: Date }[] = [{ path: '/' }];
	if (locals.site.kind === 'forbund') {
		if (!locals.site.features || locals.site.features.includes('news')) {
			entries.push({ path: '/nyheter' });
			for (const item of await caller.news.sitemap({ owner: { forbund: locals.site.forbund } })) {
				entries.push({ path: `/nyheter/${item.slug}`, lastmod: item.updated_at });
			}
		}
	} else {
		for (const region of locals.site.regions) {
			entries.push({ path: `/${region}` }, { path: `/${region}/om` });
			if ((await caller.sites.region({ slug: region })).features_off.includes('news')) continue;
			entries.push({ path: `/${region}/nyheter` });
			for (const item of await caller.news.sitemap({ owner: { region } })) {
				entries.push({ path: `/${region}/nyheter/${item.slug}`, lastmod: item.updated_at });
			}
		}
	}
	const urls = entries
		.map(
			({ path, lastmod }) =>
				`<url><loc>${xmlEscape(locals.origin + path)}</loc>${lastmod ? `<lastmod>${day(lastmod)}</lastmod>` : ''}</url>`
		)
		.join('\n');
	const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
	return new Response(body, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};

export const robots: RequestHandler = ({ locals }) =>
	new Response(
		[
			'User-agent: *',
			'Disallow: /redaktor',
			'Disallow: /logga-in',
			'Disallow: /sok',
			'Disallow: /*/sok',
			'',
			`Sitemap: ${locals.origin}/sitemap.xml`,
			''
		].join('\n'),
		{ headers: { 'content-type': 'text/plain; charset=utf-8' } }
	);
