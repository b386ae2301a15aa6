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
	ownerSchema,
	slugSchema
} from '../core/index.ts';
import { assertCanArrangeMenu, assertCanSetRegionFeatures, forbidden } from './access.ts';
import { buildMenu, menuOwner, saveMenu, type MenuKey } from './menu.ts';

const audit = auditFor('region');
const auditMenu = auditFor('menu');

const menuKeySchema = z
	.string()
	.regex(new RegExp(`^(feature:(${FEATURES.join('|')})|page:[1-9][0-9]{0,9})$`), 'Okänd menylänk.')
	.transform((key) => key as MenuKey);

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
			await audit(ctx, 'sites.features', { id: region.id, region_id: region.id }, summary, { off });
			return { off };
		}),

	/** The site's main menu as visitors see it (a förbund's site, or a region's part of the hub). */
	menu: publicProcedure.input(z.object({ owner: ownerSchema })).query(async ({ ctx, input }) => {
		return (await buildMenu(ctx, await menuOwner(ctx, input.owner))).entries;
	}),

	/** The menu for its admin: its entries, what it could also hold, and whether it was ever saved. */
	menuForEditing: roleCheckedProcedure.input(z.object({ owner: ownerSchema })).query(async ({ ctx, input }) => {
		const owner = await menuOwner(ctx, input.owner);
		assertCanArrangeMenu(ctx.memberships, owner);
		return buildMenu(ctx, owner);
	}),

	/** Saves the menu's entries in the order given. */
	saveMenu: roleCheckedProcedure
		.input(
			z.object({
				owner: ownerSchema,
				keys: z.array(menuKeySchema).min(1, 'Menyn behöver minst en länk.').max(40, 'Högst 40 länkar i menyn.')
			})
		)
		.mutation(async ({ ctx, input }) => {
			const owner = await menuOwner(ctx, input.owner);
			assertCanArrangeMenu(ctx.memberships, owner);
			await saveMenu(ctx, owner, input.keys);
			const row = { id: owner.forbundId ?? owner.regionId, region_id: owner.regionId, forbund_id: owner.forbundId };
			await auditMenu(ctx, 'sites.menu', row, `Ändrade menyn för ${owner.name}`, { keys: input.keys });
			return buildMenu(ctx, owner);
		})
} satisfies TRPCRouterRecord;
