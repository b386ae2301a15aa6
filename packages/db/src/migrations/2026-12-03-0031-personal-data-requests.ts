import { sql, type Kysely } from 'kysely';

// Personal data on request (GDPR articles 15 and 17). personal_data_request records each request:
// who handled it, for whom, what kind, when it came in, when the answer is due (one month), when it
// was done and what each domain did. It must prove the request was handled without becoming a copy
// of what was erased: it holds the account id and a SHA-256 of the lower-cased address (enough to
// show, when the person asks again, that their request was answered), and a masked label to read.
// Entries are evidence, so the servers may add and read them, never change or remove them.
//
// Erasure runs as the calling admin under RLS. Append-only tables (revisions, histories, steps) and
// a few others get, for erasure alone, the right to clear the one column that links the person, or
// to delete a row that exists only for them, and only for those who may handle personal data there.

const UNLINK: Record<string, string[]> = {
	meeting_minutes: ['created_by', 'updated_by', 'approved_by', 'published_by'],
	news_revision: ['saved_by', 'contact_name', 'contact_email'],
	content_page_revision: ['saved_by'],
	minutes_attendee: ['user_id'],
	insats_revision: ['saved_by'],
	project_revision: ['saved_by'],
	asf_place_history: ['recorded_by'],
	asf_note: ['author_id'],
	asf_request_step: ['recorded_by'],
	region: ['contact_name', 'contact_email', 'contact_phone'],
	forbund: ['contact_email', 'contact_phone']
};
const DELETE = ['accessibility_report', 'mail_outbox'];
/** Tables whose rows belong to a förbund, so its admins handle that part; the rest is the platform's. */
const FORBUND_COLUMN: Record<string, string> = {
	minutes_attendee: 'forbund_id',
	forbund: 'id',
	accessibility_report: 'forbund_id',
	mail_outbox: 'forbund_id'
};

const policyName = (table: string) => `${table}_personal_data`;

// Approved minutes are frozen (0008). The archive rule keeps them as they are except for the links
// to accounts: an update that only clears those (an erasure, or a removed account's on delete set
// null, which the freeze refused before) passes; any other change still needs a correction.
// search is generated, and not yet computed in a before trigger's new row.
const MINUTES_LINKS = sql`array['created_by', 'updated_by', 'approved_by', 'published_by', 'search']`;
const minutesFreeze = (unlinkable: boolean) => sql`create or replace function minutes_freeze() returns trigger
	language plpgsql as $$
	begin
		if tg_op = 'DELETE' then
			if old.status <> 'draft' then raise exception 'approved minutes cannot be deleted' using errcode = 'check_violation'; end if;
			return old;
		end if;
		if old.status = 'draft' then return new; end if;
		${
			unlinkable
				? sql`if (to_jsonb(new) - ${MINUTES_LINKS}) = (to_jsonb(old) - ${MINUTES_LINKS})
			and (new.created_by is null or new.created_by = old.created_by)
			and (new.updated_by is null or new.updated_by = old.updated_by)
			and (new.approved_by is null or new.approved_by = old.approved_by)
			and (new.published_by is null or new.published_by = old.published_by)
		then return new; end if;`
				: sql``
		}
		if old.status = 'approved' and new.status = 'published'
			and (to_jsonb(new) - array['status', 'published_by', 'published_at', 'version', 'updated_by', 'updated_at', 'search'])
				= (to_jsonb(old) - array['status', 'published_by', 'published_at', 'version', 'updated_by', 'updated_at', 'search'])
		then return new; end if;
		raise exception 'approved minutes cannot be changed; make a correction' using errcode = 'check_violation';
	end $$`;
const childFreeze = (unlinkable: boolean) => sql`create or replace function minutes_child_freeze() returns trigger
	language plpgsql as $$
	declare
		parent_status text;
	begin
		select status into parent_status from meeting_minutes
			where id = case when tg_op = 'DELETE' then old.minutes_id else new.minutes_id end;
		if parent_status is not null and parent_status <> 'draft' then
			${
				unlinkable
					? sql`if tg_op = 'UPDATE' and to_jsonb(new) ->> 'user_id' is null
				and (to_jsonb(new) - 'user_id') = (to_jsonb(old) - 'user_id') then return new; end if;`
					: sql``
			}
			raise exception 'approved minutes cannot be changed; make a correction' using errcode = 'check_violation';
		end if;
		return case when tg_op = 'DELETE' then old else new end;
	end $$`;

export async function up(db: Kysely<any>): Promise<void> {
	await minutesFreeze(true).execute(db);
	await childFreeze(true).execute(db);
	await sql`create function app_can_handle_personal_data(p_forbund_id integer) returns boolean
		language sql stable as $$
		select app_is_platform_admin() or (p_forbund_id is not null and exists (
			select 1 from membership m
			where m.user_id = app_user_id() and m.role = 'forbund_admin' and m.forbund_id = p_forbund_id))
	$$`.execute(db);
	await sql`grant execute on function app_can_handle_personal_data(integer) to rp_app`.execute(db);

	await sql`create table personal_data_request (
		id integer generated always as identity primary key,
		kind text not null check (kind in ('export', 'erase')),
		forbund_id integer references forbund (id) on delete set null,
		handled_by integer references app_user (id) on delete set null,
		subject_user_id integer,
		subject_email_sha256 bytea check (length(subject_email_sha256) = 32),
		subject_label text not null check (length(subject_label) between 1 and 200),
		received_at timestamptz not null,
		due_at timestamptz not null,
		done_at timestamptz not null default now(),
		summary jsonb not null default '[]' check (jsonb_typeof(summary) = 'array'),
		check ((subject_user_id is null) <> (subject_email_sha256 is null)),
		check (due_at = received_at + interval '1 month'),
		check (received_at <= done_at)
	)`.execute(db);
	await sql`create index personal_data_request_due_idx on personal_data_request (forbund_id, due_at desc)`.execute(db);
	await sql`alter table personal_data_request enable row level security`.execute(db);
	await sql`alter table personal_data_request force row level security`.execute(db);
	await sql`grant select, insert on personal_data_request to rp_app`.execute(db);
	await sql`create policy personal_data_request_read on personal_data_request for select
		using (app_can_handle_personal_data(forbund_id))`.execute(db);
	await sql`create policy personal_data_request_add on personal_data_request for insert
		with check (handled_by = app_user_id() and app_can_handle_personal_data(forbund_id))`.execute(db);

	for (const [table, columns] of Object.entries(UNLINK)) {
		await sql`grant update (${sql.join(columns.map((c) => sql.ref(c)))}) on ${sql.table(table)} to rp_app`.execute(db);
		const owner = FORBUND_COLUMN[table];
		const check = owner ? sql`app_can_handle_personal_data(${sql.ref(owner)})` : sql`app_is_platform_admin()`;
		await sql`create policy ${sql.id(policyName(table))} on ${sql.table(table)} for update
			using (${check}) with check (${check})`.execute(db);
	}
	for (const table of DELETE) {
		await sql`grant delete on ${sql.table(table)} to rp_app`.execute(db);
		const check = sql`app_can_handle_personal_data(${sql.ref(FORBUND_COLUMN[table]!)})`;
		await sql`create policy ${sql.id(policyName(table))} on ${sql.table(table)} for delete using (${check})`.execute(
			db
		);
	}
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of DELETE) {
		await sql`drop policy ${sql.id(policyName(table))} on ${sql.table(table)}`.execute(db);
		await sql`revoke delete on ${sql.table(table)} from rp_app`.execute(db);
	}
	for (const [table, columns] of Object.entries(UNLINK)) {
		await sql`drop policy ${sql.id(policyName(table))} on ${sql.table(table)}`.execute(db);
		await sql`revoke update (${sql.join(columns.map((c) => sql.ref(c)))}) on ${sql.table(table)} from rp_app`.execute(
			db
		);
	}
	await sql`drop table personal_data_request`.execute(db);
	await sql`drop function app_can_handle_personal_data(integer)`.execute(db);
	await childFreeze(false).execute(db);
	await minutesFreeze(false).execute(db);
}
