import type { NewNews } from '@regionportalen/db';
import { sql } from 'kysely';
import { createTestDatabase, seedFixtures } from '@regionportalen/db/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { callersFor, expectTrpcError } from './helpers.ts';

// The year archive, tag pages, related items and the feeds, against the real database as the
// servers' role (row-level security applies); fixtures are written as the owner.

const { db, owner } = await createTestDatabase();
const fx = await seedFixtures(owner);
const as = callersFor(db, fx);

let counter = 0;
/** An item of förbund A unless told otherwise, published at `at` unless a status says otherwise. */
async function item(title: string, at: string, values: Partial<NewNews> = {}) {
	counter++;
	return owner
		.insertInto('news')
		.values({
			region_id: fx.regions.norr,
			forbund_id: fx.forbund.a,
			slug: `nyhet-${counter}`,
			title,
			lead: `Ingress till ${title}.`,
			body: `Texten om **${title}**.\n\n<script>alert(1)</script>`,
			status: 'published',
			published_at: new Date(at),
			...values
		})
		.returningAll()
		.executeTakeFirstOrThrow();
}

const titles = (items: { title: string }[]) => items.map((i) => i.title);
const A = { forbund: 'a' } as const;
const NORR = { region: 'norr' } as const;

beforeEach(async () => {
	await owner.deleteFrom('news').execute();
});

describe('the year archive', () => {
	it('counts published items per year in Swedish time, newest year first, and leaves drafts out', async () => {
		await item('2018 ett', '2018-03-01T10:00:00+01:00');
		await item('2018 två', '2018-12-31T23:30:00+01:00');
		// 23:30 UTC on New Year's Eve is already 2020 in Sweden.
		await item('Nyårsnatt', '2019-12-31T23:30:00Z');
		await item('2019', '2019-06-01T10:00:00+02:00');
		await item('Utkast 2017', '2017-05-01T10:00:00+02:00', { status: 'draft' });
		await item('Arkiverad 2017', '2017-05-01T10:00:00+02:00', { status: 'archived' });
		await item('Schemalagd framåt', '2999-01-01T10:00:00+01:00', { status: 'scheduled' });
		await item('B:s', '2016-01-01T10:00:00+01:00', { forbund_id: fx.forbund.b });

		expect(await as.anonymous.archive.years({ owner: A })).toEqual([
			{ year: 2020, count: 1 },
			{ year: 2019, count: 1 },
			{ year: 2018, count: 2 }
		]);
		// An editor of A sees drafts in the editor, never in the archive.
		expect(await as.editorA.archive.years({ owner: A })).toEqual(await as.anonymous.archive.years({ owner: A }));
		expect(await as.anonymous.archive.year({ owner: A, year: 2017, page: 1 })).toMatchObject({ total: 0, items: [] });
		expect(titles((await as.anonymous.archive.year({ owner: A, year: 2018, page: 1 })).items)).toEqual([
			'2018 två',
			'2018 ett'
		]);
		expect(titles((await as.anonymous.archive.year({ owner: A, year: 2020, page: 1 })).items)).toEqual(['Nyårsnatt']);
	});

	it('pages a year ten at a time, newest first', async () => {
		for (let i = 1; i <= 12; i++) await item(`Nyhet ${i}`, `2021-01-${String(i).padStart(2, '0')}T10:00:00+01:00`);
		await item('Annat år', '2022-01-01T10:00:00+01:00');
		const first = await as.anonymous.archive.year({ owner: A, year: 2021, page: 1 });
		const second = await as.anonymous.archive.year({ owner: A, year: 2021, page: 2 });
		expect(first).toMatchObject({ total: 12, pageCount: 2, page: 1 });
		expect(first.items[0]?.title).toBe('Nyhet 12');
		expect(titles(second.items)).toEqual(['Nyhet 2', 'Nyhet 1']);
	});

	it('gives a region the regional items and what its förbund shared', async () => {
		await item('Regional', '2019-02-01T10:00:00+01:00', { forbund_id: null });
		await item('Delad av A', '2019-03-01T10:00:00+01:00', { shared_with_region: true });
		await item('Bara A', '2019-04-01T10:00:00+01:00');
		await item('Delad av A, utkast', '2019-05-01T10:00:00+01:00', { shared_with_region: true, status: 'draft' });
		await item('Delad av C i syd', '2019-05-01T10:00:00+01:00', {
			forbund_id: fx.forbund.c,
			region_id: fx.regions.syd,
			shared_with_region: true
		});
		// As A's editor, who could read the draft: the archive still leaves it out.
		expect(await as.editorA.archive.years({ owner: NORR })).toEqual([{ year: 2019, count: 2 }]);
		const year = await as.editorA.archive.year({ owner: NORR, year: 2019, page: 1 });
		expect(titles(year.items)).toEqual(['Delad av A', 'Regional']);
		expect(year.items[0]).toMatchObject({ forbund_slug: 'a' });
	});

	it('refuses an unknown owner or a nonsense year', async () => {
		await expectTrpcError(as.anonymous.archive.years({ owner: { forbund: 'finns-inte' } }), 'NOT_FOUND');
		await expectTrpcError(as.anonymous.archive.year({ owner: A, year: 12, page: 1 }), 'BAD_REQUEST');
	});
});

describe('tags', () => {
	it('lists the published items carrying a tag, named as the editor wrote it', async () => {
		await item('Om ASF', '2020-01-01T10:00:00+01:00', { tags: ['ASF', 'Psykisk hälsa'] });
		await item('Om hälsa', '2020-02-01T10:00:00+01:00', { tags: ['Psykisk hälsa'] });
		await item('Utan taggar', '2020-03-01T10:00:00+01:00');
		await item('Utkast om hälsa', '2020-04-01T10:00:00+01:00', { tags: ['Psykisk hälsa'], status: 'draft' });
		await item('B om hälsa', '2020-04-01T10:00:00+01:00', { tags: ['Psykisk hälsa'], forbund_id: fx.forbund.b });

		const health = await as.anonymous.archive.tag({ owner: A, tag: 'psykisk-halsa', page: 1 });
		expect(health.tag).toEqual({ slug: 'psykisk-halsa', name: 'Psykisk hälsa' });
		expect(titles(health.items)).toEqual(['Om hälsa', 'Om ASF']);
		expect(health.total).toBe(2);
		const asf = await as.anonymous.archive.tag({ owner: A, tag: 'asf', page: 1 });
		expect(asf.tag.name).toBe('ASF');
		expect(titles(asf.items)).toEqual(['Om ASF']);
		// Its own editor does not see the draft there either.
		expect(titles((await as.editorA.archive.tag({ owner: A, tag: 'psykisk-halsa', page: 1 })).items)).toEqual([
			'Om hälsa',
			'Om ASF'
		]);
	});

	it('is not found when no published item carries the tag', async () => {
		await item('Utkast', '2020-01-01T10:00:00+01:00', { tags: ['Hemligt'], status: 'draft' });
		await expectTrpcError(as.anonymous.archive.tag({ owner: A, tag: 'hemligt', page: 1 }), 'NOT_FOUND');
		await expectTrpcError(as.editorA.archive.tag({ owner: A, tag: 'hemligt', page: 1 }), 'NOT_FOUND');
		await expectTrpcError(as.anonymous.archive.feed({ owner: A, tag: 'hemligt' }), 'NOT_FOUND');
		await expectTrpcError(as.anonymous.archive.tag({ owner: A, tag: 'Inte En Slug', page: 1 }), 'BAD_REQUEST');
	});

	it('on the hub, covers the region feed', async () => {
		await item('Regional ASF', '2020-01-01T10:00:00+01:00', { tags: ['ASF'], forbund_id: null });
		await item('Delad ASF', '2020-02-01T10:00:00+01:00', { tags: ['asf'], shared_with_region: true });
		await item('Odelad ASF', '2020-03-01T10:00:00+01:00', { tags: ['ASF'] });
		const asf = await as.anonymous.archive.tag({ owner: NORR, tag: 'asf', page: 1 });
		expect(titles(asf.items)).toEqual(['Delad ASF', 'Regional ASF']);
		// Named from the newest item carrying it.
		expect(asf.tag.name).toBe('asf');
	});
});

describe('news_tagged, which runs as its owner', () => {
	/** The function as the servers' login calls it: titles of what comes back, its count and name. */
	async function tagged(tags: string[], forbund: number | null, region: number | null, regionalOnly = false) {
		const { rows } = await sql<{ total: number; ids: number[]; name: string | null }>`select total, ids, name
			from news_tagged(${tags}::text[], ${forbund}::integer, ${region}::integer, ${regionalOnly}::boolean,
				null, 100, 0)`.execute(db);
		const found = await owner
			.selectFrom('news')
			.select(['id', 'title'])
			.where('id', 'in', [0, ...rows[0]!.ids])
			.execute();
		const byId = new Map(found.map((r) => [r.id, r.title]));
		return { total: rows[0]!.total, titles: rows[0]!.ids.map((id) => byId.get(id)), name: rows[0]!.name };
	}

	it('returns only what a visitor may see: no draft, archived, future or other owner’s item', async () => {
		const tags = { tags: ['Plan'] };
		await item('Publicerad', '2020-01-01T10:00:00+01:00', tags);
		await item('Utkast', '2020-02-01T10:00:00+01:00', { ...tags, status: 'draft' });
		await item('Arkiverad', '2020-02-01T10:00:00+01:00', { ...tags, status: 'archived' });
		await item('Planerad, senare', new Date(Date.now() + 86_400_000).toISOString(), { ...tags, status: 'scheduled' });
		await item('Publicerad men framtida', new Date(Date.now() + 86_400_000).toISOString(), tags);
		await item('Planerad, nu', new Date(Date.now() - 60_000).toISOString(), { ...tags, status: 'scheduled' });
		await item('Från B, delad', '2020-03-01T10:00:00+01:00', {
			...tags,
			forbund_id: fx.forbund.b,
			shared_with_region: true
		});
		await item('Från C, delad', '2020-03-01T10:00:00+01:00', {
			...tags,
			forbund_id: fx.forbund.c,
			region_id: fx.regions.syd,
			shared_with_region: true
		});
		await item('Regional', '2020-04-01T10:00:00+01:00', { ...tags, forbund_id: null });
		await item('Regionalt utkast', '2020-04-01T10:00:00+01:00', { ...tags, forbund_id: null, status: 'draft' });

		expect(await tagged(['plan'], fx.forbund.a, null)).toEqual({
			total: 2,
			titles: ['Planerad, nu', 'Publicerad'],
			name: 'Plan'
		});
		expect((await tagged(['plan'], null, fx.regions.norr)).titles).toEqual(['Regional', 'Från B, delad']);
		expect((await tagged(['plan'], null, fx.regions.norr, true)).titles).toEqual(['Regional']);
		expect((await tagged(['plan'], null, fx.regions.syd)).titles).toEqual(['Från C, delad']);
		expect(await tagged(['annat'], fx.forbund.a, null)).toEqual({ total: 0, titles: [], name: null });
		expect(await tagged([], fx.forbund.a, null)).toEqual({ total: 0, titles: [], name: null });
		await expect(tagged(['plan'], fx.forbund.a, fx.regions.norr)).rejects.toThrow(/förbund or a region/);
		await expect(tagged(['plan'], null, null)).rejects.toThrow(/förbund or a region/);
	});

	it('is a function the servers may only execute, owned by a superuser, with its search path pinned', async () => {
		const { rows } = await sql<{ definer: boolean; config: string[]; canRun: boolean; super: boolean }>`
			select p.prosecdef as definer, p.proconfig as config,
				has_function_privilege(current_user, p.oid, 'execute') as "canRun",
				(select rolsuper from pg_roles where rolname = pg_get_userbyid(p.proowner)) as super
			from pg_proc p where p.proname = 'news_tagged'`.execute(db);
		expect(rows).toEqual([{ definer: true, config: ['search_path=pg_catalog, public'], canRun: true, super: true }]);
		const publicCanRun = await sql<{ ok: boolean }>`select has_function_privilege('public',
			'news_tagged(text[], integer, integer, boolean, integer, integer, integer)', 'execute') as ok`.execute(owner);
		expect(publicCanRun.rows[0]?.ok).toBe(false);
	});
});

describe('related items', () => {
	it('prefers items of the same owner sharing most tags, then the newest', async () => {
		await item('Artikeln', '2020-06-01T10:00:00+02:00', { tags: ['ASF', 'Unga', 'Psykisk hälsa'], slug: 'artikeln' });
		await item('Två gemensamma', '2019-01-01T10:00:00+01:00', { tags: ['Unga', 'ASF'] });
		await item('En gemensam, ny', '2020-05-01T10:00:00+02:00', { tags: ['Unga'] });
		await item('En gemensam, äldre', '2020-04-01T10:00:00+02:00', { tags: ['Psykisk hälsa'] });
		await item('En gemensam, äldst', '2018-04-01T10:00:00+02:00', { tags: ['ASF'] });
		await item('Ingen gemensam men nyast', '2020-07-01T10:00:00+02:00', { tags: ['Annat'] });
		await item('Utkast med alla', '2020-07-01T10:00:00+02:00', { tags: ['ASF', 'Unga'], status: 'draft' });
		await item('Annat förbund', '2020-07-01T10:00:00+02:00', { tags: ['ASF', 'Unga'], forbund_id: fx.forbund.b });

		const related = await as.anonymous.archive.related({ owner: A, slug: 'artikeln' });
		expect(related.basis).toBe('tags');
		expect(titles(related.items)).toEqual(['Två gemensamma', 'En gemensam, ny', 'En gemensam, äldre']);
		expect(titles((await as.editorA.archive.related({ owner: A, slug: 'artikeln' })).items)).not.toContain(
			'Utkast med alla'
		);
	});

	it('falls back to the newest items of the owner when none shares a tag', async () => {
		await item('Artikeln', '2020-06-01T10:00:00+02:00', { tags: ['Ensam'], slug: 'artikeln' });
		for (let i = 1; i <= 4; i++) await item(`Nyhet ${i}`, `2020-0${i}-01T10:00:00+01:00`);
		await item('Utkast', '2020-12-01T10:00:00+01:00', { status: 'draft' });
		await item('Annat förbund', '2020-12-01T10:00:00+01:00', { forbund_id: fx.forbund.b });
		const related = await as.editorA.archive.related({ owner: A, slug: 'artikeln' });
		expect(related.basis).toBe('latest');
		expect(titles(related.items)).toEqual(['Nyhet 4', 'Nyhet 3', 'Nyhet 2']);
	});

	it('for a regional item, offers the region’s own items', async () => {
		await item('Regional', '2020-06-01T10:00:00+02:00', { forbund_id: null, slug: 'regional', tags: ['ASF'] });
		await item('Regional ASF', '2020-01-01T10:00:00+01:00', { forbund_id: null, tags: ['ASF'] });
		await item('Delad ASF', '2020-02-01T10:00:00+01:00', { shared_with_region: true, tags: ['ASF'] });
		const related = await as.anonymous.archive.related({ owner: NORR, slug: 'regional' });
		expect(titles(related.items)).toEqual(['Regional ASF']);
	});

	it('is not found for a draft', async () => {
		await item('Utkast', '2020-06-01T10:00:00+02:00', { slug: 'utkast', status: 'draft' });
		await expectTrpcError(as.editorA.archive.related({ owner: A, slug: 'utkast' }), 'NOT_FOUND');
	});
});

describe('feeds', () => {
	it('carry the newest twenty published items with their sanitised bodies, never drafts', async () => {
		for (let i = 1; i <= 22; i++) {
			await item(`Nyhet ${i}`, new Date(Date.UTC(2021, 0, i, 9)).toISOString(), { tags: i % 2 ? ['Udda'] : [] });
		}
		await item('Utkast', '2030-01-01T10:00:00+01:00', { status: 'draft' });
		await item('Schemalagd framåt', '2999-01-01T10:00:00+01:00', { status: 'scheduled' });
		const feed = await as.editorA.archive.feed({ owner: A });
		expect(feed.name).toBe('Samordningsförbundet A');
		expect(feed.tag).toBeNull();
		expect(feed.items).toHaveLength(20);
		expect(feed.items[0]).toMatchObject({ title: 'Nyhet 22', slug: expect.any(String) });
		expect(feed.items[0]?.updated_at).toBeInstanceOf(Date);
		expect(titles(feed.items)).not.toContain('Utkast');
		expect(titles(feed.items)).not.toContain('Schemalagd framåt');
		const body = feed.items[0]!.body_html;
		expect(body).toContain('<strong>Nyhet 22</strong>');
		expect(body).not.toContain('<script>');
		expect(feed.items[0]).not.toHaveProperty('body');

		const odd = await as.anonymous.archive.feed({ owner: A, tag: 'udda' });
		expect(odd.tag).toEqual({ slug: 'udda', name: 'Udda' });
		expect(titles(odd.items)).toEqual(
			['Nyhet 21', 'Nyhet 19', 'Nyhet 17', 'Nyhet 15', 'Nyhet 13', 'Nyhet 11'].concat([
				'Nyhet 9',
				'Nyhet 7',
				'Nyhet 5',
				'Nyhet 3',
				'Nyhet 1'
			])
		);
	});

	it('for a region, carry the regional items and the shared ones, with the förbund’s origin to link to', async () => {
		await owner.updateTable('forbund').set({ origin: 'https://a.example.se' }).where('id', '=', fx.forbund.a).execute();
		await item('Regional', '2020-01-01T10:00:00+01:00', { forbund_id: null });
		await item('Delad', '2020-02-01T10:00:00+01:00', { shared_with_region: true });
		await item('Odelad', '2020-03-01T10:00:00+01:00');
		await item('Delat utkast', '2020-04-01T10:00:00+01:00', { shared_with_region: true, status: 'draft' });
		const feed = await as.editorA.archive.feed({ owner: NORR });
		expect(feed.name).toBe('Region norr');
		expect(feed.items.map((i) => [i.title, i.forbund_origin])).toEqual([
			['Delad', 'https://a.example.se'],
			['Regional', null]
		]);
	});
});

describe('publisher', () => {
	it('names the förbund or the region', async () => {
		expect(await as.anonymous.archive.publisher({ owner: A })).toEqual({ name: 'Samordningsförbundet A' });
		expect(await as.anonymous.archive.publisher({ owner: NORR })).toEqual({ name: 'Region norr' });
	});
});
