import { type Kysely, sql } from 'kysely';

// Frozen in time: imports nothing but kysely.
//
// ASF coordination, its place requests: a förbund's insatspersonal ask the region's ASF-samordnare
// for a training place for a participant described without personal data (an age band, needs from
// a fixed list, at most 300 characters, a municipality and a wished start). The samordnare proposes
// an enterprise and records what follows (a visit, the start, a decline), each step with its time.
//
// Who: the region's ASF staff (its ASF-samordnare and the insatspersonal of its förbund) read the
// region's requests; nothing of a request is public. A förbund's insatspersonal ask and may withdraw
// their förbund's request; the samordnare records the rest. Nobody deletes a request or rewrites a
// step: the steps are the request's history.

const NEEDS = sql`array['upptrappning', 'nara_handledning', 'struktur', 'socialt_sammanhang', 'svenska',
	'fysisk_anpassning', 'lugn_miljo', 'arbetsformagebedomning']::text[]`;
const PLACE_KINDS = sql`('arbetstraning', 'forstarkt_arbetstraning', 'praktik', 'forrehabilitering', 'arbetsprovning',
	'anstallning_med_stod')`;
// Text that looks like a personnummer or samordningsnummer (six or eight digits, a separator or none,
// four digits) is refused: a request describes a participant without naming them.
const NO_PERSONNUMMER = (column: string) =>
	sql`${sql.ref(column)} !~ '(^|[^0-9])([0-9]{2})?[0-9]{6}[-+ ]?[0-9]{4}([^0-9]|$)'`;

export async function up(db: Kysely<any>): Promise<void> {
	// The insatspersonal of one förbund (the people who ask for its participants' places).
	await sql`create function app_is_forbund_insats_staff(p_forbund_id integer) returns boolean
		language sql stable as $$
		select app_is_platform_admin() or exists (
			select 1 from membership m where m.user_id = app_user_id() and m.role = 'insats_staff'
			and m.forbund_id = p_forbund_id)
	$$`.execute(db);

	await sql`create table asf_request (
		id integer generated always as identity primary key,
		region_id integer not null references region (id),
		forbund_id integer not null references forbund (id),
		requested_by integer references app_user (id) on delete set null,
		place_kind text not null check (place_kind in ${PLACE_KINDS}),
		age_band text not null check (age_band in ('18-24', '25-29', '30-39', '40-49', '50-59', '60-66')),
		needs text[] not null default '{}' check (needs <@ ${NEEDS}),
		description text not null default '' check (length(description) <= 300 and ${NO_PERSONNUMMER('description')}),
		municipality text not null check (length(trim(municipality)) between 2 and 100),
		wished_start date not null,
		status text not null default 'ny' check (status in ('ny', 'foreslagen', 'besok', 'startad', 'avbojd',
			'aterkallad')),
		-- The enterprise proposed last (kept after a decline, so the history reads right).
		enterprise_id integer references asf_enterprise (id),
		version integer not null default 1,
		created_at timestamptz not null default now(),
		updated_at timestamptz not null default now(),
		constraint asf_request_has_enterprise check (status in ('ny', 'aterkallad') or enterprise_id is not null)
	)`.execute(db);
	await sql`create index asf_request_region_idx on asf_request (region_id, created_at desc)`.execute(db);
	await sql`create index asf_request_forbund_idx on asf_request (forbund_id, created_at desc)`.execute(db);
	await sql`create index asf_request_open_idx on asf_request (region_id) where status not in ('startad', 'aterkallad')`.execute(
		db
	);

	// Each step of a request with the time it happened (a visit may be booked ahead) and when it was
	// recorded. The note is as free of personal data as the request.
	await sql`create table asf_request_step (
		id bigint generated always as identity primary key,
		request_id integer not null references asf_request (id) on delete cascade,
		step text not null check (step in ('skapad', 'foreslagen', 'besok', 'startad', 'avbojd', 'aterkallad')),
		enterprise_id integer references asf_enterprise (id),
		happened_at timestamptz not null,
		note text not null default '' check (length(note) <= 300 and ${NO_PERSONNUMMER('note')}),
		recorded_by integer references app_user (id) on delete set null,
		recorded_at timestamptz not null default now()
	)`.execute(db);
	await sql`create index asf_request_step_request_idx on asf_request_step (request_id, id)`.execute(db);

	// Who hears of a step: the requester (when the samordnare records it) and the region's
	// ASF-samordnare (of a new request). Addresses only for those who send the mail.
	await sql`create function app_asf_requester_email(p_request_id integer) returns text
		language sql stable security definer set search_path = pg_catalog, public as $$
		select u.email from public.asf_request r join public.app_user u on u.id = r.requested_by
		where r.id = p_request_id and public.app_is_asf_coordinator(r.region_id)
	$$`.execute(db);
	await sql`create function app_asf_request_coordinator_emails(p_region_id integer) returns text[]
		language plpgsql stable security definer set search_path = pg_catalog, public as $$
		declare v_emails text[];
		begin
			if not public.app_is_asf_staff(p_region_id) then
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
	for (const fn of ['app_asf_requester_email(integer)', 'app_asf_request_coordinator_emails(integer)']) {
		await sql`revoke all on function ${sql.raw(fn)} from public`.execute(db);
		await sql`grant execute on function ${sql.raw(fn)} to rp_app`.execute(db);
	}

	await sql`grant select, insert, update on asf_request to rp_app`.execute(db);
	await sql`grant select, insert on asf_request_step to rp_app`.execute(db);
	for (const table of ['asf_request', 'asf_request_step']) {
		await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
		await sql`alter table ${sql.table(table)} force row level security`.execute(db);
	}
	// A visitor holds no membership, so every branch is false without a lookup of the request.
	await sql`create policy asf_request_read on asf_request for select using (app_is_asf_staff(region_id))`.execute(db);
	await sql`create policy asf_request_insert on asf_request for insert with check (
		requested_by = app_user_id() and status = 'ny' and enterprise_id is null
		and app_is_forbund_insats_staff(forbund_id)
		and exists (select 1 from forbund f where f.id = forbund_id and f.region_id = asf_request.region_id))`.execute(db);
	// The samordnare moves a request on; the förbund's insatspersonal may only withdraw it.
	await sql`create policy asf_request_update on asf_request for update
		using (app_is_asf_coordinator(region_id) or app_is_forbund_insats_staff(forbund_id))
		with check (app_is_asf_coordinator(region_id)
			or (app_is_forbund_insats_staff(forbund_id) and status = 'aterkallad'))`.execute(db);
	await sql`create policy asf_request_step_read on asf_request_step for select
		using (exists (select 1 from asf_request r where r.id = request_id))`.execute(db);
	await sql`create policy asf_request_step_insert on asf_request_step for insert with check (
		recorded_by = app_user_id() and exists (select 1 from asf_request r where r.id = request_id and (
			app_is_asf_coordinator(r.region_id)
			or (step in ('skapad', 'aterkallad') and app_is_forbund_insats_staff(r.forbund_id)))))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`drop table asf_request_step`.execute(db);
	await sql`drop table asf_request`.execute(db);
	await sql`drop function app_asf_request_coordinator_emails(integer)`.execute(db);
	await sql`drop function app_asf_requester_email(integer)`.execute(db);
	await sql`drop function app_is_forbund_insats_staff(integer)`.execute(db);
}
