// GENERATED_NOTICE
export { loadArticlePrint as load } from '@regionportalen/site-kit/server/routes/archive';

// Reading pages ship no JavaScript: they are complete as HTML.
export const csr = false;
