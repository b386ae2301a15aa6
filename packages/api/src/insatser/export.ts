import type { Kysely, Transaction } from 'kysely';
import {
	ACCESS_VIA_LABELS,
	FOLLOW_UP_LABELS,
	INRIKTNING_LABELS,
	INTAKE_LABELS,
	LIFE_STATUS_LABELS,
	PROVIDER_ROLE_LABELS,
	TARGET_GROUP_LABELS,
	type Database,
	type InsatsContact,
	type InsatsProvider
} from '@regionportalen/db';
import { insatsPath, type Scope } from './catalogue.ts';

// The exports of the catalogue: every published insats of a förbund (its site) or of a region (the
// hub), as CSV rows for Swedish Excel and as HSDS service records (hsds.ts). Published only, stated
// here as well as by RLS, since an editor downloading the export must get what visitors get.

type Q = Kysely<Database> | Transaction<Database>;

/** Every published insats of the scope with what the exports show, by förbund and name. */
export function publishedForExport(db: Q, scope: Scope) {
	let q = db
		.selectFrom('insats')
		.innerJoin('forbund', 'forbund.id', 'insats.forbund_id')
		.innerJoin('insats_precise_category as c', 'c.id', 'insats.precise_category_id')
		.select([
			'insats.id',
			'insats.slug',
			'insats.name',
			'insats.summary',
			'insats.description',
			'insats.inriktning',
			'c.label as precise_category',
			'insats.follow_up',
			'insats.esf',
			'insats.target_groups',
			'insats.age_min',
			'insats.age_max',
			'insats.municipalities',
			'insats.providers',
			'insats.access_via',
			'insats.access_text',
			'insats.referral_key',
			'insats.intake',
			'insats.intake_as_of',
			'insats.contacts',
			'insats.period_start',
			'insats.period_end',
			'insats.life_status',
			'insats.reviewed_at',
			'insats.updated_at',
			'forbund.slug as forbund_slug',
			'forbund.name as forbund_name',
			'forbund.origin as forbund_origin'
		])
		.where('insats.status', '=', 'published');
	q =
		scope.forbundId !== null
			? q.where('insats.forbund_id', '=', scope.forbundId)
			: q.where('insats.region_id', '=', scope.regionId);
	return q.orderBy('forbund.name').orderBy('insats.name').orderBy('insats.id').execute();
}

export type ExportRow = Awaited<ReturnType<typeof publishedForExport>>[number];

export const insatsUrl = (row: Pick<ExportRow, 'forbund_origin' | 'slug'>) =>
	`${row.forbund_origin}${insatsPath(row.slug)}`;

const day = (d: Date | string | null) =>
	d === null ? '' : typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10);

/** The CSV's columns, in Swedish, and each row's cells (the site writes them with the shared CSV helper). */
export const CSV_HEADER = [
	'Namn',
	'Förbund',
	'Sammanfattning',
	'Inriktning',
	'Preciserad inriktning',
	'Uppföljningsmetod',
	'ESF-finansierad',
	'Målgrupper',
	'Ålder från',
	'Ålder till',
	'Kommuner',
	'Utförare',
	'Hur man kommer in',
	'Tar emot deltagare',
	'Period från',
	'Period till',
	'Status',
	'Granskad senast',
	'Adress'
];

export function csvCells(row: ExportRow): string[] {
	return [
		row.name,
		row.forbund_name,
		row.summary,
		INRIKTNING_LABELS[row.inriktning],
		row.precise_category,
		FOLLOW_UP_LABELS[row.follow_up],
		row.esf ? 'Ja' : 'Nej',
		row.target_groups.map((g) => TARGET_GROUP_LABELS[g]).join(', '),
		row.age_min === null ? '' : String(row.age_min),
		row.age_max === null ? '' : String(row.age_max),
		row.municipalities.join(', '),
		(row.providers as InsatsProvider[])
			.map((p) => `${p.organisation} (${PROVIDER_ROLE_LABELS[p.role].toLowerCase()})`)
			.join(', '),
		ACCESS_VIA_LABELS[row.access_via],
		INTAKE_LABELS[row.intake] + (row.intake_as_of ? ` (${day(row.intake_as_of)})` : ''),
		day(row.period_start),
		day(row.period_end),
		LIFE_STATUS_LABELS[row.life_status],
		day(row.reviewed_at),
		insatsUrl(row)
	];
}

export const contactsOf = (row: ExportRow) => row.contacts as InsatsContact[];
export { day as isoDay };
