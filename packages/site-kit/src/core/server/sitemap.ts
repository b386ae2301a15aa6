import type { RequestHandler } from '@sveltejs/kit';
import type { Feature } from '@regionportalen/db';
import { api } from './api.ts';

// sitemap.xml and robots.txt for every site, at the site's public origin.

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const day = (d: Date) => d.toISOString().slice(0, 10);

export const sitemap: RequestHandler = async ({ locals }) => {
	const caller = api(locals);
	const entries: { path: string; lastmod?: Date }[] = [{ path: '/' }];
	/** The news, insatser, library, projects, social enterprises and content pages of one owner, under `base`, as far as the site has those features. */
	const owned = async (owner: { forbund: string } | { region: string }, base: string, has: (f: Feature) => boolean) => {
		if (has('news')) {
			entries.push({ path: `${base}/nyheter` });
			for (const item of await caller.news.sitemap({ owner })) {
				entries.push({ path: `${base}/nyheter/${item.slug}`, lastmod: item.updated_at });
			}
		}
		if (has('insatser')) {
			entries.push({ path: `${base}/insatser` });
			// An insats's page is on its förbund's own site only.
			if ('forbund' in owner) {
				for (const insats of await caller.insatser.sitemap({ forbund: owner.forbund })) {
					entries.push({ path: `/insatser/${insats.slug}`, lastmod: insats.updated_at });
				}
			}
		}
		if (has('documents')) entries.push({ path: `${base}/dokument` });
		if (has('projects')) {
			entries.push({ path: `${base}/projekt` });
			for (const project of await caller.projects.sitemap({ owner })) {
				entries.push({ path: `${base}/projekt/${project.slug}`, lastmod: project.updated_at });
			}
		}
		if (has('asf')) {
			entries.push({ path: `${base}/asf` });
			for (const enterprise of await caller.asf.sitemap({ owner })) {
				entries.push({ path: `${base}/asf/${enterprise.slug}`, lastmod: enterprise.updated_at });
			}
		}
		if (has('content')) {
			for (const page of await caller.content.sitemap({ owner })) {
				entries.push({ path: `${base}${page.path}`, lastmod: page.updated_at });
			}
		}
	};
	if (locals.site.kind === 'forbund') {
		const { features } = locals.site;
		await owned({ forbund: locals.site.forbund }, '', (f) => !features || features.includes(f));
	} else {
		for (const region of locals.site.regions) {
			entries.push({ path: `/${region}` }, { path: `/${region}/om` });
			const off = (await caller.sites.region({ slug: region })).features_off;
			await owned({ region }, `/${region}`, (f) => !off.includes(f));
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
			// The pages an enterprise's secret link opens.
			'Disallow: /*/asf/platser/',
			'',
			`Sitemap: ${locals.origin}/sitemap.xml`,
			''
		].join('\n'),
		{ headers: { 'content-type': 'text/plain; charset=utf-8' } }
	);
