// What every domain's pages build on: the site's frame, notices, pagination, the Markdown preview,
// the print view and the error page; Swedish formatting; the browser's way to the API. Pages that
// ship to the browser import it, so it holds no server code (only types from server/).
export { default as SiteShell } from './components/SiteShell.svelte';
export { default as Notice } from './components/Notice.svelte';
export { default as Pagination } from './components/Pagination.svelte';
export { default as MarkdownPreview } from './components/MarkdownPreview.svelte';
export { default as PrintView } from './components/PrintView.svelte';
export { default as ErrorPage } from './pages/ErrorPage.svelte';
export { callQuery } from './client/trpc.ts';
export * from './format.ts';
export type { Owner } from './server/owner.ts';
