import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import {
	inYear,
	listForFeed,
	listPublishedWhere,
	listRelated,
	listTagged,
	listTaggedForFeed,
	tagScope,
	yearCounts
} from './archive.ts';
import type { NewsFeed } from './queries.ts';
import {
	type Context,
	forbundBySlug,
	ownerSchema,
	pageSchema,
	publicProcedure,
	regionBySlug,
	slugSchema,
	resolveOwner,
	storedHtml,
	type OwnerInput
} from '../core/index.ts';
import { NEWS_PAGE_SIZE } from './router.ts';

// Reading published news: the year archive, tag pages, related items and the RSS/Atom feeds. All
// public: they show only what the news list shows. A förbund's archive is its own items; a
// region's (on the hub) is the region's feed, its regional items and what its förbund shared.

/** How many items a feed carries. */
export const FEED_SIZE = 20;

const yearSchema = z.coerce.number().int('Ogiltigt år.').min(1900, 'Ogiltigt år.').max(9999, 'Ogiltigt år.');

/** Whose archive: the feed to read, who publishes it (for feeds and structured data), and the owner. */
async function resolveArchive(ctx: Context, input: OwnerInput) {
	const owner = await resolveOwner(ctx, input);
	const feed: NewsFeed = owner.forbundId !== null ? { forbundId: owner.forbundId } : { regionFeed: owner.regionId };
	return { feed, name: owner.name, owner };
}

const noSuchTag = () => new TRPCError({ code: 'NOT_FOUND', message: 'Det finns inga nyheter med det ämnet.' });

export const archiveRouter = {
	/** The years with published news, newest first, and how many items each has. */
	years: publicProcedure.input(z.object({ owner: ownerSchema })).query(async ({ ctx, input }) => {
		const { feed } = await resolveArchive(ctx, input.owner);
		return yearCounts(ctx.db, feed);
	}),

	/** One year's published news, newest first, paged like the news list. */
	year: publicProcedure
		.input(z.object({ owner: ownerSchema, year: yearSchema, page: pageSchema }))
		.query(async ({ ctx, input }) => {
			const { feed } = await resolveArchive(ctx, input.owner);
			return listPublishedWhere(ctx.db, feed, inYear(input.year), input.page, NEWS_PAGE_SIZE);
		}),

	/** The published news carrying a tag, with the tag's name as editors write it. */
	tag: publicProcedure
		.input(z.object({ owner: ownerSchema, tag: slugSchema, page: pageSchema }))
		.query(async ({ ctx, input }) => {
			const { feed } = await resolveArchive(ctx, input.owner);
			const found = await listTagged(ctx.db, tagScope(feed), input.tag, input.page, NEWS_PAGE_SIZE);
			if (!found) throw noSuchTag();
			return { ...found.page, tag: { slug: input.tag, name: found.name } };
		}),

	/** Up to three other items of the same owner to read next: sharing a tag, else the newest. */
	related: publicProcedure.input(z.object({ owner: ownerSchema, slug: slugSchema })).query(async ({ ctx, input }) => {
		const { owner } = await resolveArchive(ctx, input.owner);
		const related = await listRelated(ctx.db, owner, input.slug);
		if (!related) throw new TRPCError({ code: 'NOT_FOUND', message: 'Nyheten finns inte.' });
		return related;
	}),

	/** Who publishes the owner's news, for an article's structured data. */
	publisher: publicProcedure.input(z.object({ owner: ownerSchema })).query(async ({ ctx, input }) => {
		const { name } = await resolveArchive(ctx, input.owner);
		return { name };
	}),

	/**
	 * The newest published items for RSS and Atom, optionally of one tag, each with its body rendered
	 * and sanitised exactly as on the article page.
	 */
	feed: publicProcedure
		.input(z.object({ owner: ownerSchema, tag: slugSchema.optional() }))
		.query(async ({ ctx, input }) => {
			const { feed, name } = await resolveArchive(ctx, input.owner);
			let tag: { slug: string; name: string } | null = null;
			let items;
			if (input.tag) {
				const found = await listTaggedForFeed(ctx.db, feed, input.tag, FEED_SIZE);
				if (!found) throw noSuchTag();
				tag = { slug: input.tag, name: found.name };
				items = found.items;
			} else items = await listForFeed(ctx.db, feed, FEED_SIZE);
			return {
				name,
				tag,
				items: items.map(({ body_md, ...item }) => ({
					...item,
					body_html: storedHtml({ body_html: item.body_html, body_md })
				}))
			};
		})
} satisfies TRPCRouterRecord;
