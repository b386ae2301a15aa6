import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Database, DocumentKind } from '@regionportalen/db';
import type { Owner } from '../core/index.ts';

// Document queries. Every public read goes through document_search() (migration 0024), which states
// the publication rule (no insats, or a published one) and finds the rows through the indexes past
// row-level security; the rows themselves are then read under RLS as always.

type Q = Kysely<Database> | Transaction<Database>;

/** Whose library: one förbund's, or a region's (its own documents and its förbund's). */
export type LibraryScope = { forbundId: number } | { regionId: number };

export const scopeOf = (owner: Owner): LibraryScope =>
	owner.forbundId !== null ? { forbundId: owner.forbundId } : { regionId: owner.regionId };

export interface LibraryFilter {
	kind?: DocumentKind | null;
	year?: number | null;
	insatsId?: number | null;
}

/** What a list shows of a document (its text is left out), with whose it is, to credit it on the hub. */
export const listColumns = [
	'document.id',
	'document.title',
	'document.document_date',
	'document.kind',
	'document.diarienummer',
	'document.description',
	'document.storage_key',
	'document.filename',
	'document.size_bytes',
	'document.page_count',
	'document.text_status',
	'document.insats_id',
	'document.project_id',
	'document.forbund_id',
	'document.region_id',
	'forbund.slug as forbund_slug',
	'forbund.short_name as forbund_name',
	'forbund.origin as forbund_origin'
] as const;

/** One call of document_search(): how many match, and one page's ids in order. */
export async function findIds(
	db: Q,
	scope: LibraryScope,
	filter: LibraryFilter,
	query: RawBuilder<string> | null,
	{ cap, limit, offset }: { cap: number; limit: number; offset: number }
): Promise<{ total: number; ids: number[] }> {
	const [forbundId, regionId] = 'forbundId' in scope ? [scope.forbundId, null] : [null, scope.regionId];
	const found = await sql<{ total: number; ids: number[] }>`select total, ids from document_search(
		${query ?? null}::tsquery, ${forbundId}::integer, ${regionId}::integer, ${filter.kind ?? null}::text,
		${filter.year ?? null}::integer, ${filter.insatsId ?? null}::integer, ${cap}::integer, ${limit}::integer,
		${offset}::integer)`.execute(db);
	return found.rows[0]!;
}

/** The listed documents of `ids`, in that order. */
export async function rowsOf(db: Q, ids: number[]) {
	if (ids.length === 0) return [];
	const rows = await db
		.selectFrom('document')
		.leftJoin('forbund', 'forbund.id', 'document.forbund_id')
		.select(listColumns)
		.where('document.id', 'in', ids)
		.execute();
	const byId = new Map(rows.map((row) => [row.id, row]));
	return ids.flatMap((id) => byId.get(id) ?? []);
}

export type ListedDocument = Awaited<ReturnType<typeof rowsOf>>[number];

/** A page of the public library, newest first, with the total. */
export async function listPublic(db: Q, scope: LibraryScope, filter: LibraryFilter, page: number, pageSize: number) {
	const { total, ids } = await findIds(db, scope, filter, null, {
		cap: 0,
		limit: pageSize,
		offset: (page - 1) * pageSize
	});
	return { items: await rowsOf(db, ids), page, total, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/** The years the scope has public documents from, newest first: the year filter's choices. */
export async function publicYears(db: Q, scope: LibraryScope): Promise<number[]> {
	const rows = await db
		.selectFrom('document')
		.leftJoin('insats', 'insats.id', 'document.insats_id')
		.select(sql<number>`extract(year from document.document_date)::int`.as('year'))
		.distinct()
		.where((eb) =>
			'forbundId' in scope
				? eb('document.forbund_id', '=', scope.forbundId)
				: eb('document.region_id', '=', scope.regionId)
		)
		.where((eb) => eb.or([eb('document.insats_id', 'is', null), eb('insats.status', '=', 'published')]))
		.orderBy('year', 'desc')
		.execute();
	return rows.map((r) => r.year);
}

/** Every document of an owner (its own only, on the hub too), newest first, for its editors. */
export function listForEditing(db: Q, owner: Owner) {
	return db
		.selectFrom('document')
		.leftJoin('forbund', 'forbund.id', 'document.forbund_id')
		.leftJoin('insats', 'insats.id', 'document.insats_id')
		.select(listColumns)
		.select(['insats.name as insats_name', 'document.updated_at'])
		.where('document.region_id', '=', owner.regionId)
		.where((eb) =>
			owner.forbundId === null ? eb('document.forbund_id', 'is', null) : eb('document.forbund_id', '=', owner.forbundId)
		)
		.orderBy('document.document_date', 'desc')
		.orderBy('document.id', 'desc')
		.execute();
}

export function findById(db: Q, id: number) {
	return db
		.selectFrom('document')
		.leftJoin('forbund', 'forbund.id', 'document.forbund_id')
		.select(listColumns)
		.select(['document.updated_at', 'document.extracted_at'])
		.where('document.id', '=', id)
		.executeTakeFirst();
}

/**
 * A joint project's documents, newest first: any party's, as far as the visitor may read them (a
 * document of an unpublished insats is not public, as in the library).
 */
export function documentsOfProject(db: Q, projectId: number, limit = 50) {
	return db
		.selectFrom('document')
		.leftJoin('forbund', 'forbund.id', 'document.forbund_id')
		.leftJoin('insats', 'insats.id', 'document.insats_id')
		.select(listColumns)
		.where('document.project_id', '=', projectId)
		.where((eb) => eb.or([eb('document.insats_id', 'is', null), eb('insats.status', '=', 'published')]))
		.orderBy('document.document_date', 'desc')
		.orderBy('document.id', 'desc')
		.limit(limit)
		.execute();
}
