// GENERATED_NOTICE
export { loadAuditLog as load } from '@regionportalen/site-kit/server/routes/admin';

// A plain HTML form page: no JavaScript, so nothing typed is overwritten while a script loads.
export const csr = false;
