import { recordAuditAs } from '@regionportalen/db/audit';
import type { AuditLogEntry } from '@regionportalen/db';
import { asUser, inTransaction, type Db } from '@regionportalen/db/client';
import { sql } from 'kysely';
import { emailChangeNoticeMail, emailConfirmMail, passwordResetMail, queueMail } from '@regionportalen/mail';
import { setUserPassword } from './password.ts';
import { invalidateUserSessions } from './session.ts';
import { consumeAuthToken, consumeEmailToken, createAuthToken } from './tokens.ts';
import { generateRecoveryCodes, remainingRecoveryCodes, useRecoveryCode } from './recovery-codes.ts';
import { disableTotp, enableTotp } from './totp.ts';

// The account verbs: each change of a person's account with its audit entry, and the mails it
// causes (through the outbox), in one transaction. The pages (site-kit) keep cookies, forms and
// redirects; what an account is and how it changes is here. Entries name the person by id only.
//
// app_user is behind row-level security: a person reaches their own row as themself (asUser), and a
// link's visitor becomes the person once the link is spent. Lookups by address go through the
// database's narrow functions for them (migration 0030).

/**
 * One entry about the person's own account, stated as them (or as nobody, for a link's visitor). It
 * names the person and where they belong, so their administrators can read it.
 */
async function audit(db: Db, userId: number, actor: 'self' | 'visitor', action: string, summary: string) {
	const { rows } = await sql<Pick<AuditLogEntry, 'forbund_id' | 'region_id'>>`
		select forbund_id, region_id from app_user_place(${userId})`.execute(db);
	await recordAuditAs(db, actor === 'self' ? { id: userId } : null, {
		action,
		entity_type: 'user',
		entity_id: String(userId),
		subject_id: userId,
		forbund_id: rows[0]?.forbund_id ?? null,
		region_id: rows[0]?.region_id ?? null,
		summary
	});
}

/** The account with this address, by id only. */
async function userIdForEmail(db: Db, email: string): Promise<number | null> {
	const { rows } = await sql<{ id: number | null }>`select app_user_id_for_email(${email}) as id`.execute(db);
	return rows[0]?.id ?? null;
}

/** What /konto shows: the account, a new address waiting for its link, and how many sessions it has. */
export function accountSummary(db: Db, userId: number) {
	return asUser(db, userId, (db) => summary(db, userId));
}

async function summary(db: Db, userId: number) {
	const user = await db
		.selectFrom('app_user')
		.select(['email', 'name', 'totp_enabled_at', 'password_changed_at'])
		.where('id', '=', userId)
		.executeTakeFirstOrThrow();
	const pending = await db
		.selectFrom('auth_token')
		.select('email')
		.where('user_id', '=', userId)
		.where('purpose', '=', 'email')
		.where('expires_at', '>', new Date())
		.orderBy('created_at', 'desc')
		.executeTakeFirst();
	const sessions = await db
		.selectFrom('session')
		.select((eb) => eb.fn.countAll<string>().as('count'))
		.where('user_id', '=', userId)
		.executeTakeFirstOrThrow();
	return {
		email: user.email,
		name: user.name,
		twoFactor: user.totp_enabled_at !== null,
		/** A new address waiting for its link to be followed. */
		pendingEmail: pending?.email ?? null,
		recoveryCodesLeft: user.totp_enabled_at ? await remainingRecoveryCodes(db, userId) : 0,
		sessions: Number(sessions.count)
	};
}

/** Whether the person has turned on two-factor sign-in. */
export async function hasTwoFactor(db: Db, userId: number): Promise<boolean> {
	const user = await asUser(db, userId, (trx) =>
		trx.selectFrom('app_user').select('totp_enabled_at').where('id', '=', userId).executeTakeFirst()
	);
	return !!user?.totp_enabled_at;
}

/** A new password chosen while signed in; every session of the person ends. */
export function changePassword(db: Db, userId: number, password: string): Promise<void> {
	return inTransaction(db, async (trx) => {
		await setUserPassword(trx, userId, password);
		await audit(trx, userId, 'self', 'account.password_change', 'Bytte lösenord');
	});
}

/**
 * Asks to move the account to a new address: a link is mailed to it (earlier links stop working)
 * and the old address is told, so a change nobody asked for is noticed. 'taken' when another
 * account has the address. `origin` is the site the links lead to.
 */
export async function requestEmailChange(
	db: Db,
	userId: number,
	newEmail: string,
	origin: string
): Promise<'sent' | 'taken'> {
	return asUser(db, userId, async (trx) => {
		const holder = await userIdForEmail(trx, newEmail);
		if (holder !== null && holder !== userId) return 'taken';
		const { email } = await trx
			.selectFrom('app_user')
			.select('email')
			.where('id', '=', userId)
			.executeTakeFirstOrThrow();
		await trx.deleteFrom('auth_token').where('user_id', '=', userId).where('purpose', '=', 'email').execute();
		await audit(
			trx,
			userId,
			'self',
			'account.email_change_request',
			'Bad om att byta e-postadress (en länk skickades till den nya)'
		);
		const token = await createAuthToken(trx, userId, 'email', { email: newEmail });
		await queueMail(trx, emailConfirmMail({ to: newEmail, link: `${origin}/bekrafta-epost/${token}` }));
		await queueMail(trx, emailChangeNoticeMail({ to: email, newEmail, done: false }));
		return 'sent';
	});
}

/**
 * Follows an e-mail change link: the account takes the new address, and the old one is told. null
 * when the link is spent or gone; a unique violation (code 23505) when another account took the
 * address meanwhile, and then nothing is changed or spent.
 */
export function confirmEmailChange(db: Db, token: string): Promise<{ userId: number; email: string } | null> {
	return inTransaction(db, async (trx) => {
		const spent = await consumeEmailToken(trx, token);
		if (!spent) return null;
		// The link's holder is its person from here on: what changes is their own row.
		return asUser(trx, spent.userId, async (trx) => {
			const before = await trx
				.selectFrom('app_user')
				.select('email')
				.where('id', '=', spent.userId)
				.executeTakeFirstOrThrow();
			await trx.updateTable('app_user').set({ email: spent.email }).where('id', '=', spent.userId).execute();
			await audit(trx, spent.userId, 'self', 'account.email_change', 'Bytte e-postadress via länken till den nya');
			await queueMail(trx, emailChangeNoticeMail({ to: before.email, newEmail: spent.email, done: true }));
			return spent;
		});
	});
}

/**
 * A visitor asks for a reset link for this address: when an account has it, a link (valid an hour)
 * is mailed, and the request is logged by the account's id. The caller answers the same either way.
 */
export function requestPasswordReset(db: Db, email: string, origin: string): Promise<void> {
	return inTransaction(db, async (trx) => {
		const userId = await userIdForEmail(trx, email);
		if (userId === null) return;
		const token = await createAuthToken(trx, userId, 'reset');
		await audit(
			trx,
			userId,
			'visitor',
			'account.password_reset_request',
			'Bad om en länk för att återställa lösenordet'
		);
		await queueMail(trx, passwordResetMail({ to: email, link: `${origin}/aterstall-losenord/${token}` }));
	});
}

/** A new password through a reset link: the person's id, or null when the link is spent or gone. */
export function resetPassword(db: Db, token: string, password: string): Promise<number | null> {
	return inTransaction(db, async (trx) => {
		const userId = await consumeAuthToken(trx, token, 'reset');
		if (userId === null) return null;
		await setUserPassword(trx, userId, password);
		await audit(trx, userId, 'visitor', 'account.password_reset', 'Bytte lösenord via en återställningslänk');
		return userId;
	});
}

/** An invitation taken up with a name and a password: the person's id, or null when the link is spent or gone. */
export function acceptInvitation(db: Db, token: string, name: string, password: string): Promise<number | null> {
	return inTransaction(db, async (trx) => {
		const userId = await consumeAuthToken(trx, token, 'invite');
		if (userId === null) return null;
		await asUser(trx, userId, (trx) => trx.updateTable('app_user').set({ name }).where('id', '=', userId).execute());
		await setUserPassword(trx, userId, password);
		await audit(trx, userId, 'visitor', 'account.invitation_accept', 'Tog emot sin inbjudan');
		return userId;
	});
}

/** Ten new recovery codes (the old ones stop working), shown once. */
export function regenerateRecoveryCodes(db: Db, userId: number): Promise<string[]> {
	return inTransaction(db, async (trx) => {
		await audit(trx, userId, 'self', 'account.recovery_codes_regenerate', 'Skapade nya återställningskoder');
		return generateRecoveryCodes(trx, userId);
	});
}

/** Signs in with a recovery code: whether it was one of the person's unused codes (it is spent then). */
export function spendRecoveryCode(db: Db, userId: number, code: string): Promise<boolean> {
	return inTransaction(db, async (trx) => {
		if (!(await useRecoveryCode(trx, userId, code))) return false;
		await audit(trx, userId, 'self', 'account.recovery_code_used', 'Loggade in med en återställningskod');
		return true;
	});
}

/**
 * Turns on two-factor sign-in with a key the person's app shows a code for: the recovery codes, or
 * null when the code is wrong. Every session ends, so whoever had an old key or a half-done sign-in is out.
 */
export function turnOnTwoFactor(db: Db, userId: number, key: Uint8Array, code: string): Promise<string[] | null> {
	return inTransaction(db, async (trx) => {
		const codes = await enableTotp(trx, userId, key, code);
		if (!codes) return null;
		await invalidateUserSessions(trx, userId);
		await audit(trx, userId, 'self', 'account.two_factor_enable', 'Aktiverade tvåstegsverifiering');
		return codes;
	});
}

export function turnOffTwoFactor(db: Db, userId: number): Promise<void> {
	return inTransaction(db, async (trx) => {
		await disableTotp(trx, userId);
		await audit(trx, userId, 'self', 'account.two_factor_disable', 'Stängde av tvåstegsverifiering');
	});
}

/** Ends every session of the person, this one too. */
export function logOutEverywhere(db: Db, userId: number): Promise<void> {
	return inTransaction(db, async (trx) => {
		await invalidateUserSessions(trx, userId);
		await audit(trx, userId, 'self', 'account.logout_everywhere', 'Loggade ut från alla enheter');
	});
}
