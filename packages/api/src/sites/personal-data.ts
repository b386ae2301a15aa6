import type { PersonalDataRegistration } from '../core/index.ts';

// A region's, a förbund's and an accessibility statement's published contact may be a named person
// rather than a functional address; when that person asks, the contact is cleared (the admins set a
// new one) rather than the site losing anything else.
export const personalData: PersonalDataRegistration = {
	domain: 'sites',
	columns: [
		{
			table: 'region',
			column: 'contact_email',
			identifies: 'email',
			erase: 'unlink',
			with: ['contact_name', 'contact_phone']
		},
		{ table: 'forbund', column: 'contact_email', identifies: 'email', erase: 'unlink', with: ['contact_phone'] },
		{
			table: 'accessibility_statement',
			column: 'contact_email',
			identifies: 'email',
			erase: 'unlink',
			with: ['contact_phone']
		}
	]
};
