import { type Kysely, sql } from 'kysely';

// Frozen in time: imports nothing but kysely.
//
// The public catalogue's filters and search, fast under row-level security. Like news_search()
// (migration 0009), insats_catalogue() runs as its owner and states the one rule that makes an
// insats public itself (status = 'published', the insats_public policy's rule): under RLS the
// planner could not use the GIN indexes on search, municipalities and target_groups, since `@@` and
// `@>` are not leakproof. Only the filters given become conditions (EXECUTE plans for these
// values), so each one is served by its index: municipality and target group by the GIN array
// indexes, the text by insats_search_idx, the scope by insats_region_published_idx.
//
// Scope: one förbund's insatser (its site) or a region's (the hub's regional catalogue); exactly one
// is given. With a query the matches are ranked by ts_rank_cd (name weighs most), else by name.
//
// app_count_insats_hit() is what the sites' usage counter calls: it takes the addresses it saw (a
// förbund's or a region's slug, an insats's slug) and adds the counts to the published insats they
// name through app_count_insats_usage(), so a made-up address counts nothing.

export async function up(db: Kysely<any>): Promise<void> {
	await sql`create function insats_catalogue(
		p_forbund_id integer, p_region_id integer, p_query tsquery, p_municipality text, p_target_group text,
		p_age integer, p_inriktning text, p_on_own boolean, p_intake_now boolean, p_life_status text,
		p_limit integer, p_offset integer,
		out total integer, out ids integer[]
	) language plpgsql stable security definer set search_path = pg_catalog, public as $fn$
	declare
		conditions text[] := array['i.status = ''published'''];
		ordering text;
	begin
		if (p_forbund_id is null) = (p_region_id is null) then
			raise exception 'insats_catalogue: give a förbund or a region';
		end if;
		conditions := conditions || case when p_forbund_id is not null then 'i.forbund_id = $1' else 'i.region_id = $2' end;
		if p_query is not null then conditions := conditions || 'i.search @@ $3'::text; end if;
		if p_municipality is not null then conditions := conditions || 'i.municipalities @> array[$4]'::text; end if;
		if p_target_group is not null then conditions := conditions || 'i.target_groups @> array[$5]'::text; end if;
		if p_age is not null then
			conditions := conditions || '(i.age_min is null or i.age_min <= $6) and (i.age_max is null or i.age_max >= $6)'::text;
		end if;
		if p_inriktning is not null then conditions := conditions || 'i.inriktning = $7'::text; end if;
		if p_on_own then conditions := conditions || 'i.access_via in (''sjalv'', ''bada'')'::text; end if;
		if p_intake_now then conditions := conditions || 'i.intake = ''ja'''::text; end if;
		if p_life_status is not null then conditions := conditions || 'i.life_status = $8'::text; end if;
		ordering := case when p_query is not null then 'ts_rank_cd(i.search, $3) desc, i.name, i.id' else 'i.name, i.id' end;
		-- Only fixed text and numbered parameters are formatted in; the values go through USING.
		execute format($q$
			with found as materialized (
				select i.id, i.name, i.search from insats i where %s
			)
			select (select count(*)::int from found),
				coalesce((select array_agg(p.id order by p.n) from (
					select i.id, row_number() over (order by %s) as n from found i
					order by %s limit $9 offset $10
				) p), '{}')
		$q$, array_to_string(conditions, ' and '), ordering, ordering)
		into total, ids
		using p_forbund_id, p_region_id, p_query, p_municipality, p_target_group, p_age, p_inriktning,
			p_life_status, p_limit, p_offset;
	end
	$fn$`.execute(db);
	await sql`revoke all on function insats_catalogue(integer, integer, tsquery, text, text, integer, text, boolean,
		boolean, text, integer, integer) from public`.execute(db);
	await sql`grant execute on function insats_catalogue(integer, integer, tsquery, text, text, integer, text, boolean,
		boolean, text, integer, integer) to rp_app`.execute(db);

	await sql`create function app_count_insats_hit(p_forbund_slug text, p_region_slug text, p_insats_slug text,
		p_kind text, p_month date, p_count integer) returns void
		language plpgsql security definer set search_path = pg_catalog, public as $fn$
	declare
		v_region integer;
		v_forbund integer;
		v_insats integer;
	begin
		if p_forbund_slug is not null then
			select f.region_id, f.id into v_region, v_forbund from forbund f where f.slug = p_forbund_slug;
		else
			select r.id into v_region from region r where r.slug = p_region_slug;
		end if;
		if v_region is null then return; end if;
		if p_insats_slug is not null then
			select i.id into v_insats from insats i
			where i.forbund_id = v_forbund and i.slug = p_insats_slug and i.status = 'published';
			if v_insats is null then return; end if;
		end if;
		perform app_count_insats_usage(v_region, v_forbund, v_insats, p_kind, p_month, p_count);
	end
	$fn$`.execute(db);
	await sql`revoke all on function app_count_insats_hit(text, text, text, text, date, integer) from public`.execute(db);
	await sql`grant execute on function app_count_insats_hit(text, text, text, text, date, integer) to rp_app`.execute(
		db
	);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`drop function app_count_insats_hit(text, text, text, text, date, integer)`.execute(db);
	await sql`drop function insats_catalogue(integer, integer, tsquery, text, text, integer, text, boolean, boolean,
		text, integer, integer)`.execute(db);
}
