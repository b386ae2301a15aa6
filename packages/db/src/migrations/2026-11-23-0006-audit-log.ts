import { type Kysely, sql } from 'kysely';

// Frozen in time: imports nothing but kysely.
//
// One append-only log of who read or changed what: every write through the API and every read of
// non-public presidium minutes. The servers' role may insert (only as the caller it states) and
// read within its admin scope, never update or delete.

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('audit_log')
		.addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
		.addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('actor_id', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
		// Kept as written at the time, so the log still reads right after an account is removed.
		.addColumn('actor_email', 'text')
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('entity_type', 'text', (c) => c.notNull())
		.addColumn('entity_id', 'text')
		.addColumn('region_id', 'integer', (c) => c.references('region.id').onDelete('set null'))
		.addColumn('forbund_id', 'integer', (c) => c.references('forbund.id').onDelete('set null'))
		.addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('detail', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
		.addColumn('ip', 'text')
		.addCheckConstraint('audit_log_action_format', sql`action ~ '^[a-z_]+(\\.[a-z_]+)+$'`)
		.execute();
	await sql`create index audit_log_at_idx on audit_log (at desc, id desc)`.execute(db);
	await sql`create index audit_log_region_idx on audit_log (region_id, at desc)`.execute(db);
	await sql`create index audit_log_forbund_idx on audit_log (forbund_id, at desc)`.execute(db);
	await sql`create index audit_log_actor_idx on audit_log (actor_id, at desc)`.execute(db);

	await sql`grant select, insert on audit_log to rp_app`.execute(db);
	await sql`alter table audit_log enable row level security`.execute(db);
	await sql`alter table audit_log force row level security`.execute(db);

	// Nobody writes in another person's name; a visitor's entries (a failed sign-in) have no actor.
	await sql`create policy audit_log_insert on audit_log for insert
		with check (actor_id is not distinct from app_user_id())`.execute(db);
	// A platform admin reads everything; a coordinator their region; a förbund admin their förbund.
	await sql`create policy audit_log_read on audit_log for select using (
		app_is_platform_admin()
		or exists (
			select 1 from membership m where m.user_id = app_user_id() and (
				(m.role = 'coordinator' and m.region_id = audit_log.region_id)
				or (m.role = 'forbund_admin' and m.forbund_id = audit_log.forbund_id)
			)
		)
	)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('audit_log').execute();
}
