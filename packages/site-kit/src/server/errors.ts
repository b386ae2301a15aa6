import { error, redirect } from '@sveltejs/kit';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';

/**
 * Runs an API call from a load function: the API's refusals become the matching HTTP error page
 * (with the API's Swedish message); a visitor who must sign in is sent to the login page.
 */
export async function orErrorPage<T>(call: Promise<T>, url: URL): Promise<T> {
	try {
		return await call;
	} catch (e) {
		if (!(e instanceof TRPCError)) throw e;
		if (e.code === 'UNAUTHORIZED') redirect(303, loginUrl(url));
		error(getHTTPStatusCodeFromError(e), e.message);
	}
}

export function loginUrl(url: URL): string {
	return `/logga-in?till=${encodeURIComponent(url.pathname + url.search)}`;
}

/** Only a path on this site, never another origin: stops the login form being used as an open redirect. */
export function safeReturnPath(value: string | null, fallback: string): string {
	return value && /^\/(?![/\\])/.test(value) ? value : fallback;
}
