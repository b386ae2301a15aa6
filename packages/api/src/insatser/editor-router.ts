import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Insats } from '@regionportalen/db';
import { insatsSubmittedMail, queueMail } from '@regionportalen/mail';
import {
	assertFeature,
	assertFreshFileKey,
	auditFor,
	idSchema,
	recordAudit,
	requireForbund,
	roleCheckedProcedure,
	type SignedInContext,
	slugSchema,
	versionSchema
} from '../core/index.ts';
import {
	assertCanApproveInsats,
	assertCanEditInsats,
	assertCanExtendCategories,
	canApproveInsats,
	canExtendCategories
} from './access.ts';
import {
	bumpVersion,
	contentColumns,
	fieldsOf,
	findRevision,
	listRevisions,
	recordRevision,
	restoredFields,
	saveVersioned
} from './edit.ts';
import {
	approvalQueue,
	findById,
	forbundOf,
	listForEditing,
	listYears,
	peopleNames,
	preciseCategories,
	swedishToday,
	uniqueSlug
} from './queries.ts';
import {
	insatsFields,
	preciseCategorySchema,
	referralInput,
	sendBackSchema,
	stateSchema,
	yearSchema,
	type InsatsFields
} from './schemas.ts';
import { removeYear, saveYear } from './years.ts';
import { assertPhasePartner } from './links.ts';

// The editorial side of the catalogue: writing, review, approval, revisions, years, reference data.
//
// Who does what: the förbund's editors, katalogadministratörer and admins write drafts and submit
// them; a katalogadministratör or admin (or a platform admin) approves, sends back with a comment,
// unpublishes and marks as reviewed. A published insats is a public record its förbund stands
// behind: from then on only an approver changes its text, figures and referral form (an editor asks
// one, or the approver unpublishes it into a draft for the editor). Its life status and intake are
// day-to-day facts, kept up to date by every writer.

/** Where the editor's pages are on a förbund's site (links in the mails point there). */
export const EDITOR_PATH = '/redaktor/insatser';
export const ADMIN_PATH = '/admin/insatser';

const audit = auditFor('insats');

const notFound = () => new TRPCError({ code: 'NOT_FOUND', message: 'Insatsen finns inte.' });
const conflict = () =>
	new TRPCError({
		code: 'CONFLICT',
		message: 'Någon annan har sparat insatsen medan du redigerade. Ladda om sidan och gör om din ändring.'
	});
const wrongStatus = (message: string) => new TRPCError({ code: 'BAD_REQUEST', message });
export const CATEGORIES_FIXED_MESSAGE =
	'Inriktning, preciserad inriktning, uppföljningsmetod och ESF-finansiering kan inte ändras efter första ' +
	'publiceringen: i Uppföljning Finsam är en sådan ändring en ny insats. Registrera en ny insats i stället.';

function raise(error: TRPCError): never {
	throw error;
}

/** The insats, if the caller may write it: not found (or hidden) → 404, another förbund's → 403. */
async function editable(ctx: SignedInContext, id: number) {
	const item = await findById(ctx.db, id);
	if (!item) throw notFound();
	assertCanEditInsats(ctx.memberships, item.forbund_id);
	await assertFeature(ctx, item, 'insatser');
	return item;
}

/** As editable; a published insats only for an approver (see the note at the top). */
async function changeable(ctx: SignedInContext, id: number) {
	const item = await editable(ctx, id);
	if (item.status === 'published' && !canApproveInsats(ctx.memberships, item.forbund_id)) {
		throw new TRPCError({
			code: 'FORBIDDEN',
			message:
				'En publicerad insats ändras bara av förbundets katalogadministratör eller administratör. ' +
				'Be någon av dem att ändra den, eller att avpublicera den så att du kan arbeta i ett utkast.'
		});
	}
	return item;
}

async function approvable(ctx: SignedInContext, id: number) {
	const item = await editable(ctx, id);
	assertCanApproveInsats(ctx.memberships, item.forbund_id);
	return item;
}

/** The checks on fields that need the database: the precise category's inriktning, the municipalities. */
async function assertFieldsFit(ctx: SignedInContext, forbundId: number, f: InsatsFields) {
	const category = await ctx.db
		.selectFrom('insats_precise_category')
		.select('inriktning')
		.where('id', '=', f.preciseCategoryId)
		.executeTakeFirst();
	if (!category) throw new TRPCError({ code: 'BAD_REQUEST', message: 'Välj en preciserad inriktning ur listan.' });
	if (category.inriktning !== f.inriktning) {
		throw new TRPCError({
			code: 'BAD_REQUEST',
			message: 'Den preciserade inriktningen hör till den andra inriktningen.'
		});
	}
	const { municipalities } = await forbundOf(ctx.db, forbundId);
	const foreign = f.municipalities.filter((m) => !municipalities.includes(m));
	if (foreign.length > 0) {
		throw new TRPCError({
			code: 'BAD_REQUEST',
			message: `${foreign.join(', ')} är inte medlem i förbundet: välj bland förbundets kommuner.`
		});
	}
}

/** Refuses a change of the four categories once the insats has been published (the trigger's rule). */
function assertCategoriesKept(item: Insats, f: InsatsFields) {
	if (item.first_published_at === null) return;
	const now = fieldsOf(item);
	if (
		now.inriktning !== f.inriktning ||
		now.preciseCategoryId !== f.preciseCategoryId ||
		now.followUp !== f.followUp ||
		now.esf !== f.esf
	) {
		throw new TRPCError({ code: 'BAD_REQUEST', message: CATEGORIES_FIXED_MESSAGE });
	}
}

/** A status change (or another non-text write), audited; it bumps the version, as news's. */
async function setColumns(
	ctx: SignedInContext,
	id: number,
	set: Record<string, unknown>,
	action: string,
	summary: (item: Insats) => string
) {
	const item = await bumpVersion(ctx.db, id, ctx.user.id, set);
	await audit(ctx, action, item, summary(item), { status: item.status, version: item.version });
	return item;
}

const idInput = z.object({ id: idSchema });
const forbundInput = z.object({ forbund: slugSchema });
/** A delprojekt: the joint project's phase the insats is its förbund's part of. */
const delprojektInput = z.object({ projectPhaseId: idSchema.nullable().default(null) });

/** The phase must have the förbund as a partner and no other delprojekt of it (one per partner and phase). */
async function assertDelprojektFree(ctx: SignedInContext, phaseId: number, forbundId: number, insatsId?: number) {
	await assertPhasePartner(ctx.db, phaseId, forbundId);
	const other = await ctx.db
		.selectFrom('insats')
		.select('name')
		.where('project_phase_id', '=', phaseId)
		.where('forbund_id', '=', forbundId)
		.$if(insatsId !== undefined, (q) => q.where('id', '<>', insatsId!))
		.executeTakeFirst();
	if (other) {
		throw new TRPCError({
			code: 'BAD_REQUEST',
			message: `Förbundet har redan ett delprojekt i den fasen: ”${other.name}”.`
		});
	}
}

export const insatsEditorRouter = {
	/** A förbund's insatser, drafts included, with status, life status and whether a review is due. */
	forEditing: roleCheckedProcedure.input(forbundInput).query(async ({ ctx, input }) => {
		const forbund = await requireForbund(ctx, input.forbund);
		assertCanEditInsats(ctx.memberships, forbund.id);
		return {
			items: await listForEditing(ctx.db, forbund.id, swedishToday()),
			canApprove: canApproveInsats(ctx.memberships, forbund.id)
		};
	}),

	/** What the editor's form chooses from: the precise categories and the förbund's municipalities. */
	editorChoices: roleCheckedProcedure.input(forbundInput).query(async ({ ctx, input }) => {
		const forbund = await requireForbund(ctx, input.forbund);
		assertCanEditInsats(ctx.memberships, forbund.id);
		const { municipalities } = await forbundOf(ctx.db, forbund.id);
		return { categories: await preciseCategories(ctx.db), municipalities };
	}),

	/** One insats for its editor: every column, its years, who reviewed and commented, what the caller may do. */
	forEdit: roleCheckedProcedure.input(idInput).query(async ({ ctx, input }) => {
		const item = await editable(ctx, input.id);
		const names = await peopleNames(ctx.db, [item.reviewed_by, item.review_comment_by, item.submitted_by]);
		const canApprove = canApproveInsats(ctx.memberships, item.forbund_id);
		return {
			...item,
			/** The saved fields as the form sends them. */
			fields: fieldsOf(item),
			years: await listYears(ctx.db, item.id),
			reviewed_by_name: item.reviewed_by === null ? null : (names.get(item.reviewed_by) ?? null),
			review_comment_by_name: item.review_comment_by === null ? null : (names.get(item.review_comment_by) ?? null),
			submitted_by_name: item.submitted_by === null ? null : (names.get(item.submitted_by) ?? null),
			canApprove,
			canChange: item.status !== 'published' || canApprove,
			categoriesFixed: item.first_published_at !== null
		};
	}),

	/** A new draft, and its first revision. */
	create: roleCheckedProcedure
		.input(insatsFields.and(forbundInput).and(delprojektInput))
		.mutation(async ({ ctx, input }) => {
			const forbund = await requireForbund(ctx, input.forbund);
			assertCanEditInsats(ctx.memberships, forbund.id);
			await assertFeature(ctx, { forbund_id: forbund.id, region_id: forbund.region_id }, 'insatser');
			const { forbund: _, projectPhaseId, ...fields } = input;
			await assertFieldsFit(ctx, forbund.id, fields);
			if (projectPhaseId !== null) await assertDelprojektFree(ctx, projectPhaseId, forbund.id);
			const created = await ctx.db
				.insertInto('insats')
				.values({
					region_id: forbund.region_id,
					forbund_id: forbund.id,
					slug: await uniqueSlug(ctx.db, forbund.id, fields.name),
					...contentColumns(fields),
					project_phase_id: projectPhaseId,
					author_id: ctx.user.id,
					updated_by: ctx.user.id
				})
				.returningAll()
				.executeTakeFirstOrThrow();
			await recordRevision(ctx.db, created, ctx.user.id);
			await audit(ctx, 'insatser.create', created, `Skapade insatsen ”${created.name}”`);
			return created;
		}),

	/** Saves an edit; refused when someone else saved since `version` was read. */
	update: roleCheckedProcedure
		.input(insatsFields.and(z.object({ id: idSchema, version: versionSchema })))
		.mutation(async ({ ctx, input }) => {
			const { id, version, ...fields } = input;
			const item = await changeable(ctx, id);
			assertCategoriesKept(item, fields);
			await assertFieldsFit(ctx, item.forbund_id, fields);
			const saved =
				(await saveVersioned(ctx.db, id, version, ctx.user.id, contentColumns(fields))) ?? raise(conflict());
			await audit(ctx, 'insatser.update', saved, `Sparade insatsen ”${saved.name}”`, { version: saved.version });
			return saved;
		}),

	/** Life status and intake (as of a date): facts any writer keeps up to date, published or not. */
	setState: roleCheckedProcedure.input(stateSchema).mutation(async ({ ctx, input }) => {
		const item = await editable(ctx, input.id);
		if (item.version !== input.version) raise(conflict());
		return setColumns(
			ctx,
			input.id,
			{
				life_status: input.lifeStatus,
				intake: input.intake,
				intake_as_of: input.intakeAsOf ?? swedishToday()
			},
			'insatser.state',
			(saved) => `Ändrade läget för insatsen ”${saved.name}”`
		);
	}),

	/** Sends a draft to the förbund's approvers, who get a mail through the outbox. */
	submit: roleCheckedProcedure.input(idInput).mutation(async ({ ctx, input }) => {
		const item = await editable(ctx, input.id);
		if (item.status !== 'draft') raise(wrongStatus('Bara ett utkast kan skickas för granskning.'));
		const saved = await setColumns(
			ctx,
			input.id,
			// The comment of an earlier send-back was answered by this submit.
			{
				status: 'review',
				submitted_at: sql`now()`,
				submitted_by: ctx.user.id,
				review_comment: '',
				review_comment_by: null
			},
			'insatser.submit',
			(s) => `Skickade insatsen ”${s.name}” för granskning`
		);
		const forbund = await forbundOf(ctx.db, item.forbund_id);
		const { rows } = await sql<{
			emails: string[];
		}>`select app_insats_approver_emails(${item.forbund_id}) as emails`.execute(ctx.db);
		const link = `${forbund.origin ?? ctx.origin ?? ''}${EDITOR_PATH}/${item.id}`;
		for (const to of rows[0]?.emails ?? []) {
			await queueMail(
				ctx.db,
				insatsSubmittedMail({ to, insats: saved.name, forbund: forbund.short_name, author: ctx.user.name, link }),
				{ forbundId: item.forbund_id, regionId: item.region_id }
			);
		}
		return saved;
	}),

	/** Back to the author as a draft, with a comment saying what to change (required). */
	sendBack: roleCheckedProcedure.input(sendBackSchema).mutation(async ({ ctx, input }) => {
		const item = await approvable(ctx, input.id);
		if (item.status !== 'review') raise(wrongStatus('Bara en insats som granskas kan skickas tillbaka.'));
		return setColumns(
			ctx,
			input.id,
			{ status: 'draft', review_comment: input.comment, review_comment_by: ctx.user.id },
			'insatser.send_back',
			(s) => `Skickade tillbaka insatsen ”${s.name}” med en kommentar`
		);
	}),

	/** Publishes: an approver's decision, which also counts as a review ("granskad senast"). */
	approve: roleCheckedProcedure.input(idInput).mutation(async ({ ctx, input }) => {
		const item = await approvable(ctx, input.id);
		if (item.status === 'published') raise(wrongStatus('Insatsen är redan publicerad.'));
		return setColumns(
			ctx,
			input.id,
			{
				status: 'published',
				published_at: sql`coalesce(published_at, now())`,
				approved_by: ctx.user.id,
				review_comment: '',
				review_comment_by: null,
				reviewed_at: swedishToday(),
				reviewed_by: ctx.user.id
			},
			'insatser.approve',
			(s) => `Godkände och publicerade insatsen ”${s.name}”`
		);
	}),

	/** Takes it out of the catalogue as a draft; its categories stay fixed (it was published). */
	unpublish: roleCheckedProcedure.input(idInput).mutation(async ({ ctx, input }) => {
		const item = await approvable(ctx, input.id);
		if (item.status !== 'published') raise(wrongStatus('Insatsen är inte publicerad.'));
		return setColumns(
			ctx,
			input.id,
			{ status: 'draft' },
			'insatser.unpublish',
			(s) => `Avpublicerade insatsen ”${s.name}”`
		);
	}),

	/** "Granskad senast": an approver has checked that the published facts still hold. */
	markReviewed: roleCheckedProcedure.input(idInput).mutation(async ({ ctx, input }) => {
		const item = await approvable(ctx, input.id);
		if (item.status !== 'published') raise(wrongStatus('Bara en publicerad insats markeras som granskad.'));
		return setColumns(
			ctx,
			input.id,
			{ reviewed_at: swedishToday(), reviewed_by: ctx.user.id },
			'insatser.review',
			(s) => `Markerade insatsen ”${s.name}” som granskad`
		);
	}),

	/** Earlier saved states, newest first. */
	revisions: roleCheckedProcedure.input(idInput).query(async ({ ctx, input }) => {
		await editable(ctx, input.id);
		return listRevisions(ctx.db, input.id);
	}),

	/** Brings back an earlier revision's fields as a new save, keeping today's four categories. */
	restore: roleCheckedProcedure
		.input(z.object({ id: idSchema, revisionId: idSchema, version: versionSchema }))
		.mutation(async ({ ctx, input }) => {
			const item = await changeable(ctx, input.id);
			const revision = await findRevision(ctx.db, input.id, input.revisionId);
			if (!revision) throw new TRPCError({ code: 'NOT_FOUND', message: 'Versionen finns inte.' });
			const fields = restoredFields(item, revision.data);
			// A municipality may have left the förbund since: keep only today's members.
			const { municipalities } = await forbundOf(ctx.db, item.forbund_id);
			fields.municipalities = fields.municipalities.filter((m) => municipalities.includes(m));
			const saved =
				(await saveVersioned(ctx.db, input.id, input.version, ctx.user.id, contentColumns(fields))) ??
				raise(conflict());
			await audit(ctx, 'insatser.restore', saved, `Återställde en tidigare version av ”${saved.name}”`, {
				revision_id: input.revisionId,
				version: saved.version
			});
			return saved;
		}),

	/** Makes the insats its förbund's delprojekt in a joint project's phase, or (null) no longer one. */
	setDelprojekt: roleCheckedProcedure
		.input(delprojektInput.extend({ id: idSchema, version: versionSchema }))
		.mutation(async ({ ctx, input }) => {
			const item = await changeable(ctx, input.id);
			if (item.version !== input.version) raise(conflict());
			if (input.projectPhaseId !== null)
				await assertDelprojektFree(ctx, input.projectPhaseId, item.forbund_id, item.id);
			return setColumns(ctx, input.id, { project_phase_id: input.projectPhaseId }, 'insatser.delprojekt', (s) =>
				input.projectPhaseId === null
					? `Insatsen ”${s.name}” är inte längre ett delprojekt`
					: `Gjorde insatsen ”${s.name}” till delprojekt i ett samverkansprojekt`
			);
		}),

	/** Adds a year or replaces its figures (aggregate counts only). */
	saveYear: roleCheckedProcedure.input(yearSchema).mutation(async ({ ctx, input }) => {
		const item = await changeable(ctx, input.id);
		const year = await saveYear(ctx.db, input);
		await audit(ctx, 'insatser.year_save', item, `Sparade år ${input.year} för insatsen ”${item.name}”`, {
			year: input.year
		});
		return year;
	}),

	removeYear: roleCheckedProcedure
		.input(z.object({ id: idSchema, year: yearSchema.shape.year }))
		.mutation(async ({ ctx, input }) => {
			const item = await changeable(ctx, input.id);
			const removed = await removeYear(ctx.db, input.id, input.year);
			if (!removed) throw new TRPCError({ code: 'NOT_FOUND', message: 'Året finns inte för insatsen.' });
			await audit(ctx, 'insatser.year_remove', item, `Tog bort år ${input.year} från insatsen ”${item.name}”`, {
				year: input.year
			});
			return { year: input.year };
		}),

	/** Sets the referral form after the host stored and checked the PDF; returns the old one's key to delete. */
	setReferral: roleCheckedProcedure.input(referralInput).mutation(async ({ ctx, input }) => {
		const item = await changeable(ctx, input.id);
		if (item.version !== input.version) raise(conflict());
		await assertFreshFileKey(ctx.db, input.key);
		const saved = await setColumns(
			ctx,
			input.id,
			{ referral_key: input.key, referral_filename: input.filename, referral_size_bytes: input.size },
			'insatser.referral_set',
			(s) => `Laddade upp en remissblankett till insatsen ”${s.name}”`
		);
		return { item: saved, replaced: item.referral_key };
	}),

	removeReferral: roleCheckedProcedure
		.input(z.object({ id: idSchema, version: versionSchema }))
		.mutation(async ({ ctx, input }) => {
			const item = await changeable(ctx, input.id);
			if (item.version !== input.version) raise(conflict());
			if (!item.referral_key) throw new TRPCError({ code: 'NOT_FOUND', message: 'Insatsen har ingen remissblankett.' });
			const saved = await setColumns(
				ctx,
				input.id,
				{ referral_key: null, referral_filename: null, referral_size_bytes: null },
				'insatser.referral_remove',
				(s) => `Tog bort remissblanketten från insatsen ”${s.name}”`
			);
			return { item: saved, storage_key: item.referral_key };
		}),

	/** The admin page: what waits for approval, and what has not been reviewed for 12 months. */
	approvalQueue: roleCheckedProcedure.input(forbundInput).query(async ({ ctx, input }) => {
		const forbund = await requireForbund(ctx, input.forbund);
		assertCanApproveInsats(ctx.memberships, forbund.id);
		return {
			...(await approvalQueue(ctx.db, forbund.id, swedishToday())),
			// A platform admin extends the reference list from the same page.
			categories: canExtendCategories(ctx.memberships) ? await preciseCategories(ctx.db) : null
		};
	}),

	/** Extends the reference list of precise categories (a platform admin's). */
	addPreciseCategory: roleCheckedProcedure.input(preciseCategorySchema).mutation(async ({ ctx, input }) => {
		assertCanExtendCategories(ctx.memberships);
		const exists = await ctx.db
			.selectFrom('insats_precise_category')
			.select('id')
			.where('inriktning', '=', input.inriktning)
			.where(sql`lower(label)`, '=', input.label.toLowerCase())
			.executeTakeFirst();
		if (exists) throw new TRPCError({ code: 'CONFLICT', message: 'Den preciserade inriktningen finns redan.' });
		const row = await ctx.db
			.insertInto('insats_precise_category')
			.values({
				inriktning: input.inriktning,
				label: input.label,
				position: sql`(select coalesce(max(position), 0) + 1 from insats_precise_category where inriktning = ${input.inriktning})`
			})
			.returningAll()
			.executeTakeFirstOrThrow();
		await recordAuditForCategory(ctx, row.id, row.label);
		return row;
	})
} satisfies TRPCRouterRecord;

/** Reference data belongs to no tenant: its entry is the platform's (no region, no förbund). */
async function recordAuditForCategory(ctx: SignedInContext, id: number, label: string) {
	await recordAudit(ctx.db, ctx.user, {
		action: 'insatser.category_add',
		entity_type: 'insats_precise_category',
		entity_id: String(id),
		region_id: null,
		forbund_id: null,
		summary: `Lade till den preciserade inriktningen ”${label}”`,
		detail: {}
	});
}
