import { createDb } from '@regionportalen/db/client';
import { unseal } from '@regionportalen/db/seal';
import { createTestDatabase, seedFixtures } from '@regionportalen/db/testing';
import { TASKS } from '@regionportalen/worker';
import { sql } from 'kysely';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createCaller } from '../src/index.ts';
import { expectTrpcError, refusalMessages, TEST_ORIGIN } from './helpers.ts';

// The accessibility statement and the reports of problems, against a real PostgreSQL: the API as the
// servers call it (rp_app, row-level security on), the database behind it read as the owner.

const { db, owner, workerUrl } = await createTestDatabase();
const fx = await seedFixtures(owner);

// Förbund A has a contact address; B has none but an admin of its own; C has neither.
await owner
	.updateTable('forbund')
	.set({ contact_email: 'kansli@a.test.example', contact_phone: '08-111 11 11', origin: 'https://a.test.example' })
	.where('id', '=', fx.forbund.a)
	.execute();
const { id: adminB } = await owner
	.insertInto('app_user')
	.values({ email: 'adminb@test.example', name: 'adminB' })
	.returning('id')
	.executeTakeFirstOrThrow();
await owner
	.insertInto('membership')
	.values({ user_id: adminB, role: 'forbund_admin', forbund_id: fx.forbund.b })
	.execute();

/** A caller as a person (null: a visitor), from a client address. */
const as = (id: number | null, clientAddress = '192.0.2.1') =>
	createCaller({
		db,
		user: id === null ? null : { id, email: `u${id}@test.example`, name: `u${id}` },
		session: id === null ? null : { id: `test-session-${id}`, twoFactorVerified: true },
		origin: TEST_ORIGIN,
		clientAddress
	});
const { users } = fx;

const statementInput = (site: { forbund: string } | { hub: true }) => ({
	site,
	compliance: 'partial' as const,
	assessmentMethod: 'self' as const,
	assessmentDescription: 'Granskad med skärmläsare och axe.',
	assessedOn: '2026-11-20',
	preparedOn: '2026-11-25',
	gaps: [
		{ description: 'PDF-filer från före 2018 är inte tillgängliga.', legalBasis: 'out_of_scope' as const },
		{
			description: 'Kartan saknar textalternativ.',
			legalBasis: 'non_compliance' as const,
			fixPlannedOn: '2027-03-31'
		}
	]
});

const reportFields = {
	pageUrl: 'https://a.test.example/nyheter',
	description: 'Knappen Sök går inte att nå med tangentbordet.',
	name: 'Vera Besökare',
	email: 'vera.besokare@example.org'
};

/** The outbox's mails (as the owner sees them), with their bodies unsealed. */
async function outbox() {
	const rows = await owner
		.selectFrom('mail_outbox')
		.select(['recipient', 'subject', 'body_sealed', 'forbund_id'])
		.orderBy('id')
		.execute();
	return rows.map((r) => ({ ...r, text: r.body_sealed ? Buffer.from(unseal(r.body_sealed)).toString('utf8') : '' }));
}

const statementRows = () =>
	Promise.all([
		owner.selectFrom('accessibility_statement').selectAll().orderBy('id').execute(),
		owner.selectFrom('accessibility_gap').selectAll().orderBy('id').execute()
	]);

beforeEach(async () => {
	await owner.deleteFrom('mail_outbox').execute();
	await owner.deleteFrom('accessibility_report').execute();
	await owner.deleteFrom('rate_limit').execute();
});

describe('the statement', () => {
	it('is filled from the site facts with defaults until an admin saves one', async () => {
		const a = await as(null).accessibility.statement({ site: { forbund: 'a' } });
		expect(a).toMatchObject({
			saved: false,
			site: { name: 'Samordningsförbundet A', origin: 'https://a.test.example' },
			contact: { email: 'kansli@a.test.example', phone: '08-111 11 11' },
			compliance: 'partial',
			assessmentMethod: 'self',
			updatedAt: null,
			gaps: []
		});
		expect(a.assessmentDescription).not.toBe('');
		const hub = await as(null).accessibility.statement({ site: { hub: true } });
		expect(hub).toMatchObject({ saved: false, site: { name: 'Regionportalen', origin: TEST_ORIGIN } });
		await expectTrpcError(as(null).accessibility.statement({ site: { forbund: 'finns-inte' } }), 'NOT_FOUND');
	});

	it('saves with its gaps, and each save sets "senast uppdaterad" anew', async () => {
		const first = await as(users.adminA).accessibility.saveStatement(statementInput({ forbund: 'a' }));
		const { now } = await sql<{ now: Date }>`select now()`.execute(owner).then((r) => r.rows[0]!);
		expect(Math.abs(first.updatedAt.getTime() - now.getTime())).toBeLessThan(5_000);
		const saved = await as(null).accessibility.statement({ site: { forbund: 'a' } });
		expect(saved).toMatchObject({
			saved: true,
			assessedOn: '2026-11-20',
			preparedOn: '2026-11-25',
			// Without contact details of its own, the statement shows the förbund's.
			contact: { email: 'kansli@a.test.example' },
			gaps: [
				{ legalBasis: 'out_of_scope', fixPlannedOn: null },
				{ legalBasis: 'non_compliance', fixPlannedOn: '2027-03-31', description: 'Kartan saknar textalternativ.' }
			]
		});
		expect(saved.updatedAt).toEqual(first.updatedAt);

		await new Promise((resolve) => setTimeout(resolve, 20));
		const second = await as(users.adminA).accessibility.saveStatement({
			...statementInput({ forbund: 'a' }),
			compliance: 'full',
			contactEmail: 'tillganglighet@a.test.example',
			gaps: []
		});
		expect(second.updatedAt.getTime()).toBeGreaterThan(first.updatedAt.getTime());
		const again = await as(null).accessibility.statement({ site: { forbund: 'a' } });
		expect(again).toMatchObject({
			compliance: 'full',
			gaps: [],
			contact: { email: 'tillganglighet@a.test.example' },
			updatedAt: second.updatedAt
		});
		const [statements] = await statementRows();
		expect(statements.filter((s) => s.forbund_id === fx.forbund.a)).toHaveLength(1);
		const audit = await owner
			.selectFrom('audit_log')
			.select(['action', 'forbund_id', 'actor_id'])
			.where('action', '=', 'accessibility.statement_save')
			.execute();
		expect(audit).toContainEqual({
			action: 'accessibility.statement_save',
			forbund_id: fx.forbund.a,
			actor_id: users.adminA
		});
	});

	it('refuses everyone but the förbund admin and the platform admins, and the hub to all but platform admins', async () => {
		const before = await statementRows();
		const refused: [number | null, { forbund: string } | { hub: true }][] = [
			[null, { forbund: 'a' }],
			[users.noRoles, { forbund: 'a' }],
			[users.editorA, { forbund: 'a' }],
			[users.coordinatorNorr, { forbund: 'a' }],
			[users.adminA, { forbund: 'b' }],
			[users.adminA, { hub: true }],
			[users.coordinatorNorr, { hub: true }]
		];
		for (const [user, site] of refused) {
			const error = await expectTrpcError(as(user).accessibility.saveStatement(statementInput(site)));
			expect(user === null ? 'UNAUTHORIZED' : 'FORBIDDEN').toBe(error.code);
		}
		expect(await statementRows()).toEqual(before);

		await as(users.platformAdmin).accessibility.saveStatement(statementInput({ hub: true }));
		await as(users.platformAdmin).accessibility.saveStatement(statementInput({ forbund: 'b' }));
		expect((await as(null).accessibility.statement({ site: { hub: true } })).saved).toBe(true);
	});

	it('validates the form in Swedish', async () => {
		const error = await expectTrpcError(
			as(users.adminA).accessibility.saveStatement({
				...statementInput({ forbund: 'a' }),
				preparedOn: '25 november',
				gaps: [{ description: ' ', legalBasis: 'out_of_scope' }]
			}),
			'BAD_REQUEST'
		);
		expect(refusalMessages(error)).toContain('Ange datum som ÅÅÅÅ-MM-DD.');
		expect(refusalMessages(error)).toContain('Beskriv bristen.');
	});

	it('is refused to anyone through PostgreSQL itself, whatever the API would allow', async () => {
		// rp_app as editorA: the policies alone decide.
		const attempt = db.transaction().execute(async (trx) => {
			await sql`select set_config('app.user_id', ${String(users.editorA)}, true)`.execute(trx);
			await trx
				.insertInto('accessibility_statement')
				.values({ forbund_id: fx.forbund.c, compliance: 'full', assessment_method: 'self', prepared_on: '2026-01-01' })
				.execute();
		});
		await expect(attempt).rejects.toThrow(/row-level security/);
	});
});

describe('a report', () => {
	it('is mailed through the outbox to the förbund contact address, never to the address typed', async () => {
		const { id } = await as(null).accessibility.report({ site: { forbund: 'a' }, ...reportFields });
		expect(id).toMatch(/^\d+$/);
		const mails = await outbox();
		expect(mails.map((m) => m.recipient)).toEqual(['kansli@a.test.example']);
		expect(mails[0]!.forbund_id).toBe(fx.forbund.a);
		expect(mails[0]!.text).toContain(reportFields.description);
		expect(mails[0]!.text).toContain(reportFields.pageUrl);
		expect(mails[0]!.text).toContain(`https://a.test.example/admin/tillganglighet/rapporter`);
		const stored = await owner.selectFrom('accessibility_report').selectAll().executeTakeFirstOrThrow();
		expect(stored).toMatchObject({
			forbund_id: fx.forbund.a,
			region_id: fx.regions.norr,
			status: 'new',
			page_url: reportFields.pageUrl,
			description: reportFields.description,
			name: reportFields.name,
			email: reportFields.email
		});
	});

	it("goes to the förbund admins when it has no contact address, the hub's to the platform admins", async () => {
		await as(null, '192.0.2.2').accessibility.report({ site: { forbund: 'b' }, ...reportFields });
		await as(null, '192.0.2.2').accessibility.report({ site: { hub: true }, ...reportFields });
		// C has neither a contact address nor an admin: the report waits in the admins' list, unmailed.
		await as(null, '192.0.2.2').accessibility.report({ site: { forbund: 'c' }, ...reportFields });
		const mails = await outbox();
		expect(mails.map((m) => [m.recipient, m.forbund_id])).toEqual([
			['adminb@test.example', fx.forbund.b],
			['platformadmin@test.example', null]
		]);
		expect(await owner.selectFrom('accessibility_report').select('id').execute()).toHaveLength(3);
		expect(mails.some((m) => m.recipient === reportFields.email)).toBe(false);
	});

	it('needs only a description, and says so in Swedish', async () => {
		const error = await expectTrpcError(
			as(null).accessibility.report({ site: { forbund: 'a' }, description: '  ', email: 'inte-en-adress' }),
			'BAD_REQUEST'
		);
		expect(refusalMessages(error)).toContain('Beskriv problemet du stötte på.');
		expect(refusalMessages(error)).toContain('Det ser inte ut som en e-postadress.');
		await as(null).accessibility.report({ site: { forbund: 'a' }, description: 'Kontrasten är för låg.' });
		expect(await outbox()).toHaveLength(1);
	});

	it('is rate-limited per client: five an hour, then a Swedish 429', async () => {
		for (let i = 0; i < 5; i++) {
			await as(null, '198.51.100.7').accessibility.report({ site: { forbund: 'a' }, description: `Problem ${i}` });
		}
		const error = await expectTrpcError(
			as(null, '198.51.100.7').accessibility.report({ site: { forbund: 'a' }, description: 'Ett till' }),
			'TOO_MANY_REQUESTS'
		);
		expect(error.message).toMatch(/^För många försök, vänta .+ och försök igen\.$/);
		// A signed-in person from the same address is the same client.
		await expectTrpcError(
			as(users.editorA, '198.51.100.7').accessibility.report({ site: { forbund: 'a' }, description: 'Ett till' }),
			'TOO_MANY_REQUESTS'
		);
		// Another client is not affected.
		await as(null, '198.51.100.8').accessibility.report({ site: { forbund: 'a' }, description: 'Annan klient' });
		expect(await owner.selectFrom('accessibility_report').select('id').execute()).toHaveLength(6);
		// The limit's key holds no address.
		const keys = await owner.selectFrom('rate_limit').select('key').execute();
		expect(keys.some((k) => k.key.includes('198.51.100'))).toBe(false);
	});

	it('leaves an audit entry without personal data, and without the account of a signed-in reporter', async () => {
		const { id } = await as(users.editorA, '192.0.2.3').accessibility.report({
			site: { forbund: 'a' },
			...reportFields
		});
		const entries = await owner.selectFrom('audit_log').selectAll().where('entity_id', '=', id).execute();
		expect(entries).toHaveLength(1);
		const entry = entries[0]!;
		expect(entry).toMatchObject({ actor_id: null, subject_id: null, forbund_id: fx.forbund.a, ip: null });
		const written = JSON.stringify(entry);
		for (const value of Object.values(reportFields)) expect(written).not.toContain(value);
		expect(written).not.toContain('Vera');
	});

	it('cannot be read by a visitor, an editor or another förbund admin, even straight from PostgreSQL', async () => {
		await as(null).accessibility.report({ site: { forbund: 'a' }, ...reportFields });
		// rp_app with nobody stated: the visitor.
		expect(await db.selectFrom('accessibility_report').selectAll().execute()).toEqual([]);
		for (const user of [users.editorA, adminB, users.coordinatorNorr]) {
			const rows = await db.transaction().execute(async (trx) => {
				await sql`select set_config('app.user_id', ${String(user)}, true)`.execute(trx);
				return trx.selectFrom('accessibility_report').selectAll().execute();
			});
			expect(rows).toEqual([]);
		}
		// Nor written straight in: only through app_file_accessibility_report.
		await expect(
			db.insertInto('accessibility_report').values({ forbund_id: fx.forbund.a, description: 'Direkt' }).execute()
		).rejects.toThrow(/permission denied/);
		// Its admin does see it.
		const rows = await db.transaction().execute(async (trx) => {
			await sql`select set_config('app.user_id', ${String(users.adminA)}, true)`.execute(trx);
			return trx.selectFrom('accessibility_report').select('description').execute();
		});
		expect(rows).toEqual([{ description: reportFields.description }]);
	});
});

describe("the admin's list of reports", () => {
	it('shows the site admins their reports and lets them set status, note and reply date', async () => {
		await as(null).accessibility.report({ site: { forbund: 'a' }, ...reportFields });
		await as(null).accessibility.report({ site: { forbund: 'b' }, description: 'B:s problem' });
		const list = await as(users.adminA).accessibility.reports({ site: { forbund: 'a' } });
		expect(list.reports.map((r) => [r.description, r.status, r.email])).toEqual([
			[reportFields.description, 'new', reportFields.email]
		]);
		const id = list.reports[0]!.id;
		await as(users.adminA).accessibility.updateReport({
			site: { forbund: 'a' },
			id,
			status: 'answered',
			note: 'Svarat per mejl.',
			repliedOn: '2026-12-01'
		});
		const after = await as(users.adminA).accessibility.reports({ site: { forbund: 'a' }, status: 'answered' });
		expect(after.reports).toMatchObject([
			{ id, status: 'answered', note: 'Svarat per mejl.', replied_on: '2026-12-01' }
		]);
		expect((await as(users.adminA).accessibility.reports({ site: { forbund: 'a' }, status: 'new' })).reports).toEqual(
			[]
		);
		const platform = await as(users.platformAdmin).accessibility.reports({ site: { forbund: 'b' } });
		expect(platform.reports.map((r) => r.description)).toEqual(['B:s problem']);
	});

	it('refuses the list and the changes to everyone else', async () => {
		await as(null).accessibility.report({ site: { forbund: 'a' }, ...reportFields });
		const [report] = await owner.selectFrom('accessibility_report').select(['id', 'status']).execute();
		for (const [user, site] of [
			[null, { forbund: 'a' }],
			[users.editorA, { forbund: 'a' }],
			[users.coordinatorNorr, { forbund: 'a' }],
			[adminB, { forbund: 'a' }],
			[users.adminA, { hub: true }]
		] as const) {
			await expectTrpcError(as(user).accessibility.reports({ site }));
			await expectTrpcError(
				as(user).accessibility.updateReport({ site, id: report!.id, status: 'fixed', note: 'Nej' })
			);
		}
		// A report of A's, named through B's site by B's admin, is not found there.
		await expectTrpcError(
			as(adminB).accessibility.updateReport({ site: { forbund: 'b' }, id: report!.id, status: 'fixed' }),
			'NOT_FOUND'
		);
		expect(await owner.selectFrom('accessibility_report').select(['id', 'status']).execute()).toEqual([report]);
	});
});

describe("the worker's purge", () => {
	const worker = createDb({ connectionString: workerUrl, max: 1 });
	afterAll(() => worker.destroy());

	it('deletes closed reports a year after their last change, and keeps new ones however old', async () => {
		for (const description of ['gammal ny', 'gammal besvarad', 'färsk åtgärdad']) {
			await as(null, '203.0.113.9').accessibility.report({ site: { forbund: 'a' }, description });
		}
		const old = new Date(Date.now() - 400 * 86_400_000);
		await owner
			.updateTable('accessibility_report')
			.set({ updated_at: old })
			.where('description', 'like', 'gammal%')
			.execute();
		await owner
			.updateTable('accessibility_report')
			.set({ status: 'answered' })
			.where('description', '=', 'gammal besvarad')
			.execute();
		await owner
			.updateTable('accessibility_report')
			.set({ status: 'fixed' })
			.where('description', '=', 'färsk åtgärdad')
			.execute();
		await TASKS['accessibility.purge']!({ dueAt: new Date().toISOString() }, worker, { mailKeepDays: 7 });
		const left = await owner.selectFrom('accessibility_report').select('description').orderBy('id').execute();
		expect(left.map((r) => r.description)).toEqual(['gammal ny', 'färsk åtgärdad']);
	});
});
