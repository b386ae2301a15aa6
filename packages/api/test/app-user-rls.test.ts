import {
	generateSessionToken,
	logOutEverywhere,
	createSession,
	sessionIdFromToken,
	createAuthToken
} from '@regionportalen/auth';
import { asUser } from '@regionportalen/db/client';
import { createTestDatabase, seedFixtures } from '@regionportalen/db/testing';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';

// Personal data behind the database's rules (migration 0030), straight from SQL as the servers'
// role: app_user shows the row of the person asking and of the people they administer, nobody else's.

const { db, owner } = await createTestDatabase();
const fx = await seedFixtures(owner);

// Another region's förbund, with people of its own: editorC there, and bothAC with roles in A and C.
const person = async (key: string, forbundIds: number[]) => {
	const { id } = await owner
		.insertInto('app_user')
		.values({ email: `${key.toLowerCase()}@test.example`, name: key })
		.returning('id')
		.executeTakeFirstOrThrow();
	for (const forbund_id of forbundIds) {
		await owner.insertInto('membership').values({ user_id: id, role: 'editor', forbund_id }).execute();
	}
	return id;
};
const editorC = await person('editorC', [fx.forbund.c]);
const adminC = await owner
	.insertInto('app_user')
	.values({ email: 'adminc@test.example', name: 'adminC' })
	.returning('id')
	.executeTakeFirstOrThrow()
	.then(async ({ id }) => {
		await owner
			.insertInto('membership')
			.values({ user_id: id, role: 'forbund_admin', forbund_id: fx.forbund.c })
			.execute();
		return id;
	});
const bothAC = await person('bothAC', [fx.forbund.c, fx.forbund.a]);

/** Runs `work` as the servers do for `userId` (null: a visitor, nobody stated). */
const as = <T>(userId: number | null, work: (trx: typeof db) => Promise<T>) =>
	userId === null ? db.transaction().execute(work) : asUser(db, userId, work);

const emailsSeenBy = (userId: number | null) =>
	as(userId, async (trx) => {
		const { rows } = await sql<{ email: string }>`select email from app_user order by email`.execute(trx);
		return rows.map((r) => r.email);
	});

describe('app_user under row-level security', () => {
	it('is enabled and forced', async () => {
		const { rows } = await sql<{ enabled: boolean; forced: boolean }>`
			select relrowsecurity as enabled, relforcerowsecurity as forced from pg_class where relname = 'app_user'`.execute(
			owner
		);
		expect(rows[0]).toEqual({ enabled: true, forced: true });
	});

	it('shows a visitor no e-mail address, and a person without roles only their own', async () => {
		expect(await emailsSeenBy(null)).toEqual([]);
		expect(await emailsSeenBy(fx.users.noRoles)).toEqual(['noroles@test.example']);
		expect(await emailsSeenBy(fx.users.editorA)).toEqual(['editora@test.example']);
	});

	it('shows a förbund admin the people with a role in their förbund, none of another förbund', async () => {
		expect(await emailsSeenBy(fx.users.adminA)).toEqual([
			'admina@test.example',
			'bothac@test.example',
			'editora@test.example'
		]);
		expect(await emailsSeenBy(adminC)).toEqual(['adminc@test.example', 'bothac@test.example', 'editorc@test.example']);
	});

	it('shows a coordinator the people of their region and its förbund, a platform admin everyone', async () => {
		expect(await emailsSeenBy(fx.users.coordinatorNorr)).toEqual([
			'admina@test.example',
			'bothac@test.example',
			'coordinatornorr@test.example',
			'editora@test.example',
			'editorb@test.example'
		]);
		const everyone = await owner.selectFrom('app_user').select('email').orderBy('email').execute();
		expect(await emailsSeenBy(fx.users.platformAdmin)).toEqual(everyone.map((u) => u.email));
	});

	it('lets an admin change and erase only the people they administer, and nobody insert', async () => {
		const rename = (userId: number, target: number, name: string) =>
			as(userId, (trx) => trx.updateTable('app_user').set({ name }).where('id', '=', target).executeTakeFirst());
		expect((await rename(fx.users.adminA, editorC, 'Utbytt')).numUpdatedRows).toBe(0n);
		expect((await rename(fx.users.editorA, fx.users.editorB, 'Utbytt')).numUpdatedRows).toBe(0n);
		expect((await rename(fx.users.adminA, fx.users.editorA, 'editorA')).numUpdatedRows).toBe(1n);
		const erase = (userId: number, target: number) =>
			as(userId, (trx) => trx.deleteFrom('app_user').where('id', '=', target).executeTakeFirst());
		expect((await erase(fx.users.adminA, editorC)).numDeletedRows).toBe(0n);
		expect((await erase(fx.users.coordinatorNorr, editorC)).numDeletedRows).toBe(0n);
		await expect(
			as(fx.users.platformAdmin, (trx) =>
				trx.insertInto('app_user').values({ email: 'ny@test.example', name: 'Ny' }).execute()
			)
		).rejects.toThrow(/row-level security/);
		const names = await owner.selectFrom('app_user').select('name').where('id', '=', editorC).executeTakeFirstOrThrow();
		expect(names.name).toBe('editorC');
	});

	it('shows everyone’s name, and nothing else, through app_user_name', async () => {
		const { rows } = await sql<Record<string, unknown>>`select * from app_user_name where id = ${editorC}`.execute(db);
		expect(rows).toEqual([{ id: editorC, name: 'editorC' }]);
	});
});

describe('the functions that read past it', () => {
	const FUNCTIONS = [
		'app_administers_user',
		'app_sign_in_lookup',
		'app_user_id_for_email',
		'app_session_user',
		'app_auth_token_user',
		'app_invite_user',
		'app_user_place'
	];

	it('fix their search_path, and only rp_app may call those that return personal data', async () => {
		const { rows } = await sql<{ name: string; config: string[] | null; definer: boolean; public_may: boolean }>`
			select p.proname as name, p.proconfig as config, p.prosecdef as definer,
				has_function_privilege('public', p.oid, 'execute') as public_may
			from pg_proc p where p.proname = any (${FUNCTIONS})`.execute(owner);
		expect(rows.map((r) => r.name).sort()).toEqual([...FUNCTIONS].sort());
		for (const row of rows) {
			expect(row.definer, row.name).toBe(true);
			expect(row.config, row.name).toContain('search_path=public, pg_temp');
			if (row.name !== 'app_administers_user') expect(row.public_may, row.name).toBe(false);
		}
	});

	it('find a session by its cookie’s token, never by the hash rp_app can read in session', async () => {
		const token = generateSessionToken();
		await createSession(db, token, editorC);
		const lookup = (key: string) =>
			sql<{ user_id: number; email: string }>`select user_id, email from app_session_user(${key})`.execute(db);
		expect((await lookup(token)).rows).toEqual([{ user_id: editorC, email: 'editorc@test.example' }]);
		expect((await lookup(sessionIdFromToken(token))).rows).toEqual([]);
	});

	it('find a mailed link’s person by its token, for its purpose only', async () => {
		const token = await createAuthToken(owner, editorC, 'reset');
		const lookup = (key: string, purpose: string) =>
			sql<{ email: string }>`select email from app_auth_token_user(${key}, ${purpose})`.execute(db);
		expect((await lookup(token, 'reset')).rows).toEqual([{ email: 'editorc@test.example' }]);
		expect((await lookup(token, 'invite')).rows).toEqual([]);
		expect((await lookup(sessionIdFromToken(token), 'reset')).rows).toEqual([]);
	});

	it('make an account for a grant only for someone who may grant roles', async () => {
		const invite = (userId: number | null, email: string) =>
			as(userId, (trx) => sql<{ id: number; invited: boolean }>`select * from app_invite_user(${email})`.execute(trx));
		await expect(invite(null, 'ny1@test.example')).rejects.toThrow(/may not grant roles/);
		await expect(invite(fx.users.editorA, 'ny1@test.example')).rejects.toThrow(/may not grant roles/);
		const made = await invite(fx.users.adminA, 'ny1@test.example');
		expect(made.rows[0]).toMatchObject({ invited: true });
		// An existing account of another förbund: its id, nothing more.
		expect((await invite(fx.users.adminA, 'editorc@test.example')).rows).toEqual([{ id: editorC, invited: true }]);
	});
});

describe('account audit entries', () => {
	it('name their person and place, and that person’s administrators read them, wherever they belong', async () => {
		await logOutEverywhere(db, bothAC);
		const entry = await owner
			.selectFrom('audit_log')
			.select(['id', 'actor_id', 'subject_id', 'forbund_id', 'region_id'])
			.where('action', '=', 'account.logout_everywhere')
			.where('entity_id', '=', String(bothAC))
			.executeTakeFirstOrThrow();
		// Their first role is in C.
		expect(entry).toMatchObject({
			actor_id: bothAC,
			subject_id: bothAC,
			forbund_id: fx.forbund.c,
			region_id: fx.regions.syd
		});
		const reads = (userId: number) =>
			as(userId, (trx) => trx.selectFrom('audit_log').select('id').where('id', '=', entry.id).execute());
		expect(await reads(adminC)).toHaveLength(1);
		expect(await reads(fx.users.adminA)).toHaveLength(1);
		expect(await reads(fx.users.coordinatorNorr)).toHaveLength(1);
		expect(await reads(fx.users.platformAdmin)).toHaveLength(1);
		expect(await reads(bothAC)).toHaveLength(1);
		expect(await reads(fx.users.editorA)).toHaveLength(0);
		expect(await reads(editorC)).toHaveLength(0);
	});
});
