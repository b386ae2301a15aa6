import { RateLimitedError } from '@regionportalen/auth';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter } from './root.ts';
import type { Context } from './core/index.ts';

export const TRPC_ENDPOINT = '/api/trpc';

/**
 * Serves the router over HTTP for the browser's enhancements. Mutations must come from this
 * site's own origin: a cross-site form or script carrying the visitor's cookie is refused.
 */
export async function handleTrpcRequest(request: Request, context: Context, ownOrigin: string): Promise<Response> {
	if (request.method !== 'GET' && request.method !== 'HEAD' && request.headers.get('origin') !== ownOrigin) {
		return new Response('Förfrågan kommer från en annan webbplats och avvisades.', { status: 403 });
	}
	return fetchRequestHandler({
		endpoint: TRPC_ENDPOINT,
		req: request,
		router: appRouter,
		createContext: () => context,
		// A throttled caller learns when to try again.
		responseMeta({ errors }) {
			const limited = errors.map((e) => e.cause).find((c) => c instanceof RateLimitedError);
			return limited ? { headers: { 'retry-after': String(limited.retryAfterSeconds) } } : {};
		}
	});
}
