// The session cookie, described without depending on a web framework: SvelteKit's `cookies` (and
// most others) accept these options as they are.

export const SESSION_COOKIE = 'rp_session';

/**
 * Over https the cookie carries the `__Host-` prefix: the browser then only accepts it Secure, for
 * path / and without a Domain, so no sibling subdomain can set or shadow it.
 */
export function sessionCookieName(secure: boolean): string {
	return secure ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE;
}

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
