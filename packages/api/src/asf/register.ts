import { createHash, randomBytes } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { sql, type Kysely, type Transaction, type Updateable } from 'kysely';
import type { AsfEnterpriseTable, AsfPlaceKind, Database } from '@regionportalen/db';
import { seal, unseal } from '@regionportalen/db/seal';
import { renderMarkdown, slugify } from '../core/index.ts';
import type { EnterpriseFields } from './schemas.ts';

// The register's writes, each in the caller's transaction (so an enterprise and its workplaces and
// staffing figures are saved together or not at all), and what the register's own pages read.

type Q = Kysely<Database> | Transaction<Database>;

/** Paths under /asf/ that are pages of their own, not enterprises. */
const RESERVED = new Set(['register', 'platser', 'ny', 'sok', 'forfragningar', 'oversikt', 'avtal']);

const columnsOf = (f: EnterpriseFields) => ({
	name: f.name,
	org_number: f.orgNumber,
	legal_form: f.legalForm,
	business_lines: f.businessLines,
	municipalities: [...new Set(f.municipalities)],
	criteria: JSON.stringify(f.criteria),
	skoopi_member: f.skoopiMember,
	certified_on: f.certifiedOn,
	target_groups: f.targetGroups,
	follow_up: f.followUp,
	follow_up_note: f.followUpNote,
	contacts: JSON.stringify(f.contacts),
	summary: f.summary,
	description: f.description,
	description_html: renderMarkdown(f.description),
	website: f.website,
	active: f.active
});

const takenOrgNumber = () =>
	new TRPCError({
		code: 'CONFLICT',
		message: 'Ett företag med det organisationsnumret finns redan i regionens register.'
	});

/** A unique violation of the org number's constraint, as the conflict it is. */
async function orgNumberGuard<T>(run: () => Promise<T>): Promise<T> {
	try {
		return await run();
	} catch (e) {
		if ((e as { constraint?: string }).constraint === 'asf_enterprise_org_number_key') throw takenOrgNumber();
		throw e;
	}
}

async function replaceParts(db: Q, enterpriseId: number, f: EnterpriseFields) {
	await db.deleteFrom('asf_workplace').where('enterprise_id', '=', enterpriseId).execute();
	if (f.workplaces.length) {
		await db
			.insertInto('asf_workplace')
			.values(
				f.workplaces.map((w, position) => ({
					enterprise_id: enterpriseId,
					name: w.name,
					street: w.street,
					postal_code: w.postalCode,
					city: w.city,
					municipality: w.municipality,
					position
				}))
			)
			.execute();
	}
	await db.deleteFrom('asf_staffing').where('enterprise_id', '=', enterpriseId).execute();
	const years = new Map(f.staffing.map((s) => [s.year, s]));
	if (years.size) {
		await db
			.insertInto('asf_staffing')
			.values(
				[...years.values()].map((s) => ({
					enterprise_id: enterpriseId,
					year: s.year,
					employees: s.employees,
					from_target_groups: s.fromTargetGroups
				}))
			)
			.execute();
	}
}

/** A new enterprise under the first free slug of its name in the region, with its parts. */
export async function insertEnterprise(db: Q, regionId: number, userId: number | null, f: EnterpriseFields) {
	const base = slugify(f.name);
	return orgNumberGuard(async () => {
		for (let n = 1; n < 100; n++) {
			const slug = n === 1 ? base : `${base}-${n}`;
			if (RESERVED.has(slug)) continue;
			// An inactive enterprise the caller cannot see may hold the slug: skipped on conflict.
			const row = await db
				.insertInto('asf_enterprise')
				.values({ ...columnsOf(f), region_id: regionId, slug, created_by: userId, updated_by: userId })
				.onConflict((oc) => oc.constraint('asf_enterprise_slug_key').doNothing())
				.returningAll()
				.executeTakeFirst();
			if (row) {
				await replaceParts(db, row.id, f);
				return row;
			}
		}
		throw new Error(`no free slug for ${base}`);
	});
}

/**
 * Saves columns on an enterprise and bumps its version: on the version the caller read when given
 * (optimistic concurrency), else on whatever is there (the import). Undefined when nothing was
 * saved: someone saved in between, or row-level security hides the row from the caller.
 */
export function saveEnterprise(
	db: Q,
	id: number,
	userId: number,
	set: Updateable<AsfEnterpriseTable>,
	version?: number
) {
	let update = db
		.updateTable('asf_enterprise')
		.set({ ...set, updated_by: userId, updated_at: new Date(), version: sql`version + 1` })
		.where('id', '=', id);
	if (version !== undefined) update = update.where('version', '=', version);
	return update.returningAll().executeTakeFirst();
}

/** Saves the fields of the version the caller read, or undefined when someone saved in between. */
export async function updateEnterprise(db: Q, id: number, version: number, userId: number, f: EnterpriseFields) {
	return orgNumberGuard(async () => {
		const row = await saveEnterprise(db, id, userId, columnsOf(f), version);
		if (row) await replaceParts(db, id, f);
		return row;
	});
}

export function findEnterprise(db: Q, id: number) {
	return db.selectFrom('asf_enterprise').selectAll().where('id', '=', id).executeTakeFirst();
}

export function placesOf(db: Q, enterpriseId: number) {
	return db
		.selectFrom('asf_place')
		.select(['id', 'kind', 'max_places', 'free_places', 'free_as_of'])
		.where('enterprise_id', '=', enterpriseId)
		.orderBy('kind')
		.execute();
}

/**
 * Sets the enterprise's places to exactly these kinds: a kind left out is removed, a changed free
 * count is dated and kept in the history (an unchanged one too: the coordinator confirmed it).
 */
export async function setPlaces(
	db: Q,
	enterpriseId: number,
	userId: number,
	places: { kind: AsfPlaceKind; max: number; free: number }[]
) {
	const kinds = places.map((p) => p.kind);
	let removal = db.deleteFrom('asf_place').where('enterprise_id', '=', enterpriseId);
	if (kinds.length) removal = removal.where('kind', 'not in', kinds);
	await removal.execute();
	for (const p of places) {
		const row = await db
			.insertInto('asf_place')
			.values({ enterprise_id: enterpriseId, kind: p.kind, max_places: p.max, free_places: p.free })
			.onConflict((oc) =>
				oc
					.constraint('asf_place_kind_key')
					.doUpdateSet({ max_places: p.max, free_places: p.free, free_as_of: new Date() })
			)
			.returning('id')
			.executeTakeFirstOrThrow();
		await db
			.insertInto('asf_place_history')
			.values({ place_id: row.id, free_places: p.free, via: 'samordnare', recorded_by: userId })
			.execute();
	}
}

/** The dated reports of the enterprise's free counts, latest first. */
export function historyOf(db: Q, enterpriseId: number, limit = 50) {
	return db
		.selectFrom('asf_place_history as h')
		.innerJoin('asf_place as p', 'p.id', 'h.place_id')
		.leftJoin('app_user_name as u', 'u.id', 'h.recorded_by')
		.select(['h.id', 'p.kind', 'h.free_places', 'h.via', 'h.recorded_at', 'u.name as recorded_by_name'])
		.where('p.enterprise_id', '=', enterpriseId)
		.orderBy('h.recorded_at', 'desc')
		.orderBy('h.id', 'desc')
		.limit(limit)
		.execute();
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest();

/** What the enterprise's link opens: the enterprise and its places, or undefined for an unknown link. */
export async function placesByLink(db: Q, token: string) {
	const { rows } = await sql<{
		enterprise_id: number;
		region_id: number;
		enterprise_name: string;
		place_id: number | null;
		kind: AsfPlaceKind | null;
		max_places: number | null;
		free_places: number | null;
		free_as_of: Date | null;
	}>`select * from asf_places_by_link(${hashToken(token)})`.execute(db);
	const first = rows[0];
	if (!first) return undefined;
	return {
		enterprise_id: first.enterprise_id,
		region_id: first.region_id,
		name: first.enterprise_name,
		// An enterprise without places still has its link: one row with no place.
		places: rows.flatMap((r) =>
			r.place_id === null
				? []
				: [{ id: r.place_id, kind: r.kind!, max: r.max_places!, free: r.free_places!, as_of: r.free_as_of! }]
		)
	};
}

/** A new link for the enterprise (the old one stops working), and its token. */
export async function renewLink(db: Q, enterpriseId: number, userId: number): Promise<string> {
	const token = randomBytes(32).toString('base64url');
	const values = {
		token_hash: hashToken(token),
		token_sealed: seal(new TextEncoder().encode(token)),
		created_by: userId,
		last_used_at: null
	};
	await db
		.insertInto('asf_update_link')
		.values({ enterprise_id: enterpriseId, ...values })
		.onConflict((oc) => oc.column('enterprise_id').doUpdateSet({ ...values, created_at: sql`now()` } as never))
		.execute();
	return token;
}

/** The enterprise's current link token (unsealed), or null when it has none yet. */
export async function currentLink(db: Q, enterpriseId: number) {
	const row = await db
		.selectFrom('asf_update_link')
		.select(['token_sealed', 'created_at', 'last_used_at'])
		.where('enterprise_id', '=', enterpriseId)
		.executeTakeFirst();
	if (!row) return null;
	return {
		token: new TextDecoder().decode(unseal(row.token_sealed)),
		created_at: row.created_at,
		last_used_at: row.last_used_at
	};
}

/** The register as its keeper sees it: every enterprise of the region, the stale counts flagged. */
export function registerOf(db: Q, regionId: number) {
	return db
		.selectFrom('asf_enterprise as e')
		.select((eb) => [
			'e.id',
			'e.slug',
			'e.name',
			'e.org_number',
			'e.active',
			'e.certified_until',
			'e.municipalities',
			eb
				.selectFrom('asf_place as p')
				.select((x) => x.fn.coalesce(x.fn.sum<number>('p.free_places'), sql<number>`0`).as('n'))
				.whereRef('p.enterprise_id', '=', 'e.id')
				.as('free_places'),
			eb
				.selectFrom('asf_place as p')
				.select((x) => x.fn.min('p.free_as_of').as('t'))
				.whereRef('p.enterprise_id', '=', 'e.id')
				.as('oldest_count_at')
		])
		.where('e.region_id', '=', regionId)
		.orderBy('e.name')
		.execute();
}
