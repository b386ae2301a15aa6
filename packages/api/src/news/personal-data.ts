import type { PersonalDataRegistration } from '../core/index.ts';

// Published news keep their text (the förbund's publication); the author link and the named
// contact go, as WordPress attributes a removed user's posts to no one.
export const personalData: PersonalDataRegistration = {
	domain: 'news',
	columns: [
		{ table: 'news', column: 'author_id', identifies: 'user', erase: 'unlink' },
		{ table: 'news', column: 'updated_by', identifies: 'user', erase: 'unlink' },
		{ table: 'news', column: 'contact_email', identifies: 'email', erase: 'unlink', with: ['contact_name'] },
		{ table: 'news_revision', column: 'saved_by', identifies: 'user', erase: 'unlink' },
		{ table: 'news_revision', column: 'contact_email', identifies: 'email', erase: 'unlink', with: ['contact_name'] }
	]
};
