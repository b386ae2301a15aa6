// GENERATED_NOTICE
export { loadConfirmEmail as load, confirmEmailActions as actions } from '@regionportalen/site-kit/accounts/server';
