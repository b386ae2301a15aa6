import type { PersonalDataRegistration } from '../core/index.ts';

export const personalData: PersonalDataRegistration = {
	domain: 'documents',
	columns: [
		{ table: 'document', column: 'created_by', identifies: 'user', erase: 'unlink' },
		{ table: 'document', column: 'updated_by', identifies: 'user', erase: 'unlink' }
	]
};
