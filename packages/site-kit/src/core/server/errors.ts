import { error, redirect } from '@sveltejs/kit';
import type { HandleServerError } from '@sveltejs/kit/hooks';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';

/**
 * Runs an API call from a load function: the API's refusals become the matching HTTP error page
 * (with the API's Swedish message); a visitor who must sign in is sent to the login page. Input the
 * API's validator refuses came from the address (a slug too long, say), so that address cannot
 * exist: a 404, never the validator's output. A fault is left to handleError.
 */
export async function orErrorPage<T>(call: Promise<T>, url: URL): Promise<T> {
	try {
		return await call;
	} catch (e) {
		if (!(e instanceof TRPCError)) throw e;
		if (e.code === 'UNAUTHORIZED') redirect(303, loginUrl(url));
		if (e.code === 'INTERNAL_SERVER_ERROR') throw e.cause ?? e;
		if (isValidationError(e)) error(404, NOT_FOUND);
		error(getHTTPStatusCodeFromError(e), e.message);
	}
}

const NOT_FOUND = 'Sidan finns inte. Kontrollera adressen, eller börja om från startsidan.';

/** A refusal by the input validator (its cause carries the issues), as opposed to a rule of the API. */
export function isValidationError(e: TRPCError): boolean {
	return e.code === 'BAD_REQUEST' && !!e.cause && 'issues' in e.cause;
}

/** A refusal's messages to show: each refused field's (in the API's Swedish), or the one sentence of any other refusal. */
export function refusalMessages(e: TRPCError): string[] {
	if (!isValidationError(e)) return [e.message];
	return (e.cause as unknown as { issues: { message: string }[] }).issues.map((i) => i.message);
}

/** What SvelteKit's own errors say to a visitor, in Swedish (it says "Not Found" in English). */
const frameworkMessages: Record<number, string> = {
	404: NOT_FOUND,
	405: 'Sidan kan inte användas på det sättet.',
	413: 'Det som skickades är för stort.'
};
const FAULT = 'Ett oväntat fel inträffade. Försök igen om en stund.';

/**
 * The server's `handleError`. Our own errors (`error(404, …)`) keep their Swedish message; SvelteKit's
 * own (an unknown address) get one in Swedish; a fault is logged in full and shown as one plain
 * sentence. So no page ever shows a stack trace, SQL or a validator's output.
 */
export const handleServerError: HandleServerError = (caught) => {
	if (caught.kind === 'app') return;
	if (caught.kind === 'unknown') {
		console.error(`${caught.event.request.method} ${caught.event.url.pathname}:`, caught.error);
		return { message: FAULT };
	}
	return { message: frameworkMessages[caught.error.status] ?? FAULT };
};

export function loginUrl(url: URL): string {
	return `/logga-in?till=${encodeURIComponent(url.pathname + url.search)}`;
}

/** Only a path on this site, never another origin: stops the login form being used as an open redirect. */
export function safeReturnPath(value: string | null, fallback: string): string {
	return value && /^\/(?![/\\])/.test(value) ? value : fallback;
}
