import { fail, redirect, type RequestEvent, type ServerLoadEvent } from '@sveltejs/kit';
import {
	checkUserPassword,
	createAuthToken,
	disableTotp,
	generateRecoveryCodes,
	invalidateUserSessions,
	passwordProblem,
	PASSWORD_MAX_LENGTH,
	RATE_LIMITS,
	RateLimitedError,
	recordFailure,
	remainingRecoveryCodes,
	setUserPassword,
	type SessionUser
} from '@regionportalen/auth';
import { recordAuditAs } from '@regionportalen/api';
import { inTransaction } from '@regionportalen/db/client';
import { emailChangeNoticeMail, emailConfirmMail, getMailer } from '@regionportalen/mail';
import { z } from 'zod';
import { loginUrl } from '../errors.ts';
import { rateLimited, throttled } from '../forms.ts';
import { beginSession, endSessionCookie } from './auth.ts';

// /konto: the signed-in person's own account. Every change of a credential (password, e-mail
// address, two-factor authentication) asks for the current password first.

export async function loadAccount({ locals, url }: ServerLoadEvent) {
	if (!locals.user) redirect(303, loginUrl(url));
	const user = await locals.db
		.selectFrom('app_user')
		.select(['email', 'name', 'totp_enabled_at', 'password_changed_at'])
		.where('id', '=', locals.user.id)
		.executeTakeFirstOrThrow();
	const pending = await locals.db
		.selectFrom('auth_token')
		.select('email')
		.where('user_id', '=', locals.user.id)
		.where('purpose', '=', 'email')
		.where('expires_at', '>', new Date())
		.orderBy('created_at', 'desc')
		.executeTakeFirst();
	const sessions = await locals.db
		.selectFrom('session')
		.select((eb) => eb.fn.countAll<string>().as('count'))
		.where('user_id', '=', locals.user.id)
		.executeTakeFirstOrThrow();
	return {
		email: user.email,
		/** A new address waiting for its link to be followed. */
		pendingEmail: pending?.email ?? null,
		name: user.name,
		twoFactor: user.totp_enabled_at !== null,
		twoFactorRequired: locals.privileged,
		recoveryCodesLeft: user.totp_enabled_at ? await remainingRecoveryCodes(locals.db, locals.user.id) : 0,
		sessions: Number(sessions.count),
		done: url.searchParams.get('klart')
	};
}

/** Checks the current password (throttled per person); returns a failure to return, or null. */
async function reauthenticate(
	event: RequestEvent,
	user: SessionUser,
	form: FormData,
	values: Record<string, unknown> = {}
) {
	const key = `reauth:${user.id}`;
	const limited = await throttled(event, [key], values);
	if (limited) return limited;
	const current = String(form.get('current') ?? '');
	if (current.length <= PASSWORD_MAX_LENGTH && (await checkUserPassword(event.locals.db, user.id, current)))
		return null;
	const wait = await recordFailure(event.locals.db, key, RATE_LIMITS.reauth);
	if (wait) return rateLimited(event, new RateLimitedError(wait), values);
	return fail(400, { ...values, message: 'Fel nuvarande lösenord.' });
}

function signedIn(event: RequestEvent): SessionUser {
	if (!event.locals.user) redirect(303, loginUrl(event.url));
	return event.locals.user;
}

const emailSchema = z.string().trim().toLowerCase().max(320).email('Det ser inte ut som en e-postadress.');

export const accountActions = {
	password: async (event: RequestEvent) => {
		const user = signedIn(event);
		const form = await event.request.formData();
		const refused = await reauthenticate(event, user, form, { action: 'password' });
		if (refused) return refused;
		const password = String(form.get('password') ?? '');
		if (password !== String(form.get('confirm') ?? '')) {
			return fail(400, { action: 'password', message: 'Lösenorden är inte likadana.' });
		}
		const problem = passwordProblem(password, { email: user.email });
		if (problem) return fail(400, { action: 'password', message: problem });
		// Every session ends, this one too; this browser gets a fresh one at the same level of trust.
		const verified = event.locals.twoFactor === 'verified';
		await inTransaction(event.locals.db, async (trx) => {
			await setUserPassword(trx, user.id, password);
			await recordAuditAs(trx, user, {
				action: 'account.password_change',
				entity_type: 'user',
				entity_id: String(user.id),
				summary: 'Bytte lösenord'
			});
		});
		event.locals.session = null;
		await beginSession(event, user.id, { twoFactorVerified: verified });
		redirect(303, '/konto?klart=losenord');
	},

	email: async (event: RequestEvent) => {
		const user = signedIn(event);
		const form = await event.request.formData();
		const typed = String(form.get('email') ?? '');
		const refused = await reauthenticate(event, user, form, { action: 'email', email: typed });
		if (refused) return refused;
		const parsed = emailSchema.safeParse(typed);
		if (!parsed.success) return fail(400, { action: 'email', email: typed, message: parsed.error.issues[0]!.message });
		const taken = await event.locals.db
			.selectFrom('app_user')
			.select('id')
			.where('email', '=', parsed.data)
			.where('id', '!=', user.id)
			.executeTakeFirst();
		if (taken)
			return fail(400, { action: 'email', email: typed, message: 'Adressen används redan av ett annat konto.' });
		// The address changes when the link mailed to it is followed (confirmEmailActions); the old
		// address is told now, so a change nobody asked for is noticed.
		const token = await inTransaction(event.locals.db, async (trx) => {
			await trx.deleteFrom('auth_token').where('user_id', '=', user.id).where('purpose', '=', 'email').execute();
			await recordAuditAs(trx, user, {
				action: 'account.email_change_request',
				entity_type: 'user',
				entity_id: String(user.id),
				summary: 'Bad om att byta e-postadress (en länk skickades till den nya)'
			});
			return createAuthToken(trx, user.id, 'email', { email: parsed.data });
		});
		const mailer = getMailer();
		await mailer.send(emailConfirmMail({ to: parsed.data, link: `${event.locals.origin}/bekrafta-epost/${token}` }));
		await mailer.send(emailChangeNoticeMail({ to: user.email, newEmail: parsed.data, done: false }));
		redirect(303, '/konto?klart=epost-skickad');
	},

	recoveryCodes: async (event: RequestEvent) => {
		const user = signedIn(event);
		const form = await event.request.formData();
		const refused = await reauthenticate(event, user, form, { action: 'recoveryCodes' });
		if (refused) return refused;
		if (event.locals.twoFactor !== 'verified') {
			return fail(400, { action: 'recoveryCodes', message: 'Aktivera tvåstegsverifiering först.' });
		}
		const codes = await inTransaction(event.locals.db, async (trx) => {
			await recordAuditAs(trx, user, {
				action: 'account.recovery_codes_regenerate',
				entity_type: 'user',
				entity_id: String(user.id),
				summary: 'Skapade nya återställningskoder'
			});
			return generateRecoveryCodes(trx, user.id);
		});
		return { action: 'recoveryCodes', recoveryCodes: codes };
	},

	disableTwoFactor: async (event: RequestEvent) => {
		const user = signedIn(event);
		const form = await event.request.formData();
		const refused = await reauthenticate(event, user, form, { action: 'disableTwoFactor' });
		if (refused) return refused;
		if (event.locals.privileged) {
			return fail(400, { action: 'disableTwoFactor', message: 'Dina roller kräver tvåstegsverifiering.' });
		}
		await inTransaction(event.locals.db, async (trx) => {
			await disableTotp(trx, user.id);
			await recordAuditAs(trx, user, {
				action: 'account.two_factor_disable',
				entity_type: 'user',
				entity_id: String(user.id),
				summary: 'Stängde av tvåstegsverifiering'
			});
		});
		redirect(303, '/konto?klart=tvasteg-av');
	},

	logoutEverywhere: async (event: RequestEvent) => {
		const user = signedIn(event);
		await inTransaction(event.locals.db, async (trx) => {
			await invalidateUserSessions(trx, user.id);
			await recordAuditAs(trx, user, {
				action: 'account.logout_everywhere',
				entity_type: 'user',
				entity_id: String(user.id),
				summary: 'Loggade ut från alla enheter'
			});
		});
		endSessionCookie(event);
		redirect(303, '/logga-in?klart=utloggad');
	}
};

export type AccountData = Awaited<ReturnType<typeof loadAccount>>;
