import type {
	DocumentKind,
	InsatsAccessVia,
	InsatsFollowUp,
	InsatsInriktning,
	InsatsIntake,
	InsatsLifeStatus,
	InsatsProviderKind,
	InsatsProviderRole,
	InsatsStatus,
	InsatsTargetGroup
} from './schema.ts';

// The Swedish words for the catalogue's values, as Uppföljning Finsam and Insatskatalogen use them:
// for the pages, the editor's forms, the exports and the audit log alike.

export const INRIKTNING_LABELS: Record<InsatsInriktning, string> = {
	individinriktad: 'Individinriktad',
	strukturovergripande: 'Strukturövergripande'
};

export const FOLLOW_UP_LABELS: Record<InsatsFollowUp, string> = {
	personuppgifter: 'Med personuppgifter eller anonym',
	endast_antal: 'Endast antal'
};

export const INSATS_STATUS_LABELS: Record<InsatsStatus, string> = {
	draft: 'Utkast',
	review: 'Granskas',
	published: 'Publicerad'
};

export const LIFE_STATUS_LABELS: Record<InsatsLifeStatus, string> = {
	planerad: 'Planerad',
	pagaende: 'Pågående',
	avslutad: 'Avslutad',
	ordinarie: 'Införd i ordinarie verksamhet'
};

export const ACCESS_VIA_LABELS: Record<InsatsAccessVia, string> = {
	handlaggare: 'Genom en handläggare',
	sjalv: 'På egen hand',
	bada: 'Genom en handläggare eller på egen hand'
};

export const INTAKE_LABELS: Record<InsatsIntake, string> = {
	ja: 'Tar emot deltagare',
	nej: 'Tar inte emot deltagare just nu',
	vantelista: 'Väntelista'
};

export const TARGET_GROUP_LABELS: Record<InsatsTargetGroup, string> = {
	unga: 'Unga 16–29 år',
	sjukskrivna_utan_sgi: 'Sjukskrivna utan sjukpenninggrundande inkomst',
	forsorjningsstod: 'Personer med försörjningsstöd',
	nyanlanda: 'Nyanlända',
	npf: 'Neuropsykiatriska funktionsnedsättningar',
	psykisk_ohalsa: 'Psykisk ohälsa',
	aktivitetsersattning: 'Aktivitetsersättning',
	langtidsarbetslosa: 'Långtidsarbetslösa',
	sjukskrivna: 'Sjukskrivna',
	missbruk: 'Missbruk eller beroende',
	personal: 'Personal hos medlemmarna'
};

export const PROVIDER_ROLE_LABELS: Record<InsatsProviderRole, string> = {
	huvudman: 'Huvudman',
	utforare: 'Utförare'
};

export const PROVIDER_KIND_LABELS: Record<InsatsProviderKind, string> = {
	kommun: 'Kommun',
	region: 'Region',
	arbetsformedlingen: 'Arbetsförmedlingen',
	forsakringskassan: 'Försäkringskassan',
	socialt_foretag: 'Socialt företag',
	ideburen: 'Idéburen organisation',
	annan: 'Annan'
};

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
	rapport: 'Rapport',
	kartlaggning: 'Kartläggning',
	utvardering: 'Utvärdering',
	verksamhetsplan: 'Verksamhetsplan',
	arsredovisning: 'Årsredovisning',
	protokoll: 'Protokoll',
	ovrigt: 'Övrigt'
};
