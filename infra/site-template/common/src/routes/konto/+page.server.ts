// GENERATED_NOTICE
export { loadAccount as load, accountActions as actions } from '@regionportalen/site-kit/accounts/server';
