import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { searchNews, type SearchScope } from './search.ts';
import {
	type Context,
	forbundBySlug,
	pageSchema,
	publicProcedure,
	querySchema,
	regionBySlug,
	slugSchema,
	ownerSchema,
	resolveOwner,
	type OwnerInput
} from '../core/index.ts';

// Full-text search in published news, for anyone: it finds only what the news lists show.

export const SEARCH_PAGE_SIZE = 10;
export const SUGGESTION_COUNT = 5;
/** Where to search: a förbund's own news (its site), or a region's feed (the hub). */
const scopeSchema = ownerSchema;

async function resolveScope(ctx: Context, scope: OwnerInput): Promise<SearchScope> {
	const owner = await resolveOwner(ctx, scope);
	return owner.forbundId !== null ? { forbundId: owner.forbundId } : { regionFeed: owner.regionId };
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
