// GENERATED_NOTICE
export { loadForbundStart as load } from '@regionportalen/site-kit/server/routes/start';

// Reading pages ship no JavaScript: they are complete as HTML.
export const csr = false;
