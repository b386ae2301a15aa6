import { type Kysely, sql } from 'kysely';

// Frozen in time: imports nothing but kysely.
//
// Tenant isolation in the database itself, behind the API's own checks. The servers connect as a
// login role that is a member of rp_app: not a superuser, not BYPASSRLS, and owning no table. Each
// request runs in a transaction that states who is asking with set_config('app.user_id', …, true),
// which ends with the transaction and so never leaks to the next user of a pooled connection.

export async function up(db: Kysely<any>): Promise<void> {
	await sql`do $$ begin
		if not exists (select from pg_roles where rolname = 'rp_app') then create role rp_app nologin; end if;
	end $$`.execute(db);

	await sql`grant usage on schema public to rp_app`.execute(db);
	await sql`grant select on region, forbund, membership to rp_app`.execute(db);
	await sql`grant select, insert, update, delete on news, app_user, session to rp_app`.execute(db);
	await sql`grant usage on all sequences in schema public to rp_app`.execute(db);

	// Who is asking, as the request's transaction stated it; null for a visitor.
	await sql`create function app_user_id() returns integer language sql stable as $$
		select nullif(current_setting('app.user_id', true), '')::integer
	$$`.execute(db);

	// The caller's own memberships are the only ones it can read (policy below), which is all this needs.
	await sql`create function app_can_edit_news(p_forbund_id integer, p_region_id integer) returns boolean
		language sql stable as $$
		select exists (
			select 1 from membership m
			where m.user_id = app_user_id()
			and (
				m.role = 'platform_admin'
				or (p_forbund_id is not null and m.forbund_id = p_forbund_id and m.role in ('editor', 'forbund_admin'))
				or (p_forbund_id is null and m.region_id = p_region_id and m.role = 'coordinator')
			)
		)
	$$`.execute(db);

	await sql`create function app_is_platform_admin() returns boolean language sql stable as $$
		select exists (select 1 from membership m where m.user_id = app_user_id() and m.role = 'platform_admin')
	$$`.execute(db);

	for (const table of ['region', 'forbund', 'membership', 'news']) {
		await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
		await sql`alter table ${sql.table(table)} force row level security`.execute(db);
	}

	// Regions and förbund are public facts; only a platform admin changes them.
	for (const table of ['region', 'forbund']) {
		await sql`create policy ${sql.id(`${table}_read`)} on ${sql.table(table)} for select using (true)`.execute(db);
		await sql`create policy ${sql.id(`${table}_admin`)} on ${sql.table(table)} for all
			using (app_is_platform_admin()) with check (app_is_platform_admin())`.execute(db);
	}

	await sql`create policy membership_own on membership for select using (user_id = app_user_id())`.execute(db);

	await sql`create policy news_public on news for select using (status = 'published' and published_at <= now())`.execute(
		db
	);
	await sql`create policy news_editors_read on news for select using (app_can_edit_news(forbund_id, region_id))`.execute(
		db
	);
	await sql`create policy news_editors_insert on news for insert with check (app_can_edit_news(forbund_id, region_id))`.execute(
		db
	);
	await sql`create policy news_editors_update on news for update
		using (app_can_edit_news(forbund_id, region_id)) with check (app_can_edit_news(forbund_id, region_id))`.execute(db);
	await sql`create policy news_editors_delete on news for delete using (app_can_edit_news(forbund_id, region_id))`.execute(
		db
	);
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const [table, policies] of [
		['news', ['news_public', 'news_editors_read', 'news_editors_insert', 'news_editors_update', 'news_editors_delete']],
		['membership', ['membership_own']],
		['forbund', ['forbund_read', 'forbund_admin']],
		['region', ['region_read', 'region_admin']]
	] as const) {
		for (const policy of policies) await sql`drop policy ${sql.id(policy)} on ${sql.table(table)}`.execute(db);
		await sql`alter table ${sql.table(table)} no force row level security`.execute(db);
		await sql`alter table ${sql.table(table)} disable row level security`.execute(db);
	}
	await sql`drop function app_is_platform_admin()`.execute(db);
	await sql`drop function app_can_edit_news(integer, integer)`.execute(db);
	await sql`drop function app_user_id()`.execute(db);
	await sql`revoke all on all tables in schema public from rp_app`.execute(db);
	await sql`revoke all on all sequences in schema public from rp_app`.execute(db);
	await sql`revoke usage on schema public from rp_app`.execute(db);
}
