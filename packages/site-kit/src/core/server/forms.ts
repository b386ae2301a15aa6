import { assertNotRateLimited, RateLimitedError } from '@regionportalen/auth';
import { error, fail, redirect } from '@sveltejs/kit';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { loginUrl, refusalMessages } from './errors.ts';
import type { SiteLocals } from './locals.ts';

// What every form action and list page needs: an API call's answer as a form result, the throttled
// form's 429, and the page and id in the address.

type FormEvent = { url: URL; setHeaders: (headers: Record<string, string>) => void };

/**
 * An API call from a form action: a refusal becomes a form failure with the API's Swedish message
 * (and the values typed, so nothing is lost); a throttled call also says when to try again.
 */
export async function apiFormResult<T>(call: Promise<T>, event: FormEvent, values: Record<string, unknown> = {}) {
	try {
		return { ok: true as const, value: await call };
	} catch (e) {
		if (!(e instanceof TRPCError)) throw e;
		if (e.code === 'UNAUTHORIZED') redirect(303, loginUrl(event.url));
		if (e.code === 'TOO_MANY_REQUESTS' && e.cause instanceof RateLimitedError) {
			event.setHeaders({ 'retry-after': String(e.cause.retryAfterSeconds) });
		}
		const message = refusalMessages(e).join(' ');
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

/** Refuses a throttled form (429 with Retry-After) before any work is done; null to go on. */
export async function throttled(
	event: FormEvent & { locals: Pick<SiteLocals, 'db'> },
	keys: string[],
	values: Record<string, unknown> = {}
) {
	try {
		await assertNotRateLimited(event.locals.db, keys);
		return null;
	} catch (e) {
		if (e instanceof RateLimitedError) return rateLimited(event, e, values);
		throw e;
	}
}

/** `?sida=` of a paged list: 1 when absent, a 400 in Swedish when not a page number. */
export function pageParam(url: URL): number {
	const page = Number(url.searchParams.get('sida') ?? '1');
	if (!Number.isInteger(page) || page < 1 || page > 10_000) error(400, 'Ogiltigt sidnummer.');
	return page;
}

/** An id in the path: a 404 with the message when it cannot be one. */
export function idParam(value: string | undefined, message: string): number {
	const id = Number(value);
	if (!Number.isInteger(id) || id < 1 || id > 2_147_483_647) error(404, message);
	return id;
}

/** A filter form's values as the query string of its address (for paging): set fields only, a checked box as 1. */
export function filterQuery(form: Record<string, string | boolean>): Record<string, string> {
	const query: Record<string, string> = {};
	for (const [k, v] of Object.entries(form)) {
		if (v === true) query[k] = '1';
		else if (typeof v === 'string' && v !== '') query[k] = v;
	}
	return query;
}
