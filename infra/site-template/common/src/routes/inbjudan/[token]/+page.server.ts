// GENERATED_NOTICE
export { loadInvitation as load, invitationActions as actions } from '@regionportalen/site-kit/server/routes/recovery';

// A plain HTML form page: no JavaScript, so nothing typed is overwritten while a script loads.
export const csr = false;
