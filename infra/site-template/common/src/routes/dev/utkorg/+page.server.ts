// GENERATED_NOTICE
export { loadOutbox as load } from '@regionportalen/site-kit/server/routes/dev';

// A plain HTML form page: no JavaScript, so nothing typed is overwritten while a script loads.
export const csr = false;
