import type { PersonalDataRegistration } from './personal-data.ts';

// The audit log names people by account id only (migration 0014 took the addresses out of it).
// Entries are evidence of who did what and are never rewritten: erasure keeps them, and the ids
// become null when the account itself is removed (on delete set null). The IP address stays beside
// the entry for the same reason (a security log, kept under legitimate interest).
export const personalData: PersonalDataRegistration = {
	domain: 'audit',
	columns: [
		{ table: 'audit_log', column: 'actor_id', identifies: 'user', erase: 'keep', reason: 'revisionsspår' },
		{ table: 'audit_log', column: 'subject_id', identifies: 'user', erase: 'keep', reason: 'revisionsspår' },
		{ table: 'audit_log', column: 'ip', identifies: 'none', erase: 'keep', reason: 'säkerhetslogg vid posten' }
	]
};
