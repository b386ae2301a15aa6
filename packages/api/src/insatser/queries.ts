import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '@regionportalen/db';
import { slugify } from '../core/index.ts';

// The editorial side's queries. Each takes the db (or a transaction) first, so the same function
// serves a request and a larger transaction; row-level security decides what the caller sees.

type Q = Kysely<Database> | Transaction<Database>;

/** Today in Sweden, as YYYY-MM-DD: "not reviewed for 12 months" counts Swedish days. */
export const swedishToday = (now = new Date()) => now.toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });

export function findById(db: Q, id: number) {
	return db.selectFrom('insats').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * A förbund's insatser for its editors, with both statuses and whether it is due for review
 * (the one rule, app_insats_review_due, decides that too).
 */
export async function listForEditing(db: Q, forbundId: number, asOf: string) {
	return db
		.selectFrom('insats')
		.leftJoin('app_user_name as author', 'author.id', 'insats.author_id')
		.select([
			'insats.id',
			'insats.slug',
			'insats.name',
			'insats.status',
			'insats.life_status',
			'insats.review_comment',
			'insats.reviewed_at',
			'insats.updated_at',
			'insats.version',
			'author.name as author_name',
			sql<boolean>`insats.id in (select id from app_insats_review_due(${asOf}::date))`.as('review_due')
		])
		.where('insats.forbund_id', '=', forbundId)
		.orderBy('insats.updated_at', 'desc')
		.limit(500)
		.execute();
}

/** The admin page: insatser waiting for approval, and published ones not reviewed for 12 months. */
export async function approvalQueue(db: Q, forbundId: number, asOf: string) {
	const waiting = await db
		.selectFrom('insats')
		.leftJoin('app_user_name as submitter', 'submitter.id', 'insats.submitted_by')
		.select(['insats.id', 'insats.name', 'insats.submitted_at', 'submitter.name as submitted_by_name'])
		.where('insats.forbund_id', '=', forbundId)
		.where('insats.status', '=', 'review')
		.orderBy('insats.submitted_at')
		.execute();
	const { rows: reviewDue } = await sql<{
		id: number;
		name: string;
		reviewed_at: string | null;
		first_published_at: Date;
	}>`select id, name, reviewed_at::text, first_published_at from app_insats_review_due(${asOf}::date)
		where forbund_id = ${forbundId}`.execute(db);
	return { waiting, reviewDue };
}

/** The förbund's id, region and member municipalities: what an insats may serve. */
export function forbundOf(db: Q, forbundId: number) {
	return db
		.selectFrom('forbund')
		.select(['id', 'region_id', 'name', 'short_name', 'slug', 'origin', 'municipalities'])
		.where('id', '=', forbundId)
		.executeTakeFirstOrThrow();
}

export function preciseCategories(db: Q) {
	return db
		.selectFrom('insats_precise_category')
		.select(['id', 'inriktning', 'label'])
		.orderBy('inriktning')
		.orderBy('position')
		.orderBy('label')
		.execute();
}

export function listYears(db: Q, insatsId: number) {
	return db.selectFrom('insats_year').selectAll().where('insats_id', '=', insatsId).orderBy('year').execute();
}

/** Names of the people an insats's review fields point at, for the editor's page. */
export async function peopleNames(db: Q, ids: (number | null)[]) {
	const wanted = ids.filter((id): id is number => id !== null);
	if (wanted.length === 0) return new Map<number, string>();
	const rows = await db.selectFrom('app_user_name').select(['id', 'name']).where('id', 'in', wanted).execute();
	return new Map(rows.map((r) => [r.id, r.name]));
}

/** A slug of the name, unique within the förbund (the catalogue's address /insatser/<slug>). */
export async function uniqueSlug(db: Q, forbundId: number, name: string) {
	const base = slugify(name);
	const taken = await db
		.selectFrom('insats')
		.select('slug')
		.where('forbund_id', '=', forbundId)
		.where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]))
		.execute();
	// Paths under /insatser/ that are pages of their own, not insatser.
	const used = new Set([...taken.map((r) => r.slug), 'export-csv', 'export-json', 'sok']);
	if (!used.has(base)) return base;
	for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}
