import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { findForbundBySlug, findRegionBySlug, listForbundOfRegion } from '../domain/sites.ts';
import { publicProcedure } from '../trpc.ts';
import { slugSchema } from './schemas.ts';

export const sitesRouter = {
	forbund: publicProcedure.input(z.object({ slug: slugSchema })).query(async ({ ctx, input }) => {
		const forbund = await findForbundBySlug(ctx.db, input.slug);
		if (!forbund) throw new TRPCError({ code: 'NOT_FOUND', message: 'Förbundet finns inte.' });
		return forbund;
	}),

	region: publicProcedure.input(z.object({ slug: slugSchema })).query(async ({ ctx, input }) => {
		const region = await findRegionBySlug(ctx.db, input.slug);
		if (!region) throw new TRPCError({ code: 'NOT_FOUND', message: 'Regionen finns inte.' });
		return { ...region, forbund: await listForbundOfRegion(ctx.db, region.id) };
	})
} satisfies TRPCRouterRecord;
