// The load test's data set, loaded as the database owner with set-based SQL (INSERT … SELECT over
// generate_series and joins; no row-by-row inserts): 21 regions and 80 förbund in all (the demo's
// two regions and every förbund already registered are kept; synthetic ones are added), and
// 100,000 news items in all, composed in PostgreSQL from the Swedish text pools of vocabulary.ts.
//
// Meant for a freshly reset database (the bench resets it): on one that already holds the data set
// it does nothing. Deterministic (seeded pools, setseed per worker). Regions, förbund and the text
// pools go in first, in one transaction; the news then in batches of 10,000 on a few connections in
// parallel (stemming 37 million words into the generated tsvector is most of the work), each
// worker in one transaction of its own. Then the bodies are rendered to HTML by the API's code
// (renderStoredBodies), as a save would have stored it.

import { availableParallelism } from 'node:os';
import pg from 'pg';
import { renderStoredBodies } from '@regionportalen/api';
import { createDb } from '@regionportalen/db/client';
import { makeTextPools, SYNTHETIC_REGIONS, syntheticForbund, TAGS } from './vocabulary.ts';

export interface SeedOptions {
	regions?: number;
	forbund?: number;
	news?: number;
	/** Items SUS gets on top of its share of the rest, so its list has a page 50 and more. */
	susExtra?: number;
	/** The share of items owned by a region rather than a förbund. */
	regionalShare?: number;
	/** Insatser in all, and how many of them SUS's. */
	insatser?: number;
	susInsatser?: number;
	/** Connections inserting news in parallel. */
	workers?: number;
	log?: (line: string) => void;
}

export interface SeedReport {
	skipped: boolean;
	ms: number;
	regions: number;
	forbund: number;
	news: number;
	published: number;
	drafts: number;
	shared: number;
	regional: number;
	susPublished: number;
	bodyWords: { min: number; avg: number; max: number };
	titleWords: { min: number; max: number };
	tableMb: number;
}

const BATCH = 10_000;

const TARGET_GROUPS = `array['unga', 'sjukskrivna_utan_sgi', 'forsorjningsstod', 'nyanlanda', 'npf', 'psykisk_ohalsa',
	'aktivitetsersattning', 'langtidsarbetslosa', 'sjukskrivna', 'missbruk', 'personal']`;

/**
 * The catalogue: $1 insatser over every förbund, the first $2 SUS's (so its catalogue with two
 * filters has pages); every 20th a draft; one to three of the förbund's municipalities, two target
 * groups, and figures for two years (some counts under 5).
 */
const INSERT_INSATSER = `
with made as (
	insert into insats (region_id, forbund_id, slug, name, summary, description, description_html, inriktning, precise_category_id,
		follow_up, target_groups, age_min, age_max, municipalities, access_via, access_text, intake, life_status,
		status, published_at, reviewed_at)
	select f.region_id, f.id, 'insats-' || i.g, left(t.t, 80), l.t, l.t || E'\\n\\n' || t.t,
		-- stored as a save stores it (the text pools hold no markup)
		'<p>' || l.t || '</p><p>' || t.t || '</p>', c.inriktning, c.id,
		case when i.g % 2 = 0 then 'endast_antal' else 'personuppgifter' end,
		array[(${TARGET_GROUPS})[1 + i.g % 11], (${TARGET_GROUPS})[1 + (i.g / 11) % 11]],
		case when i.g % 3 = 0 then 16 else 18 end, case when i.g % 3 = 0 then 29 else 64 end,
		coalesce((select array_agg(m) from (select m from unnest(f.municipalities) m order by md5(m || i.g)
			limit 1 + i.g % 3) x), '{}'),
		(array['handlaggare', 'sjalv', 'bada'])[1 + i.g % 3], 'Kontakta din handläggare.',
		(array['ja', 'nej', 'vantelista'])[1 + (i.g / 3) % 3],
		(array['planerad', 'pagaende', 'avslutad', 'ordinarie'])[1 + (i.g / 7) % 4],
		case when i.g % 20 = 0 then 'draft' else 'published' end,
		case when i.g % 20 = 0 then null else now() - (i.g % 700) * interval '1 day' end,
		current_date - (i.g % 500)
	from generate_series(1, $1::int) as i(g)
	join bench_seed_forbund b on b.k = case when i.g <= $2 then (select k from bench_seed_forbund
		where id = (select id from forbund where slug = 'sus')) else i.g % (select count(*) from bench_seed_forbund) end
	join forbund f on f.id = b.id
	join bench_seed_title t on t.id = 1 + i.g % (select count(*) from bench_seed_title)
	join bench_seed_lead l on l.id = 1 + (i.g * 7) % (select count(*) from bench_seed_lead)
	join lateral (select id, inriktning from insats_precise_category order by id offset i.g % 8 limit 1) c on true
	returning id
)
insert into insats_year (insats_id, year, cost_budget, cost_outcome, participants_women, participants_men, to_work)
select id, y, 500000 + id % 7 * 100000, 480000 + id % 5 * 90000, id % 13, id % 17, id % 6
from made cross join generate_series(2024, 2025) as y`;
/** Work tables shared by the workers; unlogged, and dropped at the end. */
const POOLS = ['bench_seed_title', 'bench_seed_lead', 'bench_seed_sentence', 'bench_seed_forbund', 'bench_seed_region'];

/** One batch of news items, numbered from $1 to $2 (see the parameters below). */
const INSERT_NEWS = `
with item as materialized (
	select g,
		case when g <= $3 then 'sus' when g <= $3 + $4 then 'region' else 'forbund' end as kind,
		1 + floor(random() * (select count(*) from bench_seed_title))::int as title_id,
		1 + floor(random() * (select count(*) from bench_seed_lead))::int as lead_id,
		-- a body of 150–600 words: whole sentences until the target is reached
		150 + floor(random() * 420)::int as target_words,
		(random() * 3.4)::int as tags,
		random() as r_owner, random() as r_draft, random() as r_share,
		now() - random() * interval '3652 days' as published_at
	from generate_series($1::int, $2::int) as g
),
owner as (
	select i.g,
		case i.kind when 'sus' then sus.region_id when 'region' then r.id else f.region_id end as region_id,
		case i.kind when 'sus' then sus.id when 'region' then null else f.id end as forbund_id
	from item i
	cross join (select id, region_id from forbund where slug = 'sus') sus
	left join bench_seed_region r on i.kind = 'region' and r.k = i.g % (select count(*) from bench_seed_region)
	-- a few förbund publish a lot, most a moderate amount
	left join bench_seed_forbund f on i.kind = 'forbund'
		and f.k = floor(power(i.r_owner, 1.3) * (select count(*) from bench_seed_forbund))::int
),
body_pick as (
	select i.g, i.target_words, n, 1 + floor(random() * (select count(*) from bench_seed_sentence))::int as sid,
		random() < 0.28 as para
	from item i cross join lateral generate_series(1, ceil(i.target_words / $5::float8)::int + 8) as n
),
body_sentence as (
	select p.g, p.n, p.para, s.t, p.target_words,
		sum(s.words) over (partition by p.g order by p.n) - s.words as words_before
	from body_pick p join bench_seed_sentence s on s.id = p.sid
),
body as (
	select g, string_agg(t, case when para then E'\n\n' else ' ' end order by n) as text
	from body_sentence where words_before < target_words
	group by g
),
tag as (
	select i.g, array_agg(distinct ($6::text[])[1 + floor(random() * cardinality($6::text[]))::int]) as tags
	from item i cross join lateral generate_series(1, i.tags)
	group by i.g
)
insert into news (region_id, forbund_id, slug, title, lead, body, status, shared_with_region,
	published_at, created_at, updated_at, tags)
select o.region_id, o.forbund_id,
	-- the title's slug with the item's number: unique per owner, as titles repeat
	rp_slug(t.t) || '-' || i.g,
	t.t, l.t, b.text,
	case when i.r_draft < 0.05 then 'draft' else 'published' end,
	o.forbund_id is not null and i.r_share < 0.2,
	case when i.r_draft < 0.05 then null else i.published_at end,
	i.published_at - interval '2 days',
	i.published_at,
	coalesce(tg.tags, '{}')
from item i
join owner o on o.g = i.g
join bench_seed_title t on t.id = i.title_id
join bench_seed_lead l on l.id = i.lead_id
join body b on b.g = i.g
left join tag tg on tg.g = i.g
on conflict do nothing`;

async function connect(url: string) {
	const client = new pg.Client({ connectionString: url });
	// A connection lost mid-run (the server stopped) fails the pending query; not an unhandled event.
	client.on('error', () => undefined);
	await client.connect();
	await client.query(`set synchronous_commit = off`);
	await client.query(`set work_mem = '256MB'`);
	return client;
}

export async function seedLargeDataSet(ownerUrl: string, options: SeedOptions = {}): Promise<SeedReport> {
	const {
		regions: regionTarget = 21,
		forbund: forbundTarget = 80,
		news: newsTarget = 100_000,
		susExtra = 2_000,
		insatser = 5_000,
		susInsatser = 400,
		regionalShare = 0.05,
		workers = Math.min(4, Math.max(1, availableParallelism())),
		log = () => undefined
	} = options;
	const client = await connect(ownerUrl);
	const started = performance.now();
	const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
	const one = async <T>(text: string, values: unknown[] = []) => (await client.query(text, values)).rows[0] as T;
	let skipped = false;
	try {
		const { count: existing } = await one<{ count: number }>('select count(*)::int as count from news');
		if (existing >= newsTarget * 0.9) {
			skipped = true;
			log(`The database already holds ${existing} news items: not seeding again.`);
		} else {
			await client.query('begin');
			// Regions: the synthetic ones until there are regionTarget in all.
			const { count: regionCount } = await one<{ count: number }>('select count(*)::int as count from region');
			const newRegions = SYNTHETIC_REGIONS.slice(0, Math.max(0, regionTarget - regionCount));
			await client.query(
				`insert into region (slug, name, description, about, contact_name, contact_email, contact_phone)
				 select slug, name,
					'Samordningsförbunden i ' || name || ' samverkar kring rehabilitering, uppföljning och gemensamma projekt.',
					'Förbunden i ' || name || ' möts regelbundet för att lära av varandra.' || E'\\n\\n' ||
						'Presidierna träffas ett par gånger om året och förbundscheferna har ett eget nätverk.',
					'Regional samordnare', 'region@' || slug || '.bench.regionportalen.se', '010-123 45 ' || lpad(ord::text, 2, '0')
				 from unnest($1::text[], $2::text[]) with ordinality as u(slug, name, ord)
				 on conflict (slug) do nothing`,
				[newRegions.map((r) => r.slug), newRegions.map((r) => r.name)]
			);

			// Förbund: the synthetic ones (round-robin over the synthetic regions) until forbundTarget in all.
			const { count: forbundCount } = await one<{ count: number }>('select count(*)::int as count from forbund');
			const newForbund = syntheticForbund().slice(0, Math.max(0, forbundTarget - forbundCount));
			await client.query(
				`insert into forbund (region_id, slug, name, short_name, description, municipalities, authorities,
					contact_email, contact_phone)
				 select r.id, rp_slug(u.short_name), u.name, u.short_name,
					'Finansierar samordnad rehabilitering för invånare i '
						|| array_to_string(string_to_array(u.municipalities, '|'), ', ') || '.',
					string_to_array(u.municipalities, '|'),
					array['Region ' || split_part(r.name, ' ', 1), 'Försäkringskassan', 'Arbetsförmedlingen'],
					'kansli@' || rp_slug(u.short_name) || '.bench.regionportalen.se',
					'010-456 ' || lpad(u.ord::text, 2, '0') || ' 00'
				 from unnest($1::text[], $2::text[], $3::text[], $4::text[])
					with ordinality as u(region, short_name, name, municipalities, ord)
				 join region r on r.slug = u.region
				 order by u.ord
				 on conflict (slug) do nothing`,
				[
					newForbund.map((f) => f.region),
					newForbund.map((f) => f.shortName),
					newForbund.map((f) => f.name),
					newForbund.map((f) => f.municipalities.join('|'))
				]
			);

			// The text pools as tables to join against (subscripting a large array parameter is slow).
			const pools = makeTextPools();
			for (const [table, list] of [
				['bench_seed_title', pools.titles],
				['bench_seed_lead', pools.leads],
				['bench_seed_sentence', pools.sentences]
			] as const) {
				await client.query(`drop table if exists ${table}`);
				await client.query(
					`create unlogged table ${table} as
					 select ord::int as id, t, cardinality(regexp_split_to_array(t, '\\s+')) as words
					 from unnest($1::text[]) with ordinality as u(t, ord)`,
					[list]
				);
				await client.query(`alter table ${table} add primary key (id)`);
			}
			// Owners by number: every förbund in a stable shuffled order, every region.
			await client.query(`drop table if exists bench_seed_forbund, bench_seed_region`);
			await client.query(
				`create unlogged table bench_seed_forbund as
				 select id, region_id, (row_number() over (order by md5(slug)) - 1)::int as k from forbund`
			);
			await client.query(
				`create unlogged table bench_seed_region as select id, (row_number() over (order by id) - 1)::int as k from region`
			);
			await client.query(`analyze ${POOLS.join(', ')}`);
			await client.query('commit');

			const toMake = newsTarget - existing;
			const nRegional = Math.round(toMake * regionalShare);
			const batches: [number, number][] = [];
			for (let from = 1; from <= toMake; from += BATCH) batches.push([from, Math.min(toMake, from + BATCH - 1)]);
			log(
				`Seeding ${newRegions.length} regions, ${newForbund.length} förbund and ${toMake} news items ` +
					`(${workers} connections) …`
			);
			let done = 0;
			await Promise.all(
				Array.from({ length: workers }, async (_, w) => {
					const worker = await connect(ownerUrl);
					try {
						await worker.query('begin');
						await worker.query('select setseed($1)', [0.2026 + w / 100]);
						for (let b = w; b < batches.length; b += workers) {
							const [from, to] = batches[b]!;
							await worker.query(INSERT_NEWS, [from, to, susExtra, nRegional, pools.meanSentenceWords, TAGS]);
							done += to - from + 1;
							log(`  news ${done}/${toMake} (${seconds()} s)`);
						}
						await worker.query('commit');
					} catch (error) {
						await worker.query('rollback').catch(() => undefined);
						throw error;
					} finally {
						await worker.end();
					}
				})
			);
			log(`Seeding ${insatser} insatser … (${seconds()} s)`);
			await client.query(INSERT_INSATSER, [insatser, susInsatser]);
			await client.query('vacuum (analyze) insats, insats_year');
			await client.query(`drop table if exists ${POOLS.join(', ')}`);
			// The bodies' HTML as the servers store it at every save: rendered by the API's own code.
			log(`Rendering the bodies to HTML … (${seconds()} s)`);
			const owner = createDb({ connectionString: ownerUrl, max: 1 });
			try {
				await renderStoredBodies(owner, 'news', { batch: 2_000 });
			} finally {
				await owner.destroy();
			}
			log(`Vacuuming and analysing … (${seconds()} s)`);
			// Where autovacuum would bring the table soon after such a load: hint bits and the visibility
			// map set, the GIN index's pending list merged, and the planner's statistics.
			await client.query('vacuum (analyze) news');
			await client.query('analyze region');
			await client.query('analyze forbund');
		}
		const ms = performance.now() - started;

		const stats = await one<Omit<SeedReport, 'skipped' | 'ms' | 'bodyWords' | 'titleWords'>>(
			`select
				(select count(*)::int from region) as regions,
				(select count(*)::int from forbund) as forbund,
				count(*)::int as news,
				(count(*) filter (where status = 'published'))::int as published,
				(count(*) filter (where status = 'draft'))::int as drafts,
				(count(*) filter (where shared_with_region))::int as shared,
				(count(*) filter (where forbund_id is null))::int as regional,
				(count(*) filter (where status = 'published'
					and forbund_id = (select id from forbund where slug = 'sus')))::int as "susPublished",
				round(pg_total_relation_size('news') / 1048576.0)::int as "tableMb"
			 from news`
		);
		const words = await one<{ bmin: number; bavg: number; bmax: number; tmin: number; tmax: number }>(
			`select min(b)::int as bmin, round(avg(b))::int as bavg, max(b)::int as bmax,
				min(t)::int as tmin, max(t)::int as tmax
			 from (select cardinality(regexp_split_to_array(body, '\\s+')) as b,
					cardinality(regexp_split_to_array(title, '\\s+')) as t
				   from news tablesample system (5) repeatable (1) where slug ~ '-[0-9]+$') s`
		);
		return {
			skipped,
			ms,
			...stats,
			bodyWords: { min: words.bmin, avg: words.bavg, max: words.bmax },
			titleWords: { min: words.tmin, max: words.tmax }
		};
	} catch (error) {
		await client.query('rollback').catch(() => undefined);
		await client.query(`drop table if exists ${POOLS.join(', ')}`).catch(() => undefined);
		throw error;
	} finally {
		await client.end();
	}
}

export interface DocumentSeedReport {
	skipped: boolean;
	ms: number;
	documents: number;
	susDocuments: number;
	tableMb: number;
}

/**
 * The document library's share of the data set: `count` documents (SUS gets `susShare` of them, so
 * its /dokument has many pages), each with a title and 300–2,000 words of "extracted" text from the
 * same sentence pool as the news, dated over ten years, of every type; one in ten belongs to no
 * förbund (a region's). The PDFs themselves are not stored: the pages measured only link to them.
 * Does nothing when the library already holds most of them.
 */
export async function seedDocuments(
	ownerUrl: string,
	{
		count = 5_000,
		susShare = 0.12,
		log = () => undefined
	}: { count?: number; susShare?: number; log?: (line: string) => void } = {}
): Promise<DocumentSeedReport> {
	const client = await connect(ownerUrl);
	const started = performance.now();
	try {
		const existing = (await client.query('select count(*)::int as n from document')).rows[0].n as number;
		const skipped = existing >= count * 0.9;
		if (skipped) log(`The library already holds ${existing} documents: not seeding again.`);
		else {
			await client.query('begin');
			await client.query('select setseed(0.2024)');
			const pools = makeTextPools(2024);
			await client.query(
				`create temporary table bench_doc_sentence on commit drop as
				 select ord::int as id, t from unnest($1::text[]) with ordinality as u(t, ord)`,
				[pools.sentences]
			);
			await client.query(
				`create temporary table bench_doc_title on commit drop as
				 select ord::int as id, t from unnest($1::text[]) with ordinality as u(t, ord)`,
				[pools.titles]
			);
			await client.query(
				`create temporary table bench_doc_owner on commit drop as
				 select id as forbund_id, region_id, (row_number() over (order by md5(slug)) - 1)::int as k
				 from forbund where slug <> 'sus'`
			);
			const kinds = [
				'rapport',
				'kartlaggning',
				'utvardering',
				'verksamhetsplan',
				'arsredovisning',
				'protokoll',
				'ovrigt'
			];
			await client.query(
				`with doc as materialized (
					select g,
						case when g <= $2 then 'sus' when g % 10 = 0 then 'region' else 'forbund' end as owner_kind,
						1 + floor(random() * (select count(*) from bench_doc_title))::int as title_id,
						300 + floor(random() * 1700)::int as target_words,
						(current_date - floor(random() * 3650)::int) as day,
						($3::text[])[1 + floor(random() * cardinality($3::text[]))::int] as kind
					from generate_series(1, $1::int) as g
				), body as (
					select d.g, string_agg(s.t, ' ' order by n) as text
					from doc d cross join lateral generate_series(1, d.target_words / 14 + 1) as n
					join bench_doc_sentence s on s.id = 1 + ((d.g * 7919 + n * 104729) % (select count(*) from bench_doc_sentence))
					group by d.g
				)
				insert into document (region_id, forbund_id, title, document_date, kind, diarienummer, description,
					storage_key, filename, size_bytes, page_count, text_status, text, extracted_at)
				select case d.owner_kind when 'sus' then sus.region_id when 'forbund' then o.region_id else r.id end,
					case d.owner_kind when 'sus' then sus.id when 'forbund' then o.forbund_id end,
					left(initcap(t.t), 280), d.day, d.kind, 'Dnr ' || extract(year from d.day) || '/' || d.g, '',
					'files/' || md5('bench-document-' || d.g) || '/dokument.pdf', 'Dokument ' || d.g || '.pdf',
					20000 + d.target_words * 40, 1 + d.target_words / 400, 'extracted', b.text, now()
				from doc d
				join body b on b.g = d.g
				join bench_doc_title t on t.id = d.title_id
				cross join (select id, region_id from forbund where slug = 'sus') sus
				left join bench_doc_owner o on d.owner_kind = 'forbund'
					and o.k = d.g % (select count(*) from bench_doc_owner)
				left join lateral (select id from region order by md5(id::text || d.g::text) limit 1) r
					on d.owner_kind = 'region'`,
				[count - existing, Math.round(count * susShare), kinds]
			);
			await client.query('commit');
			await client.query('vacuum (analyze) document');
		}
		const stats = (
			await client.query(
				`select count(*)::int as documents,
					(count(*) filter (where forbund_id = (select id from forbund where slug = 'sus')))::int as sus,
					round(pg_total_relation_size('document') / 1048576.0)::int as mb
				 from document`
			)
		).rows[0];
		return {
			skipped,
			ms: performance.now() - started,
			documents: stats.documents,
			susDocuments: stats.sus,
			tableMb: stats.mb
		};
	} catch (error) {
		await client.query('rollback').catch(() => undefined);
		throw error;
	} finally {
		await client.end();
	}
}
