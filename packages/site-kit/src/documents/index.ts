// Documents in the browser: the list of documents (the library page, an insats's page), the types'
// and text statuses' names.
export { default as DocumentList } from './components/DocumentList.svelte';
export { DOCUMENT_KIND_LABELS, TEXT_STATUS_LABELS, documentDate } from './labels.ts';
