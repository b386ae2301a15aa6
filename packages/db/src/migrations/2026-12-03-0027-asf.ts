import { type Kysely, sql } from 'kysely';

// Frozen in time: imports nothing but kysely.
//
// ASF coordination, its register: the region's work-integrating social enterprises (arbetsintegrerande
// sociala företag), their workplaces, their training places with a dated history of the free count,
// their yearly staffing figures, the link each enterprise keeps to report its free places without an
// account, and the internal notes on an enterprise.
//
// Who: the region's ASF-samordnare (role asf_coordinator) and platform admins write the register; a
// visitor reads the active enterprises and their places. The notes are for the region's
// ASF-samordnare and the förbund's insatspersonal (insats_staff) to read; a förbund's editors may
// leave one too (a change they want in the register). Nobody rewrites a note. The
// enterprise reports through security-definer functions that take its link's hash, so a visitor
// holds no rights on the tables themselves.

const FEATURES_BEFORE = sql`array['news', 'search', 'minutes', 'content', 'insatser', 'documents', 'projects']::text[]`;
const FEATURES = sql`array['news', 'search', 'minutes', 'content', 'insatser', 'documents', 'projects', 'asf']::text[]`;

async function setFeatures(db: Kysely<any>, features: typeof FEATURES) {
	await sql`alter table forbund drop constraint forbund_features_known`.execute(db);
	await sql`alter table forbund add constraint forbund_features_known check (features <@ ${features})`.execute(db);
	await sql`alter table forbund alter column features set default ${features}`.execute(db);
	await sql`alter table region drop constraint region_features_off_known`.execute(db);
	await sql`alter table region add constraint region_features_off_known check (features_off <@ ${features})`.execute(
		db
	);
	await sql`alter table menu_entry drop constraint menu_entry_feature_known`.execute(db);
	await sql`alter table menu_entry add constraint menu_entry_feature_known check (feature = any (${features}))`.execute(
		db
	);
}

const TABLES = [
	'asf_enterprise',
	'asf_workplace',
	'asf_staffing',
	'asf_place',
	'asf_place_history',
	'asf_update_link',
	'asf_link_mail',
	'asf_watch_mail',
	'asf_note'
];

export async function up(db: Kysely<any>): Promise<void> {
	await setFeatures(db, FEATURES);
	await sql`update forbund set features = features || array['asf'] where features @> ${FEATURES_BEFORE}`.execute(db);

	await sql`create function app_is_asf_coordinator(p_region_id integer) returns boolean
		language sql stable as $$
		select app_is_platform_admin() or exists (
			select 1 from membership m where m.user_id = app_user_id() and m.role = 'asf_coordinator'
			and m.region_id = p_region_id)
	$$`.execute(db);
	// The region's ASF staff: its ASF-samordnare and the insatspersonal of its förbund.
	await sql`create function app_is_asf_staff(p_region_id integer) returns boolean
		language sql stable as $$
		select app_is_asf_coordinator(p_region_id) or exists (
			select 1 from membership m join forbund f on f.id = m.forbund_id
			where m.user_id = app_user_id() and m.role = 'insats_staff' and f.region_id = p_region_id)
	$$`.execute(db);
	// Who may leave a note without reading the others: the staff, and a förbund's editors and admins of
	// the region who want a change in the register.
	await sql`create function app_may_note_asf(p_region_id integer) returns boolean
		language sql stable as $$
		select app_is_asf_staff(p_region_id) or exists (
			select 1 from membership m join forbund f on f.id = m.forbund_id
			where m.user_id = app_user_id() and m.role in ('editor', 'catalogue_admin', 'forbund_admin')
			and f.region_id = p_region_id)
	$$`.execute(db);

	// A Swedish organisation number: ten digits, the last a Luhn check digit over the first nine, and
	// the third at least 2 (a personnummer's month digit is 0 or 1, so a sole trader's is refused).
	await sql`create function asf_org_number_valid(p text) returns boolean
		language sql immutable strict as $$
		select p ~ '^[0-9]{6}-[0-9]{4}$' and substr(p, 3, 1)::int >= 2 and (
			select sum(case when d > 9 then d - 9 else d end) % 10 = 0
			from (select substr(replace(p, '-', ''), i, 1)::int * (case when i % 2 = 1 then 2 else 1 end) as d
				from generate_series(1, 10) as i) as digits)
	$$`.execute(db);

	await sql`create table asf_enterprise (
		id integer generated always as identity primary key,
		region_id integer not null references region (id),
		slug text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
		name text not null check (length(trim(name)) between 2 and 160),
		org_number text not null check (asf_org_number_valid(org_number)),
		legal_form text not null check (legal_form in ('ekonomisk_forening', 'aktiebolag_svb', 'aktiebolag',
			'ideell_forening', 'stiftelse', 'handelsbolag', 'annan')),
		business_lines text[] not null default '{}',
		municipalities text[] not null default '{}',
		-- The four criteria of the Swedish definition, each {"met": boolean, "note": text}.
		criteria jsonb not null default '{}' check (jsonb_typeof(criteria) = 'object'),
		skoopi_member boolean not null default false,
		certified_on date,
		certified_until date generated always as ((certified_on + interval '2 years')::date) stored,
		target_groups text[] not null default '{}',
		follow_up text[] not null default '{}',
		follow_up_note text not null default '' check (length(follow_up_note) <= 1000),
		contacts jsonb not null default '[]' check (jsonb_typeof(contacts) = 'array'),
		summary text not null default '' check (length(summary) <= 300),
		description text not null default '' check (length(description) <= 20000),
		description_html text,
		website text not null default '' check (website = '' or website ~ '^https?://'),
		image_key text,
		image_width integer,
		image_height integer,
		image_alt text not null default '',
		image_caption text not null default '' check (length(image_caption) <= 300),
		active boolean not null default true,
		search tsvector generated always as (
			setweight(to_tsvector('swedish', name), 'A') ||
			setweight(to_tsvector('swedish', summary), 'B') ||
			setweight(to_tsvector('swedish', description), 'C')) stored,
		version integer not null default 1,
		created_by integer references app_user (id) on delete set null,
		updated_by integer references app_user (id) on delete set null,
		created_at timestamptz not null default now(),
		updated_at timestamptz not null default now(),
		constraint asf_enterprise_slug_key unique (region_id, slug),
		constraint asf_enterprise_org_number_key unique (region_id, org_number),
		constraint asf_enterprise_image_has_alt check (image_key is null or length(trim(image_alt)) > 0)
	)`.execute(db);
	await sql`create index asf_enterprise_region_idx on asf_enterprise (region_id, name) where active`.execute(db);
	await sql`create index asf_enterprise_municipalities_idx on asf_enterprise using gin (municipalities)`.execute(db);
	await sql`create index asf_enterprise_search_idx on asf_enterprise using gin (search)`.execute(db);

	await sql`create table asf_workplace (
		id integer generated always as identity primary key,
		enterprise_id integer not null references asf_enterprise (id) on delete cascade,
		name text not null check (length(trim(name)) between 2 and 160),
		street text not null default '' check (length(street) <= 200),
		postal_code text not null default '' check (postal_code = '' or postal_code ~ '^[0-9]{3} ?[0-9]{2}$'),
		city text not null default '' check (length(city) <= 100),
		municipality text not null check (length(trim(municipality)) between 2 and 100),
		position integer not null default 0
	)`.execute(db);
	await sql`create index asf_workplace_enterprise_idx on asf_workplace (enterprise_id, position)`.execute(db);

	await sql`create table asf_staffing (
		enterprise_id integer not null references asf_enterprise (id) on delete cascade,
		year integer not null check (year between 2000 and 2100),
		employees integer not null check (employees >= 0),
		from_target_groups integer not null check (from_target_groups >= 0),
		primary key (enterprise_id, year),
		constraint asf_staffing_share check (from_target_groups <= employees)
	)`.execute(db);

	await sql`create table asf_place (
		id integer generated always as identity primary key,
		enterprise_id integer not null references asf_enterprise (id) on delete cascade,
		kind text not null check (kind in ('arbetstraning', 'forstarkt_arbetstraning', 'praktik',
			'forrehabilitering', 'arbetsprovning', 'anstallning_med_stod')),
		max_places integer not null check (max_places between 0 and 1000),
		free_places integer not null check (free_places >= 0),
		free_as_of timestamptz not null default now(),
		constraint asf_place_kind_key unique (enterprise_id, kind),
		constraint asf_place_free_within_max check (free_places <= max_places)
	)`.execute(db);
	await sql`create index asf_place_free_idx on asf_place (enterprise_id) where free_places > 0`.execute(db);

	// Every report of a free count: who (a person, or the enterprise through its link), when, and
	// whether it was "no change" (which counts as an update too).
	await sql`create table asf_place_history (
		id bigint generated always as identity primary key,
		place_id integer not null references asf_place (id) on delete cascade,
		free_places integer not null check (free_places >= 0),
		via text not null check (via in ('samordnare', 'lank', 'ingen_andring')),
		recorded_by integer references app_user (id) on delete set null,
		recorded_at timestamptz not null default now()
	)`.execute(db);
	await sql`create index asf_place_history_place_idx on asf_place_history (place_id, recorded_at desc)`.execute(db);

	// The link an enterprise keeps: its SHA-256 finds the enterprise; the token itself is sealed by the
	// servers so the monthly mail can carry the same link again.
	await sql`create table asf_update_link (
		enterprise_id integer primary key references asf_enterprise (id) on delete cascade,
		token_hash bytea not null unique check (length(token_hash) = 32),
		token_sealed bytea not null,
		created_by integer references app_user (id) on delete set null,
		created_at timestamptz not null default now(),
		last_used_at timestamptz
	)`.execute(db);

	// The monthly mail with each enterprise's link: one row per enterprise and month, so a month's mail
	// goes out once however often the worker's job runs.
	await sql`create table asf_link_mail (
		enterprise_id integer not null references asf_enterprise (id) on delete cascade,
		month date not null check (extract(day from month) = 1),
		recipients integer not null check (recipients > 0),
		sent_at timestamptz not null default now(),
		primary key (enterprise_id, month)
	)`.execute(db);

	// The daily watch's mails: one row per item, threshold and the date it ends, so each threshold
	// of a certification (and, later, an agreement) is mailed once; a renewed one is watched anew.
	await sql`create table asf_watch_mail (
		enterprise_id integer not null references asf_enterprise (id) on delete cascade,
		kind text not null check (kind in ('certifiering')),
		threshold_days integer not null check (threshold_days > 0),
		ends_on date not null,
		recipients integer not null check (recipients >= 0),
		sent_at timestamptz not null default now(),
		primary key (enterprise_id, kind, threshold_days, ends_on)
	)`.execute(db);
	// Where the watch mails a region's news: its ASF-samordnare (else the platform admins). For the
	// worker only: nobody else may read other people's addresses.
	await sql`create function app_asf_coordinator_emails(p_region_id integer) returns text[]
		language plpgsql stable security definer set search_path = pg_catalog, public as $$
		declare v_emails text[];
		begin
			if not pg_has_role(session_user, 'rp_worker', 'member') then
				return '{}';
			end if;
			select coalesce(array_agg(distinct u.email order by u.email), '{}') into v_emails
			from public.membership m join public.app_user u on u.id = m.user_id
			where m.region_id = p_region_id and m.role = 'asf_coordinator';
			if cardinality(v_emails) = 0 then
				select coalesce(array_agg(distinct u.email order by u.email), '{}') into v_emails
				from public.membership m join public.app_user u on u.id = m.user_id where m.role = 'platform_admin';
			end if;
			return v_emails;
		end
	$$`.execute(db);
	await sql`revoke all on function app_asf_coordinator_emails(integer) from public`.execute(db);
	await sql`grant execute on function app_asf_coordinator_emails(integer) to rp_worker`.execute(db);

	// Internal notes on an enterprise: quality remarks, contact history, an editor's wish for a change.
	// Kept as written: no update or delete for anyone.
	await sql`create table asf_note (
		id integer generated always as identity primary key,
		enterprise_id integer not null references asf_enterprise (id) on delete cascade,
		body text not null check (length(trim(body)) between 2 and 4000),
		author_id integer references app_user (id) on delete set null,
		created_at timestamptz not null default now()
	)`.execute(db);
	await sql`create index asf_note_enterprise_idx on asf_note (enterprise_id, created_at desc)`.execute(db);

	// What the enterprise's link opens: its name and places, by the link's hash.
	await sql`create function asf_places_by_link(p_hash bytea) returns table (
		enterprise_id integer, region_id integer, enterprise_name text, place_id integer, kind text,
		max_places integer, free_places integer, free_as_of timestamptz)
		language sql stable security definer set search_path = pg_catalog, public as $$
		select e.id, e.region_id, e.name, p.id, p.kind, p.max_places, p.free_places, p.free_as_of
		from asf_update_link l join asf_enterprise e on e.id = l.enterprise_id
		left join asf_place p on p.enterprise_id = e.id
		where l.token_hash = p_hash
		order by p.kind
	$$`.execute(db);
	// The enterprise's report through its link: the free count per place ({"<place id>": n}), or null
	// for "no change". Every place of the enterprise gets a dated history row either way. Answers the
	// enterprise's id, or null when the link is unknown.
	await sql`create function asf_report_by_link(p_hash bytea, p_counts jsonb) returns integer
		language plpgsql volatile security definer set search_path = pg_catalog, public as $$
		declare
			v_enterprise integer;
			v_place record;
			v_free integer;
		begin
			select enterprise_id into v_enterprise from asf_update_link where token_hash = p_hash for update;
			if v_enterprise is null then
				return null;
			end if;
			for v_place in select * from asf_place where enterprise_id = v_enterprise order by id for update loop
				if p_counts is null then
					v_free := v_place.free_places;
				else
					if not (p_counts ? v_place.id::text) then
						raise exception 'asf report: place % has no count', v_place.id using errcode = 'check_violation';
					end if;
					v_free := (p_counts ->> v_place.id::text)::integer;
				end if;
				update asf_place set free_places = v_free, free_as_of = now() where id = v_place.id;
				insert into asf_place_history (place_id, free_places, via)
				values (v_place.id, v_free, case when p_counts is null then 'ingen_andring' else 'lank' end);
			end loop;
			update asf_update_link set last_used_at = now() where enterprise_id = v_enterprise;
			return v_enterprise;
		end
	$$`.execute(db);
	for (const fn of ['asf_places_by_link(bytea)', 'asf_report_by_link(bytea, jsonb)']) {
		await sql`revoke all on function ${sql.raw(fn)} from public`.execute(db);
		await sql`grant execute on function ${sql.raw(fn)} to rp_app`.execute(db);
	}

	await sql`grant select, insert, update, delete on asf_enterprise, asf_workplace, asf_staffing, asf_place,
		asf_update_link to rp_app`.execute(db);
	await sql`grant select, insert on asf_place_history, asf_note to rp_app`.execute(db);
	await sql`grant select on asf_link_mail to rp_app`.execute(db);
	// The worker mails each active enterprise its link once a month: it reads the enterprise's name,
	// region and contacts, the sealed token, and the region's hub address.
	await sql`grant select (id, region_id, name, contacts, active, certified_until) on asf_enterprise to rp_worker`.execute(
		db
	);
	await sql`grant select, insert on asf_watch_mail to rp_worker`.execute(db);
	await sql`grant select on asf_watch_mail to rp_app`.execute(db);
	await sql`grant select (enterprise_id, token_sealed) on asf_update_link to rp_worker`.execute(db);
	await sql`grant select, insert on asf_link_mail to rp_worker`.execute(db);
	await sql`grant select (id, slug, hub_origin) on region to rp_worker`.execute(db);
	for (const table of TABLES) {
		await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
		await sql`alter table ${sql.table(table)} force row level security`.execute(db);
	}
	// A visitor's read is decided without a function call (CASE keeps the order), as for projects.
	await sql`create policy asf_enterprise_read on asf_enterprise for select using (case
		when active then true
		when app_user_id() is null then false
		else app_is_asf_coordinator(region_id) end)`.execute(db);
	await sql`create policy asf_enterprise_insert on asf_enterprise for insert
		with check (app_is_asf_coordinator(region_id))`.execute(db);
	await sql`create policy asf_enterprise_update on asf_enterprise for update
		using (app_is_asf_coordinator(region_id)) with check (app_is_asf_coordinator(region_id))`.execute(db);
	await sql`create policy asf_enterprise_delete on asf_enterprise for delete
		using (app_is_asf_coordinator(region_id))`.execute(db);

	const read = sql`exists (select 1 from asf_enterprise e where e.id = enterprise_id)`;
	const write = sql`exists (select 1 from asf_enterprise e where e.id = enterprise_id
		and app_is_asf_coordinator(e.region_id))`;
	for (const table of ['asf_workplace', 'asf_staffing', 'asf_place']) {
		await sql`create policy ${sql.id(`${table}_read`)} on ${sql.table(table)} for select using (${read})`.execute(db);
		await sql`create policy ${sql.id(`${table}_insert`)} on ${sql.table(table)} for insert
			with check (${write})`.execute(db);
		await sql`create policy ${sql.id(`${table}_update`)} on ${sql.table(table)} for update
			using (${write}) with check (${write})`.execute(db);
		await sql`create policy ${sql.id(`${table}_delete`)} on ${sql.table(table)} for delete
			using (${write})`.execute(db);
	}
	// The history and the link are the coordinator's alone (the enterprise goes through the functions).
	await sql`create policy asf_place_history_coordinator on asf_place_history for all
		using (exists (select 1 from asf_place p join asf_enterprise e on e.id = p.enterprise_id
			where p.id = place_id and app_is_asf_coordinator(e.region_id)))
		with check (exists (select 1 from asf_place p join asf_enterprise e on e.id = p.enterprise_id
			where p.id = place_id and app_is_asf_coordinator(e.region_id)))`.execute(db);
	await sql`create policy asf_update_link_coordinator on asf_update_link for all
		using (${write}) with check (${write})`.execute(db);
	for (const table of ['asf_enterprise', 'asf_update_link', 'asf_link_mail', 'asf_watch_mail']) {
		await sql`create policy ${sql.id(`${table}_worker`)} on ${sql.table(table)} for all to rp_worker
			using (true) with check (true)`.execute(db);
	}
	await sql`create policy asf_link_mail_coordinator on asf_link_mail for select to rp_app using (${write})`.execute(db);
	await sql`create policy asf_watch_mail_coordinator on asf_watch_mail for select to rp_app using (${write})`.execute(
		db
	);
	const staff = sql`exists (select 1 from asf_enterprise e where e.id = enterprise_id and app_is_asf_staff(e.region_id))`;
	// An enterprise's image is a stored file too: no other item may be handed its key.
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
			or exists (select 1 from asf_enterprise where image_key = p_key)
	$$`.execute(db);
	await sql`create policy asf_note_read on asf_note for select using (${staff})`.execute(db);
	await sql`create policy asf_note_insert on asf_note for insert
		with check (author_id = app_user_id() and exists (select 1 from asf_enterprise e
			where e.id = enterprise_id and app_may_note_asf(e.region_id)))`.execute(db);
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
			or exists (select 1 from document where storage_key = p_key)
			or exists (select 1 from insats where referral_key = p_key)
	$$`.execute(db);
	await sql`revoke select (id, slug, hub_origin) on region from rp_worker`.execute(db);
	for (const table of [...TABLES].reverse()) await sql`drop table ${sql.table(table)}`.execute(db);
	await sql`drop function asf_report_by_link(bytea, jsonb)`.execute(db);
	await sql`drop function app_asf_coordinator_emails(integer)`.execute(db);
	await sql`drop function asf_places_by_link(bytea)`.execute(db);
	await sql`drop function asf_org_number_valid(text)`.execute(db);
	await sql`drop function app_may_note_asf(integer)`.execute(db);
	await sql`drop function app_is_asf_staff(integer)`.execute(db);
	await sql`drop function app_is_asf_coordinator(integer)`.execute(db);
	await sql`update forbund set features = array(select unnest(features) intersect select unnest(${FEATURES_BEFORE}))`.execute(
		db
	);
	await sql`update region set features_off = array(select unnest(features_off) intersect select unnest(${FEATURES_BEFORE}))`.execute(
		db
	);
	await sql`delete from menu_entry where not (feature = any (${FEATURES_BEFORE}))`.execute(db);
	await setFeatures(db, FEATURES_BEFORE);
}
