import type {
	ProjectContactRole,
	ProjectFundingForm,
	ProjectLifeStatus,
	ProjectPartnerRole,
	ProjectStatus
} from './schema.ts';

// The Swedish words for a joint project's values, as the ESF's project rules use them: for the
// pages, the editor's forms and the audit log alike.

export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
	draft: 'Utkast',
	review: 'Väntar på godkännande',
	published: 'Publicerat'
};

export const PROJECT_LIFE_STATUS_LABELS: Record<ProjectLifeStatus, string> = {
	planerad: 'Planerat',
	pagaende: 'Pågående',
	avslutad: 'Avslutat'
};

export const PARTNER_ROLE_LABELS: Record<ProjectPartnerRole, string> = {
	projektagare: 'Projektägare',
	samverkanspart: 'Samverkanspart',
	samarbetspart: 'Samarbetspart',
	medfinansiar: 'Medfinansiär',
	deltagande_aktor: 'Deltagande aktör'
};

/** What each ESF role means, for the page's legend and the editor's help text. */
export const PARTNER_ROLE_DESCRIPTIONS: Record<ProjectPartnerRole, string> = {
	projektagare: 'Söker och redovisar stödet och för pengarna vidare till samverkansparterna.',
	samverkanspart: 'Tar emot en del av stödet för sitt arbete i projektet.',
	samarbetspart: 'Medfinansierar med eget arbete som inte ersätts.',
	medfinansiar: 'Medfinansierar med pengar.',
	deltagande_aktor: 'Deltar med personal i projektets aktiviteter.'
};

export const FUNDING_FORM_LABELS: Record<ProjectFundingForm, string> = {
	pengar: 'Pengar',
	arbete: 'Eget arbete'
};

export const PROJECT_CONTACT_ROLE_LABELS: Record<ProjectContactRole, string> = {
	projektchef: 'Projektchef',
	projektledare: 'Projektledare',
	ekonom: 'Ekonom',
	kommunikator: 'Kommunikatör',
	annan: 'Kontakt'
};
