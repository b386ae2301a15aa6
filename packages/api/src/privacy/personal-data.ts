import type { PersonalDataRegistration } from '../core/index.ts';

// The request record is the proof that a request was answered (accountability, GDPR art. 5.2), so
// erasure keeps it: it names the person by account id or by a digest of their address, never the
// address itself.
export const personalData: PersonalDataRegistration = {
	domain: 'privacy',
	columns: [
		{
			table: 'personal_data_request',
			column: 'handled_by',
			identifies: 'user',
			erase: 'keep',
			reason: 'bevis på hanterad begäran'
		},
		{
			table: 'personal_data_request',
			column: 'subject_email_sha256',
			identifies: 'none',
			erase: 'keep',
			reason: 'bevis på hanterad begäran, utan adressen i klartext'
		}
	]
};
