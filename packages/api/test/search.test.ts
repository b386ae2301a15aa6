import { createTestDatabase, seedFixtures } from '@regionportalen/db/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { searchNews } from '../src/news/search.ts';
import { handleTrpcRequest } from '../src/http.ts';
import { transformer } from '../src/core/transformer.ts';
import { callersFor, expectTrpcError } from './helpers.ts';

const { db, owner } = await createTestDatabase();
const fx = await seedFixtures(owner);
const as = callersFor(db, fx);

type Owner = 'a' | 'b' | 'c' | 'norr' | 'syd';

let serial = 0;
/** An item written straight into the database (as its owner), published a year ago unless told otherwise. */
async function item(
	who: Owner,
	fields: { title: string; lead?: string; body?: string },
	options: { status?: 'draft' | 'published' | 'scheduled' | 'archived'; publishedAt?: Date; shared?: boolean } = {}
) {
	const scope =
		who === 'norr' || who === 'syd'
			? { forbund_id: null, region_id: fx.regions[who] }
			: { forbund_id: fx.forbund[who], region_id: who === 'c' ? fx.regions.syd : fx.regions.norr };
	const status = options.status ?? 'published';
	return owner
		.insertInto('news')
		.values({
			...scope,
			slug: `nyhet-${++serial}`,
			title: fields.title,
			lead: fields.lead ?? '',
			body: fields.body ?? '',
			status,
			shared_with_region: options.shared ?? false,
			published_at: options.publishedAt ?? (status === 'draft' ? null : new Date(Date.now() - 365 * 86_400_000))
		})
		.returning(['id', 'slug'])
		.executeTakeFirstOrThrow();
}

const search = (scope: { forbund: string } | { region: string }, q: string, page = 1) =>
	as.anonymous.search.news({ scope, q, page });
const titles = async (scope: { forbund: string } | { region: string }, q: string) =>
	(await search(scope, q)).items.map((i) => i.title);

beforeEach(async () => {
	await owner.deleteFrom('news').execute();
});

describe('Swedish full-text search', () => {
	it('finds inflected forms and compounds: "företag" finds "företagen" and "företagets"', async () => {
		await item('a', { title: 'Företagen i kommunen växer', body: 'Ny statistik.' });
		await item('a', { title: 'Ett nytt samarbete', body: 'Företagets ledning deltog i mötet.' });
		await item('a', { title: 'Ett socialt företag startar' });
		await item('a', { title: 'Om något helt annat', body: 'Vädret var fint, samverkansmötet ställdes in.' });

		expect((await titles({ forbund: 'a' }, 'företag')).sort()).toEqual([
			'Ett nytt samarbete',
			'Ett socialt företag startar',
			'Företagen i kommunen växer'
		]);
		// The other way round, whatever the case.
		expect(await titles({ forbund: 'a' }, 'FÖRETAGEN')).toEqual(
			expect.arrayContaining(['Ett socialt företag startar', 'Företagen i kommunen växer'])
		);
		// A compound is found by its first part.
		expect(await titles({ forbund: 'a' }, 'samverkan')).toEqual(['Om något helt annat']);
		// The prefix is the word as typed, not its stem: "SAMRE" (stem "samr") is not "samråd".
		await item('a', { title: 'Samråd om budgeten' });
		await item('a', { title: 'SAMRE:s deltagare' });
		expect(await titles({ forbund: 'a' }, 'SAMRE')).toEqual(['SAMRE:s deltagare']);
	});

	it('reads the query as a web search: phrases, -excluded words, no syntax errors', async () => {
		await item('a', { title: 'Socialt företag i Sigtuna', body: 'Ett arbetsintegrerande socialt företag.' });
		await item('a', { title: 'Företag och kommun', body: 'Kommunen träffade företag.' });

		expect(await titles({ forbund: 'a' }, 'företag -kommun')).toEqual(['Socialt företag i Sigtuna']);
		expect(await titles({ forbund: 'a' }, '"socialt företag"')).toEqual(['Socialt företag i Sigtuna']);
		// Unbalanced quotes and operators are no error, and stop words alone find nothing.
		expect(await titles({ forbund: 'a' }, '"företag & | !')).toHaveLength(2);
		expect((await search({ forbund: 'a' }, 'och att')).total).toBe(0);
		for (const q of ["d'Artagnan's", 'a\\b', "''", 'x:* & y <-> z', '(((', '!!', 'é—ü', '\u0000ab']) {
			await expect(search({ forbund: 'a' }, q)).resolves.toMatchObject({ page: 1 });
		}
	});

	it('ranks the most relevant first, and equally relevant items newest first', async () => {
		await item('a', { title: 'Kort om samverkan', body: 'Lite om annat.' });
		await item('a', {
			title: 'Samverkan i fokus',
			lead: 'Samverkan mellan myndigheterna.',
			body: 'Samverkan är grunden. Mer samverkan behövs.'
		});
		await item('a', { title: 'Äldre om samverkan', body: 'Text.' }, { publishedAt: new Date('2020-01-01') });
		await item('a', { title: 'Nyare om samverkan', body: 'Text.' }, { publishedAt: new Date('2024-01-01') });

		const result = await titles({ forbund: 'a' }, 'samverkan');
		expect(result[0]).toBe('Samverkan i fokus');
		expect(result.indexOf('Nyare om samverkan')).toBeLessThan(result.indexOf('Äldre om samverkan'));
	});

	it('pages ten at a time with the total count', async () => {
		for (let i = 1; i <= 12; i++) {
			await item('a', { title: `Insats nummer ${i}` }, { publishedAt: new Date(Date.UTC(2024, 0, i)) });
		}
		await item('a', { title: 'Något annat' });
		const first = await search({ forbund: 'a' }, 'insats');
		const second = await search({ forbund: 'a' }, 'insats', 2);
		expect(first).toMatchObject({ total: 12, pageCount: 2, page: 1 });
		expect(first.items).toHaveLength(10);
		expect(second.items.map((i) => i.title)).toEqual(['Insats nummer 2', 'Insats nummer 1']);
		expect((await search({ forbund: 'a' }, 'insats', 3)).items).toEqual([]);
	});
});

describe('snippets', () => {
	it('mark the matched words in the title and in a passage of the lead and body', async () => {
		await item('a', {
			title: 'Företagen i regionen',
			lead: 'En ingress utan träff.',
			body: 'Många ord före. Vi besökte **flera** företag i [Sigtuna](https://example.se) under våren.'
		});
		const [hit] = (await search({ forbund: 'a' }, 'företag')).items;
		expect(hit?.title_html).toBe('<mark>Företagen</mark> i regionen');
		expect(hit?.snippet_html).toContain('<mark>företag</mark>');
		// Markdown is plain text in a snippet.
		expect(hit?.snippet_html).toContain('besökte flera <mark>företag</mark> i Sigtuna under');
		expect(hit?.snippet_html).not.toContain('https://');
	});

	it('are HTML-escaped: markup in an item never reaches the page as markup', async () => {
		await item('a', {
			title: 'Företag <b onmouseover="alert(1)">fet</b> & "citat"',
			body:
				'Om företag: <script>alert("xss")</script> <img src=x onerror=alert(1)> och 5 < 7 & 9 > 3 ' +
				'samt "citat" och \'apostrofer\'.'
		});
		const [hit] = (await search({ forbund: 'a' }, 'företag')).items;
		const tags = (html: string) => html.match(/<[^>]*>/g) ?? [];
		for (const html of [hit!.title_html, hit!.snippet_html]) {
			expect(tags(html).every((t) => t === '<mark>' || t === '</mark>')).toBe(true);
			expect(html).not.toMatch(/<(script|img|b)\b/i);
		}
		expect(hit?.title_html).toContain('&lt;b onmouseover=&quot;alert(1)&quot;&gt;');
		expect(hit?.title_html).toContain('&amp; &quot;citat&quot;');
		expect(hit?.snippet_html).toContain('5 &lt; 7 &amp; 9 &gt; 3');
		expect(hit?.snippet_html).toContain('&#39;apostrofer');
	});

	it('cannot be given a <mark> by an editor who types the marker characters', async () => {
		await item('a', { title: 'Förbundet', body: 'Text \uE000smygande\uE001 om förbundet.' });
		const [hit] = (await search({ forbund: 'a' }, 'förbundet')).items;
		expect(hit?.snippet_html).toContain('Text smygande om <mark>förbundet</mark>');
	});
});

describe('what is found', () => {
	it('never a draft, an item scheduled for later, or another förbund’s item, even for its editors', async () => {
		await item('a', { title: 'Publicerad rapport' });
		await item('a', { title: 'Utkast till rapport' }, { status: 'draft' });
		await item(
			'a',
			{ title: 'Schemalagd rapport' },
			{ status: 'scheduled', publishedAt: new Date(Date.now() + 86_400_000) }
		);
		await item('a', { title: 'Utkast med datum, rapport' }, { status: 'draft', publishedAt: new Date('2020-01-01') });
		await item('b', { title: 'Rapport från B' }, { shared: true });
		await item('norr', { title: 'Regional rapport' });

		for (const caller of [as.anonymous, as.editorA, as.adminA, as.platformAdmin]) {
			const found = await caller.search.news({ scope: { forbund: 'a' }, q: 'rapport', page: 1 });
			expect(found.items.map((i) => i.title)).toEqual(['Publicerad rapport']);
			expect(found).toMatchObject({ total: 1, capped: false });
			const suggested = await caller.search.suggest({ scope: { forbund: 'a' }, q: 'rapp' });
			expect(suggested.items.map((i) => i.title)).toEqual(['Publicerad rapport']);
		}
	});

	it('a scheduled item once its time has come', async () => {
		await item(
			'a',
			{ title: 'Schemalagd och passerad rapport' },
			{ status: 'scheduled', publishedAt: new Date('2024-01-01') }
		);
		expect(await titles({ forbund: 'a' }, 'rapport')).toEqual(['Schemalagd och passerad rapport']);
	});

	it('on the hub: the region’s own items and what its förbund shared, not their unshared items', async () => {
		await item('norr', { title: 'Regional konferens' });
		await item('a', { title: 'Delad konferens från A' }, { shared: true });
		await item('a', { title: 'Egen konferens hos A' });
		await item('b', { title: 'Utkast om konferens', lead: '' }, { status: 'draft', shared: true });
		await item('syd', { title: 'Konferens i syd' });
		await item('c', { title: 'Delad konferens från C' }, { shared: true });

		const hits = (await search({ region: 'norr' }, 'konferens')).items;
		expect(hits.map((i) => i.title).sort()).toEqual(['Delad konferens från A', 'Regional konferens']);
		// Credited to its förbund, so the page can link to the original.
		expect(hits.find((i) => i.title === 'Delad konferens från A')).toMatchObject({
			forbund_slug: 'a',
			forbund_name: 'a'
		});
		expect(hits.find((i) => i.title === 'Regional konferens')?.forbund_slug).toBeNull();
		expect((await titles({ region: 'syd' }, 'konferens')).sort()).toEqual([
			'Delad konferens från C',
			'Konferens i syd'
		]);
		// The förbund's own site finds its unshared item too.
		expect((await titles({ forbund: 'a' }, 'konferens')).sort()).toEqual([
			'Delad konferens från A',
			'Egen konferens hos A'
		]);
	});
});

describe('the ranked candidates (news_search, which runs as its owner)', () => {
	it('rank the newest matches only, say that there are more, and end the pages there', async () => {
		for (let i = 1; i <= 8; i++) {
			const title = i === 2 ? 'Samverkan, samverkan och samverkan' : `Om samverkan ${i}`;
			await item('a', { title }, { publishedAt: new Date(Date.UTC(2024, 0, i)) });
		}
		const scope = { forbundId: fx.forbund.a };
		const all = await searchNews(db, scope, 'samverkan', { page: 1, pageSize: 10, candidates: 10 });
		expect(all).toMatchObject({ total: 8, capped: false, pageCount: 1 });
		expect(all.items[0]?.title).toBe('Samverkan, samverkan och samverkan');

		// The five newest (8…4) are ranked; the best of them first, the rest newest first.
		const first = await searchNews(db, scope, 'samverkan', { page: 1, pageSize: 3, candidates: 5 });
		expect(first).toMatchObject({ total: 5, capped: true, pageCount: 2 });
		expect(first.items.map((i) => i.title)).toEqual(['Om samverkan 8', 'Om samverkan 7', 'Om samverkan 6']);
		const second = await searchNews(db, scope, 'samverkan', { page: 2, pageSize: 3, candidates: 5 });
		expect(second.items.map((i) => i.title)).toEqual(['Om samverkan 5', 'Om samverkan 4']);
		expect((await searchNews(db, scope, 'samverkan', { page: 3, pageSize: 3, candidates: 5 })).items).toEqual([]);
	});

	it('are only what a visitor may see, even when the servers’ login calls the function itself', async () => {
		await item('a', { title: 'Publicerad plan' });
		await item('a', { title: 'Utkast till plan' }, { status: 'draft', publishedAt: new Date('2020-01-01') });
		await item('a', { title: 'Senare plan' }, { status: 'scheduled', publishedAt: new Date(Date.now() + 86_400_000) });
		await item('a', { title: 'Arkiverad plan' }, { status: 'archived', publishedAt: new Date('2020-01-01') });
		await item('b', { title: 'Plan från B' }, { shared: true });
		await item('c', { title: 'Plan från C' }, { shared: true });
		await item('norr', { title: 'Regional plan' });

		const found = async (forbund: number | null, region: number | null) => {
			const { rows } = await sql<{ total: number; ids: number[] }>`
				select total, ids from news_search(to_tsquery('swedish', 'plan'), ${forbund}::integer, ${region}::integer, 100, 100, 0)`.execute(
				db
			);
			const titles = await owner
				.selectFrom('news')
				.select(['id', 'title'])
				.where('id', 'in', [0, ...rows[0]!.ids])
				.execute();
			return { total: rows[0]!.total, titles: titles.map((t) => t.title).sort() };
		};
		expect(await found(fx.forbund.a, null)).toEqual({ total: 1, titles: ['Publicerad plan'] });
		expect(await found(null, fx.regions.norr)).toEqual({ total: 2, titles: ['Plan från B', 'Regional plan'] });
		await expect(found(fx.forbund.a, fx.regions.norr)).rejects.toThrow(/förbund or a region/);
		await expect(found(null, null)).rejects.toThrow(/förbund or a region/);
	});

	it('come from a function the servers may only execute, owned by the owner, with its search path pinned', async () => {
		const { rows } = await sql<{ definer: boolean; config: string[]; owner: string; canRun: boolean; super: boolean }>`
			select p.prosecdef as definer, p.proconfig as config, pg_get_userbyid(p.proowner) as owner,
				has_function_privilege(current_user, p.oid, 'execute') as "canRun",
				(select rolsuper from pg_roles where rolname = pg_get_userbyid(p.proowner)) as super
			from pg_proc p where p.proname = 'news_search'`.execute(db);
		expect(rows).toEqual([
			{
				definer: true,
				config: ['search_path=pg_catalog, public'],
				owner: expect.any(String),
				canRun: true,
				super: true
			}
		]);
		const publicCanRun = await sql<{ ok: boolean }>`
			select has_function_privilege('public', 'news_search(tsquery, integer, integer, integer, integer, integer)', 'execute') as ok`.execute(
			owner
		);
		expect(publicCanRun.rows[0]?.ok).toBe(false);
	});
});

describe('suggestions', () => {
	it('match the last word as it is typed, and give the best five and the total', async () => {
		for (let i = 1; i <= 7; i++) await item('a', { title: `Företagen del ${i}`, body: 'Om samverkan.' });
		await item('a', { title: 'Förbundsstämma' });

		const typed = await as.anonymous.search.suggest({ scope: { forbund: 'a' }, q: 'före' });
		expect(typed.items).toHaveLength(5);
		expect(typed.total).toBe(7);
		expect(typed.items[0]?.title_html).toMatch(/^<mark>Företagen<\/mark> del \d$/);
		// "för" is a stop word in a whole search, but not when it is the start of a word being typed.
		expect((await as.anonymous.search.suggest({ scope: { forbund: 'a' }, q: 'för' })).total).toBe(8);
		// Earlier words count in full; only the last is a prefix.
		expect((await as.anonymous.search.suggest({ scope: { forbund: 'a' }, q: 'samverkan före' })).total).toBe(7);
		expect((await as.anonymous.search.suggest({ scope: { forbund: 'a' }, q: 'samverkan förb' })).total).toBe(0);
	});

	it('are served over HTTP with GET to anyone', async () => {
		await item('a', { title: 'Öppet hus hos förbundet' });
		const input = encodeURIComponent(JSON.stringify(transformer.serialize({ scope: { forbund: 'a' }, q: 'öppet' })));
		const response = await handleTrpcRequest(
			new Request(`https://a.example.se/api/trpc/search.suggest?input=${input}`),
			{ db, user: null, session: null },
			'https://a.example.se'
		);
		expect(response.status).toBe(200);
		const body = (await response.json()) as { result: { data: string } };
		const data = transformer.deserialize(body.result.data) as { items: { title: string; published_at: Date }[] };
		expect(data.items[0]?.title).toBe('Öppet hus hos förbundet');
		expect(data.items[0]?.published_at).toBeInstanceOf(Date);
	});
});

describe('validation', () => {
	it('refuses a too short or too long query with a Swedish message', async () => {
		const short = await expectTrpcError(search({ forbund: 'a' }, 'a'), 'BAD_REQUEST');
		expect(short.message).toContain('Skriv minst 2 tecken för att söka.');
		// Spaces do not count.
		await expectTrpcError(search({ forbund: 'a' }, '  a  '), 'BAD_REQUEST');
		const long = await expectTrpcError(search({ forbund: 'a' }, 'x'.repeat(201)), 'BAD_REQUEST');
		expect(long.message).toContain('Sökningen får vara högst 200 tecken.');
		await expectTrpcError(as.anonymous.search.suggest({ scope: { forbund: 'a' }, q: 'x' }), 'BAD_REQUEST');
	});

	it('refuses a bad page or scope, and an unknown förbund or region is not found', async () => {
		await expectTrpcError(search({ forbund: 'a' }, 'rapport', 0), 'BAD_REQUEST');
		await expectTrpcError(search({ forbund: 'Inte En Slug' }, 'rapport'), 'BAD_REQUEST');
		await expectTrpcError(search({ forbund: 'okand' }, 'rapport'), 'NOT_FOUND');
		await expectTrpcError(search({ region: 'okand' }, 'rapport'), 'NOT_FOUND');
	});
});
