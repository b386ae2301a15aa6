// GENERATED_NOTICE
export { loadTag as load } from '@regionportalen/site-kit/server/routes/archive';

// Reading pages ship no JavaScript: they are complete as HTML.
export const csr = false;
