import { type Kysely, sql } from 'kysely';

// Frozen in time: imports nothing but kysely.
//
// The editorial side of insatser (migration 0021 holds the tables):
// - app_insats_approver_emails(): where a submitted insats is mailed, the förbund's
//   katalogadministratörer and admins (else the platform admins, so a submit never goes unheard).
//   Security definer, since a writer may not read other people's addresses; it answers only a
//   writer of that förbund's insatser, or the worker.
// - app_insats_review_due(): the one definition of "not reviewed for 12 months" (published, and
//   "granskad senast", else the first publication, a year or more before the date asked about). It
//   runs as its caller, so row-level security decides whose insatser it lists.
// - insats_review_reminder: the monthly reminders sent, one row per förbund and month, so a job
//   run again (a retry, a second worker) never mails twice.
// - The worker may now add mail to the outbox (the reminders).
// - Approvers' rights as triggers, the last line behind the API (row-level security lets every
//   writer update a row, and cannot see a transition): a published insats is changed only by an
//   approver, but for its life status and intake, which every writer keeps up to date; its years
//   likewise; and only an approver leaves a send-back comment.

export async function up(db: Kysely<any>): Promise<void> {
	await sql`create function app_insats_approver_emails(p_forbund_id integer) returns text[]
		language plpgsql stable security definer set search_path = pg_catalog, public as $$
		declare v_emails text[];
		begin
			if not (public.app_can_edit_insats(p_forbund_id) or pg_has_role(session_user, 'rp_worker', 'member')) then
				return '{}';
			end if;
			select coalesce(array_agg(distinct u.email order by u.email), '{}') into v_emails
			from public.membership m join public.app_user u on u.id = m.user_id
			where m.forbund_id = p_forbund_id and m.role in ('catalogue_admin', 'forbund_admin');
			if cardinality(v_emails) = 0 then
				select coalesce(array_agg(distinct u.email order by u.email), '{}') into v_emails
				from public.membership m join public.app_user u on u.id = m.user_id
				where m.role = 'platform_admin';
			end if;
			return v_emails;
		end
	$$`.execute(db);
	await sql`revoke all on function app_insats_approver_emails(integer) from public`.execute(db);
	await sql`grant execute on function app_insats_approver_emails(integer) to rp_app, rp_worker`.execute(db);

	await sql`create function app_insats_review_due(p_as_of date)
		returns table (id integer, forbund_id integer, region_id integer, name text, slug text, reviewed_at date,
			first_published_at timestamptz)
		language sql stable as $$
		select i.id, i.forbund_id, i.region_id, i.name, i.slug, i.reviewed_at, i.first_published_at
		from insats i
		where i.status = 'published'
			and coalesce(i.reviewed_at, i.first_published_at::date) <= (p_as_of - interval '12 months')::date
		order by coalesce(i.reviewed_at, i.first_published_at::date), i.name
	$$`.execute(db);
	await sql`grant execute on function app_insats_review_due(date) to rp_app, rp_worker`.execute(db);

	await sql`create table insats_review_reminder (
		id integer generated always as identity primary key,
		forbund_id integer not null references forbund (id) on delete cascade,
		month date not null check (extract(day from month) = 1),
		insats_count integer not null check (insats_count > 0),
		sent_at timestamptz not null default now(),
		constraint insats_review_reminder_key unique (forbund_id, month)
	)`.execute(db);
	await sql`alter table insats_review_reminder enable row level security`.execute(db);
	await sql`alter table insats_review_reminder force row level security`.execute(db);
	await sql`grant select, insert on insats_review_reminder to rp_worker`.execute(db);
	await sql`grant select on insats_review_reminder to rp_app`.execute(db);
	await sql`create policy insats_review_reminder_worker on insats_review_reminder for all to rp_worker
		using (true) with check (true)`.execute(db);
	await sql`create policy insats_review_reminder_approvers on insats_review_reminder for select to rp_app
		using (app_can_approve_insats(forbund_id))`.execute(db);

	await sql`grant insert on mail_outbox to rp_worker`.execute(db);
	// The reminder names the förbund and links to its site.
	await sql`grant select (id, region_id, slug, name, short_name, origin) on forbund to rp_worker`.execute(db);

	await sql`create function insats_approver_rights() returns trigger language plpgsql
		set search_path = pg_catalog, public as $fn$
	declare
		-- What any writer may change on a published insats (and what every write changes anyway).
		v_free text[] := array['life_status', 'intake', 'intake_as_of', 'version', 'updated_at', 'updated_by', 'search'];
	begin
		-- The owner's own scripts (demo data, no app.user_id) are not asked.
		if app_user_id() is null or app_can_approve_insats(new.forbund_id) then return new; end if;
		if old.status = 'published' and (to_jsonb(new) - v_free) is distinct from (to_jsonb(old) - v_free) then
			raise exception 'insats %: only an approver changes a published insats', old.id
				using errcode = 'insufficient_privilege';
		end if;
		if new.review_comment is distinct from old.review_comment and new.review_comment <> '' then
			raise exception 'insats %: only an approver sends an insats back', old.id using errcode = 'insufficient_privilege';
		end if;
		return new;
	end
	$fn$`.execute(db);
	await sql`create trigger insats_approver_rights before update on insats
		for each row execute function insats_approver_rights()`.execute(db);

	await sql`create function insats_year_approver_rights() returns trigger language plpgsql
		set search_path = pg_catalog, public as $fn$
	declare v_insats_id integer := case when tg_op = 'DELETE' then old.insats_id else new.insats_id end;
	begin
		if app_user_id() is not null and exists (select 1 from insats i where i.id = v_insats_id
			and i.status = 'published' and not app_can_approve_insats(i.forbund_id)) then
			raise exception 'insats %: only an approver changes a published insats''s years', v_insats_id
				using errcode = 'insufficient_privilege';
		end if;
		return case when tg_op = 'DELETE' then old else new end;
	end
	$fn$`.execute(db);
	await sql`create trigger insats_year_approver_rights before insert or update or delete on insats_year
		for each row execute function insats_year_approver_rights()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`drop trigger insats_year_approver_rights on insats_year`.execute(db);
	await sql`drop function insats_year_approver_rights()`.execute(db);
	await sql`drop trigger insats_approver_rights on insats`.execute(db);
	await sql`drop function insats_approver_rights()`.execute(db);
	await sql`revoke select (id, region_id, slug, name, short_name, origin) on forbund from rp_worker`.execute(db);
	await sql`revoke insert on mail_outbox from rp_worker`.execute(db);
	await sql`drop table insats_review_reminder`.execute(db);
	await sql`drop function app_insats_review_due(date)`.execute(db);
	await sql`drop function app_insats_approver_emails(integer)`.execute(db);
}
