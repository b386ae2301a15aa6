import { RateLimitedError } from '@regionportalen/auth';
import { error, fail, redirect } from '@sveltejs/kit';
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

/**
 * An API call from a form action: a refusal becomes a form failure with the API's Swedish message
 * (and the values typed, so nothing is lost); a throttled call also says when to try again.
 */
export async function apiFormResult<T>(
	call: Promise<T>,
	event: { url: URL; setHeaders: (headers: Record<string, string>) => void },
	values: Record<string, unknown> = {}
) {
	try {
		return { ok: true as const, value: await call };
	} catch (e) {
		if (!(e instanceof TRPCError)) throw e;
		if (e.code === 'UNAUTHORIZED') redirect(303, loginUrl(event.url));
		if (e.code === 'TOO_MANY_REQUESTS' && e.cause instanceof RateLimitedError) {
			event.setHeaders({ 'retry-after': String(e.cause.retryAfterSeconds) });
		}
		const issues =
			e.code === 'BAD_REQUEST' && e.cause && 'issues' in e.cause ? (e.cause.issues as { message: string }[]) : null;
		const message = issues?.map((i) => i.message).join(' ') || e.message;
		return { ok: false as const, failure: fail(getHTTPStatusCodeFromError(e), { ...values, message }) };
	}
}

/** A throttled form: 429 with Retry-After and a Swedish message, readable without JavaScript. */
export function rateLimited(
	event: { setHeaders: (headers: Record<string, string>) => void },
	error: RateLimitedError,
	values: Record<string, unknown> = {}
) {
	event.setHeaders({ 'retry-after': String(error.retryAfterSeconds) });
	return fail(429, { ...values, message: error.message });
}
