import { sql } from 'kysely';
import { createTestDatabase, seedFixtures } from '@regionportalen/db/testing';
import { describe, expect, it } from 'vitest';
import {
	acceptInvitation,
	accountSummary,
	changePassword,
	confirmEmailChange,
	logOutEverywhere,
	requestEmailChange,
	requestPasswordReset,
	resetPassword
} from '../src/account.ts';
import { checkUserPassword } from '../src/password.ts';
import { createSession, generateSessionToken } from '../src/session.ts';
import { createAuthToken } from '../src/tokens.ts';
import { linkIn, queuedMailsTo } from '@regionportalen/mail/testing';

// The account verbs: each change and its audit entry commit together, and the entry names the
// person by id only.

const { db, owner } = await createTestDatabase();
const ORIGIN = 'http://portal.test.example';
const fx = await seedFixtures(owner);

const entries = (userId: number) =>
	owner
		.selectFrom('audit_log')
		.selectAll()
		.where('entity_type', '=', 'user')
		.where('entity_id', '=', String(userId))
		.orderBy('id')
		.execute();

describe('account verbs', () => {
	it('change the password with its entry, ending every session', async () => {
		await createSession(db, generateSessionToken(), fx.users.editorA);
		await changePassword(db, fx.users.editorA, 'ett-nytt-langt-losenord');
		expect(await checkUserPassword(db, fx.users.editorA, 'ett-nytt-langt-losenord')).toBe(true);
		expect((await accountSummary(db, fx.users.editorA)).sessions).toBe(0);
		const [entry] = await entries(fx.users.editorA);
		expect(entry).toMatchObject({
			action: 'account.password_change',
			actor_id: fx.users.editorA,
			summary: 'Bytte lösenord'
		});
	});

	it('leave nothing changed when the entry cannot be written', async () => {
		// The log refuses this one entry: the password must stay as it was.
		await sql`create function refuse_entry() returns trigger language plpgsql as $$ begin
			if new.action = 'account.password_change' then raise exception 'log refused'; end if; return new; end $$`.execute(
			owner
		);
		await sql`create trigger refuse_entry before insert on audit_log for each row execute function refuse_entry()`.execute(
			owner
		);
		try {
			await expect(changePassword(db, fx.users.editorB, 'ett-annat-langt-losenord')).rejects.toThrow(/log refused/);
			expect(await checkUserPassword(db, fx.users.editorB, 'ett-annat-langt-losenord')).toBe(false);
		} finally {
			await sql`drop trigger refuse_entry on audit_log`.execute(owner);
			await sql`drop function refuse_entry()`.execute(owner);
		}
	});

	it('move an account to a new address only through the link, and refuse an address in use', async () => {
		expect(await requestEmailChange(db, fx.users.adminA, 'editora@test.example', ORIGIN)).toBe('taken');
		expect(await requestEmailChange(db, fx.users.adminA, 'ny.adress@test.example', ORIGIN)).toBe('sent');
		expect((await accountSummary(db, fx.users.adminA)).pendingEmail).toBe('ny.adress@test.example');
		// A link to the new address, and a word to the old one, in the same transaction.
		const [confirm] = await queuedMailsTo(owner, 'ny.adress@test.example');
		const token = linkIn(confirm!, ORIGIN).split('/bekrafta-epost/')[1]!;
		expect((await queuedMailsTo(owner, 'admina@test.example')).map((m) => m.subject)).toEqual([
			'Byte av e-postadress i Regionportalen'
		]);
		expect(await confirmEmailChange(db, token as string)).toEqual({
			userId: fx.users.adminA,
			email: 'ny.adress@test.example'
		});
		expect(await confirmEmailChange(db, token as string)).toBeNull();
		expect((await accountSummary(db, fx.users.adminA)).email).toBe('ny.adress@test.example');
		expect((await queuedMailsTo(owner, 'admina@test.example')).map((m) => m.subject)).toEqual([
			'Byte av e-postadress i Regionportalen',
			'Din e-postadress i Regionportalen är bytt'
		]);
		const written = await entries(fx.users.adminA);
		expect(written.map((e) => e.action)).toEqual(['account.email_change_request', 'account.email_change']);
		for (const e of written) expect(`${e.summary} ${JSON.stringify(e.detail)}`).not.toContain('@');
	});

	it('take up an invitation and a reset through their links, logged about the person, not as them', async () => {
		const invite = await createAuthToken(db, fx.users.noRoles, 'invite');
		expect(await acceptInvitation(db, invite, 'Nya Person', 'ett-valt-langt-losenord')).toBe(fx.users.noRoles);
		expect(await acceptInvitation(db, invite, 'Nya Person', 'ett-valt-langt-losenord')).toBeNull();
		expect((await accountSummary(db, fx.users.noRoles)).name).toBe('Nya Person');
		const reset = await createAuthToken(db, fx.users.noRoles, 'reset');
		expect(await resetPassword(db, reset, 'ett-aterstallt-losenord')).toBe(fx.users.noRoles);
		expect(await checkUserPassword(db, fx.users.noRoles, 'ett-aterstallt-losenord')).toBe(true);
		const written = await entries(fx.users.noRoles);
		expect(written.map((e) => [e.action, e.actor_id, e.subject_id])).toEqual([
			['account.invitation_accept', null, fx.users.noRoles],
			['account.password_reset', null, fx.users.noRoles]
		]);
	});

	it('mail a reset link only to an address that has an account, and log the request by id', async () => {
		await requestPasswordReset(db, 'finns.inte@test.example', ORIGIN);
		expect(await queuedMailsTo(owner, 'finns.inte@test.example')).toEqual([]);
		await requestPasswordReset(db, 'editorb@test.example', ORIGIN);
		const [mail] = await queuedMailsTo(owner, 'editorb@test.example');
		const token = linkIn(mail!, ORIGIN).split('/aterstall-losenord/')[1]!;
		expect(await resetPassword(db, token, 'ett-nytt-langt-losenord')).toBe(fx.users.editorB);
		expect((await entries(fx.users.editorB)).map((e) => [e.action, e.actor_id, e.subject_id]).slice(-2)).toEqual([
			['account.password_reset_request', null, fx.users.editorB],
			['account.password_reset', null, fx.users.editorB]
		]);
	});

	it('log out everywhere', async () => {
		await createSession(db, generateSessionToken(), fx.users.coordinatorNorr);
		await createSession(db, generateSessionToken(), fx.users.coordinatorNorr);
		await logOutEverywhere(db, fx.users.coordinatorNorr);
		expect((await accountSummary(db, fx.users.coordinatorNorr)).sessions).toBe(0);
		expect((await entries(fx.users.coordinatorNorr)).map((e) => e.action)).toEqual(['account.logout_everywhere']);
	});
});
