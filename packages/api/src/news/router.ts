import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { sql } from 'kysely';
import { z } from 'zod';
import { assertCanEditNews } from './access.ts';
import {
	findById,
	findPublishedBySlug,
	listForEditing,
	listLatest,
	listPublished,
	listPublishedSlugs,
	uniqueSlug
} from './queries.ts';
import {
	forbundBySlug,
	idSchema,
	ownerSchema,
	pageSchema,
	publicProcedure,
	regionBySlug,
	renderMarkdown,
	roleCheckedProcedure,
	type SignedInContext,
	signedInProcedure,
	slugSchema,
	requireForbund,
	requireRegion,
	resolveOwner,
	attachmentInput,
	removeAttachmentInput,
	auditFor,
	assertFeature,
	imageColumns,
	NO_IMAGE,
	removeImageInput,
	setImageInput,
	storedHtml,
	versionSchema,
	optionalEmailSchema
} from '../core/index.ts';
import { assertLinkableInsats, insatsChoices } from '../insatser/index.ts';
import { assertLinkableProject, projectChoices } from '../projects/index.ts';
import {
	attachments,
	bumpVersion,
	contentColumns,
	findRevision,
	listRevisions,
	recordRevision,
	saveContent,
	saveVersioned
} from './edit.ts';

export const NEWS_PAGE_SIZE = 10;

const newsFields = z.object({
	title: z.string().trim().min(3, 'Rubriken behöver minst 3 tecken.').max(200, 'Rubriken får vara högst 200 tecken.'),
	lead: z.string().trim().max(600, 'Ingressen får vara högst 600 tecken.'),
	body: z.string().trim().max(100_000, 'Texten är för lång.'),
	tags: z
		.array(z.string().trim().min(1).max(40, 'En tagg får vara högst 40 tecken.'))
		.max(10, 'Högst 10 taggar.')
		.default([])
		.transform((tags) => tags.filter((t, i) => tags.findIndex((u) => u.toLowerCase() === t.toLowerCase()) === i)),
	sharedWithRegion: z.boolean().default(false),
	imageAlt: z.string().trim().max(300, 'Alternativtexten får vara högst 300 tecken.').default(''),
	imageCaption: z.string().trim().max(300, 'Bildtexten får vara högst 300 tecken.').default(''),
	contactName: z.string().trim().max(200).default(''),
	contactEmail: optionalEmailSchema,
	/** The insats the item tells about (a förbund's item only); it shows on the insats's page. */
	insatsId: idSchema.nullable().default(null),
	/** The joint project the item tells about (one its owner takes part in); it shows on the project's page. */
	projectId: idSchema.nullable().default(null)
});

const conflict = () =>
	new TRPCError({
		code: 'CONFLICT',
		message: 'Någon annan har sparat nyheten medan du redigerade. Ladda om sidan och gör om din ändring.'
	});

/** The item, if the caller may edit it: not found (or hidden by RLS) → 404, another owner's → 403. */
async function editable(ctx: SignedInContext, id: number) {
	const item = await findById(ctx.db, id);
	if (!item) throw notFound();
	assertCanEditNews(ctx.memberships, item);
	await assertFeature(ctx, item, 'news');
	return item;
}

/** The entry every write leaves, in the write's transaction. */
const audit = auditFor('news');

/** A status change, audited; it bumps the version, so an open editor learns of it on its next save. */
async function setStatus(ctx: SignedInContext, id: number, set: Record<string, unknown>, action: string, verb: string) {
	const item = await bumpVersion(ctx.db, id, ctx.user.id, set);
	await audit(ctx, action, item, `${verb} nyheten ”${item.title}”`, {
		status: item.status,
		published_at: item.published_at
	});
	return item;
}

const notFound = () => new TRPCError({ code: 'NOT_FOUND', message: 'Nyheten finns inte.' });

export const newsRouter = {
	/** A förbund's published news, newest first. */
	list: publicProcedure.input(z.object({ forbund: slugSchema, page: pageSchema })).query(async ({ ctx, input }) => {
		const forbund = await requireForbund(ctx, input.forbund);
		return listPublished(ctx.db, { forbundId: forbund.id }, input.page, NEWS_PAGE_SIZE);
	}),

	/** The region's feed: regional items and items its förbund shared; `from` narrows it to one source. */
	regionFeed: publicProcedure
		.input(
			z.object({ region: slugSchema, page: pageSchema, from: z.union([slugSchema, z.literal('regionen')]).optional() })
		)
		.query(async ({ ctx, input }) => {
			const region = await requireRegion(ctx, input.region);
			let source: { forbundId: number } | 'region' | undefined;
			if (input.from === 'regionen') source = 'region';
			else if (input.from) {
				const forbund = await forbundBySlug(ctx, input.from);
				if (!forbund || forbund.region_id !== region.id) {
					throw new TRPCError({ code: 'NOT_FOUND', message: 'Förbundet finns inte i regionen.' });
				}
				source = { forbundId: forbund.id };
			}
			return listPublished(ctx.db, { regionFeed: region.id, source }, input.page, NEWS_PAGE_SIZE);
		}),

	/**
	 * The newest few of a förbund's own news or of a region's feed, for a start page: the same items
	 * as the list's first page, without counting the whole feed.
	 */
	latest: publicProcedure
		.input(z.object({ owner: ownerSchema, count: z.number().int().min(1).max(NEWS_PAGE_SIZE) }))
		.query(async ({ ctx, input }) => {
			if ('forbund' in input.owner) {
				const forbund = await requireForbund(ctx, input.owner.forbund);
				return listLatest(ctx.db, { forbundId: forbund.id }, input.count);
			}
			const region = await requireRegion(ctx, input.owner.region);
			return listLatest(ctx.db, { regionFeed: region.id }, input.count);
		}),

	/** "Från regionen" on a förbund's site: regional items, and its siblings' shared items if it shows them. */
	fromRegion: publicProcedure.input(z.object({ forbund: slugSchema })).query(async ({ ctx, input }) => {
		const forbund = await requireForbund(ctx, input.forbund);
		const feed = {
			fromRegionFor: { forbundId: forbund.id, regionId: forbund.region_id, includeShared: forbund.show_shared_news }
		};
		return listLatest(ctx.db, feed, 5);
	}),

	/** One published item, its body as HTML (the Markdown is the editors'); drafts are never found here. */
	bySlug: publicProcedure.input(z.object({ owner: ownerSchema, slug: slugSchema })).query(async ({ ctx, input }) => {
		const item = await findPublishedBySlug(ctx.db, await resolveOwner(ctx, input.owner), input.slug);
		if (!item) throw notFound();
		const { body_md: _, ...article } = item;
		return { ...article, body_html: storedHtml(item) };
	}),

	/** What an editor's Markdown will look like: the same rendering and sanitising as published. */
	preview: signedInProcedure.input(z.object({ body: newsFields.shape.body })).query(({ input }) => ({
		html: renderMarkdown(input.body)
	})),

	/** The addresses of every published item of one owner, for the sitemap. */
	sitemap: publicProcedure
		.input(z.object({ owner: ownerSchema }))
		.query(async ({ ctx, input }) => listPublishedSlugs(ctx.db, await resolveOwner(ctx, input.owner))),

	/** The insatser a förbund's item may tell about, for the editor's choice (none for a region's). */
	insatsChoices: roleCheckedProcedure.input(z.object({ owner: ownerSchema })).query(async ({ ctx, input }) => {
		const owner = await resolveOwner(ctx, input.owner);
		assertCanEditNews(ctx.memberships, { forbund_id: owner.forbundId, region_id: owner.regionId });
		return owner.forbundId === null ? [] : insatsChoices(ctx.db, owner.forbundId);
	}),

	/** The joint projects an item may tell about: those its owner takes part in. */
	projectChoices: roleCheckedProcedure.input(z.object({ owner: ownerSchema })).query(async ({ ctx, input }) => {
		const owner = await resolveOwner(ctx, input.owner);
		assertCanEditNews(ctx.memberships, { forbund_id: owner.forbundId, region_id: owner.regionId });
		return projectChoices(ctx.db, owner);
	}),

	/** All items of a förbund or region, drafts included, for its editors. */
	forEditing: roleCheckedProcedure.input(z.object({ owner: ownerSchema })).query(async ({ ctx, input }) => {
		const owner = await resolveOwner(ctx, input.owner);
		assertCanEditNews(ctx.memberships, { forbund_id: owner.forbundId, region_id: owner.regionId });
		return listForEditing(ctx.db, owner);
	}),

	byId: roleCheckedProcedure.input(z.object({ id: idSchema })).query(({ ctx, input }) => editable(ctx, input.id)),

	/** A new draft, and its first revision. */
	create: roleCheckedProcedure.input(newsFields.extend({ owner: ownerSchema })).mutation(async ({ ctx, input }) => {
		const owner = await resolveOwner(ctx, input.owner);
		assertCanEditNews(ctx.memberships, { forbund_id: owner.forbundId, region_id: owner.regionId });
		await assertFeature(ctx, { forbund_id: owner.forbundId, region_id: owner.regionId }, 'news');
		const { owner: _, ...content } = input;
		if (content.insatsId !== null) await assertLinkableInsats(ctx.db, content.insatsId, owner.forbundId);
		if (content.projectId !== null) await assertLinkableProject(ctx.db, content.projectId, owner);
		const created = await ctx.db
			.insertInto('news')
			.values({
				region_id: owner.regionId,
				forbund_id: owner.forbundId,
				slug: await uniqueSlug(ctx.db, owner, input.title),
				...contentColumns(content, owner.forbundId !== null),
				author_id: ctx.user.id,
				updated_by: ctx.user.id
			})
			.returningAll()
			.executeTakeFirstOrThrow();
		await recordRevision(ctx.db, created, ctx.user.id);
		await audit(ctx, 'news.create', created, `Skapade nyheten ”${created.title}”`);
		return created;
	}),

	/** Saves an edit; refused when someone else saved since `version` was read. */
	update: roleCheckedProcedure
		.input(newsFields.extend({ id: idSchema, version: versionSchema }))
		.mutation(async ({ ctx, input }) => {
			const { id, version, ...content } = input;
			const item = await editable(ctx, id);
			if (content.insatsId !== null && content.insatsId !== item.insats_id) {
				await assertLinkableInsats(ctx.db, content.insatsId, item.forbund_id);
			}
			if (content.projectId !== null && content.projectId !== item.project_id) {
				await assertLinkableProject(ctx.db, content.projectId, {
					forbundId: item.forbund_id,
					regionId: item.region_id
				});
			}
			if (item.image_key && !content.imageAlt) {
				throw new TRPCError({ code: 'BAD_REQUEST', message: 'Bilden behöver en alternativtext som beskriver den.' });
			}
			const saved = (await saveContent(ctx.db, item, version, content, ctx.user.id)) ?? raise(conflict());
			await audit(ctx, 'news.update', saved, `Sparade nyheten ”${saved.title}”`, { version: saved.version });
			return saved;
		}),

	/** Earlier saved states, newest first. */
	revisions: roleCheckedProcedure.input(z.object({ id: idSchema })).query(async ({ ctx, input }) => {
		await editable(ctx, input.id);
		return listRevisions(ctx.db, input.id);
	}),

	/** Brings back an earlier revision's content as a new save (history is never rewritten). */
	restore: roleCheckedProcedure
		.input(z.object({ id: idSchema, revisionId: idSchema, version: versionSchema }))
		.mutation(async ({ ctx, input }) => {
			const item = await editable(ctx, input.id);
			const revision = await findRevision(ctx.db, input.id, input.revisionId);
			if (!revision) throw new TRPCError({ code: 'NOT_FOUND', message: 'Versionen finns inte.' });
			// The image is not restored (it has its own procedures), so its alt text and caption stay with
			// it unless the revision had the same image: an older text may not describe today's picture.
			const sameImage = revision.image_key === item.image_key;
			const content = {
				title: revision.title,
				lead: revision.lead,
				body: revision.body,
				tags: revision.tags,
				sharedWithRegion: revision.shared_with_region,
				imageAlt: sameImage ? revision.image_alt : item.image_alt,
				imageCaption: sameImage ? revision.image_caption : item.image_caption,
				contactName: revision.contact_name,
				contactEmail: revision.contact_email,
				// Which insats it tells about is not text: a restore keeps today's.
				insatsId: item.insats_id,
				projectId: item.project_id
			};
			const saved = (await saveContent(ctx.db, item, input.version, content, ctx.user.id)) ?? raise(conflict());
			await audit(ctx, 'news.restore', saved, `Återställde en tidigare version av ”${saved.title}”`, {
				revision_id: input.revisionId,
				version: saved.version
			});
			return saved;
		}),

	/**
	 * Sets the item's image, after the host stored it (see @regionportalen/media): its key and size,
	 * with the alt text an image always needs. A save like any other: versioned, with a revision.
	 */
	setImage: roleCheckedProcedure.input(setImageInput).mutation(async ({ ctx, input }) => {
		const current = await editable(ctx, input.id);
		// A stale editor learns that first; the key's check below would otherwise answer it.
		if (current.version !== input.version) raise(conflict());
		const saved =
			(await saveVersioned(ctx.db, input.id, input.version, ctx.user.id, await imageColumns(ctx.db, input))) ??
			raise(conflict());
		await audit(ctx, 'news.image_set', saved, `Satte en bild på ”${saved.title}”`, { key: input.key });
		return saved;
	}),

	removeImage: roleCheckedProcedure.input(removeImageInput).mutation(async ({ ctx, input }) => {
		const item = await editable(ctx, input.id);
		const saved = (await saveVersioned(ctx.db, input.id, input.version, ctx.user.id, NO_IMAGE)) ?? raise(conflict());
		await audit(ctx, 'news.image_remove', saved, `Tog bort bilden från ”${saved.title}”`, { key: item.image_key });
		return saved;
	}),

	/** Attachments (PDF) of an item, for its editors; visitors get them with the article. */
	attachments: roleCheckedProcedure.input(z.object({ id: idSchema })).query(async ({ ctx, input }) => {
		await editable(ctx, input.id);
		return attachments.list(ctx.db, input.id);
	}),

	addAttachment: roleCheckedProcedure.input(attachmentInput('files')).mutation(async ({ ctx, input }) => {
		const item = await editable(ctx, input.id);
		const attachment = await attachments.add(ctx.db, input);
		await audit(ctx, 'news.attachment_add', item, `Bifogade ${input.filename} till ”${item.title}”`, {
			attachment_id: attachment.id
		});
		return attachment;
	}),

	removeAttachment: roleCheckedProcedure.input(removeAttachmentInput).mutation(async ({ ctx, input }) => {
		const item = await editable(ctx, input.id);
		const removed = await attachments.remove(ctx.db, input.id, input.attachmentId);
		await audit(ctx, 'news.attachment_remove', item, `Tog bort bilagan ${removed.filename} från ”${item.title}”`, {
			attachment_id: input.attachmentId
		});
		return { storage_key: removed.storage_key };
	}),

	/** Publishes now (an item scheduled for later is brought forward; a republished one keeps its date). */
	publish: roleCheckedProcedure.input(z.object({ id: idSchema })).mutation(async ({ ctx, input }) => {
		await editable(ctx, input.id);
		return setStatus(
			ctx,
			input.id,
			{
				status: 'published',
				published_at: sql`case when published_at is null or published_at > now() then now() else published_at end`
			},
			'news.publish',
			'Publicerade'
		);
	}),

	/**
	 * Publishes at a set time. Visitors see it from then on without anyone signed in: "published and
	 * due" is decided when reading (and by the database's policy), not by a job.
	 */
	schedule: roleCheckedProcedure
		.input(
			z.object({
				id: idSchema,
				publishAt: z.coerce
					.date({ error: 'Ange datum och tid för publiceringen.' })
					.refine((d) => d.getTime() > Date.now(), 'Tiden för publicering måste ligga i framtiden.')
			})
		)
		.mutation(async ({ ctx, input }) => {
			await editable(ctx, input.id);
			return setStatus(
				ctx,
				input.id,
				{ status: 'scheduled', published_at: input.publishAt },
				'news.schedule',
				'Schemalade'
			);
		}),

	unpublish: roleCheckedProcedure.input(z.object({ id: idSchema })).mutation(async ({ ctx, input }) => {
		await editable(ctx, input.id);
		return setStatus(ctx, input.id, { status: 'draft' }, 'news.unpublish', 'Avpublicerade');
	}),

	/** Takes an item out of every list and feed while keeping it, and its history, for the record. */
	archive: roleCheckedProcedure.input(z.object({ id: idSchema })).mutation(async ({ ctx, input }) => {
		await editable(ctx, input.id);
		return setStatus(ctx, input.id, { status: 'archived' }, 'news.archive', 'Arkiverade');
	})
} satisfies TRPCRouterRecord;

function raise(error: TRPCError): never {
	throw error;
}
