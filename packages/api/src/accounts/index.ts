// Accounts and roles: people, their memberships, invitations and the audit log.
export { canAdministerScope, canReadAuditLog, type AdminScope } from './access.ts';
export { AUDIT_PAGE_SIZE, adminRouter } from './admin-router.ts';
export { BOARD_ROLE_LABELS, ROLE_LABELS, roleLabel } from './roles.ts';
export { usersRouter } from './users-router.ts';
export { personalData } from './personal-data.ts';
