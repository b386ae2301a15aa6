import { type Kysely, sql } from 'kysely';

// Frozen in time: imports nothing but kysely.
//
// Accounts: two-factor authentication (TOTP, recovery codes), hardened sessions, single-use tokens
// for invitations and password resets, rate limits that every app instance shares, and the admins'
// right to grant and revoke memberships within their scope, enforced here as well as in the API.

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('app_user')
		// AES-256-GCM of the TOTP key (iv | ciphertext | tag); the key to it is the servers', not the database's.
		.addColumn('totp_secret', 'bytea')
		.addColumn('totp_enabled_at', 'timestamptz')
		// The last TOTP time step accepted: a code is good once, never again within its window.
		.addColumn('totp_last_step', 'bigint')
		.addColumn('password_changed_at', 'timestamptz')
		.execute();

	await db.schema
		.alterTable('session')
		.addColumn('two_factor_verified_at', 'timestamptz')
		// Idle timeout of privileged sessions; written at most about once a minute.
		.addColumn('last_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();

	await db.schema
		.createTable('recovery_code')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
		.addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
		// SHA-256 of a random 50-bit code: shown once, then only its hash remains.
		.addColumn('code_hash', 'text', (c) => c.notNull())
		.addColumn('used_at', 'timestamptz')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema.createIndex('recovery_code_user_idx').on('recovery_code').column('user_id').execute();

	await db.schema
		.createTable('auth_token')
		// SHA-256 of the token sent by e-mail; the token itself is never stored.
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('purpose', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'timestamptz', (c) => c.notNull())
		.addColumn('created_by', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addCheckConstraint('auth_token_purpose_known', sql`purpose in ('invite', 'reset')`)
		.execute();
	await db.schema.createIndex('auth_token_user_idx').on('auth_token').column('user_id').execute();

	await db.schema
		.createTable('rate_limit')
		// e.g. login:account:<sha-256 of the e-mail>, login:ip:<address>, totp:<user id>
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('last_failure_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('blocked_until', 'timestamptz')
		.execute();
	await db.schema.createIndex('rate_limit_last_failure_idx').on('rate_limit').column('last_failure_at').execute();

	// Credentials and throttling are the servers' own business, as app_user and session already are.
	await sql`grant select, insert, update, delete on recovery_code, auth_token, rate_limit to rp_app`.execute(db);

	// Whether a person holds a role that requires two-factor authentication and short sessions. Asked
	// while validating a session, before the request has stated who is asking, so it reads past RLS.
	await sql`create function app_user_is_privileged(p_user_id integer) returns boolean
		language sql stable security definer set search_path = public, pg_temp as $$
		select exists (
			select 1 from membership m
			where m.user_id = p_user_id and m.role in ('forbund_admin', 'presidium', 'coordinator', 'platform_admin')
		)
	$$`.execute(db);

	// Who may grant, see and revoke a membership: a platform admin any; a förbund admin its förbund's
	// editors, presidium and förbund admins; a coordinator its region's coordinators and the presidium
	// of the region's förbund. Security definer: a policy on membership that read membership under RLS
	// would recurse.
	await sql`create function app_can_manage_membership(p_role text, p_forbund_id integer, p_region_id integer)
		returns boolean language sql stable security definer set search_path = public, pg_temp as $$
		select exists (
			select 1 from membership m
			where m.user_id = app_user_id()
			and (
				m.role = 'platform_admin'
				or (m.role = 'forbund_admin' and m.forbund_id = p_forbund_id
					and p_role in ('editor', 'forbund_admin', 'presidium'))
				or (m.role = 'coordinator' and p_role = 'coordinator' and m.region_id = p_region_id)
				or (m.role = 'coordinator' and p_role = 'presidium'
					and exists (select 1 from forbund f where f.id = p_forbund_id and f.region_id = m.region_id))
			)
		)
	$$`.execute(db);

	await sql`grant insert, update, delete on membership to rp_app`.execute(db);
	await sql`create policy membership_admin_read on membership for select
		using (app_can_manage_membership(role, forbund_id, region_id))`.execute(db);
	await sql`create policy membership_admin_insert on membership for insert
		with check (app_can_manage_membership(role, forbund_id, region_id))`.execute(db);
	await sql`create policy membership_admin_update on membership for update
		using (app_can_manage_membership(role, forbund_id, region_id))
		with check (app_can_manage_membership(role, forbund_id, region_id))`.execute(db);
	await sql`create policy membership_admin_delete on membership for delete
		using (app_can_manage_membership(role, forbund_id, region_id))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const policy of [
		'membership_admin_read',
		'membership_admin_insert',
		'membership_admin_update',
		'membership_admin_delete'
	])
		await sql`drop policy ${sql.id(policy)} on membership`.execute(db);
	await sql`revoke insert, update, delete on membership from rp_app`.execute(db);
	await sql`drop function app_can_manage_membership(text, integer, integer)`.execute(db);
	await sql`drop function app_user_is_privileged(integer)`.execute(db);
	for (const table of ['rate_limit', 'auth_token', 'recovery_code']) await db.schema.dropTable(table).execute();
	await db.schema.alterTable('session').dropColumn('two_factor_verified_at').dropColumn('last_seen_at').execute();
	await db.schema
		.alterTable('app_user')
		.dropColumn('totp_secret')
		.dropColumn('totp_enabled_at')
		.dropColumn('totp_last_step')
		.dropColumn('password_changed_at')
		.execute();
}
