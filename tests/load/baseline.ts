// The load test's baseline: what the same six pages cost with no framework at all. A plain Node
// `http` server that answers each page with one indexed query (pg, as the database owner: no
// row-level security, no transaction) and a page of the same content rendered with template
// strings. Started by bench.ts; one process, like each SvelteKit server.
//
//   DATABASE_URL=… PORT=5490 HUB_REGIONS=stockholm,varmland-dalsland node baseline.ts
//
//   /hub/                      the hub's start page: each region, its förbund, its latest 4 in the feed
//   /f/<förbund>/              a förbund's start page: its latest 5 and 5 "från regionen"
//   /f/<förbund>/nyheter/<slug> an article
//   /f/<förbund>/nyheter?sida=N the news list, 10 a page, with the total
//   /f/<förbund>/sok?q=…       full-text search, 10 hits with highlighted title and snippet, and the total
//   /f/<förbund>/tillganglighet the accessibility statement with its known gaps
//   /f/<förbund>/insatser?kommun=…&malgrupp=… the catalogue with two filters, 20 by name, with the total
//   /f/<förbund>/insatser/<slug> an insats's page with its figures per year
//   /f/<förbund>/dokument?sida=N the document library, 20 a page, with the total and the years
//   /f/<förbund>/projekt, /f/<förbund>/projekt/<slug> the projects it takes part in, a project's page
//   /f/<förbund>/asf?verksamhet=…&lediga=1 the social enterprises serving its municipalities, 20 by name
//   /f/<förbund>/asf/<slug>    an enterprise's page with its places, workplaces and staffing
//   /f/<förbund>/<path…>       a content page (/om-forbundet/styrelse-och-kansli): breadcrumbs, body, children

import http from 'node:http';
import pg from 'pg';

const port = Number(process.env.PORT ?? 5490);
const host = process.env.HOST ?? '127.0.0.1';
const hubRegions = (process.env.HUB_REGIONS ?? 'stockholm,varmland-dalsland').split(',');
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
// An idle connection's error (the database restarting) is logged, not a crash of the baseline.
pool.on('error', (error) => console.error('baseline: idle connection failed:', error.message));
// An idle connection the server closed (PostgreSQL restarting between phases): the pool replaces it.
pool.on('error', () => undefined);
const PAGE_SIZE = 10;

/** Published and due, as the app's `visible` and the news_public policy say. */
const VISIBLE = `n.status in ('published', 'scheduled') and n.published_at <= now()`;

/**
 * The newest visible items matching `where`, newest first: one ordered index scan per status and a
 * merge, as `status in (…)` would keep the (owner, status, published_at) indexes from giving the order.
 */
const newest = (columns: string, from: string, where: string, limit: string) => `(select * from (
	(select ${columns}, n.id as _id, n.published_at as _at from ${from}
	 where ${where} and n.status = 'published' and n.published_at <= now() order by n.published_at desc, n.id desc limit ${limit})
	union all
	(select ${columns}, n.id as _id, n.published_at as _at from ${from}
	 where ${where} and n.status = 'scheduled' and n.published_at <= now() order by n.published_at desc, n.id desc limit ${limit})
) u order by _at desc, _id desc limit ${limit})`;

/** The app's search query: stemmed words, or each typed word as a prefix (see packages/api/src/domain/search.ts). */
const TSQUERY = `(websearch_to_tsquery('swedish', $2) || regexp_replace(websearch_to_tsquery('simple', $2)::text, '''(?:[^'']|'''')*''', '\\&:*', 'g')::tsquery)`;

const ITEM = 'n.slug, n.title, n.lead, n.published_at';
const CREDITED = `${ITEM}, g.short_name as forbund_name, g.origin as forbund_origin`;
const WITH_CREDIT = 'news n left join forbund g on g.id = n.forbund_id';

/** Projects a förbund owns or takes part in (as the app's projects.list). */
const TAKES_PART = `(p.owner_forbund_id = f.id or exists (select 1 from project_phase ph join project_partner pp
	on pp.phase_id = ph.id where ph.project_id = p.id and pp.forbund_id = f.id))`;

const SQL = {
	projects: `
		select p.slug, p.name, p.full_name, p.summary, p.life_status, o.short_name as owner_name
		from forbund f join project p on p.region_id = f.region_id and p.status = 'published' and ${TAKES_PART}
		join forbund o on o.id = p.owner_forbund_id
		where f.slug = $1 order by p.name`,
	// One query: the project, its phases with partners and budget, its delprojekt (own first) and their
	// years added up, as the app's page shows them.
	project: `
		select p.*, o.name as owner_name,
			(select json_agg(json_build_object('name', ph.name, 'start', ph.period_start, 'end', ph.period_end,
				'partners', (select json_agg(json_build_object('name', coalesce(g.name, pp.organisation), 'role', pp.role)
					order by pp.role = 'projektagare' desc, coalesce(g.name, pp.organisation))
					from project_partner pp left join forbund g on g.id = pp.forbund_id where pp.phase_id = ph.id),
				'total', (select sum(amount) from project_funding pf where pf.phase_id = ph.id)) order by ph.position)
			 from project_phase ph where ph.project_id = p.id) as phases,
			(select json_agg(json_build_object('name', i.name, 'own', i.forbund_id = f.id, 'contacts', i.contacts)
				order by i.forbund_id = f.id desc, i.name)
			 from insats i join project_phase ph on ph.id = i.project_phase_id
			 where ph.project_id = p.id and i.status = 'published') as delprojekt,
			(select json_agg(y order by y.year) from (
				select y.year, sum(coalesce(y.participants_women, 0) + coalesce(y.participants_men, 0)
					+ coalesce(y.participants_other, 0))::int as participants, sum(y.to_work)::int as to_work,
					sum(y.cost_budget)::bigint as cost_budget
				from insats_year y join insats i on i.id = y.insats_id join project_phase ph on ph.id = i.project_phase_id
				where ph.project_id = p.id and i.status = 'published' group by y.year) y) as years
		from forbund f join project p on p.region_id = f.region_id and p.slug = $2 and p.status = 'published'
			and ${TAKES_PART}
		join forbund o on o.id = p.owner_forbund_id
		where f.slug = $1`,
	catalogue: `
		select f.short_name as forbund_name, c.total, i.slug, i.name, i.summary, i.municipalities, i.intake, i.life_status
		from forbund f
		cross join lateral (select count(*)::int as total from insats i where i.forbund_id = f.id and i.status = 'published'
			and ($2::text is null or i.municipalities @> array[$2::text]) and ($3::text is null or i.target_groups @> array[$3::text])) c
		left join lateral (select * from insats i where i.forbund_id = f.id and i.status = 'published'
			and ($2::text is null or i.municipalities @> array[$2::text]) and ($3::text is null or i.target_groups @> array[$3::text])
			order by i.name, i.id limit 20 offset $4) i on true
		where f.slug = $1`,
	asf: `
		select c.total, e.slug, e.name, e.summary, e.municipalities, e.business_lines, e.places
		from forbund f
		cross join lateral (select count(*)::int as total from asf_enterprise e where e.region_id = f.region_id and e.active
			and e.municipalities && f.municipalities and ($2::text is null or $2::text = any (e.business_lines))
			and (not $3::boolean or exists (select 1 from asf_place p where p.enterprise_id = e.id and p.free_places > 0))) c
		left join lateral (select e.*, (select json_agg(json_build_object('kind', p.kind, 'max', p.max_places,
				'free', p.free_places) order by p.kind) from asf_place p where p.enterprise_id = e.id) as places
			from asf_enterprise e where e.region_id = f.region_id and e.active
			and e.municipalities && f.municipalities and ($2::text is null or $2::text = any (e.business_lines))
			and (not $3::boolean or exists (select 1 from asf_place p where p.enterprise_id = e.id and p.free_places > 0))
			order by e.name, e.id limit 20) e on true
		where f.slug = $1`,
	enterprise: `
		select e.*,
			coalesce((select json_agg(p order by p.kind) from asf_place p where p.enterprise_id = e.id), '[]') as places,
			coalesce((select json_agg(w order by w.position) from asf_workplace w where w.enterprise_id = e.id), '[]') as workplaces,
			(select row_to_json(s) from asf_staffing s where s.enterprise_id = e.id order by s.year desc limit 1) as staffing
		from forbund f join asf_enterprise e on e.region_id = f.region_id and e.municipalities && f.municipalities
		where f.slug = $1 and e.slug = $2 and e.active`,
	insats: `
		select i.*, f.name as forbund_name, f.municipalities as forbund_municipalities, f.authorities, f.contact_email, f.contact_phone,
			coalesce((select json_agg(y order by y.year) from insats_year y where y.insats_id = i.id), '[]') as years
		from insats i join forbund f on f.id = i.forbund_id
		where f.slug = $1 and i.slug = $2 and i.status = 'published'`,
	statement: `
		select f.name, f.origin, f.municipalities, f.authorities, r.name as region_name,
			coalesce(s.contact_email, f.contact_email) as contact_email, coalesce(s.contact_phone, f.contact_phone) as contact_phone,
			coalesce(s.compliance, 'partial') as compliance, s.assessment_method, s.assessment_description,
			s.assessed_on::text, s.prepared_on::text, s.updated_at,
			coalesce((select json_agg(json_build_object('description', g.description, 'legal_basis', g.legal_basis,
				'fix_planned_on', g.fix_planned_on) order by g.position) from accessibility_gap g where g.statement_id = s.id), '[]') as gaps
		from forbund f join region r on r.id = f.region_id
		left join accessibility_statement s on s.forbund_id = f.id
		where f.slug = $1`,
	hub: `
		select r.slug, r.name, r.description,
			coalesce((select json_agg(json_build_object('slug', f.slug, 'name', f.name) order by f.name)
				from forbund f where f.region_id = r.id), '[]') as forbund,
			coalesce((select json_agg(x) from ${newest(CREDITED, WITH_CREDIT, 'n.region_id = r.id and (n.forbund_id is null or n.shared_with_region)', '4')} x), '[]') as latest
		from region r where r.slug = any($1::text[]) order by array_position($1::text[], r.slug)`,
	start: `
		select f.name, f.short_name, f.description, f.municipalities, f.authorities, f.contact_email, f.contact_phone,
			r.name as region_name,
			coalesce((select json_agg(x) from ${newest(ITEM, 'news n', 'n.forbund_id = f.id', '5')} x), '[]') as latest,
			coalesce((select json_agg(x) from ${newest(
				CREDITED,
				WITH_CREDIT,
				'n.region_id = f.region_id and (n.forbund_id is null or (n.shared_with_region and n.forbund_id <> f.id))',
				'5'
			)} x), '[]') as from_region
		from forbund f join region r on r.id = f.region_id where f.slug = $1`,
	article: `
		select f.name, f.short_name, f.municipalities, f.authorities, f.contact_email, f.contact_phone,
			n.title, n.lead, n.body, n.published_at, n.tags, u.name as author_name
		from forbund f
		join news n on n.forbund_id = f.id and n.region_id = f.region_id
		left join app_user u on u.id = n.author_id
		where f.slug = $1 and n.slug = $2 and ${VISIBLE}`,
	list: `
		select f.name, f.short_name, f.municipalities, f.authorities, f.contact_email, f.contact_phone, p.*,
			(select count(*) from news n where n.forbund_id = (select id from forbund where slug = $1) and ${VISIBLE}) as total
		from forbund f
		cross join lateral (select * from ${newest(ITEM, 'news n', 'n.forbund_id = f.id', `($2::int + ${PAGE_SIZE})`)} x
			order by _at desc, _id desc offset $2) p
		where f.slug = $1`,
	search: `
		with hit as (
			select n.id, ts_rank_cd(n.search, ${TSQUERY}) as rank, n.published_at, count(*) over () as total
			from news n
			where n.forbund_id = (select id from forbund where slug = $1) and n.search @@ ${TSQUERY} and ${VISIBLE}
			order by rank desc, n.published_at desc, n.id desc limit ${PAGE_SIZE} offset $3
		)
		select hit.total, n.slug, n.published_at, f.name, f.short_name,
			ts_headline('swedish', n.title, ${TSQUERY}, 'StartSel=<mark>, StopSel=</mark>, HighlightAll=true') as title_html,
			ts_headline('swedish', n.lead || E'\\n\\n' || n.body, ${TSQUERY},
				'StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=15, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "') as snippet_html
		from hit join news n on n.id = hit.id join forbund f on f.id = n.forbund_id
		order by hit.rank desc, hit.published_at desc, hit.id desc`,
	// The library's page: a förbund's documents of no insats or a published one, newest first.
	documents: `
		select f.name, f.short_name, f.municipalities, f.authorities, f.contact_email, f.contact_phone, p.*,
			(select count(*) from document d where d.forbund_id = f.id
				and (d.insats_id is null or exists (select 1 from insats i where i.id = d.insats_id and i.status = 'published'))) as total,
			(select array_agg(distinct extract(year from d.document_date)::int) from document d where d.forbund_id = f.id) as years
		from forbund f
		cross join lateral (
			select d.id, d.title, d.document_date::text as day, d.kind, d.diarienummer, d.storage_key, d.size_bytes
			from document d where d.forbund_id = f.id
				and (d.insats_id is null or exists (select 1 from insats i where i.id = d.insats_id and i.status = 'published'))
			order by d.document_date desc, d.id desc limit 20 offset $2) p
		where f.slug = $1`,
	// The published tree of the förbund's pages with their paths, walked from the top in one query.
	page: `
		with recursive tree as (
			select p.id, p.parent_id, p.title, p.lead, p.position, '/' || p.slug as path
			from content_page p join forbund f on f.id = p.forbund_id
			where f.slug = $1 and p.parent_id is null and p.status = 'published'
			union all
			select c.id, c.parent_id, c.title, c.lead, c.position, t.path || '/' || c.slug
			from content_page c join tree t on c.parent_id = t.id where c.status = 'published'
		)
		select f.name, f.short_name, f.municipalities, f.authorities, f.contact_email, f.contact_phone,
			p.title, p.lead, p.body_html,
			coalesce((select json_agg(json_build_object('title', a.title, 'path', a.path) order by length(a.path))
				from tree a where $2 like a.path || '/%'), '[]') as crumbs,
			coalesce((select json_agg(json_build_object('title', c.title, 'lead', c.lead, 'path', c.path) order by c.position, c.title)
				from tree c where c.parent_id = t.id), '[]') as children
		from tree t join content_page p on p.id = t.id join forbund f on f.id = p.forbund_id
		where t.path = $2`
};

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => escapes[c]!);
const dateFormat = new Intl.DateTimeFormat('sv-SE', {
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: 'Europe/Stockholm'
});
const date = (d: string | Date) => {
	const value = new Date(d);
	return `<time datetime="${value.toISOString().slice(0, 10)}">${dateFormat.format(value)}</time>`;
};

interface Brand {
	name: string;
	municipalities?: string[];
	authorities?: string[];
	contact_email?: string | null;
	contact_phone?: string | null;
}

function page(title: string, brand: Brand, base: string, main: string): string {
	const nav = base
		? [
				['/', 'Start'],
				['/nyheter', 'Nyheter'],
				['/sok', 'Sök'],
				['/om-forbundet', 'Om förbundet']
			]
		: hubRegions.map((r) => [`/${r}`, r]);
	return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${esc(title)}</title>
<link rel="stylesheet" href="/style.css" />
</head>
<body>
<a class="skip" href="#innehall">Hoppa till innehållet</a>
<header class="site-header"><a class="brand" href="${base}/"><img src="/logo.svg" alt="" width="48" height="48" /> <span>${esc(brand.name)}</span></a>
<nav aria-label="Huvudmeny"><ul>${nav.map(([href, label]) => `<li><a href="${base}${href}">${esc(label)}</a></li>`).join('')}</ul></nav>
<div class="account"><a href="/logga-in">Logga in</a></div></header>
<main id="innehall" tabindex="-1">${main}</main>
<footer class="site-footer"><p><strong>${esc(brand.name)}</strong></p>
${brand.municipalities?.length ? `<p>Medlemmar: ${esc([...brand.municipalities, ...(brand.authorities ?? [])].join(', '))}</p>` : ''}
${brand.contact_email ? `<p><a href="mailto:${esc(brand.contact_email)}">${esc(brand.contact_email)}</a> · ${esc(brand.contact_phone)}</p>` : ''}
</footer>
</body>
</html>`;
}

interface Item {
	slug: string;
	title: string;
	lead: string;
	published_at: string;
	forbund_name?: string | null;
	forbund_origin?: string | null;
}

const newsList = (items: Item[], base: string) =>
	`<ul class="news-list">${items
		.map(
			(
				n
			) => `<li><article><h2 class="title"><a href="${esc(n.forbund_origin ?? '')}${base}/nyheter/${esc(n.slug)}">${esc(n.title)}</a></h2>
<p class="meta">${date(n.published_at)}${n.forbund_name ? ` · ${esc(n.forbund_name)}` : ''}</p><p>${esc(n.lead)}</p></article></li>`
		)
		.join('')}</ul>`;

const pager = (base: string, pageNo: number, pageCount: number) =>
	`<nav class="pagination" aria-label="Sidor">${pageNo > 1 ? `<a href="${base}?sida=${pageNo - 1}">Föregående</a>` : ''} Sida ${pageNo} av ${pageCount} ${pageNo < pageCount ? `<a href="${base}?sida=${pageNo + 1}">Nästa</a>` : ''}</nav>`;

function pageParam(url: URL): number {
	const n = Number(url.searchParams.get('sida') ?? '1');
	return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : NaN;
}

type Handler = (url: URL, parts: string[]) => Promise<[number, string]>;

const routes: Handler = async (url, parts) => {
	if (parts[0] === 'hub' && parts.length === 1) {
		const { rows } = await pool.query(SQL.hub, [hubRegions]);
		const main = rows
			.map(
				(r) => `<section><h2><a href="/${esc(r.slug)}">${esc(r.name)}</a></h2><p>${esc(r.description)}</p>
<ul class="forbund">${(r.forbund as { slug: string; name: string }[]).map((f) => `<li>${esc(f.name)}</li>`).join('')}</ul>
<h3>Senaste nyheterna</h3>${newsList(r.latest, '')}</section>`
			)
			.join('');
		return [200, page('Regionportalen', { name: 'Regionportalen' }, '', `<h1>Regionportalen</h1>${main}`)];
	}
	if (parts[0] !== 'f' || !parts[1]) return [404, 'Sidan finns inte.'];
	const forbund = parts[1];
	const base = `/f/${forbund}`;
	const rest = parts.slice(2);

	if (rest.length === 0) {
		const { rows } = await pool.query(SQL.start, [forbund]);
		const f = rows[0];
		if (!f) return [404, 'Förbundet finns inte.'];
		const main = `<h1>${esc(f.name)}</h1><p class="lead">${esc(f.description)}</p>
<section><h2>Senaste nyheterna</h2>${newsList(f.latest, base)}<p><a href="${base}/nyheter">Alla nyheter</a></p></section>
<section><h2>Från regionen</h2>${newsList(f.from_region, '')}</section>`;
		return [200, page(f.name, f, base, main)];
	}
	if (rest[0] === 'nyheter' && rest.length === 2) {
		const { rows } = await pool.query(SQL.article, [forbund, rest[1]]);
		const a = rows[0];
		if (!a) return [404, 'Nyheten finns inte.'];
		const body = String(a.body)
			.split(/\n{2,}/)
			.map((p) => `<p>${esc(p)}</p>`)
			.join('\n');
		const main = `<article><h1>${esc(a.title)}</h1><p class="meta">${date(a.published_at)}${a.author_name ? ` · ${esc(a.author_name)}` : ''}</p>
<p class="lead">${esc(a.lead)}</p>${body}
${a.tags.length ? `<ul class="tags">${a.tags.map((t: string) => `<li>${esc(t)}</li>`).join('')}</ul>` : ''}</article>`;
		return [200, page(a.title, a, base, main)];
	}
	if (rest[0] === 'nyheter' && rest.length === 1) {
		const pageNo = pageParam(url);
		if (Number.isNaN(pageNo)) return [400, 'Ogiltigt sidnummer.'];
		const { rows } = await pool.query(SQL.list, [forbund, (pageNo - 1) * PAGE_SIZE]);
		if (!rows[0]) return [404, 'Sidan finns inte.'];
		const total = Number(rows[0].total);
		const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
		const main = `<h1>Nyheter</h1><p class="count">${total} nyheter, sida ${pageNo} av ${pageCount}</p>${newsList(rows, base)}${pager(`${base}/nyheter`, pageNo, pageCount)}`;
		return [200, page(`Nyheter – sida ${pageNo}`, rows[0], base, main)];
	}
	if (rest[0] === 'dokument' && rest.length === 1) {
		const pageNo = pageParam(url);
		if (Number.isNaN(pageNo)) return [400, 'Ogiltigt sidnummer.'];
		const { rows } = await pool.query(SQL.documents, [forbund, (pageNo - 1) * 20]);
		if (!rows[0]) return [404, 'Sidan finns inte.'];
		const total = Number(rows[0].total);
		const pageCount = Math.max(1, Math.ceil(total / 20));
		const years = (rows[0].years as number[]).sort((a, b) => b - a);
		const list = rows
			.map(
				(
					d
				) => `<li><h2><a href="/media/${esc(d.storage_key)}">${esc(d.title)} (PDF, ${Math.round(d.size_bytes / 1024)} kB)</a></h2>
<p class="meta">${esc(d.kind)} · ${date(d.day)}${d.diarienummer ? ` · Dnr ${esc(d.diarienummer)}` : ''}</p></li>`
			)
			.join('');
		const form = `<form method="GET"><label for="ar">År</label><select id="ar" name="ar"><option value="">Alla år</option>${years.map((y) => `<option>${y}</option>`).join('')}</select><button>Visa</button></form>`;
		const main = `<h1>Dokument</h1>${form}<p class="count">${total} dokument, sida ${pageNo} av ${pageCount}</p><ul>${list}</ul>${pager(`${base}/dokument`, pageNo, pageCount)}`;
		return [200, page(`Dokument – sida ${pageNo}`, rows[0], base, main)];
	}
	if (rest[0] === 'tillganglighet' && rest.length === 1) {
		const { rows } = await pool.query(SQL.statement, [forbund]);
		const st = rows[0];
		if (!st) return [404, 'Förbundet finns inte.'];
		const BASES: Record<string, string> = {
			non_compliance: 'Bristande förenlighet med lagkraven',
			disproportionate_burden: 'Oskäligt betungande anpassning',
			out_of_scope: 'Innehåll som inte omfattas av lagen'
		};
		const gaps = Object.entries(BASES)
			.map(([basis, label]) => {
				const items = (st.gaps as { description: string; legal_basis: string; fix_planned_on: string | null }[])
					.filter((g) => g.legal_basis === basis)
					.map(
						(g) =>
							`<li>${esc(g.description)}${g.fix_planned_on ? `<br />Planeras vara åtgärdat senast ${date(g.fix_planned_on)}.` : ''}</li>`
					);
				return items.length ? `<h3>${label}</h3><ul>${items.join('')}</ul>` : '';
			})
			.join('');
		const main = `<article><h1>Tillgänglighet för ${esc(st.name)}</h1>
<p>${esc(st.name)} står bakom den här webbplatsen. Vi vill att så många som möjligt ska kunna använda den.</p>
<h2>Hur tillgänglig är webbplatsen?</h2><p>Webbplatsen är <strong>${esc(st.compliance)}</strong>.</p>
<h2>Innehåll som inte är tillgängligt</h2>${gaps || '<p>Vi känner inte till några brister.</p>'}
<h2>Vad kan du göra om du inte kan använda delar av webbplatsen?</h2><ul>${st.contact_email ? `<li>E-post: <a href="mailto:${esc(st.contact_email)}">${esc(st.contact_email)}</a></li>` : ''}<li><a href="${base}/tillganglighet/rapportera">Rapportera en brist</a></li></ul>
<h2>Tillsyn</h2><p>Myndigheten för digital förvaltning (Digg) har ansvaret för tillsynen. <a href="https://www.digg.se/tdosanmalan">Anmäl till Digg</a>.</p>
<h2>Hur vi testat webbplatsen</h2><p>${esc(st.assessment_description ?? '')}</p>
<p>Senast uppdaterad: ${st.updated_at ? date(st.updated_at) : 'inte ännu'}.</p></article>`;
		return [200, page(`Tillgänglighetsredogörelse – ${st.name}`, st, base, main)];
	}
	if (rest[0] === 'sok' && rest.length === 1) {
		const q = (url.searchParams.get('q') ?? '').trim();
		const pageNo = pageParam(url);
		if (q.length < 2 || Number.isNaN(pageNo)) return [400, 'Skriv minst 2 tecken för att söka.'];
		const { rows } = await pool.query(SQL.search, [forbund, q, (pageNo - 1) * PAGE_SIZE]);
		const total = Number(rows[0]?.total ?? 0);
		// ts_headline's <mark> is trusted here: the seeded text holds no markup (the app escapes first).
		const hits = rows
			.map(
				(h) => `<li><article><h2><a href="${base}/nyheter/${esc(h.slug)}">${h.title_html}</a></h2>
<p class="meta">${date(h.published_at)}</p><p>${h.snippet_html}</p></article></li>`
			)
			.join('');
		const main = `<h1>Sök</h1><form action="${base}/sok"><label for="q">Sök på webbplatsen</label> <input id="q" name="q" value="${esc(q)}" /> <button>Sök</button></form>
<p class="count">${total} träffar för ”${esc(q)}”</p><ol class="hits">${hits}</ol>${pager(`${base}/sok?q=${encodeURIComponent(q)}&`, pageNo, Math.max(1, Math.ceil(total / PAGE_SIZE)))}`;
		return [200, page(`Sök: ${q}`, { name: rows[0]?.name ?? forbund }, base, main)];
	}
	if (rest[0] === 'insatser' && rest.length === 1) {
		const kommun = url.searchParams.get('kommun') || null;
		const malgrupp = url.searchParams.get('malgrupp') || null;
		const { rows } = await pool.query(SQL.catalogue, [forbund, kommun, malgrupp, (pageParam(url) - 1) * 20]);
		const total = Number(rows[0]?.total ?? 0);
		const items = rows
			.filter((r) => r.slug)
			.map(
				(
					r
				) => `<li><article><h3><a href="${base}/insatser/${esc(r.slug)}">${esc(r.name)}</a></h3><p>${esc(r.summary)}</p>
<dl><dt>Kommuner</dt><dd>${esc(r.municipalities.join(', '))}</dd><dt>Just nu</dt><dd>${esc(r.intake)}, ${esc(r.life_status)}</dd></dl></article></li>`
			)
			.join('');
		const main = `<h1>Insatser</h1><form action="${base}/insatser"><label for="k">Kommun</label> <input id="k" name="kommun" value="${esc(kommun ?? '')}" /> <label for="m">Målgrupp</label> <input id="m" name="malgrupp" value="${esc(malgrupp ?? '')}" /> <button>Visa insatser</button></form>
<h2>${total} insatser</h2><ul class="results">${items}</ul>`;
		return [200, page('Insatser', { name: rows[0]?.forbund_name ?? forbund }, base, main)];
	}
	if (rest[0] === 'insatser' && rest.length === 2) {
		const { rows } = await pool.query(SQL.insats, [forbund, rest[1]]);
		const i = rows[0];
		if (!i) return [404, 'Insatsen finns inte.'];
		const mask = (n: number | null) => (n === null ? '–' : n < 5 ? '&lt;5' : String(n));
		const years = (
			i.years as {
				year: number;
				cost_budget: number | null;
				participants_women: number | null;
				participants_men: number | null;
				to_work: number | null;
			}[]
		)
			.map(
				(y) =>
					`<tr><th scope="row">${y.year}</th><td>${y.cost_budget ?? '–'}</td><td>${mask(y.participants_women)}</td><td>${mask(y.participants_men)}</td><td>${mask(y.to_work)}</td></tr>`
			)
			.join('');
		const main = `<article><h1>${esc(i.name)}</h1><p class="lead">${esc(i.summary)}</p>
<dl><dt>Kommuner</dt><dd>${esc(i.municipalities.join(', '))}</dd><dt>För vem</dt><dd>${esc(i.target_groups.join(', '))}</dd></dl>
<section><h2>Om insatsen</h2><p>${esc(i.description)}</p></section>
<section><h2>För handläggare</h2><p>${esc(i.access_text)}</p></section>
<table><thead><tr><th>År</th><th>Budget</th><th>Kvinnor</th><th>Män</th><th>Till arbete</th></tr></thead><tbody>${years}</tbody></table></article>`;
		return [
			200,
			page(
				i.name,
				{
					name: i.forbund_name,
					municipalities: i.forbund_municipalities,
					authorities: i.authorities,
					contact_email: i.contact_email,
					contact_phone: i.contact_phone
				},
				base,
				main
			)
		];
	}
	if (rest[0] === 'projekt' && rest.length === 1) {
		const { rows } = await pool.query(SQL.projects, [forbund]);
		const items = rows
			.map(
				(r) => `<li><h2><a href="${base}/projekt/${esc(r.slug)}">${esc(r.name)}</a></h2><p>${esc(r.full_name)}</p>
<p>${esc(r.summary)}</p><p>${esc(r.life_status)} · Projektägare: ${esc(r.owner_name)}</p></li>`
			)
			.join('');
		return [200, page('Projekt', { name: forbund }, base, `<h1>Projekt</h1><ul>${items}</ul>`)];
	}
	if (rest[0] === 'projekt' && rest.length === 2) {
		const { rows } = await pool.query(SQL.project, [forbund, rest[1]]);
		const p = rows[0];
		if (!p) return [404, 'Projektet finns inte.'];
		const mask = (n: number | null) => (n === null ? '–' : n < 5 ? '&lt;5' : String(n));
		type Phase = { name: string; partners: { name: string; role: string }[]; total: number };
		const phases = ((p.phases ?? []) as Phase[])
			.map(
				(ph) =>
					`<h3>${esc(ph.name)}</h3><ul>${ph.partners.map((x) => `<li>${esc(x.name)} – ${esc(x.role)}</li>`).join('')}</ul><p>Budget ${ph.total} kr</p>`
			)
			.join('');
		const delprojekt = ((p.delprojekt ?? []) as { name: string; own: boolean }[])
			.map((d) => `<li><h3>${esc(d.name)}</h3>${d.own ? '<p>Vårt delprojekt</p>' : ''}</li>`)
			.join('');
		const years = ((p.years ?? []) as { year: number; participants: number; to_work: number; cost_budget: number }[])
			.map(
				(y) =>
					`<tr><th scope="row">${y.year}</th><td>${mask(y.participants)}</td><td>${mask(y.to_work)}</td><td>${y.cost_budget}</td></tr>`
			)
			.join('');
		const main = `<article><h1>${esc(p.name)} ${esc(p.full_name)}</h1><p class="lead">${esc(p.summary)}</p>
<section><h2>Om projektet</h2>${p.purpose_html ?? ''}</section><section><h2>Parter</h2>${phases}</section>
<section><h2>Delprojekt</h2><ul>${delprojekt}</ul></section>
<section><h2>Resultat</h2><table><tbody>${years}</tbody></table></section></article>`;
		return [200, page(p.name, { name: p.owner_name }, base, main)];
	}
	if (rest[0] === 'asf' && rest.length === 1) {
		const line = url.searchParams.get('verksamhet') || null;
		const free = url.searchParams.get('lediga') === '1';
		const { rows } = await pool.query(SQL.asf, [forbund, line, free]);
		const total = rows[0]?.total ?? 0;
		const items = rows
			.filter((r) => r.slug)
			.map(
				(r) => `<li><h3><a href="${base}/asf/${esc(r.slug)}">${esc(r.name)}</a></h3><p>${esc(r.summary)}</p>
<dl><dt>Verksamhet</dt><dd>${esc(r.business_lines.join(', '))}</dd><dt>Kommuner</dt><dd>${esc(r.municipalities.join(', '))}</dd>
<dt>Lediga platser</dt><dd>${((r.places ?? []) as { kind: string; max: number; free: number }[]).map((p) => `${esc(p.kind)} ${p.free} av ${p.max}`).join(', ')}</dd></dl></li>`
			)
			.join('');
		const main = `<h1>Sociala företag</h1><form action="${base}/asf"><label for="v">Verksamhet</label> <input id="v" name="verksamhet" value="${esc(line ?? '')}" /> <label><input type="checkbox" name="lediga" value="1"${free ? ' checked' : ''} /> Har lediga platser nu</label> <button>Visa företag</button></form>
<h2>${total} företag</h2><ul class="results">${items}</ul>`;
		return [200, page('Sociala företag', { name: forbund }, base, main)];
	}
	if (rest[0] === 'asf' && rest.length === 2) {
		const { rows } = await pool.query(SQL.enterprise, [forbund, rest[1]]);
		const e = rows[0];
		if (!e) return [404, 'Företaget finns inte.'];
		const places = (e.places as { kind: string; max_places: number; free_places: number }[])
			.map((p) => `<tr><th scope="row">${esc(p.kind)}</th><td>${p.free_places}</td><td>${p.max_places}</td></tr>`)
			.join('');
		const workplaces = (e.workplaces as { name: string; street: string; city: string; municipality: string }[])
			.map((w) => `<li>${esc(w.name)}, ${esc(w.street)}, ${esc(w.city)} (${esc(w.municipality)})</li>`)
			.join('');
		const main = `<article><h1>${esc(e.name)}</h1><p class="lead">${esc(e.summary)}</p>${e.description_html ?? ''}
<section><h2>Platser</h2><table><thead><tr><th>Slag</th><th>Lediga</th><th>Totalt</th></tr></thead><tbody>${places}</tbody></table></section>
<section><h2>Fakta</h2><dl><dt>Organisationsnummer</dt><dd>${esc(e.org_number)}</dd><dt>Kommuner</dt><dd>${esc(e.municipalities.join(', '))}</dd>
${e.staffing ? `<dt>Anställda</dt><dd>${e.staffing.employees}, varav ${e.staffing.from_target_groups} från målgrupperna</dd>` : ''}</dl></section>
<section><h2>Arbetsplatser</h2><ul>${workplaces}</ul></section></article>`;
		return [200, page(e.name, { name: forbund }, base, main)];
	}
	if (rest.length > 0 && rest[0] !== 'nyheter' && rest[0] !== 'sok' && rest[0] !== 'dokument') {
		const { rows } = await pool.query(SQL.page, [forbund, `/${rest.join('/')}`]);
		const p = rows[0];
		if (!p) return [404, 'Sidan finns inte.'];
		const crumbs = [{ title: 'Start', path: '' }, ...(p.crumbs as { title: string; path: string }[])];
		// body_html is the app's sanitised rendering, stored at save: trusted as the app trusts it.
		const main = `<nav aria-label="Brödsmulor"><ol>${crumbs.map((c) => `<li><a href="${base}${esc(c.path) || '/'}">${esc(c.title)}</a></li>`).join('')}<li><span aria-current="page">${esc(p.title)}</span></li></ol></nav>
<article><h1>${esc(p.title)}</h1><p class="lead">${esc(p.lead)}</p><div class="prose">${p.body_html ?? ''}</div></article>
${p.children.length ? `<section><h2>Sidor under ${esc(p.title)}</h2><ul>${(p.children as { title: string; lead: string; path: string }[]).map((c) => `<li><h3><a href="${base}${esc(c.path)}">${esc(c.title)}</a></h3><p>${esc(c.lead)}</p></li>`).join('')}</ul></section>` : ''}`;
		return [200, page(p.title, p, base, main)];
	}
	return [404, 'Sidan finns inte.'];
};

const server = http.createServer((req, res) => {
	const url = new URL(req.url ?? '/', `http://${host}:${port}`);
	const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
	routes(url, parts)
		.then(([status, html]) => {
			res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html) });
			res.end(html);
		})
		.catch((error: unknown) => {
			console.error(error);
			res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
			res.end('Internt fel.');
		});
});
server.listen(port, host, () => console.log(`baseline listening on ${host}:${port}`));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => {
		server.close();
		server.closeAllConnections();
		void pool.end().finally(() => process.exit(0));
		setTimeout(() => process.exit(0), 3000).unref();
	});
}
// Started by the bench: go when it goes.
const parent = process.ppid;
setInterval(() => {
	if (process.ppid !== parent) process.exit(0);
}, 1000).unref();
