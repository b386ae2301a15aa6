import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

// The database as the code sees it. Types only: importing this module never opens a pool
// (that is `@regionportalen/db/client`). Keep in step with src/migrations.

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** Set by the database's default; never written by the code. */
type CreatedAt = ColumnType<Date, never, never>;

/**
 * What a site can offer besides its pages of every site (start, sign-in, the accessibility statement
 * and the privacy policy): one folder each in infra/site-template/features. A förbund's site.config.ts
 * lists the ones it has; on the hub, a platform admin can turn one off for a region.
 */
export const FEATURES = ['news', 'search', 'minutes', 'content', 'insatser', 'documents', 'projects', 'asf'] as const;
export type Feature = (typeof FEATURES)[number];

export const NEWS_STATUSES = ['draft', 'scheduled', 'published', 'archived'] as const;
export type NewsStatus = (typeof NEWS_STATUSES)[number];

import type { Role, RoleScope } from './roles.ts';
export { PRIVILEGED_ROLES, ROLE_DEFINITIONS, ROLES, roleDefinition, roleTitle } from './roles.ts';
export type { Role, RoleDefinition, RoleScope } from './roles.ts';

export const CONTENT_PAGE_STATUSES = ['draft', 'published'] as const;
export type ContentPageStatus = (typeof CONTENT_PAGE_STATUSES)[number];

export const BOARD_ROLES = ['ordforande', 'vice_ordforande', 'ledamot', 'ersattare', 'forbundschef'] as const;
export type BoardRole = (typeof BOARD_ROLES)[number];

export const MINUTES_STATUSES = ['draft', 'approved', 'published'] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];

/** How a person attended a presidium meeting: a board role, förbundschef, or something else with a free title. */
export const ATTENDEE_ROLES = [
	'ordforande',
	'vice_ordforande',
	'ledamot',
	'ersattare',
	'forbundschef',
	'other'
] as const;
export type AttendeeRole = (typeof ATTENDEE_ROLES)[number];

/** What an agenda item is about. */
export const AGENDA_KINDS = ['forbund_information', 'joint_service', 'project', 'follow_up', 'other'] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];

export const ACTION_KINDS = ['decision', 'follow_up'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

/** How well a site meets the law's requirements (DOS-lagen), as its accessibility statement says. */
export const ACCESSIBILITY_COMPLIANCE = ['full', 'partial', 'none'] as const;
export type AccessibilityCompliance = (typeof ACCESSIBILITY_COMPLIANCE)[number];

/**
 * Why a known gap is there: it does not meet the requirements (bristande förenlighet), fixing it
 * would be a disproportionate burden (oskäligt betungande anpassning), or the law does not cover it
 * (utanför lagens tillämpningsområde).
 */
export const ACCESSIBILITY_LEGAL_BASES = ['non_compliance', 'disproportionate_burden', 'out_of_scope'] as const;
export type AccessibilityLegalBasis = (typeof ACCESSIBILITY_LEGAL_BASES)[number];

/** How the site was assessed: by its own people or by an outside reviewer. */
export const ACCESSIBILITY_ASSESSMENTS = ['self', 'external'] as const;
export type AccessibilityAssessment = (typeof ACCESSIBILITY_ASSESSMENTS)[number];

/** A reported problem's handling: new (ny), answered (besvarad), fixed (åtgärdad). */
export const ACCESSIBILITY_REPORT_STATUSES = ['new', 'answered', 'fixed'] as const;
export type AccessibilityReportStatus = (typeof ACCESSIBILITY_REPORT_STATUSES)[number];

/**
 * Days a closed report (answered or fixed) is kept after its last change; the worker's
 * accessibility.purge deletes it then, and the privacy page states it.
 */
export const ACCESSIBILITY_REPORT_KEEP_DAYS = 365;
export {
	ASSESSMENT_LABELS,
	COMPLIANCE_LABELS,
	LEGAL_BASIS_LABELS,
	REPORT_STATUS_LABELS
} from './accessibility-labels.ts';

/** Uppföljning Finsam's two kinds of insats; fixed from the first publication on. */
export const INSATS_INRIKTNINGAR = ['individinriktad', 'strukturovergripande'] as const;
export type InsatsInriktning = (typeof INSATS_INRIKTNINGAR)[number];
/** How Uppföljning Finsam follows it up: participants with personal data (or anonymous), or a count only. */
export const INSATS_FOLLOW_UPS = ['personuppgifter', 'endast_antal'] as const;
export type InsatsFollowUp = (typeof INSATS_FOLLOW_UPS)[number];
/** The editorial status: draft → review (submitted to the approvers) → published. */
export const INSATS_STATUSES = ['draft', 'review', 'published'] as const;
export type InsatsStatus = (typeof INSATS_STATUSES)[number];
/** The life of the insats itself, apart from its text's status. */
export const INSATS_LIFE_STATUSES = ['planerad', 'pagaende', 'avslutad', 'ordinarie'] as const;
export type InsatsLifeStatus = (typeof INSATS_LIFE_STATUSES)[number];
/** How a participant gets in: through a handläggare, on one's own, or both. */
export const INSATS_ACCESS_VIA = ['handlaggare', 'sjalv', 'bada'] as const;
export type InsatsAccessVia = (typeof INSATS_ACCESS_VIA)[number];
/** Whether it takes participants now (as of intake_as_of). */
export const INSATS_INTAKES = ['ja', 'nej', 'vantelista'] as const;
export type InsatsIntake = (typeof INSATS_INTAKES)[number];
/** The reference list of target groups (labels in insats-labels.ts). */
export const INSATS_TARGET_GROUPS = [
	'unga',
	'sjukskrivna_utan_sgi',
	'forsorjningsstod',
	'nyanlanda',
	'npf',
	'psykisk_ohalsa',
	'aktivitetsersattning',
	'langtidsarbetslosa',
	'sjukskrivna',
	'missbruk',
	'personal'
] as const;
export type InsatsTargetGroup = (typeof INSATS_TARGET_GROUPS)[number];
export const INSATS_PROVIDER_ROLES = ['huvudman', 'utforare'] as const;
export type InsatsProviderRole = (typeof INSATS_PROVIDER_ROLES)[number];
export const INSATS_PROVIDER_KINDS = [
	'kommun',
	'region',
	'arbetsformedlingen',
	'forsakringskassan',
	'socialt_foretag',
	'ideburen',
	'annan'
] as const;
export type InsatsProviderKind = (typeof INSATS_PROVIDER_KINDS)[number];
/** One organisation running the insats (free text until the ASF register can be linked). */
export interface InsatsProvider {
	organisation: string;
	role: InsatsProviderRole;
	kind: InsatsProviderKind;
}
/** A contact person for handläggare and the public. */
export interface InsatsContact {
	name: string;
	title: string;
	email: string;
	phone: string;
}
/** What usage is counted: page views of an insats, catalogue searches, referral-form downloads. */
export const INSATS_USAGE_KINDS = ['view', 'search', 'referral'] as const;
export type InsatsUsageKind = (typeof INSATS_USAGE_KINDS)[number];
/** An insats not reviewed for this many months is listed for its förbund and in a monthly mail. */
export const INSATS_REVIEW_MONTHS = 12;

export const DOCUMENT_KINDS = [
	'rapport',
	'kartlaggning',
	'utvardering',
	'verksamhetsplan',
	'arsredovisning',
	'protokoll',
	'ovrigt'
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
/** The worker's text extraction: waiting, done, a PDF without text (scanned), over the limits, failed. */
export const DOCUMENT_TEXT_STATUSES = ['pending', 'extracted', 'no_text', 'too_large', 'failed'] as const;
export type DocumentTextStatus = (typeof DOCUMENT_TEXT_STATUSES)[number];
export {
	ACCESS_VIA_LABELS,
	DOCUMENT_KIND_LABELS,
	FOLLOW_UP_LABELS,
	INRIKTNING_LABELS,
	INSATS_STATUS_LABELS,
	INTAKE_LABELS,
	LIFE_STATUS_LABELS,
	PROVIDER_KIND_LABELS,
	PROVIDER_ROLE_LABELS,
	TARGET_GROUP_LABELS
} from './insats-labels.ts';
export {
	FUNDING_FORM_LABELS,
	PARTNER_ROLE_DESCRIPTIONS,
	PARTNER_ROLE_LABELS,
	PROJECT_CONTACT_ROLE_LABELS,
	PROJECT_LIFE_STATUS_LABELS,
	PROJECT_STATUS_LABELS
} from './project-labels.ts';
export {
	ASF_BUSINESS_LINE_LABELS,
	ASF_CONTACT_ROLE_LABELS,
	ASF_CRITERION_LABELS,
	ASF_FOLLOW_UP_LABELS,
	ASF_LEGAL_FORM_LABELS,
	ASF_PLACE_KIND_LABELS,
	ASF_AGREEMENT_FORM_LABELS,
	ASF_AGREEMENT_STATUS_LABELS,
	ASF_BUYER_KIND_LABELS,
	ASF_PLACE_REPORT_LABELS,
	ASF_REQUEST_NEED_LABELS,
	ASF_REQUEST_STATUS_LABELS,
	ASF_REQUEST_STEP_LABELS
} from './asf-labels.ts';

/** A date column, read as its YYYY-MM-DD text (client.ts sets the parser). */
type DateText = ColumnType<string | null, string | null | undefined, string | null>;
/** jsonb: read as the value; written as its JSON text (node-postgres would send an array as a PostgreSQL array). */
type Json<T> = ColumnType<T, string | undefined, string>;

export interface InsatsPreciseCategoryTable {
	id: Generated<number>;
	inriktning: InsatsInriktning;
	label: string;
	position: Generated<number>;
}

/** An insats a förbund finances: its catalogue text, its Uppföljning Finsam categories and its statuses. */
export interface InsatsTable {
	id: Generated<number>;
	region_id: number;
	forbund_id: number;
	/** Its address in the catalogue (/insatser/<slug>); unique within the förbund. */
	slug: string;
	name: string;
	summary: Generated<string>;
	/** Markdown. */
	description: Generated<string>;
	/** Rendered and sanitised when saved, as news.body_html; null until rendered. */
	description_html: string | null;
	/** Fixed from the first publication on (a trigger refuses a change), as the next three. */
	inriktning: InsatsInriktning;
	precise_category_id: number;
	follow_up: InsatsFollowUp;
	esf: Generated<boolean>;
	target_groups: Generated<InsatsTargetGroup[]>;
	age_min: number | null;
	age_max: number | null;
	/** Of its förbund's municipalities. */
	municipalities: Generated<string[]>;
	providers: Json<InsatsProvider[]>;
	access_via: Generated<InsatsAccessVia>;
	access_text: Generated<string>;
	/** The referral form (PDF) in the media storage. */
	referral_key: string | null;
	referral_filename: string | null;
	referral_size_bytes: number | null;
	intake: Generated<InsatsIntake>;
	intake_as_of: DateText;
	contacts: Json<InsatsContact[]>;
	/** Where it runs: places and times, free text. */
	places: Generated<string>;
	period_start: DateText;
	period_end: DateText;
	life_status: Generated<InsatsLifeStatus>;
	status: Generated<InsatsStatus>;
	/** The approver's comment when sending it back; the author sees it until the next submit. */
	review_comment: Generated<string>;
	review_comment_by: number | null;
	submitted_at: Timestamp | null;
	submitted_by: number | null;
	/** Set at the first publication (by the database); from then on the four categories are fixed. */
	first_published_at: Timestamp | null;
	published_at: Timestamp | null;
	approved_by: number | null;
	/** "Granskad senast": the date and who (HSDS assured_date). */
	reviewed_at: DateText;
	reviewed_by: number | null;
	/** A delprojekt: the joint project's phase this insats is its förbund's part of (migration 0026). */
	project_phase_id: number | null;
	version: Generated<number>;
	search: ColumnType<string, never, never>;
	author_id: number | null;
	updated_by: number | null;
	created_at: CreatedAt;
	updated_at: Timestamp;
}

export interface InsatsRevisionTable {
	id: Generated<number>;
	insats_id: number;
	version: number;
	/** The insats's name at the time. */
	title: string;
	/** The saved text fields (never the four categories' changes: a restore keeps the current ones). */
	data: Json<Record<string, unknown>>;
	saved_by: number | null;
	saved_at: CreatedAt;
}

/** Money (kronor) and results (counts of people) of one year, aggregate only. */
export interface InsatsYearTable {
	insats_id: number;
	year: number;
	cost_budget: ColumnType<string | null, number | string | null | undefined, number | string | null>;
	cost_outcome: ColumnType<string | null, number | string | null | undefined, number | string | null>;
	esf_cost_budget: ColumnType<string | null, number | string | null | undefined, number | string | null>;
	esf_cost_outcome: ColumnType<string | null, number | string | null | undefined, number | string | null>;
	planned_participants: number | null;
	participants_women: number | null;
	participants_men: number | null;
	participants_other: number | null;
	to_work: number | null;
	to_studies: number | null;
}

/** Counts per month, written only through app_count_insats_usage(). */
export interface InsatsUsageTable {
	region_id: number;
	/** null: a search of the region's catalogue on the hub. */
	forbund_id: number | null;
	/** null: a catalogue search (kind 'search'). */
	insats_id: number | null;
	kind: InsatsUsageKind;
	month: ColumnType<string, string, string>;
	count: number;
}

/** Migration 0025: the monthly "not reviewed for 12 months" mails sent, one per förbund and month. */
export interface InsatsReviewReminderTable {
	id: Generated<number>;
	forbund_id: number;
	/** The first day of the month the reminder was for. */
	month: ColumnType<string, string, string>;
	insats_count: number;
	sent_at: CreatedAt;
}

export const PROJECT_STATUSES = ['draft', 'review', 'published'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export const PROJECT_LIFE_STATUSES = ['planerad', 'pagaende', 'avslutad'] as const;
export type ProjectLifeStatus = (typeof PROJECT_LIFE_STATUSES)[number];
/** The ESF roles of a project's parties; the owner förbund is the projektägare. */
export const PROJECT_PARTNER_ROLES = [
	'projektagare',
	'samverkanspart',
	'samarbetspart',
	'medfinansiar',
	'deltagande_aktor'
] as const;
export type ProjectPartnerRole = (typeof PROJECT_PARTNER_ROLES)[number];
/** A funder's share: money, or its own work (not reimbursed). */
export const PROJECT_FUNDING_FORMS = ['pengar', 'arbete'] as const;
export type ProjectFundingForm = (typeof PROJECT_FUNDING_FORMS)[number];
export const PROJECT_CONTACT_ROLES = ['projektchef', 'projektledare', 'ekonom', 'kommunikator', 'annan'] as const;
export type ProjectContactRole = (typeof PROJECT_CONTACT_ROLES)[number];
export interface ProjectContact {
	role: ProjectContactRole;
	name: string;
	email: string;
	phone: string;
}

/** A joint project of a region (migration 0026): one owner förbund, in phases; one row for every site. */
export interface ProjectTable {
	id: Generated<number>;
	region_id: number;
	/** The projektägare; fixed once created. */
	owner_forbund_id: number;
	/** Its address (/projekt/<slug>) on the hub and every partner's site; unique within the region. */
	slug: string;
	/** The short name ("MIA"). */
	name: string;
	/** What the name stands for ("Mobilisering inför arbete"). */
	full_name: Generated<string>;
	summary: Generated<string>;
	/** Markdown. */
	purpose: Generated<string>;
	/** Rendered and sanitised when saved; null until rendered. */
	purpose_html: string | null;
	target_groups: Generated<string>;
	methods: Generated<string>;
	goals: Generated<string>;
	/** How to refer someone. */
	referral: Generated<string>;
	/** Co-funded by the ESF: the page shows the co-funding statement. */
	esf: Generated<boolean>;
	planned_participants: number | null;
	contacts: Json<ProjectContact[]>;
	life_status: Generated<ProjectLifeStatus>;
	status: Generated<ProjectStatus>;
	review_comment: Generated<string>;
	review_comment_by: number | null;
	submitted_at: Timestamp | null;
	submitted_by: number | null;
	published_at: Timestamp | null;
	approved_by: number | null;
	version: Generated<number>;
	author_id: number | null;
	updated_by: number | null;
	created_at: CreatedAt;
	updated_at: Timestamp;
}

export interface ProjectRevisionTable {
	id: Generated<number>;
	project_id: number;
	version: number;
	title: string;
	data: Json<Record<string, unknown>>;
	saved_by: number | null;
	saved_at: CreatedAt;
}

/** A phase of a project (MIA, then MIA Vidare), in order. */
export interface ProjectPhaseTable {
	id: Generated<number>;
	project_id: number;
	position: number;
	name: string;
	decision_date: DateText;
	period_start: DateText;
	period_end: DateText;
	/** The ESF's diarienummer for the phase (2016/00403). */
	esf_diarienummer: Generated<string>;
	planned_participants: number | null;
}

/** A party to a phase: a förbund of the region or another organisation, in one ESF role. */
export interface ProjectPartnerTable {
	id: Generated<number>;
	phase_id: number;
	forbund_id: number | null;
	organisation: string | null;
	role: ProjectPartnerRole;
	position: Generated<number>;
}

/** A phase's budget per funder and year: the ESF (no partner) or a partner's share. */
export interface ProjectFundingTable {
	id: Generated<number>;
	phase_id: number;
	partner_id: number | null;
	year: number;
	form: ProjectFundingForm;
	amount: ColumnType<string, number | string, number | string>;
}

export interface ProjectIndicatorTable {
	id: Generated<number>;
	project_id: number;
	label: string;
	unit: Generated<string>;
	position: Generated<number>;
}

export interface ProjectIndicatorYearTable {
	indicator_id: number;
	year: number;
	target: ColumnType<string | null, number | string | null | undefined, number | string | null>;
	actual: ColumnType<string | null, number | string | null | undefined, number | string | null>;
}

export interface ProjectMilestoneTable {
	id: Generated<number>;
	project_id: number;
	label: string;
	due_on: ColumnType<string, string, string>;
	done_on: DateText;
}

export const ASF_LEGAL_FORMS = [
	'ekonomisk_forening',
	'aktiebolag_svb',
	'aktiebolag',
	'ideell_forening',
	'stiftelse',
	'handelsbolag',
	'annan'
] as const;
export type AsfLegalForm = (typeof ASF_LEGAL_FORMS)[number];
/** What an enterprise sells besides its places: the directory's business-line filter. */
export const ASF_BUSINESS_LINES = [
	'kafe_restaurang',
	'catering',
	'stad_lokalvard',
	'fastighetsskotsel',
	'tradgard_gronyta',
	'second_hand',
	'redesign_textil',
	'snickeri_hantverk',
	'tryck_reklam',
	'kontor_it',
	'transport_flytt',
	'cykel_fordon',
	'odling_livsmedel',
	'ovrigt'
] as const;
export type AsfBusinessLine = (typeof ASF_BUSINESS_LINES)[number];
/** The people an enterprise takes in: the insatser's groups, without the förbund's own staff. */
export const ASF_TARGET_GROUPS = INSATS_TARGET_GROUPS.filter(
	(g): g is Exclude<InsatsTargetGroup, 'personal'> => g !== 'personal'
);
export type AsfTargetGroup = (typeof ASF_TARGET_GROUPS)[number];
/** What the places include in writing for the buyer. */
export const ASF_FOLLOW_UPS = [
	'arbetsformagebedomning',
	'narvarorapport',
	'handlingsplan',
	'kartlaggning',
	'slutrapport'
] as const;
export type AsfFollowUp = (typeof ASF_FOLLOW_UPS)[number];
/** The four criteria of the Swedish definition of an ASF (Tillväxtverket). */
export const ASF_CRITERIA = ['syfte', 'delaktighet', 'aterinvestering', 'oberoende'] as const;
export type AsfCriterion = (typeof ASF_CRITERIA)[number];
export type AsfCriteria = Record<AsfCriterion, { met: boolean; note: string }>;
/** How many days before a certification ends the watch lists it and mails the coordinators (each once). */
export const ASF_CERTIFICATION_WATCH_DAYS = [60, 14] as const;
export const ASF_CONTACT_ROLES = ['verksamhetsansvarig', 'handledare', 'annan'] as const;
export type AsfContactRole = (typeof ASF_CONTACT_ROLES)[number];
export interface AsfContact {
	role: AsfContactRole;
	name: string;
	email: string;
	phone: string;
}
export const ASF_PLACE_KINDS = [
	'arbetstraning',
	'forstarkt_arbetstraning',
	'praktik',
	'forrehabilitering',
	'arbetsprovning',
	'anstallning_med_stod'
] as const;
export type AsfPlaceKind = (typeof ASF_PLACE_KINDS)[number];
/** How a free count was reported: by a person, through the enterprise's link, or "no change" there. */
export const ASF_PLACE_REPORTS = ['samordnare', 'lank', 'ingen_andring'] as const;
export type AsfPlaceReport = (typeof ASF_PLACE_REPORTS)[number];

/** A work-integrating social enterprise of a region's register (migration 0027). */
export interface AsfEnterpriseTable {
	id: Generated<number>;
	region_id: number;
	/** Its address in the directory (/asf/<slug>); unique within the region. */
	slug: string;
	name: string;
	/** NNNNNN-NNNN, a valid Luhn digit, third digit at least 2 (the database checks it too). */
	org_number: string;
	legal_form: AsfLegalForm;
	business_lines: Generated<AsfBusinessLine[]>;
	/** The municipalities it serves: a förbund's site lists the enterprises serving its own. */
	municipalities: Generated<string[]>;
	criteria: Json<Partial<AsfCriteria>>;
	skoopi_member: Generated<boolean>;
	/** The date of its Skoopi certification, valid for two years (certified_until). */
	certified_on: DateText;
	certified_until: ColumnType<string | null, never, never>;
	target_groups: Generated<AsfTargetGroup[]>;
	follow_up: Generated<AsfFollowUp[]>;
	follow_up_note: Generated<string>;
	contacts: Json<AsfContact[]>;
	summary: Generated<string>;
	/** Markdown. */
	description: Generated<string>;
	description_html: string | null;
	website: Generated<string>;
	image_key: string | null;
	image_width: number | null;
	image_height: number | null;
	image_alt: Generated<string>;
	image_caption: Generated<string>;
	/** Listed in the directory; an enterprise that closed stays in the register, inactive. */
	active: Generated<boolean>;
	search: ColumnType<string, never, never>;
	version: Generated<number>;
	created_by: number | null;
	updated_by: number | null;
	created_at: CreatedAt;
	updated_at: Timestamp;
}

export interface AsfWorkplaceTable {
	id: Generated<number>;
	enterprise_id: number;
	name: string;
	street: Generated<string>;
	postal_code: Generated<string>;
	city: Generated<string>;
	municipality: string;
	position: Generated<number>;
}

/** Employees in a year, and how many of them come from the target groups. */
export interface AsfStaffingTable {
	enterprise_id: number;
	year: number;
	employees: number;
	from_target_groups: number;
}

/** An enterprise's training places of one kind: at most, and free as of a time. */
export interface AsfPlaceTable {
	id: Generated<number>;
	enterprise_id: number;
	kind: AsfPlaceKind;
	max_places: number;
	free_places: number;
	free_as_of: Generated<Date>;
}

export interface AsfPlaceHistoryTable {
	id: Generated<string>;
	place_id: number;
	free_places: number;
	via: AsfPlaceReport;
	recorded_by: number | null;
	recorded_at: Generated<Date>;
}

/** The link an enterprise keeps to report its free places: the token's SHA-256, and the token sealed. */
export interface AsfUpdateLinkTable {
	enterprise_id: number;
	token_hash: Buffer;
	token_sealed: Buffer;
	created_by: number | null;
	created_at: CreatedAt;
	last_used_at: Timestamp | null;
}

/** That an enterprise got its monthly mail with its link, per month (sent once). */
export interface AsfLinkMailTable {
	enterprise_id: number;
	month: ColumnType<string, string, never>;
	recipients: number;
	sent_at: CreatedAt;
}

/** That the daily watch mailed an item's threshold (a certification 60 or 14 days before it ends). */
export interface AsfWatchMailTable {
	enterprise_id: number;
	kind: 'certifiering';
	threshold_days: number;
	ends_on: ColumnType<string, string, never>;
	recipients: number;
	sent_at: CreatedAt;
}

/** An internal note on an enterprise; never changed once written. */
export interface AsfNoteTable {
	id: Generated<number>;
	enterprise_id: number;
	body: string;
	author_id: number | null;
	created_at: CreatedAt;
}

/** A participant's needs a place request may name (a fixed list: a request carries no personal data). */
export const ASF_REQUEST_NEEDS = [
	'upptrappning',
	'nara_handledning',
	'struktur',
	'socialt_sammanhang',
	'svenska',
	'fysisk_anpassning',
	'lugn_miljo',
	'arbetsformagebedomning'
] as const;
export type AsfRequestNeed = (typeof ASF_REQUEST_NEEDS)[number];
export const ASF_AGE_BANDS = ['18-24', '25-29', '30-39', '40-49', '50-59', '60-66'] as const;
export type AsfAgeBand = (typeof ASF_AGE_BANDS)[number];
/** Where a request stands: asked, an enterprise proposed, a visit, started, declined, withdrawn. */
export const ASF_REQUEST_STATUSES = ['ny', 'foreslagen', 'besok', 'startad', 'avbojd', 'aterkallad'] as const;
export type AsfRequestStatus = (typeof ASF_REQUEST_STATUSES)[number];
/** A request is closed once started or withdrawn; a declined proposal leaves it open for another. */
export const ASF_REQUEST_CLOSED: readonly AsfRequestStatus[] = ['startad', 'aterkallad'];
export const ASF_REQUEST_STEPS = ['skapad', 'foreslagen', 'besok', 'startad', 'avbojd', 'aterkallad'] as const;
export type AsfRequestStep = (typeof ASF_REQUEST_STEPS)[number];

/** A förbund's request for a training place, for a participant described without personal data. */
export interface AsfRequestTable {
	id: Generated<number>;
	region_id: number;
	forbund_id: number;
	requested_by: number | null;
	place_kind: AsfPlaceKind;
	age_band: AsfAgeBand;
	needs: AsfRequestNeed[];
	description: string;
	municipality: string;
	wished_start: ColumnType<string, string, string>;
	status: ColumnType<AsfRequestStatus, AsfRequestStatus | undefined, AsfRequestStatus>;
	enterprise_id: number | null;
	version: Generated<number>;
	created_at: CreatedAt;
	updated_at: Generated<Date>;
}

/** One step of a request, with the time it happened and when it was recorded; never rewritten. */
export interface AsfRequestStepTable {
	id: Generated<string>;
	request_id: number;
	step: AsfRequestStep;
	enterprise_id: number | null;
	happened_at: Date | string;
	note: Generated<string>;
	recorded_by: number | null;
	recorded_at: Generated<Date>;
}

/** How a buyer bought the places (LOU 4 kap. 18 § is the reserved procurement). */
export const ASF_AGREEMENT_FORMS = ['lou', 'reserverad', 'lov', 'iop', 'direktupphandling', 'af_avtal'] as const;
export type AsfAgreementForm = (typeof ASF_AGREEMENT_FORMS)[number];
export const ASF_BUYER_KINDS = ['forbund', 'kommun', 'arbetsformedlingen', 'projekt'] as const;
export type AsfBuyerKind = (typeof ASF_BUYER_KINDS)[number];
export const ASF_AGREEMENT_STATUSES = ['utkast', 'aktivt', 'avslutat', 'uppsagt'] as const;
export type AsfAgreementStatus = (typeof ASF_AGREEMENT_STATUSES)[number];
/** How many days before an active agreement ends the watch lists it and mails the coordinators (each once). */
export const ASF_AGREEMENT_WATCH_DAYS = [90, 30] as const;
/** Reserved procurement asks that at least this share of the employees come from the target groups. */
export const ASF_RESERVED_MIN_SHARE = 0.3;

/** The direct award threshold under LOU from a date on (dated: it changes every two years). */
export interface AsfDirectAwardThresholdTable {
	valid_from: ColumnType<string, string, string>;
	amount_sek: number;
}

/** An agreement by which a buyer funds places at an enterprise: its public part (migration 0029). */
export interface AsfAgreementTable {
	id: Generated<number>;
	region_id: number;
	enterprise_id: number;
	/** What is bought, in a few words: "Förrehabilitering inom SAMRE". */
	title: string;
	buyer_kind: AsfBuyerKind;
	buyer_forbund_id: number | null;
	buyer_project_id: number | null;
	buyer_municipality: string | null;
	form: AsfAgreementForm;
	starts_on: ColumnType<string, string, string>;
	ends_on: ColumnType<string, string, string>;
	/** The options to extend, as the agreement words them ("1 + 1 år"). */
	extension: Generated<string>;
	status: ColumnType<AsfAgreementStatus, AsfAgreementStatus | undefined, AsfAgreementStatus>;
	/** The insats or project the places serve. */
	insats_id: number | null;
	project_id: number | null;
	version: Generated<number>;
	created_by: number | null;
	updated_by: number | null;
	created_at: CreatedAt;
	updated_at: Timestamp;
}

/** An agreement's internal part, for the region's ASF staff only. */
export interface AsfAgreementInternalTable {
	agreement_id: number;
	/** The whole agreement's value in kronor, options included. */
	value_sek: ColumnType<string | null, number | string | null | undefined, number | string | null>;
	/** Arbetsförmedlingen's agreement: kronor per participant and day present. */
	price_per_day_sek: number | null;
	diarienummer: Generated<string>;
	notes: Generated<string>;
}

export interface AsfAgreementPlaceTable {
	agreement_id: number;
	kind: AsfPlaceKind;
	places: number;
}

/** A document of the region's library an agreement rests on (the agreement itself, a decision). */
export interface AsfAgreementDocumentTable {
	agreement_id: number;
	document_id: number;
	linked_by: number | null;
	linked_at: CreatedAt;
}

/** That the daily watch mailed an agreement's threshold (90 or 30 days before it ends). */
export interface AsfAgreementWatchMailTable {
	agreement_id: number;
	threshold_days: number;
	ends_on: ColumnType<string, string, never>;
	recipients: number;
	sent_at: CreatedAt;
}

/** A public document (PDF) of a förbund or, with no förbund, a region; optionally of one insats. */
export interface DocumentTable {
	id: Generated<number>;
	region_id: number;
	forbund_id: number | null;
	insats_id: number | null;
	/** The joint project the document is of; it shows on the project's page (migration 0026). */
	project_id: number | null;
	title: string;
	document_date: ColumnType<string, string, string>;
	kind: DocumentKind;
	diarienummer: Generated<string>;
	description: Generated<string>;
	storage_key: string;
	filename: string;
	size_bytes: number;
	page_count: number | null;
	text_status: Generated<DocumentTextStatus>;
	/** The PDF's text as the worker extracted it ('' until then, or when it has none). */
	text: Generated<string>;
	extracted_at: Timestamp | null;
	search: ColumnType<string, never, never>;
	created_by: number | null;
	updated_by: number | null;
	created_at: CreatedAt;
	updated_at: Timestamp;
}

export interface RegionTable {
	id: Generated<number>;
	slug: string;
	name: string;
	description: Generated<string>;
	/** The region's own page on the hub: its cooperation, in a few paragraphs. */
	about: Generated<string>;
	contact_name: string | null;
	contact_email: string | null;
	contact_phone: string | null;
	/** Public origin of the hub that serves this region (registered from the hub's config). */
	hub_origin: string | null;
	/** Features a platform admin has turned off for this region on the hub (404 there, writes refused). */
	features_off: Generated<Feature[]>;
	created_at: CreatedAt;
}

export interface ForbundTable {
	id: Generated<number>;
	region_id: number;
	slug: string;
	name: string;
	short_name: string;
	description: Generated<string>;
	municipalities: Generated<string[]>;
	/** Member authorities besides the municipalities: the region, Försäkringskassan, Arbetsförmedlingen. */
	authorities: Generated<string[]>;
	contact_email: string | null;
	contact_phone: string | null;
	/** Public origin of the förbund's site, e.g. https://sus.example.se. */
	origin: string | null;
	/** Whether its site shows sibling förbund's shared items under "Från regionen". */
	show_shared_news: Generated<boolean>;
	/** The features its site has (registered from its site.config.ts): others have no routes there and refuse writes. */
	features: Generated<Feature[]>;
	created_at: CreatedAt;
}

export interface AppUserTable {
	id: Generated<number>;
	/** Always lower case (checked by the database). */
	email: string;
	name: string;
	/** argon2id PHC string; null for an invited person who has not set a password yet. */
	password_hash: string | null;
	created_at: CreatedAt;
	/** AES-256-GCM of the TOTP key (iv | ciphertext | tag), sealed with the servers' SEALING_KEY (seal.ts). */
	totp_secret: Buffer | null;
	totp_enabled_at: Timestamp | null;
	/** The last TOTP time step accepted, so a code works once. Read as a string (bigint). */
	totp_last_step: ColumnType<string | null, string | number | null, string | number | null>;
	password_changed_at: Timestamp | null;
}

/** A view: everyone's id and name, as pages show them, without the rest of app_user (which RLS guards). */
export interface AppUserNameView {
	id: number;
	name: string;
}

export interface SessionTable {
	/** Hex SHA-256 of the session token; the token itself only ever lives in the cookie. */
	id: string;
	user_id: number;
	expires_at: Timestamp;
	created_at: CreatedAt;
	/** When this session passed its second factor; null until then (or for a person without 2FA). */
	two_factor_verified_at: Timestamp | null;
	last_seen_at: Generated<Date>;
}

/** The roles as the database's rules read them: ROLE_DEFINITIONS, kept equal by migrateToLatest. */
export interface RoleDefinitionTable {
	role: Role;
	label: string;
	scope: RoleScope;
	granted_by: Role[];
	privileged: boolean;
}

export interface MembershipTable {
	id: Generated<number>;
	user_id: number;
	role: Role;
	forbund_id: number | null;
	region_id: number | null;
	board_role: BoardRole | null;
	created_at: CreatedAt;
}

export interface NewsTable {
	id: Generated<number>;
	region_id: number;
	/** null: a regional item owned by the region. */
	forbund_id: number | null;
	slug: string;
	title: string;
	lead: Generated<string>;
	body: Generated<string>;
	/**
	 * The body rendered and sanitised (the API's markdown.ts) when it was saved; null until the
	 * servers render it (after a migration, or a write that changed the body without it).
	 */
	body_html: string | null;
	status: Generated<NewsStatus>;
	shared_with_region: Generated<boolean>;
	published_at: Timestamp | null;
	author_id: number | null;
	updated_by: number | null;
	/** Optimistic concurrency: bumped on every update. */
	version: Generated<number>;
	created_at: CreatedAt;
	updated_at: Timestamp;
	/** Generated by the database (Swedish full-text vector); never written. */
	search: ColumnType<string, never, never>;
	/** As the editor typed them: "ASF", "Psykisk hälsa". */
	tags: Generated<string[]>;
	/** Generated: each tag's URL form, in the same order ("asf", "psykisk-halsa"). */
	tag_slugs: ColumnType<string[], never, never>;
	/** Storage key of the image's original upload; its resized variants derive from it. */
	image_key: string | null;
	/** Required whenever there is an image (checked by the database). */
	image_alt: Generated<string>;
	image_caption: Generated<string>;
	image_width: number | null;
	image_height: number | null;
	contact_name: Generated<string>;
	contact_email: Generated<string>;
	/** The insats (of the same förbund) the item tells about; it shows on the insats's page. */
	insats_id: number | null;
	/** The joint project (of the region) the item tells about; it shows on the project's page. */
	project_id: number | null;
}

/** A saved state of a news item: written at every save, never changed. */
export interface NewsRevisionTable {
	id: Generated<number>;
	news_id: number;
	version: number;
	title: string;
	lead: string;
	body: string;
	tags: string[];
	shared_with_region: boolean;
	image_key: string | null;
	image_alt: string;
	image_caption: string;
	contact_name: string;
	contact_email: string;
	saved_by: number | null;
	saved_at: CreatedAt;
}

export interface NewsAttachmentTable {
	id: Generated<number>;
	news_id: number;
	storage_key: string;
	filename: string;
	content_type: string;
	size_bytes: number;
	created_at: CreatedAt;
}

/** A content page of a förbund's site, or of a region's part of the hub (forbund_id null), in a tree. */
export interface ContentPageTable {
	id: Generated<number>;
	region_id: number;
	/** null: the region's page, on the hub. */
	forbund_id: number | null;
	/** null: a top-level page (its slug is then never one of the site's own route names). */
	parent_id: number | null;
	/** The page's part of its address (/om-forbundet/styrelse); unique among its siblings. */
	slug: string;
	title: string;
	/** A short summary, shown in its parent's list of children and in search results. */
	lead: Generated<string>;
	/** Markdown. */
	body: Generated<string>;
	/** The body rendered and sanitised when saved, as news.body_html; null until rendered. */
	body_html: string | null;
	status: Generated<ContentPageStatus>;
	published_at: Timestamp | null;
	/** Optimistic concurrency: bumped on every update. */
	version: Generated<number>;
	/** Order among its siblings, smallest first. */
	position: Generated<number>;
	image_key: string | null;
	/** Required whenever there is an image (checked by the database). */
	image_alt: Generated<string>;
	image_caption: Generated<string>;
	image_width: number | null;
	image_height: number | null;
	/** Generated by the database (Swedish full-text vector); never written. */
	search: ColumnType<string, never, never>;
	author_id: number | null;
	updated_by: number | null;
	created_at: CreatedAt;
	updated_at: Timestamp;
}

/** A saved state of a content page: written at every save, never changed. */
export interface ContentPageRevisionTable {
	id: Generated<number>;
	page_id: number;
	version: number;
	title: string;
	slug: string;
	parent_id: number | null;
	position: number;
	lead: string;
	body: string;
	image_key: string | null;
	image_alt: string;
	image_caption: string;
	saved_by: number | null;
	saved_at: CreatedAt;
}

export interface ContentPageAttachmentTable {
	id: Generated<number>;
	page_id: number;
	storage_key: string;
	filename: string;
	content_type: string;
	size_bytes: number;
	created_at: CreatedAt;
}

/** An address a page had before it was renamed or moved: answered with a 301 to its current one. */
export interface ContentPageRedirectTable {
	id: Generated<number>;
	region_id: number;
	forbund_id: number | null;
	/** The old address under the owner's base, e.g. "/om-oss/styrelse". */
	path: string;
	page_id: number;
	created_at: CreatedAt;
}

/** Append-only: who read or changed what. Never updated or deleted by the servers. */
export interface AuditLogTable {
	id: Generated<string>;
	at: CreatedAt;
	/** null: a visitor (a failed sign-in), or an account removed since. */
	actor_id: number | null;
	/** The person the entry is about (a role granted to them), if another than the actor. */
	subject_id: number | null;
	/** Dotted verb, e.g. `minutes.read`, `membership.grant`, `news.publish`. */
	action: string;
	entity_type: string;
	entity_id: string | null;
	/** The scope the entry belongs to, which decides which admins see it. */
	region_id: number | null;
	forbund_id: number | null;
	/** One readable line in Swedish, shown in the admin's log view. */
	summary: Generated<string>;
	detail: Generated<Record<string, unknown>>;
	ip: string | null;
}

/** A presidium meeting of a region: the lasting identity; its content lives in revisions (meeting_minutes). */
export interface MeetingTable {
	id: Generated<number>;
	region_id: number;
	/** The newest revision published to the region's presidium members; null until one is. */
	published_number: number | null;
	/** Published to everyone, without login (a decision per meeting; off by default). */
	public: Generated<boolean>;
	public_changed_by: number | null;
	public_changed_at: Timestamp | null;
	created_by: number | null;
	created_at: CreatedAt;
}

/**
 * One revision of a meeting's minutes. Draft → approved (justerad) → published; once approved it is
 * frozen by the database, and a correction is the next revision.
 */
export interface MeetingMinutesTable {
	id: Generated<number>;
	meeting_id: number;
	region_id: number;
	/** 1 for the original minutes, 2 for the first correction, … */
	number: number;
	status: Generated<MinutesStatus>;
	title: string;
	starts_at: Timestamp;
	ends_at: Timestamp | null;
	place: Generated<string>;
	host_forbund_id: number | null;
	next_host_forbund_id: number | null;
	next_starts_at: Timestamp | null;
	next_ends_at: Timestamp | null;
	next_place: Generated<string>;
	/** Why this revision corrects the one before; empty for revision 1. */
	correction_reason: Generated<string>;
	/** The justerare: one or two named people. */
	adjusters: Generated<string[]>;
	approved_by: number | null;
	approved_at: Timestamp | null;
	published_by: number | null;
	published_at: Timestamp | null;
	/** Optimistic concurrency for drafts: bumped on every save. */
	version: Generated<number>;
	created_by: number | null;
	updated_by: number | null;
	created_at: CreatedAt;
	updated_at: Timestamp;
	/** The agenda items' and decisions' text, written at every save, for the search vector. */
	search_document: Generated<string>;
	/** Generated by the database (Swedish full-text vector); never written. */
	search: ColumnType<string, never, never>;
}

export interface MinutesAttendeeTable {
	id: Generated<number>;
	minutes_id: number;
	position: number;
	/** The person's account, when they have one. */
	user_id: number | null;
	name: string;
	forbund_id: number | null;
	role: AttendeeRole;
	/** Required for role 'other' ("projektchef MIA"); a qualifier otherwise ("tf"). */
	title: Generated<string>;
}

export interface MinutesItemTable {
	id: Generated<number>;
	minutes_id: number;
	position: number;
	kind: AgendaKind;
	/** The förbund an information item comes from. */
	forbund_id: number | null;
	heading: string;
	presenter: Generated<string>;
	/** Markdown; rendered and sanitised when read. */
	body: Generated<string>;
}

export interface MinutesActionTable {
	id: Generated<number>;
	minutes_id: number;
	position: number;
	kind: ActionKind;
	text: string;
	responsible: Generated<string>;
	/** A calendar day, as 'YYYY-MM-DD'. */
	due_date: ColumnType<string | null, string | null, string | null>;
}

export interface MinutesAttachmentTable {
	id: Generated<number>;
	minutes_id: number;
	storage_key: string;
	filename: string;
	content_type: string;
	size_bytes: number;
	created_at: CreatedAt;
}

/** One-time recovery codes for two-factor authentication; only their SHA-256 is kept. */
export interface RecoveryCodeTable {
	id: Generated<number>;
	user_id: number;
	/** Hex HMAC-SHA-256 under RECOVERY_CODE_KEY of the code's SHA-256 (keyed), or that SHA-256 alone (stored before). */
	code_hash: string;
	keyed: boolean;
	used_at: Timestamp | null;
	created_at: CreatedAt;
}

export const AUTH_TOKEN_PURPOSES = ['invite', 'reset', 'email'] as const;
export type AuthTokenPurpose = (typeof AUTH_TOKEN_PURPOSES)[number];

/** Single-use e-mailed tokens (invitation, password reset, new e-mail address); only their SHA-256 is kept. */
export interface AuthTokenTable {
	id: string;
	user_id: number;
	purpose: AuthTokenPurpose;
	/** The new address an 'email' token confirms; null for the other purposes. */
	email: string | null;
	expires_at: Timestamp;
	created_by: number | null;
	created_at: CreatedAt;
}

/** Failed attempts per key (account, address, person), shared by every app instance. */
export interface RateLimitTable {
	key: string;
	failures: Generated<number>;
	last_failure_at: Generated<Date>;
	blocked_until: Timestamp | null;
}

/**
 * A mail waiting for the worker, or sent or given up on. The servers may add rows and read all but
 * the body; the body is sealed and emptied (redacted_at) some days after it was sent.
 */
export interface MailOutboxTable {
	id: Generated<string>;
	/** The Message-ID it is sent with, every time: a resend after a crash is the same mail. */
	message_id: string;
	/** Whose mail it is, for that förbund's admins (null: platform admins only). */
	forbund_id: number | null;
	region_id: number | null;
	recipient: string;
	subject: string;
	/** The plain-text body, sealed (seal.ts); null once redacted. */
	body_sealed: Buffer | null;
	/** The HTML part, headers and attachments (MailParts), sealed JSON; null without them or once redacted. */
	parts_sealed: Buffer | null;
	status: Generated<'pending' | 'sent' | 'failed'>;
	attempts: Generated<number>;
	last_error: string | null;
	next_attempt_at: Generated<Date>;
	created_at: CreatedAt;
	sent_at: Timestamp | null;
	redacted_at: Timestamp | null;
}

/** One row per schedule and period: a scheduled job is enqueued once per period, however many workers tick. */
export interface ScheduledRunTable {
	schedule: string;
	due_at: Timestamp;
	enqueued_at: CreatedAt;
}

/** A site's accessibility statement: one per förbund, and the hub's (forbund_id null). Public. */
export interface AccessibilityStatementTable {
	id: Generated<number>;
	forbund_id: number | null;
	compliance: AccessibilityCompliance;
	/** Where to turn with accessibility questions, when not the förbund's own contact details. */
	contact_email: string | null;
	contact_phone: string | null;
	assessment_method: AccessibilityAssessment;
	/** How the assessment was made (method, tools, what was covered). */
	assessment_description: Generated<string>;
	assessed_on: ColumnType<string | null, string | null | undefined, string | null>;
	/** When the statement was first prepared (upprättad). */
	prepared_on: ColumnType<string, string, string>;
	/** Senast uppdaterad: set by every save. */
	updated_at: Generated<Date>;
	updated_by: number | null;
}

/** A known gap of a statement, in the order shown. */
export interface AccessibilityGapTable {
	id: Generated<number>;
	statement_id: number;
	position: number;
	description: string;
	legal_basis: AccessibilityLegalBasis;
	/** When it is planned to be fixed, where known. */
	fix_planned_on: ColumnType<string | null, string | null | undefined, string | null>;
}

/**
 * A visitor's report of an accessibility problem. Personal data: only the site's admins may read
 * it; it is filed through app_file_accessibility_report, never inserted directly.
 */
export interface AccessibilityReportTable {
	id: Generated<string>;
	forbund_id: number | null;
	region_id: number | null;
	page_url: Generated<string>;
	description: string;
	name: Generated<string>;
	email: Generated<string>;
	status: Generated<AccessibilityReportStatus>;
	/** The admin's note on how it was handled. */
	note: Generated<string>;
	replied_on: ColumnType<string | null, string | null | undefined, string | null>;
	created_at: CreatedAt;
	updated_at: Generated<Date>;
	updated_by: number | null;
}

/** One entry of a site's main menu, in its admin's order: a feature's entry or a top-level content page. */
export interface MenuEntryTable {
	id: Generated<number>;
	region_id: number;
	/** null: the region's part of the hub. */
	forbund_id: number | null;
	position: number;
	feature: Feature | null;
	page_id: number | null;
}

/** What one domain did for a request: per table, counts (rows found; or deleted, unlinked, kept). */
export interface PersonalDataSummaryEntry {
	domain: string;
	tables: Record<string, Record<string, number>>;
}

/** A request for a person's data (GDPR art. 15) or its erasure (art. 17), and what was done. */
export interface PersonalDataRequestTable {
	id: Generated<number>;
	kind: 'export' | 'erase';
	forbund_id: number | null;
	handled_by: number | null;
	subject_user_id: number | null;
	subject_email_sha256: Buffer | null;
	subject_label: string;
	received_at: Date;
	due_at: Date;
	done_at: Generated<Date>;
	/** Per domain, per table: for an export the rows found, for an erasure the rows deleted, unlinked and kept. */
	summary: Json<PersonalDataSummaryEntry[]>;
}

export interface Database {
	region: RegionTable;
	forbund: ForbundTable;
	app_user: AppUserTable;
	app_user_name: AppUserNameView;
	session: SessionTable;
	membership: MembershipTable;
	role_definition: RoleDefinitionTable;
	news: NewsTable;
	news_revision: NewsRevisionTable;
	news_attachment: NewsAttachmentTable;
	content_page: ContentPageTable;
	content_page_revision: ContentPageRevisionTable;
	content_page_attachment: ContentPageAttachmentTable;
	content_page_redirect: ContentPageRedirectTable;
	audit_log: AuditLogTable;
	menu_entry: MenuEntryTable;
	meeting: MeetingTable;
	meeting_minutes: MeetingMinutesTable;
	minutes_attendee: MinutesAttendeeTable;
	minutes_item: MinutesItemTable;
	minutes_action: MinutesActionTable;
	minutes_attachment: MinutesAttachmentTable;
	recovery_code: RecoveryCodeTable;
	auth_token: AuthTokenTable;
	rate_limit: RateLimitTable;
	mail_outbox: MailOutboxTable;
	scheduled_run: ScheduledRunTable;
	accessibility_statement: AccessibilityStatementTable;
	accessibility_gap: AccessibilityGapTable;
	accessibility_report: AccessibilityReportTable;
	insats_precise_category: InsatsPreciseCategoryTable;
	insats: InsatsTable;
	insats_revision: InsatsRevisionTable;
	insats_year: InsatsYearTable;
	insats_usage: InsatsUsageTable;
	insats_review_reminder: InsatsReviewReminderTable;
	document: DocumentTable;
	project: ProjectTable;
	project_revision: ProjectRevisionTable;
	project_phase: ProjectPhaseTable;
	project_partner: ProjectPartnerTable;
	project_funding: ProjectFundingTable;
	project_indicator: ProjectIndicatorTable;
	project_indicator_year: ProjectIndicatorYearTable;
	project_milestone: ProjectMilestoneTable;
	asf_enterprise: AsfEnterpriseTable;
	asf_workplace: AsfWorkplaceTable;
	asf_staffing: AsfStaffingTable;
	asf_place: AsfPlaceTable;
	asf_place_history: AsfPlaceHistoryTable;
	asf_update_link: AsfUpdateLinkTable;
	asf_link_mail: AsfLinkMailTable;
	asf_watch_mail: AsfWatchMailTable;
	asf_note: AsfNoteTable;
	asf_direct_award_threshold: AsfDirectAwardThresholdTable;
	asf_agreement: AsfAgreementTable;
	asf_agreement_internal: AsfAgreementInternalTable;
	asf_agreement_place: AsfAgreementPlaceTable;
	asf_agreement_document: AsfAgreementDocumentTable;
	asf_agreement_watch_mail: AsfAgreementWatchMailTable;
	asf_request: AsfRequestTable;
	asf_request_step: AsfRequestStepTable;
	personal_data_request: PersonalDataRequestTable;
}

export type Region = Selectable<RegionTable>;
export type Forbund = Selectable<ForbundTable>;
export type NewForbund = Insertable<ForbundTable>;
export type User = Selectable<AppUserTable>;
export type Session = Selectable<SessionTable>;
export type Membership = Selectable<MembershipTable>;
export type News = Selectable<NewsTable>;
export type NewNews = Insertable<NewsTable>;
export type NewsUpdate = Updateable<NewsTable>;
export type NewsRevision = Selectable<NewsRevisionTable>;
export type NewsAttachment = Selectable<NewsAttachmentTable>;
export type ContentPage = Selectable<ContentPageTable>;
export type ContentPageRevision = Selectable<ContentPageRevisionTable>;
export type ContentPageAttachment = Selectable<ContentPageAttachmentTable>;
export type AuditLogEntry = Selectable<AuditLogTable>;
export type NewAuditLogEntry = Insertable<AuditLogTable>;
export type Meeting = Selectable<MeetingTable>;
export type MeetingMinutes = Selectable<MeetingMinutesTable>;
export type MinutesAttendee = Selectable<MinutesAttendeeTable>;
export type MinutesItem = Selectable<MinutesItemTable>;
export type MinutesAction = Selectable<MinutesActionTable>;
export type MinutesAttachment = Selectable<MinutesAttachmentTable>;
export type AccessibilityStatement = Selectable<AccessibilityStatementTable>;
export type AccessibilityGap = Selectable<AccessibilityGapTable>;
export type AccessibilityReport = Selectable<AccessibilityReportTable>;
export type Insats = Selectable<InsatsTable>;
export type InsatsRevision = Selectable<InsatsRevisionTable>;
export type InsatsYear = Selectable<InsatsYearTable>;
export type InsatsPreciseCategory = Selectable<InsatsPreciseCategoryTable>;
export type LibraryDocument = Selectable<DocumentTable>;
export type Project = Selectable<ProjectTable>;
export type ProjectPhase = Selectable<ProjectPhaseTable>;
export type ProjectPartner = Selectable<ProjectPartnerTable>;
export type ProjectFunding = Selectable<ProjectFundingTable>;
export type ProjectIndicator = Selectable<ProjectIndicatorTable>;
export type ProjectMilestone = Selectable<ProjectMilestoneTable>;
export type AsfEnterprise = Selectable<AsfEnterpriseTable>;
export type AsfRequest = Selectable<AsfRequestTable>;
export type AsfPlace = Selectable<AsfPlaceTable>;
export type AsfAgreement = Selectable<AsfAgreementTable>;
export type NewAsfEnterprise = Insertable<AsfEnterpriseTable>;
