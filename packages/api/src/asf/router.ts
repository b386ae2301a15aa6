import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { sql, type Updateable } from 'kysely';
import { z } from 'zod';
import type { AsfEnterprise, AsfEnterpriseTable } from '@regionportalen/db';
import {
	assertFeature,
	auditFor,
	idSchema,
	imageColumns,
	NO_IMAGE,
	removeImageInput,
	setImageInput,
	ownerSchema,
	pageSchema,
	publicProcedure,
	querySchema,
	requireForbund,
	requireRegion,
	roleCheckedProcedure,
	type CallerContext,
	type OwnerInput,
	type SignedInContext,
	slugSchema,
	versionSchema
} from '../core/index.ts';
import {
	assertCanKeepRegister,
	assertCanLeaveNote,
	assertCanReadNotes,
	canKeepRegister,
	canLeaveNote,
	canReadNotes,
	asfRegion
} from './access.ts';
import { agreementProcedures } from './agreements-router.ts';
import { importSchema, readImport } from './csv-import.ts';
import { requestProcedures } from './requests-router.ts';
import {
	directorySlugs,
	municipalitiesOf,
	publicEnterprise,
	searchDirectory,
	type DirectoryScope
} from './directory.ts';
import {
	currentLink,
	findEnterprise,
	hashToken,
	historyOf,
	insertEnterprise,
	placesByLink,
	placesOf,
	registerOf,
	renewLink,
	saveEnterprise,
	setPlaces,
	updateEnterprise
} from './register.ts';
import {
	directoryFilters,
	enterpriseFields,
	linkTokenSchema,
	noteSchema,
	reportSchema,
	setPlacesSchema
} from './schemas.ts';

// ASF coordination: the register of the region's social enterprises (kept by its ASF-samordnare),
// the public directory on the hub and every förbund's site, the link each enterprise keeps to report
// its free places, and the internal notes.

const audit = auditFor('asf_enterprise');
const audited = (e: Pick<AsfEnterprise, 'id' | 'region_id'>) => ({ id: e.id, region_id: e.region_id });

const notFound = () => new TRPCError({ code: 'NOT_FOUND', message: 'Företaget finns inte.' });
const badLink = () =>
	new TRPCError({
		code: 'NOT_FOUND',
		message: 'Länken är ogiltig eller har bytts ut. Be regionens ASF-samordnare om en ny.'
	});
const conflict = () =>
	new TRPCError({
		code: 'CONFLICT',
		message: 'Någon annan har sparat företaget medan du redigerade. Ladda om sidan och gör om din ändring.'
	});

async function scopeOf(ctx: Pick<CallerContext, 'db' | 'siteFacts'>, owner: OwnerInput): Promise<DirectoryScope> {
	if ('forbund' in owner) {
		const forbund = await requireForbund(ctx, owner.forbund);
		return { regionId: forbund.region_id, municipalities: forbund.municipalities };
	}
	const region = await requireRegion(ctx, owner.region);
	return { regionId: region.id, municipalities: null };
}

/** The enterprise, if the caller keeps its region's register: unknown → 404, another region's → 403. */
async function kept(ctx: SignedInContext, id: number) {
	const enterprise = await findEnterprise(ctx.db, id);
	if (!enterprise) throw notFound();
	assertCanKeepRegister(ctx.memberships, enterprise.region_id);
	await assertFeature(ctx, { forbund_id: null, region_id: enterprise.region_id }, 'asf');
	return enterprise;
}

/** An active enterprise, or one the caller keeps, for its notes. */
async function noted(ctx: SignedInContext, id: number) {
	const enterprise = await findEnterprise(ctx.db, id);
	if (!enterprise) throw notFound();
	return { enterprise, region: await asfRegion(ctx, enterprise.region_id) };
}

const directoryInput = directoryFilters.extend({ owner: ownerSchema, q: querySchema.optional(), page: pageSchema });

export const asfRouter = {
	...agreementProcedures,
	...requestProcedures,

	/** The directory: active enterprises of the scope passing the filters, and the municipalities to filter by. */
	directory: publicProcedure.input(directoryInput).query(async ({ ctx, input }) => {
		const { owner, ...rest } = input;
		const scope = await scopeOf(ctx, owner);
		const [found, municipalities] = await Promise.all([
			searchDirectory(ctx.db, scope, rest),
			municipalitiesOf(ctx.db, scope)
		]);
		return { ...found, municipalities };
	}),

	/** An active enterprise's public page. */
	enterprise: publicProcedure
		.input(z.object({ owner: ownerSchema, slug: slugSchema }))
		.query(async ({ ctx, input }) => {
			const scope = await scopeOf(ctx, input.owner);
			const enterprise = await publicEnterprise(ctx.db, scope, input.slug);
			if (!enterprise) throw notFound();
			// A visitor's answer asks nothing more (the page is cached for visitors).
			const region = ctx.memberships.length ? await asfRegion(ctx, enterprise.region_id) : null;
			return {
				...enterprise,
				canKeep: region ? canKeepRegister(ctx.memberships, region.regionId) : false,
				canNote: region ? canLeaveNote(ctx.memberships, region) : false
			};
		}),

	/** The addresses of the directory's enterprises, for the sitemap. */
	sitemap: publicProcedure.input(z.object({ owner: ownerSchema })).query(async ({ ctx, input }) => {
		return directorySlugs(ctx.db, await scopeOf(ctx, input.owner));
	}),

	/** What an enterprise's link opens: its name and places (no account needed). */
	linkPlaces: publicProcedure.input(z.object({ token: linkTokenSchema })).query(async ({ ctx, input }) => {
		const found = await placesByLink(ctx.db, input.token);
		if (!found) throw badLink();
		return found;
	}),

	/** The enterprise's report through its link: the free count per place, or "no change". */
	reportByLink: publicProcedure.input(reportSchema).mutation(async ({ ctx, input }) => {
		const found = await placesByLink(ctx.db, input.token);
		if (!found) throw badLink();
		if (input.counts) {
			for (const p of found.places) {
				const free = input.counts[String(p.id)];
				if (free === undefined) {
					throw new TRPCError({ code: 'BAD_REQUEST', message: 'Ange antalet lediga platser för varje slag.' });
				}
				if (free > p.max) {
					throw new TRPCError({
						code: 'BAD_REQUEST',
						message: `Högst ${p.max} lediga platser: fler än så har ni inte av det slaget.`
					});
				}
			}
		}
		const hash = hashToken(input.token);
		const result = await sql<{ id: number | null }>`select asf_report_by_link(${hash},
			${input.counts === null ? null : JSON.stringify(input.counts)}::jsonb) as id`.execute(ctx.db);
		if (result.rows[0]?.id == null) throw badLink();
		// The enterprise reported (no account: the entry has no actor unless someone signed in used the link).
		await audit(
			ctx,
			'asf.report',
			{ id: found.enterprise_id, region_id: found.region_id },
			input.counts === null
				? `”${found.name}” meddelade att de lediga platserna är oförändrade`
				: `”${found.name}” uppdaterade sina lediga platser`,
			{ counts: input.counts }
		);
		return { ok: true as const, noChange: input.counts === null };
	}),

	/** The register as its keeper sees it: every enterprise of the region, with the stale counts. */
	register: roleCheckedProcedure.input(z.object({ region: slugSchema })).query(async ({ ctx, input }) => {
		const region = await requireRegion(ctx, input.region);
		assertCanKeepRegister(ctx.memberships, region.id);
		return { items: await registerOf(ctx.db, region.id), regionName: region.name };
	}),

	/** An enterprise for its edit page: the fields, places, the history of free counts and the link. */
	get: roleCheckedProcedure.input(z.object({ id: idSchema })).query(async ({ ctx, input }) => {
		const enterprise = await kept(ctx, input.id);
		const [places, history, link, workplaces, staffing] = await Promise.all([
			placesOf(ctx.db, enterprise.id),
			historyOf(ctx.db, enterprise.id),
			currentLink(ctx.db, enterprise.id),
			ctx.db
				.selectFrom('asf_workplace')
				.selectAll()
				.where('enterprise_id', '=', enterprise.id)
				.orderBy('position')
				.execute(),
			ctx.db
				.selectFrom('asf_staffing')
				.selectAll()
				.where('enterprise_id', '=', enterprise.id)
				.orderBy('year', 'desc')
				.execute()
		]);
		return { enterprise, places, history, link, workplaces, staffing };
	}),

	create: roleCheckedProcedure
		.input(z.object({ region: slugSchema, fields: enterpriseFields }))
		.mutation(async ({ ctx, input }) => {
			const region = await requireRegion(ctx, input.region);
			assertCanKeepRegister(ctx.memberships, region.id);
			await assertFeature(ctx, { forbund_id: null, region_id: region.id }, 'asf');
			const row = await insertEnterprise(ctx.db, region.id, ctx.user.id, input.fields);
			await audit(ctx, 'asf.create', audited(row), `Förde in ”${row.name}” i ASF-registret`, {
				org_number: row.org_number
			});
			return row;
		}),

	update: roleCheckedProcedure
		.input(z.object({ id: idSchema, version: versionSchema, fields: enterpriseFields }))
		.mutation(async ({ ctx, input }) => {
			await kept(ctx, input.id);
			const row = await updateEnterprise(ctx.db, input.id, input.version, ctx.user.id, input.fields);
			if (!row) throw conflict();
			await audit(ctx, 'asf.update', audited(row), `Ändrade ”${row.name}” i ASF-registret`, { version: row.version });
			return row;
		}),

	/** Sets the enterprise's places (kinds, maximum, free now), each count dated in the history. */
	setPlaces: roleCheckedProcedure.input(setPlacesSchema).mutation(async ({ ctx, input }) => {
		const enterprise = await kept(ctx, input.id);
		await setPlaces(ctx.db, enterprise.id, ctx.user.id, input.places);
		await audit(ctx, 'asf.places', audited(enterprise), `Satte platserna för ”${enterprise.name}”`, {
			places: input.places
		});
		return placesOf(ctx.db, enterprise.id);
	}),

	/** The enterprise's public image, with the alt text every image needs. */
	setImage: roleCheckedProcedure.input(setImageInput).mutation(async ({ ctx, input }) => {
		const enterprise = await kept(ctx, input.id);
		if (enterprise.version !== input.version) throw conflict();
		const set = await imageColumns(ctx.db, input);
		const row = await saveEnterprise(ctx.db, input.id, ctx.user.id, set, input.version);
		if (!row) throw conflict();
		await audit(ctx, 'asf.image_set', audited(row), `Satte en bild på ”${row.name}”`, { key: input.key });
		return row;
	}),

	removeImage: roleCheckedProcedure.input(removeImageInput).mutation(async ({ ctx, input }) => {
		const enterprise = await kept(ctx, input.id);
		const row = await saveEnterprise(ctx.db, input.id, ctx.user.id, NO_IMAGE, input.version);
		if (!row) throw conflict();
		await audit(ctx, 'asf.image_remove', audited(row), `Tog bort bilden från ”${row.name}”`, {
			key: enterprise.image_key
		});
		return row;
	}),

	/** A new link for the enterprise to report through; the old one stops working. */
	renewLink: roleCheckedProcedure.input(z.object({ id: idSchema })).mutation(async ({ ctx, input }) => {
		const enterprise = await kept(ctx, input.id);
		const token = await renewLink(ctx.db, enterprise.id, ctx.user.id);
		await audit(ctx, 'asf.link', audited(enterprise), `Skapade en ny uppdateringslänk för ”${enterprise.name}”`);
		return { token };
	}),

	/** Brings in a CSV list: all rows or none; a known organisation number updates that enterprise. */
	importCsv: roleCheckedProcedure.input(importSchema).mutation(async ({ ctx, input }) => {
		const region = await requireRegion(ctx, input.region);
		assertCanKeepRegister(ctx.memberships, region.id);
		await assertFeature(ctx, { forbund_id: null, region_id: region.id }, 'asf');
		const { rows, errors } = readImport(input.csv);
		if (errors.length) return { created: 0, updated: 0, errors };
		let created = 0;
		let updated = 0;
		for (const { fields, given } of rows) {
			const existing = await ctx.db
				.selectFrom('asf_enterprise')
				.select('id')
				.where('region_id', '=', region.id)
				.where('org_number', '=', fields.orgNumber)
				.executeTakeFirst();
			if (!existing) {
				await insertEnterprise(ctx.db, region.id, ctx.user.id, fields);
				created++;
				continue;
			}
			const set: Updateable<AsfEnterpriseTable> = { name: fields.name };
			if (given.has('legalForm')) set.legal_form = fields.legalForm;
			if (given.has('municipalities')) set.municipalities = fields.municipalities;
			if (given.has('businessLines')) set.business_lines = fields.businessLines;
			if (given.has('summary')) set.summary = fields.summary;
			if (given.has('website')) set.website = fields.website;
			if (given.has('contactName')) set.contacts = JSON.stringify(fields.contacts);
			// Row-level security hides a row it may not change: that is a refusal, not a quiet no-op.
			if (!(await saveEnterprise(ctx.db, existing.id, ctx.user.id, set))) {
				throw new TRPCError({ code: 'FORBIDDEN', message: 'Du får inte ändra registret.' });
			}
			updated++;
		}
		await audit(ctx, 'asf.import', { id: 0, region_id: region.id }, `Importerade ASF-registret från CSV`, {
			created,
			updated
		});
		return { created, updated, errors: [] };
	}),

	/** The internal notes on an enterprise, latest first; every read is audited. */
	notes: roleCheckedProcedure.input(z.object({ enterpriseId: idSchema })).query(async ({ ctx, input }) => {
		const { enterprise, region } = await noted(ctx, input.enterpriseId);
		assertCanReadNotes(ctx.memberships, region);
		// The database's own rule too, before a read is logged: the log records reads by the staff only.
		const staffNow = await sql<{ ok: boolean }>`select app_is_asf_staff(${enterprise.region_id}) as ok`.execute(ctx.db);
		if (!staffNow.rows[0]?.ok) throw new TRPCError({ code: 'FORBIDDEN', message: 'Du får inte läsa anteckningarna.' });
		const notes = await ctx.db
			.selectFrom('asf_note as n')
			.leftJoin('app_user_name as u', 'u.id', 'n.author_id')
			.select(['n.id', 'n.body', 'n.created_at', 'u.name as author_name'])
			.where('n.enterprise_id', '=', enterprise.id)
			.orderBy('n.created_at', 'desc')
			.orderBy('n.id', 'desc')
			.execute();
		await audit(ctx, 'asf.notes.read', audited(enterprise), `Läste de interna anteckningarna om ”${enterprise.name}”`, {
			count: notes.length
		});
		return { enterprise: { id: enterprise.id, name: enterprise.name, slug: enterprise.slug }, notes };
	}),

	/** Whether the caller may read or only leave notes on the enterprise, for the notes page. */
	noteAccess: roleCheckedProcedure.input(z.object({ enterpriseId: idSchema })).query(async ({ ctx, input }) => {
		const { enterprise, region } = await noted(ctx, input.enterpriseId);
		return {
			enterprise: { id: enterprise.id, name: enterprise.name, slug: enterprise.slug },
			canRead: canReadNotes(ctx.memberships, region),
			canWrite: canLeaveNote(ctx.memberships, region)
		};
	}),

	addNote: roleCheckedProcedure.input(noteSchema).mutation(async ({ ctx, input }) => {
		const { enterprise, region } = await noted(ctx, input.enterpriseId);
		assertCanLeaveNote(ctx.memberships, region);
		// No RETURNING: an editor may write a note but not read it back (row-level security).
		await ctx.db
			.insertInto('asf_note')
			.values({ enterprise_id: enterprise.id, body: input.body, author_id: ctx.user.id })
			.execute();
		// The audit keeps that a note was written, not its text (which may name people).
		await audit(ctx, 'asf.notes.add', audited(enterprise), `Skrev en intern anteckning om ”${enterprise.name}”`);
		return { ok: true as const };
	})
} satisfies TRPCRouterRecord;
