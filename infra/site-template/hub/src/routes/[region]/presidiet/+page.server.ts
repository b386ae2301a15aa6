// GENERATED_NOTICE
export { loadMinutesList as load } from '@regionportalen/site-kit/server/routes/minutes';

// Reading pages ship no JavaScript: they are complete as HTML.
export const csr = false;
