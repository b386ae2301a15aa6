import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import {
	ASF_PLACE_KIND_LABELS,
	ASF_REQUEST_STEP_LABELS,
	type AsfRequest,
	type AsfRequestStep
} from '@regionportalen/db';
import { asfRequestNewMail, asfRequestStepMail, queueMail } from '@regionportalen/mail';
import {
	assertFeature,
	auditFor,
	requireForbund,
	requireRegion,
	roleCheckedProcedure,
	type OwnerInput,
	type SignedInContext
} from '../core/index.ts';
import {
	assertCanAskForPlace,
	assertCanKeepRegister,
	assertCanReadRequests,
	canAskForPlace,
	asfRegion,
	canKeepRegister
} from './access.ts';
import { unusedFundedPlaces } from './agreements.ts';
import { findEnterprise } from './register.ts';
import {
	askSchema,
	overviewInput,
	proposeSchema,
	requestInput,
	requestsInput,
	stepSchema,
	withdrawSchema
} from './request-schemas.ts';
import {
	coordinatorEmails,
	findRequest,
	freePlaces,
	insertRequest,
	isOpen,
	listRequests,
	mayFollow,
	proposalChoices,
	recordStep,
	requesterEmail,
	stepsOf,
	takePlace
} from './requests.ts';

// Place requests: a förbund's insatspersonal ask the region's ASF-samordnare for a training place
// (described without personal data); the samordnare proposes an enterprise and records the visit,
// the start or a decline; the requester follows it on the förbund's site and hears of each step by
// mail. Every procedure is for signed-in staff: nothing of a request is public.

const audit = auditFor('asf_request');
const audited = (r: Pick<AsfRequest, 'id' | 'region_id' | 'forbund_id'>) => ({
	id: r.id,
	region_id: r.region_id,
	forbund_id: r.forbund_id
});

const notFound = () => new TRPCError({ code: 'NOT_FOUND', message: 'Förfrågan finns inte.' });
const conflict = () =>
	new TRPCError({
		code: 'CONFLICT',
		message: 'Förfrågan har ändrats medan du hade den öppen. Ladda om sidan och gör om ditt steg.'
	});
const wrongStep = (message: string) => new TRPCError({ code: 'BAD_REQUEST', message });

/** A request's page: on the förbund's site that asked, and on the region's hub. */
export const requestPath = (id: number) => `/asf/forfragningar/${id}`;

/** Where the call is made: a förbund's site (its requests) or the hub (the region's). */
async function scopeOf(ctx: SignedInContext, owner: OwnerInput) {
	if ('forbund' in owner) {
		const forbund = await requireForbund(ctx, owner.forbund);
		return { regionId: forbund.region_id, forbundId: forbund.id as number | null, forbund };
	}
	const region = await requireRegion(ctx, owner.region);
	return { regionId: region.id, forbundId: null, forbund: null };
}

async function staffScope(ctx: SignedInContext, owner: OwnerInput) {
	const scope = await scopeOf(ctx, owner);
	assertCanReadRequests(ctx.memberships, await asfRegion(ctx, scope.regionId));
	await assertFeature(ctx, { forbund_id: scope.forbundId, region_id: scope.regionId }, 'asf');
	return scope;
}

/** A request the samordnare moves on: one the caller cannot see → 404; only seen → 403; closed → 400. */
async function movable(ctx: SignedInContext, id: number, step: AsfRequestStep) {
	const request = await findRequest(ctx.db, id);
	if (!request) throw notFound();
	assertCanKeepRegister(ctx.memberships, request.region_id);
	if (!mayFollow(request.status, step)) {
		throw wrongStep(
			isOpen(request.status)
				? 'Det steget kan inte följa där förfrågan står nu.'
				: 'Förfrågan är avslutad: den är redan startad eller återkallad.'
		);
	}
	return request;
}

/** The requester hears of the samordnare's step, in this transaction (no step goes unheard). */
async function tellRequester(
	ctx: SignedInContext,
	request: AsfRequest,
	step: Exclude<AsfRequestStep, 'skapad'>,
	enterprise: string | null,
	when: string
) {
	const to = await requesterEmail(ctx.db, request.id);
	if (!to) return;
	const forbund = await ctx.db
		.selectFrom('forbund')
		.select('origin')
		.where('id', '=', request.forbund_id)
		.executeTakeFirstOrThrow();
	const link = `${forbund.origin ?? ''}${requestPath(request.id)}`;
	await queueMail(
		ctx.db,
		asfRequestStepMail({ to, number: request.id, step: ASF_REQUEST_STEP_LABELS[step], enterprise, when, link }),
		{ forbundId: request.forbund_id, regionId: request.region_id }
	);
}

/** "10 december 2026 kl. 10:00" (as the pages write it) from the form's local time; today's date without one. */
function swedishWhen(local: string | null): string {
	if (!local) return new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeZone: 'Europe/Stockholm' }).format();
	// The local time read as UTC and written in UTC: the clock time as typed, with no zone to shift it.
	const at = new Date(`${local.slice(0, 16)}:00Z`);
	return new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(at);
}

export const requestProcedures = {
	/** A förbund's request for a place: saved with its first step, and mailed to the samordnare. */
	askForPlace: roleCheckedProcedure.input(askSchema).mutation(async ({ ctx, input }) => {
		const forbund = await requireForbund(ctx, input.forbund);
		assertCanAskForPlace(ctx.memberships, forbund.id);
		await assertFeature(ctx, { forbund_id: forbund.id, region_id: forbund.region_id }, 'asf');
		const request = await insertRequest(
			ctx.db,
			{ regionId: forbund.region_id, forbundId: forbund.id, userId: ctx.user.id },
			input.fields
		);
		await audit(ctx, 'asf.request.create', audited(request), `Frågade efter en plats (förfrågan nr ${request.id})`);
		const hub = await ctx.db
			.selectFrom('region')
			.select(['slug', 'hub_origin'])
			.where('id', '=', forbund.region_id)
			.executeTakeFirstOrThrow();
		const link = `${hub.hub_origin ?? ''}/${hub.slug}${requestPath(request.id)}`;
		const kind = ASF_PLACE_KIND_LABELS[request.place_kind];
		for (const to of await coordinatorEmails(ctx.db, forbund.region_id)) {
			await queueMail(ctx.db, asfRequestNewMail({ to, number: request.id, forbund: forbund.short_name, kind, link }), {
				forbundId: forbund.id,
				regionId: forbund.region_id
			});
		}
		return request;
	}),

	/** The requests of the förbund (on its site) or of the region (on the hub), for the ASF staff. */
	requests: roleCheckedProcedure.input(requestsInput).query(async ({ ctx, input }) => {
		const scope = await staffScope(ctx, input.owner);
		const requests = await listRequests(ctx.db, scope, input.status);
		return {
			requests,
			canAsk: scope.forbundId !== null && canAskForPlace(ctx.memberships, scope.forbundId),
			canMove: canKeepRegister(ctx.memberships, scope.regionId)
		};
	}),

	/** A request, its steps, and for the samordnare the enterprises to propose. */
	request: roleCheckedProcedure.input(requestInput).query(async ({ ctx, input }) => {
		const scope = await staffScope(ctx, input.owner);
		const request = await findRequest(ctx.db, input.id);
		// Another förbund's request is not this site's page, and another region's is not this hub's.
		if (!request || request.region_id !== scope.regionId) throw notFound();
		if (scope.forbundId !== null && request.forbund_id !== scope.forbundId) throw notFound();
		const canMove = canKeepRegister(ctx.memberships, request.region_id);
		const [steps, choices, meta] = await Promise.all([
			stepsOf(ctx.db, request.id),
			canMove && isOpen(request.status)
				? proposalChoices(ctx.db, request.region_id, request.place_kind, request.municipality)
				: Promise.resolve([]),
			ctx.db
				.selectFrom('asf_request as r')
				.innerJoin('forbund as f', 'f.id', 'r.forbund_id')
				.leftJoin('app_user_name as u', 'u.id', 'r.requested_by')
				.leftJoin('asf_enterprise as e', 'e.id', 'r.enterprise_id')
				.select(['f.short_name as forbund_name', 'u.name as requested_by_name', 'e.name as enterprise_name'])
				.where('r.id', '=', request.id)
				.executeTakeFirstOrThrow()
		]);
		return {
			request: { ...request, ...meta },
			steps,
			choices,
			canMove,
			canWithdraw: isOpen(request.status) && (canMove || canAskForPlace(ctx.memberships, request.forbund_id))
		};
	}),

	/** The samordnare proposes an enterprise of the region with a place of the kind asked for. */
	proposeEnterprise: roleCheckedProcedure.input(proposeSchema).mutation(async ({ ctx, input }) => {
		const request = await movable(ctx, input.id, 'foreslagen');
		const enterprise = await findEnterprise(ctx.db, input.enterpriseId);
		if (!enterprise || enterprise.region_id !== request.region_id || !enterprise.active) {
			throw wrongStep('Välj ett av regionens aktiva företag.');
		}
		const saved = await recordStep(ctx.db, request.id, input.version, ctx.user.id, 'foreslagen', {
			enterpriseId: enterprise.id,
			happenedAt: null,
			note: input.note
		});
		if (!saved) throw conflict();
		await audit(
			ctx,
			'asf.request.propose',
			audited(saved),
			`Föreslog ”${enterprise.name}” (förfrågan nr ${saved.id})`,
			{
				enterprise_id: enterprise.id
			}
		);
		await tellRequester(ctx, saved, 'foreslagen', enterprise.name, swedishWhen(null));
		return saved;
	}),

	/** The samordnare records a visit, the start or a decline, with the time it happened. */
	recordRequestStep: roleCheckedProcedure.input(stepSchema).mutation(async ({ ctx, input }) => {
		const request = await movable(ctx, input.id, input.step);
		const saved = await recordStep(ctx.db, request.id, input.version, ctx.user.id, input.step, {
			enterpriseId: request.enterprise_id,
			happenedAt: input.happenedAt,
			note: input.note
		});
		if (!saved) throw conflict();
		const enterprise = request.enterprise_id ? await findEnterprise(ctx.db, request.enterprise_id) : undefined;
		// The participant who starts takes a free place: the directory shows one fewer at once.
		const freeAfter =
			input.step === 'startad' && enterprise
				? await takePlace(ctx.db, enterprise.id, request.place_kind, ctx.user.id)
				: null;
		await audit(
			ctx,
			`asf.request.${input.step}`,
			audited(saved),
			`${ASF_REQUEST_STEP_LABELS[input.step]} (förfrågan nr ${saved.id})`,
			{ happened_at: input.happenedAt, free_after: freeAfter }
		);
		await tellRequester(ctx, saved, input.step, enterprise?.name ?? null, swedishWhen(input.happenedAt));
		return saved;
	}),

	/** The förbund withdraws its request (or the samordnare closes it), while it is open. */
	withdrawRequest: roleCheckedProcedure.input(withdrawSchema).mutation(async ({ ctx, input }) => {
		const request = await findRequest(ctx.db, input.id);
		if (!request) throw notFound();
		const coordinator = canKeepRegister(ctx.memberships, request.region_id);
		if (!coordinator) assertCanAskForPlace(ctx.memberships, request.forbund_id);
		if (!isOpen(request.status)) throw wrongStep('Förfrågan är redan avslutad.');
		const saved = await recordStep(ctx.db, request.id, input.version, ctx.user.id, 'aterkallad', {
			enterpriseId: request.enterprise_id,
			happenedAt: null,
			note: input.note
		});
		if (!saved) throw conflict();
		await audit(ctx, 'asf.request.withdraw', audited(saved), `Återkallade förfrågan nr ${saved.id}`);
		// The requester hears of it when someone else closed it.
		if (request.requested_by !== ctx.user.id) {
			await tellRequester(ctx, saved, 'aterkallad', null, swedishWhen(null));
		}
		return saved;
	}),

	/**
	 * The region's free places and open requests, side by side per kind of place, and the funded
	 * places left unused for 30 days, for the staff.
	 */
	placeOverview: roleCheckedProcedure.input(overviewInput).query(async ({ ctx, input }) => {
		const scope = await staffScope(ctx, input.owner);
		const [free, open, unused] = await Promise.all([
			freePlaces(ctx.db, scope.regionId),
			listRequests(ctx.db, { regionId: scope.regionId, forbundId: null }, 'oppna'),
			unusedFundedPlaces(ctx.db, scope.regionId)
		]);
		return { free, open, unused, canMove: canKeepRegister(ctx.memberships, scope.regionId) };
	})
} satisfies TRPCRouterRecord;
