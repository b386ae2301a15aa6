import { sql, type Kysely } from 'kysely';
import { inTransaction } from './client.ts';
import type { Database, NewAuditLogEntry } from './schema.ts';

// The audit log's one writer, for the API's procedures and the account verbs alike. People are
// named by id only (actor_id, subject_id): the log view looks up who they are when it is read, so
// the log holds no e-mail address or name, and nothing of a removed account stays behind in it.

type Q = Kysely<Database>;

export type AuditEntry = Omit<NewAuditLogEntry, 'actor_id' | 'at' | 'id'>;

/**
 * Appends one entry in the caller's name. Call it inside the change's transaction, so the entry and
 * the change it describes are kept or rolled back together.
 */
export async function recordAudit(db: Q, actor: { id: number } | null, entry: AuditEntry): Promise<void> {
	await db
		.insertInto('audit_log')
		.values({ ...entry, actor_id: actor?.id ?? null })
		.execute();
}

/**
 * Appends one entry, stating the actor to the database first: for changes made outside the API's
 * procedures (the sign-in and account pages). Given the change's transaction, the entry commits
 * with the change; given the pool, it is a transaction of its own.
 */
export async function recordAuditAs(db: Q, actor: { id: number } | null, entry: AuditEntry): Promise<void> {
	await inTransaction(db, async (trx) => {
		await sql`select set_config('app.user_id', ${actor ? String(actor.id) : ''}, true)`.execute(trx);
		await recordAudit(trx, actor, entry);
	});
}
