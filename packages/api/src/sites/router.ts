import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import {
	forbundBySlug,
	forbundOfRegion,
	publicProcedure,
	regionBySlug,
	slugSchema,
	requireForbund,
	requireRegion
} from '../core/index.ts';

export const sitesRouter = {
	forbund: publicProcedure.input(z.object({ slug: slugSchema })).query(async ({ ctx, input }) => {
		const forbund = await requireForbund(ctx, input.slug);
		return forbund;
	}),

	region: publicProcedure.input(z.object({ slug: slugSchema })).query(async ({ ctx, input }) => {
		const region = await requireRegion(ctx, input.slug);
		return { ...region, forbund: await forbundOfRegion(ctx, region.id) };
	})
} satisfies TRPCRouterRecord;
