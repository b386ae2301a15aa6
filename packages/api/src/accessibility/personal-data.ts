import type { PersonalDataRegistration } from '../core/index.ts';

// A report's reporter may give a name and an address; erasure deletes their reports (the gap it
// reported is recorded in the statement, which is the förbund's).
export const personalData: PersonalDataRegistration = {
	domain: 'accessibility',
	columns: [
		{ table: 'accessibility_report', column: 'email', identifies: 'email', erase: 'delete', with: ['name'] },
		{ table: 'accessibility_report', column: 'updated_by', identifies: 'user', erase: 'unlink' },
		{ table: 'accessibility_statement', column: 'updated_by', identifies: 'user', erase: 'unlink' }
	]
};
