// GENERATED_NOTICE
export { loadAccount as load, accountActions as actions } from '@regionportalen/site-kit/server/routes/account';

// A plain HTML form page: no JavaScript, so nothing typed is overwritten while a script loads.
export const csr = false;
