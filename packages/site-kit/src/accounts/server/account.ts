import { fail, redirect, type RequestEvent, type ServerLoadEvent } from '@sveltejs/kit';
import {
	checkUserPassword,
	passwordProblem,
	PASSWORD_MAX_LENGTH,
	RATE_LIMITS,
	RateLimitedError,
	recordFailure,
	type SessionUser,
	accountSummary,
	changePassword,
	requestEmailChange,
	regenerateRecoveryCodes,
	turnOffTwoFactor,
	logOutEverywhere
} from '@regionportalen/auth';
import { z } from 'zod';
import { loginUrl, rateLimited, throttled } from '../../core/server/index.ts';
import { beginSession, endSessionCookie } from './auth.ts';

// /konto: the signed-in person's own account. Every change of a credential (password, e-mail
// address, two-factor authentication) asks for the current password first.

export async function loadAccount({ locals, url }: ServerLoadEvent) {
	if (!locals.user) redirect(303, loginUrl(url));
	const account = await accountSummary(locals.db, locals.user.id);
	return {
		...account,
		twoFactorRequired: locals.privileged,
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
		await changePassword(event.locals.db, user.id, password);
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
		// The address changes when the link mailed to it is followed (confirmEmailActions); the old
		// address is told now, so a change nobody asked for is noticed.
		const outcome = await requestEmailChange(event.locals.db, user.id, parsed.data, event.locals.origin);
		if (outcome === 'taken')
			return fail(400, { action: 'email', email: typed, message: 'Adressen används redan av ett annat konto.' });
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
		const codes = await regenerateRecoveryCodes(event.locals.db, user.id);
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
		await turnOffTwoFactor(event.locals.db, user.id);
		redirect(303, '/konto?klart=tvasteg-av');
	},

	logoutEverywhere: async (event: RequestEvent) => {
		const user = signedIn(event);
		await logOutEverywhere(event.locals.db, user.id);
		endSessionCookie(event);
		redirect(303, '/logga-in?klart=utloggad');
	}
};

export type AccountData = Awaited<ReturnType<typeof loadAccount>>;
