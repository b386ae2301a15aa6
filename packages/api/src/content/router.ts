import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { sql } from 'kysely';
import { z } from 'zod';
import {
	assertFeature,
	attachmentInput,
	auditFor,
	idSchema,
	imageColumns,
	NO_IMAGE,
	ownerSchema,
	publicProcedure,
	querySchema,
	removeAttachmentInput,
	removeImageInput,
	renderMarkdown,
	resolveOwner,
	roleCheckedProcedure,
	setImageInput,
	signedInProcedure,
	type SignedInContext,
	slugify,
	slugSchema,
	storedHtml,
	versionSchema
} from '../core/index.ts';
import { assertCanEditPages } from './access.ts';
import { bumpVersion, findRevision, listRevisions, recordRevision, saveVersioned, textColumns } from './edit.ts';
import { placeFor, uniqueSlug } from './place.ts';
import {
	attachments,
	editingTree,
	editingTreeForChange,
	findById,
	findPublishedPage,
	findRedirect,
	hasChildren,
	publishedTree
} from './queries.ts';
import { addressesUnder, dropShadowed, recordRedirects } from './redirects.ts';
import { searchPages } from './search.ts';
import { ancestorsOf } from './tree.ts';

/** How many page hits the site search shows above the news. */
export const PAGE_HITS = 5;

const version = versionSchema;

const textFields = z.object({
	title: z.string().trim().min(2, 'Rubriken behöver minst 2 tecken.').max(200, 'Rubriken får vara högst 200 tecken.'),
	lead: z.string().trim().max(600, 'Ingressen får vara högst 600 tecken.').default(''),
	body: z.string().trim().max(100_000, 'Texten är för lång.').default(''),
	imageAlt: z.string().trim().max(300, 'Alternativtexten får vara högst 300 tecken.').default(''),
	imageCaption: z.string().trim().max(300, 'Bildtexten får vara högst 300 tecken.').default('')
});

const pageSlug = z
	.string()
	.trim()
	.min(1, 'Ange sidans adress.')
	.max(80, 'Adressen får vara högst 80 tecken.')
	.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Adressen får bara innehålla små bokstäver a–z, siffror och bindestreck.');

const placeFields = z.object({
	parentId: idSchema.nullable().default(null),
	position: z.number().int('Ordningen ska vara ett heltal.').min(0).max(10_000).optional()
});

/** A path as the address gives it: /om-forbundet/styrelse is ['om-forbundet', 'styrelse']. */
const pathSchema = z.array(slugSchema).min(1).max(10);

const notFound = () =>
	new TRPCError({
		code: 'NOT_FOUND',
		message: 'Sidan finns inte. Kontrollera adressen, eller börja om från startsidan.'
	});
const conflict = () =>
	new TRPCError({
		code: 'CONFLICT',
		message: 'Någon annan har sparat sidan medan du redigerade. Ladda om sidan och gör om din ändring.'
	});
function raise(error: TRPCError): never {
	throw error;
}

/** The entry every write leaves, in the write's transaction. */
const audit = auditFor('content_page');

const ownerOf = (page: { forbund_id: number | null; region_id: number }) => ({
	forbundId: page.forbund_id,
	regionId: page.region_id
});

/** The page, if the caller may edit it: not found (or hidden by RLS) → 404, another owner's → 403. */
async function editable(ctx: SignedInContext, id: number) {
	const page = await findById(ctx.db, id);
	if (!page) throw new TRPCError({ code: 'NOT_FOUND', message: 'Sidan finns inte.' });
	assertCanEditPages(ctx.memberships, page);
	await assertFeature(ctx, page, 'content');
	return page;
}

/** A status change, audited; it bumps the version, so an open editor learns of it on its next save. */
async function setStatus(ctx: SignedInContext, id: number, set: Record<string, unknown>, action: string, verb: string) {
	const page = await bumpVersion(ctx.db, id, ctx.user.id, set);
	await audit(ctx, action, page, `${verb} sidan ”${page.title}”`, { status: page.status });
	return page;
}

export const contentRouter = {
	/**
	 * The published page at `path` with its breadcrumbs, published children and attachments; or, for
	 * an address a page had before it moved, `{ redirect }` with its current one (under the owner's
	 * base, like `path`); else 404.
	 */
	byPath: publicProcedure.input(z.object({ owner: ownerSchema, path: pathSchema })).query(async ({ ctx, input }) => {
		const owner = await resolveOwner(ctx, input.owner);
		const tree = await publishedTree(ctx.db, owner);
		const wanted = `/${input.path.join('/')}`;
		const placed = tree.find((p) => p.path === wanted);
		if (!placed) {
			const pageId = await findRedirect(ctx.db, owner, wanted);
			const target = pageId === null ? undefined : tree.find((p) => p.id === pageId);
			if (target) return { redirect: target.path };
			throw notFound();
		}
		const page = (await findPublishedPage(ctx.db, placed.id)) ?? raise(notFound());
		const { body_md: _, ...rest } = page;
		return {
			page: { ...rest, path: placed.path, body_html: storedHtml(page) },
			breadcrumbs: (ancestorsOf(tree, placed.id) ?? []).map((p) => ({ title: p.title, path: p.path })),
			children: tree
				.filter((p) => p.parent_id === placed.id)
				.map((p) => ({ id: p.id, title: p.title, lead: p.lead, path: p.path }))
		};
	}),

	/** Every published page a visitor can reach, in menu order: what a menu is built from. */
	tree: publicProcedure.input(z.object({ owner: ownerSchema })).query(async ({ ctx, input }) => {
		const tree = await publishedTree(ctx.db, await resolveOwner(ctx, input.owner));
		return tree.map((p) => ({ id: p.id, parent_id: p.parent_id, title: p.title, path: p.path, position: p.position }));
	}),

	/** The addresses of every reachable published page, for sitemap.xml. */
	sitemap: publicProcedure.input(z.object({ owner: ownerSchema })).query(async ({ ctx, input }) => {
		const tree = await publishedTree(ctx.db, await resolveOwner(ctx, input.owner));
		return tree.map((p) => ({ path: p.path, updated_at: p.updated_at }));
	}),

	/** The site search's page hits: the best few published pages matching `q`. */
	search: publicProcedure
		.input(z.object({ owner: ownerSchema, q: querySchema }))
		.query(async ({ ctx, input }) => searchPages(ctx.db, await resolveOwner(ctx, input.owner), input.q, PAGE_HITS)),

	/** What an editor's Markdown will look like: the same rendering and sanitising as on saving. */
	preview: signedInProcedure
		.input(z.object({ body: textFields.shape.body }))
		.query(({ input }) => ({ html: renderMarkdown(input.body) })),

	/** Every page of a förbund or region, drafts included, in tree order with its depth, for its editors. */
	forEditing: roleCheckedProcedure.input(z.object({ owner: ownerSchema })).query(async ({ ctx, input }) => {
		const owner = await resolveOwner(ctx, input.owner);
		assertCanEditPages(ctx.memberships, { forbund_id: owner.forbundId, region_id: owner.regionId });
		return editingTree(ctx.db, owner);
	}),

	/** One page for its editor, with its current address. */
	byId: roleCheckedProcedure.input(z.object({ id: idSchema })).query(async ({ ctx, input }) => {
		const page = await editable(ctx, input.id);
		const placed = (await editingTree(ctx.db, ownerOf(page))).find((p) => p.id === page.id);
		return { ...page, path: placed?.path ?? `/${page.slug}` };
	}),

	/** A new draft, and its first revision; its slug is the title's unless one is given. */
	create: roleCheckedProcedure
		.input(textFields.extend({ owner: ownerSchema, slug: pageSlug.optional() }).extend(placeFields.shape))
		.mutation(async ({ ctx, input }) => {
			const owner = await resolveOwner(ctx, input.owner);
			const key = { forbund_id: owner.forbundId, region_id: owner.regionId };
			assertCanEditPages(ctx.memberships, key);
			await assertFeature(ctx, key, 'content');
			const tree = await editingTreeForChange(ctx.db, owner);
			const slug = input.slug ?? uniqueSlug(tree, input.parentId, slugify(input.title));
			const place = placeFor(tree, { pageId: null, parentId: input.parentId, slug, position: input.position });
			const created = await ctx.db
				.insertInto('content_page')
				.values({
					region_id: owner.regionId,
					forbund_id: owner.forbundId,
					...place,
					...textColumns(input),
					author_id: ctx.user.id,
					updated_by: ctx.user.id
				})
				.returningAll()
				.executeTakeFirstOrThrow();
			await recordRevision(ctx.db, created, ctx.user.id);
			// The new page's address answers for it now, not as someone else's old address.
			await dropShadowed(ctx.db, owner, [
				`${tree.find((p) => p.id === created.parent_id)?.path ?? ''}/${created.slug}`
			]);
			await audit(ctx, 'content.create', created, `Skapade sidan ”${created.title}”`);
			return created;
		}),

	/**
	 * Saves an edit; refused when someone else saved since `version` was read. A new slug or parent
	 * keeps the old addresses of the page and everything under it as redirects, in the same transaction.
	 */
	update: roleCheckedProcedure
		.input(textFields.extend({ id: idSchema, version, slug: pageSlug }).extend(placeFields.shape))
		.mutation(async ({ ctx, input }) => {
			const { id, version: readVersion, slug, parentId, position, ...text } = input;
			const page = await editable(ctx, id);
			if (page.image_key && !text.imageAlt) {
				throw new TRPCError({ code: 'BAD_REQUEST', message: 'Bilden behöver en alternativtext som beskriver den.' });
			}
			const owner = ownerOf(page);
			const tree = await editingTreeForChange(ctx.db, owner);
			const place = placeFor(tree, { pageId: id, parentId, slug, position: position ?? page.position });
			const moved = place.slug !== page.slug || place.parent_id !== page.parent_id;
			const oldAddresses = moved ? addressesUnder(tree, id) : [];
			const saved =
				(await saveVersioned(ctx.db, id, readVersion, ctx.user.id, { ...place, ...textColumns(text) })) ??
				raise(conflict());
			if (moved) await recordRedirects(ctx.db, owner, oldAddresses);
			await audit(ctx, 'content.update', saved, `Sparade sidan ”${saved.title}”`, {
				version: saved.version,
				moved
			});
			return saved;
		}),

	publish: roleCheckedProcedure.input(z.object({ id: idSchema })).mutation(async ({ ctx, input }) => {
		await editable(ctx, input.id);
		return setStatus(
			ctx,
			input.id,
			{ status: 'published', published_at: sql`coalesce(published_at, now())` },
			'content.publish',
			'Publicerade'
		);
	}),

	unpublish: roleCheckedProcedure.input(z.object({ id: idSchema })).mutation(async ({ ctx, input }) => {
		await editable(ctx, input.id);
		return setStatus(ctx, input.id, { status: 'draft' }, 'content.unpublish', 'Avpublicerade');
	}),

	/** Earlier saved states, newest first. */
	revisions: roleCheckedProcedure.input(z.object({ id: idSchema })).query(async ({ ctx, input }) => {
		await editable(ctx, input.id);
		return listRevisions(ctx.db, input.id);
	}),

	/**
	 * Brings back an earlier revision's text as a new save (history is never rewritten). Its place in
	 * the tree stays: restoring text never changes an address behind the editor's back.
	 */
	restore: roleCheckedProcedure
		.input(z.object({ id: idSchema, revisionId: idSchema, version }))
		.mutation(async ({ ctx, input }) => {
			const page = await editable(ctx, input.id);
			const revision = await findRevision(ctx.db, input.id, input.revisionId);
			if (!revision) throw new TRPCError({ code: 'NOT_FOUND', message: 'Versionen finns inte.' });
			// The image is not restored (it has its own procedures): an older alt text may not describe it.
			const sameImage = revision.image_key === page.image_key;
			const text = {
				title: revision.title,
				lead: revision.lead,
				body: revision.body,
				imageAlt: sameImage ? revision.image_alt : page.image_alt,
				imageCaption: sameImage ? revision.image_caption : page.image_caption
			};
			const saved =
				(await saveVersioned(ctx.db, page.id, input.version, ctx.user.id, textColumns(text))) ?? raise(conflict());
			await audit(ctx, 'content.restore', saved, `Återställde en tidigare version av ”${saved.title}”`, {
				revision_id: input.revisionId,
				version: saved.version
			});
			return saved;
		}),

	/** Sets the page's image after the host stored it (@regionportalen/media), with its required alt text. */
	setImage: roleCheckedProcedure.input(setImageInput).mutation(async ({ ctx, input }) => {
		const current = await editable(ctx, input.id);
		// A stale editor learns that first; the key's check below would otherwise answer it.
		if (current.version !== input.version) raise(conflict());
		const saved =
			(await saveVersioned(ctx.db, input.id, input.version, ctx.user.id, await imageColumns(ctx.db, input))) ??
			raise(conflict());
		await audit(ctx, 'content.image_set', saved, `Satte en bild på ”${saved.title}”`, { key: input.key });
		return saved;
	}),

	removeImage: roleCheckedProcedure.input(removeImageInput).mutation(async ({ ctx, input }) => {
		const page = await editable(ctx, input.id);
		const saved = (await saveVersioned(ctx.db, input.id, input.version, ctx.user.id, NO_IMAGE)) ?? raise(conflict());
		await audit(ctx, 'content.image_remove', saved, `Tog bort bilden från ”${saved.title}”`, { key: page.image_key });
		return saved;
	}),

	/** Attachments (PDF) of a page, for its editors; visitors get them with the page. */
	attachments: roleCheckedProcedure.input(z.object({ id: idSchema })).query(async ({ ctx, input }) => {
		await editable(ctx, input.id);
		return attachments.list(ctx.db, input.id);
	}),

	addAttachment: roleCheckedProcedure.input(attachmentInput('files')).mutation(async ({ ctx, input }) => {
		const page = await editable(ctx, input.id);
		const attachment = await attachments.add(ctx.db, input);
		await audit(ctx, 'content.attachment_add', page, `Bifogade ${input.filename} till ”${page.title}”`, {
			attachment_id: attachment.id
		});
		return attachment;
	}),

	removeAttachment: roleCheckedProcedure.input(removeAttachmentInput).mutation(async ({ ctx, input }) => {
		const page = await editable(ctx, input.id);
		const removed = await attachments.remove(ctx.db, input.id, input.attachmentId);
		await audit(ctx, 'content.attachment_remove', page, `Tog bort bilagan ${removed.filename} från ”${page.title}”`, {
			attachment_id: input.attachmentId
		});
		return { storage_key: removed.storage_key };
	}),

	/**
	 * Deletes a page with its history, attachments and redirects; refused while pages lie under it.
	 * Returns the stored files it leaves behind, for the host to delete.
	 */
	remove: roleCheckedProcedure.input(z.object({ id: idSchema })).mutation(async ({ ctx, input }) => {
		const page = await editable(ctx, input.id);
		if (await hasChildren(ctx.db, page.id)) {
			throw new TRPCError({
				code: 'BAD_REQUEST',
				message: 'Sidan har undersidor. Flytta eller ta bort dem först.'
			});
		}
		const files = await attachments.list(ctx.db, page.id);
		// Row-level security may leave the row in place without an error: then nothing was removed.
		const deleted = await ctx.db
			.deleteFrom('content_page')
			.where('id', '=', page.id)
			.returning('id')
			.executeTakeFirst();
		if (!deleted) throw new TRPCError({ code: 'NOT_FOUND', message: 'Sidan finns inte.' });
		await audit(ctx, 'content.remove', page, `Tog bort sidan ”${page.title}”`);
		return {
			attachmentKeys: files.map((f) => f.storage_key),
			image: page.image_key ? { key: page.image_key, width: page.image_width } : null
		};
	})
} satisfies TRPCRouterRecord;
