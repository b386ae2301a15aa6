// The audit writer lives in @regionportalen/db, so that the account verbs (packages/auth, the
// sign-in pages) write their entries with the same function and in their own transaction.
export { recordAudit, type AuditEntry } from '@regionportalen/db/audit';
