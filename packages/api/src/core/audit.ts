import { sql, type Kysely } from 'kysely';
import { inTransaction } from '@regionportalen/db/client';
import type { Database, NewAuditLogEntry } from '@regionportalen/db';
import type { SessionUser } from '@regionportalen/auth';

type Q = Kysely<Database>;

export type AuditEntry = Omit<NewAuditLogEntry, 'actor_id' | 'actor_email' | 'at' | 'id'>;

/**
 * Appends one entry in the caller's name. Call it inside the procedure's transaction, so the
 * entry and the change it describes are kept or rolled back together.
 */
export async function recordAudit(db: Q, actor: SessionUser | null, entry: AuditEntry): Promise<void> {
	await db
		.insertInto('audit_log')
		.values({ ...entry, actor_id: actor?.id ?? null, actor_email: actor?.email ?? null })
		.execute();
}

/**
 * Appends one entry, stating the actor to the database first: for changes made outside the API's
 * procedures (the sign-in and account pages). Given the change's transaction, the entry commits
 * with the change; given the pool, it is a transaction of its own.
 */
export async function recordAuditAs(
	db: Q,
	actor: SessionUser | null,
	entry: AuditEntry & { ip?: string | null }
): Promise<void> {
	await inTransaction(db, async (trx) => {
		await sql`select set_config('app.user_id', ${actor ? String(actor.id) : ''}, true)`.execute(trx);
		await recordAudit(trx, actor, entry);
	});
}
