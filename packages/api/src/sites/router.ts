import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { FEATURES } from '@regionportalen/db';
import {
	auditFor,
	FEATURE_LABELS,
	forbundOfRegion,
	publicProcedure,
	requireForbund,
	requireRegion,
	roleCheckedProcedure,
	slugSchema
} from '../core/index.ts';
import { assertCanSetRegionFeatures, forbidden } from './access.ts';

const audit = auditFor('region');

export const sitesRouter = {
	forbund: publicProcedure.input(z.object({ slug: slugSchema })).query(async ({ ctx, input }) => {
		const forbund = await requireForbund(ctx, input.slug);
		return forbund;
	}),

	region: publicProcedure.input(z.object({ slug: slugSchema })).query(async ({ ctx, input }) => {
		const region = await requireRegion(ctx, input.slug);
		return { ...region, forbund: await forbundOfRegion(ctx, region.id) };
	}),

	/** Turns features off (and the others on) for a region's part of the hub, at once for every visitor. */
	setRegionFeatures: roleCheckedProcedure
		.input(z.object({ region: slugSchema, off: z.array(z.enum(FEATURES)).max(FEATURES.length) }))
		.mutation(async ({ ctx, input }) => {
			assertCanSetRegionFeatures(ctx.memberships);
			const region = await requireRegion(ctx, input.region);
			const off = FEATURES.filter((f) => input.off.includes(f));
			const updated = await ctx.db
				.updateTable('region')
				.set({ features_off: off })
				.where('id', '=', region.id)
				.executeTakeFirst();
			// Row-level security (region_admin) hides the row from anyone but a platform admin.
			if (Number(updated.numUpdatedRows) !== 1) throw forbidden();
			const summary = off.length
				? `Stängde av ${off.map((f) => FEATURE_LABELS[f]).join(', ')} för ${region.name} på navet`
				: `Slog på alla funktioner för ${region.name} på navet`;
			await audit(ctx, 'region.features', { id: region.id, region_id: region.id }, summary, { off });
			return { off };
		})
} satisfies TRPCRouterRecord;
