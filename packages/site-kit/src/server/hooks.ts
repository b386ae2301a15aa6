import { sequence, type Handle } from '@sveltejs/kit/hooks';
import { SESSION_COOKIE, sessionCookieOptions, validateSessionToken } from '@regionportalen/auth';
import { getDb } from './db.ts';
import './locals.ts';
import { siteOrigin, type SiteConfig } from './site.ts';

/** The server hook every site uses: `export const handle = createHandle(site)`. */
export function createHandle(site: SiteConfig): Handle {
	const origin = siteOrigin(site);
	const secure = origin.startsWith('https:');

	const siteHandle: Handle = ({ event, resolve }) => {
		event.locals.db = getDb();
		event.locals.site = site;
		event.locals.origin = origin;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%rp.theme%', site.kind === 'hub' ? 'hub' : site.forbund)
		});
	};

	const sessionHandle: Handle = async ({ event, resolve }) => {
		const token = event.cookies.get(SESSION_COOKIE);
		if (!token) {
			event.locals.user = null;
			event.locals.session = null;
			return resolve(event);
		}
		const { session, user } = await validateSessionToken(event.locals.db, token);
		if (session) {
			event.cookies.set(SESSION_COOKIE, token, sessionCookieOptions(session.expires_at, secure));
		} else {
			event.cookies.delete(SESSION_COOKIE, { path: '/' });
		}
		event.locals.user = user;
		event.locals.session = session;
		const response = await resolve(event);
		// Pages for a signed-in person are theirs alone: never stored by a proxy or the browser.
		if (user) response.headers.set('cache-control', 'private, no-store');
		return response;
	};

	return sequence(siteHandle, sessionHandle);
}
