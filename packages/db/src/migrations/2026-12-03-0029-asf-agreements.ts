import { type Kysely, sql } from 'kysely';

// Frozen in time: imports nothing but kysely.
//
// ASF coordination, its agreements: who buys training places from a social enterprise (a förbund, a
// municipality, Arbetsförmedlingen or a project), in which form (LOU, reserved procurement under
// LOU 4 kap. 18 §, LOV, IOP, direct award, Arbetsförmedlingen's own agreement), for which period and
// which places, the documents of the library it rests on, and the daily watch's mails before it ends.
//
// The public part (buyer, enterprise, form, period, places) and the internal part (value, price per
// day, diarienummer, notes) are two tables: a visitor's read of the public one is decided without a
// function call, and the internal one is the region's ASF staff's alone (app_is_asf_staff), so no
// column-level trick is needed to keep the money out of a visitor's answer.
//
// The direct award threshold is dated configuration: it changes every two years (with the EU
// thresholds), and an agreement is judged by the threshold in force on its start date.

const TABLES = [
	'asf_direct_award_threshold',
	'asf_agreement',
	'asf_agreement_internal',
	'asf_agreement_place',
	'asf_agreement_document',
	'asf_agreement_watch_mail'
];

export async function up(db: Kysely<any>): Promise<void> {
	// The direct award threshold under LOU (19 kap.), for all contracting authorities: 586 907 kr from
	// 2018, 615 312 kr from 2020, the fixed 700 000 kr from 1 February 2022, unchanged for 2024–2025.
	await sql`create table asf_direct_award_threshold (
		valid_from date primary key,
		amount_sek integer not null check (amount_sek > 0)
	)`.execute(db);
	await sql`insert into asf_direct_award_threshold (valid_from, amount_sek) values
		('2018-01-01', 586907), ('2020-01-01', 615312), ('2022-02-01', 700000), ('2024-01-01', 700000)`.execute(db);

	// The composite keys let an agreement's enterprise and buying förbund be of its own region by
	// foreign key, not by a trigger.
	await sql`alter table asf_enterprise add constraint asf_enterprise_region_key unique (id, region_id)`.execute(db);
	await sql`alter table forbund add constraint forbund_region_key unique (id, region_id)`.execute(db);

	await sql`create table asf_agreement (
		id integer generated always as identity primary key,
		region_id integer not null references region (id),
		enterprise_id integer not null,
		title text not null check (length(trim(title)) between 2 and 200),
		buyer_kind text not null check (buyer_kind in ('forbund', 'kommun', 'arbetsformedlingen', 'projekt')),
		buyer_forbund_id integer,
		buyer_project_id integer references project (id),
		buyer_municipality text check (length(trim(buyer_municipality)) between 2 and 100),
		form text not null check (form in ('lou', 'reserverad', 'lov', 'iop', 'direktupphandling', 'af_avtal')),
		starts_on date not null,
		ends_on date not null,
		extension text not null default '' check (length(extension) <= 300),
		status text not null default 'utkast' check (status in ('utkast', 'aktivt', 'avslutat', 'uppsagt')),
		insats_id integer references insats (id) on delete set null,
		project_id integer references project (id) on delete set null,
		version integer not null default 1,
		created_by integer references app_user (id) on delete set null,
		updated_by integer references app_user (id) on delete set null,
		created_at timestamptz not null default now(),
		updated_at timestamptz not null default now(),
		constraint asf_agreement_enterprise_fkey foreign key (enterprise_id, region_id)
			references asf_enterprise (id, region_id) on delete cascade,
		constraint asf_agreement_buyer_forbund_fkey foreign key (buyer_forbund_id, region_id)
			references forbund (id, region_id),
		constraint asf_agreement_buyer check (
			(buyer_kind = 'forbund') = (buyer_forbund_id is not null)
			and (buyer_kind = 'projekt') = (buyer_project_id is not null)
			and (buyer_kind = 'kommun') = (buyer_municipality is not null)),
		constraint asf_agreement_period check (ends_on >= starts_on)
	)`.execute(db);
	await sql`create index asf_agreement_region_idx on asf_agreement (region_id, ends_on)`.execute(db);
	await sql`create index asf_agreement_enterprise_idx on asf_agreement (enterprise_id, starts_on desc)`.execute(db);
	await sql`create index asf_agreement_watch_idx on asf_agreement (ends_on) where status = 'aktivt'`.execute(db);

	await sql`create table asf_agreement_internal (
		agreement_id integer primary key references asf_agreement (id) on delete cascade,
		-- The whole agreement's value, options included (what the direct award threshold is measured by).
		value_sek bigint check (value_sek >= 0),
		-- Arbetsförmedlingen's agreement: paid per participant and day present.
		price_per_day_sek integer check (price_per_day_sek between 0 and 100000),
		diarienummer text not null default '' check (length(diarienummer) <= 60),
		notes text not null default '' check (length(notes) <= 4000)
	)`.execute(db);

	await sql`create table asf_agreement_place (
		agreement_id integer not null references asf_agreement (id) on delete cascade,
		kind text not null check (kind in ('arbetstraning', 'forstarkt_arbetstraning', 'praktik',
			'forrehabilitering', 'arbetsprovning', 'anstallning_med_stod')),
		places integer not null check (places between 1 and 1000),
		primary key (agreement_id, kind)
	)`.execute(db);

	await sql`create table asf_agreement_document (
		agreement_id integer not null references asf_agreement (id) on delete cascade,
		document_id integer not null references document (id) on delete cascade,
		linked_by integer references app_user (id) on delete set null,
		linked_at timestamptz not null default now(),
		primary key (agreement_id, document_id)
	)`.execute(db);
	await sql`create index asf_agreement_document_document_idx on asf_agreement_document (document_id)`.execute(db);

	// One row per agreement, threshold and end date: each threshold is mailed once, and an extended
	// agreement (a new end date) is watched anew.
	await sql`create table asf_agreement_watch_mail (
		agreement_id integer not null references asf_agreement (id) on delete cascade,
		threshold_days integer not null check (threshold_days > 0),
		ends_on date not null,
		recipients integer not null check (recipients >= 0),
		sent_at timestamptz not null default now(),
		primary key (agreement_id, threshold_days, ends_on)
	)`.execute(db);

	// Funded places left unused: the places of an active agreement (running for 30 days at least) of
	// a kind whose free count, by the dated reports, stayed above zero all through the last 30 days.
	// Security definer because the history is the coordinator's, while the region's insatspersonal
	// see the flag too; the function answers nothing to anyone else.
	await sql`create function asf_unused_funded_places(p_region_id integer, p_at timestamptz) returns table (
		agreement_id integer, agreement_title text, enterprise_id integer, enterprise_name text,
		enterprise_slug text, kind text, funded_places integer, free_places integer, free_as_of timestamptz)
		language sql stable security definer set search_path = pg_catalog, public as $$
		select a.id, a.title, e.id, e.name, e.slug, ap.kind, ap.places, p.free_places, p.free_as_of
		from asf_agreement a
		join asf_enterprise e on e.id = a.enterprise_id
		join asf_agreement_place ap on ap.agreement_id = a.id
		join asf_place p on p.enterprise_id = e.id and p.kind = ap.kind
		where app_is_asf_staff(p_region_id) and a.region_id = p_region_id and a.status = 'aktivt'
			and a.starts_on <= (p_at - interval '30 days')::date and a.ends_on >= p_at::date
			and p.free_places > 0
			-- The count in force when the window opened was above zero (no history: the place's own
			-- count, if it is that old) …
			and coalesce(
				(select h.free_places > 0 from asf_place_history h
					where h.place_id = p.id and h.recorded_at <= p_at - interval '30 days'
					order by h.recorded_at desc, h.id desc limit 1),
				p.free_as_of <= p_at - interval '30 days')
			-- … and every report since was too.
			and not exists (select 1 from asf_place_history h where h.place_id = p.id
				and h.recorded_at > p_at - interval '30 days' and h.recorded_at <= p_at and h.free_places = 0)
		order by e.name, a.id, ap.kind
	$$`.execute(db);
	await sql`revoke all on function asf_unused_funded_places(integer, timestamptz) from public`.execute(db);
	await sql`grant execute on function asf_unused_funded_places(integer, timestamptz) to rp_app`.execute(db);

	await sql`grant select on asf_direct_award_threshold to rp_app`.execute(db);
	await sql`grant select, insert, update, delete on asf_agreement, asf_agreement_internal, asf_agreement_place,
		asf_agreement_document to rp_app`.execute(db);
	await sql`grant select on asf_agreement_watch_mail to rp_app`.execute(db);
	// The watch reads what it mails about: the agreement's title, enterprise, end date and status.
	await sql`grant select (id, region_id, enterprise_id, title, ends_on, status) on asf_agreement to rp_worker`.execute(
		db
	);
	await sql`grant select, insert on asf_agreement_watch_mail to rp_worker`.execute(db);

	for (const table of TABLES) {
		await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
		await sql`alter table ${sql.table(table)} force row level security`.execute(db);
	}
	await sql`create policy asf_direct_award_threshold_read on asf_direct_award_threshold for select
		using (true)`.execute(db);

	// A visitor's read: an agreement in force or past (not a draft) of an active enterprise, decided
	// without a function call (CASE keeps the order); the region's ASF staff read all of theirs.
	await sql`create policy asf_agreement_read on asf_agreement for select using (case
		when status <> 'utkast' and exists (select 1 from asf_enterprise e where e.id = enterprise_id and e.active)
			then true
		when app_user_id() is null then false
		else app_is_asf_staff(region_id) end)`.execute(db);
	await sql`create policy asf_agreement_insert on asf_agreement for insert
		with check (app_is_asf_coordinator(region_id))`.execute(db);
	await sql`create policy asf_agreement_update on asf_agreement for update
		using (app_is_asf_coordinator(region_id)) with check (app_is_asf_coordinator(region_id))`.execute(db);
	await sql`create policy asf_agreement_delete on asf_agreement for delete
		using (app_is_asf_coordinator(region_id))`.execute(db);
	await sql`create policy asf_agreement_worker on asf_agreement for select to rp_worker using (true)`.execute(db);

	const visible = sql`exists (select 1 from asf_agreement a where a.id = agreement_id)`;
	const staff = sql`exists (select 1 from asf_agreement a where a.id = agreement_id and app_is_asf_staff(a.region_id))`;
	const keeper = sql`exists (select 1 from asf_agreement a where a.id = agreement_id
		and app_is_asf_coordinator(a.region_id))`;
	const rules: [string, typeof visible][] = [
		['asf_agreement_place', visible],
		['asf_agreement_internal', staff],
		['asf_agreement_document', staff]
	];
	for (const [table, read] of rules) {
		await sql`create policy ${sql.id(`${table}_read`)} on ${sql.table(table)} for select using (${read})`.execute(db);
		await sql`create policy ${sql.id(`${table}_update`)} on ${sql.table(table)} for update
			using (${keeper}) with check (${keeper})`.execute(db);
		await sql`create policy ${sql.id(`${table}_delete`)} on ${sql.table(table)} for delete
			using (${keeper})`.execute(db);
	}
	await sql`create policy asf_agreement_place_insert on asf_agreement_place for insert with check (${keeper})`.execute(
		db
	);
	await sql`create policy asf_agreement_internal_insert on asf_agreement_internal for insert
		with check (${keeper})`.execute(db);
	// A linked document is one of the same region's library.
	await sql`create policy asf_agreement_document_insert on asf_agreement_document for insert
		with check (linked_by = app_user_id() and exists (select 1 from asf_agreement a join document d
			on d.region_id = a.region_id where a.id = agreement_id and d.id = document_id
			and app_is_asf_coordinator(a.region_id)))`.execute(db);

	await sql`create policy asf_agreement_watch_mail_worker on asf_agreement_watch_mail for all to rp_worker
		using (true) with check (true)`.execute(db);
	await sql`create policy asf_agreement_watch_mail_coordinator on asf_agreement_watch_mail for select to rp_app
		using (${keeper})`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`drop function asf_unused_funded_places(integer, timestamptz)`.execute(db);
	for (const table of [...TABLES].reverse()) await sql`drop table ${sql.table(table)}`.execute(db);
	await sql`alter table forbund drop constraint forbund_region_key`.execute(db);
	await sql`alter table asf_enterprise drop constraint asf_enterprise_region_key`.execute(db);
}
