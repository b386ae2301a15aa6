import { sql, type Kysely, type Transaction } from 'kysely';
import type { AsfContact, AsfCriteria, AsfPlaceKind, Database } from '@regionportalen/db';
import { storedHtml, tsquery } from '../core/index.ts';
import { DIRECTORY_PAGE_SIZE, type DirectoryFilters } from './schemas.ts';

// The public directory: the region's active enterprises (on a förbund's site those serving one of
// its municipalities) passing the filters, best match first when searched, else by name; and an
// enterprise's page as a visitor reads it. Row-level security lets a visitor read active ones only.

type Q = Kysely<Database> | Transaction<Database>;

/** Where the directory reads: a region, and on a förbund's site the municipalities it serves. */
export interface DirectoryScope {
	regionId: number;
	/** null on the hub: the whole region. */
	municipalities: string[] | null;
}

export interface PlaceSummary {
	kind: AsfPlaceKind;
	max: number;
	free: number;
	as_of: string;
}

/** The path of an enterprise's page, under the site's base. */
export const enterprisePath = (slug: string) => `/asf/${slug}`;

/** One page of the directory. */
export async function searchDirectory(
	db: Q,
	scope: DirectoryScope,
	input: DirectoryFilters & { q?: string; page: number }
) {
	const query = input.q ? tsquery(input.q) : null;
	let select = db
		.selectFrom('asf_enterprise as e')
		.where('e.region_id', '=', scope.regionId)
		.where('e.active', '=', true);
	if (scope.municipalities) select = select.where(sql<boolean>`e.municipalities && ${scope.municipalities}::text[]`);
	if (input.municipality) select = select.where(sql<boolean>`${input.municipality} = any (e.municipalities)`);
	if (input.businessLine) select = select.where(sql<boolean>`${input.businessLine} = any (e.business_lines)`);
	if (input.targetGroup) select = select.where(sql<boolean>`${input.targetGroup} = any (e.target_groups)`);
	if (input.freeNow) {
		select = select.where((eb) =>
			eb.exists(
				eb
					.selectFrom('asf_place as p')
					.select(sql`1`.as('one'))
					.whereRef('p.enterprise_id', '=', 'e.id')
					.where('p.free_places', '>', 0)
			)
		);
	}
	if (query) select = select.where(sql<boolean>`e.search @@ ${query}`);
	const rows = await select
		.select((eb) => [
			'e.id',
			'e.slug',
			'e.name',
			'e.summary',
			'e.municipalities',
			'e.business_lines',
			'e.skoopi_member',
			sql<boolean>`e.certified_until >= current_date`.as('certified'),
			eb
				.selectFrom('asf_place as p')
				.select(
					sql<PlaceSummary[]>`coalesce(json_agg(json_build_object('kind', p.kind, 'max', p.max_places,
						'free', p.free_places, 'as_of', p.free_as_of) order by p.kind), '[]')`.as('places')
				)
				.whereRef('p.enterprise_id', '=', 'e.id')
				.as('places'),
			sql<number>`count(*) over ()`.as('total')
		])
		.orderBy(query ? sql`ts_rank(e.search, ${query}) desc` : sql`e.name`)
		.orderBy('e.name')
		.limit(DIRECTORY_PAGE_SIZE)
		.offset((input.page - 1) * DIRECTORY_PAGE_SIZE)
		.execute();
	const total = Number(rows[0]?.total ?? 0);
	return {
		items: rows.map(({ total: _, places, ...row }) => ({
			...row,
			places: places ?? [],
			path: enterprisePath(row.slug)
		})),
		total,
		page: input.page,
		pageCount: Math.max(1, Math.ceil(total / DIRECTORY_PAGE_SIZE))
	};
}

/** The municipalities the directory's filter offers: those the scope's enterprises serve. */
export async function municipalitiesOf(db: Q, scope: DirectoryScope): Promise<string[]> {
	const rows = await sql<{ m: string }>`select distinct m from asf_enterprise e, unnest(e.municipalities) m
		where e.region_id = ${scope.regionId} and e.active
		and (${scope.municipalities}::text[] is null or m = any (${scope.municipalities}::text[]))
		order by m`.execute(db);
	return rows.rows.map((r) => r.m);
}

/** An active enterprise's public page, or undefined (also when it serves none of the scope's municipalities). */
export async function publicEnterprise(db: Q, scope: DirectoryScope, slug: string) {
	let select = db
		.selectFrom('asf_enterprise as e')
		.select([
			'e.id',
			'e.region_id',
			'e.slug',
			'e.name',
			'e.org_number',
			'e.legal_form',
			'e.business_lines',
			'e.municipalities',
			'e.criteria',
			'e.skoopi_member',
			'e.certified_on',
			'e.certified_until',
			'e.target_groups',
			'e.follow_up',
			'e.follow_up_note',
			'e.contacts',
			'e.summary',
			'e.description',
			'e.description_html',
			'e.website',
			'e.image_key',
			'e.image_width',
			'e.image_height',
			'e.image_alt',
			'e.image_caption',
			'e.updated_at'
		])
		.where('e.region_id', '=', scope.regionId)
		.where('e.slug', '=', slug)
		.where('e.active', '=', true);
	if (scope.municipalities) select = select.where(sql<boolean>`e.municipalities && ${scope.municipalities}::text[]`);
	const row = await select.executeTakeFirst();
	if (!row) return undefined;
	const [places, workplaces, staffing] = await Promise.all([
		db
			.selectFrom('asf_place')
			.select(['kind', 'max_places', 'free_places', 'free_as_of'])
			.where('enterprise_id', '=', row.id)
			.orderBy('kind')
			.execute(),
		db
			.selectFrom('asf_workplace')
			.select(['name', 'street', 'postal_code', 'city', 'municipality'])
			.where('enterprise_id', '=', row.id)
			.orderBy('position')
			.execute(),
		db
			.selectFrom('asf_staffing')
			.select(['year', 'employees', 'from_target_groups'])
			.where('enterprise_id', '=', row.id)
			.orderBy('year', 'desc')
			.limit(1)
			.executeTakeFirst()
	]);
	const { description, description_html, ...rest } = row;
	return {
		...rest,
		criteria: row.criteria as Partial<AsfCriteria>,
		contacts: row.contacts as AsfContact[],
		description_html: storedHtml({
			body_html: description_html,
			body_md: description_html === null ? description : null
		}),
		places,
		workplaces,
		staffing: staffing ?? null
	};
}

/** Every active enterprise's address in the scope, for the sitemap. */
export function directorySlugs(db: Q, scope: DirectoryScope) {
	let select = db
		.selectFrom('asf_enterprise as e')
		.select(['e.slug', 'e.updated_at'])
		.where('e.region_id', '=', scope.regionId)
		.where('e.active', '=', true);
	if (scope.municipalities) select = select.where(sql<boolean>`e.municipalities && ${scope.municipalities}::text[]`);
	return select.orderBy('e.slug').execute();
}
