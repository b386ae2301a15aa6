import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Project } from '@regionportalen/db';
import { projectSubmittedMail, queueMail } from '@regionportalen/mail';
import {
	assertFeature,
	auditFor,
	forbundOfRegion,
	idSchema,
	ownerSchema,
	requireForbund,
	resolveOwner,
	roleCheckedProcedure,
	type SignedInContext,
	slugSchema,
	versionSchema
} from '../core/index.ts';
import {
	assertCanApproveProject,
	assertCanWriteProject,
	canApproveProject,
	canChangePublishedProject,
	canWriteProject,
	canWriteProjectsOf,
	isForbundWriter
} from './access.ts';
import { bumpVersion, contentColumns, fieldsOf, listRevisions, recordRevision, saveVersioned } from './edit.ts';
import { findProject, insertWithFreeSlug, listForEditing, phasesOfPartner, structureOf } from './queries.ts';
import { projectFields, sendBackSchema } from './schemas.ts';

// The editorial side of a joint project: its text and its flow (draft → review → published, with a
// comment on a send-back), and the lists its editors work from. Its structure (phases, partners,
// funding, indicators, milestones) is structure-router.ts.

/** Where the editor's pages are on a site (under the hub's /<region> there). */
export const PROJECT_EDITOR_PATH = '/redaktor/projekt';

export const audit = auditFor('project');

const notFound = () => new TRPCError({ code: 'NOT_FOUND', message: 'Projektet finns inte.' });
const conflict = () =>
	new TRPCError({
		code: 'CONFLICT',
		message: 'Någon annan har sparat projektet medan du redigerade. Ladda om sidan och gör om din ändring.'
	});
const wrongStatus = (message: string) => new TRPCError({ code: 'BAD_REQUEST', message });

/** The audited row of a project: the owner förbund's and its region's. */
export const audited = (p: Project) => ({ id: p.id, region_id: p.region_id, forbund_id: p.owner_forbund_id });

/** The project, if the caller may write it: not found (or hidden) → 404, a partner's or another's → 403. */
export async function writable(ctx: SignedInContext, id: number) {
	const project = await findProject(ctx.db, id);
	if (!project) throw notFound();
	assertCanWriteProject(ctx.memberships, project);
	await assertFeature(ctx, { forbund_id: project.owner_forbund_id, region_id: project.region_id }, 'projects');
	return project;
}

/** As writable; a published project only for its approver or a coordinator of the region. */
export async function changeable(ctx: SignedInContext, id: number) {
	const project = await writable(ctx, id);
	if (project.status === 'published' && !canChangePublishedProject(ctx.memberships, project)) {
		throw new TRPCError({
			code: 'FORBIDDEN',
			message:
				'Ett publicerat projekt ändras bara av projektägarens förbundsadministratör eller regionens samordnare. ' +
				'Be någon av dem att ändra det, eller att avpublicera det så att du kan arbeta i ett utkast.'
		});
	}
	return project;
}

async function approvable(ctx: SignedInContext, id: number) {
	const project = await writable(ctx, id);
	assertCanApproveProject(ctx.memberships, project);
	return project;
}

async function setColumns(
	ctx: SignedInContext,
	id: number,
	set: Record<string, unknown>,
	action: string,
	summary: (p: Project) => string
) {
	const project = await bumpVersion(ctx.db, id, ctx.user.id, set);
	await audit(ctx, action, audited(project), summary(project), { status: project.status, version: project.version });
	return project;
}

const idInput = z.object({ id: idSchema });
const ownerInput = z.object({ owner: ownerSchema });

export const projectEditorRouter = {
	/**
	 * The editor's list: on a förbund's site the projects it owns or is a partner of (with its
	 * delprojekt per phase), on the hub the region's. Drafts included as far as the caller may see them.
	 */
	forEditing: roleCheckedProcedure.input(ownerInput).query(async ({ ctx, input }) => {
		const owner = await resolveOwner(ctx, input.owner);
		const canCreate = canWriteProjectsOf(ctx.memberships, owner);
		const partnerOf = owner.forbundId !== null && isForbundWriter(ctx.memberships, owner.forbundId);
		if (!canCreate && !partnerOf) {
			throw new TRPCError({ code: 'FORBIDDEN', message: 'Du har inte behörighet att redigera projekt här.' });
		}
		const items = await listForEditing(ctx.db, owner);
		return {
			items: items.map((item) => ({
				...item,
				canWrite: canWriteProject(ctx.memberships, item),
				canApprove: canApproveProject(ctx.memberships, item)
			})),
			canCreate,
			delprojekt: owner.forbundId !== null && partnerOf ? await phasesOfPartner(ctx.db, owner.forbundId) : []
		};
	}),

	/** The förbund of the region: owners to choose on the hub, partners to add to a phase. */
	editorChoices: roleCheckedProcedure.input(ownerInput).query(async ({ ctx, input }) => {
		const owner = await resolveOwner(ctx, input.owner);
		if (!canWriteProjectsOf(ctx.memberships, owner)) {
			throw new TRPCError({ code: 'FORBIDDEN', message: 'Du har inte behörighet att redigera projekt här.' });
		}
		const forbund = await forbundOfRegion(ctx, owner.regionId);
		return { forbund: forbund.map(({ id, slug, name, short_name }) => ({ id, slug, name, short_name })) };
	}),

	/** One project for its editor: every column, its structure, and what the caller may do. */
	forEdit: roleCheckedProcedure.input(idInput).query(async ({ ctx, input }) => {
		const project = await writable(ctx, input.id);
		const owner = await ctx.db
			.selectFrom('forbund')
			.select(['slug', 'name', 'short_name'])
			.where('id', '=', project.owner_forbund_id)
			.executeTakeFirstOrThrow();
		const canApprove = canApproveProject(ctx.memberships, project);
		return {
			...project,
			owner,
			fields: fieldsOf(project),
			...(await structureOf(ctx.db, project.id)),
			canApprove,
			canChange: project.status !== 'published' || canChangePublishedProject(ctx.memberships, project)
		};
	}),

	/** A new draft and its first revision; on the hub a coordinator names the owner förbund. */
	create: roleCheckedProcedure
		.input(projectFields.extend({ owner: ownerSchema, ownerForbund: slugSchema.optional() }))
		.mutation(async ({ ctx, input }) => {
			const { owner: ownerInput, ownerForbund, ...fields } = input;
			const site = await resolveOwner(ctx, ownerInput);
			const forbund =
				site.forbundId !== null
					? await requireForbund(ctx, (ownerInput as { forbund: string }).forbund)
					: ownerForbund
						? await requireForbund(ctx, ownerForbund)
						: null;
			if (!forbund) throw new TRPCError({ code: 'BAD_REQUEST', message: 'Välj vilket förbund som äger projektet.' });
			if (forbund.region_id !== site.regionId) {
				throw new TRPCError({ code: 'BAD_REQUEST', message: 'Projektägaren måste vara ett förbund i regionen.' });
			}
			const ownership = { owner_forbund_id: forbund.id, region_id: forbund.region_id };
			assertCanWriteProject(ctx.memberships, ownership);
			await assertFeature(ctx, { forbund_id: forbund.id, region_id: forbund.region_id }, 'projects');
			const created = await insertWithFreeSlug(ctx.db, {
				...ownership,
				...contentColumns(fields),
				author_id: ctx.user.id,
				updated_by: ctx.user.id
			});
			await recordRevision(ctx.db, created, ctx.user.id);
			// Every phase has its projektägare; the first phase comes with the project.
			const phase = await ctx.db
				.insertInto('project_phase')
				.values({ project_id: created.id, position: 1, name: created.name })
				.returning('id')
				.executeTakeFirstOrThrow();
			await ctx.db
				.insertInto('project_partner')
				.values({ phase_id: phase.id, forbund_id: forbund.id, role: 'projektagare' })
				.execute();
			await audit(ctx, 'projects.create', audited(created), `Skapade projektet ”${created.name}”`);
			return created;
		}),

	/** Saves an edit; refused when someone else saved since `version` was read. */
	update: roleCheckedProcedure
		.input(projectFields.extend({ id: idSchema, version: versionSchema }))
		.mutation(async ({ ctx, input }) => {
			const { id, version, ...fields } = input;
			await changeable(ctx, id);
			const saved = await saveVersioned(ctx.db, id, version, ctx.user.id, contentColumns(fields));
			if (!saved) throw conflict();
			await audit(ctx, 'projects.update', audited(saved), `Sparade projektet ”${saved.name}”`, {
				version: saved.version
			});
			return saved;
		}),

	/** Sends a draft to the owner's admin for approval. */
	submit: roleCheckedProcedure.input(idInput).mutation(async ({ ctx, input }) => {
		const project = await writable(ctx, input.id);
		if (project.status !== 'draft') throw wrongStatus('Bara ett utkast kan skickas för godkännande.');
		const saved = await setColumns(
			ctx,
			input.id,
			{
				status: 'review',
				submitted_at: sql`now()`,
				submitted_by: ctx.user.id,
				review_comment: '',
				review_comment_by: null
			},
			'projects.submit',
			(p) => `Skickade projektet ”${p.name}” för godkännande`
		);
		// The owner's admins hear of it through the outbox, in this transaction: no submit goes unheard.
		const owner = await ctx.db
			.selectFrom('forbund')
			.select(['short_name', 'origin'])
			.where('id', '=', project.owner_forbund_id)
			.executeTakeFirstOrThrow();
		const { rows } = await sql<{ emails: string[] }>`select app_project_approver_emails(
			${project.owner_forbund_id}::integer, ${project.region_id}::integer) as emails`.execute(ctx.db);
		const link = `${owner.origin ?? ctx.origin ?? ''}${PROJECT_EDITOR_PATH}/${project.id}`;
		for (const to of rows[0]?.emails ?? []) {
			await queueMail(
				ctx.db,
				projectSubmittedMail({ to, project: saved.name, forbund: owner.short_name, author: ctx.user.name, link }),
				{ forbundId: project.owner_forbund_id, regionId: project.region_id }
			);
		}
		return saved;
	}),

	sendBack: roleCheckedProcedure.input(sendBackSchema).mutation(async ({ ctx, input }) => {
		const project = await approvable(ctx, input.id);
		if (project.status !== 'review')
			throw wrongStatus('Bara ett projekt som väntar på godkännande kan skickas tillbaka.');
		return setColumns(
			ctx,
			input.id,
			{ status: 'draft', review_comment: input.comment, review_comment_by: ctx.user.id },
			'projects.send_back',
			(p) => `Skickade tillbaka projektet ”${p.name}” med en kommentar`
		);
	}),

	/** Publishes on the hub and every partner's site at once: the owner's admin's decision. */
	approve: roleCheckedProcedure.input(idInput).mutation(async ({ ctx, input }) => {
		const project = await approvable(ctx, input.id);
		if (project.status === 'published') throw wrongStatus('Projektet är redan publicerat.');
		return setColumns(
			ctx,
			input.id,
			{
				status: 'published',
				published_at: sql`coalesce(published_at, now())`,
				approved_by: ctx.user.id,
				review_comment: '',
				review_comment_by: null
			},
			'projects.approve',
			(p) => `Godkände och publicerade projektet ”${p.name}”`
		);
	}),

	unpublish: roleCheckedProcedure.input(idInput).mutation(async ({ ctx, input }) => {
		const project = await approvable(ctx, input.id);
		if (project.status !== 'published') throw wrongStatus('Projektet är inte publicerat.');
		return setColumns(
			ctx,
			input.id,
			{ status: 'draft' },
			'projects.unpublish',
			(p) => `Avpublicerade projektet ”${p.name}”`
		);
	}),

	/** Earlier saved states, newest first. */
	revisions: roleCheckedProcedure.input(idInput).query(async ({ ctx, input }) => {
		await writable(ctx, input.id);
		return listRevisions(ctx.db, input.id);
	}),

	/** The phases a förbund is a partner of: its insats editor's "Delprojekt i" choices. */
	delprojektChoices: roleCheckedProcedure.input(z.object({ forbund: slugSchema })).query(async ({ ctx, input }) => {
		const forbund = await requireForbund(ctx, input.forbund);
		if (!isForbundWriter(ctx.memberships, forbund.id)) {
			throw new TRPCError({ code: 'FORBIDDEN', message: 'Du har inte behörighet att redigera förbundets insatser.' });
		}
		return phasesOfPartner(ctx.db, forbund.id);
	})
} satisfies TRPCRouterRecord;
