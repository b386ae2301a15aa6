// The session cookie, described without depending on a web framework: SvelteKit's `cookies` (and
// most others) accept these options as they are.

export const SESSION_COOKIE = 'rp_session';

export interface CookieOptions {
	path: string;
	httpOnly: boolean;
	sameSite: 'lax';
	secure: boolean;
	expires: Date;
}

export function sessionCookieOptions(expiresAt: Date, secure: boolean): CookieOptions {
	return { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: expiresAt };
}
