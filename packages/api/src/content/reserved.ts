// Addresses a top-level content page may never take, because the site itself answers them: every
// top-level route of the site template (common, förbund, hub and every feature, and on the hub the
// routes under /<region>), and those of the domains still to come. A page at /nyheter would hide
// the news list, or be hidden by it. A test walks infra/site-template and fails on a route missing
// here; a name here without a route is harmless.
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
	// Every site.
	'admin',
	'api',
	'aterstall-losenord',
	'bekrafta-epost',
	'dev',
	'glomt-losenord',
	'inbjudan',
	'konto',
	'logga-in',
	'logga-ut',
	'media',
	'redaktor',
	'robots.txt',
	'sitemap.xml',
	'.well-known',
	// Features: news, minutes, search; the hub's region pages.
	'nyheter',
	'presidiet',
	'sok',
	'om',
	// Domains to come.
	'tillganglighet',
	'personuppgifter',
	'insatser',
	'dokument',
	'projekt',
	'asf',
	'evenemang',
	'nyhetsbrev'
]);

export const isReservedSlug = (slug: string) => RESERVED_SLUGS.has(slug);
