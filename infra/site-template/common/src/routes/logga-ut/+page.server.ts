// GENERATED_NOTICE
export { loadLogout as load, logoutActions as actions } from '@regionportalen/site-kit/accounts/server';
