import { unseal } from '@regionportalen/db/seal';
import { createTestDatabase, seedFixtures } from '@regionportalen/db/testing';
import { describe, expect, it } from 'vitest';
import { callersFor, expectTrpcError } from './helpers.ts';

// A joint project from the first draft to every partner's site: written by the owner's editor with
// two phases, partners and budget, approved by the owner's admin; each partner's delprojekt is its
// own insats, added up on the project's page, the site's own first. And the paths that stay shut.

const { db, owner } = await createTestDatabase();
const fx = await seedFixtures(owner);
const as = callersFor(db, fx);

const category = (
	await owner
		.selectFrom('insats_precise_category')
		.select('id')
		.where('inriktning', '=', 'individinriktad')
		.orderBy('position')
		.executeTakeFirstOrThrow()
).id;

const insatsFields = (name: string) => ({
	name,
	inriktning: 'individinriktad' as const,
	preciseCategoryId: category,
	followUp: 'personuppgifter' as const,
	esf: true
});

/** A published delprojekt of a förbund in a phase, with figures for a year; written as the owner. */
async function publishedDelprojekt(
	forbund: 'a' | 'b',
	phaseId: number,
	year: { year: number; women: number; men: number; toWork: number; budget: number }
) {
	const { id } = await owner
		.insertInto('insats')
		.values({
			region_id: fx.regions.norr,
			forbund_id: fx.forbund[forbund],
			slug: `del-${forbund}-${phaseId}`,
			name: `Delprojekt ${forbund.toUpperCase()} ${phaseId}`,
			inriktning: 'individinriktad',
			precise_category_id: category,
			follow_up: 'personuppgifter',
			esf: true,
			status: 'published',
			published_at: new Date('2024-01-01'),
			providers: '[]',
			contacts: JSON.stringify([{ name: `Ledare ${forbund}`, title: 'Projektledare', email: '', phone: '' }]),
			project_phase_id: phaseId
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await owner
		.insertInto('insats_year')
		.values({
			insats_id: id,
			year: year.year,
			participants_women: year.women,
			participants_men: year.men,
			to_work: year.toWork,
			cost_budget: year.budget
		})
		.execute();
	return id;
}

describe('a joint project', async () => {
	const created = await as.editorA.projects.create({
		owner: { forbund: 'a' },
		name: 'Mobilisering',
		fullName: 'Mobilisering inför arbete',
		purpose: 'Fler ska **komma närmare** arbete.\n\n<script>alert(1)</script>',
		esf: true,
		contacts: [{ role: 'projektchef', name: 'Test Chefsson', email: 'chef@example.se', phone: '08-1' }]
	});
	const first = (await as.editorA.projects.forEdit({ id: created.id })).phases[0]!;
	const second = await as.editorA.projects.savePhase({
		projectId: created.id,
		name: 'Mobilisering Vidare',
		periodStart: '2020-09-01',
		periodEnd: '2022-12-31',
		esfDiarienummer: '2016/00403'
	});
	for (const phaseId of [first.id, second.id]) {
		await as.editorA.projects.savePartner({ phaseId, forbund: 'b', role: 'samverkanspart' });
	}
	const af = await as.editorA.projects.savePartner({
		phaseId: first.id,
		organisation: 'Arbetsförmedlingen',
		role: 'deltagande_aktor'
	});
	await as.editorA.projects.saveFunding({
		phaseId: first.id,
		partnerId: null,
		year: 2021,
		form: 'pengar',
		amount: 600
	});
	await as.editorA.projects.saveFunding({
		phaseId: first.id,
		partnerId: af.id,
		year: 2021,
		form: 'arbete',
		amount: 400
	});
	// Saving a funder's year and form again replaces the amount.
	await as.editorA.projects.saveFunding({
		phaseId: first.id,
		partnerId: null,
		year: 2021,
		form: 'pengar',
		amount: 700
	});

	it('starts as a draft with its first phase, whose projektägare is the owner, under a slug of its name', async () => {
		expect(created).toMatchObject({ status: 'draft', slug: 'mobilisering', owner_forbund_id: fx.forbund.a });
		expect(first.position).toBe(1);
		const phase = (await as.editorA.projects.forEdit({ id: created.id })).phases[0]!;
		expect(phase.partners.map((p) => [p.forbund_slug, p.role])).toEqual([
			['a', 'projektagare'],
			[null, 'deltagande_aktor'],
			['b', 'samverkanspart']
		]);
		const again = await as.editorA.projects.create({ owner: { forbund: 'a' }, name: 'Mobilisering' });
		expect(again.slug).toBe('mobilisering-2');
		expect((await as.editorA.projects.forEdit({ id: created.id })).purpose_html).not.toContain('<script');
	});

	it('is not public while a draft, nor while it waits; the owner’s admin publishes it on every partner’s site', async () => {
		await expectTrpcError(as.anonymous.projects.page({ owner: { forbund: 'a' }, slug: 'mobilisering' }), 'NOT_FOUND');
		await as.editorA.projects.submit({ id: created.id });
		// The owner's admin is mailed, with a link to the project's editor.
		const mail = await owner
			.selectFrom('mail_outbox')
			.select(['recipient', 'subject', 'body_sealed'])
			.where('subject', '=', 'Projekt att godkänna: Mobilisering')
			.execute();
		expect(mail.map((m) => m.recipient)).toEqual(['admina@test.example']);
		expect(Buffer.from(unseal(mail[0]!.body_sealed!)).toString('utf8')).toContain(`/redaktor/projekt/${created.id}`);
		await expectTrpcError(as.editorA.projects.approve({ id: created.id }), 'FORBIDDEN');
		await expectTrpcError(as.coordinatorNorr.projects.approve({ id: created.id }), 'FORBIDDEN');
		await expectTrpcError(as.anonymous.projects.page({ owner: { region: 'norr' }, slug: 'mobilisering' }), 'NOT_FOUND');
		const approved = await as.adminA.projects.approve({ id: created.id });
		expect(approved).toMatchObject({ status: 'published', approved_by: fx.users.adminA });
		for (const owner of [{ forbund: 'a' }, { forbund: 'b' }, { region: 'norr' }]) {
			const list = await as.anonymous.projects.list({ owner });
			expect(list.map((p) => p.slug)).toContain('mobilisering');
		}
		// Förbund C (another region) takes no part: not on its site, nor on the other region's hub.
		expect(await as.anonymous.projects.list({ owner: { forbund: 'c' } })).toEqual([]);
		await expectTrpcError(as.anonymous.projects.page({ owner: { forbund: 'c' }, slug: 'mobilisering' }), 'NOT_FOUND');
		await expectTrpcError(as.anonymous.projects.page({ owner: { region: 'syd' }, slug: 'mobilisering' }), 'NOT_FOUND');
		const audit = await owner
			.selectFrom('audit_log')
			.select('action')
			.where('entity_type', '=', 'project')
			.where('entity_id', '=', String(created.id))
			.execute();
		expect(audit.map((a) => a.action)).toEqual(
			expect.arrayContaining([
				'projects.create',
				'projects.phase_save',
				'projects.partner_save',
				'projects.submit',
				'projects.approve'
			])
		);
	});

	it('shows the budget per phase and funder, with the ESF’s total', async () => {
		const page = await as.anonymous.projects.page({ owner: { forbund: 'a' }, slug: 'mobilisering' });
		const phase = page.phases[0]!;
		expect(phase.funding.map((f) => [f.funder, f.year, f.form, f.amount])).toEqual([
			['Europeiska socialfonden', 2021, 'pengar', 700],
			['Arbetsförmedlingen', 2021, 'arbete', 400]
		]);
		expect([phase.total, phase.esf_total]).toEqual([1100, 700]);
		expect(page.phases[1]!.esf_diarienummer).toBe('2016/00403');
	});

	it('a partner’s editor writes its own delprojekt and nothing else of the project', async () => {
		await expectTrpcError(as.editorB.projects.forEdit({ id: created.id }), 'FORBIDDEN');
		const before = await owner.selectFrom('project').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
		await expectTrpcError(
			as.editorB.projects.update({ id: created.id, version: before.version, name: 'Kapad' }),
			'FORBIDDEN'
		);
		await expectTrpcError(
			as.editorB.projects.savePartner({ phaseId: first.id, organisation: 'Annan', role: 'samarbetspart' }),
			'FORBIDDEN'
		);
		// Its list shows the project, read-only, with the phases it can write a delprojekt in.
		const list = await as.editorB.projects.forEditing({ owner: { forbund: 'b' } });
		expect(list.items.find((i) => i.id === created.id)).toMatchObject({ canWrite: false, canApprove: false });
		expect(list.delprojekt.map((d) => d.phase_id)).toEqual([first.id, second.id]);

		const own = await as.editorB.insatser.create({
			...insatsFields('Vårt delprojekt'),
			forbund: 'b',
			projectPhaseId: second.id
		});
		expect(own.project_phase_id).toBe(second.id);
		await expectTrpcError(
			as.editorB.insatser.create({ ...insatsFields('Ett till'), forbund: 'b', projectPhaseId: second.id }),
			'BAD_REQUEST'
		);
		// Another förbund's delprojekt is theirs (a draft it cannot even see).
		const theirs = await as.editorA.insatser.create({
			...insatsFields('Ägarens delprojekt'),
			forbund: 'a',
			projectPhaseId: second.id
		});
		await expectTrpcError(
			as.editorB.insatser.update({ ...insatsFields('Kapad'), id: theirs.id, version: theirs.version }),
			'NOT_FOUND'
		);
		await expectTrpcError(
			as.editorB.insatser.setDelprojekt({ id: theirs.id, version: theirs.version, projectPhaseId: null }),
			'NOT_FOUND'
		);
		// A förbund that is not a partner of the phase has no delprojekt there.
		const error = await expectTrpcError(
			as.platformAdmin.insatser.create({ ...insatsFields('Utanför'), forbund: 'c', projectPhaseId: second.id }),
			'BAD_REQUEST'
		);
		expect(error.message).toMatch(/inte partner/);
		await owner.deleteFrom('insats').where('id', 'in', [own.id, theirs.id]).execute();
	});

	it('adds up the published delprojekt per year and in total, a count under 5 as "<5", the site’s own first', async () => {
		const a = await publishedDelprojekt('a', second.id, { year: 2021, women: 10, men: 5, toWork: 3, budget: 1000 });
		const b = await publishedDelprojekt('b', second.id, { year: 2021, women: 2, men: 1, toWork: 3, budget: 500 });
		await publishedDelprojekt('b', first.id, { year: 2019, women: 6, men: 6, toWork: 7, budget: 200 });
		// A draft delprojekt is not counted.
		await owner
			.insertInto('insats')
			.values({
				region_id: fx.regions.norr,
				forbund_id: fx.forbund.a,
				slug: 'del-utkast',
				name: 'Utkast',
				inriktning: 'individinriktad',
				precise_category_id: category,
				follow_up: 'personuppgifter',
				providers: '[]',
				contacts: '[]',
				project_phase_id: first.id
			})
			.execute();
		const onA = await as.anonymous.projects.page({ owner: { forbund: 'a' }, slug: 'mobilisering' });
		const onB = await as.anonymous.projects.page({ owner: { forbund: 'b' }, slug: 'mobilisering' });
		expect(onA.delprojekt[0]).toMatchObject({ id: a, own: true });
		expect(onB.delprojekt[0]).toMatchObject({ forbund_slug: 'b', own: true });
		expect(onA.delprojekt.map((d) => d.name)).not.toContain('Utkast');
		// One row everywhere: the same totals on both sites.
		expect(onB.figures).toEqual(onA.figures);
		expect(onA.figures.years).toEqual([
			expect.objectContaining({ year: 2019, participants: '12', to_work: '7', cost_budget: 200 }),
			expect.objectContaining({ year: 2021, participants: '18', to_work: '6', cost_budget: 1500 })
		]);
		expect(onA.figures.total).toMatchObject({ participants: '30', to_work: '13', cost_budget: 1700, to_studies: null });
		// B's own delprojekt in 2021 had 3 participants and 3 to work: shown only as "<5".
		const bLater = onA.delprojekt.find((d) => d.id === b)!;
		expect(bLater.figures.total).toMatchObject({ participants: '<5', to_work: '<5' });
		expect(JSON.stringify(bLater.figures)).not.toMatch(/"participants":"3"/);
		// The later phase's delprojekt links to the same förbund's one in the phase before.
		expect(bLater.previous).toEqual({ name: `Delprojekt B ${first.id}`, slug: `del-b-${first.id}` });
		expect(bLater.contacts[0]!.name).toBe('Ledare b');
		// And the insats's own page tells which project it is part of.
		const insatsPage = await as.anonymous.insatser.page({ forbund: 'b', slug: `del-b-${second.id}` });
		expect(insatsPage.project).toEqual({
			name: 'Mobilisering',
			slug: 'mobilisering',
			phase_name: 'Mobilisering Vidare'
		});
	});

	it('keeps a partner with a delprojekt, the projektägare and every phase but the last', async () => {
		const partnerB = (await as.adminA.projects.forEdit({ id: created.id })).phases[1]!.partners.find(
			(p) => p.forbund_slug === 'b'
		)!;
		const kept = await expectTrpcError(as.adminA.projects.removePartner({ id: partnerB.id }), 'BAD_REQUEST');
		expect(kept.message).toMatch(/delprojekt/);
		const ownerPartner = first.partners.find((p) => p.role === 'projektagare')!;
		await expectTrpcError(as.adminA.projects.removePartner({ id: ownerPartner.id }), 'BAD_REQUEST');
		await expectTrpcError(as.adminA.projects.removePhase({ id: first.id }), 'BAD_REQUEST');
		await expectTrpcError(
			as.adminA.projects.savePartner({ phaseId: first.id, forbund: 'b', role: 'projektagare' }),
			'BAD_REQUEST'
		);
		await expectTrpcError(
			as.adminA.projects.savePartner({ phaseId: first.id, forbund: 'c', role: 'samverkanspart' }),
			'BAD_REQUEST'
		);
	});

	it('once published is changed by the owner’s admin or the coordinator, not by every writer', async () => {
		const now = await owner.selectFrom('project').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
		await expectTrpcError(
			as.editorA.projects.update({ id: created.id, version: now.version, name: 'Ändrad' }),
			'FORBIDDEN'
		);
		await expectTrpcError(
			as.editorA.projects.saveMilestone({ projectId: created.id, label: 'Xy', dueOn: '2024-01-01' }),
			'FORBIDDEN'
		);
		const saved = await as.coordinatorNorr.projects.update({
			id: created.id,
			version: now.version,
			name: 'Mobilisering',
			fullName: 'Mobilisering inför arbete',
			lifeStatus: 'pagaende'
		});
		expect(saved.life_status).toBe('pagaende');
		await expectTrpcError(
			as.coordinatorNorr.projects.update({ id: created.id, version: now.version, name: 'Gammal version' }),
			'CONFLICT'
		);
		await expectTrpcError(as.coordinatorNorr.projects.unpublish({ id: created.id }), 'FORBIDDEN');
	});

	it('refuses bad input with a Swedish message', async () => {
		const error = await expectTrpcError(
			as.adminA.projects.savePhase({
				projectId: created.id,
				name: 'Fel',
				periodStart: '2022-01-01',
				periodEnd: '2021-01-01'
			}),
			'BAD_REQUEST'
		);
		expect(error.message).toMatch(/Perioden kan inte sluta innan den börjar/);
		await expectTrpcError(
			as.adminA.projects.saveFunding({ phaseId: first.id, partnerId: null, year: 2021, form: 'pengar', amount: -1 }),
			'BAD_REQUEST'
		);
		await expectTrpcError(
			as.adminA.projects.savePartner({ phaseId: first.id, forbund: 'b', organisation: 'Båda', role: 'samarbetspart' }),
			'BAD_REQUEST'
		);
	});

	it('shows the news and documents of its parties that tell about it', async () => {
		const choices = await as.editorB.news.projectChoices({ owner: { forbund: 'b' } });
		expect(choices.map((c) => c.id)).toContain(created.id);
		const news = await as.editorB.news.create({
			owner: { forbund: 'b' },
			title: 'Nytt från delprojektet',
			lead: 'Ingress.',
			body: 'Text.',
			projectId: created.id
		});
		await as.editorB.news.publish({ id: news.id });
		// Förbund C takes no part: its items cannot tell about the project.
		await expectTrpcError(
			as.platformAdmin.news.create({
				owner: { forbund: 'c' },
				title: 'Utanför',
				lead: 'Ingress.',
				body: 'Text.',
				projectId: created.id
			}),
			'BAD_REQUEST'
		);
		const page = await as.anonymous.projects.page({ owner: { region: 'norr' }, slug: 'mobilisering' });
		expect(page.news.map((n) => n.title)).toEqual(['Nytt från delprojektet']);

		await owner
			.insertInto('document')
			.values({
				region_id: fx.regions.norr,
				forbund_id: fx.forbund.a,
				project_id: created.id,
				title: 'Slutrapport',
				document_date: '2023-01-31',
				kind: 'rapport',
				storage_key: `files/${'b'.repeat(32)}/slutrapport.pdf`,
				filename: 'slutrapport.pdf',
				size_bytes: 100
			})
			.execute();
		const documents = await as.anonymous.documents.ofProject({ projectId: created.id });
		expect(documents.map((d) => d.title)).toEqual(['Slutrapport']);
	});
});
