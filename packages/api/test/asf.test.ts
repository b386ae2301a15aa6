import { sql } from 'kysely';
import fc from 'fast-check';
import { createTestDatabase, seedFixtures } from '@regionportalen/db/testing';
import { describe, expect, it } from 'vitest';
import { luhnValid, parseOrgNumber } from '../src/asf/org-number.ts';
import { readImport } from '../src/asf/csv-import.ts';
import { asfCallersFor, expectTrpcError, seedAsfStaff } from './helpers.ts';

// The ASF register from the coordinator's first entry to the directory on every site: the
// organisation number's rule, places reported through the enterprise's own link, the CSV import,
// and the internal notes with every forbidden path tried.

const { db, owner } = await createTestDatabase();
const fx = await seedFixtures(owner);
const staff = await seedAsfStaff(owner, fx);
const as = asfCallersFor(db, fx, staff);

const NONE = { met: false, note: '' };
const fields = (name: string, orgNumber: string, extra: Record<string, unknown> = {}) => ({
	name,
	orgNumber,
	legalForm: 'ekonomisk_forening' as const,
	municipalities: ['Solna'],
	businessLines: ['second_hand' as const],
	targetGroups: ['unga' as const],
	criteria: { syfte: NONE, delaktighet: NONE, aterinvestering: NONE, oberoende: NONE },
	...extra
});

/** Ten digits whose last is the Luhn digit of the first nine (third digit at least 2). */
const orgNumberArb = fc
	.tuple(
		fc.integer({ min: 0, max: 9 }),
		fc.integer({ min: 0, max: 9 }),
		fc.integer({ min: 2, max: 9 }),
		fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 6, maxLength: 6 })
	)
	.map(([a, b, c, rest]) => {
		const nine = [a, b, c, ...rest].join('');
		const check = [...'0123456789'].find((d) => luhnValid(nine + d))!;
		return `${nine.slice(0, 6)}-${nine.slice(6)}${check}`;
	});

describe('an organisation number', () => {
	it('is ten digits with a Luhn check digit, written NNNNNN-NNNN, also from the twelve-digit form', () => {
		expect(parseOrgNumber('802481-1658')).toEqual({ ok: true, value: '802481-1658' });
		expect(parseOrgNumber('8024811658')).toEqual({ ok: true, value: '802481-1658' });
		expect(parseOrgNumber('16802481-1658')).toEqual({ ok: true, value: '802481-1658' });
		const wrong = parseOrgNumber('802481-1657');
		expect(wrong.ok === false && wrong.message).toMatch(/kontrollsiffran/);
		const short = parseOrgNumber('80248116');
		expect(short.ok === false && short.message).toMatch(/tio siffror/);
	});

	it('refuses a personnummer (a sole trader’s) with a Swedish message, in either form', () => {
		// 811218-9876 passes Luhn, but its third digit (1) starts a month.
		expect(luhnValid('8112189876')).toBe(true);
		const ten = parseOrgNumber('811218-9876');
		expect(ten.ok === false && ten.message).toMatch(/personnummer/);
		const twelve = parseOrgNumber('19811218-9876');
		expect(twelve.ok === false && twelve.message).toMatch(/personnummer/);
	});

	it('is accepted exactly when its check digit is right, and the database agrees (property)', async () => {
		await fc.assert(
			fc.asyncProperty(orgNumberArb, fc.integer({ min: 1, max: 9 }), async (valid, shift) => {
				expect(parseOrgNumber(valid)).toEqual({ ok: true, value: valid });
				const changed = valid.slice(0, -1) + String((Number(valid.at(-1)) + shift) % 10);
				expect(parseOrgNumber(changed).ok).toBe(false);
				const { rows } = await sql<{ a: boolean; b: boolean }>`select asf_org_number_valid(${valid}) as a,
					asf_org_number_valid(${changed}) as b`.execute(owner);
				expect(rows[0]).toEqual({ a: true, b: false });
			}),
			{ numRuns: 60 }
		);
	});
});

describe('the register and the directory', () => {
	it('the ASF-samordnare registers an enterprise with two kinds of places, and every site of the region shows it', async () => {
		const row = await as.asfNorr.asf.create({
			region: 'norr',
			fields: fields('Solna Återbruk', '802547-3276', {
				workplaces: [
					{ name: 'Butiken', street: 'Gatan 1', postalCode: '171 45', city: 'Solna', municipality: 'Solna' }
				],
				staffing: [{ year: 2025, employees: 10, fromTargetGroups: 4 }]
			})
		});
		expect(row.slug).toBe('solna-aterbruk');
		await as.asfNorr.asf.setPlaces({
			id: row.id,
			places: [
				{ kind: 'arbetstraning', max: 5, free: 0 },
				{ kind: 'praktik', max: 2, free: 0 }
			]
		});
		const hub = await as.anonymous.asf.directory({ owner: { region: 'norr' }, page: 1 });
		expect(hub.items.map((i) => i.name)).toContain('Solna Återbruk');
		expect(hub.municipalities).toEqual(['Solna']);
		// Förbund A serves Solna; förbund B serves none of its municipalities; region syd is another.
		const a = await as.anonymous.asf.directory({ owner: { forbund: 'a' }, page: 1 });
		expect(a.items.map((i) => i.slug)).toEqual(['solna-aterbruk']);
		expect((await as.anonymous.asf.directory({ owner: { forbund: 'b' }, page: 1 })).total).toBe(0);
		expect((await as.anonymous.asf.directory({ owner: { region: 'syd' }, page: 1 })).total).toBe(0);
		await expectTrpcError(
			as.anonymous.asf.enterprise({ owner: { forbund: 'b' }, slug: 'solna-aterbruk' }),
			'NOT_FOUND'
		);

		const page = await as.anonymous.asf.enterprise({ owner: { forbund: 'a' }, slug: 'solna-aterbruk' });
		expect(page.places.map((p) => [p.kind, p.max_places, p.free_places])).toEqual([
			['arbetstraning', 5, 0],
			['praktik', 2, 0]
		]);
		expect(page.workplaces[0]?.postal_code).toBe('171 45');
		expect(page.staffing).toEqual({ year: 2025, employees: 10, from_target_groups: 4 });
		expect(page.canKeep).toBe(false);

		// No free places yet: the filter leaves it out.
		const free = await as.anonymous.asf.directory({ owner: { region: 'norr' }, freeNow: true, page: 1 });
		expect(free.items.map((i) => i.slug)).not.toContain('solna-aterbruk');
	});

	it('the enterprise reports free places through its link without an account, and "no change" dates them too', async () => {
		const { id } = await owner
			.selectFrom('asf_enterprise')
			.select('id')
			.where('slug', '=', 'solna-aterbruk')
			.executeTakeFirstOrThrow();
		const { token } = await as.asfNorr.asf.renewLink({ id });
		const opened = await as.anonymous.asf.linkPlaces({ token });
		expect(opened.name).toBe('Solna Återbruk');
		const training = opened.places.find((p) => p.kind === 'arbetstraning')!;
		const praktik = opened.places.find((p) => p.kind === 'praktik')!;

		await expectTrpcError(
			as.anonymous.asf.reportByLink({ token, counts: { [training.id]: 6, [praktik.id]: 0 } }),
			'BAD_REQUEST'
		);
		await as.anonymous.asf.reportByLink({ token, counts: { [training.id]: 3, [praktik.id]: 1 } });
		const free = await as.anonymous.asf.directory({ owner: { forbund: 'a' }, freeNow: true, page: 1 });
		expect(free.items.map((i) => i.slug)).toEqual(['solna-aterbruk']);

		await as.anonymous.asf.reportByLink({ token, counts: null });
		const history = (await as.asfNorr.asf.get({ id })).history;
		expect(history.slice(0, 4).map((h) => [h.kind, h.free_places, h.via])).toEqual(
			expect.arrayContaining([
				['arbetstraning', 3, 'ingen_andring'],
				['praktik', 1, 'ingen_andring'],
				['arbetstraning', 3, 'lank'],
				['praktik', 1, 'lank']
			])
		);

		// A renewed link replaces the old one.
		const renewed = await as.asfNorr.asf.renewLink({ id });
		expect(renewed.token).not.toBe(token);
		await expectTrpcError(as.anonymous.asf.linkPlaces({ token }), 'NOT_FOUND');
		await expectTrpcError(as.anonymous.asf.reportByLink({ token, counts: null }), 'NOT_FOUND');
		// Nobody but the keeper reads the link's table or the history, whatever the SQL.
		for (const user of [fx.users.editorA, staff.staffA, staff.asfSyd]) {
			const rows = await db.transaction().execute(async (trx) => {
				await sql`select set_config('app.user_id', ${String(user)}, true)`.execute(trx);
				return [
					...(await trx.selectFrom('asf_update_link').selectAll().execute()),
					...(await trx.selectFrom('asf_place_history').selectAll().execute())
				];
			});
			expect(rows).toEqual([]);
		}
	});

	it('refuses a taken organisation number, a personnummer and a write by anyone but the region’s keeper', async () => {
		const taken = await expectTrpcError(
			as.asfNorr.asf.create({ region: 'norr', fields: fields('Annat namn', '802547-3276') }),
			'CONFLICT'
		);
		expect(taken.message).toMatch(/finns redan/);
		const person = await expectTrpcError(
			as.asfNorr.asf.create({ region: 'norr', fields: fields('Enskild firma', '811218-9876') }),
			'BAD_REQUEST'
		);
		expect(person.message).toMatch(/personnummer/);
		for (const caller of [as.editorA, as.adminA, as.coordinatorNorr, as.staffA, as.asfSyd]) {
			await expectTrpcError(caller.asf.create({ region: 'norr', fields: fields('Nytt', '769634-5144') }), 'FORBIDDEN');
		}
		// The same refusal from PostgreSQL alone, for a write that skipped the API.
		await expect(
			db.transaction().execute(async (trx) => {
				await sql`select set_config('app.user_id', ${String(staff.asfSyd)}, true)`.execute(trx);
				await trx
					.insertInto('asf_enterprise')
					.values({
						region_id: fx.regions.norr,
						slug: 'smuggel',
						name: 'Smuggel',
						org_number: '769634-5144',
						legal_form: 'annan',
						criteria: '{}',
						contacts: '[]'
					})
					.execute();
			})
		).rejects.toThrow(/row-level security/);
	});
});

describe('the CSV import', () => {
	it('reads Swedish columns and labels, and names every bad row', () => {
		const good = readImport(
			'\uFEFFNamn;Organisationsnummer;Företagsform;Kommuner;Verksamhet\nKafé Ett;769640-6623;Aktiebolag med särskild vinstutdelningsbegränsning (svb);Solna, Sundbyberg;Kafé och restaurang, catering\n'
		);
		expect(good.errors).toEqual([]);
		expect(good.rows[0]?.fields).toMatchObject({
			name: 'Kafé Ett',
			legalForm: 'aktiebolag_svb',
			municipalities: ['Solna', 'Sundbyberg'],
			businessLines: ['kafe_restaurang', 'catering']
		});
		const bad = readImport('namn,organisationsnummer,verksamhet\nA,811218-9876,\nBee,769640-6623,Rymdresor\n');
		expect(bad.rows.length).toBe(0);
		expect(bad.errors.map((e) => e.line)).toEqual([2, 3]);
		expect(bad.errors[0]?.message).toMatch(/personnummer|minst 2/);
		expect(bad.errors[1]?.message).toMatch(/Rymdresor/);
	});

	it('imports all rows or none, and a known number updates its enterprise', async () => {
		const before = await owner.selectFrom('asf_enterprise').select('id').execute();
		const failed = await as.asfNorr.asf.importCsv({
			region: 'norr',
			csv: 'Namn;Organisationsnummer\nKafé Två;802461-5240\nFel;123\n'
		});
		expect(failed.errors.map((e) => e.line)).toEqual([3]);
		expect(await owner.selectFrom('asf_enterprise').select('id').execute()).toEqual(before);

		const done = await as.asfNorr.asf.importCsv({
			region: 'norr',
			csv: 'Namn;Organisationsnummer;Sammanfattning\nKafé Två;802461-5240;Lunch\nSolna Återbruk;802547-3276;Nu med cyklar\n'
		});
		expect(done).toEqual({ created: 1, updated: 1, errors: [] });
		const updated = await as.anonymous.asf.enterprise({ owner: { region: 'norr' }, slug: 'solna-aterbruk' });
		expect(updated.summary).toBe('Nu med cyklar');
		// The places and the workplaces stay as they were.
		expect(updated.places.length).toBe(2);
		expect(updated.workplaces.length).toBe(1);
		await expectTrpcError(as.editorA.asf.importCsv({ region: 'norr', csv: 'Namn;Organisationsnummer\n' }), 'FORBIDDEN');
	});
});

describe('the internal notes', () => {
	const enterpriseId = async () =>
		(
			await owner
				.selectFrom('asf_enterprise')
				.select('id')
				.where('slug', '=', 'solna-aterbruk')
				.executeTakeFirstOrThrow()
		).id;

	it('are read by the ASF-samordnare and the region’s insatspersonal, each read audited; an editor only leaves one', async () => {
		const id = await enterpriseId();
		await as.staffA.asf.addNote({ enterpriseId: id, body: 'Bra handledning vid besöket.' });
		await as.editorA.asf.addNote({ enterpriseId: id, body: 'Ny adress: Gatan 2.' });
		const read = await as.asfNorr.asf.notes({ enterpriseId: id });
		expect(read.notes.map((n) => n.body)).toEqual(['Ny adress: Gatan 2.', 'Bra handledning vid besöket.']);
		expect((await as.staffA.asf.notes({ enterpriseId: id })).notes.length).toBe(2);
		const audits = await owner
			.selectFrom('audit_log')
			.select(['action', 'actor_id'])
			.where('entity_type', '=', 'asf_enterprise')
			.where('action', 'in', ['asf.notes.read', 'asf.notes.add'])
			.execute();
		expect(audits).toEqual(
			expect.arrayContaining([
				{ action: 'asf.notes.read', actor_id: staff.asfNorr },
				{ action: 'asf.notes.read', actor_id: staff.staffA },
				{ action: 'asf.notes.add', actor_id: fx.users.editorA }
			])
		);
		expect(await as.editorA.asf.noteAccess({ enterpriseId: id })).toMatchObject({ canRead: false, canWrite: true });
	});

	it('stay shut to a visitor, another region’s staff and an editor, in the API and in PostgreSQL', async () => {
		const id = await enterpriseId();
		await expectTrpcError(as.anonymous.asf.notes({ enterpriseId: id }), 'UNAUTHORIZED');
		for (const caller of [as.editorA, as.noRoles, as.staffC, as.asfSyd, as.coordinatorNorr]) {
			await expectTrpcError(caller.asf.notes({ enterpriseId: id }), 'FORBIDDEN');
		}
		for (const caller of [as.staffC, as.asfSyd, as.noRoles]) {
			await expectTrpcError(caller.asf.addNote({ enterpriseId: id, body: 'Hej' }), 'FORBIDDEN');
		}
		for (const user of [fx.users.editorA, staff.staffC, staff.asfSyd, null]) {
			const seen = await db.transaction().execute(async (trx) => {
				await sql`select set_config('app.user_id', ${user === null ? '' : String(user)}, true)`.execute(trx);
				return trx.selectFrom('asf_note').selectAll().execute();
			});
			expect(seen).toEqual([]);
		}
		// Nobody rewrites or deletes a note, not even its keeper.
		for (const change of ["update asf_note set body = 'ändrad'", 'delete from asf_note']) {
			await expect(
				db.transaction().execute(async (trx) => {
					await sql`select set_config('app.user_id', ${String(staff.asfNorr)}, true)`.execute(trx);
					await sql.raw(change).execute(trx);
				})
			).rejects.toThrow(/permission denied/);
		}
	});
});
