import { sql } from 'kysely';
import { ASF_CERTIFICATION_WATCH_DAYS } from '@regionportalen/db';
import type { Db } from '@regionportalen/db/client';
import { asfCertificationEndingMail, queueMail } from '@regionportalen/mail';
import { swedishDay } from './swedish-date.ts';

// The daily watch of the ASF register: an active enterprise whose certification ends within 60 days,
// and again within 14, is mailed to its region's ASF-samordnare, once per threshold (asf_watch_mail:
// a renewed certification has a new end date and is watched anew). The coordinator's register page
// lists the same by the same thresholds.

/** Mails what the watch finds due at `at`; returns how many mails of items (not recipients) it sent. */
export async function runAsfWatch(db: Db, at: Date): Promise<number> {
	const today = swedishDay(at);
	const [widest] = [...ASF_CERTIFICATION_WATCH_DAYS].sort((a, b) => b - a);
	const due = await db
		.selectFrom('asf_enterprise as e')
		.innerJoin('region as r', 'r.id', 'e.region_id')
		.select(['e.id', 'e.region_id', 'e.name', 'e.certified_until', 'r.slug as region_slug', 'r.hub_origin'])
		.where('e.active', '=', true)
		.where('e.certified_until', '>=', today)
		.where('e.certified_until', '<=', sql<string>`${today}::date + ${widest!}::integer`)
		.orderBy('e.certified_until')
		.execute();
	let mailed = 0;
	for (const row of due) {
		const endsOn = row.certified_until!;
		const daysLeft = Math.round((Date.parse(endsOn) - Date.parse(today)) / 86_400_000);
		// The narrowest threshold it has come within: 14 days left is the 14-day mail, not a late 60-day one.
		const threshold = [...ASF_CERTIFICATION_WATCH_DAYS].sort((a, b) => a - b).find((d) => daysLeft <= d)!;
		const sent = await db.transaction().execute(async (trx) => {
			const { rows } = await sql<{
				emails: string[];
			}>`select app_asf_coordinator_emails(${row.region_id}) as emails`.execute(trx);
			const to = rows[0]?.emails ?? [];
			const record = await trx
				.insertInto('asf_watch_mail')
				.values({
					enterprise_id: row.id,
					kind: 'certifiering',
					threshold_days: threshold,
					ends_on: endsOn,
					recipients: to.length
				})
				.onConflict((oc) => oc.columns(['enterprise_id', 'kind', 'threshold_days', 'ends_on']).doNothing())
				.returning('enterprise_id')
				.executeTakeFirst();
			if (!record) return false;
			const link = `${row.hub_origin ?? ''}/${row.region_slug}/asf/register/${row.id}`;
			for (const address of to) {
				await queueMail(
					trx,
					asfCertificationEndingMail({ to: address, enterprise: row.name, endsOn, days: threshold, link }),
					{ forbundId: null, regionId: row.region_id }
				);
			}
			return true;
		});
		if (sent) mailed++;
	}
	return mailed;
}
