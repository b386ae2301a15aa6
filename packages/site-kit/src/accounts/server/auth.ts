import { fail, redirect, type RequestEvent, type ServerLoadEvent } from '@sveltejs/kit';
import {
	authenticate,
	checkUserPassword,
	clearRateLimit,
	createSession,
	emailKey,
	formatTotpKey,
	generateSessionToken,
	generateTotpKey,
	invalidateSession,
	isPrivileged,
	PASSWORD_MAX_LENGTH,
	parseTotpKey,
	RATE_LIMITS,
	RateLimitedError,
	recordFailure,
	sessionCookieName,
	sessionCookieOptions,
	totpKeyUri,
	verifyUserTotp,
	hasTwoFactor,
	spendRecoveryCode,
	turnOnTwoFactor
} from '@regionportalen/auth';
import type { Db } from '@regionportalen/db/client';
import { renderSVG } from 'uqr';
import { z } from 'zod';
import { loginUrl, rateLimited, safeReturnPath, type SiteLocals, throttled } from '../../core/server/index.ts';

// Signing in: the password, then (for people who have or need it) the second factor, and the set-up
// of two-factor authentication. Every step is a plain form that works without JavaScript; wrong
// attempts are counted in PostgreSQL and answered with 429 and Retry-After once too many.

const loginForm = z.object({
	email: z.string().trim().min(1, 'Fyll i din e-postadress.').max(320).email('Det ser inte ut som en e-postadress.'),
	password: z.string().min(1, 'Fyll i ditt lösenord.').max(PASSWORD_MAX_LENGTH)
});

const WRONG_LOGIN = 'Fel e-postadress eller lösenord.';

function isSecure(locals: SiteLocals) {
	return locals.origin.startsWith('https:');
}

/**
 * Starts a fresh session (never reusing one that existed before: no fixation) and sets its cookie.
 * The old session of this browser, if any, ends.
 */
export async function beginSession(
	{ locals, cookies }: Pick<RequestEvent, 'locals' | 'cookies'>,
	userId: number,
	{ twoFactorVerified = false } = {}
) {
	if (locals.session) await invalidateSession(locals.db, locals.session.id);
	const token = generateSessionToken();
	const session = await createSession(locals.db, token, userId, { twoFactorVerified });
	const secure = isSecure(locals);
	cookies.set(sessionCookieName(secure), token, sessionCookieOptions(session.expires_at, secure));
}

export function endSessionCookie({ locals, cookies }: Pick<RequestEvent, 'locals' | 'cookies'>) {
	const secure = isSecure(locals);
	cookies.delete(sessionCookieName(secure), { path: '/', secure });
}

/** Where a person goes after their password: the code step, the set-up of 2FA, or where they were going. */
export async function afterPassword(db: Db, userId: number, returnTo: string): Promise<string> {
	const till = `?till=${encodeURIComponent(returnTo)}`;
	if (await hasTwoFactor(db, userId)) return `/logga-in/tvasteg${till}`;
	if (await isPrivileged(db, userId)) return `/konto/tvasteg${till}`;
	return returnTo;
}

function returnPath(url: URL, form?: FormData) {
	return safeReturnPath(String(form?.get('till') ?? '') || url.searchParams.get('till'), '/');
}

export function loadLogin({ locals, url }: ServerLoadEvent) {
	const returnTo = returnPath(url);
	if (locals.user) redirect(303, returnTo);
	if (locals.twoFactor === 'verify') redirect(303, `/logga-in/tvasteg?till=${encodeURIComponent(returnTo)}`);
	if (locals.twoFactor === 'enrol') redirect(303, `/konto/tvasteg?till=${encodeURIComponent(returnTo)}`);
	const notice =
		url.searchParams.get('klart') === 'losenord'
			? 'Ditt lösenord är bytt. Logga in med det nya.'
			: url.searchParams.get('klart') === 'utloggad'
				? 'Du är utloggad från alla enheter.'
				: url.searchParams.get('klart') === 'epost'
					? 'Din e-postadress är bytt. Logga in med den nya.'
					: null;
	return { returnTo, notice };
}

export const loginActions = {
	default: async (event: RequestEvent) => {
		const { request, locals, url } = event;
		const form = await request.formData();
		const email = String(form.get('email') ?? '');
		const parsed = loginForm.safeParse({ email, password: form.get('password') ?? '' });
		if (!parsed.success) {
			return fail(400, { email, message: parsed.error.issues[0]?.message ?? 'Kontrollera fälten.' });
		}
		// The account's key is its e-mail address, hashed, whether or not such an account exists: an
		// unknown address is throttled exactly like a wrong password.
		const keys = { ip: `login:ip:${event.getClientAddress()}`, account: emailKey('login:account', parsed.data.email) };
		const limited = await throttled(event, [keys.account, keys.ip], { email });
		if (limited) return limited;
		const user = await authenticate(locals.db, parsed.data.email, parsed.data.password);
		if (!user) {
			await recordFailure(locals.db, keys.ip, RATE_LIMITS.loginIp);
			await recordFailure(locals.db, keys.account, RATE_LIMITS.loginAccount);
			return fail(400, { email, message: WRONG_LOGIN });
		}
		await clearRateLimit(locals.db, keys.account);
		await beginSession(event, user.id);
		redirect(303, await afterPassword(locals.db, user.id, returnPath(url, form)));
	}
};

export const logoutActions = {
	default: async (event: RequestEvent) => {
		if (event.locals.session) await invalidateSession(event.locals.db, event.locals.session.id);
		endSessionCookie(event);
		redirect(303, '/');
	}
};

/** `/logga-ut` has no page of its own: a GET goes home, the POST from the header's button signs out. */
export function loadLogout(): never {
	redirect(303, '/');
}

export type LoginData = ReturnType<typeof loadLogin>;

// ---- The second step: a code from the app, or a recovery code ----

export function loadTwoFactor({ locals, url }: ServerLoadEvent) {
	const returnTo = returnPath(url);
	if (locals.user) redirect(303, returnTo);
	if (locals.twoFactor !== 'verify') redirect(303, loginUrl(url));
	return { returnTo };
}

export const twoFactorActions = {
	default: async (event: RequestEvent) => {
		const { request, locals, url } = event;
		const person = locals.twoFactor === 'verify' ? locals.pending : null;
		if (!person) redirect(303, '/logga-in');
		const form = await request.formData();
		const code = String(form.get('code') ?? '').trim();
		const key = `totp:${person.id}`;
		const limited = await throttled(event, [key]);
		if (limited) return limited;
		if (!code) return fail(400, { message: 'Fyll i koden från din app eller en återställningskod.' });

		let message = 'Koden stämmer inte. Kontrollera att telefonens klocka går rätt och försök igen.';
		let ok = false;
		if (/^\d{6}$/.test(code.replace(/\s+/g, ''))) {
			const result = await verifyUserTotp(locals.db, person.id, code);
			ok = result === 'ok';
			if (result === 'replayed') message = 'Koden har redan använts. Vänta tills appen visar nästa kod.';
		} else {
			// The code is spent and the spending logged together.
			ok = await spendRecoveryCode(locals.db, person.id, code);
			if (!ok) message = 'Återställningskoden stämmer inte eller är redan använd.';
		}
		if (!ok) {
			const wait = await recordFailure(locals.db, key, RATE_LIMITS.totp);
			if (wait) return rateLimited(event, new RateLimitedError(wait));
			return fail(400, { message });
		}
		await clearRateLimit(locals.db, key);
		// A new session id for the new level of trust.
		await beginSession(event, person.id, { twoFactorVerified: true });
		redirect(303, returnPath(url, form));
	}
};

// ---- Setting up (or replacing) two-factor authentication ----

function keyView(email: string, key: Uint8Array) {
	const uri = totpKeyUri(email, key);
	return { secret: formatTotpKey(key), uri, qr: renderSVG(uri, { border: 2 }) };
}

/** Who may set up 2FA here: a signed-in person, or one whose roles require it, half-way through sign-in. */
function enrolling(locals: SiteLocals) {
	return locals.user ?? (locals.twoFactor === 'enrol' ? locals.pending : null);
}

export function loadEnrol({ locals, url }: ServerLoadEvent) {
	const person = enrolling(locals);
	if (!person) redirect(303, loginUrl(url));
	return {
		...keyView(person.email, generateTotpKey()),
		// A signed-in person confirms with their password; at sign-in it was just given.
		needsPassword: locals.user !== null,
		required: locals.privileged,
		replacing: locals.twoFactor === 'verified',
		returnTo: returnPath(url)
	};
}

export const enrolActions = {
	default: async (event: RequestEvent) => {
		const { request, locals, url } = event;
		const person = enrolling(locals);
		if (!person) redirect(303, loginUrl(url));
		const form = await request.formData();
		const key = parseTotpKey(String(form.get('secret') ?? ''));
		if (!key) return fail(400, { ...keyView(person.email, generateTotpKey()), message: 'Nyckeln saknas. Börja om.' });
		const view = keyView(person.email, key);
		const limits = [`totp:${person.id}`, `reauth:${person.id}`];
		const limited = await throttled(event, limits, view);
		if (limited) return limited;
		if (locals.user) {
			const password = String(form.get('password') ?? '');
			if (!(await checkUserPassword(locals.db, person.id, password))) {
				const wait = await recordFailure(locals.db, limits[1]!, RATE_LIMITS.reauth);
				if (wait) return rateLimited(event, new RateLimitedError(wait), view);
				return fail(400, { ...view, message: 'Fel lösenord.' });
			}
		}
		// The new key, the end of every other session and the log entry commit together.
		const codes = await turnOnTwoFactor(locals.db, person.id, key, String(form.get('code') ?? ''));
		if (!codes) {
			const wait = await recordFailure(locals.db, limits[0]!, RATE_LIMITS.totp);
			if (wait) return rateLimited(event, new RateLimitedError(wait), view);
			return fail(400, {
				...view,
				message: 'Koden stämmer inte. Lägg in nyckeln i appen och skriv koden den visar nu.'
			});
		}
		// Every other session has ended: whoever had the old key or a half-done sign-in is out.
		locals.session = null;
		await beginSession(event, person.id, { twoFactorVerified: true });
		return { recoveryCodes: codes, returnTo: returnPath(url, form) };
	}
};

export type EnrolData = ReturnType<typeof loadEnrol>;
