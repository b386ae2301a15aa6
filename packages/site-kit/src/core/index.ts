// What every domain's pages build on: the site's frame, notices, pagination, the Markdown preview,
// the print view and the error page; what items with an image, attachments and versions share
// (news, content pages), for visitors and in the editor; Swedish formatting; the browser's way to
// the API. Pages that ship to the browser import it, so it holds no server code (only types).
export { default as SiteShell } from './components/SiteShell.svelte';
export { default as Notice } from './components/Notice.svelte';
export { default as ErrorSummary } from './components/ErrorSummary.svelte';
export { default as FieldError } from './components/FieldError.svelte';
export { default as Pagination } from './components/Pagination.svelte';
export { default as FilterForm } from './components/FilterForm.svelte';
export { default as MarkdownPreview } from './components/MarkdownPreview.svelte';
export { default as PrintView } from './components/PrintView.svelte';
export { default as ImageFigure } from './components/ImageFigure.svelte';
export { default as AttachmentList } from './components/AttachmentList.svelte';
export { default as ImageEditor } from './components/ImageEditor.svelte';
export { default as ImageTextFields } from './components/ImageTextFields.svelte';
export { default as AttachmentsEditor } from './components/AttachmentsEditor.svelte';
export { default as RevisionsTable } from './components/RevisionsTable.svelte';
export { default as StatusBadge } from './components/StatusBadge.svelte';
export { default as ErrorPage } from './pages/ErrorPage.svelte';
export { callQuery } from './client/trpc.ts';
export * from './format.ts';
export type { Owner } from './server/owner.ts';
