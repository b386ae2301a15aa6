// Content pages in the browser: the site search's list of page hits, and the statuses' names.
export { default as PageHits } from './components/PageHits.svelte';
export { PAGE_STATUS_LABELS } from './labels.ts';
