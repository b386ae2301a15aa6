// GENERATED_NOTICE
export { loadAuditLog as load } from '@regionportalen/site-kit/server/routes/admin';
