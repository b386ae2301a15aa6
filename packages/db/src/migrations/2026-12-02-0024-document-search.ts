import { type Kysely, sql } from 'kysely';

// Frozen in time: imports nothing but kysely.
//
// The document library's list and search, for the servers' role, fast. Under row-level security
// PostgreSQL filters a scope's rows by the policies before it uses the GIN index on document.search
// (`@@` is not leakproof), as it does for news (migration 0009). document_search() runs as its owner
// and so states the one rule that makes a document public itself: it belongs to no insats, or to a
// published one (an editor who can see an insats's draft must not find its documents on the public
// pages either).
//
// Scope: a förbund's own documents (p_forbund_id), or a region's (p_region_id): its own and its
// förbund's, all public. Exactly one is given. Filters, each optional: kind, year (of document_date),
// insats. With a query (p_query not null) it ranks, as news_search does, the newest `p_cap` matches
// (the `p_cap + 1`st tells that there are more) with ts_rank_cd, best first; without one it lists
// the scope newest first and counts all of it (one index range of a förbund, a region's few
// thousand at most).
//
// app_file_key_in_use() (migration 0020) learns the two new places a stored file is used: a
// document's PDF and an insats's referral form.

export async function up(db: Kysely<any>): Promise<void> {
	await sql`create function document_search(
		p_query tsquery, p_forbund_id integer, p_region_id integer, p_kind text, p_year integer, p_insats_id integer,
		p_cap integer, p_limit integer, p_offset integer,
		out total integer, out ids integer[]
	) language plpgsql stable security definer set search_path = pg_catalog, public as $fn$
	declare
		scope text;
	begin
		if (p_forbund_id is null) = (p_region_id is null) then
			raise exception 'document_search: give a förbund or a region';
		end if;
		-- Integers only, so formatting them into the text is safe; EXECUTE plans for these values.
		scope := case
			when p_forbund_id is not null then format('d.forbund_id = %s', p_forbund_id)
			else format('d.region_id = %s', p_region_id)
		end;
		if p_year is not null then
			scope := scope || format(' and d.document_date >= make_date(%s, 1, 1) and d.document_date < make_date(%s, 1, 1)',
				p_year, p_year + 1);
		end if;
		if p_insats_id is not null then
			scope := scope || format(' and d.insats_id = %s', p_insats_id);
		end if;
		if p_query is null then
			execute format($q$
				with listed as materialized (
					select d.id, d.document_date from document d
					where (d.insats_id is null or exists (
							select 1 from insats i where i.id = d.insats_id and i.status = 'published'))
						and ($1::text is null or d.kind = $1) and %s
				)
				select (select count(*)::int from listed),
					coalesce((select array_agg(p.id order by p.document_date desc, p.id desc) from (
						select * from listed order by document_date desc, id desc limit $2 offset $3
					) p), '{}')
			$q$, scope) into total, ids using p_kind, p_limit, p_offset;
			return;
		end if;
		execute format($q$
			with candidate as materialized (
				select d.id, d.document_date, d.search from document d
				where d.search @@ $1
					and (d.insats_id is null or exists (
						select 1 from insats i where i.id = d.insats_id and i.status = 'published'))
					and ($5::text is null or d.kind = $5) and %s
				order by d.document_date desc, d.id desc
				limit $2 + 1
			), ranked as (
				select c.id, c.document_date, ts_rank_cd(c.search, $1) as rank
				from (select * from candidate order by document_date desc, id desc limit $2) c
			)
			select (select count(*)::int from candidate),
				coalesce((select array_agg(p.id order by p.rank desc, p.document_date desc, p.id desc) from (
					select * from ranked order by rank desc, document_date desc, id desc limit $3 offset $4
				) p), '{}')
		$q$, scope) into total, ids using p_query, p_cap, p_limit, p_offset, p_kind;
	end
	$fn$`.execute(db);
	const signature = sql.raw(
		'document_search(tsquery, integer, integer, text, integer, integer, integer, integer, integer)'
	);
	await sql`revoke all on function ${signature} from public`.execute(db);
	await sql`grant execute on function ${signature} to rp_app`.execute(db);

	// The region's library reads its documents newest first; the förbund's has document_owner_idx.
	await sql`create index document_region_date_idx on document (region_id, document_date desc, id desc)`.execute(db);

	await sql`create or replace function app_file_key_in_use(p_key text) returns boolean
		language sql stable security definer set search_path = public, pg_temp as $$
		select exists (select 1 from news where image_key = p_key)
			or exists (select 1 from news_revision where image_key = p_key)
			or exists (select 1 from news_attachment where storage_key = p_key)
			or exists (select 1 from content_page where image_key = p_key)
			or exists (select 1 from content_page_revision where image_key = p_key)
			or exists (select 1 from content_page_attachment where storage_key = p_key)
			or exists (select 1 from minutes_attachment where storage_key = p_key)
			or exists (select 1 from document where storage_key = p_key)
			or exists (select 1 from insats where referral_key = p_key)
	$$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`create or replace function app_file_key_in_use(p_key text) returns boolean
		language sql stable security definer set search_path = public, pg_temp as $$
		select exists (select 1 from news where image_key = p_key)
			or exists (select 1 from news_revision where image_key = p_key)
			or exists (select 1 from news_attachment where storage_key = p_key)
			or exists (select 1 from content_page where image_key = p_key)
			or exists (select 1 from content_page_revision where image_key = p_key)
			or exists (select 1 from content_page_attachment where storage_key = p_key)
			or exists (select 1 from minutes_attachment where storage_key = p_key)
	$$`.execute(db);
	await sql`drop index document_region_date_idx`.execute(db);
	await sql`drop function document_search(tsquery, integer, integer, text, integer, integer, integer, integer, integer)`.execute(
		db
	);
}
