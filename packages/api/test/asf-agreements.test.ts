import { sql } from 'kysely';
import { createTestDatabase, seedFixtures } from '@regionportalen/db/testing';
import { describe, expect, it } from 'vitest';
import { unusedFundedPlaces, whoBuysWhatTable } from '../src/asf/index.ts';
import { asfCallersFor, expectTrpcError, seedAsfStaff, testOrgNumber } from './helpers.ts';

// ASF agreements: the coordinator's writes with their version, the warnings of reserved procurement
// and direct award (by the threshold in force on the start date), the public and internal parts as a
// visitor, another region's staff and the region's own staff see them, who buys what per year, and
// the funded places left unused for 30 days.

const { db, owner } = await createTestDatabase();
const fx = await seedFixtures(owner);
const staff = await seedAsfStaff(owner, fx);
const as = asfCallersFor(db, fx, staff);

let serial = 0;
const orgNumber = () => testOrgNumber(serial);
async function enterprise(region: 'norr' | 'syd' = 'norr', staffing?: [number, number, number]) {
	serial++;
	const { id } = await owner
		.insertInto('asf_enterprise')
		.values({
			region_id: fx.regions[region],
			slug: `avtalsforetag-${serial}`,
			name: `Avtalsföretaget ${serial}`,
			org_number: orgNumber(),
			legal_form: 'ekonomisk_forening',
			criteria: '{}',
			contacts: '[]'
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	if (staffing) {
		await owner
			.insertInto('asf_staffing')
			.values({ enterprise_id: id, year: staffing[0], employees: staffing[1], from_target_groups: staffing[2] })
			.execute();
	}
	return id;
}

const fields = (enterpriseId: number, extra: Record<string, unknown> = {}) => ({
	enterpriseId,
	title: 'Arbetsträning i verkstaden',
	buyerKind: 'forbund' as const,
	buyerForbundId: fx.forbund.a,
	form: 'lou' as const,
	startsOn: '2025-01-01',
	endsOn: '2026-12-31',
	status: 'aktivt' as const,
	valueSek: 480_000,
	diarienummer: 'SF 2024/17',
	notes: 'Hemlig avtalsanteckning',
	...extra
});

describe('an agreement', () => {
	it('is created by the ASF-samordnare with its places, and updated on the version read', async () => {
		await owner.deleteFrom('asf_enterprise').execute();
		const e = await enterprise();
		const { agreement, warnings } = await as.asfNorr.asf.agreementCreate({
			region: 'norr',
			fields: fields(e),
			places: [{ kind: 'arbetstraning', places: 3 }]
		});
		expect(warnings).toEqual([]);
		expect(agreement).toMatchObject({ buyer_kind: 'forbund', buyer_forbund_id: fx.forbund.a, version: 1 });
		const got = await as.asfNorr.asf.agreementGet({ id: agreement.id });
		expect(got.agreement).toMatchObject({
			buyer_name: 'Samordningsförbundet A',
			places: [{ kind: 'arbetstraning', places: 3 }],
			internal: { value_sek: 480_000, diarienummer: 'SF 2024/17', notes: 'Hemlig avtalsanteckning' }
		});

		const saved = await as.asfNorr.asf.agreementUpdate({
			id: agreement.id,
			version: 1,
			fields: fields(e, { buyerKind: 'kommun', buyerMunicipality: 'Solna', buyerForbundId: fx.forbund.a })
		});
		// Only the kind's own key is kept.
		expect(saved.agreement).toMatchObject({
			version: 2,
			buyer_kind: 'kommun',
			buyer_forbund_id: null,
			buyer_municipality: 'Solna'
		});
		const stale = await expectTrpcError(
			as.asfNorr.asf.agreementUpdate({ id: agreement.id, version: 1, fields: fields(e) }),
			'CONFLICT'
		);
		expect(stale.message).toMatch(/Någon annan har sparat avtalet/);
	});

	it('refuses bad input with a Swedish message: an end before the start, a buyer missing, another region’s enterprise', async () => {
		const e = await enterprise();
		const other = await enterprise('syd');
		const backwards = await expectTrpcError(
			as.asfNorr.asf.agreementCreate({ region: 'norr', fields: fields(e, { endsOn: '2024-01-01' }) }),
			'BAD_REQUEST'
		);
		expect(backwards.message).toMatch(/sluta innan det börjar/);
		const noBuyer = await expectTrpcError(
			as.asfNorr.asf.agreementCreate({ region: 'norr', fields: fields(e, { buyerForbundId: null }) }),
			'BAD_REQUEST'
		);
		expect(noBuyer.message).toMatch(/Välj vilket förbund/);
		const foreign = await expectTrpcError(
			as.asfNorr.asf.agreementCreate({ region: 'norr', fields: fields(other) }),
			'BAD_REQUEST'
		);
		expect(foreign.message).toMatch(/regionens register/);
		const foreignBuyer = await expectTrpcError(
			as.asfNorr.asf.agreementCreate({ region: 'norr', fields: fields(e, { buyerForbundId: fx.forbund.c }) }),
			'BAD_REQUEST'
		);
		expect(foreignBuyer.message).toMatch(/regionens förbund/);
		const pricedLou = await expectTrpcError(
			as.asfNorr.asf.agreementCreate({ region: 'norr', fields: fields(e, { pricePerDaySek: 150 }) }),
			'BAD_REQUEST'
		);
		expect(pricedLou.message).toMatch(/Arbetsförmedlingens avtal/);
		// The database's own rule, past the API: a förbund of another region cannot be the buyer.
		await expect(
			owner
				.insertInto('asf_agreement')
				.values({
					region_id: fx.regions.norr,
					enterprise_id: e,
					title: 'Fel region',
					buyer_kind: 'forbund',
					buyer_forbund_id: fx.forbund.c,
					form: 'lou',
					starts_on: '2025-01-01',
					ends_on: '2025-12-31'
				})
				.execute()
		).rejects.toThrow(/asf_agreement_buyer_forbund_fkey/);
	});
});

describe('the warnings', () => {
	it('warn of a reserved procurement when under 30 % of the latest year’s employees come from the target groups', async () => {
		const low = await enterprise('norr', [2025, 10, 2]);
		await owner
			.insertInto('asf_staffing')
			.values({ enterprise_id: low, year: 2023, employees: 10, from_target_groups: 9 })
			.execute();
		const ok = await enterprise('norr', [2025, 10, 3]);
		const none = await enterprise('norr');
		const reserved = (e: number) =>
			as.asfNorr.asf.agreementCreate({ region: 'norr', fields: fields(e, { form: 'reserverad' }) });
		const warned = await reserved(low);
		expect(warned.warnings).toHaveLength(1);
		expect(warned.warnings[0]).toMatch(/minst 30 %.*20 % år 2025/);
		expect((await reserved(ok)).warnings).toEqual([]);
		expect((await reserved(none)).warnings[0]).toMatch(/inga uppgifter om sina anställda/);
		// A warning, not a refusal: the agreement was saved, and its page shows the warning too.
		const page = await as.asfNorr.asf.agreementGet({ id: warned.agreement.id });
		expect(page.warnings).toEqual(warned.warnings);
		// The same enterprise in a LOU procurement: nothing to warn of.
		expect((await as.asfNorr.asf.agreementCreate({ region: 'norr', fields: fields(low) })).warnings).toEqual([]);
	});

	it('warn of a direct award over the threshold in force on its start date', async () => {
		const e = await enterprise();
		const direct = (startsOn: string, valueSek: number) =>
			as.asfNorr.asf.agreementCreate({
				region: 'norr',
				fields: fields(e, { form: 'direktupphandling', startsOn, endsOn: '2027-12-31', valueSek })
			});
		// 650 000 kr: over 615 312 kr (2020–2021), under 700 000 kr (from 1 February 2022).
		const early = await direct('2021-03-01', 650_000);
		expect(early.warnings).toHaveLength(1);
		expect(early.warnings[0]).toMatch(/650\s000 kr.*615\s312 kr.*2021-03-01/);
		expect((await direct('2022-01-31', 650_000)).warnings).toHaveLength(1);
		expect((await direct('2022-02-01', 650_000)).warnings).toEqual([]);
		expect((await direct('2025-06-01', 700_000)).warnings).toEqual([]);
		expect((await direct('2025-06-01', 700_001)).warnings[0]).toMatch(/700\s000 kr/);
		// An update is judged again.
		const row = await direct('2023-01-01', 100_000);
		const updated = await as.asfNorr.asf.agreementUpdate({
			id: row.agreement.id,
			version: row.agreement.version,
			fields: fields(e, { form: 'direktupphandling', startsOn: '2023-01-01', valueSek: 900_000 })
		});
		expect(updated.warnings).toHaveLength(1);
	});
});

describe('the public and the internal part', () => {
	it('show a visitor the buyer, form, period and kinds of places, never the value, notes or a draft', async () => {
		const e = await enterprise();
		const active = await as.asfNorr.asf.agreementCreate({
			region: 'norr',
			fields: fields(e, { notes: 'Hemlig avtalsanteckning', valueSek: 123_456 }),
			places: [
				{ kind: 'arbetstraning', places: 2 },
				{ kind: 'praktik', places: 1 }
			]
		});
		await as.asfNorr.asf.agreementCreate({
			region: 'norr',
			fields: fields(e, { title: 'Ett utkast', status: 'utkast' })
		});
		const shown = await as.anonymous.asf.agreementPublic({ enterpriseId: e });
		expect(shown).toEqual([
			{
				id: active.agreement.id,
				title: 'Arbetsträning i verkstaden',
				buyer: 'Samordningsförbundet A',
				form: 'lou',
				starts_on: '2025-01-01',
				ends_on: '2026-12-31',
				status: 'aktivt',
				kinds: ['arbetstraning', 'praktik']
			}
		]);
		// Staff of either region get the same public answer: the internal part has its own procedures.
		expect(await as.staffA.asf.agreementPublic({ enterpriseId: e })).toEqual(shown);
		for (const caller of [as.anonymous, as.asfSyd, as.staffC, as.editorA]) {
			const text = JSON.stringify(await caller.asf.agreementPublic({ enterpriseId: e }));
			expect(text).not.toMatch(/Hemlig|123456|SF 2024/);
		}
		// An inactive enterprise's agreements are not public.
		await owner.updateTable('asf_enterprise').set({ active: false }).where('id', '=', e).execute();
		expect(await as.anonymous.asf.agreementPublic({ enterpriseId: e })).toEqual([]);
		await owner.updateTable('asf_enterprise').set({ active: true }).where('id', '=', e).execute();
	});

	it('give the internal part to the region’s ASF staff only, in the API and in the database', async () => {
		const e = await enterprise();
		const { agreement } = await as.asfNorr.asf.agreementCreate({ region: 'norr', fields: fields(e) });
		await expectTrpcError(as.anonymous.asf.agreementList({ region: 'norr' }), 'UNAUTHORIZED');
		await expectTrpcError(as.anonymous.asf.agreementGet({ id: agreement.id }), 'UNAUTHORIZED');
		for (const outsider of [as.asfSyd, as.staffC, as.editorA, as.noRoles]) {
			await expectTrpcError(outsider.asf.agreementList({ region: 'norr' }), 'FORBIDDEN');
			await expectTrpcError(outsider.asf.agreementGet({ id: agreement.id }), 'FORBIDDEN');
			await expectTrpcError(outsider.asf.agreementWhoBuysWhat({ region: 'norr' }), 'FORBIDDEN');
			await expectTrpcError(outsider.asf.agreementUnusedPlaces({ region: 'norr' }), 'FORBIDDEN');
		}
		// The förbund's insatspersonal read it, but do not write.
		const read = await as.staffA.asf.agreementGet({ id: agreement.id });
		expect(read.agreement.internal).toMatchObject({ notes: 'Hemlig avtalsanteckning' });
		expect(read.canKeep).toBe(false);
		await expectTrpcError(
			as.staffA.asf.agreementUpdate({ id: agreement.id, version: agreement.version, fields: fields(e) }),
			'FORBIDDEN'
		);

		// Row-level security, as each person in a transaction of their own.
		const internalRows = (userId: number | null) =>
			db.transaction().execute(async (trx) => {
				if (userId !== null) await sql`select set_config('app.user_id', ${String(userId)}, true)`.execute(trx);
				const internal = await trx
					.selectFrom('asf_agreement_internal')
					.select('notes')
					.where('agreement_id', '=', agreement.id)
					.execute();
				const public_ = await trx.selectFrom('asf_agreement').select('id').where('id', '=', agreement.id).execute();
				return { internal: internal.length, public: public_.length };
			});
		expect(await internalRows(null)).toEqual({ internal: 0, public: 1 });
		expect(await internalRows(staff.asfSyd)).toEqual({ internal: 0, public: 1 });
		expect(await internalRows(staff.staffC)).toEqual({ internal: 0, public: 1 });
		expect(await internalRows(fx.users.editorA)).toEqual({ internal: 0, public: 1 });
		expect(await internalRows(staff.staffA)).toEqual({ internal: 1, public: 1 });
		expect(await internalRows(staff.asfNorr)).toEqual({ internal: 1, public: 1 });
		// A draft is not even public.
		await owner.updateTable('asf_agreement').set({ status: 'utkast' }).where('id', '=', agreement.id).execute();
		expect(await internalRows(null)).toEqual({ internal: 0, public: 0 });
		expect(await internalRows(staff.staffA)).toEqual({ internal: 1, public: 1 });
		// Another region's coordinator cannot write either part, even past the API.
		await db.transaction().execute(async (trx) => {
			await sql`select set_config('app.user_id', ${String(staff.asfSyd)}, true)`.execute(trx);
			const changed = await trx
				.updateTable('asf_agreement_internal')
				.set({ notes: 'Ändrad' })
				.where('agreement_id', '=', agreement.id)
				.executeTakeFirst();
			expect(changed.numUpdatedRows).toBe(0n);
		});
	});
});

describe('who buys what', () => {
	it('sums places and spreads each agreement’s value over its days, per year, buyer and enterprise', async () => {
		await owner.deleteFrom('asf_enterprise').execute();
		const e = await enterprise();
		const f = await enterprise();
		// 365 days: 184 in 2025, 181 in 2026.
		await as.asfNorr.asf.agreementCreate({
			region: 'norr',
			fields: fields(e, { startsOn: '2025-07-01', endsOn: '2026-06-30', valueSek: 365_000 }),
			places: [{ kind: 'arbetstraning', places: 3 }]
		});
		await as.asfNorr.asf.agreementCreate({
			region: 'norr',
			fields: fields(e, { startsOn: '2026-01-01', endsOn: '2026-12-31', valueSek: 100_000 }),
			places: [{ kind: 'praktik', places: 2 }]
		});
		await as.asfNorr.asf.agreementCreate({
			region: 'norr',
			fields: fields(f, {
				buyerKind: 'arbetsformedlingen',
				form: 'af_avtal',
				startsOn: '2026-03-01',
				endsOn: '2026-08-31',
				valueSek: null,
				pricePerDaySek: 150
			}),
			places: [{ kind: 'arbetstraning', places: 5 }]
		});
		// A draft counts for nothing.
		await as.asfNorr.asf.agreementCreate({
			region: 'norr',
			fields: fields(f, { status: 'utkast', valueSek: 1_000_000 }),
			places: [{ kind: 'praktik', places: 9 }]
		});
		const all = await as.staffA.asf.agreementWhoBuysWhat({ region: 'norr' });
		expect(all.years).toEqual([2026, 2025]);
		const y2026 = await as.asfNorr.asf.agreementWhoBuysWhat({ region: 'norr', year: 2026 });
		expect(y2026.items.map((r) => [r.buyer, r.enterprise_name, r.agreements, r.places, r.value_sek])).toEqual([
			['Arbetsförmedlingen', 'Avtalsföretaget ' + String(serial), 1, 5, null],
			['Samordningsförbundet A', 'Avtalsföretaget ' + String(serial - 1), 2, 5, 281_000]
		]);
		const y2025 = await as.asfNorr.asf.agreementWhoBuysWhat({ region: 'norr', year: 2025 });
		expect(y2025.items.map((r) => [r.buyer, r.places, r.value_sek])).toEqual([['Samordningsförbundet A', 3, 184_000]]);
		expect(whoBuysWhatTable(y2025.items)).toEqual([
			['År', 'Köpare', 'Socialt företag', 'Avtal', 'Platser', 'Värde (kr)'],
			[2025, 'Samordningsförbundet A', `Avtalsföretaget ${serial - 1}`, 1, 3, 184_000]
		]);
		// Another region's agreements are not in it.
		expect((await as.asfSyd.asf.agreementWhoBuysWhat({ region: 'syd' })).items).toEqual([]);
	});
});

describe('funded places left unused', () => {
	it('are flagged when the free count of a funded kind stayed above zero through the last 30 days', async () => {
		await owner.deleteFrom('asf_enterprise').execute();
		const day = 24 * 3600 * 1000;
		const now = new Date();
		const iso = (d: Date) => d.toISOString().slice(0, 10);
		const place = async (e: number, kind: 'arbetstraning' | 'praktik', reports: [number, number][]) => {
			const last = reports.at(-1)!;
			const { id } = await owner
				.insertInto('asf_place')
				.values({
					enterprise_id: e,
					kind,
					max_places: 5,
					free_places: last[1],
					free_as_of: new Date(now.getTime() - last[0] * day)
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			for (const [daysAgo, free] of reports) {
				await owner
					.insertInto('asf_place_history')
					.values({
						place_id: id,
						free_places: free,
						via: 'lank',
						recorded_at: new Date(now.getTime() - daysAgo * day)
					})
					.execute();
			}
		};
		const running = {
			startsOn: iso(new Date(now.getTime() - 90 * day)),
			endsOn: iso(new Date(now.getTime() + 90 * day))
		};
		const unused = await enterprise();
		const used = await enterprise();
		const fresh = await enterprise();
		// Free throughout: 2 forty days ago, 1 ten days ago.
		await place(unused, 'arbetstraning', [
			[40, 2],
			[10, 1]
		]);
		// Unfunded kind at the same enterprise: not flagged.
		await place(unused, 'praktik', [[40, 3]]);
		// Full for a while five days ago.
		await place(used, 'arbetstraning', [
			[40, 2],
			[5, 0],
			[2, 1]
		]);
		// Free, but the agreement began ten days ago.
		await place(fresh, 'arbetstraning', [[40, 2]]);
		const agree = (e: number, extra: Record<string, unknown> = {}) =>
			as.asfNorr.asf.agreementCreate({
				region: 'norr',
				fields: fields(e, { ...running, ...extra }),
				places: [{ kind: 'arbetstraning', places: 2 }]
			});
		const flagged = await agree(unused);
		await agree(used);
		await agree(fresh, { startsOn: iso(new Date(now.getTime() - 10 * day)) });
		// Ended agreements fund nothing now.
		await agree(unused, { status: 'avslutat', title: 'Det gamla avtalet' });

		const found = await as.staffA.asf.agreementUnusedPlaces({ region: 'norr' });
		expect(found).toEqual([
			expect.objectContaining({
				agreement_id: flagged.agreement.id,
				enterprise_id: unused,
				kind: 'arbetstraning',
				funded_places: 2,
				free_places: 1
			})
		]);
		// The regional overview of places flags the same, on a förbund's site of the region.
		const overview = await as.staffA.asf.placeOverview({ owner: { forbund: 'a' } });
		expect(overview.unused.map((u) => [u.agreement_id, u.kind])).toEqual([[flagged.agreement.id, 'arbetstraning']]);
		// The exported function gives the same to the region's staff, and nothing to anyone else.
		const asUser = (userId: number) =>
			db.transaction().execute(async (trx) => {
				await sql`select set_config('app.user_id', ${String(userId)}, true)`.execute(trx);
				return unusedFundedPlaces(trx, fx.regions.norr);
			});
		expect((await asUser(staff.asfNorr)).map((r) => r.agreement_id)).toEqual([flagged.agreement.id]);
		expect(await asUser(staff.asfSyd)).toEqual([]);
		expect(await unusedFundedPlaces(db, fx.regions.norr)).toEqual([]);
		// A month after the place was last full, and after the fresh agreement's first 30 days, both are flagged too.
		const later = await db.transaction().execute(async (trx) => {
			await sql`select set_config('app.user_id', ${String(staff.asfNorr)}, true)`.execute(trx);
			return unusedFundedPlaces(trx, fx.regions.norr, new Date(now.getTime() + 29 * day));
		});
		expect(later.map((r) => r.enterprise_id).sort()).toEqual([unused, used, fresh].sort());
	});
});

describe('the agreements ending', () => {
	it('lists the region’s active agreements ending within 90 days for the coordinator', async () => {
		await owner.deleteFrom('asf_enterprise').execute();
		const e = await enterprise();
		const iso = (days: number) =>
			new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(
				new Date(Date.now() + days * 86_400_000)
			);
		const soon = await as.asfNorr.asf.agreementCreate({
			region: 'norr',
			fields: fields(e, { startsOn: '2024-01-01', endsOn: iso(25), title: 'Slutar snart' })
		});
		await as.asfNorr.asf.agreementCreate({
			region: 'norr',
			fields: fields(e, { startsOn: '2024-01-01', endsOn: iso(120) })
		});
		await as.asfNorr.asf.agreementCreate({
			region: 'norr',
			fields: fields(e, { startsOn: '2024-01-01', endsOn: iso(20), status: 'uppsagt' })
		});
		const ending = await as.asfNorr.asf.agreementEnding({ region: 'norr' });
		expect(ending).toEqual([expect.objectContaining({ id: soon.agreement.id, title: 'Slutar snart', days_left: 25 })]);
		await expectTrpcError(as.staffA.asf.agreementEnding({ region: 'norr' }), 'FORBIDDEN');
	});
});
