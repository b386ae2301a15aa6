import { sql } from 'kysely';
import type { Db } from '@regionportalen/db/client';
import { insatsReviewDueMail, queueMail } from '@regionportalen/mail';
import { swedishDay, swedishMonth } from './swedish-date.ts';

// The monthly reminder: each förbund's approvers get one mail listing its published insatser that
// nobody has reviewed for 12 months (app_insats_review_due, the rule the admin page lists by too).
// One förbund at a time, in one transaction with its record in insats_review_reminder: the record's
// key lets a month's reminder go out once, however often the job runs (a retry, a second worker).

/** Where a förbund's site lists what to review (the admin page of insatser). */
const ADMIN_PATH = '/admin/insatser';

/** Mails the month's reminders due at `at`; returns how many förbund were reminded. */
export async function sendReviewReminders(db: Db, at: Date): Promise<number> {
	const day = swedishDay(at);
	const month = swedishMonth(at);
	const { rows: due } = await sql<{ forbund_id: number; region_id: number; names: string[] }>`
		select forbund_id, min(region_id) as region_id, array_agg(name order by name) as names
		from app_insats_review_due(${day}::date) group by forbund_id order by forbund_id`.execute(db);
	let reminded = 0;
	for (const row of due) {
		const sent = await db.transaction().execute(async (trx) => {
			const record = await trx
				.insertInto('insats_review_reminder')
				.values({ forbund_id: row.forbund_id, month, insats_count: row.names.length })
				.onConflict((oc) => oc.columns(['forbund_id', 'month']).doNothing())
				.returning('id')
				.executeTakeFirst();
			if (!record) return false;
			const forbund = await trx
				.selectFrom('forbund')
				.select(['short_name', 'origin'])
				.where('id', '=', row.forbund_id)
				.executeTakeFirstOrThrow();
			const { rows } = await sql<{
				emails: string[];
			}>`select app_insats_approver_emails(${row.forbund_id}) as emails`.execute(trx);
			const link = `${forbund.origin ?? ''}${ADMIN_PATH}`;
			for (const to of rows[0]?.emails ?? []) {
				await queueMail(trx, insatsReviewDueMail({ to, forbund: forbund.short_name, insatser: row.names, link }), {
					forbundId: row.forbund_id,
					regionId: row.region_id
				});
			}
			return true;
		});
		if (sent) reminded++;
	}
	return reminded;
}
