// GENERATED_NOTICE
export { loadLogin as load, loginActions as actions } from '@regionportalen/site-kit/accounts/server';
