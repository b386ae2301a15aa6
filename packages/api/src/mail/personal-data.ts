import type { PersonalDataRegistration } from '../core/index.ts';

// The outbox is transport, not a record: mail to the person (sent, waiting or failed) is deleted.
export const personalData: PersonalDataRegistration = {
	domain: 'mail',
	columns: [
		{
			table: 'mail_outbox',
			column: 'recipient',
			identifies: 'email',
			erase: 'delete',
			// The body is sealed and not the servers' to read; what was sent, when and how it went is.
			exports: ['id', 'recipient', 'subject', 'status', 'created_at', 'sent_at', 'forbund_id']
		}
	]
};
