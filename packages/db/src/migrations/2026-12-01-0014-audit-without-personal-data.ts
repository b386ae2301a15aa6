import { sql, type Kysely } from 'kysely';

// The audit log names people by id only: the actor's e-mail address goes, the person an entry is
// about gets a column of its own (subject_id), and what earlier entries wrote of people is removed
// (e-mail addresses in their summaries, and the detail fields that held them).

const EMAIL = '[^[:space:]@(),;:<>"]+@[^[:space:]@(),;:<>"]+';

export async function up(db: Kysely<any>): Promise<void> {
	await sql`alter table audit_log add column subject_id integer references app_user (id) on delete set null`.execute(
		db
	);
	await sql`create index audit_log_subject_idx on audit_log (subject_id, at desc)`.execute(db);
	await sql`update audit_log set subject_id = (detail->>'user_id')::integer
		where detail ? 'user_id' and exists (select 1 from app_user u where u.id = (detail->>'user_id')::integer)`.execute(db);
	await sql`update audit_log
		set summary = regexp_replace(summary, ${EMAIL}, 'en e-postadress', 'g'),
			detail = detail - 'email' - 'from' - 'to'
		where summary ~ ${EMAIL} or detail ?| array['email', 'from', 'to']`.execute(db);
	await sql`alter table audit_log drop column actor_email`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`alter table audit_log add column actor_email text`.execute(db);
	await sql`drop index audit_log_subject_idx`.execute(db);
	await sql`alter table audit_log drop column subject_id`.execute(db);
}
