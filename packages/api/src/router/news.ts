import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { sql } from 'kysely';
import { z } from 'zod';
import { assertCanEditNews } from '../access.ts';
import {
	findById,
	findPublishedBySlug,
	listForEditing,
	listPublished,
	listPublishedSlugs,
	uniqueSlug
} from '../domain/news.ts';
import { renderMarkdown } from '../domain/markdown.ts';
import { findForbundBySlug, findRegionBySlug } from '../domain/sites.ts';
import type { Context } from '../trpc.ts';
import { publicProcedure, roleCheckedProcedure, signedInProcedure } from '../trpc.ts';
import { idSchema, ownerSchema, pageSchema, slugSchema } from './schemas.ts';

export const NEWS_PAGE_SIZE = 10;

const newsFields = z.object({
	title: z.string().trim().min(3, 'Rubriken behöver minst 3 tecken.').max(200, 'Rubriken får vara högst 200 tecken.'),
	lead: z.string().trim().max(600, 'Ingressen får vara högst 600 tecken.'),
	body: z.string().trim().max(100_000, 'Texten är för lång.'),
	sharedWithRegion: z.boolean().default(false)
});

async function resolveOwner(ctx: Context, owner: z.infer<typeof ownerSchema>) {
	if ('forbund' in owner) {
		const forbund = await findForbundBySlug(ctx.db, owner.forbund);
		if (!forbund) throw new TRPCError({ code: 'NOT_FOUND', message: 'Förbundet finns inte.' });
		return { forbundId: forbund.id, regionId: forbund.region_id };
	}
	const region = await findRegionBySlug(ctx.db, owner.region);
	if (!region) throw new TRPCError({ code: 'NOT_FOUND', message: 'Regionen finns inte.' });
	return { forbundId: null, regionId: region.id };
}

const notFound = () => new TRPCError({ code: 'NOT_FOUND', message: 'Nyheten finns inte.' });

export const newsRouter = {
	/** A förbund's published news, newest first. */
	list: publicProcedure.input(z.object({ forbund: slugSchema, page: pageSchema })).query(async ({ ctx, input }) => {
		const forbund = await findForbundBySlug(ctx.db, input.forbund);
		if (!forbund) throw new TRPCError({ code: 'NOT_FOUND', message: 'Förbundet finns inte.' });
		return listPublished(ctx.db, { forbundId: forbund.id }, input.page, NEWS_PAGE_SIZE);
	}),

	/** The region's feed: regional items and items its förbund shared; `from` narrows it to one source. */
	regionFeed: publicProcedure
		.input(
			z.object({ region: slugSchema, page: pageSchema, from: z.union([slugSchema, z.literal('regionen')]).optional() })
		)
		.query(async ({ ctx, input }) => {
			const region = await findRegionBySlug(ctx.db, input.region);
			if (!region) throw new TRPCError({ code: 'NOT_FOUND', message: 'Regionen finns inte.' });
			let source: { forbundId: number } | 'region' | undefined;
			if (input.from === 'regionen') source = 'region';
			else if (input.from) {
				const forbund = await findForbundBySlug(ctx.db, input.from);
				if (!forbund || forbund.region_id !== region.id) {
					throw new TRPCError({ code: 'NOT_FOUND', message: 'Förbundet finns inte i regionen.' });
				}
				source = { forbundId: forbund.id };
			}
			return listPublished(ctx.db, { regionFeed: region.id, source }, input.page, NEWS_PAGE_SIZE);
		}),

	/** "Från regionen" on a förbund's site: regional items, and its siblings' shared items if it shows them. */
	fromRegion: publicProcedure.input(z.object({ forbund: slugSchema })).query(async ({ ctx, input }) => {
		const forbund = await findForbundBySlug(ctx.db, input.forbund);
		if (!forbund) throw new TRPCError({ code: 'NOT_FOUND', message: 'Förbundet finns inte.' });
		const feed = {
			fromRegionFor: { forbundId: forbund.id, regionId: forbund.region_id, includeShared: forbund.show_shared_news }
		};
		return (await listPublished(ctx.db, feed, 1, 5)).items;
	}),

	/** One published item; drafts are never found here, whoever asks. */
	bySlug: publicProcedure.input(z.object({ owner: ownerSchema, slug: slugSchema })).query(async ({ ctx, input }) => {
		const item = await findPublishedBySlug(ctx.db, await resolveOwner(ctx, input.owner), input.slug);
		if (!item) throw notFound();
		return { ...item, body_html: renderMarkdown(item.body) };
	}),

	/** What an editor's Markdown will look like: the same rendering and sanitising as published. */
	preview: signedInProcedure.input(z.object({ body: newsFields.shape.body })).query(({ input }) => ({
		html: renderMarkdown(input.body)
	})),

	/** The addresses of every published item of one owner, for the sitemap. */
	sitemap: publicProcedure
		.input(z.object({ owner: ownerSchema }))
		.query(async ({ ctx, input }) => listPublishedSlugs(ctx.db, await resolveOwner(ctx, input.owner))),

	/** All items of a förbund or region, drafts included, for its editors. */
	forEditing: roleCheckedProcedure.input(z.object({ owner: ownerSchema })).query(async ({ ctx, input }) => {
		const owner = await resolveOwner(ctx, input.owner);
		assertCanEditNews(ctx.memberships, { forbund_id: owner.forbundId, region_id: owner.regionId });
		return listForEditing(ctx.db, owner);
	}),

	byId: roleCheckedProcedure.input(z.object({ id: idSchema })).query(async ({ ctx, input }) => {
		const item = await findById(ctx.db, input.id);
		if (!item) throw notFound();
		assertCanEditNews(ctx.memberships, item);
		return item;
	}),

	/** A new draft. */
	create: roleCheckedProcedure.input(newsFields.extend({ owner: ownerSchema })).mutation(async ({ ctx, input }) => {
		const owner = await resolveOwner(ctx, input.owner);
		assertCanEditNews(ctx.memberships, { forbund_id: owner.forbundId, region_id: owner.regionId });
		return ctx.db
			.insertInto('news')
			.values({
				region_id: owner.regionId,
				forbund_id: owner.forbundId,
				slug: await uniqueSlug(ctx.db, owner, input.title),
				title: input.title,
				lead: input.lead,
				body: input.body,
				// Only a förbund's item can be shared; a regional item reaches the region anyway.
				shared_with_region: owner.forbundId !== null && input.sharedWithRegion,
				author_id: ctx.user.id,
				updated_by: ctx.user.id
			})
			.returningAll()
			.executeTakeFirstOrThrow();
	}),

	/** Saves an edit; refused when someone else saved since `version` was read. */
	update: roleCheckedProcedure
		.input(newsFields.extend({ id: idSchema, version: z.number().int().positive() }))
		.mutation(async ({ ctx, input }) => {
			const item = await findById(ctx.db, input.id);
			if (!item) throw notFound();
			assertCanEditNews(ctx.memberships, item);
			const updated = await ctx.db
				.updateTable('news')
				.set({
					title: input.title,
					lead: input.lead,
					body: input.body,
					shared_with_region: item.forbund_id !== null && input.sharedWithRegion,
					updated_by: ctx.user.id,
					updated_at: sql`now()`,
					version: sql`version + 1`
				})
				.where('id', '=', input.id)
				.where('version', '=', input.version)
				.returningAll()
				.executeTakeFirst();
			if (!updated) {
				throw new TRPCError({
					code: 'CONFLICT',
					message: 'Någon annan har sparat nyheten medan du redigerade. Ladda om sidan och gör om din ändring.'
				});
			}
			return updated;
		}),

	publish: roleCheckedProcedure.input(z.object({ id: idSchema })).mutation(async ({ ctx, input }) => {
		const item = await findById(ctx.db, input.id);
		if (!item) throw notFound();
		assertCanEditNews(ctx.memberships, item);
		return ctx.db
			.updateTable('news')
			.set({
				status: 'published',
				published_at: sql`coalesce(published_at, now())`,
				updated_by: ctx.user.id,
				updated_at: sql`now()`,
				version: sql`version + 1`
			})
			.where('id', '=', input.id)
			.returningAll()
			.executeTakeFirstOrThrow();
	}),

	unpublish: roleCheckedProcedure.input(z.object({ id: idSchema })).mutation(async ({ ctx, input }) => {
		const item = await findById(ctx.db, input.id);
		if (!item) throw notFound();
		assertCanEditNews(ctx.memberships, item);
		return ctx.db
			.updateTable('news')
			.set({ status: 'draft', updated_by: ctx.user.id, updated_at: sql`now()`, version: sql`version + 1` })
			.where('id', '=', input.id)
			.returningAll()
			.executeTakeFirstOrThrow();
	})
} satisfies TRPCRouterRecord;
