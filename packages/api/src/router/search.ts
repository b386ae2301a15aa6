import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { searchNews, type SearchScope } from '../domain/search.ts';
import { forbundBySlug, regionBySlug } from '../domain/sites.ts';
import type { Context } from '../trpc.ts';
import { publicProcedure } from '../trpc.ts';
import { pageSchema, slugSchema } from './schemas.ts';

// Full-text search in published news, for anyone: it finds only what the news lists show.

export const SEARCH_PAGE_SIZE = 10;
export const SUGGESTION_COUNT = 5;
export const SEARCH_MIN_LENGTH = 2;
export const SEARCH_MAX_LENGTH = 200;

/** Where to search: a förbund's own news (its site), or a region's feed (the hub). */
const scopeSchema = z.union([z.object({ forbund: slugSchema }), z.object({ region: slugSchema })]);

export const querySchema = z
	.string('Skriv vad du vill söka efter.')
	// Control characters (a NUL the database would refuse, a tab) are spaces.
	.overwrite((q) => q.replace(/\p{Cc}/gu, ' '))
	.trim()
	.min(SEARCH_MIN_LENGTH, `Skriv minst ${SEARCH_MIN_LENGTH} tecken för att söka.`)
	.max(SEARCH_MAX_LENGTH, `Sökningen får vara högst ${SEARCH_MAX_LENGTH} tecken.`);

async function resolveScope(ctx: Context, scope: z.infer<typeof scopeSchema>): Promise<SearchScope> {
	if ('forbund' in scope) {
		const forbund = await forbundBySlug(ctx, scope.forbund);
		if (!forbund) throw new TRPCError({ code: 'NOT_FOUND', message: 'Förbundet finns inte.' });
		return { forbundId: forbund.id };
	}
	const region = await regionBySlug(ctx, scope.region);
	if (!region) throw new TRPCError({ code: 'NOT_FOUND', message: 'Regionen finns inte.' });
	return { regionFeed: region.id };
}

export const searchRouter = {
	/** A page of published news matching `q`, best first, with highlighted snippets and the total. */
	news: publicProcedure
		.input(z.object({ scope: scopeSchema, q: querySchema, page: pageSchema }))
		.query(async ({ ctx, input }) =>
			searchNews(ctx.db, await resolveScope(ctx, input.scope), input.q, {
				page: input.page,
				pageSize: SEARCH_PAGE_SIZE
			})
		),

	/** Search-as-you-type: the best few, with short snippets, and how many match in all. */
	suggest: publicProcedure.input(z.object({ scope: scopeSchema, q: querySchema })).query(async ({ ctx, input }) => {
		const result = await searchNews(ctx.db, await resolveScope(ctx, input.scope), input.q, {
			page: 1,
			pageSize: SUGGESTION_COUNT,
			short: true
		});
		return { items: result.items, total: result.total, capped: result.capped };
	})
} satisfies TRPCRouterRecord;
