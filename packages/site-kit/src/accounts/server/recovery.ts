import { error, fail, redirect, type RequestEvent, type ServerLoadEvent } from '@sveltejs/kit';
import {
	clearRateLimit,
	emailKey,
	findAuthToken,
	passwordProblem,
	PASSWORD_MAX_LENGTH,
	RATE_LIMITS,
	recordFailure,
	resetPassword,
	acceptInvitation,
	confirmEmailChange,
	requestPasswordReset
} from '@regionportalen/auth';
import type { AuthTokenPurpose } from '@regionportalen/db';
import { z } from 'zod';
import { throttled } from '../../core/server/index.ts';
import { afterPassword, beginSession } from './auth.ts';

// "Glömt lösenord?", the reset link (1 hour), the invitation link (7 days) and the link that confirms
// a new e-mail address (1 day). Tokens are single-use
// and stored hashed; spending one ends the person's other tokens. The pages with a token in their
// address send no Referer to another site, so the token stays here.

const emailSchema = z
	.string()
	.trim()
	.toLowerCase()
	.min(1, 'Fyll i din e-postadress.')
	.max(320)
	.email('Det ser inte ut som en e-postadress.');

const SENT =
	'Om det finns ett konto med den adressen har vi skickat en länk för att välja ett nytt lösenord. Den gäller i en timme.';

export const forgotPasswordActions = {
	default: async (event: RequestEvent) => {
		const { request, locals } = event;
		const form = await request.formData();
		const parsed = emailSchema.safeParse(form.get('email') ?? '');
		if (!parsed.success)
			return fail(400, { email: String(form.get('email') ?? ''), message: parsed.error.issues[0]!.message });
		const email = parsed.data;
		const keys = { address: emailKey('reset', email), ip: `reset:ip:${event.getClientAddress()}` };
		const limited = await throttled(event, [keys.address, keys.ip], { email });
		if (limited) return limited;
		// Every request counts, found or not, so the answer says nothing about which accounts exist.
		await recordFailure(locals.db, keys.address, RATE_LIMITS.resetRequest);
		await recordFailure(locals.db, keys.ip, RATE_LIMITS.resetIp);
		// The mail joins the outbox: a known address answers as fast as an unknown one.
		await requestPasswordReset(locals.db, email, locals.origin);
		return { sent: true, email, message: SENT };
	}
};

/** The token stays on this site: no Referer to another (same-origin keeps the form's Origin for the CSRF check). */
function noReferrer(event: Pick<ServerLoadEvent, 'setHeaders'>) {
	event.setHeaders({ 'referrer-policy': 'same-origin' });
}

const passwordForm = z.object({
	password: z.string().max(PASSWORD_MAX_LENGTH, `Lösenordet får ha högst ${PASSWORD_MAX_LENGTH} tecken.`),
	confirm: z.string()
});

/** The new password's problem, in Swedish, or null. */
function newPasswordProblem(form: FormData, email: string): string | null {
	const parsed = passwordForm.safeParse({ password: form.get('password') ?? '', confirm: form.get('confirm') ?? '' });
	if (!parsed.success) return parsed.error.issues[0]!.message;
	if (parsed.data.password !== parsed.data.confirm) return 'Lösenorden är inte likadana.';
	return passwordProblem(parsed.data.password, { email });
}

/** Guessed reset and invitation links are throttled per address. */
const tokenAttemptKey = (event: RequestEvent) => `reset:ip:${event.getClientAddress()}`;

/**
 * The person behind a reset or invitation link posted from its form. Guessing tokens is throttled
 * per address: a throttled post gets the 429 answer back, an unknown or spent token counts as a
 * failure and ends in 410.
 */
async function linkToken(event: RequestEvent, purpose: AuthTokenPurpose, gone: string) {
	const key = tokenAttemptKey(event);
	const limited = await throttled(event, [key]);
	if (limited) return { ok: false as const, limited };
	const found = await findAuthToken(event.locals.db, event.params.token ?? '', purpose);
	if (found) return { ok: true as const, found };
	await recordFailure(event.locals.db, key, RATE_LIMITS.resetIp);
	return error(410, gone);
}

export async function loadResetPassword(event: ServerLoadEvent) {
	noReferrer(event);
	const found = await findAuthToken(event.locals.db, event.params.token ?? '', 'reset');
	if (!found) error(410, 'Länken är ogiltig eller har gått ut. Be om en ny via ”Glömt lösenord?”.');
	return { email: found.email };
}

export const resetPasswordActions = {
	default: async (event: RequestEvent) => {
		const { request, locals, params } = event;
		const token = await linkToken(
			event,
			'reset',
			'Länken är ogiltig eller har gått ut. Be om en ny via ”Glömt lösenord?”.'
		);
		if (!token.ok) return token.limited;
		const { found } = token;
		const form = await request.formData();
		const problem = newPasswordProblem(form, found.email);
		if (problem) return fail(400, { message: problem });
		const spent = await resetPassword(locals.db, params.token ?? '', String(form.get('password')));
		if (spent === null) error(410, 'Länken är ogiltig eller har gått ut.');
		// Proving control of the mailbox lifts a lock on signing in.
		await clearRateLimit(locals.db, emailKey('login:account', found.email));
		redirect(303, '/logga-in?klart=losenord');
	}
};

export async function loadInvitation(event: ServerLoadEvent) {
	noReferrer(event);
	const found = await findAuthToken(event.locals.db, event.params.token ?? '', 'invite');
	if (!found) error(410, 'Inbjudan är ogiltig, redan använd eller har gått ut. Be den som bjöd in dig om en ny.');
	return { email: found.email, name: found.name };
}

export const invitationActions = {
	default: async (event: RequestEvent) => {
		const { request, locals, params } = event;
		const token = await linkToken(event, 'invite', 'Inbjudan är ogiltig, redan använd eller har gått ut.');
		if (!token.ok) return token.limited;
		const { found } = token;
		const form = await request.formData();
		const name = String(form.get('name') ?? '').trim();
		if (name.length < 2 || name.length > 200) return fail(400, { name, message: 'Fyll i ditt namn.' });
		const problem = newPasswordProblem(form, found.email);
		if (problem) return fail(400, { name, message: problem });
		const userId = await acceptInvitation(locals.db, params.token ?? '', name, String(form.get('password')));
		if (userId === null) error(410, 'Inbjudan är ogiltig, redan använd eller har gått ut.');
		// Whatever session this browser had (even someone else's) ends; the invitee gets a fresh one.
		await beginSession(event, userId);
		redirect(303, await afterPassword(locals.db, userId, '/'));
	}
};

const EMAIL_LINK_GONE = 'Länken är ogiltig, redan använd eller har gått ut. Byt adress på nytt under Mitt konto.';

export async function loadConfirmEmail(event: ServerLoadEvent) {
	noReferrer(event);
	// Shown, not spent: a mail program that opens links to check them must not change the address.
	const found = await findAuthToken(event.locals.db, event.params.token ?? '', 'email');
	if (!found?.newEmail) error(410, EMAIL_LINK_GONE);
	return { email: found.email, newEmail: found.newEmail };
}

export const confirmEmailActions = {
	default: async (event: RequestEvent) => {
		const { locals, params } = event;
		const token = await linkToken(event, 'email', EMAIL_LINK_GONE);
		if (!token.ok) return token.limited;
		let changed: { userId: number; email: string } | null;
		try {
			changed = await confirmEmailChange(locals.db, params.token ?? '');
		} catch (e) {
			// Someone else took the address since the link was sent; nothing was changed or spent.
			if ((e as { code?: string }).code === '23505') {
				return fail(409, { message: 'Adressen används redan av ett annat konto. Byt till en annan under Mitt konto.' });
			}
			throw e;
		}
		if (!changed) error(410, EMAIL_LINK_GONE);
		redirect(303, locals.user ? '/konto?klart=epost' : '/logga-in?klart=epost');
	}
};

export type ConfirmEmailData = Awaited<ReturnType<typeof loadConfirmEmail>>;
