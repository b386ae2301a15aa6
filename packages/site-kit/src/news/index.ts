// News in the browser: the news list and its cards, where an item is read, and the statuses' names.
export { default as NewsCard } from './components/NewsCard.svelte';
export { default as NewsList } from './components/NewsList.svelte';
export { articleHref } from './links.ts';
export { STATUS_LABELS } from './labels.ts';
