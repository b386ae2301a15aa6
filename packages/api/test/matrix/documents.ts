import type { Db } from '@regionportalen/db/client';
import type { Fixtures } from '@regionportalen/db/testing';
import { expect } from 'vitest';
import { createCaller } from '../../src/index.ts';
import { callersFor } from '../helpers.ts';
import { NEWS_ACTORS } from './news.ts';
import { defineMatrix } from './runner.ts';

// The document library: every procedure, for every role (the news roles and a förbund's
// katalogadministratör), on every owner (three förbund in two regions, and both regions). The
// writers are the news editors and, for a förbund, its katalogadministratörer. Each förbund's world
// holds a public document and one of a draft insats, which only those who see the draft may see.

const ACTORS = [...NEWS_ACTORS, 'catalogueA'] as const;
type Actor = (typeof ACTORS)[number];
type Owner = { forbund: 'a' | 'b' | 'c' } | { region: 'norr' | 'syd' };
const OWNERS: Owner[] = [{ forbund: 'a' }, { forbund: 'b' }, { forbund: 'c' }, { region: 'norr' }, { region: 'syd' }];

/** Who may keep each owner's library, stated apart from the code under test. */
function writes(actor: Actor, owner: Owner): boolean {
	if (actor === 'platformAdmin') return true;
	if ('forbund' in owner) {
		return (
			(owner.forbund === 'a' && (actor === 'editorA' || actor === 'adminA' || actor === 'catalogueA')) ||
			(owner.forbund === 'b' && actor === 'editorB')
		);
	}
	return owner.region === 'norr' && actor === 'coordinatorNorr';
}

let serial = 0;
/** A storage key of its own (keys are unique). */
const fileKey = () => `files/${(++serial + 0x100000).toString(16).padStart(32, '0')}/dokument.pdf`;
const fields = {
	title: 'Matrisdokument',
	documentDate: '2026-06-01',
	kind: 'rapport' as const,
	diarienummer: '',
	description: '',
	insatsId: null
};

interface OwnerWorld {
	/** A public document (no insats). */
	open: number;
	/** A document of the förbund's draft insats (the public one on a region, which has no insatser). */
	hidden: number;
	/** The förbund's draft insats, or null. */
	draftInsats: number | null;
}

/**
 * The katalogadministratör's role is granted when the matrix first runs, not when it is declared:
 * the account matrices, run before it on the same fixtures, know only the fixtures' roles.
 */
async function grantCatalogueAdmin(owner: Db, fx: Fixtures, userId: number) {
	const granted = await owner.selectFrom('membership').select('id').where('user_id', '=', userId).executeTakeFirst();
	if (!granted) {
		await owner
			.insertInto('membership')
			.values({ user_id: userId, role: 'catalogue_admin', forbund_id: fx.forbund.a })
			.execute();
	}
}

async function world(owner: Db, fx: Fixtures, catalogueA: number) {
	await grantCatalogueAdmin(owner, fx, catalogueA);
	await owner.deleteFrom('document').execute();
	await owner.deleteFrom('insats').execute();
	const category = await owner
		.selectFrom('insats_precise_category')
		.select('id')
		.where('inriktning', '=', 'individinriktad')
		.limit(1)
		.executeTakeFirstOrThrow();
	const worlds = new Map<string, OwnerWorld>();
	for (const o of OWNERS) {
		const scope =
			'forbund' in o
				? { forbund_id: fx.forbund[o.forbund], region_id: o.forbund === 'c' ? fx.regions.syd : fx.regions.norr }
				: { forbund_id: null, region_id: fx.regions[o.region] };
		const document = (insatsId: number | null, title: string) =>
			owner
				.insertInto('document')
				.values({
					...scope,
					insats_id: insatsId,
					title,
					document_date: '2026-01-15',
					kind: 'rapport',
					storage_key: fileKey(),
					filename: 'dokument.pdf',
					size_bytes: 1000,
					text: 'Matrisens sökbara text.',
					text_status: 'extracted'
				})
				.returning('id')
				.executeTakeFirstOrThrow();
		const open = await document(null, 'Öppet dokument');
		let draftInsats: number | null = null;
		let hidden = open;
		if (scope.forbund_id !== null) {
			const insats = await owner
				.insertInto('insats')
				.values({
					region_id: scope.region_id,
					forbund_id: scope.forbund_id,
					slug: 'utkast',
					name: 'Utkastinsats',
					inriktning: 'individinriktad',
					precise_category_id: category.id,
					follow_up: 'personuppgifter',
					providers: '[]',
					contacts: '[]'
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			draftInsats = insats.id;
			hidden = await document(insats.id, 'Dokument om utkastinsatsen');
		}
		worlds.set(JSON.stringify(o), { open: open.id, hidden: hidden.id, draftInsats });
	}
	return (o: Owner) => worlds.get(JSON.stringify(o))!;
}
type World = Awaited<ReturnType<typeof world>>;
type Callers = Record<Actor, ReturnType<typeof createCaller>>;

/** A case allowed to the owner's writers. */
const write = (call: (c: Callers[Actor], o: Owner, w: OwnerWorld) => Promise<unknown>) => ({
	call: (c: Callers[Actor], o: Owner, w: World) => call(c, o, w(o)),
	allowed: writes
});

/** The ids in a list's answer. */
const idsOf = (value: unknown) =>
	((value as { items?: { id: number }[] }).items ?? (value as { id: number }[])).map((r) => r.id);

export async function documentsMatrix(db: Db, owner: Db, fx: Fixtures) {
	const { id: catalogueA } = await owner
		.insertInto('app_user')
		.values({ email: 'katalog-a@test.example', name: 'Katalogadministratör A' })
		.returning('id')
		.executeTakeFirstOrThrow();
	const callers: Callers = {
		...callersFor(db, fx),
		catalogueA: createCaller({
			db,
			user: { id: catalogueA, email: 'katalog-a@test.example', name: 'Katalogadministratör A' },
			session: { id: 'test-session-katalog-a', twoFactorVerified: true }
		})
	};
	/** Public reads: anyone; the public document is there, the draft insats's never. */
	const publicRead = (call: (c: Callers[Actor], o: Owner) => Promise<unknown>) => ({
		call: (c: Callers[Actor], o: Owner) => call(c, o),
		allowed: () => true,
		verify: (value: unknown, { world, scope, label }: { world: World; scope: Owner; label: string }) => {
			const w = world(scope);
			expect(idsOf(value), label).toContain(w.open);
			if (w.hidden !== w.open)
				expect(idsOf(value), `${label} showed a draft insats's document`).not.toContain(w.hidden);
		}
	});
	return defineMatrix<Actor, Owner, World>({
		name: 'documents',
		actors: ACTORS,
		scopes: OWNERS,
		callers,
		reset: () => world(owner, fx, catalogueA),
		tables: ['document', 'insats'],
		procedures: {
			'documents.list': publicRead((c, owner) => c.documents.list({ owner })),
			'documents.search': publicRead((c, owner) => c.documents.search({ owner, q: 'matrisens', limit: 20 })),
			'documents.forEditing': {
				...write((c, owner) => c.documents.forEditing({ owner })),
				// Row-level security answers a list by leaving out what the caller may not see.
				assertNoLeak: (value, { world, scope, label }) => {
					const w = world(scope);
					if (w.hidden !== w.open)
						expect(idsOf(value), `${label} leaked a draft insats's document`).not.toContain(w.hidden);
				}
			},
			'documents.insatsChoices': {
				...write((c, owner) => c.documents.insatsChoices({ owner })),
				assertNoLeak: (value, { world, scope, label }) => {
					const draft = world(scope).draftInsats;
					if (draft !== null) expect(idsOf(value), `${label} leaked a draft insats`).not.toContain(draft);
				}
			},
			'documents.byId': {
				...write((c, _, w) => c.documents.byId({ id: w.hidden })),
				// A region's document (no insats) is public: reading it leaks nothing.
				assertNoLeak: (_, { scope, label }) => {
					expect('region' in scope, `${label} read a draft insats's document`).toBe(true);
				}
			},
			'documents.create': {
				...write((c, owner) => c.documents.create({ ...fields, key: fileKey(), filename: 'ny.pdf', size: 10, owner })),
				verify: async (_, { before, snapshot }) => {
					expect((await snapshot()).tables.document).toHaveLength(before.tables.document!.length + 1);
				}
			},
			'documents.update': write((c, _, w) => c.documents.update({ ...fields, id: w.open, title: 'Nytt namn' })),
			'documents.delete': {
				...write((c, _, w) => c.documents.delete({ id: w.open })),
				verify: async (_, { before, snapshot }) => {
					expect((await snapshot()).tables.document).toHaveLength(before.tables.document!.length - 1);
				}
			}
		}
	});
}
