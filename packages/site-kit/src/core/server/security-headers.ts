// The security headers every response carries (issue #19): frame, sniffing, referrer and feature
// protection, HSTS over https, and a fallback CSP for what SvelteKit's own CSP (kit.csp in each
// site's vite.config.ts, hash mode since pages are cached) does not cover — endpoints, feeds, files.
import type { Handle } from '@sveltejs/kit/hooks';

/** For responses that are not pages: nothing in them may run, load or be framed. */
export const endpointCsp = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export const permissionsPolicy =
	'accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), fullscreen=(self), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), sync-xhr=(), usb=(), xr-spatial-tracking=()';

/** Two years with subdomains, the value the HSTS preload list asks for. */
export const hsts = 'max-age=63072000; includeSubDomains';

export const referrerPolicy = 'strict-origin-when-cross-origin';

/** Policies that leak no more than strict-origin-when-cross-origin: a page that set one keeps it. */
const asStrict = new Set(['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin']);

/** Sets the headers on `headers` in place; `secure` is whether the site's origin is https. */
export function applySecurityHeaders(headers: Headers, secure: boolean): void {
	if (!headers.has('content-security-policy')) headers.set('content-security-policy', endpointCsp);
	headers.set('x-frame-options', 'DENY');
	headers.set('x-content-type-options', 'nosniff');
	headers.set('permissions-policy', permissionsPolicy);
	// The last token of a list is the one a browser applies.
	const own = headers.get('referrer-policy')?.split(',').at(-1)?.trim().toLowerCase();
	if (!own || !asStrict.has(own)) headers.set('referrer-policy', referrerPolicy);
	if (secure) headers.set('strict-transport-security', hsts);
	else headers.delete('strict-transport-security');
}

/**
 * Outermost hook, so pages from the page cache and its 304s get them too. A response with
 * immutable headers (one passed through from fetch) is copied first.
 */
export function securityHeaders(secure: boolean): Handle {
	return async ({ event, resolve }) => {
		let response = await resolve(event);
		try {
			applySecurityHeaders(response.headers, secure);
		} catch {
			response = new Response(response.body, response);
			applySecurityHeaders(response.headers, secure);
		}
		return response;
	};
}
