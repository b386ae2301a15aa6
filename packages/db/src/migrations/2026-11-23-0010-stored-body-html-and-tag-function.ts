import { type Kysely, sql } from 'kysely';

// Frozen in time: imports nothing but kysely.
//
// 1. news.body_html: the body rendered and sanitised when it is saved (the API's markdown.ts), so
//    reading an article no longer runs the Markdown parser and the sanitiser on every request. The
//    database cannot render Markdown, so this migration leaves the column empty (null) and the
//    servers fill it (renderStoredBodies, run after migrating); until then, and whenever it is null,
//    a reader renders the body itself. A trigger makes null the only possible staleness: an update
//    that changes the body without changing body_html clears it, whoever writes the SQL. (A new body
//    that renders to the very same HTML is cleared too, as the trigger cannot tell it from a forgotten
//    one: rendered on reading until the next run, never wrong.)
//
// 2. news_tagged(): tag pages, a tag's feed and related items, for the servers' role, fast. Under
//    row-level security `tag_slugs && …` and `@>` cannot use the GIN index on tag_slugs (the array
//    operators are not leakproof), so a rare tag meant filtering every visible item of a feed. Like
//    news_search (migration 0009) it runs as its owner and states itself the rule that makes an item
//    public (the news_public policy's, plus scheduled and due) and the feed it reads. It returns the
//    number of matches, one page of ids (most tags in common first, then newest), and the name the
//    newest match gives the first tag (tags and tag_slugs are in the same order).
//
//    Scope: a förbund's own items (p_forbund_id), or a region's (p_region_id): its regional items
//    and, unless p_regional_only, what its förbund shared. Exactly one of the two is given.

export async function up(db: Kysely<any>): Promise<void> {
	await sql`alter table news add column body_html text`.execute(db);
	// What is left to render, found without reading the table (almost always nothing).
	await sql`create index news_body_html_missing_idx on news (id) where body_html is null`.execute(db);
	await sql`create function news_body_html_in_step() returns trigger language plpgsql
		set search_path = pg_catalog, public as $fn$
	begin
		if new.body is distinct from old.body and new.body_html is not distinct from old.body_html then
			new.body_html := null;
		end if;
		return new;
	end
	$fn$`.execute(db);
	await sql`create trigger news_body_html_in_step before update of body on news
		for each row execute function news_body_html_in_step()`.execute(db);

	await sql`create function news_tagged(
		p_tags text[], p_forbund_id integer, p_region_id integer, p_regional_only boolean, p_exclude integer,
		p_limit integer, p_offset integer,
		out total integer, out ids integer[], out name text
	) language plpgsql stable security definer set search_path = pg_catalog, public as $fn$
	declare
		scope text;
	begin
		if (p_forbund_id is null) = (p_region_id is null) then
			raise exception 'news_tagged: give a förbund or a region';
		end if;
		if coalesce(cardinality(p_tags), 0) = 0 then
			total := 0; ids := '{}';
			return;
		end if;
		-- Integers and a boolean only, so formatting them into the text is safe; EXECUTE plans for them.
		scope := case
			when p_forbund_id is not null then format('n.forbund_id = %s', p_forbund_id)
			when p_regional_only then format('n.region_id = %s and n.forbund_id is null', p_region_id)
			else format('n.region_id = %s and (n.forbund_id is null or n.shared_with_region)', p_region_id)
		end;
		execute format($q$
			with match as materialized (
				select n.id, n.published_at, n.tags, n.tag_slugs,
					case when cardinality($1) = 1 then 1
						else cardinality(array(select unnest(n.tag_slugs) intersect select unnest($1))) end as shared
				from news n
				where n.status in ('published', 'scheduled') and n.published_at <= now()
					and n.tag_slugs && $1 and n.id is distinct from $2 and %s
			)
			select (select count(*)::int from match),
				coalesce((select array_agg(p.id order by p.shared desc, p.published_at desc, p.id desc) from (
					select * from match order by shared desc, published_at desc, id desc limit $3 offset $4
				) p), '{}'),
				(select m.tags[array_position(m.tag_slugs, $1[1])] from match m
					where m.tag_slugs @> array[$1[1]] order by m.published_at desc, m.id desc limit 1)
		$q$, scope) into total, ids, name using p_tags, p_exclude, p_limit, p_offset;
	end
	$fn$`.execute(db);
	const signature = sql.raw('news_tagged(text[], integer, integer, boolean, integer, integer, integer)');
	await sql`revoke all on function ${signature} from public`.execute(db);
	await sql`grant execute on function ${signature} to rp_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`drop function news_tagged(text[], integer, integer, boolean, integer, integer, integer)`.execute(db);
	await sql`drop trigger news_body_html_in_step on news`.execute(db);
	await sql`drop function news_body_html_in_step()`.execute(db);
	await sql`alter table news drop column body_html`.execute(db);
}
