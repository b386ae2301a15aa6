import { sql } from 'kysely';
import { createTestDatabase, seedFixtures } from '@regionportalen/db/testing';
import { describe, expect, it } from 'vitest';
import { asfCallersFor, expectTrpcError, seedAsfStaff } from './helpers.ts';

// Place requests from a förbund's ask to a start: the steps and their mails, the place a start
// takes, the "no personal data" rule in the API and the database, and every forbidden path.

const { db, owner } = await createTestDatabase();
const fx = await seedFixtures(owner);
const staff = await seedAsfStaff(owner, fx);
const as = asfCallersFor(db, fx, staff);

const NONE = { met: false, note: '' };
const enterprise = await as.asfNorr.asf.create({
	region: 'norr',
	fields: {
		name: 'Solna Återbruk',
		orgNumber: '802547-3276',
		legalForm: 'ekonomisk_forening',
		municipalities: ['Solna'],
		criteria: { syfte: NONE, delaktighet: NONE, aterinvestering: NONE, oberoende: NONE }
	}
});
await as.asfNorr.asf.setPlaces({ id: enterprise.id, places: [{ kind: 'arbetstraning', max: 4, free: 2 }] });
const southern = await as.asfSyd.asf.create({
	region: 'syd',
	fields: {
		name: 'Södra Kafét',
		orgNumber: '556677-8899',
		legalForm: 'aktiebolag_svb',
		criteria: { syfte: NONE, delaktighet: NONE, aterinvestering: NONE, oberoende: NONE }
	}
});

const ask = (extra: Record<string, unknown> = {}) => ({
	forbund: 'a',
	fields: {
		placeKind: 'arbetstraning' as const,
		ageBand: '25-29' as const,
		needs: ['upptrappning' as const, 'nara_handledning' as const],
		description: 'Vill arbeta med händerna, gärna med textil.',
		municipality: 'Solna',
		wishedStart: '2027-01-11',
		...extra
	}
});

const mailsTo = (to: string) =>
	owner.selectFrom('mail_outbox').select('subject').where('recipient', '=', to).orderBy('id').execute();
const freeNow = async () =>
	(
		await owner
			.selectFrom('asf_place')
			.select('free_places')
			.where('enterprise_id', '=', enterprise.id)
			.executeTakeFirstOrThrow()
	).free_places;

describe('a place request', () => {
	it('goes from the förbund’s ask to a start, with a mail to the requester at each of the samordnare’s steps', async () => {
		const request = await as.staffA.asf.askForPlace(ask());
		expect(request.status).toBe('ny');
		expect(await mailsTo('asfnorr@test.example')).toEqual([
			{ subject: `Ny förfrågan om plats (nr ${request.id}) från a` }
		]);

		const view = await as.asfNorr.asf.request({ owner: { region: 'norr' }, id: request.id });
		expect(view.canMove).toBe(true);
		expect(view.choices.map((c) => [c.name, c.free_places, c.serves_municipality])).toEqual([
			['Solna Återbruk', 2, true]
		]);

		const proposed = await as.asfNorr.asf.proposeEnterprise({
			id: request.id,
			version: request.version,
			enterpriseId: enterprise.id
		});
		const visited = await as.asfNorr.asf.recordRequestStep({
			id: request.id,
			version: proposed.version,
			step: 'besok',
			happenedAt: '2027-01-05T10:00'
		});
		await as.asfNorr.asf.recordRequestStep({
			id: request.id,
			version: visited.version,
			step: 'startad',
			happenedAt: '2027-01-11T09:00',
			note: 'Börjar med fyra timmar om dagen.'
		});

		const seen = await as.staffA.asf.request({ owner: { forbund: 'a' }, id: request.id });
		expect(seen.request.status).toBe('startad');
		expect(seen.request.enterprise_name).toBe('Solna Återbruk');
		expect(seen.steps.map((s) => s.step)).toEqual(['skapad', 'foreslagen', 'besok', 'startad']);
		// The visit's time is the one recorded, in Swedish time, not when it was typed in.
		const visit = seen.steps.find((s) => s.step === 'besok')!;
		expect(new Date(visit.happened_at).toISOString()).toBe('2027-01-05T09:00:00.000Z');
		expect(seen.canWithdraw).toBe(false);
		expect(seen.choices).toEqual([]);

		expect((await mailsTo('staffa@test.example')).map((m) => m.subject)).toEqual([
			`Din förfrågan om plats (nr ${request.id}): företag föreslaget`,
			`Din förfrågan om plats (nr ${request.id}): besök`,
			`Din förfrågan om plats (nr ${request.id}): start`
		]);
		// The start took one of the two free places, dated in the place's history.
		expect(await freeNow()).toBe(1);
		const history = await as.asfNorr.asf.get({ id: enterprise.id });
		expect(history.history[0]).toMatchObject({ free_places: 1, via: 'samordnare' });

		// A started request is closed: no step follows it.
		await expectTrpcError(
			as.asfNorr.asf.recordRequestStep({
				id: request.id,
				version: seen.request.version,
				step: 'avbojd',
				happenedAt: '2027-01-12T09:00'
			}),
			'BAD_REQUEST'
		);
	});

	it('after a decline is proposed again, and the förbund may withdraw it while it is open', async () => {
		const request = await as.staffA.asf.askForPlace(ask({ needs: [] }));
		await expectTrpcError(
			as.asfNorr.asf.recordRequestStep({
				id: request.id,
				version: request.version,
				step: 'startad',
				happenedAt: '2027-01-11T09:00'
			}),
			'BAD_REQUEST'
		);
		const proposed = await as.asfNorr.asf.proposeEnterprise({
			id: request.id,
			version: request.version,
			enterpriseId: enterprise.id
		});
		const declined = await as.asfNorr.asf.recordRequestStep({
			id: request.id,
			version: proposed.version,
			step: 'avbojd',
			happenedAt: '2027-01-08T13:30'
		});
		expect(declined.status).toBe('avbojd');
		// An old version is a conflict, not a silent overwrite.
		await expectTrpcError(
			as.asfNorr.asf.proposeEnterprise({ id: request.id, version: proposed.version, enterpriseId: enterprise.id }),
			'CONFLICT'
		);
		// Another region's enterprise is no proposal.
		await expectTrpcError(
			as.asfNorr.asf.proposeEnterprise({ id: request.id, version: declined.version, enterpriseId: southern.id }),
			'BAD_REQUEST'
		);
		const withdrawn = await as.staffA.asf.withdrawRequest({ id: request.id, version: declined.version });
		expect(withdrawn.status).toBe('aterkallad');
		const open = await as.asfNorr.asf.requests({ owner: { region: 'norr' }, status: 'oppna' });
		expect(open.requests.map((r) => r.id)).not.toContain(request.id);
		const closed = await as.asfNorr.asf.requests({ owner: { region: 'norr' }, status: 'stangda' });
		expect(closed.requests.map((r) => r.id)).toContain(request.id);
	});

	it('refuses a personnummer in its text, in the API and in the database, and names the rule in Swedish', async () => {
		for (const description of ['Deltagaren 19850412-1234 behöver stöd', 'pnr 850412-1234', 'nr 8504121234.']) {
			const error = await expectTrpcError(as.staffA.asf.askForPlace(ask({ description })), 'BAD_REQUEST');
			expect(error.message).toMatch(/personnummer/);
		}
		await expectTrpcError(as.staffA.asf.askForPlace(ask({ description: 'x'.repeat(301) })), 'BAD_REQUEST');
		// Dates and counts are not personnummer.
		await as.staffA.asf.askForPlace(ask({ description: 'Start v. 2, 2027-01-11, 4 timmar/dag.' }));
		const request = await owner.selectFrom('asf_request').select('id').executeTakeFirstOrThrow();
		await expect(
			sql`update asf_request set description = 'född 850412-1234' where id = ${request.id}`.execute(owner)
		).rejects.toThrow(/check constraint/);
		await expect(
			sql`insert into asf_request_step (request_id, step, happened_at, note)
				values (${request.id}, 'besok', now(), '850412-1234')`.execute(owner)
		).rejects.toThrow(/check constraint/);
	});
});

describe('who sees and moves a request', () => {
	it('is the region’s ASF staff only: visitors, editors and another region get nothing', async () => {
		const request = await as.staffA.asf.askForPlace(ask());
		const forbidden = [
			() => as.anonymous.asf.request({ owner: { forbund: 'a' }, id: request.id }),
			() => as.editorA.asf.request({ owner: { forbund: 'a' }, id: request.id }),
			() => as.staffC.asf.request({ owner: { region: 'norr' }, id: request.id }),
			() => as.asfSyd.asf.request({ owner: { region: 'norr' }, id: request.id }),
			() => as.editorA.asf.requests({ owner: { forbund: 'a' }, status: 'alla' }),
			() => as.asfSyd.asf.placeOverview({ owner: { region: 'norr' } }),
			() => as.anonymous.asf.placeOverview({ owner: { region: 'norr' } })
		];
		for (const call of forbidden) await expect(call()).rejects.toThrow();
		// Syd's samordnare asking through its own hub finds no such request.
		await expectTrpcError(as.asfSyd.asf.request({ owner: { region: 'syd' }, id: request.id }), 'NOT_FOUND');
		// Förbund B's site does not show förbund A's request.
		await expectTrpcError(as.asfNorr.asf.request({ owner: { forbund: 'b' }, id: request.id }), 'NOT_FOUND');
	});

	it('is asked by the förbund’s insatspersonal and moved by the samordnare, not the other way round', async () => {
		await expectTrpcError(as.editorA.asf.askForPlace(ask()), 'FORBIDDEN');
		await expectTrpcError(as.staffC.asf.askForPlace(ask()), 'FORBIDDEN');
		await expectTrpcError(as.asfNorr.asf.askForPlace(ask()), 'FORBIDDEN');
		const request = await as.staffA.asf.askForPlace(ask());
		await expectTrpcError(
			as.staffA.asf.proposeEnterprise({ id: request.id, version: request.version, enterpriseId: enterprise.id }),
			'FORBIDDEN'
		);
		await expectTrpcError(
			as.asfSyd.asf.proposeEnterprise({ id: request.id, version: request.version, enterpriseId: enterprise.id }),
			'NOT_FOUND'
		);
		// Another region's staff do not learn that the request exists.
		await expectTrpcError(as.staffC.asf.withdrawRequest({ id: request.id, version: request.version }), 'NOT_FOUND');
		await expectTrpcError(as.editorA.asf.withdrawRequest({ id: request.id, version: request.version }), 'NOT_FOUND');
		expect(
			(await owner.selectFrom('asf_request').select('status').where('id', '=', request.id).executeTakeFirstOrThrow())
				.status
		).toBe('ny');
	});

	it('the database refuses the same paths when the API is bypassed (row-level security)', async () => {
		const request = await as.staffA.asf.askForPlace(ask());
		const asUser = async <T>(userId: number | null, run: (trx: typeof db) => Promise<T>) =>
			db.transaction().execute(async (trx) => {
				if (userId !== null) await sql`select set_config('app.user_id', ${String(userId)}, true)`.execute(trx);
				return run(trx as unknown as typeof db);
			});
		const visible = (userId: number | null) =>
			asUser(userId, (trx) => trx.selectFrom('asf_request').select('id').execute());
		expect(await visible(null)).toEqual([]);
		expect(await visible(fx.users.editorA)).toEqual([]);
		expect(await visible(staff.asfSyd)).toEqual([]);
		expect(await visible(staff.staffC)).toEqual([]);
		expect((await visible(staff.staffA)).map((r) => r.id)).toContain(request.id);
		// Insatspersonal may withdraw, not propose; nobody deletes.
		const moved = await asUser(staff.staffA, (trx) =>
			trx
				.updateTable('asf_request')
				.set({ status: 'foreslagen', enterprise_id: enterprise.id })
				.where('id', '=', request.id)
				.execute()
		).catch((e: Error) => e);
		expect(moved).toBeInstanceOf(Error);
		const removed = await asUser(staff.asfNorr, (trx) =>
			trx.deleteFrom('asf_request').where('id', '=', request.id).execute()
		).catch((e: Error) => e);
		expect(removed).toBeInstanceOf(Error);
		// Only the samordnare hears the requester's address.
		const { rows } = await asUser(staff.staffC, (trx) =>
			sql<{ email: string | null }>`select app_asf_requester_email(${request.id}) as email`.execute(trx)
		);
		expect(rows[0]?.email).toBeNull();
	});
});

describe('the overview', () => {
	it('shows the region’s free places and open requests to its staff', async () => {
		const overview = await as.staffA.asf.placeOverview({ owner: { forbund: 'a' } });
		expect(overview.free.map((f) => [f.enterprise_name, f.kind, f.free_places])).toEqual([
			['Solna Återbruk', 'arbetstraning', 1]
		]);
		expect(overview.open.length).toBeGreaterThan(0);
		expect(overview.open.every((r) => r.status !== 'startad' && r.status !== 'aterkallad')).toBe(true);
		expect(overview.canMove).toBe(false);
		// No agreement funds places here, so none stands unused (asf-agreements.test.ts flags one).
		expect(overview.unused).toEqual([]);
	});
});
