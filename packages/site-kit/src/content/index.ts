// Content pages in the browser: the statuses' names.
export { PAGE_STATUS_LABELS } from './labels.ts';
