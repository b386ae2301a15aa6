import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { sql } from 'kysely';
import { z } from 'zod';
import { DOCUMENT_KINDS } from '@regionportalen/db';
import {
	assertFeature,
	assertFreshFileKey,
	auditFor,
	idSchema,
	ownerSchema,
	pageSchema,
	publicProcedure,
	querySchema,
	resolveOwner,
	roleCheckedProcedure,
	type SignedInContext
} from '../core/index.ts';
import { assertLinkableInsats, insatsChoices } from '../insatser/index.ts';
import { assertLinkableProject, projectChoices } from '../projects/index.ts';
import { assertCanEditDocuments } from './access.ts';
import { documentsOfProject, findById, listForEditing, listPublic, publicYears, scopeOf } from './queries.ts';
import { searchDocuments } from './search.ts';

// The document library: a site's public PDFs (and an insats's, on its page), their editing, and the
// site search's document hits. The host stores the PDF (packages/media, checked as every PDF is)
// before create records it, and deletes the file once delete has let go of it; the worker extracts
// the text afterwards (text_status 'pending' until then).

export const DOCUMENTS_PAGE_SIZE = 20;
const MAX_BYTES = 20 * 1024 * 1024;

const kindSchema = z.enum(DOCUMENT_KINDS, 'Välj vilken sorts dokument det är.');
const yearSchema = z.coerce.number().int().min(1900).max(2200);

const documentFields = z.object({
	title: z.string().trim().min(2, 'Titeln behöver minst 2 tecken.').max(300, 'Titeln får vara högst 300 tecken.'),
	documentDate: z.iso.date('Ange dokumentets datum (ÅÅÅÅ-MM-DD).'),
	kind: kindSchema,
	diarienummer: z.string().trim().max(60, 'Diarienumret får vara högst 60 tecken.').default(''),
	description: z.string().trim().max(2000, 'Beskrivningen får vara högst 2 000 tecken.').default(''),
	/** The insats the document belongs to (a förbund's document only); it shows on the insats's page. */
	insatsId: idSchema.nullable().default(null),
	/** The joint project the document is of (one its owner takes part in); it shows on the project's page. */
	projectId: idSchema.nullable().default(null)
});

const fileFields = z.object({
	key: z.string().regex(/^files\/[a-f0-9]{32}\/[a-z0-9._-]+$/, 'Ogiltig fil.'),
	filename: z.string().trim().min(1).max(200),
	size: z.number().int().positive().max(MAX_BYTES, 'Filen får vara högst 20 MB.')
});

const filterSchema = z.object({
	kind: kindSchema.nullable().default(null),
	year: yearSchema.nullable().default(null),
	insatsId: idSchema.nullable().default(null)
});

const audit = auditFor('document');
const notFound = () => new TRPCError({ code: 'NOT_FOUND', message: 'Dokumentet finns inte.' });

/** The document, if the caller may change it: not found (or hidden by RLS) → 404, another owner's → 403. */
async function editable(ctx: SignedInContext, id: number) {
	const document = await findById(ctx.db, id);
	if (!document) throw notFound();
	assertCanEditDocuments(ctx.memberships, document);
	await assertFeature(ctx, document, 'documents');
	return document;
}

async function checkInsats(ctx: SignedInContext, insatsId: number | null, forbundId: number | null) {
	if (insatsId !== null) await assertLinkableInsats(ctx.db, insatsId, forbundId);
}

export const documentsRouter = {
	/**
	 * A page of a library, newest first, filtered by kind, year and insats; with the years it has
	 * documents from (the year filter's choices). Public: a document of an unpublished insats is not in it.
	 */
	list: publicProcedure
		.input(filterSchema.extend({ owner: ownerSchema, page: pageSchema }))
		.query(async ({ ctx, input }) => {
			const scope = scopeOf(await resolveOwner(ctx, input.owner));
			const [result, years] = await Promise.all([
				listPublic(ctx.db, scope, input, input.page, DOCUMENTS_PAGE_SIZE),
				publicYears(ctx.db, scope)
			]);
			return { ...result, years };
		}),

	/** The site search's document hits: the best `limit` matching `q`, with marked titles and snippets. */
	search: publicProcedure
		.input(
			z.object({
				owner: ownerSchema,
				q: querySchema,
				limit: z.number().int().min(1).max(20).default(5),
				short: z.boolean().default(false)
			})
		)
		.query(async ({ ctx, input }) =>
			searchDocuments(ctx.db, scopeOf(await resolveOwner(ctx, input.owner)), input.q, {
				limit: input.limit,
				short: input.short
			})
		),

	/** A joint project's documents for its page, newest first: whoever of its parties published them. */
	ofProject: publicProcedure
		.input(z.object({ projectId: idSchema }))
		.query(({ ctx, input }) => documentsOfProject(ctx.db, input.projectId)),

	/** The joint projects a document may be of: those its owner takes part in. */
	projectChoices: roleCheckedProcedure.input(z.object({ owner: ownerSchema })).query(async ({ ctx, input }) => {
		const owner = await resolveOwner(ctx, input.owner);
		assertCanEditDocuments(ctx.memberships, { forbund_id: owner.forbundId, region_id: owner.regionId });
		return projectChoices(ctx.db, owner);
	}),

	/** Every document of an owner (its own, on the hub the region's), for its editors. */
	forEditing: roleCheckedProcedure.input(z.object({ owner: ownerSchema })).query(async ({ ctx, input }) => {
		const owner = await resolveOwner(ctx, input.owner);
		assertCanEditDocuments(ctx.memberships, { forbund_id: owner.forbundId, region_id: owner.regionId });
		return listForEditing(ctx.db, owner);
	}),

	/** The insatser a förbund's document may belong to, for the editor's choice (none for a region's). */
	insatsChoices: roleCheckedProcedure.input(z.object({ owner: ownerSchema })).query(async ({ ctx, input }) => {
		const owner = await resolveOwner(ctx, input.owner);
		assertCanEditDocuments(ctx.memberships, { forbund_id: owner.forbundId, region_id: owner.regionId });
		return owner.forbundId === null ? [] : insatsChoices(ctx.db, owner.forbundId);
	}),

	byId: roleCheckedProcedure.input(z.object({ id: idSchema })).query(({ ctx, input }) => editable(ctx, input.id)),

	/** Records a PDF the host has stored, with its facts; its text is extracted by the worker. */
	create: roleCheckedProcedure
		.input(documentFields.extend(fileFields.shape).extend({ owner: ownerSchema }))
		.mutation(async ({ ctx, input }) => {
			const owner = await resolveOwner(ctx, input.owner);
			const ownerRow = { forbund_id: owner.forbundId, region_id: owner.regionId };
			assertCanEditDocuments(ctx.memberships, ownerRow);
			await assertFeature(ctx, ownerRow, 'documents');
			await checkInsats(ctx, input.insatsId, owner.forbundId);
			if (input.projectId !== null) await assertLinkableProject(ctx.db, input.projectId, owner);
			await assertFreshFileKey(ctx.db, input.key);
			const created = await ctx.db
				.insertInto('document')
				.values({
					...ownerRow,
					insats_id: input.insatsId,
					project_id: input.projectId,
					title: input.title,
					document_date: input.documentDate,
					kind: input.kind,
					diarienummer: input.diarienummer,
					description: input.description,
					storage_key: input.key,
					filename: input.filename,
					size_bytes: input.size,
					created_by: ctx.user.id,
					updated_by: ctx.user.id
				})
				.returning(['id', 'region_id', 'forbund_id', 'title'])
				.executeTakeFirstOrThrow();
			await audit(ctx, 'documents.create', created, `Laddade upp dokumentet ”${created.title}”`, {
				kind: input.kind,
				key: input.key
			});
			return created;
		}),

	/** Saves the facts of a document (its file stays; a new file is a new document). */
	update: roleCheckedProcedure.input(documentFields.extend({ id: idSchema })).mutation(async ({ ctx, input }) => {
		const document = await editable(ctx, input.id);
		if (input.insatsId !== document.insats_id) await checkInsats(ctx, input.insatsId, document.forbund_id);
		if (input.projectId !== null && input.projectId !== document.project_id) {
			await assertLinkableProject(ctx.db, input.projectId, {
				forbundId: document.forbund_id,
				regionId: document.region_id
			});
		}
		const saved = await ctx.db
			.updateTable('document')
			.set({
				title: input.title,
				document_date: input.documentDate,
				kind: input.kind,
				diarienummer: input.diarienummer,
				description: input.description,
				insats_id: input.insatsId,
				project_id: input.projectId,
				updated_by: ctx.user.id,
				updated_at: sql`now()`
			})
			.where('id', '=', input.id)
			.returning(['id', 'region_id', 'forbund_id', 'title'])
			.executeTakeFirstOrThrow();
		await audit(ctx, 'documents.update', saved, `Sparade dokumentet ”${saved.title}”`, {
			kind: input.kind,
			insats_id: input.insatsId
		});
		return saved;
	}),

	/** Removes a document; the host deletes its file with the key it returns. */
	delete: roleCheckedProcedure.input(z.object({ id: idSchema })).mutation(async ({ ctx, input }) => {
		const document = await editable(ctx, input.id);
		const removed = await ctx.db
			.deleteFrom('document')
			.where('id', '=', input.id)
			.returning(['storage_key'])
			.executeTakeFirst();
		if (!removed) throw notFound();
		await audit(ctx, 'documents.delete', document, `Tog bort dokumentet ”${document.title}”`, {
			key: document.storage_key
		});
		return { storage_key: removed.storage_key };
	})
} satisfies TRPCRouterRecord;
