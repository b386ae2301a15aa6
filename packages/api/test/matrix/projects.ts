import type { Db } from '@regionportalen/db/client';
import type { Fixtures } from '@regionportalen/db/testing';
import { expect } from 'vitest';
import { callersFor } from '../helpers.ts';
import { defineMatrix } from './runner.ts';

// Joint projects: every procedure, for every role, on a project owned by förbund A (region norr,
// förbund B its partner) and one owned by förbund C (region syd). Each owner has a draft, one
// waiting for approval and a published project; the partner has a draft insats to make its
// delprojekt. Who may do what is stated here apart from the code under test:
// - the owner's writers (editorA, adminA) and the region's coordinator write the project;
// - once published, only the owner's admin and the coordinator change it;
// - the owner's admin approves; a partner's editor (editorB) changes nothing of the project, and
//   makes its own insats a delprojekt.

const ACTORS = ['anonymous', 'noRoles', 'editorA', 'editorB', 'adminA', 'coordinatorNorr', 'platformAdmin'] as const;
type Actor = (typeof ACTORS)[number];
type Scope = 'a' | 'c';
const SCOPES: Scope[] = ['a', 'c'];

const writes = (actor: Actor, f: Scope) =>
	actor === 'platformAdmin' ||
	(f === 'a' && (actor === 'editorA' || actor === 'adminA' || actor === 'coordinatorNorr'));
const changesPublished = (actor: Actor, f: Scope) =>
	actor === 'platformAdmin' || (f === 'a' && (actor === 'adminA' || actor === 'coordinatorNorr'));
const approves = (actor: Actor, f: Scope) => actor === 'platformAdmin' || (f === 'a' && actor === 'adminA');
/** Who writes the partner förbund's insatser (B's for A's project; C, its own partner, has no writer here). */
const writesPartnerInsats = (actor: Actor, f: Scope) => actor === 'platformAdmin' || (f === 'a' && actor === 'editorB');

const SLUG = { a: 'a', c: 'c' } as const;

async function world(owner: Db, fx: Fixtures) {
	// A delprojekt holds its phase's partner; the insatser go first.
	await owner.deleteFrom('insats').where('slug', 'like', 'matris-%').execute();
	await owner.updateTable('insats').set({ project_phase_id: null }).execute();
	await owner.deleteFrom('project').execute();
	const category = await owner
		.selectFrom('insats_precise_category')
		.select('id')
		.where('inriktning', '=', 'individinriktad')
		.orderBy('position')
		.executeTakeFirstOrThrow();
	const ids = new Map<Scope, Awaited<ReturnType<typeof build>>>();
	async function build(f: Scope) {
		const region_id = f === 'a' ? fx.regions.norr : fx.regions.syd;
		const ownerId = fx.forbund[f];
		const partnerId = f === 'a' ? fx.forbund.b : fx.forbund.c;
		const project = async (status: 'draft' | 'review' | 'published') => {
			const { id } = await owner
				.insertInto('project')
				.values({
					region_id,
					owner_forbund_id: ownerId,
					slug: `${status}-${f}`,
					name: `Projekt ${status}`,
					contacts: '[]',
					status,
					published_at: status === 'published' ? new Date('2025-01-01') : null
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			const phases = [];
			for (const position of [1, 2]) {
				const phase = await owner
					.insertInto('project_phase')
					.values({ project_id: id, position, name: `Fas ${position}` })
					.returning('id')
					.executeTakeFirstOrThrow();
				await owner
					.insertInto('project_partner')
					.values({ phase_id: phase.id, forbund_id: ownerId, role: 'projektagare' })
					.execute();
				if (partnerId !== ownerId) {
					await owner
						.insertInto('project_partner')
						.values({ phase_id: phase.id, forbund_id: partnerId, role: 'samverkanspart' })
						.execute();
				}
				phases.push(phase.id);
			}
			const organisation = await owner
				.insertInto('project_partner')
				.values({ phase_id: phases[0]!, organisation: 'Arbetsförmedlingen', role: 'deltagande_aktor' })
				.returning('id')
				.executeTakeFirstOrThrow();
			const funding = await owner
				.insertInto('project_funding')
				.values({ phase_id: phases[0]!, partner_id: null, year: 2024, form: 'pengar', amount: 1000 })
				.returning('id')
				.executeTakeFirstOrThrow();
			const indicator = await owner
				.insertInto('project_indicator')
				.values({ project_id: id, label: 'Till arbete', unit: '%' })
				.returning('id')
				.executeTakeFirstOrThrow();
			await owner
				.insertInto('project_indicator_year')
				.values({ indicator_id: indicator.id, year: 2024, target: 30, actual: 25 })
				.execute();
			const milestone = await owner
				.insertInto('project_milestone')
				.values({ project_id: id, label: 'Start', due_on: '2024-01-01' })
				.returning('id')
				.executeTakeFirstOrThrow();
			await owner
				.insertInto('project_revision')
				.values({ project_id: id, version: 1, title: `Projekt ${status}`, data: '{}' })
				.execute();
			return {
				id,
				phases,
				organisation: organisation.id,
				funding: funding.id,
				indicator: indicator.id,
				milestone: milestone.id
			};
		};
		const [draft, review, published] = [await project('draft'), await project('review'), await project('published')];
		const insats = await owner
			.insertInto('insats')
			.values({
				region_id,
				forbund_id: partnerId,
				slug: `matris-${f}`,
				name: 'Matrisens delprojekt',
				inriktning: 'individinriktad',
				precise_category_id: category.id,
				follow_up: 'personuppgifter',
				providers: '[]',
				contacts: '[]'
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		return { draft, review, published, insats: insats.id };
	}
	for (const f of SCOPES) ids.set(f, await build(f));
	return (f: Scope) => ids.get(f)!;
}
type World = Awaited<ReturnType<typeof world>>;
type W = ReturnType<World>;
type Callers = ReturnType<typeof callersFor>;

const can =
	(rule: (actor: Actor, f: Scope) => boolean) => (call: (c: Callers[Actor], f: Scope, w: W) => Promise<unknown>) => ({
		call: (c: Callers[Actor], f: Scope, w: World) => call(c, f, w(f)),
		allowed: rule
	});
const write = can(writes);
const change = can(changesPublished);
const approve = can(approves);

const fields = { name: 'Matrisprojekt' };

/** No draft or waiting project of the scope in an answer, unless the actor may see it. */
const noDrafts = (
	value: unknown,
	{ world, scope, actor, label }: { world: World; scope: Scope; actor: Actor; label: string }
) => {
	// A partner's editor reads the project in draft too: that is the rule, not a leak.
	if (writes(actor, scope) || writesPartnerInsats(actor, scope)) return;
	const text = JSON.stringify(value);
	const { draft, review } = world(scope);
	for (const { id } of [draft, review]) {
		expect(text, `${label} leaked a draft`).not.toMatch(new RegExp(`"(id|project_id)":${id}[,}]`));
	}
};

export function projectsMatrix(db: Db, owner: Db, fx: Fixtures) {
	return defineMatrix<Actor, Scope, World>({
		name: 'projects',
		actors: ACTORS,
		scopes: SCOPES,
		callers: callersFor(db, fx),
		reset: () => world(owner, fx),
		tables: [
			'project',
			'project_revision',
			'project_phase',
			'project_partner',
			'project_funding',
			'project_indicator',
			'project_indicator_year',
			'project_milestone',
			'insats',
			'mail_outbox'
		],
		procedures: {
			'projects.forEditing': {
				...write((c, f) => c.projects.forEditing({ owner: { forbund: SLUG[f] } })),
				assertNoLeak: noDrafts
			},
			// On the partner's own site: its writers see the projects it is in, drafts included, with its
			// delprojekt to write; so does the region's coordinator.
			'projects.forEditing#partner': {
				call: (c, _, w) => c.projects.forEditing({ owner: { forbund: 'b' } }).then((r) => ({ r, w: w('a') })),
				allowed: (actor) => actor === 'editorB' || actor === 'coordinatorNorr' || actor === 'platformAdmin',
				verify: (value, { actor, label }) => {
					const { r, w } = value as {
						r: { items: { id: number }[]; delprojekt: unknown[] };
						w: W;
					};
					expect(
						r.items.map((i) => i.id),
						label
					).toContain(w.draft.id);
					if (actor === 'editorB') expect(r.delprojekt.length, label).toBeGreaterThan(0);
				},
				assertNoLeak: (value, ctx) => noDrafts((value as { r: unknown }).r, { ...ctx, scope: 'a' })
			},
			'projects.editorChoices': {
				...write((c, f) => c.projects.editorChoices({ owner: { forbund: SLUG[f] } })),
				assertNoLeak: () => undefined
			},
			'projects.forEdit': {
				...write((c, _, w) => c.projects.forEdit({ id: w.draft.id })),
				// A partner's writers read the draft (RLS's project_partners); nobody else gets it.
				assertNoLeak: (_, { actor, scope, label }) => expect(writesPartnerInsats(actor, scope), label).toBe(true)
			},
			'projects.revisions': {
				...write((c, _, w) => c.projects.revisions({ id: w.draft.id })),
				assertNoLeak: (value, { label }) => expect(value, label).toEqual([])
			},
			'projects.delprojektChoices': {
				call: (c, f) => c.projects.delprojektChoices({ forbund: f === 'a' ? 'b' : 'c' }),
				allowed: writesPartnerInsats,
				assertNoLeak: noDrafts
			},
			'projects.create': {
				...write((c, f) => c.projects.create({ ...fields, owner: { forbund: SLUG[f] } })),
				verify: async (value, { before, snapshot, label }) => {
					const after = await snapshot();
					expect(after.tables.project, label).toHaveLength(before.tables.project!.length + 1);
					// With its first phase, whose projektägare is the owner.
					expect(after.tables.project_phase!.length, label).toBe(before.tables.project_phase!.length + 1);
					expect((value as { status: string }).status, label).toBe('draft');
				}
			},
			'projects.create#hub': write((c, f) =>
				c.projects.create({ ...fields, owner: { region: f === 'a' ? 'norr' : 'syd' }, ownerForbund: SLUG[f] })
			),
			'projects.update': write((c, _, w) => c.projects.update({ ...fields, id: w.draft.id, version: 1 })),
			'projects.update#published': change((c, _, w) =>
				c.projects.update({ ...fields, id: w.published.id, version: 1 })
			),
			'projects.submit': {
				...write((c, _, w) => c.projects.submit({ id: w.draft.id })),
				verify: async (_, { before, snapshot, label }) => {
					expect((await snapshot()).tables.mail_outbox!.length, label).toBeGreaterThan(
						before.tables.mail_outbox!.length
					);
				}
			},
			'projects.sendBack': approve((c, _, w) => c.projects.sendBack({ id: w.review.id, comment: 'Komplettera.' })),
			'projects.approve': {
				...approve((c, _, w) => c.projects.approve({ id: w.review.id })),
				verify: (value, { label }) => expect((value as { status: string }).status, label).toBe('published')
			},
			'projects.unpublish': approve((c, _, w) => c.projects.unpublish({ id: w.published.id })),
			'projects.savePhase': write((c, _, w) => c.projects.savePhase({ projectId: w.draft.id, name: 'Fas 3' })),
			'projects.savePhase#published': change((c, _, w) =>
				c.projects.savePhase({ projectId: w.published.id, phaseId: w.published.phases[0], name: 'Ny fas' })
			),
			'projects.removePhase': write((c, _, w) => c.projects.removePhase({ id: w.draft.phases[1]! })),
			'projects.savePartner': write((c, _, w) =>
				c.projects.savePartner({ phaseId: w.draft.phases[0]!, organisation: 'Coompanion', role: 'samarbetspart' })
			),
			'projects.savePartner#published': change((c, _, w) =>
				c.projects.savePartner({ phaseId: w.published.phases[0]!, organisation: 'Coompanion', role: 'medfinansiar' })
			),
			'projects.removePartner': write((c, _, w) => c.projects.removePartner({ id: w.draft.organisation })),
			'projects.saveFunding': write((c, _, w) =>
				c.projects.saveFunding({ phaseId: w.draft.phases[0]!, partnerId: null, year: 2025, form: 'pengar', amount: 5 })
			),
			'projects.saveFunding#published': change((c, _, w) =>
				c.projects.saveFunding({
					phaseId: w.published.phases[0]!,
					partnerId: null,
					year: 2024,
					form: 'pengar',
					amount: 5
				})
			),
			'projects.removeFunding': write((c, _, w) => c.projects.removeFunding({ id: w.draft.funding })),
			'projects.saveIndicator': write((c, _, w) =>
				c.projects.saveIndicator({ projectId: w.draft.id, label: 'Till studier', unit: '%' })
			),
			'projects.removeIndicator': write((c, _, w) => c.projects.removeIndicator({ id: w.draft.indicator })),
			'projects.saveIndicatorYear': write((c, _, w) =>
				c.projects.saveIndicatorYear({ indicatorId: w.draft.indicator, year: 2025, target: 30, actual: null })
			),
			'projects.saveIndicatorYear#published': change((c, _, w) =>
				c.projects.saveIndicatorYear({ indicatorId: w.published.indicator, year: 2024, target: 30, actual: 31 })
			),
			'projects.removeIndicatorYear': write((c, _, w) =>
				c.projects.removeIndicatorYear({ indicatorId: w.draft.indicator, year: 2024 })
			),
			'projects.saveMilestone': write((c, _, w) =>
				c.projects.saveMilestone({ projectId: w.draft.id, label: 'Slutrapport', dueOn: '2026-06-30' })
			),
			'projects.saveMilestone#published': change((c, _, w) =>
				c.projects.saveMilestone({
					projectId: w.published.id,
					milestoneId: w.published.milestone,
					label: 'Start',
					dueOn: '2024-01-01',
					doneOn: '2024-01-02'
				})
			),
			'projects.removeMilestone': write((c, _, w) => c.projects.removeMilestone({ id: w.draft.milestone })),
			// What a news item or a document may tell about: the projects its owner takes part in, for
			// that owner's editors (here förbund B, a partner of A's projects).
			'news.projectChoices': {
				call: (c) => c.news.projectChoices({ owner: { forbund: 'b' } }),
				allowed: (actor) => actor === 'editorB' || actor === 'platformAdmin',
				assertNoLeak: (value, ctx) => noDrafts(value, { ...ctx, scope: 'a' })
			},
			'documents.projectChoices': {
				call: (c) => c.documents.projectChoices({ owner: { region: 'norr' } }),
				allowed: (actor) => actor === 'coordinatorNorr' || actor === 'platformAdmin',
				assertNoLeak: (value, ctx) => noDrafts(value, { ...ctx, scope: 'a' })
			},
			// The partner's own insats becomes its delprojekt in the published project: the insats's writers'.
			'insatser.setDelprojekt': {
				call: (c, f, w) =>
					c.insatser.setDelprojekt({ id: w(f).insats, version: 1, projectPhaseId: w(f).published.phases[0]! }),
				allowed: writesPartnerInsats,
				verify: async (_, { snapshot, world, scope, label }) => {
					const insats = (await snapshot()).tables.insats!.find(
						(row) => (row as { id: number }).id === world(scope).insats
					) as { project_phase_id: number };
					expect(insats.project_phase_id, label).toBe(world(scope).published.phases[0]);
				}
			}
		}
	});
}
