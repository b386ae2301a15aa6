import { sql, type Kysely } from 'kysely';

// Frozen in time: imports nothing but kysely.
//
// The accessibility statement the law (DOS-lagen 2018:1937) asks of every site, and the reports of
// problems that visitors send. One statement per förbund site, and one for the hub (forbund_id null),
// which belongs to the platform admins. Statements are public; their writers are the förbund's
// admins (forbund_admin) and the platform admins.
//
// Reports hold personal data (an optional name and e-mail address, and free text), so the servers
// (rp_app) cannot read them except as those admins. A visitor files one only through
// app_file_accessibility_report (security definer), which also answers where the report is to be
// mailed (the förbund's contact address, else its admins; the hub's go to the platform admins): a
// visitor can read neither the reports nor the admins' addresses, and the insert and that lookup
// belong together. The same function writes the audit entry, without an actor: a signed-in person's
// report is as anonymous as anyone's, unless they give their name in it. The worker (rp_worker)
// deletes closed reports when they are old.

export async function up(db: Kysely<any>): Promise<void> {
	await sql`create function app_can_edit_accessibility(p_forbund_id integer) returns boolean
		language sql stable as $$
		select exists (
			select 1 from membership m
			where m.user_id = app_user_id()
			and (m.role = 'platform_admin' or (p_forbund_id is not null and m.role = 'forbund_admin'
				and m.forbund_id = p_forbund_id))
		)
	$$`.execute(db);

	await sql`create table accessibility_statement (
		id integer generated always as identity primary key,
		forbund_id integer unique references forbund (id) on delete cascade,
		compliance text not null check (compliance in ('full', 'partial', 'none')),
		contact_email text,
		contact_phone text,
		assessment_method text not null check (assessment_method in ('self', 'external')),
		assessment_description text not null default '',
		assessed_on date,
		prepared_on date not null,
		updated_at timestamptz not null default now(),
		updated_by integer references app_user (id) on delete set null
	)`.execute(db);
	// The hub's statement: at most one row without a förbund.
	await sql`create unique index accessibility_statement_hub_idx on accessibility_statement ((true))
		where forbund_id is null`.execute(db);

	await sql`create table accessibility_gap (
		id integer generated always as identity primary key,
		statement_id integer not null references accessibility_statement (id) on delete cascade,
		position integer not null,
		description text not null check (length(description) between 1 and 2000),
		legal_basis text not null check (legal_basis in ('non_compliance', 'disproportionate_burden', 'out_of_scope')),
		fix_planned_on date,
		unique (statement_id, position)
	)`.execute(db);

	await sql`create table accessibility_report (
		id bigint generated always as identity primary key,
		forbund_id integer references forbund (id) on delete cascade,
		region_id integer references region (id) on delete set null,
		page_url text not null default '' check (length(page_url) <= 2000),
		description text not null check (length(description) between 1 and 5000),
		name text not null default '' check (length(name) <= 200),
		email text not null default '' check (length(email) <= 320),
		status text not null default 'new' check (status in ('new', 'answered', 'fixed')),
		note text not null default '' check (length(note) <= 5000),
		replied_on date,
		created_at timestamptz not null default now(),
		updated_at timestamptz not null default now(),
		updated_by integer references app_user (id) on delete set null
	)`.execute(db);
	await sql`create index accessibility_report_forbund_idx on accessibility_report (forbund_id, created_at desc)`.execute(
		db
	);
	await sql`create index accessibility_report_closed_idx on accessibility_report (updated_at) where status <> 'new'`.execute(
		db
	);

	for (const table of ['accessibility_statement', 'accessibility_gap', 'accessibility_report']) {
		await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
		await sql`alter table ${sql.table(table)} force row level security`.execute(db);
	}

	await sql`grant select, insert, update on accessibility_statement to rp_app`.execute(db);
	await sql`grant select, insert, delete on accessibility_gap to rp_app`.execute(db);
	await sql`grant select, update on accessibility_report to rp_app`.execute(db);
	await sql`grant select, delete on accessibility_report to rp_worker`.execute(db);

	await sql`create policy accessibility_statement_read on accessibility_statement for select to rp_app
		using (true)`.execute(db);
	await sql`create policy accessibility_statement_insert on accessibility_statement for insert to rp_app
		with check (app_can_edit_accessibility(forbund_id))`.execute(db);
	await sql`create policy accessibility_statement_update on accessibility_statement for update to rp_app
		using (app_can_edit_accessibility(forbund_id)) with check (app_can_edit_accessibility(forbund_id))`.execute(db);

	await sql`create policy accessibility_gap_read on accessibility_gap for select to rp_app using (true)`.execute(db);
	for (const verb of ['insert', 'delete'] as const) {
		const rule = sql`exists (select 1 from accessibility_statement s
			where s.id = accessibility_gap.statement_id and app_can_edit_accessibility(s.forbund_id))`;
		await sql`create policy ${sql.id(`accessibility_gap_${verb}`)} on accessibility_gap for ${sql.raw(verb)} to rp_app
			${verb === 'insert' ? sql`with check (${rule})` : sql`using (${rule})`}`.execute(db);
	}

	await sql`create policy accessibility_report_admins on accessibility_report for select to rp_app
		using (app_can_edit_accessibility(forbund_id))`.execute(db);
	await sql`create policy accessibility_report_update on accessibility_report for update to rp_app
		using (app_can_edit_accessibility(forbund_id)) with check (app_can_edit_accessibility(forbund_id))`.execute(db);
	await sql`create policy accessibility_report_worker on accessibility_report for all to rp_worker
		using (true) with check (true)`.execute(db);

	await sql`create function app_file_accessibility_report(p_forbund_id integer, p_page_url text, p_description text,
			p_name text, p_email text)
		returns table (report_id bigint, recipients text[])
		language plpgsql security definer set search_path = pg_catalog, pg_temp as $$
		declare
			v_region_id integer;
			v_contact text;
			v_id bigint;
			v_recipients text[];
		begin
			if p_forbund_id is not null then
				select f.region_id, nullif(trim(f.contact_email), '') into v_region_id, v_contact
				from public.forbund f where f.id = p_forbund_id;
				if not found then raise exception 'no förbund %', p_forbund_id using errcode = 'foreign_key_violation'; end if;
			end if;
			insert into public.accessibility_report (forbund_id, region_id, page_url, description, name, email)
			values (p_forbund_id, v_region_id, coalesce(p_page_url, ''), p_description, coalesce(p_name, ''),
				coalesce(p_email, ''))
			returning id into v_id;
			if v_contact is not null then
				v_recipients := array[v_contact];
			else
				select coalesce(array_agg(distinct u.email order by u.email), '{}') into v_recipients
				from public.membership m join public.app_user u on u.id = m.user_id
				where (p_forbund_id is not null and m.role = 'forbund_admin' and m.forbund_id = p_forbund_id)
					or (p_forbund_id is null and m.role = 'platform_admin');
			end if;
			insert into public.audit_log (actor_id, action, entity_type, entity_id, region_id, forbund_id, summary)
			values (null, 'accessibility.report', 'accessibility_report', v_id::text, v_region_id, p_forbund_id,
				'En brist i tillgängligheten rapporterades.');
			return query select v_id, v_recipients;
		end
	$$`.execute(db);
	await sql`revoke all on function app_file_accessibility_report(integer, text, text, text, text) from public`.execute(
		db
	);
	await sql`grant execute on function app_file_accessibility_report(integer, text, text, text, text) to rp_app`.execute(
		db
	);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`drop function app_file_accessibility_report(integer, text, text, text, text)`.execute(db);
	await sql`drop table accessibility_report`.execute(db);
	await sql`drop table accessibility_gap`.execute(db);
	await sql`drop table accessibility_statement`.execute(db);
	await sql`drop function app_can_edit_accessibility(integer)`.execute(db);
}
