import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import {
	type Context,
	ownerSchema,
	publicProcedure,
	requireForbund,
	resolveOwner,
	roleCheckedProcedure,
	type OwnerInput
} from '../core/index.ts';
import { newsOfInsats } from '../news/index.ts';
import {
	pageInputSchema,
	publishedInsats,
	publishedReferral,
	searchCatalogue,
	searchInputSchema,
	type Scope
} from './catalogue.ts';
import { CSV_HEADER, csvCells, publishedForExport } from './export.ts';
import { hsdsService } from './hsds.ts';
import { assertCanReadUsage, canReadUsage, readUsage } from './usage.ts';

// The public side of the catalogue: filters and search, an insats's page, exports, usage. Names
// apart from the editorial ones (editor-router.ts) since both are merged into one router.

const notFound = () => new TRPCError({ code: 'NOT_FOUND', message: 'Insatsen finns inte.' });

async function scopeOf(ctx: Pick<Context, 'db' | 'siteFacts'>, owner: OwnerInput): Promise<Scope> {
	const { forbundId, regionId } = await resolveOwner(ctx, owner);
	return { forbundId, regionId };
}

export const insatsCatalogueRouter = {
	/**
	 * The catalogue: published insatser of a förbund (its site) or a region (the hub) passing the
	 * filters, best match first when `q` is given, else by name. The site search calls it with
	 * `{owner, q, limit}` and reads `total` and `items`.
	 */
	search: publicProcedure.input(searchInputSchema).query(async ({ ctx, input }) => {
		const { owner, ...rest } = input;
		return searchCatalogue(ctx.db, await scopeOf(ctx, owner), rest);
	}),

	/** An insats's public page: published only, its figures with small counts masked, its news. */
	page: publicProcedure.input(pageInputSchema).query(async ({ ctx, input }) => {
		const forbund = await requireForbund(ctx, input.forbund);
		const insats = await publishedInsats(ctx.db, forbund.id, input.slug);
		if (!insats) throw notFound();
		const news = await newsOfInsats(ctx.db, insats.id);
		return { ...insats, forbund_name: forbund.name, news };
	}),

	/** Where a published insats's referral form is stored, for the site to send it. */
	referral: publicProcedure.input(pageInputSchema).query(async ({ ctx, input }) => {
		const forbund = await requireForbund(ctx, input.forbund);
		const found = await publishedReferral(ctx.db, forbund.id, input.slug);
		if (!found?.referral_key || !found.referral_filename) throw notFound();
		return { key: found.referral_key, filename: found.referral_filename, size: found.referral_size_bytes };
	}),

	/** The published insatser as CSV cells (header first); the site writes them with the CSV helper. */
	exportRows: publicProcedure.input(z.object({ owner: ownerSchema })).query(async ({ ctx, input }) => {
		const rows = await publishedForExport(ctx.db, await scopeOf(ctx, input.owner));
		return [CSV_HEADER, ...rows.map(csvCells)];
	}),

	/** The published insatser as Open Referral HSDS 3 service records. */
	exportHsds: publicProcedure.input(z.object({ owner: ownerSchema })).query(async ({ ctx, input }) => {
		const rows = await publishedForExport(ctx.db, await scopeOf(ctx, input.owner));
		return rows.map(hsdsService);
	}),

	/** Whether the caller may read the usage of a förbund's catalogue or a region's. */
	canReadUsage: publicProcedure.input(z.object({ owner: ownerSchema })).query(async ({ ctx, input }) => {
		if (!ctx.user) return false;
		return canReadUsage(ctx.db, await scopeOf(ctx, input.owner));
	}),

	/** The usage per month and per insats, for the förbund's admins and the region's presidium. */
	usage: roleCheckedProcedure.input(z.object({ owner: ownerSchema })).query(async ({ ctx, input }) => {
		const scope = await scopeOf(ctx, input.owner);
		await assertCanReadUsage(ctx.db, scope);
		return readUsage(ctx.db, scope);
	})
} satisfies TRPCRouterRecord;
