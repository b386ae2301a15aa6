import { recordAudit } from '@regionportalen/db/audit';
import type { Context } from './trpc.ts';

// The audit writer lives in @regionportalen/db, so that the account verbs (packages/auth) write
// their entries with the same function and in their own transaction.
export { recordAudit, type AuditEntry } from '@regionportalen/db/audit';

/** One row of a domain's (a news item, a meeting): its id and the tenant it belongs to. */
export interface AuditedRow {
	id: number;
	region_id: number;
	forbund_id?: number | null;
}

/**
 * A domain's audit writer for its rows (`const audit = auditFor('news')`): each entry is in the
 * caller's name and the procedure's transaction, and the row's tenant decides which admins see it.
 */
export function auditFor(entityType: string) {
	return (
		ctx: Pick<Context, 'db' | 'user'>,
		action: string,
		row: AuditedRow,
		summary: string,
		detail: Record<string, unknown> = {}
	) =>
		recordAudit(ctx.db, ctx.user, {
			action,
			entity_type: entityType,
			entity_id: String(row.id),
			region_id: row.region_id,
			forbund_id: row.forbund_id ?? null,
			summary,
			detail
		});
}
