import type { PersonalDataRegistration } from '../core/index.ts';

// The account itself, its sign-in state and its roles: all exist only for the person, so erasure
// deletes them. Removing the account (app_user) is the platform admin's alone; the privacy domain
// leaves it out of a förbund admin's erasure.
export const personalData: PersonalDataRegistration = {
	domain: 'accounts',
	columns: [
		{ table: 'app_user', column: 'id', identifies: 'user', erase: 'delete' },
		{ table: 'app_user', column: 'email', identifies: 'email', erase: 'delete', with: ['name'] },
		{ table: 'session', column: 'user_id', identifies: 'user', erase: 'delete' },
		{ table: 'recovery_code', column: 'user_id', identifies: 'user', erase: 'delete' },
		{ table: 'membership', column: 'user_id', identifies: 'user', erase: 'delete' },
		{ table: 'auth_token', column: 'user_id', identifies: 'user', erase: 'delete' },
		{ table: 'auth_token', column: 'email', identifies: 'email', erase: 'delete' },
		{ table: 'auth_token', column: 'created_by', identifies: 'user', erase: 'unlink' }
	]
};
