import { unseal } from '@regionportalen/db/seal';
import { createTestDatabase, seedFixtures } from '@regionportalen/db/testing';
import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { expectTrpcError, insatsCallersFor, seedCatalogueAdmin } from './helpers.ts';

// The editorial workflow of an insats: written, submitted (the approvers are mailed), sent back with
// a comment, fixed, approved; and the paths that must stay shut.

const { db, owner } = await createTestDatabase();
const fx = await seedFixtures(owner);
const catalogueA = await seedCatalogueAdmin(owner, fx);
const as = insatsCallersFor(db, fx, catalogueA);

const category = async (inriktning: 'individinriktad' | 'strukturovergripande', n = 0) =>
	(
		await owner
			.selectFrom('insats_precise_category')
			.select('id')
			.where('inriktning', '=', inriktning)
			.orderBy('position')
			.offset(n)
			.limit(1)
			.executeTakeFirstOrThrow()
	).id;

const fields = async () => ({
	name: 'Unga vuxna i arbete',
	summary: 'Stöd för unga 16–29 år på väg mot arbete eller studier.',
	description: 'Ett **samordnat** stöd.\n\n<script>alert(1)</script>',
	inriktning: 'individinriktad' as const,
	preciseCategoryId: await category('individinriktad'),
	followUp: 'personuppgifter' as const,
	esf: false,
	targetGroups: ['unga' as const, 'psykisk_ohalsa' as const],
	ageMin: 16,
	ageMax: 29,
	municipalities: ['Solna'],
	providers: [{ organisation: 'Solna stad', role: 'huvudman' as const, kind: 'kommun' as const }],
	contacts: [{ name: 'Mira Testsson', title: 'Samordnare', email: 'mira@example.se', phone: '08-123 45 67' }]
});

async function outbox() {
	const rows = await owner
		.selectFrom('mail_outbox')
		.select(['recipient', 'subject', 'body_sealed'])
		.orderBy('id')
		.execute();
	return rows.map((r) => ({ ...r, text: r.body_sealed ? Buffer.from(unseal(r.body_sealed)).toString('utf8') : '' }));
}

beforeEach(async () => {
	await owner.deleteFrom('insats').execute();
	await owner.deleteFrom('mail_outbox').execute();
});

describe('the workflow of an insats', () => {
	it('goes draft → review (approvers mailed) → sent back with a comment → fixed → published', async () => {
		const created = await as.editorA.insatser.create({ ...(await fields()), forbund: 'a' });
		expect(created).toMatchObject({ status: 'draft', slug: 'unga-vuxna-i-arbete', life_status: 'planerad' });
		// Rendered and sanitised when saved, as news's body.
		expect(created.description_html).toContain('<strong>samordnat</strong>');
		expect(created.description_html).not.toContain('<script');

		const submitted = await as.editorA.insatser.submit({ id: created.id });
		expect(submitted.status).toBe('review');
		const mails = await outbox();
		// The förbund's katalogadministratör and admin, never its editor.
		expect(mails.map((m) => m.recipient).sort()).toEqual(['admina@test.example', 'cataloguea@test.example']);
		expect(mails[0]!.subject).toBe('Insats att granska: Unga vuxna i arbete');
		expect(mails[0]!.text).toContain(`http://portal.test.example/redaktor/insatser/${created.id}`);

		// An editor cannot approve, even their own.
		await expectTrpcError(as.editorA.insatser.approve({ id: created.id }), 'FORBIDDEN');
		// Sending back needs a comment.
		const noComment = await expectTrpcError(as.catalogueA.insatser.sendBack({ id: created.id, comment: '  ' }));
		expect(noComment.message).toContain('Skriv en kommentar');
		await as.catalogueA.insatser.sendBack({ id: created.id, comment: 'Lägg till vem man kontaktar.' });

		// The author sees the comment, in the list and on the item.
		const list = await as.editorA.insatser.forEditing({ forbund: 'a' });
		expect(list.items[0]).toMatchObject({ status: 'draft', review_comment: 'Lägg till vem man kontaktar.' });
		const item = await as.editorA.insatser.forEdit({ id: created.id });
		expect(item.review_comment_by_name).toBe('catalogueA');

		const fixed = await as.editorA.insatser.update({
			...(await fields()),
			accessText: 'Kontakta din handläggare på Arbetsförmedlingen.',
			id: created.id,
			version: item.version
		});
		await as.editorA.insatser.submit({ id: fixed.id });
		const published = await as.catalogueA.insatser.approve({ id: created.id });
		expect(published).toMatchObject({ status: 'published', approved_by: catalogueA, review_comment: '' });
		expect(published.first_published_at).not.toBeNull();
		// Approving is a review: "granskad senast" is today, by the approver.
		expect(published.reviewed_by).toBe(catalogueA);
		expect(published.reviewed_at).toMatch(/^\d{4}-\d{2}-\d{2}$/);

		// Visitors can now read it (RLS: published).
		const seen = await db.selectFrom('insats').select('name').where('id', '=', created.id).execute();
		expect(seen).toHaveLength(1);

		const entries = await owner
			.selectFrom('audit_log')
			.select('action')
			.where('entity_type', '=', 'insats')
			.where('entity_id', '=', String(created.id))
			.orderBy('id')
			.execute();
		expect(entries.map((e) => e.action)).toEqual([
			'insatser.create',
			'insatser.submit',
			'insatser.send_back',
			'insatser.update',
			'insatser.submit',
			'insatser.approve'
		]);
	});

	it('refuses another förbund’s editor, and leaves the insats as it was', async () => {
		const created = await as.editorA.insatser.create({ ...(await fields()), forbund: 'a' });
		await expectTrpcError(as.editorB.insatser.update({ ...(await fields()), id: created.id, version: 1 }));
		await expectTrpcError(
			as.editorB.insatser.create({ ...(await fields()), municipalities: [], forbund: 'a' }),
			'FORBIDDEN'
		);
		await expectTrpcError(as.editorB.insatser.submit({ id: created.id }));
		const after = await owner.selectFrom('insats').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
		expect(after).toEqual(created);
	});

	it('offers only the förbund’s own municipalities, and a precise category of the chosen inriktning', async () => {
		const foreign = await expectTrpcError(
			as.editorA.insatser.create({ ...(await fields()), municipalities: ['Solna', 'Malmö'], forbund: 'a' })
		);
		expect(foreign.message).toBe('Malmö är inte medlem i förbundet: välj bland förbundets kommuner.');
		const mismatch = await expectTrpcError(
			as.editorA.insatser.create({
				...(await fields()),
				preciseCategoryId: await category('strukturovergripande'),
				forbund: 'a'
			})
		);
		expect(mismatch.message).toBe('Den preciserade inriktningen hör till den andra inriktningen.');
		const choices = await as.editorA.insatser.editorChoices({ forbund: 'a' });
		expect(choices.municipalities).toEqual(['Solna', 'Sundbyberg']);
		expect(choices.categories.length).toBeGreaterThanOrEqual(8);
	});
});

describe('the four Uppföljning Finsam categories', () => {
	async function publishedInsats() {
		const created = await as.editorA.insatser.create({ ...(await fields()), forbund: 'a' });
		await as.editorA.insatser.submit({ id: created.id });
		return as.catalogueA.insatser.approve({ id: created.id });
	}

	it('may change before the first publication', async () => {
		const created = await as.editorA.insatser.create({ ...(await fields()), forbund: 'a' });
		const saved = await as.editorA.insatser.update({
			...(await fields()),
			followUp: 'endast_antal',
			esf: true,
			id: created.id,
			version: created.version
		});
		expect(saved).toMatchObject({ follow_up: 'endast_antal', esf: true });
	});

	it('are refused after it, with a clear message, even after unpublishing; the database refuses too', async () => {
		const published = await publishedInsats();
		const changes = [
			{ esf: true },
			{ followUp: 'endast_antal' as const },
			{ preciseCategoryId: await category('individinriktad', 1) },
			{ inriktning: 'strukturovergripande' as const, preciseCategoryId: await category('strukturovergripande') }
		];
		for (const change of changes) {
			const error = await expectTrpcError(
				as.catalogueA.insatser.update({ ...(await fields()), ...change, id: published.id, version: published.version }),
				'BAD_REQUEST'
			);
			expect(error.message).toContain('i Uppföljning Finsam är en sådan ändring en ny insats');
		}
		const draft = await as.catalogueA.insatser.unpublish({ id: published.id });
		expect(draft.status).toBe('draft');
		await expectTrpcError(
			as.editorA.insatser.update({ ...(await fields()), esf: true, id: draft.id, version: draft.version }),
			'BAD_REQUEST'
		);
		// The trigger is the last line, whoever writes the SQL.
		await expect(owner.updateTable('insats').set({ esf: true }).where('id', '=', draft.id).execute()).rejects.toThrow(
			/fixed since its first publication/
		);
	});

	it('are kept by a restore, which brings back the text', async () => {
		const created = await as.editorA.insatser.create({ ...(await fields()), forbund: 'a' });
		const v2 = await as.editorA.insatser.update({
			...(await fields()),
			name: 'Unga vuxna i arbete och studier',
			followUp: 'endast_antal',
			id: created.id,
			version: created.version
		});
		const v3 = await as.editorA.insatser.update({
			...(await fields()),
			name: 'Unga vuxna – nytt namn',
			followUp: 'personuppgifter',
			esf: true,
			id: v2.id,
			version: v2.version
		});
		const revisions = await as.editorA.insatser.revisions({ id: created.id });
		expect(revisions.map((r) => r.version)).toEqual([3, 2, 1]);
		const restored = await as.editorA.insatser.restore({
			id: created.id,
			revisionId: revisions.find((r) => r.version === 2)!.id,
			version: v3.version
		});
		expect(restored).toMatchObject({
			name: 'Unga vuxna i arbete och studier',
			follow_up: 'personuppgifter',
			esf: true
		});
		// A stale version is a conflict.
		await expectTrpcError(
			as.editorA.insatser.restore({ id: created.id, revisionId: revisions[0]!.id, version: v3.version }),
			'CONFLICT'
		);
	});
});

describe('a published insats', () => {
	it('is changed only by an approver; its life status and intake by any writer', async () => {
		const created = await as.editorA.insatser.create({ ...(await fields()), forbund: 'a' });
		await as.editorA.insatser.submit({ id: created.id });
		const published = await as.adminA.insatser.approve({ id: created.id });
		const error = await expectTrpcError(
			as.editorA.insatser.update({ ...(await fields()), summary: 'Ny', id: published.id, version: published.version }),
			'FORBIDDEN'
		);
		expect(error.message).toContain('katalogadministratör');
		const state = await as.editorA.insatser.setState({
			id: published.id,
			version: published.version,
			lifeStatus: 'pagaende',
			intake: 'vantelista',
			intakeAsOf: '2026-11-01'
		});
		expect(state).toMatchObject({ life_status: 'pagaende', intake: 'vantelista', intake_as_of: '2026-11-01' });
		const saved = await as.catalogueA.insatser.update({
			...(await fields()),
			summary: 'Ny sammanfattning',
			id: published.id,
			version: state.version
		});
		expect(saved.summary).toBe('Ny sammanfattning');
		await expectTrpcError(as.editorA.insatser.markReviewed({ id: published.id }), 'FORBIDDEN');
	});

	it('is listed as due for review after 12 months without one, until it is marked reviewed', async () => {
		const created = await as.editorA.insatser.create({ ...(await fields()), forbund: 'a' });
		await as.editorA.insatser.submit({ id: created.id });
		await as.catalogueA.insatser.approve({ id: created.id });
		await owner.updateTable('insats').set({ reviewed_at: '2024-01-15' }).where('id', '=', created.id).execute();
		const queue = await as.catalogueA.insatser.approvalQueue({ forbund: 'a' });
		expect(queue.reviewDue.map((r) => r.id)).toEqual([created.id]);
		expect((await as.editorA.insatser.forEditing({ forbund: 'a' })).items[0]!.review_due).toBe(true);
		await expectTrpcError(as.editorA.insatser.approvalQueue({ forbund: 'a' }), 'FORBIDDEN');
		// The reference list is offered there to a platform admin only.
		expect(queue.categories).toBeNull();
		expect((await as.platformAdmin.insatser.approvalQueue({ forbund: 'a' })).categories?.length).toBeGreaterThan(7);
		await as.catalogueA.insatser.markReviewed({ id: created.id });
		expect((await as.catalogueA.insatser.approvalQueue({ forbund: 'a' })).reviewDue).toEqual([]);
	});
});

describe('years, in aggregate', () => {
	it('are saved per year, replaced and removed; counts cannot be negative', async () => {
		const created = await as.editorA.insatser.create({ ...(await fields()), forbund: 'a' });
		const year = { id: created.id, year: 2026, costBudget: 1_200_000, plannedParticipants: 40, participantsWomen: 12 };
		await as.editorA.insatser.saveYear(year);
		await as.editorA.insatser.saveYear({ ...year, participantsWomen: 14, toWork: 3 });
		const item = await as.editorA.insatser.forEdit({ id: created.id });
		expect(item.years).toHaveLength(1);
		expect(item.years[0]).toMatchObject({ cost_budget: '1200000', participants_women: 14, to_work: 3 });
		const negative = await expectTrpcError(as.editorA.insatser.saveYear({ ...year, toStudies: -1 }));
		expect(negative.message).toContain('Antal kan inte vara negativa.');
		await as.editorA.insatser.removeYear({ id: created.id, year: 2026 });
		expect((await as.editorA.insatser.forEdit({ id: created.id })).years).toEqual([]);
	});
});

describe('the referral form and the reference data', () => {
	it('keeps one referral PDF whose key is the upload’s own', async () => {
		const created = await as.editorA.insatser.create({ ...(await fields()), forbund: 'a' });
		const key = `files/${'a'.repeat(32)}/remiss.pdf`;
		const { item } = await as.editorA.insatser.setReferral({
			id: created.id,
			version: created.version,
			key,
			filename: 'Remiss.pdf',
			size: 1000
		});
		expect(item).toMatchObject({ referral_key: key, referral_filename: 'Remiss.pdf' });
		const removed = await as.editorA.insatser.removeReferral({ id: created.id, version: item.version });
		expect(removed.storage_key).toBe(key);
		await expectTrpcError(
			as.editorA.insatser.setReferral({
				id: created.id,
				version: item.version,
				key: 'files/x/y.pdf',
				filename: 'a',
				size: 1
			})
		);
	});

	it('lets only a platform admin add a precise category', async () => {
		await expectTrpcError(
			as.adminA.insatser.addPreciseCategory({ inriktning: 'individinriktad', label: 'Testkategori' }),
			'FORBIDDEN'
		);
		const row = await as.platformAdmin.insatser.addPreciseCategory({
			inriktning: 'individinriktad',
			label: 'Testkategori'
		});
		expect(row.label).toBe('Testkategori');
		await expectTrpcError(
			as.platformAdmin.insatser.addPreciseCategory({ inriktning: 'individinriktad', label: 'testkategori' }),
			'CONFLICT'
		);
		await owner.deleteFrom('insats_precise_category').where('id', '=', row.id).execute();
	});

	it('answers the approvers’ addresses only to the förbund’s writers', async () => {
		const { rows } = await sql<{
			emails: string[];
		}>`select app_insats_approver_emails(${fx.forbund.a}) as emails`.execute(db);
		expect(rows[0]!.emails).toEqual([]);
	});
});
