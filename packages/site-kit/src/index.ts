// The package's main entry, `@regionportalen/site-kit`: what the sites' own Svelte files use.
// Pages are imported by path (`@regionportalen/site-kit/<domain>/pages/<Page>.svelte`), loads and
// actions from `@regionportalen/site-kit/<domain>/server`.
export { Notice, Pagination, SiteShell, formatDate, formatDateTime, isoDay, paragraphs } from './core/index.ts';
export { NewsList, STATUS_LABELS } from './news/index.ts';
