import { createCaller, SiteFactsCache } from '@regionportalen/api';
import { handleTrpcRequest } from '@regionportalen/api/http';
import type { RequestHandler } from '@sveltejs/kit';
import type { SiteLocals } from './locals.ts';

/**
 * The registered sites' facts, shared by every request of this server for ten seconds: they change
 * only when `pnpm sites:register` runs, and a server shows the change within that time.
 */
const siteFacts = new SiteFactsCache(10_000);

/**
 * The API in-process, as the signed-in person (or a visitor): no HTTP hop to our own server. A form
 * action whose procedure is limited per client (a visitor's report) passes the client's address.
 */
export function api(locals: SiteLocals, clientAddress?: string) {
	return createCaller(context(locals, clientAddress));
}

function context(locals: SiteLocals, clientAddress?: string) {
	return {
		clientAddress,
		db: locals.db,
		user: locals.user,
		session:
			locals.user && locals.session
				? { id: locals.session.id, twoFactorVerified: locals.twoFactor === 'verified' }
				: null,
		origin: locals.origin,
		siteFacts
	};
}

/** `/api/trpc/[...trpc]/+server.ts`: the same router over HTTP for the browser's enhancements. */
export const trpcEndpoint: RequestHandler = ({ request, locals, getClientAddress }) =>
	handleTrpcRequest(request, context(locals, getClientAddress()), locals.origin);
