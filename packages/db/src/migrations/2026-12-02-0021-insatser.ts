import { type Kysely, sql } from 'kysely';

// Frozen in time: imports nothing but kysely.
//
// Insatser: what a förbund finances, as a public catalogue (Insatskatalogen's fields) that carries
// exactly the categories of Försäkringskassan's Uppföljning Finsam.
//
// - Four categories (inriktning, preciserad inriktning, uppföljningsmetod, ESF-finansierad) are
//   fixed from the first publication on (first_published_at): in Uppföljning Finsam a change means
//   a new insats. A trigger refuses the change whoever writes the SQL; the API says so first.
// - Two statuses: the editorial one (draft → review → published; a send-back leaves a comment for
//   the author) and the life of the insats (planerad, pågående, avslutad, införd i ordinarie
//   verksamhet). Publishing needs an approver: the förbund's katalogadministratör or admin, or a
//   platform admin (app_can_approve_insats, checked by a trigger since RLS cannot see a transition).
// - Writers: the förbund's editors, katalogadministratörer and admins (app_can_edit_insats).
// - Money and results per year are aggregate counts only: never a participant's personal data.
// - Usage (views, catalogue searches, referral-form downloads per month) is counted by the servers
//   through app_count_insats_usage(), and read by the förbund's admins and the region's presidium.

// Two new features: the catalogue (insatser) and the document library (documents, migration 0022).
const FEATURES_BEFORE = sql`array['news', 'search', 'minutes', 'content']::text[]`;
const FEATURES = sql`array['news', 'search', 'minutes', 'content', 'insatser', 'documents']::text[]`;

async function setFeatures(db: Kysely<any>, features: typeof FEATURES) {
	await sql`alter table forbund drop constraint forbund_features_known`.execute(db);
	await sql`alter table forbund add constraint forbund_features_known check (features <@ ${features})`.execute(db);
	await sql`alter table forbund alter column features set default ${features}`.execute(db);
	await sql`alter table region drop constraint region_features_off_known`.execute(db);
	await sql`alter table region add constraint region_features_off_known check (features_off <@ ${features})`.execute(
		db
	);
	// A saved menu may hold the new features' entries too.
	await sql`alter table menu_entry drop constraint menu_entry_feature_known`.execute(db);
	await sql`alter table menu_entry add constraint menu_entry_feature_known check (feature = any (${features}))`.execute(
		db
	);
}

export async function up(db: Kysely<any>): Promise<void> {
	await setFeatures(db, FEATURES);
	await sql`create function app_can_edit_insats(p_forbund_id integer) returns boolean
		language sql stable as $$
		select app_is_platform_admin() or exists (
			select 1 from membership m where m.user_id = app_user_id() and m.forbund_id = p_forbund_id
			and m.role in ('editor', 'catalogue_admin', 'forbund_admin'))
	$$`.execute(db);
	await sql`create function app_can_approve_insats(p_forbund_id integer) returns boolean
		language sql stable as $$
		select app_is_platform_admin() or exists (
			select 1 from membership m where m.user_id = app_user_id() and m.forbund_id = p_forbund_id
			and m.role in ('catalogue_admin', 'forbund_admin'))
	$$`.execute(db);

	// Reference data a platform admin extends: the sub-categories under each inriktning.
	await sql`create table insats_precise_category (
		id integer generated always as identity primary key,
		inriktning text not null check (inriktning in ('individinriktad', 'strukturovergripande')),
		label text not null check (length(trim(label)) between 2 and 120),
		position integer not null default 0,
		constraint insats_precise_category_label_key unique (inriktning, label)
	)`.execute(db);
	await sql`insert into insats_precise_category (inriktning, label, position) values
		('individinriktad', 'Förrehabilitering och motivation', 1),
		('individinriktad', 'Arbetslivsinriktad rehabilitering', 2),
		('individinriktad', 'Stöd till arbete eller studier', 3),
		('individinriktad', 'Samordnat stöd kring individen', 4),
		('strukturovergripande', 'Kompetensutveckling', 1),
		('strukturovergripande', 'Samverkansstruktur och metodutveckling', 2),
		('strukturovergripande', 'Kartläggning och analys', 3),
		('strukturovergripande', 'Information, konferens och seminarium', 4)`.execute(db);

	await sql`create table insats (
		id integer generated always as identity primary key,
		region_id integer not null references region (id),
		forbund_id integer not null references forbund (id),
		slug text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
		name text not null,
		summary text not null default '',
		description text not null default '',
		description_html text,
		inriktning text not null check (inriktning in ('individinriktad', 'strukturovergripande')),
		precise_category_id integer not null references insats_precise_category (id),
		follow_up text not null check (follow_up in ('personuppgifter', 'endast_antal')),
		esf boolean not null default false,
		target_groups text[] not null default '{}',
		age_min integer check (age_min between 0 and 120),
		age_max integer check (age_max between 0 and 120),
		municipalities text[] not null default '{}',
		providers jsonb not null default '[]' check (jsonb_typeof(providers) = 'array'),
		access_via text not null default 'handlaggare' check (access_via in ('handlaggare', 'sjalv', 'bada')),
		access_text text not null default '',
		referral_key text,
		referral_filename text,
		referral_size_bytes integer,
		intake text not null default 'ja' check (intake in ('ja', 'nej', 'vantelista')),
		intake_as_of date,
		contacts jsonb not null default '[]' check (jsonb_typeof(contacts) = 'array'),
		places text not null default '',
		period_start date,
		period_end date,
		life_status text not null default 'planerad'
			check (life_status in ('planerad', 'pagaende', 'avslutad', 'ordinarie')),
		status text not null default 'draft' check (status in ('draft', 'review', 'published')),
		review_comment text not null default '',
		review_comment_by integer references app_user (id) on delete set null,
		submitted_at timestamptz,
		submitted_by integer references app_user (id) on delete set null,
		first_published_at timestamptz,
		published_at timestamptz,
		approved_by integer references app_user (id) on delete set null,
		reviewed_at date,
		reviewed_by integer references app_user (id) on delete set null,
		version integer not null default 1,
		search tsvector generated always as (
			setweight(to_tsvector('swedish', name), 'A') ||
			setweight(to_tsvector('swedish', summary), 'B') ||
			setweight(to_tsvector('swedish', description || ' ' || places || ' ' || access_text), 'C')
		) stored,
		author_id integer references app_user (id) on delete set null,
		updated_by integer references app_user (id) on delete set null,
		created_at timestamptz not null default now(),
		updated_at timestamptz not null default now(),
		constraint insats_slug_key unique (forbund_id, slug),
		constraint insats_age_range check (age_min is null or age_max is null or age_min <= age_max),
		constraint insats_period check (period_start is null or period_end is null or period_start <= period_end),
		constraint insats_published_has_date check (status <> 'published' or published_at is not null),
		constraint insats_referral_complete check ((referral_key is null) = (referral_filename is null))
	)`.execute(db);
	await sql`create index insats_forbund_idx on insats (forbund_id, status)`.execute(db);
	await sql`create index insats_region_published_idx on insats (region_id) where status = 'published'`.execute(db);
	await sql`create index insats_search_idx on insats using gin (search)`.execute(db);
	await sql`create index insats_municipalities_idx on insats using gin (municipalities)`.execute(db);
	await sql`create index insats_target_groups_idx on insats using gin (target_groups)`.execute(db);

	await sql`create function insats_in_step() returns trigger language plpgsql
		set search_path = pg_catalog, public as $fn$
	begin
		if tg_op = 'UPDATE' then
			if new.description is distinct from old.description
				and new.description_html is not distinct from old.description_html then
				new.description_html := null;
			end if;
			if old.first_published_at is not null and (
				new.inriktning is distinct from old.inriktning
				or new.precise_category_id is distinct from old.precise_category_id
				or new.follow_up is distinct from old.follow_up
				or new.esf is distinct from old.esf) then
				raise exception 'insats %: its Uppföljning Finsam categories are fixed since its first publication', old.id
					using errcode = 'check_violation';
			end if;
			new.first_published_at := coalesce(old.first_published_at, new.first_published_at);
		end if;
		if new.status = 'published' and (tg_op = 'INSERT' or old.status <> 'published') then
			-- A person (app.user_id set) must be an approver; the owner's own scripts (demo data) are not asked.
			if app_user_id() is not null and not app_can_approve_insats(new.forbund_id) then
				raise exception 'insats %: only an approver publishes', new.id using errcode = 'insufficient_privilege';
			end if;
			new.first_published_at := coalesce(new.first_published_at, now());
		end if;
		if (select region_id from forbund where id = new.forbund_id) <> new.region_id then
			raise exception 'insats %: region is not its förbund''s', new.id using errcode = 'check_violation';
		end if;
		if exists (select 1 from insats_precise_category c where c.id = new.precise_category_id
			and c.inriktning <> new.inriktning) then
			raise exception 'insats %: the precise category belongs to the other inriktning', new.id
				using errcode = 'check_violation';
		end if;
		return new;
	end
	$fn$`.execute(db);
	await sql`create trigger insats_in_step before insert or update on insats
		for each row execute function insats_in_step()`.execute(db);

	// A saved state; data holds the text fields as the API saved them (name is its title).
	await sql`create table insats_revision (
		id integer generated always as identity primary key,
		insats_id integer not null references insats (id) on delete cascade,
		version integer not null,
		title text not null,
		data jsonb not null,
		saved_by integer references app_user (id) on delete set null,
		saved_at timestamptz not null default now(),
		constraint insats_revision_version_key unique (insats_id, version)
	)`.execute(db);

	// Money and results per year, in aggregate (kronor; counts of people).
	await sql`create table insats_year (
		insats_id integer not null references insats (id) on delete cascade,
		year integer not null check (year between 2000 and 2100),
		cost_budget bigint check (cost_budget >= 0),
		cost_outcome bigint check (cost_outcome >= 0),
		esf_cost_budget bigint check (esf_cost_budget >= 0),
		esf_cost_outcome bigint check (esf_cost_outcome >= 0),
		planned_participants integer check (planned_participants >= 0),
		participants_women integer check (participants_women >= 0),
		participants_men integer check (participants_men >= 0),
		participants_other integer check (participants_other >= 0),
		to_work integer check (to_work >= 0),
		to_studies integer check (to_studies >= 0),
		primary key (insats_id, year)
	)`.execute(db);

	// A news item may tell about one insats; it shows on the insats's page.
	await sql`alter table news add column insats_id integer references insats (id) on delete set null`.execute(db);
	await sql`create index news_insats_idx on news (insats_id) where insats_id is not null`.execute(db);

	await sql`create table insats_usage (
		region_id integer not null references region (id),
		forbund_id integer references forbund (id),
		insats_id integer references insats (id) on delete cascade,
		kind text not null check (kind in ('view', 'search', 'referral')),
		month date not null check (extract(day from month) = 1),
		count integer not null check (count >= 0)
	)`.execute(db);
	await sql`create unique index insats_usage_key on insats_usage (region_id, forbund_id, insats_id, kind, month)
		nulls not distinct`.execute(db);

	// Who reads the usage: the förbund's admins, the region's presidium members and coordinators
	// (for the region's presidium pages), platform admins; for the hub's searches (no förbund),
	// the region's coordinators and presidium.
	await sql`create function app_can_read_insats_usage(p_forbund_id integer, p_region_id integer) returns boolean
		language sql stable as $$
		select app_is_platform_admin() or exists (
			select 1 from membership m where m.user_id = app_user_id() and (
				(p_forbund_id is not null and m.forbund_id = p_forbund_id and m.role = 'forbund_admin')
				or (m.role = 'coordinator' and m.region_id = p_region_id)
				or (m.role = 'presidium' and m.forbund_id in (select f.id from forbund f where f.region_id = p_region_id))))
	$$`.execute(db);

	// The servers add counts (a visitor's page view included) only through this: nothing else writes.
	await sql`create function app_count_insats_usage(p_region_id integer, p_forbund_id integer, p_insats_id integer,
		p_kind text, p_month date, p_count integer) returns void
		language sql security definer set search_path = pg_catalog, public as $$
		insert into insats_usage (region_id, forbund_id, insats_id, kind, month, count)
		values (p_region_id, p_forbund_id, p_insats_id, p_kind, date_trunc('month', p_month)::date, greatest(p_count, 0))
		on conflict (region_id, forbund_id, insats_id, kind, month) do update
			set count = insats_usage.count + excluded.count
	$$`.execute(db);
	await sql`revoke all on function app_count_insats_usage(integer, integer, integer, text, date, integer) from public`.execute(
		db
	);
	await sql`grant execute on function app_count_insats_usage(integer, integer, integer, text, date, integer) to rp_app`.execute(
		db
	);

	await sql`grant select, insert, update, delete on insats_precise_category to rp_app`.execute(db);
	await sql`grant select, insert, update, delete on insats to rp_app`.execute(db);
	await sql`grant select, insert on insats_revision to rp_app`.execute(db);
	await sql`grant select, insert, update, delete on insats_year to rp_app`.execute(db);
	await sql`grant select on insats_usage to rp_app`.execute(db);
	await sql`grant select on insats, insats_year to rp_worker`.execute(db);

	for (const table of ['insats_precise_category', 'insats', 'insats_revision', 'insats_year', 'insats_usage']) {
		await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
		await sql`alter table ${sql.table(table)} force row level security`.execute(db);
	}
	await sql`create policy insats_precise_category_read on insats_precise_category for select using (true)`.execute(db);
	await sql`create policy insats_precise_category_admin on insats_precise_category for all
		using (app_is_platform_admin()) with check (app_is_platform_admin())`.execute(db);
	await sql`create policy insats_public on insats for select using (status = 'published')`.execute(db);
	await sql`create policy insats_editors on insats for all
		using (app_can_edit_insats(forbund_id)) with check (app_can_edit_insats(forbund_id))`.execute(db);
	// The monthly "not reviewed for 12 months" mail reads every förbund's insatser.
	await sql`create policy insats_worker on insats for select to rp_worker using (true)`.execute(db);
	await sql`create policy insats_revision_editors on insats_revision for all
		using (exists (select 1 from insats i where i.id = insats_id and app_can_edit_insats(i.forbund_id)))
		with check (exists (select 1 from insats i where i.id = insats_id and app_can_edit_insats(i.forbund_id)))`.execute(db);
	// A year's figures are as public as their insats (the subquery is itself filtered by its policies).
	await sql`create policy insats_year_read on insats_year for select
		using (exists (select 1 from insats i where i.id = insats_id))`.execute(db);
	await sql`create policy insats_year_editors on insats_year for all
		using (exists (select 1 from insats i where i.id = insats_id and app_can_edit_insats(i.forbund_id)))
		with check (exists (select 1 from insats i where i.id = insats_id and app_can_edit_insats(i.forbund_id)))`.execute(db);
	await sql`create policy insats_year_worker on insats_year for select to rp_worker using (true)`.execute(db);
	await sql`create policy insats_usage_read on insats_usage for select
		using (app_can_read_insats_usage(forbund_id, region_id))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`update forbund set features = array(select unnest(features) intersect select unnest(${FEATURES_BEFORE}))`.execute(
		db
	);
	await sql`update region set features_off = array(select unnest(features_off) intersect select unnest(${FEATURES_BEFORE}))`.execute(
		db
	);
	await sql`delete from menu_entry where not (feature = any (${FEATURES_BEFORE}))`.execute(db);
	await setFeatures(db, FEATURES_BEFORE);
	await sql`alter table news drop column insats_id`.execute(db);
	await sql`drop function app_count_insats_usage(integer, integer, integer, text, date, integer)`.execute(db);
	await sql`drop table insats_usage`.execute(db);
	await sql`drop function app_can_read_insats_usage(integer, integer)`.execute(db);
	await sql`drop table insats_year`.execute(db);
	await sql`drop table insats_revision`.execute(db);
	await sql`drop table insats`.execute(db);
	await sql`drop function insats_in_step()`.execute(db);
	await sql`drop table insats_precise_category`.execute(db);
	await sql`drop function app_can_approve_insats(integer)`.execute(db);
	await sql`drop function app_can_edit_insats(integer)`.execute(db);
}
