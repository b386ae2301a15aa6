// The Swedish words for a joint project's values (the database package's, so the API, the forms and
// the pages say the same).
export {
	FUNDING_FORM_LABELS,
	PARTNER_ROLE_DESCRIPTIONS,
	PARTNER_ROLE_LABELS,
	PROJECT_CONTACT_ROLE_LABELS,
	PROJECT_LIFE_STATUS_LABELS,
	PROJECT_STATUS_LABELS
} from '@regionportalen/db';
