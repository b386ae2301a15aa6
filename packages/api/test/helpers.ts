import { sql } from 'kysely';
import { TRPCError } from '@trpc/server';
import { afterAll, expect } from 'vitest';
import { ZodError } from 'zod';
import { createMailer } from '@regionportalen/mail';
import { startWorker } from '@regionportalen/worker';
import { luhnValid } from '../src/asf/org-number.ts';
import { createCaller } from '../src/index.ts';
import type { Db } from '@regionportalen/db/client';
import type { Fixtures } from '@regionportalen/db/testing';

/** The site the test callers act on: links in mails point here. */
export const TEST_ORIGIN = 'http://portal.test.example';

/** Callers as each fixture person, and as an anonymous visitor. */
export function callersFor(db: Db, fx: Fixtures) {
	const as = (id: number | null) =>
		createCaller({
			db,
			user: id === null ? null : { id, email: `u${id}@test.example`, name: `u${id}` },
			// Signed in all the way: past the second factor where the roles require one.
			session: id === null ? null : { id: `test-session-${id}`, twoFactorVerified: true },
			origin: TEST_ORIGIN
		});
	return {
		anonymous: as(null),
		editorA: as(fx.users.editorA),
		editorB: as(fx.users.editorB),
		adminA: as(fx.users.adminA),
		coordinatorNorr: as(fx.users.coordinatorNorr),
		platformAdmin: as(fx.users.platformAdmin),
		noRoles: as(fx.users.noRoles)
	};
}

/** A snapshot of every news row, to prove a refused call changed nothing. */
export function snapshotNews(db: Db) {
	return db.selectFrom('news').selectAll().orderBy('id').execute();
}

/** The TRPCError a call failed with (failing the test if it succeeded), checked against `code` if given. */
export async function expectTrpcError(promise: Promise<unknown>, code?: TRPCError['code']): Promise<TRPCError> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(TRPCError);
	if (code) expect((error as TRPCError).code).toBe(code);
	return error as TRPCError;
}

/** A refusal's messages: each refused field's, or the one sentence of any other refusal. */
export function refusalMessages(error: TRPCError): string[] {
	return error.cause instanceof ZodError ? error.cause.issues.map((i) => i.message) : [error.message];
}

/**
 * Presidium members for the minutes tests, beside the shared fixtures: the ordförande of förbund A
 * (region norr) and a ledamot of förbund C (region syd).
 */
export async function seedPresidium(owner: Db, fx: Fixtures) {
	const member = async (key: string, forbundId: number, boardRole: 'ordforande' | 'ledamot') => {
		const { id } = await owner
			.insertInto('app_user')
			.values({ email: `${key.toLowerCase()}@test.example`, name: key })
			.returning('id')
			.executeTakeFirstOrThrow();
		await owner
			.insertInto('membership')
			.values({ user_id: id, role: 'presidium', forbund_id: forbundId, board_role: boardRole })
			.execute();
		return id;
	};
	return {
		presidiumA: await member('presidiumA', fx.forbund.a, 'ordforande'),
		presidiumC: await member('presidiumC', fx.forbund.c, 'ledamot')
	};
}

/** callersFor, plus the presidium members of seedPresidium. */
export function minutesCallersFor(db: Db, fx: Fixtures, presidium: Awaited<ReturnType<typeof seedPresidium>>) {
	const as = (id: number) =>
		createCaller({
			db,
			user: { id, email: `u${id}@test.example`, name: `u${id}` },
			session: { id: `test-session-${id}`, twoFactorVerified: true }
		});
	return { ...callersFor(db, fx), presidiumA: as(presidium.presidiumA), presidiumC: as(presidium.presidiumC) };
}

/** Every row of the minutes' tables and the audit log, to prove a refused call changed nothing. */
export async function snapshotMinutes(db: Db) {
	const all = (
		table:
			| 'meeting'
			| 'meeting_minutes'
			| 'minutes_attendee'
			| 'minutes_item'
			| 'minutes_action'
			| 'minutes_attachment'
			| 'audit_log'
	) => db.selectFrom(table).selectAll().orderBy('id').execute();
	return Promise.all([
		all('meeting'),
		all('meeting_minutes'),
		all('minutes_attendee'),
		all('minutes_item'),
		all('minutes_action'),
		all('minutes_attachment'),
		all('audit_log')
	]);
}

export type MeetingState = 'draft' | 'approved' | 'published' | 'public';

/**
 * A meeting with revision 1 in the given state, written as the owner (behind RLS), with one attendee,
 * one agenda item, one decision and one attachment. Its text holds `word`, for search tests.
 */
export async function insertMeeting(owner: Db, regionId: number, state: MeetingState, word = 'samverkan') {
	const published = state === 'published' || state === 'public';
	const meeting = await owner
		.insertInto('meeting')
		.values({ region_id: regionId })
		.returning('id')
		.executeTakeFirstOrThrow();
	const minutes = await owner
		.insertInto('meeting_minutes')
		.values({
			meeting_id: meeting.id,
			region_id: regionId,
			number: 1,
			status: state === 'public' ? 'published' : state,
			title: `Presidiemöte ${state}`,
			starts_at: new Date('2024-03-14T15:00:00Z'),
			search_document: `Om ${word} i länet.`,
			...(state !== 'draft' ? { adjusters: ['Justerare Ett'], approved_at: new Date('2024-03-20') } : {}),
			...(published ? { published_at: new Date('2024-03-21') } : {})
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	if (published) {
		await owner
			.updateTable('meeting')
			.set({ published_number: 1, public: state === 'public' })
			.where('id', '=', meeting.id)
			.execute();
	}
	// The freeze trigger refuses rows of approved minutes even to the owner; a fixture builds its state
	// directly, with triggers off for its own transaction.
	await owner.transaction().execute(async (trx) => {
		await sql`set local session_replication_role = replica`.execute(trx);
		await trx
			.insertInto('minutes_attendee')
			.values({ minutes_id: minutes.id, position: 1, name: 'Anna Andersson', role: 'ordforande' })
			.execute();
		await trx
			.insertInto('minutes_item')
			.values({ minutes_id: minutes.id, position: 1, kind: 'other', heading: 'Punkt', body: `Om ${word} i länet.` })
			.execute();
		await trx
			.insertInto('minutes_action')
			.values({ minutes_id: minutes.id, position: 1, kind: 'decision', text: 'Beslut.' })
			.execute();
	});
	const attachment = await owner.transaction().execute(async (trx) => {
		await sql`set local session_replication_role = replica`.execute(trx);
		return trx
			.insertInto('minutes_attachment')
			.values({
				minutes_id: minutes.id,
				storage_key: `private/${'a'.repeat(32)}/bilaga.pdf`,
				filename: 'bilaga.pdf',
				content_type: 'application/pdf',
				size_bytes: 100
			})
			.returning('id')
			.executeTakeFirstOrThrow();
	});
	return { meeting: meeting.id, minutes: minutes.id, attachment: attachment.id };
}

/**
 * A worker that delivers this test file's outbox to `smtpUrl`, as in production but quick to retry
 * and with no schedules; it stops after the file.
 */
export async function startMailWorker(workerUrl: string, smtpUrl: string) {
	const worker = await startWorker({
		databaseUrl: workerUrl,
		mailer: createMailer({ SMTP_URL: smtpUrl }),
		policy: { maxAttempts: 50, retryBaseSeconds: 0.2 },
		schedules: [],
		concurrency: 2,
		pollMs: 200
	});
	afterAll(() => worker.stop());
	return worker;
}

/**
 * A katalogadministratör of förbund A beside the shared fixtures (the insatser's approver), with
 * förbund A's member municipalities set, for the insatser's tests.
 */
export async function seedCatalogueAdmin(owner: Db, fx: Fixtures) {
	const { id } = await owner
		.insertInto('app_user')
		.values({ email: 'cataloguea@test.example', name: 'catalogueA' })
		.returning('id')
		.executeTakeFirstOrThrow();
	await owner
		.insertInto('membership')
		.values({ user_id: id, role: 'catalogue_admin', forbund_id: fx.forbund.a })
		.execute();
	await owner
		.updateTable('forbund')
		.set({ municipalities: ['Solna', 'Sundbyberg'] })
		.where('id', '=', fx.forbund.a)
		.execute();
	return id;
}

/** callersFor, plus the katalogadministratör of seedCatalogueAdmin. */
export function insatsCallersFor(db: Db, fx: Fixtures, catalogueA: number) {
	const caller = createCaller({
		db,
		user: { id: catalogueA, email: 'cataloguea@test.example', name: 'catalogueA' },
		session: { id: `test-session-${catalogueA}`, twoFactorVerified: true },
		origin: TEST_ORIGIN
	});
	return { ...callersFor(db, fx), catalogueA: caller };
}

const ASF_ROLES = {
	asfNorr: { role: 'asf_coordinator', scope: (fx: Fixtures) => ({ region_id: fx.regions.norr }) },
	asfSyd: { role: 'asf_coordinator', scope: (fx: Fixtures) => ({ region_id: fx.regions.syd }) },
	staffA: { role: 'insats_staff', scope: (fx: Fixtures) => ({ forbund_id: fx.forbund.a }) },
	staffC: { role: 'insats_staff', scope: (fx: Fixtures) => ({ forbund_id: fx.forbund.c }) }
} as const;
type AsfStaff = Record<keyof typeof ASF_ROLES, number>;

/**
 * The ASF people besides the fixtures: the ASF-samordnare of region norr and of syd, and the
 * insatspersonal of förbund A (norr) and C (syd). Förbund A serves Solna and Sundbyberg. With
 * `roles: false` the people are created without their roles (grantAsfRoles gives them later), so a
 * matrix that runs before theirs sees no one new.
 */
export async function seedAsfStaff(owner: Db, fx: Fixtures, { roles = true } = {}): Promise<AsfStaff> {
	const ids = {} as AsfStaff;
	for (const key of Object.keys(ASF_ROLES) as (keyof typeof ASF_ROLES)[]) {
		ids[key] = (
			await owner
				.insertInto('app_user')
				.values({ email: `${key.toLowerCase()}@test.example`, name: key })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
	}
	await owner
		.updateTable('forbund')
		.set({ municipalities: ['Solna', 'Sundbyberg'] })
		.where('id', '=', fx.forbund.a)
		.execute();
	if (roles) await grantAsfRoles(owner, fx, ids);
	return ids;
}

/** Gives the people of seedAsfStaff their roles (again: a no-op when they have them). */
export async function grantAsfRoles(owner: Db, fx: Fixtures, ids: AsfStaff) {
	for (const [key, { role, scope }] of Object.entries(ASF_ROLES) as [
		keyof typeof ASF_ROLES,
		(typeof ASF_ROLES)[keyof typeof ASF_ROLES]
	][]) {
		const has = await owner.selectFrom('membership').select('id').where('user_id', '=', ids[key]).executeTakeFirst();
		if (!has)
			await owner
				.insertInto('membership')
				.values({ user_id: ids[key], role, ...scope(fx) })
				.execute();
	}
}

/** callersFor, plus the ASF people of seedAsfStaff. */
export function asfCallersFor(db: Db, fx: Fixtures, staff: AsfStaff) {
	const as = (id: number, name: string) =>
		createCaller({
			db,
			user: { id, email: `${name.toLowerCase()}@test.example`, name },
			session: { id: `test-session-${id}`, twoFactorVerified: true },
			origin: TEST_ORIGIN
		});
	return {
		...callersFor(db, fx),
		asfNorr: as(staff.asfNorr, 'asfNorr'),
		asfSyd: as(staff.asfSyd, 'asfSyd'),
		staffA: as(staff.staffA, 'staffA'),
		staffC: as(staff.staffC, 'staffC')
	};
}

/** A valid organisation number from a serial: 552, six digits, the Luhn check digit. */
export function testOrgNumber(serial: number): string {
	const nine = `552${String(serial % 1_000_000).padStart(6, '0')}`;
	const check = [...'0123456789'].find((d) => luhnValid(nine + d))!;
	return `${nine.slice(0, 6)}-${nine.slice(6)}${check}`;
}
