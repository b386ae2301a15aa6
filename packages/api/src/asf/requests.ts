import { sql, type Kysely, type Transaction } from 'kysely';
import { ASF_REQUEST_CLOSED, type AsfRequestStatus, type AsfRequestStep, type Database } from '@regionportalen/db';
import type { RequestFields } from './request-schemas.ts';

// The place requests' reads and writes, each in the caller's transaction: a request and its first
// step are saved together, and so are a step, the request's new status and (at a start) the place
// it takes.

type Q = Kysely<Database> | Transaction<Database>;

/** Which steps may follow a status: a declined proposal is followed by another proposal. */
const NEXT: Record<AsfRequestStatus, readonly AsfRequestStep[]> = {
	ny: ['foreslagen', 'aterkallad'],
	foreslagen: ['foreslagen', 'besok', 'startad', 'avbojd', 'aterkallad'],
	besok: ['besok', 'startad', 'avbojd', 'aterkallad'],
	avbojd: ['foreslagen', 'aterkallad'],
	startad: [],
	aterkallad: []
};
/** The status a step leaves the request in. */
const STATUS_AFTER: Record<Exclude<AsfRequestStep, 'skapad'>, AsfRequestStatus> = {
	foreslagen: 'foreslagen',
	besok: 'besok',
	startad: 'startad',
	avbojd: 'avbojd',
	aterkallad: 'aterkallad'
};

export const mayFollow = (status: AsfRequestStatus, step: AsfRequestStep) => NEXT[status].includes(step);
export const isOpen = (status: AsfRequestStatus) => !ASF_REQUEST_CLOSED.includes(status);

/** A local date and time in Sweden ("2026-12-10T10:00") as the instant it names. */
const swedishTime = (local: string) => sql<Date>`(${local}::timestamp at time zone 'Europe/Stockholm')`;

export async function insertRequest(
	db: Q,
	at: { regionId: number; forbundId: number; userId: number },
	f: RequestFields
) {
	const row = await db
		.insertInto('asf_request')
		.values({
			region_id: at.regionId,
			forbund_id: at.forbundId,
			requested_by: at.userId,
			place_kind: f.placeKind,
			age_band: f.ageBand,
			needs: [...new Set(f.needs)],
			description: f.description,
			municipality: f.municipality,
			wished_start: f.wishedStart
		})
		.returningAll()
		.executeTakeFirstOrThrow();
	await db
		.insertInto('asf_request_step')
		.values({ request_id: row.id, step: 'skapad', happened_at: sql<Date>`now()`, recorded_by: at.userId })
		.execute();
	return row;
}

export function findRequest(db: Q, id: number) {
	return db.selectFrom('asf_request').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Records a step: the request's new status (and the proposed enterprise) if its version is still
 * the caller's, and the step with its time. Answers the saved request, or undefined on a conflict.
 */
export async function recordStep(
	db: Q,
	id: number,
	version: number,
	userId: number,
	step: Exclude<AsfRequestStep, 'skapad'>,
	p: { enterpriseId: number | null; happenedAt: string | null; note: string }
) {
	const saved = await db
		.updateTable('asf_request')
		.set((eb) => ({
			status: STATUS_AFTER[step],
			enterprise_id: p.enterpriseId,
			version: eb('version', '+', 1),
			updated_at: sql<Date>`now()`
		}))
		.where('id', '=', id)
		.where('version', '=', version)
		.returningAll()
		.executeTakeFirst();
	if (!saved) return undefined;
	await db
		.insertInto('asf_request_step')
		.values({
			request_id: id,
			step,
			enterprise_id: p.enterpriseId,
			happened_at: p.happenedAt ? swedishTime(p.happenedAt) : sql<Date>`now()`,
			note: p.note,
			recorded_by: userId
		})
		.execute();
	return saved;
}

/**
 * A started participant takes one of the enterprise's free places of the kind, dated in its history
 * like any other report; a count already at zero stays there (the enterprise reports again anyway).
 */
export async function takePlace(db: Q, enterpriseId: number, kind: string, userId: number) {
	const place = await db
		.updateTable('asf_place')
		.set((eb) => ({ free_places: eb('free_places', '-', 1), free_as_of: sql<Date>`now()` }))
		.where('enterprise_id', '=', enterpriseId)
		.where('kind', '=', kind as never)
		.where('free_places', '>', 0)
		.returning(['id', 'free_places'])
		.executeTakeFirst();
	if (!place) return null;
	await db
		.insertInto('asf_place_history')
		.values({ place_id: place.id, free_places: place.free_places, via: 'samordnare', recorded_by: userId })
		.execute();
	return place.free_places;
}

const listed = (db: Q) =>
	db
		.selectFrom('asf_request as r')
		.innerJoin('forbund as f', 'f.id', 'r.forbund_id')
		.leftJoin('asf_enterprise as e', 'e.id', 'r.enterprise_id')
		.select([
			'r.id',
			'r.status',
			'r.place_kind',
			'r.age_band',
			'r.needs',
			'r.municipality',
			'r.wished_start',
			'r.created_at',
			'r.updated_at',
			'f.short_name as forbund_name',
			'e.name as enterprise_name'
		]);

/** The requests of a region, or of one of its förbund, newest first. */
export function listRequests(
	db: Q,
	scope: { regionId: number; forbundId: number | null },
	status: 'oppna' | 'stangda' | 'alla'
) {
	let query = listed(db).where('r.region_id', '=', scope.regionId);
	if (scope.forbundId !== null) query = query.where('r.forbund_id', '=', scope.forbundId);
	if (status === 'oppna') query = query.where('r.status', 'not in', [...ASF_REQUEST_CLOSED]);
	if (status === 'stangda') query = query.where('r.status', 'in', [...ASF_REQUEST_CLOSED]);
	return query.orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').limit(500).execute();
}

/** A request's steps in the order they were recorded, with who recorded them. */
export function stepsOf(db: Q, requestId: number) {
	return db
		.selectFrom('asf_request_step as s')
		.leftJoin('asf_enterprise as e', 'e.id', 's.enterprise_id')
		.leftJoin('app_user_name as u', 'u.id', 's.recorded_by')
		.select([
			's.id',
			's.step',
			's.happened_at',
			's.recorded_at',
			's.note',
			'e.name as enterprise_name',
			'u.name as recorded_by_name'
		])
		.where('s.request_id', '=', requestId)
		.orderBy('s.id')
		.execute();
}

/**
 * The enterprises the samordnare may propose: the region's active ones with a place of the kind,
 * those with free places and serving the request's municipality first.
 */
export function proposalChoices(db: Q, regionId: number, kind: string, municipality: string) {
	return db
		.selectFrom('asf_enterprise as e')
		.innerJoin('asf_place as p', 'p.enterprise_id', 'e.id')
		.select([
			'e.id',
			'e.name',
			'e.municipalities',
			'p.free_places',
			'p.max_places',
			'p.free_as_of',
			sql<boolean>`${municipality} = any (e.municipalities)`.as('serves_municipality')
		])
		.where('e.region_id', '=', regionId)
		.where('e.active', '=', true)
		.where('p.kind', '=', kind as never)
		.orderBy(sql`p.free_places > 0`, 'desc')
		.orderBy(sql`${municipality} = any (e.municipalities)`, 'desc')
		.orderBy('e.name')
		.execute();
}

/** The region's free places now: per active enterprise and kind, with when each count was given. */
export function freePlaces(db: Q, regionId: number) {
	return db
		.selectFrom('asf_place as p')
		.innerJoin('asf_enterprise as e', 'e.id', 'p.enterprise_id')
		.select([
			'e.id as enterprise_id',
			'e.name as enterprise_name',
			'e.slug',
			'e.municipalities',
			'p.kind',
			'p.free_places',
			'p.max_places',
			'p.free_as_of'
		])
		.where('e.region_id', '=', regionId)
		.where('e.active', '=', true)
		.where('p.free_places', '>', 0)
		.orderBy('p.kind')
		.orderBy('e.name')
		.execute();
}

/** Who hears of a step: the requester's address (the samordnare's call only; else null). */
export async function requesterEmail(db: Q, requestId: number) {
	const { rows } = await sql<{ email: string | null }>`select app_asf_requester_email(${requestId}) as email`.execute(
		db
	);
	return rows[0]?.email ?? null;
}

/** The region's ASF-samordnare's addresses (platform admins' when it has none), for a new request. */
export async function coordinatorEmails(db: Q, regionId: number) {
	const { rows } = await sql<{
		emails: string[];
	}>`select app_asf_request_coordinator_emails(${regionId}::integer) as emails`.execute(db);
	return rows[0]?.emails ?? [];
}
