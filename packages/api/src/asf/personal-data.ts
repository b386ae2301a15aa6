import type { PersonalDataRegistration } from '../core/index.ts';

// Enterprises, agreements and requests are the region's records; staff links go, a named contact
// is taken out of the enterprise's list. Notes are written by staff about the enterprise, so the
// note stays and its author link goes.
export const personalData: PersonalDataRegistration = {
	domain: 'asf',
	columns: [
		{ table: 'asf_enterprise', column: 'created_by', identifies: 'user', erase: 'unlink' },
		{ table: 'asf_enterprise', column: 'updated_by', identifies: 'user', erase: 'unlink' },
		{ table: 'asf_enterprise', column: 'contacts', identifies: 'contacts', erase: 'unlink' },
		{ table: 'asf_place_history', column: 'recorded_by', identifies: 'user', erase: 'unlink' },
		{ table: 'asf_update_link', column: 'created_by', identifies: 'user', erase: 'unlink' },
		{ table: 'asf_note', column: 'author_id', identifies: 'user', erase: 'unlink' },
		{ table: 'asf_request', column: 'requested_by', identifies: 'user', erase: 'unlink' },
		{ table: 'asf_request_step', column: 'recorded_by', identifies: 'user', erase: 'unlink' },
		{ table: 'asf_agreement', column: 'created_by', identifies: 'user', erase: 'unlink' },
		{ table: 'asf_agreement', column: 'updated_by', identifies: 'user', erase: 'unlink' },
		{ table: 'asf_agreement_document', column: 'linked_by', identifies: 'user', erase: 'unlink' }
	]
};
