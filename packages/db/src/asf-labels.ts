import type {
	AsfAgreementForm,
	AsfAgreementStatus,
	AsfBuyerKind,
	AsfBusinessLine,
	AsfContactRole,
	AsfCriterion,
	AsfFollowUp,
	AsfLegalForm,
	AsfPlaceKind,
	AsfPlaceReport,
	AsfRequestNeed,
	AsfRequestStatus,
	AsfRequestStep
} from './schema.ts';

// The Swedish words for the ASF register's values, for the directory, the register's forms and the
// audit log alike. The criteria follow Tillväxtverket's definition of an arbetsintegrerande socialt
// företag.

export const ASF_LEGAL_FORM_LABELS: Record<AsfLegalForm, string> = {
	ekonomisk_forening: 'Ekonomisk förening',
	aktiebolag_svb: 'Aktiebolag med särskild vinstutdelningsbegränsning (svb)',
	aktiebolag: 'Aktiebolag',
	ideell_forening: 'Ideell förening',
	stiftelse: 'Stiftelse',
	handelsbolag: 'Handelsbolag',
	annan: 'Annan form'
};

export const ASF_BUSINESS_LINE_LABELS: Record<AsfBusinessLine, string> = {
	kafe_restaurang: 'Kafé och restaurang',
	catering: 'Catering',
	stad_lokalvard: 'Städ och lokalvård',
	fastighetsskotsel: 'Fastighetsskötsel',
	tradgard_gronyta: 'Trädgård och grönyteskötsel',
	second_hand: 'Second hand',
	redesign_textil: 'Redesign och textil',
	snickeri_hantverk: 'Snickeri och hantverk',
	tryck_reklam: 'Tryck och reklam',
	kontor_it: 'Kontor och IT',
	transport_flytt: 'Transport och flytt',
	cykel_fordon: 'Cykel- och fordonsverkstad',
	odling_livsmedel: 'Odling och livsmedel',
	ovrigt: 'Övrigt'
};

export const ASF_FOLLOW_UP_LABELS: Record<AsfFollowUp, string> = {
	arbetsformagebedomning: 'Bedömning av arbetsförmåga',
	narvarorapport: 'Närvarorapport',
	handlingsplan: 'Handlingsplan',
	kartlaggning: 'Kartläggning',
	slutrapport: 'Slutrapport'
};

export const ASF_CRITERION_LABELS: Record<AsfCriterion, string> = {
	syfte: 'Det övergripande syftet är att integrera människor som har stora svårigheter att få eller behålla ett arbete',
	delaktighet: 'Medarbetarna görs delaktiga genom ägande, avtal eller på annat dokumenterat sätt',
	aterinvestering: 'Vinsten återinvesteras i huvudsak i den egna eller liknande verksamhet',
	oberoende: 'Verksamheten är organisatoriskt fristående från offentlig verksamhet'
};

export const ASF_CONTACT_ROLE_LABELS: Record<AsfContactRole, string> = {
	verksamhetsansvarig: 'Verksamhetsansvarig',
	handledare: 'Handledare',
	annan: 'Kontakt'
};

export const ASF_PLACE_KIND_LABELS: Record<AsfPlaceKind, string> = {
	arbetstraning: 'Arbetsträning',
	forstarkt_arbetstraning: 'Förstärkt arbetsträning',
	praktik: 'Praktik',
	forrehabilitering: 'Förrehabilitering',
	arbetsprovning: 'Arbetsprövning',
	anstallning_med_stod: 'Anställning med stöd'
};

export const ASF_PLACE_REPORT_LABELS: Record<AsfPlaceReport, string> = {
	samordnare: 'ASF-samordnaren',
	lank: 'Företaget via sin länk',
	ingen_andring: 'Företaget via sin länk: ingen ändring'
};

export const ASF_REQUEST_NEED_LABELS: Record<AsfRequestNeed, string> = {
	upptrappning: 'Börja med få timmar och trappa upp',
	nara_handledning: 'Nära handledning',
	struktur: 'Tydlig struktur och fasta rutiner',
	socialt_sammanhang: 'Ett socialt sammanhang',
	svenska: 'Träna svenska i arbetet',
	fysisk_anpassning: 'Fysiskt anpassade uppgifter',
	lugn_miljo: 'En lugn miljö',
	arbetsformagebedomning: 'En bedömning av arbetsförmågan'
};

export const ASF_REQUEST_STATUS_LABELS: Record<AsfRequestStatus, string> = {
	ny: 'Ny, väntar på förslag',
	foreslagen: 'Företag föreslaget',
	besok: 'Besök bokat',
	startad: 'Startad',
	avbojd: 'Förslaget avböjt',
	aterkallad: 'Återkallad'
};

export const ASF_REQUEST_STEP_LABELS: Record<AsfRequestStep, string> = {
	skapad: 'Förfrågan skickad',
	foreslagen: 'Företag föreslaget',
	besok: 'Besök',
	startad: 'Start',
	avbojd: 'Avböjt',
	aterkallad: 'Återkallad'
};

export const ASF_AGREEMENT_FORM_LABELS: Record<AsfAgreementForm, string> = {
	lou: 'Upphandling enligt LOU',
	reserverad: 'Reserverad upphandling (LOU 4 kap. 18 §)',
	lov: 'Valfrihetssystem (LOV)',
	iop: 'Idéburet offentligt partnerskap (IOP)',
	direktupphandling: 'Direktupphandling',
	af_avtal: 'Arbetsförmedlingens avtal'
};

export const ASF_BUYER_KIND_LABELS: Record<AsfBuyerKind, string> = {
	forbund: 'Samordningsförbund',
	kommun: 'Kommun',
	arbetsformedlingen: 'Arbetsförmedlingen',
	projekt: 'Projekt'
};

export const ASF_AGREEMENT_STATUS_LABELS: Record<AsfAgreementStatus, string> = {
	utkast: 'Utkast',
	aktivt: 'Gäller',
	avslutat: 'Avslutat',
	uppsagt: 'Uppsagt'
};
