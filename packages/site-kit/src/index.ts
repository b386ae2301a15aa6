export { default as SiteShell } from './components/SiteShell.svelte';
export { default as NewsList } from './components/NewsList.svelte';
export { default as Pagination } from './components/Pagination.svelte';
export { default as Notice } from './components/Notice.svelte';
export * from './format.ts';
