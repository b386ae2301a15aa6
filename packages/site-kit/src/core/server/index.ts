// What every domain's loads and actions build on: the API in-process, the database, error pages and
// form results, image and attachment actions, the hooks and locals, whose page it is, the page cache, the
// site's config, Stockholm time and Swedish formatting (../format.ts, the same in the browser); and
// the routes every site has (the layout, /media, sitemap.xml and robots.txt, the dev mail outbox).
// Domains import it from here only; it imports no domain.
export * from './api.ts';
export * from './attachment-actions.ts';
export * from './csv.ts';
export * from './db.ts';
export * from './dev.ts';
export * from './errors.ts';
export * from '../format.ts';
export * from './features.ts';
export * from './field-errors.ts';
export * from './forms.ts';
export * from './hooks.ts';
export * from './image-actions.ts';
export * from './layout.ts';
export * from './locals.ts';
export * from './media.ts';
export * from './owner.ts';
export * from './page-cache.ts';
export * from './security-headers.ts';
export * from './security-txt.ts';
export * from './site.ts';
export * from './sitemap.ts';
export * from './stockholm-time.ts';
export * from './csv.ts';
