import { createHash } from 'node:crypto';
import { sequence, type Handle } from '@sveltejs/kit/hooks';
import { isFullySignedIn, sessionCookieName, sessionCookieOptions, validateSessionToken } from '@regionportalen/auth';
import { getDb } from './db.ts';
import { featureGate } from './features.ts';
import './locals.ts';
import { PageCache, pageCacheFromEnv } from './page-cache.ts';
import { securityHeaders } from './security-headers.ts';
import { siteOrigin, type SiteConfig } from './site.ts';

/**
 * Anonymous public pages may be kept by a reverse proxy or CDN for a minute (a publish shows within
 * that), and served stale for five more while revalidating; an ETag lets a client revalidate cheaply.
 * Anything personal (a signed-in page, a response setting a cookie) is never stored.
 */
const publicCaching: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	if (event.request.method !== 'GET' || response.status !== 200) return response;
	if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
	// A page that said it must not be kept (one opened by a secret link) stays so.
	if (response.headers.get('cache-control')?.includes('no-store')) return response;
	if (response.headers.has('set-cookie') || event.locals.user) {
		response.headers.set('cache-control', 'private, no-store');
		return response;
	}
	// SvelteKit already tags a page it rendered whole with a hash of its HTML: reused, so the page is
	// not buffered and hashed a second time. A streamed response has none and is hashed here.
	const rendered = response.headers.get('etag');
	const body = rendered ? null : await response.arrayBuffer();
	const etag = rendered
		? `W/${rendered.replace(/^W\//, '')}`
		: `W/"${createHash('sha1').update(new Uint8Array(body!)).digest('base64url')}"`;
	const headers = new Headers(response.headers);
	headers.set('cache-control', 'public, max-age=60, stale-while-revalidate=300');
	headers.set('etag', etag);
	headers.append('vary', 'cookie');
	if (event.request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
	return new Response(body ?? response.body, { status: 200, headers });
};

/**
 * Answers an anonymous GET from the page cache (page-cache.ts), which renders through the rest of the
 * hooks what it does not hold and keeps what publicCaching marked public. A request with a session
 * cookie never touches it.
 */
function microCache(cache: PageCache, cookieName: string): Handle {
	return async ({ event, resolve }) => {
		if (!cache.enabled || event.request.method !== 'GET' || event.cookies.get(cookieName)) return resolve(event);
		// The cache answers conditional requests itself: a render it keeps must be a whole page.
		const ifNoneMatch = event.request.headers.get('if-none-match');
		event.request.headers.delete('if-none-match');
		return cache.respond(event.url.pathname + event.url.search, ifNoneMatch, () => resolve(event));
	};
}

/**
 * The server hook every site uses: `export const handle = createHandle(site)`. `beforeCache` are a
 * domain's hooks that must see every request, those the page cache answers too (the catalogue's
 * usage counter): core imports no domain, so the site's hooks file passes them.
 */
export function createHandle(site: SiteConfig, options: { beforeCache?: Handle[] } = {}): Handle {
	const origin = siteOrigin(site);
	const secure = origin.startsWith('https:');

	const siteHandle: Handle = ({ event, resolve }) => {
		event.locals.db = getDb();
		event.locals.site = site;
		event.locals.origin = origin;
		event.locals.clientAddress = event.getClientAddress();
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%rp.theme%', site.kind === 'hub' ? 'hub' : site.forbund)
		});
	};

	const cookieName = sessionCookieName(secure);

	const sessionHandle: Handle = async ({ event, resolve }) => {
		const token = event.cookies.get(cookieName);
		event.locals.user = null;
		event.locals.session = null;
		event.locals.twoFactor = null;
		event.locals.pending = null;
		event.locals.privileged = false;
		if (!token) return resolve(event);
		const { session, user, twoFactor, privileged } = await validateSessionToken(event.locals.db, token);
		if (session) {
			event.cookies.set(cookieName, token, sessionCookieOptions(session.expires_at, secure));
		} else {
			event.cookies.delete(cookieName, { path: '/', secure });
		}
		// Half-way through sign-in is not signed in: every page and the API see a visitor, except the
		// pages of the second step, which read `pending`.
		const full = isFullySignedIn(twoFactor);
		event.locals.user = full ? user : null;
		event.locals.pending = full ? null : user;
		event.locals.session = session;
		event.locals.twoFactor = twoFactor;
		event.locals.privileged = privileged;
		const response = await resolve(event);
		// Pages for a signed-in person are theirs alone: never stored by a proxy or the browser. (Media
		// files keep their own immutable caching: their keys are never reused.)
		if (session && !response.headers.get('cache-control')?.includes('immutable')) {
			response.headers.set('cache-control', 'private, no-store');
		}
		return response;
	};

	return sequence(
		securityHeaders(secure),
		...(options.beforeCache ?? []),
		microCache(pageCacheFromEnv(), cookieName),
		siteHandle,
		sessionHandle,
		featureGate,
		publicCaching
	);
}
