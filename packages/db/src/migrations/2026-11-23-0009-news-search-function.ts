import { type Kysely, sql } from 'kysely';

// Frozen in time: imports nothing but kysely.
//
// Search for the servers' role, fast. Under row-level security PostgreSQL may not use the GIN index
// on news.search: `@@` is not leakproof, so it filters every row of a förbund by the policies first
// and then runs the tsquery on each, and the count and the ranking read every match's search vector
// (kilobytes each). news_search() runs as its owner (who bypasses RLS; see the README) and so states
// the one rule that makes an item public itself: published, or scheduled and due (the news_public
// policy's rule, which visitors and editors alike search under). It takes the newest `p_cap + 1`
// matches of one scope — the planner reads them in date order from the partial feed indexes, or
// through the GIN index for a rare word — counts them, ranks the newest `p_cap` with ts_rank_cd
// (cover density), and returns one page of ids, best first, equal ranks newest first. The work is
// bounded by the cap, not by how many items match, so a common word costs no more than a rare one.
//
// Scope: a förbund's own items (p_forbund_id), or a region's feed (p_region_id): its regional items
// and what its förbund shared. Exactly one is given.

export async function up(db: Kysely<any>): Promise<void> {
	await sql`create function news_search(
		p_query tsquery, p_forbund_id integer, p_region_id integer, p_cap integer, p_limit integer, p_offset integer,
		out total integer, out ids integer[]
	) language plpgsql stable security definer set search_path = pg_catalog, public as $fn$
	declare
		scope text;
	begin
		if (p_forbund_id is null) = (p_region_id is null) then
			raise exception 'news_search: give a förbund or a region';
		end if;
		-- Integers only, so formatting them into the text is safe; EXECUTE plans for these values.
		scope := case
			when p_forbund_id is not null then format('n.forbund_id = %s', p_forbund_id)
			else format('n.region_id = %s and (n.forbund_id is null or n.shared_with_region)', p_region_id)
		end;
		execute format($q$
			with candidate as materialized (
				select n.id, n.published_at, n.search from news n
				where n.status in ('published', 'scheduled') and n.published_at <= now()
					and n.search @@ $1 and %s
				order by n.published_at desc, n.id desc
				limit $2 + 1
			), ranked as (
				select c.id, c.published_at, ts_rank_cd(c.search, $1) as rank
				from (select * from candidate order by published_at desc, id desc limit $2) c
			)
			select (select count(*)::int from candidate),
				coalesce((select array_agg(p.id order by p.rank desc, p.published_at desc, p.id desc) from (
					select * from ranked order by rank desc, published_at desc, id desc limit $3 offset $4
				) p), '{}')
		$q$, scope) into total, ids using p_query, p_cap, p_limit, p_offset;
	end
	$fn$`.execute(db);
	await sql`revoke all on function news_search(tsquery, integer, integer, integer, integer, integer) from public`.execute(
		db
	);
	await sql`grant execute on function news_search(tsquery, integer, integer, integer, integer, integer) to rp_app`.execute(
		db
	);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`drop function news_search(tsquery, integer, integer, integer, integer, integer)`.execute(db);
}
