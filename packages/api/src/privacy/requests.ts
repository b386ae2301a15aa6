import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database, PersonalDataSummaryEntry } from '@regionportalen/db';
import type { DataScope, DataSubject } from '../core/index.ts';

/** An address as the request record keeps it: enough to recognise it again, not to read it back. */
export const emailDigest = (email: string) => createHash('sha256').update(email.trim().toLowerCase()).digest();

/** A label the request list shows: the account's id, or the address with all but its first letter and domain masked. */
export function subjectLabel(subject: DataSubject): string {
	if (subject.userId !== undefined) return `Konto ${subject.userId}`;
	const [local = '', domain = ''] = (subject.email ?? '').split('@');
	return `${local.slice(0, 1)}…@${domain}`;
}

/** Records a handled request, in the transaction of what was done, and returns its id. */
export async function recordRequest(
	trx: Kysely<Database>,
	request: {
		kind: 'export' | 'erase';
		handledBy: number;
		subject: DataSubject;
		scope: DataScope;
		receivedAt?: string | undefined;
		summary: PersonalDataSummaryEntry[];
	}
): Promise<number> {
	const received = request.receivedAt ? sql<Date>`${request.receivedAt}::date::timestamptz` : sql<Date>`now()`;
	const { id } = await trx
		.insertInto('personal_data_request')
		.values({
			kind: request.kind,
			handled_by: request.handledBy,
			forbund_id: request.scope === 'all' ? null : request.scope.forbundId,
			subject_user_id: request.subject.userId ?? null,
			subject_email_sha256: request.subject.email === undefined ? null : emailDigest(request.subject.email),
			subject_label: subjectLabel(request.subject),
			received_at: received,
			due_at: sql<Date>`${received} + interval '1 month'`,
			summary: JSON.stringify(request.summary)
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}
