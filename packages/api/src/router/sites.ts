import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { forbundBySlug, forbundOfRegion, regionBySlug } from '../domain/sites.ts';
import { publicProcedure } from '../trpc.ts';
import { slugSchema } from './schemas.ts';

export const sitesRouter = {
	forbund: publicProcedure.input(z.object({ slug: slugSchema })).query(async ({ ctx, input }) => {
		const forbund = await forbundBySlug(ctx, input.slug);
		if (!forbund) throw new TRPCError({ code: 'NOT_FOUND', message: 'Förbundet finns inte.' });
		return forbund;
	}),

	region: publicProcedure.input(z.object({ slug: slugSchema })).query(async ({ ctx, input }) => {
		const region = await regionBySlug(ctx, input.slug);
		if (!region) throw new TRPCError({ code: 'NOT_FOUND', message: 'Regionen finns inte.' });
		return { ...region, forbund: await forbundOfRegion(ctx, region.id) };
	})
} satisfies TRPCRouterRecord;
