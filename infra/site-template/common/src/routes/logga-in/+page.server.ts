// GENERATED_NOTICE
export { loadLogin as load, loginActions as actions } from '@regionportalen/site-kit/server/routes/auth';

// A plain HTML form page: no JavaScript, so nothing typed is overwritten while a script loads.
export const csr = false;
