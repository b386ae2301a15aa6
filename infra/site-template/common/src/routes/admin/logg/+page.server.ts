// GENERATED_NOTICE
export { loadAuditLog as load } from '@regionportalen/site-kit/accounts/server';
