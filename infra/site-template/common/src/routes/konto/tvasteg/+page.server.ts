// GENERATED_NOTICE
export { loadEnrol as load, enrolActions as actions } from '@regionportalen/site-kit/accounts/server';
