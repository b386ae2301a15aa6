// GENERATED_NOTICE
export { loadLayout as load } from '@regionportalen/site-kit/core/server';

// Pages ship no JavaScript unless theirs says so (the editor, search): they are complete as HTML and
// plain forms, so nothing typed is lost while a script loads, and error pages, which take the
// layout's setting, ship none either.
export const csr = false;
