// GENERATED_NOTICE
export { loadNewsList as load } from '@regionportalen/site-kit/server/routes/news';

// Reading pages ship no JavaScript: they are complete as HTML.
export const csr = false;
