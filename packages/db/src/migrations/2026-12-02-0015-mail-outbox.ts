import { sql, type Kysely } from 'kysely';

// Mail is written to an outbox in the transaction of the change that causes it, and sent by the
// worker (packages/worker), never inside a request. The servers (rp_app) may add mail and read what
// admins may see of it (recipient, subject, status, attempts: never the body, which they cannot
// select at all); the worker (rp_worker, a role of its own) reads and updates it. Bodies are sealed
// (seal.ts) and emptied some days after sending, so the database holds no usable link in clear text.
//
// scheduled_run is the scheduler's record: one row per schedule and period, so a job runs once per
// period however many workers tick. app_enqueue_job lets a role add a job to the queue (graphile-worker,
// installed by job-queue.ts) inside its own transaction, without any right on the queue's tables.

export async function up(db: Kysely<any>): Promise<void> {
	await sql`do $$ begin
		if not exists (select from pg_roles where rolname = 'rp_worker') then create role rp_worker nologin; end if;
	end $$`.execute(db);
	await sql`grant usage on schema public to rp_worker`.execute(db);

	await sql`create table mail_outbox (
		id bigint generated always as identity primary key,
		message_id text not null unique,
		forbund_id integer references forbund (id) on delete set null,
		region_id integer references region (id) on delete set null,
		recipient text not null,
		subject text not null,
		body_sealed bytea,
		status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
		attempts integer not null default 0,
		last_error text,
		next_attempt_at timestamptz not null default now(),
		created_at timestamptz not null default now(),
		sent_at timestamptz,
		redacted_at timestamptz,
		check ((body_sealed is null) = (redacted_at is not null))
	)`.execute(db);
	await sql`create index mail_outbox_due_idx on mail_outbox (next_attempt_at, id) where status = 'pending'`.execute(db);
	await sql`create index mail_outbox_forbund_idx on mail_outbox (forbund_id, created_at desc)`.execute(db);
	await sql`alter table mail_outbox enable row level security`.execute(db);
	await sql`alter table mail_outbox force row level security`.execute(db);

	await sql`grant insert on mail_outbox to rp_app`.execute(db);
	await sql`grant select (id, message_id, forbund_id, region_id, recipient, subject, status, attempts, last_error,
		next_attempt_at, created_at, sent_at, redacted_at) on mail_outbox to rp_app`.execute(db);
	await sql`create policy mail_outbox_add on mail_outbox for insert to rp_app with check (status = 'pending' and attempts = 0)`.execute(
		db
	);
	await sql`create policy mail_outbox_admins on mail_outbox for select to rp_app using (
		app_is_platform_admin() or exists (
			select 1 from membership m
			where m.user_id = app_user_id() and m.role = 'forbund_admin' and m.forbund_id = mail_outbox.forbund_id
		)
	)`.execute(db);
	await sql`grant select, update, delete on mail_outbox to rp_worker`.execute(db);
	await sql`create policy mail_outbox_worker on mail_outbox for all to rp_worker using (true) with check (true)`.execute(
		db
	);
	// The worker listens, so a mail goes out at once rather than at its next poll.
	await sql`create function mail_outbox_notify() returns trigger language plpgsql as $$
		begin perform pg_notify('mail_outbox', ''); return null; end
	$$`.execute(db);
	await sql`create trigger mail_outbox_notify after insert on mail_outbox
		for each statement execute function mail_outbox_notify()`.execute(db);

	await sql`create table scheduled_run (
		schedule text not null,
		due_at timestamptz not null,
		enqueued_at timestamptz not null default now(),
		primary key (schedule, due_at)
	)`.execute(db);
	await sql`grant select, insert on scheduled_run to rp_worker`.execute(db);

	// plpgsql: the queue's schema is installed after the migrations, and its functions are looked up
	// when this one runs, not when it is created.
	await sql`create function app_enqueue_job(p_task text, p_payload json, p_run_at timestamptz default null,
			p_job_key text default null) returns void
		language plpgsql security definer set search_path = pg_catalog, pg_temp as $$
		begin
			if p_task !~ '^[a-z][a-z0-9_.-]{0,63}$' then raise exception 'invalid task name %', p_task; end if;
			perform graphile_worker.add_job(p_task, p_payload, run_at => p_run_at, job_key => p_job_key,
				max_attempts => 10);
		end
	$$`.execute(db);
	await sql`revoke all on function app_enqueue_job(text, json, timestamptz, text) from public`.execute(db);
	await sql`grant execute on function app_enqueue_job(text, json, timestamptz, text) to rp_app, rp_worker`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`drop function app_enqueue_job(text, json, timestamptz, text)`.execute(db);
	await sql`drop table scheduled_run`.execute(db);
	await sql`drop table mail_outbox`.execute(db);
	await sql`drop function mail_outbox_notify()`.execute(db);
	await sql`revoke usage on schema public from rp_worker`.execute(db);
}
