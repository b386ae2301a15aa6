import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { sql } from 'kysely';
import { z } from 'zod';
import { idSchema, requireForbund, roleCheckedProcedure, type SignedInContext } from '../core/index.ts';
import { audit, audited, changeable } from './editor-router.ts';
import { projectOfPhase } from './queries.ts';
import {
	fundingSchema,
	indicatorSchema,
	indicatorYearSchema,
	milestoneSchema,
	partnerSchema,
	phaseSchema
} from './schemas.ts';

// A project's structure, part by part: phases, their partners and budget, indicators with their
// values per year, milestones. Each write is checked against the project it belongs to (as its text
// is: changeable) and audited on it.

const idInput = z.object({ id: idSchema });
const gone = (what: string) => new TRPCError({ code: 'NOT_FOUND', message: `${what} finns inte.` });

/** The project of a phase, if the caller may change it. */
async function byPhase(ctx: SignedInContext, phaseId: number) {
	const project = await projectOfPhase(ctx.db, phaseId);
	if (!project) throw gone('Fasen');
	return changeable(ctx, project.id);
}

async function byChild(ctx: SignedInContext, table: 'project_indicator' | 'project_milestone', id: number) {
	const row = await ctx.db.selectFrom(table).select('project_id').where('id', '=', id).executeTakeFirst();
	if (!row) throw gone(table === 'project_indicator' ? 'Indikatorn' : 'Milstolpen');
	return changeable(ctx, row.project_id);
}

/** A delete that found nothing (row-level security hides the row, or it went meanwhile) is a 404. */
function deletedOne(result: { numDeletedRows: bigint }, what: string) {
	if (result.numDeletedRows === 0n) throw gone(what);
}

/** A PostgreSQL error's code, to tell a broken rule from a failure. */
const pgCode = (error: unknown) => (error as { code?: string } | null)?.code;

export const projectStructureRouter = {
	/** Adds a phase after the last one, or changes one. */
	savePhase: roleCheckedProcedure.input(phaseSchema).mutation(async ({ ctx, input }) => {
		const project = await changeable(ctx, input.projectId);
		const values = {
			name: input.name,
			decision_date: input.decisionDate,
			period_start: input.periodStart,
			period_end: input.periodEnd,
			esf_diarienummer: input.esfDiarienummer,
			planned_participants: input.plannedParticipants
		};
		const phase = input.phaseId
			? await ctx.db
					.updateTable('project_phase')
					.set(values)
					.where('id', '=', input.phaseId)
					.where('project_id', '=', project.id)
					.returningAll()
					.executeTakeFirst()
			: await ctx.db
					.insertInto('project_phase')
					.values({
						...values,
						project_id: project.id,
						position: sql<number>`(select coalesce(max(position), 0) + 1 from project_phase where project_id = ${project.id})`
					})
					.returningAll()
					.executeTakeFirst();
		if (!phase) throw gone('Fasen');
		if (!input.phaseId) {
			// The owner is every phase's projektägare.
			await ctx.db
				.insertInto('project_partner')
				.values({ phase_id: phase.id, forbund_id: project.owner_forbund_id, role: 'projektagare' })
				.execute();
		}
		await audit(
			ctx,
			'projects.phase_save',
			audited(project),
			`Sparade fasen ”${phase.name}” i projektet ”${project.name}”`,
			{
				phase_id: phase.id
			}
		);
		return phase;
	}),

	/** Removes the last phase; refused while a partner has its delprojekt in it. */
	removePhase: roleCheckedProcedure.input(idInput).mutation(async ({ ctx, input }) => {
		const project = await byPhase(ctx, input.id);
		const last = await ctx.db
			.selectFrom('project_phase')
			.select(['id', 'name'])
			.where('project_id', '=', project.id)
			.orderBy('position', 'desc')
			.executeTakeFirstOrThrow();
		if (last.id !== input.id) {
			throw new TRPCError({ code: 'BAD_REQUEST', message: 'Bara den sista fasen kan tas bort.' });
		}
		try {
			await ctx.db.deleteFrom('project_partner').where('phase_id', '=', input.id).execute();
		} catch (error) {
			if (pgCode(error) === '23503') {
				throw new TRPCError({
					code: 'BAD_REQUEST',
					message: 'Fasen har delprojekt. Partnerna behöver först flytta eller ta bort sina delprojekt.'
				});
			}
			throw error;
		}
		deletedOne(await ctx.db.deleteFrom('project_phase').where('id', '=', input.id).executeTakeFirst(), 'Fasen');
		await audit(
			ctx,
			'projects.phase_remove',
			audited(project),
			`Tog bort fasen ”${last.name}” ur projektet ”${project.name}”`
		);
		return { id: input.id };
	}),

	/** Adds a partner to a phase (a förbund of the region or another organisation) or changes its role. */
	savePartner: roleCheckedProcedure.input(partnerSchema).mutation(async ({ ctx, input }) => {
		const project = await byPhase(ctx, input.phaseId);
		const forbund = input.forbund ? await requireForbund(ctx, input.forbund) : null;
		if (forbund && forbund.region_id !== project.region_id) {
			throw new TRPCError({ code: 'BAD_REQUEST', message: 'Partnerförbundet måste höra till projektets region.' });
		}
		const isOwner = forbund?.id === project.owner_forbund_id;
		if (isOwner !== (input.role === 'projektagare')) {
			throw new TRPCError({
				code: 'BAD_REQUEST',
				message: isOwner
					? 'Projektägaren är alltid projektägare i varje fas.'
					: 'Bara förbundet som äger projektet är projektägare.'
			});
		}
		const partner = await ctx.db
			.insertInto('project_partner')
			.values({
				phase_id: input.phaseId,
				forbund_id: forbund?.id ?? null,
				organisation: forbund ? null : input.organisation!,
				role: input.role
			})
			.onConflict((oc) =>
				forbund
					? oc.constraint('project_partner_forbund_key').doUpdateSet({ role: input.role })
					: oc.constraint('project_partner_organisation_key').doUpdateSet({ role: input.role })
			)
			.returningAll()
			.executeTakeFirstOrThrow();
		const name = forbund?.name ?? input.organisation!;
		await audit(
			ctx,
			'projects.partner_save',
			audited(project),
			`Lade till ${name} som part i projektet ”${project.name}”`,
			{
				partner_id: partner.id,
				role: partner.role
			}
		);
		return partner;
	}),

	/** Removes a partner (and its funding); never the projektägare, nor a förbund with a delprojekt there. */
	removePartner: roleCheckedProcedure.input(idInput).mutation(async ({ ctx, input }) => {
		const partner = await ctx.db
			.selectFrom('project_partner')
			.selectAll()
			.where('id', '=', input.id)
			.executeTakeFirst();
		if (!partner) throw gone('Parten');
		const project = await byPhase(ctx, partner.phase_id);
		if (partner.role === 'projektagare') {
			throw new TRPCError({ code: 'BAD_REQUEST', message: 'Projektägaren kan inte tas bort ur en fas.' });
		}
		try {
			deletedOne(await ctx.db.deleteFrom('project_partner').where('id', '=', input.id).executeTakeFirst(), 'Parten');
		} catch (error) {
			if (pgCode(error) === '23503') {
				throw new TRPCError({
					code: 'BAD_REQUEST',
					message: 'Förbundet har ett delprojekt i fasen. Det behöver först flyttas eller tas bort.'
				});
			}
			throw error;
		}
		await audit(ctx, 'projects.partner_remove', audited(project), `Tog bort en part ur projektet ”${project.name}”`, {
			partner_id: input.id
		});
		return { id: input.id };
	}),

	/** Sets a funder's amount for a year and form (the ESF's when partnerId is null). */
	saveFunding: roleCheckedProcedure.input(fundingSchema).mutation(async ({ ctx, input }) => {
		const project = await byPhase(ctx, input.phaseId);
		if (input.partnerId !== null) {
			const partner = await ctx.db
				.selectFrom('project_partner')
				.select('id')
				.where('id', '=', input.partnerId)
				.where('phase_id', '=', input.phaseId)
				.executeTakeFirst();
			if (!partner) throw new TRPCError({ code: 'BAD_REQUEST', message: 'Finansiären är inte en part i fasen.' });
		}
		const existing = await ctx.db
			.selectFrom('project_funding')
			.select('id')
			.where('phase_id', '=', input.phaseId)
			.where('partner_id', input.partnerId === null ? 'is' : '=', input.partnerId)
			.where('year', '=', input.year)
			.where('form', '=', input.form)
			.executeTakeFirst();
		const row = existing
			? await ctx.db
					.updateTable('project_funding')
					.set({ amount: input.amount })
					.where('id', '=', existing.id)
					.returningAll()
					.executeTakeFirstOrThrow()
			: await ctx.db
					.insertInto('project_funding')
					.values({
						phase_id: input.phaseId,
						partner_id: input.partnerId,
						year: input.year,
						form: input.form,
						amount: input.amount
					})
					.returningAll()
					.executeTakeFirstOrThrow();
		await audit(
			ctx,
			'projects.funding_save',
			audited(project),
			`Sparade budget för ${input.year} i projektet ”${project.name}”`,
			{
				funding_id: row.id
			}
		);
		return { ...row, amount: Number(row.amount) };
	}),

	removeFunding: roleCheckedProcedure.input(idInput).mutation(async ({ ctx, input }) => {
		const row = await ctx.db.selectFrom('project_funding').selectAll().where('id', '=', input.id).executeTakeFirst();
		if (!row) throw gone('Budgetraden');
		const project = await byPhase(ctx, row.phase_id);
		deletedOne(await ctx.db.deleteFrom('project_funding').where('id', '=', input.id).executeTakeFirst(), 'Budgetraden');
		await audit(
			ctx,
			'projects.funding_remove',
			audited(project),
			`Tog bort en budgetrad ur projektet ”${project.name}”`,
			{
				funding_id: input.id
			}
		);
		return { id: input.id };
	}),

	saveIndicator: roleCheckedProcedure.input(indicatorSchema).mutation(async ({ ctx, input }) => {
		const project = await changeable(ctx, input.projectId);
		const row = input.indicatorId
			? await ctx.db
					.updateTable('project_indicator')
					.set({ label: input.label, unit: input.unit })
					.where('id', '=', input.indicatorId)
					.where('project_id', '=', project.id)
					.returningAll()
					.executeTakeFirst()
			: await ctx.db
					.insertInto('project_indicator')
					.values({
						project_id: project.id,
						label: input.label,
						unit: input.unit,
						position: sql<number>`(select coalesce(max(position), 0) + 1 from project_indicator where project_id = ${project.id})`
					})
					.returningAll()
					.executeTakeFirst();
		if (!row) throw gone('Indikatorn');
		await audit(
			ctx,
			'projects.indicator_save',
			audited(project),
			`Sparade indikatorn ”${row.label}” i projektet ”${project.name}”`
		);
		return row;
	}),

	removeIndicator: roleCheckedProcedure.input(idInput).mutation(async ({ ctx, input }) => {
		const project = await byChild(ctx, 'project_indicator', input.id);
		deletedOne(
			await ctx.db.deleteFrom('project_indicator').where('id', '=', input.id).executeTakeFirst(),
			'Indikatorn'
		);
		await audit(
			ctx,
			'projects.indicator_remove',
			audited(project),
			`Tog bort en indikator ur projektet ”${project.name}”`
		);
		return { id: input.id };
	}),

	/** An indicator's target and actual value for a year. */
	saveIndicatorYear: roleCheckedProcedure.input(indicatorYearSchema).mutation(async ({ ctx, input }) => {
		const project = await byChild(ctx, 'project_indicator', input.indicatorId);
		const values = { target: input.target, actual: input.actual };
		await ctx.db
			.insertInto('project_indicator_year')
			.values({ indicator_id: input.indicatorId, year: input.year, ...values })
			.onConflict((oc) => oc.columns(['indicator_id', 'year']).doUpdateSet(values))
			.execute();
		await audit(
			ctx,
			'projects.indicator_year',
			audited(project),
			`Sparade indikatorvärden för ${input.year} i projektet ”${project.name}”`
		);
		return { indicatorId: input.indicatorId, year: input.year };
	}),

	removeIndicatorYear: roleCheckedProcedure
		.input(indicatorYearSchema.pick({ indicatorId: true, year: true }))
		.mutation(async ({ ctx, input }) => {
			const project = await byChild(ctx, 'project_indicator', input.indicatorId);
			const removed = await ctx.db
				.deleteFrom('project_indicator_year')
				.where('indicator_id', '=', input.indicatorId)
				.where('year', '=', input.year)
				.executeTakeFirst();
			deletedOne(removed, 'Året');
			await audit(
				ctx,
				'projects.indicator_year_remove',
				audited(project),
				`Tog bort indikatorvärden för ${input.year} i projektet ”${project.name}”`
			);
			return input;
		}),

	saveMilestone: roleCheckedProcedure.input(milestoneSchema).mutation(async ({ ctx, input }) => {
		const project = await changeable(ctx, input.projectId);
		const values = { label: input.label, due_on: input.dueOn, done_on: input.doneOn };
		const row = input.milestoneId
			? await ctx.db
					.updateTable('project_milestone')
					.set(values)
					.where('id', '=', input.milestoneId)
					.where('project_id', '=', project.id)
					.returningAll()
					.executeTakeFirst()
			: await ctx.db
					.insertInto('project_milestone')
					.values({ ...values, project_id: project.id })
					.returningAll()
					.executeTakeFirst();
		if (!row) throw gone('Milstolpen');
		await audit(
			ctx,
			'projects.milestone_save',
			audited(project),
			`Sparade milstolpen ”${row.label}” i projektet ”${project.name}”`
		);
		return row;
	}),

	removeMilestone: roleCheckedProcedure.input(idInput).mutation(async ({ ctx, input }) => {
		const project = await byChild(ctx, 'project_milestone', input.id);
		deletedOne(
			await ctx.db.deleteFrom('project_milestone').where('id', '=', input.id).executeTakeFirst(),
			'Milstolpen'
		);
		await audit(
			ctx,
			'projects.milestone_remove',
			audited(project),
			`Tog bort en milstolpe ur projektet ”${project.name}”`
		);
		return { id: input.id };
	})
} satisfies TRPCRouterRecord;
