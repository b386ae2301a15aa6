import {
	authenticate,
	consumeAuthToken,
	createSession,
	enableTotp,
	findAuthToken,
	generateSessionToken,
	generateTotpKey,
	setUserPassword,
	totpCode,
	totpStep,
	validateSessionToken,
	verifyUserTotp
} from '@regionportalen/auth';
import { createTestDatabase, seedFixtures } from '@regionportalen/db/testing';
import { linkIn, startSmtpCapture } from '@regionportalen/mail/testing';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createCaller } from '../src/index.ts';
import { callersFor, expectTrpcError, insertMeeting, startMailWorker, TEST_ORIGIN } from './helpers.ts';

const { db, owner, workerUrl } = await createTestDatabase();
const fx = await seedFixtures(owner);
const smtp = await startSmtpCapture();
afterAll(() => smtp.close());
// Mail goes through the outbox: a worker delivers it to the capture, as in production.
await startMailWorker(workerUrl, smtp.url);
const as = callersFor(db, fx);

describe('an invitation, end to end over SMTP', () => {
	it('creates the account and role, mails a 7-day link, and the link sets name and password once', async () => {
		const result = await as.adminA.admin.invite({
			email: ' Ny.Ledamot@Test.Example ',
			role: 'presidium',
			forbundId: fx.forbund.a,
			boardRole: 'vice_ordforande'
		});
		expect(result.invited).toBe(true);
		const mail = await smtp.next('ny.ledamot@test.example');
		expect(mail.text).toContain('presidieledamot (vice ordförande)');
		const link = linkIn(mail, TEST_ORIGIN);
		const token = link.split('/inbjudan/')[1]!;

		const found = await findAuthToken(db, token, 'invite');
		expect(found).toMatchObject({ email: 'ny.ledamot@test.example', userId: result.userId });
		expect(found!.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);
		// Without a password, nobody can sign in as the invitee yet.
		expect(await authenticate(db, 'ny.ledamot@test.example', '')).toBeNull();

		// What the invitation page does with the form.
		await db.transaction().execute(async (trx) => {
			expect(await consumeAuthToken(trx, token, 'invite')).toBe(result.userId);
			await setUserPassword(trx, result.userId, 'en lång mening som lösenord');
		});
		expect(await consumeAuthToken(db, token, 'invite')).toBeNull();
		expect(await authenticate(db, 'ny.ledamot@test.example', 'en lång mening som lösenord')).toMatchObject({
			id: result.userId
		});

		// A presidium member must set up two-factor authentication before anything else.
		const sessionToken = generateSessionToken();
		await createSession(db, sessionToken, result.userId);
		expect((await validateSessionToken(db, sessionToken)).twoFactor).toBe('enrol');

		const membership = await owner
			.selectFrom('membership')
			.selectAll()
			.where('user_id', '=', result.userId)
			.executeTakeFirstOrThrow();
		expect(membership).toMatchObject({ role: 'presidium', forbund_id: fx.forbund.a, board_role: 'vice_ordforande' });
		const audit = await owner.selectFrom('audit_log').selectAll().where('action', '=', 'membership.invite').execute();
		expect(audit.at(-1)).toMatchObject({
			actor_id: fx.users.adminA,
			forbund_id: fx.forbund.a,
			region_id: fx.regions.norr
		});
	});

	it('gives an existing person the role at once and tells them by mail, without a token', async () => {
		await owner
			.updateTable('app_user')
			.set({ password_hash: 'an argon2 hash' })
			.where('id', '=', fx.users.editorB)
			.execute();
		const result = await as.coordinatorNorr.admin.invite({
			email: 'editorb@test.example',
			role: 'presidium',
			forbundId: fx.forbund.b,
			boardRole: 'ledamot'
		});
		expect(result).toMatchObject({ invited: false, userId: fx.users.editorB });
		const mail = await smtp.next('editorb@test.example');
		expect(mail.subject).toBe('Ny behörighet i Regionportalen');
		expect(await owner.selectFrom('auth_token').where('user_id', '=', fx.users.editorB).execute()).toHaveLength(0);
	});

	it('refuses the same role twice, a presidium role without a board role, and a role in the wrong place', async () => {
		await expectTrpcError(
			as.platformAdmin.admin.invite({ email: 'editora@test.example', role: 'editor', forbundId: fx.forbund.a }),
			'CONFLICT'
		);
		await expectTrpcError(
			as.platformAdmin.admin.invite({ email: 'x@test.example', role: 'presidium', forbundId: fx.forbund.a }),
			'BAD_REQUEST'
		);
		await expectTrpcError(
			as.platformAdmin.admin.invite({ email: 'x@test.example', role: 'coordinator', forbundId: fx.forbund.a }),
			'BAD_REQUEST'
		);
	});
});

describe('sending an invitation again', () => {
	it('mails a fresh link to someone without a password; the earlier link stops working', async () => {
		const first = await as.adminA.admin.invite({ email: 'sen@test.example', role: 'editor', forbundId: fx.forbund.a });
		const oldToken = linkIn(await smtp.next('sen@test.example'), TEST_ORIGIN).split('/inbjudan/')[1]!;
		const membership = await owner
			.selectFrom('membership')
			.select('id')
			.where('user_id', '=', first.userId)
			.executeTakeFirstOrThrow();

		expect(await as.adminA.admin.resendInvitation({ membershipId: membership.id })).toEqual({
			email: 'sen@test.example'
		});
		const mail = await smtp.next('sen@test.example');
		expect(mail.text).toContain('redaktör');
		const newToken = linkIn(mail, TEST_ORIGIN).split('/inbjudan/')[1]!;
		expect(newToken).not.toBe(oldToken);
		expect(await findAuthToken(db, oldToken, 'invite')).toBeNull();
		expect(await findAuthToken(db, newToken, 'invite')).toMatchObject({ userId: first.userId });
		const audit = await owner
			.selectFrom('audit_log')
			.selectAll()
			.where('action', '=', 'membership.invite_resend')
			.executeTakeFirstOrThrow();
		expect(audit).toMatchObject({ actor_id: fx.users.adminA, forbund_id: fx.forbund.a, region_id: fx.regions.norr });
	});

	it('is refused for someone who already has a password, and to whoever cannot manage the role', async () => {
		const pending = await as.adminA.admin.invite({
			email: 'vantar@test.example',
			role: 'editor',
			forbundId: fx.forbund.a
		});
		await smtp.next('vantar@test.example');
		const pendingRole = await owner
			.selectFrom('membership')
			.select('id')
			.where('user_id', '=', pending.userId)
			.executeTakeFirstOrThrow();
		const tokensBefore = await owner
			.selectFrom('auth_token')
			.select('id')
			.where('user_id', '=', pending.userId)
			.execute();
		// A coordinator (who manages presidium roles, not editors) and an editor do not even see the
		// role, a visitor is not let in; nothing changes.
		await expectTrpcError(as.coordinatorNorr.admin.resendInvitation({ membershipId: pendingRole.id }), 'NOT_FOUND');
		await expectTrpcError(as.editorA.admin.resendInvitation({ membershipId: pendingRole.id }), 'NOT_FOUND');
		await expectTrpcError(as.anonymous.admin.resendInvitation({ membershipId: pendingRole.id }), 'UNAUTHORIZED');
		expect(await owner.selectFrom('auth_token').select('id').where('user_id', '=', pending.userId).execute()).toEqual(
			tokensBefore
		);

		const active = await owner
			.selectFrom('membership')
			.select('id')
			.where('user_id', '=', fx.users.editorA)
			.where('role', '=', 'editor')
			.executeTakeFirstOrThrow();
		await owner
			.updateTable('app_user')
			.set({ password_hash: 'an argon2 hash' })
			.where('id', '=', fx.users.editorA)
			.execute();
		const refused = await expectTrpcError(as.adminA.admin.resendInvitation({ membershipId: active.id }), 'BAD_REQUEST');
		expect(refused.message).toBe('editora@test.example har redan ett konto och kan logga in.');
	});
});

describe('revoking a role', () => {
	it('ends every session of the person at once', async () => {
		const token = generateSessionToken();
		await createSession(db, token, fx.users.editorA, { twoFactorVerified: true });
		expect((await validateSessionToken(db, token)).session).not.toBeNull();
		const { id } = await owner
			.selectFrom('membership')
			.select('id')
			.where('user_id', '=', fx.users.editorA)
			.where('role', '=', 'editor')
			.executeTakeFirstOrThrow();
		await as.adminA.admin.revoke({ membershipId: id });
		expect(await validateSessionToken(db, token)).toMatchObject({ session: null });
		await owner
			.insertInto('membership')
			.values({ user_id: fx.users.editorA, role: 'editor', forbund_id: fx.forbund.a })
			.execute();
	});

	it('cannot be done to oneself', async () => {
		const { id } = await owner
			.selectFrom('membership')
			.select('id')
			.where('user_id', '=', fx.users.adminA)
			.executeTakeFirstOrThrow();
		await expectTrpcError(as.adminA.admin.revoke({ membershipId: id }), 'BAD_REQUEST');
	});
});

describe('the two-factor gate in the API', () => {
	const halfway = (userId: number) =>
		createCaller({
			db,
			user: { id: userId, email: 'x@test.example', name: 'x' },
			session: { id: 's', twoFactorVerified: false },
			origin: TEST_ORIGIN
		});

	it('gives a privileged person without a second factor no role-checked procedure and no roles', async () => {
		const coordinator = halfway(fx.users.coordinatorNorr);
		await expectTrpcError(coordinator.admin.people({ scope: { kind: 'region', id: fx.regions.norr } }), 'FORBIDDEN');
		await expectTrpcError(
			coordinator.news.create({ owner: { region: 'norr' }, title: 'T', lead: '', body: '', sharedWithRegion: false }),
			'FORBIDDEN'
		);
		expect((await coordinator.users.me()).memberships).toEqual([]);
		expect(await coordinator.admin.scopes()).toEqual([]);
	});

	it('shows a privileged person without a second factor no more minutes than a visitor, in public procedures too', async () => {
		const world = {
			draft: await insertMeeting(owner, fx.regions.norr, 'draft'),
			published: await insertMeeting(owner, fx.regions.norr, 'published'),
			public: await insertMeeting(owner, fx.regions.norr, 'public')
		};
		const coordinator = halfway(fx.users.coordinatorNorr);
		const listed = (await coordinator.minutes.list({ region: 'norr' })).meetings.map((m) => m.id);
		expect(listed).toContain(world.public.meeting);
		expect(listed).not.toContain(world.published.meeting);
		expect(listed).not.toContain(world.draft.meeting);
		await expectTrpcError(coordinator.minutes.meeting({ region: 'norr', id: world.published.meeting }), 'FORBIDDEN');
		await expectTrpcError(coordinator.minutes.meeting({ region: 'norr', id: world.draft.meeting }), 'FORBIDDEN');
		// The same caller once the second factor is done sees them all.
		const verified = (await as.coordinatorNorr.minutes.list({ region: 'norr' })).meetings.map((m) => m.id);
		expect(verified).toEqual(expect.arrayContaining(Object.values(world).map((w) => w.meeting)));
	});

	it('leaves people whose roles need no second factor as they are', async () => {
		expect((await halfway(fx.users.editorA).users.me()).memberships).toHaveLength(1);
	});
});

describe('the audit log view', () => {
	it('shows each admin the entries of their scope only, filtered and paged', async () => {
		await owner
			.insertInto('audit_log')
			.values([
				{
					action: 'minutes.read',
					entity_type: 'meeting',
					region_id: fx.regions.norr,
					summary: 'Norr läste',
					actor_id: fx.users.editorA
				},
				{
					action: 'minutes.read',
					entity_type: 'meeting',
					region_id: fx.regions.syd,
					forbund_id: fx.forbund.c,
					summary: 'Syd läste'
				},
				{
					action: 'news.publish',
					entity_type: 'news',
					region_id: fx.regions.norr,
					forbund_id: fx.forbund.a,
					summary: 'A publicerade'
				}
			])
			.execute();
		const summaries = async (caller: typeof as.adminA, input: Parameters<typeof as.adminA.admin.audit>[0] = {}) =>
			(await caller.admin.audit(input)).entries.map((e) => e.summary);

		const all = await summaries(as.platformAdmin);
		expect(all).toEqual(expect.arrayContaining(['Norr läste', 'Syd läste', 'A publicerade']));
		const coordinator = await summaries(as.coordinatorNorr);
		expect(coordinator).toEqual(expect.arrayContaining(['Norr läste', 'A publicerade']));
		expect(coordinator).not.toContain('Syd läste');
		const admin = await summaries(as.adminA);
		expect(admin).toContain('A publicerade');
		expect(admin).not.toContain('Norr läste');
		expect(admin).not.toContain('Syd läste');
		await expectTrpcError(as.editorA.admin.audit({}), 'FORBIDDEN');

		expect(await summaries(as.platformAdmin, { action: 'minutes.read' })).toEqual(['Syd läste', 'Norr läste']);
		// Found by the account's address as it is now, which the log itself does not hold.
		expect(await summaries(as.platformAdmin, { actor: 'EDITORA@' })).toEqual(['Norr läste']);
		// Today as the log's filter counts days: in Swedish time (sv-SE writes dates as 2026-11-23).
		const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
		expect(await summaries(as.platformAdmin, { from: '2000-01-01', to: '2000-01-02' })).toEqual([]);
		expect((await summaries(as.platformAdmin, { from: today, to: today })).length).toBeGreaterThanOrEqual(3);
		expect((await as.platformAdmin.admin.audit({ page: 2 })).entries).toEqual([]);

		// Days are Swedish days, in summer time too: 00:30 on 1 July in Stockholm is 22:30 UTC on 30 June.
		// (`at` is the database's own clock for the servers; the owner may state another for the test.)
		await sql`insert into audit_log (action, entity_type, summary, at)
			values ('news.publish', 'news', 'Julinatt', '2026-06-30T22:30:00Z')`.execute(owner);
		expect(await summaries(as.platformAdmin, { from: '2026-07-01', to: '2026-07-01' })).toEqual(['Julinatt']);
		expect(await summaries(as.platformAdmin, { from: '2026-06-30', to: '2026-06-30' })).toEqual([]);
	});
});

describe('membership writes in the database itself', () => {
	const asUser = <T>(userId: number, fn: (trx: typeof db) => Promise<T>) =>
		db.transaction().execute(async (trx) => {
			await sql`select set_config('app.user_id', ${String(userId)}, true)`.execute(trx);
			return fn(trx);
		});

	it('let a förbund admin add an editor to their förbund but not a coordinator or another förbund’s editor', async () => {
		await asUser(fx.users.adminA, (trx) =>
			trx
				.insertInto('membership')
				.values({ user_id: fx.users.noRoles, role: 'editor', forbund_id: fx.forbund.a })
				.execute()
		);
		await expect(
			asUser(fx.users.adminA, (trx) =>
				trx
					.insertInto('membership')
					.values({ user_id: fx.users.noRoles, role: 'editor', forbund_id: fx.forbund.b })
					.execute()
			)
		).rejects.toThrow(/row-level security/);
		await expect(
			asUser(fx.users.adminA, (trx) =>
				trx
					.insertInto('membership')
					.values({ user_id: fx.users.noRoles, role: 'coordinator', region_id: fx.regions.norr })
					.execute()
			)
		).rejects.toThrow(/row-level security/);
		// And an editor may not even make themselves an admin.
		await expect(
			asUser(fx.users.editorB, (trx) =>
				trx
					.insertInto('membership')
					.values({ user_id: fx.users.editorB, role: 'forbund_admin', forbund_id: fx.forbund.b })
					.execute()
			)
		).rejects.toThrow(/row-level security/);
	});
});

describe('a TOTP code over the whole flow', () => {
	it('signs in once per code', async () => {
		const key = generateTotpKey();
		await enableTotp(db, fx.users.platformAdmin, key, totpCode(key, totpStep() - 1));
		const code = totpCode(key, totpStep());
		expect(await verifyUserTotp(db, fx.users.platformAdmin, code)).toBe('ok');
		expect(await verifyUserTotp(db, fx.users.platformAdmin, code)).toBe('replayed');
	});
});
