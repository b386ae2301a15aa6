import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { AccessibilityReportStatus, Database } from '@regionportalen/db';
import type { RateLimitRule } from '@regionportalen/auth';
import type { z } from 'zod';
import type { reportFieldsSchema, updateReportSchema } from './schemas.ts';

// Reports of accessibility problems: filed by anyone (through the database's
// app_file_accessibility_report, which also says where the report is to be mailed), read and handled
// by the site's admins.

type Q = Kysely<Database>;

/**
 * Per client address: five reports an hour, then a quarter of an hour's wait, doubling up to an hour.
 * Every report counts, not only failures: each one mails the förbund.
 */
export const REPORT_RATE_LIMIT: RateLimitRule = {
	free: 5,
	quietMs: 60 * 60_000,
	baseDelayMs: 15 * 60_000,
	maxDelayMs: 60 * 60_000
};

/** The rate limit's key for a client: the address hashed, so the table keeps no address. */
export function reportLimitKey(clientAddress: string): string {
	return `a11y-report:${createHash('sha256').update(clientAddress).digest('hex')}`;
}

export type ReportFields = z.infer<typeof reportFieldsSchema>;

/** Files a report; returns its id and whom to mail it to. */
export async function fileReport(db: Q, forbundId: number | null, fields: ReportFields) {
	const { rows } = await sql<{ report_id: string; recipients: string[] }>`
		select report_id::text, recipients
		from app_file_accessibility_report(${forbundId}, ${fields.pageUrl}, ${fields.description}, ${fields.name},
			${fields.email})`.execute(db);
	const row = rows[0]!;
	return { id: row.report_id, recipients: row.recipients };
}

export async function listReports(db: Q, forbundId: number | null, status: AccessibilityReportStatus | 'all') {
	return db
		.selectFrom('accessibility_report')
		.select([
			'id',
			'page_url',
			'description',
			'name',
			'email',
			'status',
			'note',
			sql<string | null>`replied_on::text`.as('replied_on'),
			'created_at',
			'updated_at'
		])
		.$call((q) => (forbundId === null ? q.where('forbund_id', 'is', null) : q.where('forbund_id', '=', forbundId)))
		.$if(status !== 'all', (q) => q.where('status', '=', status as AccessibilityReportStatus))
		.orderBy('created_at', 'desc')
		.orderBy('id', 'desc')
		.limit(500)
		.execute();
}

export type ReportUpdate = z.infer<typeof updateReportSchema>;

/** Changes a report of the site's; undefined when the site has no such report. */
export async function updateReport(db: Q, forbundId: number | null, input: ReportUpdate, userId: number) {
	return db
		.updateTable('accessibility_report')
		.set({
			status: input.status,
			note: input.note,
			replied_on: input.repliedOn,
			updated_at: sql<Date>`now()`,
			updated_by: userId
		})
		.where('id', '=', input.id)
		.$call((q) => (forbundId === null ? q.where('forbund_id', 'is', null) : q.where('forbund_id', '=', forbundId)))
		.returning(['id', 'status'])
		.executeTakeFirst();
}
