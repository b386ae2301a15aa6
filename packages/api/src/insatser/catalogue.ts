import { sql, type Kysely, type Transaction } from 'kysely';
import { z } from 'zod';
import {
	INSATS_INRIKTNINGAR,
	INSATS_LIFE_STATUSES,
	INSATS_TARGET_GROUPS,
	type Database,
	type InsatsContact,
	type InsatsProvider
} from '@regionportalen/db';
import {
	maskSmallCount,
	ownerSchema,
	pageSchema,
	querySchema,
	slugSchema,
	storedHtml,
	tsquery
} from '../core/index.ts';

// The public catalogue: filters and search over published insatser through insats_catalogue()
// (migration 0023, which states the publication rule itself so the indexes serve it), and an
// insats's page as a visitor reads it.

type Q = Kysely<Database> | Transaction<Database>;

export const CATALOGUE_PAGE_SIZE = 20;

/** The filters a visitor sets in the catalogue's form; each is optional. */
export const filtersSchema = z.object({
	municipality: z.string().trim().min(1).max(100).optional(),
	targetGroup: z.enum(INSATS_TARGET_GROUPS, 'Välj en målgrupp ur listan.').optional(),
	age: z.coerce
		.number('Skriv en ålder i hela år.')
		.int('Skriv en ålder i hela år.')
		.min(0, 'Åldern kan inte vara negativ.')
		.max(120, 'Skriv en ålder upp till 120 år.')
		.optional(),
	inriktning: z.enum(INSATS_INRIKTNINGAR, 'Välj en inriktning ur listan.').optional(),
	onOwn: z.boolean().optional(),
	intakeNow: z.boolean().optional(),
	lifeStatus: z.enum(INSATS_LIFE_STATUSES, 'Välj en status ur listan.').optional()
});
export type CatalogueFilters = z.infer<typeof filtersSchema>;

export const searchInputSchema = filtersSchema.extend({
	owner: ownerSchema,
	q: querySchema.optional(),
	page: pageSchema,
	limit: z.number().int().min(1).max(50).default(CATALOGUE_PAGE_SIZE)
});

export interface Scope {
	forbundId: number | null;
	regionId: number;
}

/** The path of an insats's page on its förbund's site. */
export const insatsPath = (slug: string) => `/insatser/${slug}`;

/** One page of the published insatser of a scope that pass the filters, best match or by name. */
export async function searchCatalogue(
	db: Q,
	scope: Scope,
	input: CatalogueFilters & { q?: string; page: number; limit: number }
) {
	const query = input.q ? tsquery(input.q) : sql<string>`null`;
	const found = await sql<{ total: number; ids: number[] }>`select total, ids from insats_catalogue(
		${scope.forbundId}::integer, ${scope.forbundId === null ? scope.regionId : null}::integer, ${query}::tsquery,
		${input.municipality ?? null}::text, ${input.targetGroup ?? null}::text, ${input.age ?? null}::integer,
		${input.inriktning ?? null}::text, ${input.onOwn ?? false}::boolean, ${input.intakeNow ?? false}::boolean,
		${input.lifeStatus ?? null}::text, ${input.limit}::integer, ${(input.page - 1) * input.limit}::integer)`.execute(db);
	const { total, ids } = found.rows[0]!;
	const rows = ids.length
		? await db
				.selectFrom('insats')
				.innerJoin('forbund', 'forbund.id', 'insats.forbund_id')
				.select([
					'insats.id',
					'insats.name',
					'insats.summary',
					'insats.slug',
					'insats.inriktning',
					'insats.target_groups',
					'insats.municipalities',
					'insats.age_min',
					'insats.age_max',
					'insats.access_via',
					'insats.intake',
					'insats.intake_as_of',
					'insats.life_status',
					'forbund.slug as forbund_slug',
					'forbund.short_name as forbund_name',
					'forbund.origin as forbund_origin'
				])
				.where('insats.id', 'in', ids)
				.where('insats.status', '=', 'published')
				.execute()
		: [];
	const byId = new Map(rows.map((row) => [row.id, row]));
	const items = ids.flatMap((id) => {
		const row = byId.get(id);
		return row ? [{ ...row, path: insatsPath(row.slug) }] : [];
	});
	return { items, total, page: input.page, pageCount: Math.max(1, Math.ceil(total / input.limit)) };
}

export const pageInputSchema = z.object({ forbund: slugSchema, slug: slugSchema });

/** Every published insats of a förbund, for its sitemap. */
export function publishedSlugs(db: Q, forbundId: number) {
	return db
		.selectFrom('insats')
		.select(['slug', 'updated_at'])
		.where('forbund_id', '=', forbundId)
		.where('status', '=', 'published')
		.orderBy('slug')
		.execute();
}

/** A year's money and results as they are shown: every count of people under 5 as "<5". */
function publicYear(row: YearRow) {
	return {
		year: row.year,
		cost_budget: row.cost_budget === null ? null : Number(row.cost_budget),
		cost_outcome: row.cost_outcome === null ? null : Number(row.cost_outcome),
		esf_cost_budget: row.esf_cost_budget === null ? null : Number(row.esf_cost_budget),
		esf_cost_outcome: row.esf_cost_outcome === null ? null : Number(row.esf_cost_outcome),
		planned_participants: maskSmallCount(row.planned_participants),
		participants_women: maskSmallCount(row.participants_women),
		participants_men: maskSmallCount(row.participants_men),
		participants_other: maskSmallCount(row.participants_other),
		to_work: maskSmallCount(row.to_work),
		to_studies: maskSmallCount(row.to_studies)
	};
}
type YearRow = Awaited<ReturnType<typeof yearsOf>>[number];

function yearsOf(db: Q, insatsId: number) {
	return db.selectFrom('insats_year').selectAll().where('insats_id', '=', insatsId).orderBy('year').execute();
}

/** A published insats of a förbund as its public page shows it, or undefined. */
export async function publishedInsats(db: Q, forbundId: number, slug: string) {
	const row = await db
		.selectFrom('insats')
		.innerJoin('insats_precise_category as c', 'c.id', 'insats.precise_category_id')
		.select([
			'insats.id',
			'insats.forbund_id',
			'insats.region_id',
			'insats.slug',
			'insats.name',
			'insats.summary',
			'insats.description',
			'insats.description_html',
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
			'insats.referral_filename',
			'insats.referral_size_bytes',
			'insats.intake',
			'insats.intake_as_of',
			'insats.contacts',
			'insats.places',
			'insats.period_start',
			'insats.period_end',
			'insats.life_status',
			'insats.published_at',
			'insats.reviewed_at',
			'insats.project_phase_id'
		])
		.where('insats.forbund_id', '=', forbundId)
		.where('insats.slug', '=', slug)
		.where('insats.status', '=', 'published')
		.executeTakeFirst();
	if (!row) return undefined;
	const years = await yearsOf(db, row.id);
	const { description_html, description, project_phase_id, ...rest } = row;
	return {
		...rest,
		project: project_phase_id === null ? null : ((await projectOfDelprojekt(db, project_phase_id)) ?? null),
		providers: row.providers as InsatsProvider[],
		contacts: row.contacts as InsatsContact[],
		description_html: storedHtml({
			body_html: description_html,
			body_md: description_html === null ? description : null
		}),
		has_referral: row.referral_filename !== null,
		years: years.map(publicYear)
	};
}

/** The published joint project a delprojekt is part of, with the phase's name, for the insats's page. */
function projectOfDelprojekt(db: Q, phaseId: number) {
	return db
		.selectFrom('project_phase as ph')
		.innerJoin('project', 'project.id', 'ph.project_id')
		.select(['project.name', 'project.slug', 'ph.name as phase_name'])
		.where('ph.id', '=', phaseId)
		.where('project.status', '=', 'published')
		.executeTakeFirst();
}

/** The stored referral form of a published insats (its key in the media storage), or undefined. */
export function publishedReferral(db: Q, forbundId: number, slug: string) {
	return db
		.selectFrom('insats')
		.select(['insats.id', 'insats.referral_key', 'insats.referral_filename', 'insats.referral_size_bytes'])
		.where('insats.forbund_id', '=', forbundId)
		.where('insats.slug', '=', slug)
		.where('insats.status', '=', 'published')
		.where('insats.referral_key', 'is not', null)
		.executeTakeFirst();
}
