import type { PersonalDataRegistration } from '../core/index.ts';

export const personalData: PersonalDataRegistration = {
	domain: 'projects',
	columns: [
		...(['author_id', 'updated_by', 'submitted_by', 'approved_by', 'review_comment_by'] as const).map(
			(column) => ({ table: 'project', column, identifies: 'user', erase: 'unlink' }) as const
		),
		{ table: 'project', column: 'contacts', identifies: 'contacts', erase: 'unlink' },
		{ table: 'project_revision', column: 'saved_by', identifies: 'user', erase: 'unlink' }
	]
};
