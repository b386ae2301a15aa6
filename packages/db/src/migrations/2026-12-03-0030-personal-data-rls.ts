import { type Kysely, sql } from 'kysely';

// Frozen in time: imports nothing but kysely.
//
// Personal data behind the database's rules too. app_user gets row-level security: the servers'
// role reads and changes the row of the person asking and of the people they administer, no other.
// Names stay readable everywhere they are shown (authors, minutes, editors' lists) through the
// app_user_name view, which has no e-mail address. What must work before anyone is known (signing
// in, a session's cookie, a mailed link, an invitation) goes through narrow security definer
// functions that take the secret the visitor holds and return only what the step needs. Account
// audit entries name the person they concern, so that person's administrators can read them.

// Functions that read past RLS run as their owner, with a fixed search_path and for rp_app only.
async function restrictToApp(db: Kysely<any>, signature: string): Promise<void> {
	await sql.raw(`revoke all on function ${signature} from public`).execute(db);
	await sql.raw(`grant execute on function ${signature} to rp_app`).execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
	// Who administers a person, the same rule as canAdministerScope in the API: the person themself, a
	// platform admin, a förbund admin of a förbund the person has a role in, a coordinator of a region
	// the person has a role in (the region's own or one of its förbunds'). Security definer: it reads
	// other people's memberships, which the caller's own RLS hides.
	await sql`create function app_administers_user(p_user_id integer) returns boolean
		language sql stable security definer set search_path = public, pg_temp as $$
		select coalesce(p_user_id = app_user_id(), false)
			or app_is_platform_admin()
			or exists (
				select 1
				from membership admin
				join membership m on m.user_id = p_user_id
				left join forbund f on f.id = m.forbund_id
				where admin.user_id = app_user_id()
				and (
					(admin.role = 'forbund_admin' and admin.forbund_id = m.forbund_id)
					or (admin.role = 'coordinator' and admin.region_id = coalesce(m.region_id, f.region_id))
				)
			)
	$$`.execute(db);

	await sql`alter table app_user enable row level security`.execute(db);
	await sql`alter table app_user force row level security`.execute(db);
	// Reading, changing and erasing an account (the GDPR procedures too) is for its administrators.
	// No insert policy: new accounts come only from app_invite_user().
	await sql`create policy app_user_administered_read on app_user for select
		using (app_administers_user(id))`.execute(db);
	await sql`create policy app_user_administered_update on app_user for update
		using (app_administers_user(id)) with check (app_administers_user(id))`.execute(db);
	await sql`create policy app_user_administered_delete on app_user for delete
		using (app_administers_user(id))`.execute(db);

	// The names as the pages show them, of everyone; the view runs as its owner, past the table's RLS.
	await sql`create view app_user_name as select id, name from app_user`.execute(db);
	await sql`grant select on app_user_name to rp_app`.execute(db);

	// Signing in with a password: the account with the address and its hash, which argon2 checks in
	// the server. Nothing else of the person leaves the database before the password is right.
	await sql`create function app_sign_in_lookup(p_email text)
		returns table (id integer, name text, password_hash text)
		language sql stable security definer set search_path = public, pg_temp as $$
		select u.id, u.name, u.password_hash from app_user u where u.email = p_email
	$$`.execute(db);
	await restrictToApp(db, 'app_sign_in_lookup(text)');

	// Whether an address has an account, by its id only: a reset link's request, an address taken.
	await sql`create function app_user_id_for_email(p_email text) returns integer
		language sql stable security definer set search_path = public, pg_temp as $$
		select u.id from app_user u where u.email = p_email
	$$`.execute(db);
	await restrictToApp(db, 'app_user_id_for_email(text)');

	// A session cookie's session and person. It takes the token, not its hash: the session table's
	// ids, which rp_app can read, are of no use here without the cookie they were hashed from.
	await sql`create function app_session_user(p_token text)
		returns table (
			id text, user_id integer, expires_at timestamptz, created_at timestamptz,
			two_factor_verified_at timestamptz, last_seen_at timestamptz,
			email text, name text, totp_enabled boolean, privileged boolean
		)
		language sql stable security definer set search_path = public, pg_temp as $$
		select s.id, s.user_id, s.expires_at, s.created_at, s.two_factor_verified_at, s.last_seen_at,
			u.email, u.name, u.totp_enabled_at is not null, app_user_is_privileged(u.id)
		from session s join app_user u on u.id = s.user_id
		where s.id = encode(sha256(convert_to(p_token, 'UTF8')), 'hex')
	$$`.execute(db);
	await restrictToApp(db, 'app_session_user(text)');

	// A live mailed link's person, to show the form it leads to; by the token, as above.
	await sql`create function app_auth_token_user(p_token text, p_purpose text)
		returns table (user_id integer, email text, name text, new_email text, expires_at timestamptz)
		language sql stable security definer set search_path = public, pg_temp as $$
		select u.id, u.email, u.name, t.email, t.expires_at
		from auth_token t join app_user u on u.id = t.user_id
		where t.id = encode(sha256(convert_to(p_token, 'UTF8')), 'hex') and t.purpose = p_purpose
			and t.expires_at > now()
	$$`.execute(db);
	await restrictToApp(db, 'app_auth_token_user(text, text)');

	// The account for an address an admin grants a role to, made when there is none. Only someone who
	// may grant some role may call it; the grant itself (membership's policies) then decides the rest,
	// and without it the transaction, and the account with it, is rolled back.
	await sql`create function app_invite_user(p_email text) returns table (id integer, invited boolean)
		language plpgsql volatile security definer set search_path = public, pg_temp as $$
		begin
			if not exists (
				select 1 from membership m join role_definition d on d.role = m.role
				where m.user_id = app_user_id()
				and (d.scope = 'platform' or exists (select 1 from role_definition t where m.role = any (t.granted_by)))
			) then
				raise exception 'app_invite_user: % may not grant roles', app_user_id() using errcode = 'insufficient_privilege';
			end if;
			insert into app_user (email, name) values (p_email, '') on conflict (email) do nothing;
			return query select u.id, u.password_hash is null from app_user u where u.email = p_email;
		end
	$$`.execute(db);
	await restrictToApp(db, 'app_invite_user(text)');

	// Where a person belongs, for the account entries about them: their first role's förbund and
	// region (or region alone). Security definer: asked for a visitor following a link too.
	await sql`create function app_user_place(p_user_id integer) returns table (forbund_id integer, region_id integer)
		language sql stable security definer set search_path = public, pg_temp as $$
		select m.forbund_id, coalesce(m.region_id, f.region_id)
		from membership m left join forbund f on f.id = m.forbund_id
		where m.user_id = p_user_id and (m.forbund_id is not null or m.region_id is not null)
		order by m.id
		limit 1
	$$`.execute(db);
	await restrictToApp(db, 'app_user_place(integer)');

	// Account entries name the person they concern, whoever acted; earlier ones named them only in entity_id.
	await sql`update audit_log a set subject_id = a.entity_id::integer
		where a.entity_type = 'user' and a.subject_id is null and a.entity_id ~ '^[0-9]+$'
		and exists (select 1 from app_user u where u.id = a.entity_id::integer)`.execute(db);
	await sql`update audit_log a
		set (forbund_id, region_id) = (select p.forbund_id, p.region_id from app_user_place(a.subject_id) p)
		where a.entity_type = 'user' and a.subject_id is not null and a.forbund_id is null and a.region_id is null`.execute(db);
	// Whoever administers the person reads the entries about their account, wherever they belong.
	await sql`create policy audit_log_account_admins on audit_log for select
		using (entity_type = 'user' and subject_id is not null and app_administers_user(subject_id))`.execute(db);

	// Recovery codes become keyed (HMAC-SHA-256 under the servers' RECOVERY_CODE_KEY); the codes
	// stored before are plain SHA-256 until the servers re-key them (keyed = false).
	await sql`alter table recovery_code add column keyed boolean not null default false`.execute(db);
	await sql`alter table recovery_code alter column keyed drop default`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`delete from recovery_code where keyed`.execute(db);
	await sql`alter table recovery_code drop column keyed`.execute(db);
	await sql`drop policy audit_log_account_admins on audit_log`.execute(db);
	for (const fn of [
		'app_user_place(integer)',
		'app_invite_user(text)',
		'app_auth_token_user(text, text)',
		'app_session_user(text)',
		'app_user_id_for_email(text)',
		'app_sign_in_lookup(text)'
	])
		await sql.raw(`drop function ${fn}`).execute(db);
	await sql`drop view app_user_name`.execute(db);
	for (const policy of ['app_user_administered_read', 'app_user_administered_update', 'app_user_administered_delete'])
		await sql`drop policy ${sql.id(policy)} on app_user`.execute(db);
	await sql`alter table app_user no force row level security`.execute(db);
	await sql`alter table app_user disable row level security`.execute(db);
	await sql`drop function app_administers_user(integer)`.execute(db);
}
