import { fail, redirect, type RequestEvent, type ServerLoadEvent } from '@sveltejs/kit';
import {
	authenticate,
	createSession,
	generateSessionToken,
	invalidateSession,
	PASSWORD_MAX_LENGTH,
	SESSION_COOKIE,
	sessionCookieOptions
} from '@regionportalen/auth';
import { z } from 'zod';
import { safeReturnPath } from '../errors.ts';

const loginForm = z.object({
	email: z.string().trim().min(1, 'Fyll i din e-postadress.').max(320).email('Det ser inte ut som en e-postadress.'),
	password: z.string().min(1, 'Fyll i ditt lösenord.').max(PASSWORD_MAX_LENGTH)
});

export function loadLogin({ locals, url }: ServerLoadEvent) {
	const returnTo = safeReturnPath(url.searchParams.get('till'), '/');
	if (locals.user) redirect(303, returnTo);
	return { returnTo };
}

export const loginActions = {
	default: async ({ request, locals, cookies, url }: RequestEvent) => {
		const form = await request.formData();
		const email = String(form.get('email') ?? '');
		const parsed = loginForm.safeParse({ email, password: form.get('password') ?? '' });
		if (!parsed.success) {
			return fail(400, { email, message: parsed.error.issues[0]?.message ?? 'Kontrollera fälten.' });
		}
		const user = await authenticate(locals.db, parsed.data.email, parsed.data.password);
		if (!user) return fail(400, { email, message: 'Fel e-postadress eller lösenord.' });

		// A fresh session at every login, so a session id planted before login is worthless.
		if (locals.session) await invalidateSession(locals.db, locals.session.id);
		const token = generateSessionToken();
		const session = await createSession(locals.db, token, user.id);
		cookies.set(SESSION_COOKIE, token, sessionCookieOptions(session.expires_at, locals.origin.startsWith('https:')));
		redirect(303, safeReturnPath(String(form.get('till') ?? ''), safeReturnPath(url.searchParams.get('till'), '/')));
	}
};

export const logoutActions = {
	default: async ({ locals, cookies }: RequestEvent) => {
		if (locals.session) await invalidateSession(locals.db, locals.session.id);
		cookies.delete(SESSION_COOKIE, { path: '/' });
		redirect(303, '/');
	}
};

/** `/logga-ut` has no page of its own: a GET goes home, the POST from the header's button signs out. */
export function loadLogout(): never {
	redirect(303, '/');
}

export type LoginData = ReturnType<typeof loadLogin>;
