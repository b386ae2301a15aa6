// GENERATED_NOTICE
export { loadResetPassword as load, resetPasswordActions as actions } from '@regionportalen/site-kit/accounts/server';
