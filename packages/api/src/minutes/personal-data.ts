import type { PersonalDataRegistration } from '../core/index.ts';

// Approved minutes are public records: an attendee's name and title stay as the minutes say; only
// the link to the account goes.
export const personalData: PersonalDataRegistration = {
	domain: 'minutes',
	columns: [
		{ table: 'meeting', column: 'created_by', identifies: 'user', erase: 'unlink' },
		{ table: 'meeting', column: 'public_changed_by', identifies: 'user', erase: 'unlink' },
		{ table: 'meeting_minutes', column: 'created_by', identifies: 'user', erase: 'unlink' },
		{ table: 'meeting_minutes', column: 'updated_by', identifies: 'user', erase: 'unlink' },
		{ table: 'meeting_minutes', column: 'approved_by', identifies: 'user', erase: 'unlink' },
		{ table: 'meeting_minutes', column: 'published_by', identifies: 'user', erase: 'unlink' },
		{ table: 'minutes_attendee', column: 'user_id', identifies: 'user', erase: 'unlink' },
		{
			table: 'minutes_attendee',
			column: 'name',
			identifies: 'none',
			erase: 'keep',
			reason: 'allmän handling: justerade protokoll bevaras med närvarandes namn'
		}
	]
};
