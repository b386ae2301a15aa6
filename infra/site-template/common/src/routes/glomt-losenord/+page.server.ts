// GENERATED_NOTICE
export { forgotPasswordActions as actions } from '@regionportalen/site-kit/accounts/server';
