import type { PersonalDataRegistration } from '../core/index.ts';

export const personalData: PersonalDataRegistration = {
	domain: 'content',
	columns: [
		{ table: 'content_page', column: 'author_id', identifies: 'user', erase: 'unlink' },
		{ table: 'content_page', column: 'updated_by', identifies: 'user', erase: 'unlink' },
		{ table: 'content_page_revision', column: 'saved_by', identifies: 'user', erase: 'unlink' }
	]
};
