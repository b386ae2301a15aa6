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
 * The API in-process, as the signed-in person (or a visitor): no HTTP hop to our own server. The
 * context carries the client's address (set by the hooks) for the procedures limited per client.
 */
export function api(locals: SiteLocals) {
	return createCaller(context(locals));
}

function context(locals: SiteLocals) {
	return {
		clientAddress: locals.clientAddress,
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
export const trpcEndpoint: RequestHandler = ({ request, locals }) =>
	handleTrpcRequest(request, context(locals), locals.origin);
