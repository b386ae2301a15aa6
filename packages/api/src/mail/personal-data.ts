import type { PersonalDataRegistration } from '../core/index.ts';

// The outbox is transport, not a record: mail to the person (sent, waiting or failed) is deleted.
export const personalData: PersonalDataRegistration = {
	domain: 'mail',
	columns: [{ table: 'mail_outbox', column: 'recipient', identifies: 'email', erase: 'delete' }]
};
