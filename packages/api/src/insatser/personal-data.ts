import type { PersonalDataRegistration } from '../core/index.ts';

// An insats is the förbund's; the people who wrote, reviewed and approved it are links that go,
// and a named contact is taken out of its contact list.
export const personalData: PersonalDataRegistration = {
	domain: 'insatser',
	columns: [
		...(['author_id', 'updated_by', 'submitted_by', 'approved_by', 'reviewed_by', 'review_comment_by'] as const).map(
			(column) => ({ table: 'insats', column, identifies: 'user', erase: 'unlink' }) as const
		),
		{ table: 'insats', column: 'contacts', identifies: 'contacts', erase: 'unlink' },
		{ table: 'insats_revision', column: 'saved_by', identifies: 'user', erase: 'unlink' }
	]
};
