import { type Kysely, sql } from 'kysely';

// Frozen in time: imports nothing but kysely.
//
// The document library: a förbund's (or, with no förbund, a region's) public documents — reports,
// kartläggningar, utvärderingar, verksamhetsplaner, årsredovisningar — each a stored PDF with
// title, date, type and diarienummer, optionally belonging to one insats (and from the projects
// issue on, a project). The worker extracts each PDF's text (text_status), and the Swedish
// full-text vector covers title, diarienummer and that text.
//
// - Documents are public: anyone reads one whose insats (if any) they can read.
// - Writers: the owner's news editors (app_can_edit_news) and, for a förbund, its
//   katalogadministratörer (app_can_edit_insats).
// - The worker (rp_worker) reads the new ones and writes only the extraction's columns.

export async function up(db: Kysely<any>): Promise<void> {
	await sql`create function app_can_edit_documents(p_forbund_id integer, p_region_id integer) returns boolean
		language sql stable as $$
		select app_can_edit_news(p_forbund_id, p_region_id)
			or (p_forbund_id is not null and app_can_edit_insats(p_forbund_id))
	$$`.execute(db);

	await sql`create table document (
		id integer generated always as identity primary key,
		region_id integer not null references region (id),
		forbund_id integer references forbund (id),
		insats_id integer references insats (id) on delete set null,
		title text not null check (length(trim(title)) between 2 and 300),
		document_date date not null,
		kind text not null check (kind in ('rapport', 'kartlaggning', 'utvardering', 'verksamhetsplan',
			'arsredovisning', 'protokoll', 'ovrigt')),
		diarienummer text not null default '' check (length(diarienummer) <= 60),
		description text not null default '',
		storage_key text not null unique,
		filename text not null,
		size_bytes integer not null check (size_bytes > 0),
		page_count integer check (page_count >= 0),
		text_status text not null default 'pending'
			check (text_status in ('pending', 'extracted', 'no_text', 'too_large', 'failed')),
		text text not null default '',
		extracted_at timestamptz,
		search tsvector generated always as (
			setweight(to_tsvector('swedish', title), 'A') ||
			setweight(to_tsvector('swedish', diarienummer || ' ' || description), 'B') ||
			setweight(to_tsvector('swedish', left(text, 500000)), 'C')
		) stored,
		created_by integer references app_user (id) on delete set null,
		updated_by integer references app_user (id) on delete set null,
		created_at timestamptz not null default now(),
		updated_at timestamptz not null default now()
	)`.execute(db);
	await sql`create index document_owner_idx on document (region_id, forbund_id, document_date desc, id desc)`.execute(
		db
	);
	await sql`create index document_insats_idx on document (insats_id) where insats_id is not null`.execute(db);
	await sql`create index document_search_idx on document using gin (search)`.execute(db);
	await sql`create index document_pending_idx on document (id) where text_status = 'pending'`.execute(db);

	// An insats's document is the insats's förbund's.
	await sql`create function document_owner_check() returns trigger language plpgsql
		security definer set search_path = pg_catalog, public as $fn$
	begin
		if new.insats_id is not null and not exists (
			select 1 from insats i where i.id = new.insats_id and i.forbund_id is not distinct from new.forbund_id
		) then
			raise exception 'document %: insats % is another förbund''s', new.id, new.insats_id
				using errcode = 'check_violation';
		end if;
		return new;
	end
	$fn$`.execute(db);
	await sql`create trigger document_owner_check before insert or update of insats_id, forbund_id on document
		for each row execute function document_owner_check()`.execute(db);

	await sql`grant select, insert, update, delete on document to rp_app`.execute(db);
	await sql`grant select on document to rp_worker`.execute(db);
	await sql`grant update (page_count, text_status, text, extracted_at) on document to rp_worker`.execute(db);

	await sql`alter table document enable row level security`.execute(db);
	await sql`alter table document force row level security`.execute(db);
	await sql`create policy document_read on document for select
		using (insats_id is null or exists (select 1 from insats i where i.id = insats_id))`.execute(db);
	await sql`create policy document_editors on document for all
		using (app_can_edit_documents(forbund_id, region_id))
		with check (app_can_edit_documents(forbund_id, region_id))`.execute(db);
	await sql`create policy document_worker on document for all to rp_worker using (true) with check (true)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`drop table document`.execute(db);
	await sql`drop function document_owner_check()`.execute(db);
	await sql`drop function app_can_edit_documents(integer, integer)`.execute(db);
}
