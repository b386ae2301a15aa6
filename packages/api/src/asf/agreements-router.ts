import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import type { AsfAgreement } from '@regionportalen/db';
import {
	assertFeature,
	auditFor,
	idSchema,
	publicProcedure,
	requireRegion,
	roleCheckedProcedure,
	slugSchema,
	type CallerContext,
	type SignedInContext
} from '../core/index.ts';
import { asfRegion, assertCanKeepRegister, canKeepRegister } from './access.ts';
import { assertCanReadAgreementInternals } from './agreements-access.ts';
import {
	agreementDocumentInput,
	createAgreementInput,
	setAgreementPlacesInput,
	updateAgreementInput,
	yearSchema,
	type AgreementFields
} from './agreements-schemas.ts';
import {
	agreementDetail,
	agreementsEnding,
	agreementsOf,
	agreementWarnings,
	findAgreement,
	insertAgreement,
	publicAgreementsOf,
	setAgreementPlaces,
	unusedFundedPlaces,
	updateAgreement,
	whoBuysWhat
} from './agreements.ts';
import { findEnterprise } from './register.ts';

// The agreements by which buyers fund places at the region's social enterprises: the register's
// list and edit page (the ASF-samordnare writes, the region's ASF staff read the internal part), an
// enterprise's public agreements, who buys what per year, the agreements ending soon, and the funded
// places left unused. Spread into asfRouter, so the paths are asf.agreement….

const audit = auditFor('asf_agreement');
const audited = (a: Pick<AsfAgreement, 'id' | 'region_id'>) => ({ id: a.id, region_id: a.region_id });

const notFound = () => new TRPCError({ code: 'NOT_FOUND', message: 'Avtalet finns inte.' });
const conflict = () =>
	new TRPCError({
		code: 'CONFLICT',
		message: 'Någon annan har sparat avtalet medan du redigerade. Ladda om sidan och gör om din ändring.'
	});
const badRef = (message: string) => new TRPCError({ code: 'BAD_REQUEST', message });

/** Today in Sweden, as the watch counts days. */
const swedishToday = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());

/** The region by its slug, if the caller keeps its register (and the region has ASF on). */
async function keptRegion(ctx: SignedInContext, slug: string) {
	const region = await requireRegion(ctx, slug);
	assertCanKeepRegister(ctx.memberships, region.id);
	await assertFeature(ctx, { forbund_id: null, region_id: region.id }, 'asf');
	return region;
}

/** The region by its slug, if the caller is its ASF staff. */
async function staffRegion(ctx: SignedInContext, slug: string) {
	const region = await requireRegion(ctx, slug);
	assertCanReadAgreementInternals(ctx.memberships, await asfRegion(ctx, region.id));
	return region;
}

/** The agreement, if the caller keeps its region's register: unknown → 404, another region's → 403. */
async function keptAgreement(ctx: SignedInContext, id: number) {
	const agreement = await findAgreement(ctx.db, id);
	if (!agreement) throw notFound();
	assertCanKeepRegister(ctx.memberships, agreement.region_id);
	return agreement;
}

/** The enterprise, buyer, insats and project named are the region's own. */
async function checkReferences(ctx: SignedInContext, regionId: number, f: AgreementFields) {
	const enterprise = await findEnterprise(ctx.db, f.enterpriseId);
	if (!enterprise || enterprise.region_id !== regionId) {
		throw badRef('Välj ett företag ur regionens register.');
	}
	const inRegion = async (table: 'forbund' | 'project' | 'insats', id: number | null) =>
		id === null ||
		(await ctx.db
			.selectFrom(table)
			.select('id')
			.where('id', '=', id)
			.where('region_id', '=', regionId)
			.executeTakeFirst()) !== undefined;
	if (!(await inRegion('forbund', f.buyerForbundId))) throw badRef('Välj ett av regionens förbund som köpare.');
	if (!(await inRegion('project', f.buyerProjectId))) throw badRef('Välj ett av regionens projekt som köpare.');
	if (!(await inRegion('insats', f.insatsId))) throw badRef('Välj en av regionens insatser.');
	if (!(await inRegion('project', f.projectId))) throw badRef('Välj ett av regionens projekt.');
	return enterprise;
}

const warningsFor = (ctx: SignedInContext, a: AsfAgreement, f: AgreementFields) =>
	agreementWarnings(ctx.db, {
		enterprise_id: a.enterprise_id,
		form: a.form,
		starts_on: a.starts_on,
		value_sek: f.valueSek
	});

const regionInput = z.object({ region: slugSchema });

export const agreementProcedures = {
	/** The region's agreements for the register: the ASF staff's, with the internal part. */
	agreementList: roleCheckedProcedure.input(regionInput).query(async ({ ctx, input }) => {
		const region = await staffRegion(ctx, input.region);
		return {
			regionName: region.name,
			canKeep: canKeepRegister(ctx.memberships, region.id),
			items: await agreementsOf(ctx.db, region.id, { withInternal: true })
		};
	}),

	/** One agreement for its page: the staff's, with the internal part, documents and warnings. */
	agreementGet: roleCheckedProcedure.input(z.object({ id: idSchema })).query(async ({ ctx, input }) => {
		const found = await findAgreement(ctx.db, input.id);
		if (!found) throw notFound();
		assertCanReadAgreementInternals(ctx.memberships, await asfRegion(ctx, found.region_id));
		const agreement = await agreementDetail(ctx.db, input.id, { withInternal: true });
		if (!agreement) throw notFound();
		const warnings = await agreementWarnings(ctx.db, {
			enterprise_id: agreement.enterprise_id,
			form: agreement.form,
			starts_on: agreement.starts_on,
			value_sek: agreement.internal?.value_sek ?? null
		});
		return { agreement, warnings, canKeep: canKeepRegister(ctx.memberships, found.region_id) };
	}),

	/** What the agreement form chooses from: the region's enterprises, förbund, projects, insatser, documents. */
	agreementOptions: roleCheckedProcedure.input(regionInput).query(async ({ ctx, input }) => {
		const region = await keptRegion(ctx, input.region);
		const [enterprises, forbund, projects, insatser, documents] = await Promise.all([
			ctx.db
				.selectFrom('asf_enterprise')
				.select(['id', 'name'])
				.where('region_id', '=', region.id)
				.orderBy('name')
				.execute(),
			ctx.db.selectFrom('forbund').select(['id', 'name']).where('region_id', '=', region.id).orderBy('name').execute(),
			ctx.db.selectFrom('project').select(['id', 'name']).where('region_id', '=', region.id).orderBy('name').execute(),
			ctx.db.selectFrom('insats').select(['id', 'name']).where('region_id', '=', region.id).orderBy('name').execute(),
			ctx.db
				.selectFrom('document')
				.select(['id', 'title', 'document_date'])
				.where('region_id', '=', region.id)
				.orderBy('document_date', 'desc')
				.limit(500)
				.execute()
		]);
		return { regionName: region.name, enterprises, forbund, projects, insatser, documents };
	}),

	agreementCreate: roleCheckedProcedure.input(createAgreementInput).mutation(async ({ ctx, input }) => {
		const region = await keptRegion(ctx, input.region);
		const enterprise = await checkReferences(ctx, region.id, input.fields);
		const row = await insertAgreement(ctx.db, region.id, ctx.user.id, input.fields);
		await setAgreementPlaces(ctx.db, row.id, input.places);
		const warnings = await warningsFor(ctx, row, input.fields);
		await audit(ctx, 'asf.agreement.create', audited(row), `Förde in avtalet ”${row.title}” med ”${enterprise.name}”`, {
			form: row.form,
			warnings: warnings.length
		});
		return { agreement: row, warnings };
	}),

	agreementUpdate: roleCheckedProcedure.input(updateAgreementInput).mutation(async ({ ctx, input }) => {
		const current = await keptAgreement(ctx, input.id);
		await checkReferences(ctx, current.region_id, input.fields);
		const row = await updateAgreement(ctx.db, input.id, input.version, ctx.user.id, input.fields);
		if (!row) throw conflict();
		const warnings = await warningsFor(ctx, row, input.fields);
		await audit(ctx, 'asf.agreement.update', audited(row), `Ändrade avtalet ”${row.title}”`, {
			version: row.version,
			warnings: warnings.length
		});
		return { agreement: row, warnings };
	}),

	/** Sets the places the agreement funds: exactly these kinds and numbers. */
	agreementSetPlaces: roleCheckedProcedure.input(setAgreementPlacesInput).mutation(async ({ ctx, input }) => {
		const agreement = await keptAgreement(ctx, input.id);
		await setAgreementPlaces(ctx.db, agreement.id, input.places);
		await audit(ctx, 'asf.agreement.places', audited(agreement), `Satte platserna i avtalet ”${agreement.title}”`, {
			places: input.places
		});
		return { ok: true as const };
	}),

	/** Links a document of the region's library (the signed agreement, a decision) to the agreement. */
	agreementLinkDocument: roleCheckedProcedure.input(agreementDocumentInput).mutation(async ({ ctx, input }) => {
		const agreement = await keptAgreement(ctx, input.id);
		const document = await ctx.db
			.selectFrom('document')
			.select(['id', 'title'])
			.where('id', '=', input.documentId)
			.where('region_id', '=', agreement.region_id)
			.executeTakeFirst();
		if (!document) throw badRef('Välj ett dokument ur regionens dokumentbibliotek.');
		await ctx.db
			.insertInto('asf_agreement_document')
			.values({ agreement_id: agreement.id, document_id: document.id, linked_by: ctx.user.id })
			.onConflict((oc) => oc.columns(['agreement_id', 'document_id']).doNothing())
			.execute();
		await audit(
			ctx,
			'asf.agreement.document_link',
			audited(agreement),
			`Kopplade dokumentet ”${document.title}” till avtalet ”${agreement.title}”`,
			{ document_id: document.id }
		);
		return { ok: true as const };
	}),

	agreementUnlinkDocument: roleCheckedProcedure.input(agreementDocumentInput).mutation(async ({ ctx, input }) => {
		const agreement = await keptAgreement(ctx, input.id);
		const removed = await ctx.db
			.deleteFrom('asf_agreement_document')
			.where('agreement_id', '=', agreement.id)
			.where('document_id', '=', input.documentId)
			.executeTakeFirst();
		if (!removed.numDeletedRows)
			throw new TRPCError({ code: 'NOT_FOUND', message: 'Dokumentet hör inte till avtalet.' });
		await audit(
			ctx,
			'asf.agreement.document_unlink',
			audited(agreement),
			`Tog bort ett dokument från avtalet ”${agreement.title}”`,
			{ document_id: input.documentId }
		);
		return { ok: true as const };
	}),

	/** An active enterprise's agreements as anyone sees them: buyer, form, period and kinds of places. */
	agreementPublic: publicProcedure.input(z.object({ enterpriseId: idSchema })).query(async ({ ctx, input }) => {
		return publicAgreementsOf(ctx.db, input.enterpriseId);
	}),

	/** Who buys what from whom: per year, buyer and enterprise, places and value (the staff's figures). */
	agreementWhoBuysWhat: roleCheckedProcedure
		.input(z.object({ region: slugSchema, year: yearSchema.optional() }))
		.query(async ({ ctx, input }) => {
			const region = await staffRegion(ctx, input.region);
			return { regionName: region.name, ...(await whoBuysWhat(ctx.db, region.id, input.year)) };
		}),

	/** The region's active agreements ending within 90 days, for the coordinator's register page. */
	agreementEnding: roleCheckedProcedure.input(regionInput).query(async ({ ctx, input }) => {
		const region = await keptRegion(ctx, input.region);
		return agreementsEnding(ctx.db, region.id, swedishToday());
	}),

	/** Funded places left unused for 30 days, for the region's ASF staff. */
	agreementUnusedPlaces: roleCheckedProcedure.input(regionInput).query(async ({ ctx, input }) => {
		const region = await staffRegion(ctx, input.region);
		return unusedFundedPlaces(ctx.db, region.id);
	})
} satisfies TRPCRouterRecord;
