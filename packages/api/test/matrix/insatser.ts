import type { Database } from '@regionportalen/db';
import type { Db } from '@regionportalen/db/client';
import type { Insertable } from 'kysely';
import type { Fixtures } from '@regionportalen/db/testing';
import { expect } from 'vitest';
import { insatsCallersFor } from '../helpers.ts';
import { defineMatrix } from './runner.ts';

// Insatser, the editorial side: every procedure, for every role, on each of the three förbund. Each
// förbund has a draft (two revisions, a year), one waiting for review, and a published one with a
// referral form and a year; the published one is changed only by approvers.

const ACTORS = [
	'anonymous',
	'noRoles',
	'editorA',
	'editorB',
	'adminA',
	'catalogueA',
	'coordinatorNorr',
	'platformAdmin'
] as const;
type Actor = (typeof ACTORS)[number];
type Scope = 'a' | 'b' | 'c';
const SCOPES: Scope[] = ['a', 'b', 'c'];

/** Who writes a förbund's insatser, and who approves them (stated apart from the code under test). */
function writes(actor: Actor, f: Scope): boolean {
	return (
		actor === 'platformAdmin' ||
		(f === 'a' && (actor === 'editorA' || actor === 'adminA' || actor === 'catalogueA')) ||
		(f === 'b' && actor === 'editorB')
	);
}
function approves(actor: Actor, f: Scope): boolean {
	return actor === 'platformAdmin' || (f === 'a' && (actor === 'adminA' || actor === 'catalogueA'));
}

let serial = 0;
/** A storage key of its own (keys are unique). */
const fileKey = () => `files/${(++serial).toString(16).padStart(32, '0')}/remiss.pdf`;

/**
 * The katalogadministratör's role is granted when the matrix first runs, not when it is declared:
 * the account matrices, run before it on the same fixtures, know only the fixtures' roles.
 */
async function grantCatalogueAdmin(owner: Db, fx: Fixtures, userId: number) {
	const granted = await owner.selectFrom('membership').select('id').where('user_id', '=', userId).executeTakeFirst();
	if (granted) return;
	await owner
		.insertInto('membership')
		.values({ user_id: userId, role: 'catalogue_admin', forbund_id: fx.forbund.a })
		.execute();
	await owner
		.updateTable('forbund')
		.set({ municipalities: ['Solna', 'Sundbyberg'] })
		.where('id', '=', fx.forbund.a)
		.execute();
}

async function world(owner: Db, fx: Fixtures, catalogueA: number) {
	await grantCatalogueAdmin(owner, fx, catalogueA);
	await owner.deleteFrom('insats').execute();
	const category = await owner
		.selectFrom('insats_precise_category')
		.select('id')
		.where('inriktning', '=', 'individinriktad')
		.orderBy('position')
		.executeTakeFirstOrThrow();
	const ids = new Map<Scope, { draft: number; review: number; published: number; revision: number }>();
	for (const f of SCOPES) {
		const scope = { forbund_id: fx.forbund[f], region_id: f === 'c' ? fx.regions.syd : fx.regions.norr };
		const base = { ...scope, inriktning: 'individinriktad' as const, precise_category_id: category.id };
		const insert = (
			slug: string,
			extra: Pick<Insertable<Database['insats']>, 'follow_up'> & Partial<Insertable<Database['insats']>>
		) =>
			owner
				.insertInto('insats')
				.values({ ...base, slug, name: `Insats ${slug}`, providers: '[]', contacts: '[]', ...extra })
				.returning('id')
				.executeTakeFirstOrThrow();
		const draft = await insert('utkast', { follow_up: 'personuppgifter', version: 2 });
		const review = await insert('granskas', { follow_up: 'personuppgifter', status: 'review' });
		const published = await insert('publicerad', {
			follow_up: 'endast_antal',
			status: 'published',
			published_at: new Date('2025-01-01'),
			first_published_at: new Date('2025-01-01'),
			reviewed_at: '2025-01-01',
			referral_key: fileKey(),
			referral_filename: 'remiss.pdf',
			referral_size_bytes: 10
		});
		const revision = await owner
			.insertInto('insats_revision')
			.values(
				[1, 2].map((version) => ({
					insats_id: draft.id,
					version,
					title: `Insats utkast ${version}`,
					data: JSON.stringify({ name: `Insats utkast ${version}` })
				}))
			)
			.returning('id')
			.executeTakeFirstOrThrow();
		await owner
			.insertInto('insats_year')
			.values([
				{ insats_id: draft.id, year: 2025, planned_participants: 10 },
				{ insats_id: published.id, year: 2025, planned_participants: 10 }
			])
			.execute();
		ids.set(f, { draft: draft.id, review: review.id, published: published.id, revision: revision.id });
	}
	return { ids: (f: Scope) => ids.get(f)!, category: category.id };
}
type World = Awaited<ReturnType<typeof world>>;
type Callers = ReturnType<typeof insatsCallersFor>;
type W = { ids: ReturnType<World['ids']>; category: number };

const can =
	(rule: (actor: Actor, f: Scope) => boolean) => (call: (c: Callers[Actor], f: Scope, w: W) => Promise<unknown>) => ({
		call: (c: Callers[Actor], f: Scope, w: World) => call(c, f, { ids: w.ids(f), category: w.category }),
		allowed: rule
	});
const write = can(writes);
const approve = can(approves);

const fields = (category: number) => ({
	name: 'Matrisinsats',
	inriktning: 'individinriktad' as const,
	preciseCategoryId: category,
	followUp: 'personuppgifter' as const,
	esf: false
});

/** No draft or review of the scope in an answer, unless the actor writes there. */
const noDrafts = (
	value: unknown,
	{ world, scope, actor, label }: { world: World; scope: Scope; actor: Actor; label: string }
) => {
	if (writes(actor, scope)) return;
	const text = JSON.stringify(value);
	const { draft, review } = world.ids(scope);
	for (const id of [draft, review]) expect(text, `${label} leaked a draft`).not.toMatch(new RegExp(`"id":${id}[,}]`));
};

export async function insatserMatrix(db: Db, owner: Db, fx: Fixtures) {
	const { id: catalogueA } = await owner
		.insertInto('app_user')
		.values({ email: 'cataloguea@test.example', name: 'catalogueA' })
		.returning('id')
		.executeTakeFirstOrThrow();
	let label = 0;
	return defineMatrix<Actor, Scope, World>({
		name: 'insatser',
		actors: ACTORS,
		scopes: SCOPES,
		callers: insatsCallersFor(db, fx, catalogueA),
		reset: () => world(owner, fx, catalogueA),
		tables: ['insats', 'insats_revision', 'insats_year', 'insats_precise_category', 'mail_outbox'],
		procedures: {
			'insatser.forEditing': { ...write((c, f) => c.insatser.forEditing({ forbund: f })), assertNoLeak: noDrafts },
			// Reference data and the förbund's members are public facts: nothing to leak.
			'insatser.editorChoices': {
				...write((c, f) => c.insatser.editorChoices({ forbund: f })),
				assertNoLeak: () => undefined
			},
			'insatser.forEdit': write((c, _, w) => c.insatser.forEdit({ id: w.ids.draft })),
			'insatser.revisions': write((c, _, w) => c.insatser.revisions({ id: w.ids.draft })),
			'insatser.approvalQueue': {
				...approve((c, f) => c.insatser.approvalQueue({ forbund: f })),
				assertNoLeak: noDrafts
			},
			'insatser.create': {
				...write((c, f, w) => c.insatser.create({ ...fields(w.category), municipalities: [], forbund: f })),
				verify: async (_, { before, snapshot }) => {
					expect((await snapshot()).tables.insats).toHaveLength(before.tables.insats!.length + 1);
				}
			},
			'insatser.update': write((c, _, w) => c.insatser.update({ ...fields(w.category), id: w.ids.draft, version: 2 })),
			'insatser.update#published': approve((c, _, w) =>
				c.insatser.update({ ...fields(w.category), followUp: 'endast_antal', id: w.ids.published, version: 1 })
			),
			'insatser.setState': write((c, _, w) =>
				c.insatser.setState({ id: w.ids.published, version: 1, lifeStatus: 'pagaende', intake: 'nej' })
			),
			'insatser.submit': {
				...write((c, _, w) => c.insatser.submit({ id: w.ids.draft })),
				verify: async (_, { before, snapshot }) => {
					expect((await snapshot()).tables.mail_outbox!.length).toBeGreaterThan(before.tables.mail_outbox!.length);
				}
			},
			'insatser.sendBack': approve((c, _, w) => c.insatser.sendBack({ id: w.ids.review, comment: 'Komplettera.' })),
			'insatser.approve': approve((c, _, w) => c.insatser.approve({ id: w.ids.review })),
			'insatser.unpublish': approve((c, _, w) => c.insatser.unpublish({ id: w.ids.published })),
			'insatser.markReviewed': approve((c, _, w) => c.insatser.markReviewed({ id: w.ids.published })),
			'insatser.restore': write((c, _, w) =>
				c.insatser.restore({ id: w.ids.draft, revisionId: w.ids.revision, version: 2 })
			),
			'insatser.saveYear': write((c, _, w) => c.insatser.saveYear({ id: w.ids.draft, year: 2026, toWork: 2 })),
			'insatser.saveYear#published': approve((c, _, w) =>
				c.insatser.saveYear({ id: w.ids.published, year: 2025, toWork: 2 })
			),
			'insatser.removeYear': write((c, _, w) => c.insatser.removeYear({ id: w.ids.draft, year: 2025 })),
			'insatser.removeYear#published': approve((c, _, w) => c.insatser.removeYear({ id: w.ids.published, year: 2025 })),
			'insatser.setReferral': write((c, _, w) =>
				c.insatser.setReferral({ id: w.ids.draft, version: 2, key: fileKey(), filename: 'ny.pdf', size: 10 })
			),
			'insatser.removeReferral': approve((c, _, w) => c.insatser.removeReferral({ id: w.ids.published, version: 1 })),
			'insatser.addPreciseCategory': {
				call: (c) => c.insatser.addPreciseCategory({ inriktning: 'strukturovergripande', label: `Matris ${++label}` }),
				allowed: (actor) => actor === 'platformAdmin'
			}
		}
	});
}
