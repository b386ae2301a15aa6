import { sql, type Kysely } from 'kysely';

// A site's main menu as its admin ordered it: features' entries (Nyheter, Sök, …) and top-level
// content pages, one row each. No rows: the default menu (the features, then the pages).

export async function up(db: Kysely<any>): Promise<void> {
	await sql`create table menu_entry (
		id integer generated always as identity primary key,
		region_id integer not null references region (id) on delete cascade,
		forbund_id integer references forbund (id) on delete cascade,
		position integer not null,
		feature text constraint menu_entry_feature_known check (feature = any (array['news', 'search', 'minutes', 'content'])),
		page_id integer references content_page (id) on delete cascade,
		constraint menu_entry_one_target check ((feature is null) <> (page_id is null))
	)`.execute(db);
	await sql`create unique index menu_entry_feature_once on menu_entry (region_id, coalesce(forbund_id, 0), feature)
		where feature is not null`.execute(db);
	await sql`create unique index menu_entry_page_once on menu_entry (page_id) where page_id is not null`.execute(db);
	await sql`create index menu_entry_owner on menu_entry (region_id, forbund_id, position)`.execute(db);

	// Who orders a menu: a förbund's admins theirs, a region's coordinators the region's part of the
	// hub, platform admins any. The same rule is the API's canArrangeMenu.
	await sql`create function app_can_arrange_menu(p_forbund_id integer, p_region_id integer) returns boolean
		language sql stable as $$
		select app_is_platform_admin() or exists (
			select 1 from membership m where m.user_id = app_user_id() and (
				(p_forbund_id is not null and m.role = 'forbund_admin' and m.forbund_id = p_forbund_id) or
				(p_forbund_id is null and m.role = 'coordinator' and m.region_id = p_region_id)))
	$$`.execute(db);

	await sql`alter table menu_entry enable row level security`.execute(db);
	await sql`alter table menu_entry force row level security`.execute(db);
	await sql`create policy menu_entry_read on menu_entry for select using (true)`.execute(db);
	await sql`create policy menu_entry_insert on menu_entry for insert
		with check (app_can_arrange_menu(forbund_id, region_id))`.execute(db);
	await sql`create policy menu_entry_delete on menu_entry for delete
		using (app_can_arrange_menu(forbund_id, region_id))`.execute(db);
	await sql`grant select, insert, delete on menu_entry to rp_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`drop table menu_entry`.execute(db);
	await sql`drop function app_can_arrange_menu(integer, integer)`.execute(db);
}
