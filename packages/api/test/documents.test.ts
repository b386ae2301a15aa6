import { sql } from 'kysely';
import { createTestDatabase, seedFixtures } from '@regionportalen/db/testing';
import type { DocumentKind } from '@regionportalen/db';
import { beforeEach, describe, expect, it } from 'vitest';
import { callersFor, expectTrpcError, refusalMessages } from './helpers.ts';

// The document library through the API, on a real PostgreSQL: the public list with its filters,
// the Swedish full-text search, the publication rule (a document of an unpublished insats is not
// public, not even to an editor who sees the insats), the editor's writes and their checks.

const { db, owner } = await createTestDatabase();
const fx = await seedFixtures(owner);
const as = callersFor(db, fx);
const A = { forbund: 'a' as const };

beforeEach(async () => {
	await sql`truncate document, insats cascade`.execute(owner);
});

const hex = (n: number) => n.toString(16).padStart(32, '0');
let serial = 0;
const file = () => ({ key: `files/${hex(++serial)}/rapport.pdf`, filename: 'Rapport.pdf', size: 120_000 });

const fields = {
	title: 'Rapport',
	documentDate: '2026-04-15',
	kind: 'rapport' as DocumentKind,
	diarienummer: '',
	description: '',
	insatsId: null as number | null
};
type Caller = (typeof as)['editorA'];
const upload = (
	f: Partial<typeof fields>,
	caller: Caller = as.editorA,
	where: { forbund: 'a' | 'b' } | { region: 'norr' } = A
) => caller.documents.create({ ...fields, ...f, ...file(), owner: where });

/** What the worker does once it has read the PDF. */
const extracted = (id: number, text: string) =>
	owner.updateTable('document').set({ text, text_status: 'extracted', page_count: 3 }).where('id', '=', id).execute();

const insats = (forbundId: number, name: string, status: 'draft' | 'published') =>
	owner
		.insertInto('insats')
		.values({
			region_id: forbundId === fx.forbund.c ? fx.regions.syd : fx.regions.norr,
			forbund_id: forbundId,
			slug: name.toLowerCase().replace(/[^a-z]+/g, '-'),
			name,
			inriktning: 'individinriktad',
			precise_category_id: owner
				.selectFrom('insats_precise_category')
				.select('id')
				.where('inriktning', '=', 'individinriktad')
				.limit(1),
			follow_up: 'personuppgifter',
			providers: '[]',
			contacts: '[]',
			status,
			published_at: status === 'published' ? new Date() : null
		})
		.returning('id')
		.executeTakeFirstOrThrow();

const titles = (r: { items: { title: string }[] }) => r.items.map((i) => i.title);

describe('the library for visitors', () => {
	it('lists a förbund’s documents newest first, filtered by type and year, with the years to choose from', async () => {
		await upload({ title: 'Årsredovisning 2024', kind: 'arsredovisning', documentDate: '2025-03-20' });
		await upload({ title: 'Verksamhetsplan 2026', kind: 'verksamhetsplan', documentDate: '2025-11-28' });
		await upload({ title: 'Kartläggning av unga', kind: 'kartlaggning', documentDate: '2026-02-10' });
		await upload({ title: 'Förbund B:s rapport' }, as.editorB, { forbund: 'b' });

		const all = await as.anonymous.documents.list({ owner: A });
		expect(titles(all)).toEqual(['Kartläggning av unga', 'Verksamhetsplan 2026', 'Årsredovisning 2024']);
		expect(all).toMatchObject({ total: 3, page: 1, pageCount: 1, years: [2026, 2025] });
		expect(all.items[0]).toMatchObject({ kind: 'kartlaggning', document_date: '2026-02-10', text_status: 'pending' });

		expect(titles(await as.anonymous.documents.list({ owner: A, year: 2025 }))).toEqual([
			'Verksamhetsplan 2026',
			'Årsredovisning 2024'
		]);
		expect(titles(await as.anonymous.documents.list({ owner: A, kind: 'arsredovisning', year: 2025 }))).toEqual([
			'Årsredovisning 2024'
		]);
		expect(await as.anonymous.documents.list({ owner: A, kind: 'utvardering' })).toMatchObject({ total: 0, items: [] });
		// The region's library holds its förbund's documents, and names whose each is.
		const region = await as.anonymous.documents.list({ owner: { region: 'norr' } });
		expect(region.total).toBe(4);
		expect(region.items.find((i) => i.title === 'Förbund B:s rapport')).toMatchObject({ forbund_slug: 'b' });
		expect((await as.anonymous.documents.list({ owner: { region: 'syd' } })).total).toBe(0);
	});

	it('pages a long library', async () => {
		for (let i = 1; i <= 23; i++)
			await upload({ title: `Rapport ${i}`, documentDate: `2026-01-${String(i).padStart(2, '0')}` });
		const second = await as.anonymous.documents.list({ owner: A, page: 2 });
		expect(second).toMatchObject({ total: 23, page: 2, pageCount: 2 });
		expect(titles(second)).toEqual(['Rapport 3', 'Rapport 2', 'Rapport 1']);
	});

	it('refuses a filter that is no type or year, in Swedish', async () => {
		const error = await expectTrpcError(
			as.anonymous.documents.list({ owner: A, kind: 'hemligt' as 'rapport' }),
			'BAD_REQUEST'
		);
		expect(error.message).toContain('Välj vilken sorts dokument det är.');
	});
});

describe('the document search', () => {
	it('finds a document by its PDF’s text in Swedish stems, marking the words, title matches first', async () => {
		const report = await upload({ title: 'Uppföljning av samverkan', diarienummer: 'SUS 2026/14' });
		await extracted(report.id, 'Förbundet finansierade under året sju insatser för unga vuxna i Sundbyberg och Solna.');
		const titled = await upload({ title: 'Insatserna för unga vuxna', documentDate: '2025-01-01' });
		await extracted(titled.id, 'En sammanställning.');
		await upload({ title: 'Ingenting om det' });

		const found = await as.anonymous.documents.search({ owner: A, q: 'insatserna' });
		expect(found).toMatchObject({ total: 2, capped: false });
		// The title (weight A) outranks the text (weight C), though the text's document is newer.
		expect(found.items.map((i) => i.id)).toEqual([titled.id, report.id]);
		expect(found.items[0]!.title_html).toBe('<mark>Insatserna</mark> för unga vuxna');
		expect(found.items[1]!.snippet_html).toContain('sju <mark>insatser</mark> för unga vuxna');
		// The diarienummer is searchable too.
		expect((await as.anonymous.documents.search({ owner: A, q: '"2026/14"' })).items.map((i) => i.id)).toEqual([
			report.id
		]);
		// Snippets are safe HTML: the text's own markup never comes through as markup.
		await extracted(report.id, 'Insatser <script>alert(1)</script> & mer om insatser.');
		const escaped = await as.anonymous.documents.search({ owner: A, q: 'insatser', limit: 5 });
		const snippet = escaped.items.find((i) => i.id === report.id)!.snippet_html;
		expect(snippet).toContain('<mark>Insatser</mark>');
		expect(snippet).not.toContain('<script');
	});

	it('refuses a query that is too short, in Swedish', async () => {
		const error = await expectTrpcError(as.anonymous.documents.search({ owner: A, q: 'a' }), 'BAD_REQUEST');
		expect(error.message).toContain('Skriv minst 2 tecken för att söka.');
	});
});

describe('the publication rule', () => {
	it('keeps a document of an unpublished insats out of the list and the search, for its editor too', async () => {
		const draft = await insats(fx.forbund.a, 'Unga i arbete', 'draft');
		const doc = await upload({ title: 'Utvärdering av Unga i arbete', kind: 'utvardering', insatsId: draft.id });
		await extracted(doc.id, 'Utvärderingen visar att deltagarna gick vidare till arbete.');

		for (const caller of [as.anonymous, as.editorA]) {
			expect((await caller.documents.list({ owner: A })).total).toBe(0);
			expect((await caller.documents.list({ owner: A, insatsId: draft.id })).total).toBe(0);
			expect((await caller.documents.search({ owner: A, q: 'utvärdering' })).total).toBe(0);
			expect((await caller.documents.list({ owner: A })).years).toEqual([]);
		}
		// The editor still has it in the editor's list.
		expect((await as.editorA.documents.forEditing({ owner: A })).map((d) => d.title)).toEqual([
			'Utvärdering av Unga i arbete'
		]);

		await owner
			.updateTable('insats')
			.set({ status: 'published', published_at: new Date() })
			.where('id', '=', draft.id)
			.execute();
		expect(titles(await as.anonymous.documents.list({ owner: A, insatsId: draft.id }))).toEqual([
			'Utvärdering av Unga i arbete'
		]);
		expect((await as.anonymous.documents.search({ owner: A, q: 'deltagare' })).total).toBe(1);
	});
});

describe('the editor’s writes', () => {
	it('records an upload as pending, edits its facts and deletes it, handing back the file to remove', async () => {
		const created = await upload({ title: 'Verksamhetsplan', kind: 'verksamhetsplan', diarienummer: 'Dnr 12' });
		const document = await as.editorA.documents.byId({ id: created.id });
		expect(document).toMatchObject({ text_status: 'pending', page_count: null, diarienummer: 'Dnr 12' });

		await as.editorA.documents.update({
			...fields,
			id: created.id,
			title: 'Verksamhetsplan 2027',
			kind: 'verksamhetsplan'
		});
		expect(await as.editorA.documents.byId({ id: created.id })).toMatchObject({ title: 'Verksamhetsplan 2027' });

		const removed = await as.editorA.documents.delete({ id: created.id });
		expect(removed.storage_key).toBe(document.storage_key);
		await expectTrpcError(as.editorA.documents.byId({ id: created.id }), 'NOT_FOUND');
	});

	it('checks the facts, in Swedish', async () => {
		const error = await expectTrpcError(upload({ title: 'x', documentDate: '15 april' }), 'BAD_REQUEST');
		expect(refusalMessages(error)).toContain('Titeln behöver minst 2 tecken.');
		expect(refusalMessages(error)).toContain('Ange dokumentets datum (ÅÅÅÅ-MM-DD).');
	});

	it('links only the förbund’s own insatser, and none for a region', async () => {
		const own = await insats(fx.forbund.a, 'Egen insats', 'draft');
		const others = await insats(fx.forbund.b, 'Annans insats', 'published');
		expect((await as.editorA.documents.insatsChoices({ owner: A })).map((i) => i.name)).toEqual(['Egen insats']);
		expect(await as.coordinatorNorr.documents.insatsChoices({ owner: { region: 'norr' } })).toEqual([]);
		await expectTrpcError(upload({ insatsId: others.id }), 'BAD_REQUEST');
		const linked = await upload({ insatsId: own.id });
		await expectTrpcError(
			as.editorA.documents.update({ ...fields, id: linked.id, insatsId: others.id }),
			'BAD_REQUEST'
		);
	});

	it('refuses a file key something else uses: another document’s, or an insats’s referral form', async () => {
		const first = await upload({});
		const { storage_key } = await as.editorA.documents.byId({ id: first.id });
		const reuse = (key: string) =>
			as.editorA.documents.create({ ...fields, key, filename: 'x.pdf', size: 10, owner: A });
		expect((await expectTrpcError(reuse(storage_key), 'BAD_REQUEST')).message).toBe(
			'Filen hör till något annat. Ladda upp den på nytt.'
		);
		const referral = `files/${hex(999_999)}/remiss.pdf`;
		const { id } = await insats(fx.forbund.a, 'Med remiss', 'draft');
		await owner
			.updateTable('insats')
			.set({ referral_key: referral, referral_filename: 'Remiss.pdf', referral_size_bytes: 10 })
			.where('id', '=', id)
			.execute();
		await expectTrpcError(reuse(referral), 'BAD_REQUEST');
	});

	it('lets a katalogadministratör keep the library, and no one of another förbund', async () => {
		const { id: userId } = await owner
			.insertInto('app_user')
			.values({ email: 'katalog@test.example', name: 'Katalog' })
			.returning('id')
			.executeTakeFirstOrThrow();
		await owner
			.insertInto('membership')
			.values({ user_id: userId, role: 'catalogue_admin', forbund_id: fx.forbund.a })
			.execute();
		const { createCaller } = await import('../src/index.ts');
		const catalogue = createCaller({
			db,
			user: { id: userId, email: 'katalog@test.example', name: 'Katalog' },
			session: { id: 'katalog', twoFactorVerified: true }
		});
		const created = await catalogue.documents.create({ ...fields, ...file(), owner: A });
		await expectTrpcError(as.editorB.documents.update({ ...fields, id: created.id }), 'FORBIDDEN');
		await expectTrpcError(as.editorB.documents.delete({ id: created.id }), 'FORBIDDEN');
		await expectTrpcError(upload({}, as.editorB, A), 'FORBIDDEN');
	});
});
