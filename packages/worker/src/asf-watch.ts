import { sql } from 'kysely';
import { ASF_AGREEMENT_WATCH_DAYS, ASF_CERTIFICATION_WATCH_DAYS } from '@regionportalen/db';
import type { Db } from '@regionportalen/db/client';
import { asfAgreementEndingMail, asfCertificationEndingMail, queueMail } from '@regionportalen/mail';
import { swedishDay } from './swedish-date.ts';

// The daily watch of the ASF register: an active enterprise whose certification ends within 60 days,
// and again within 14, is mailed to its region's ASF-samordnare, once per threshold (asf_watch_mail:
// a renewed certification has a new end date and is watched anew). The coordinator's register page
// lists the same by the same thresholds. An active agreement ending within 90 days, and again within
// 30, is mailed the same way, once per threshold and end date (asf_agreement_watch_mail: an
// extended agreement is watched anew). The agreement's creator is not mailed apart: while they keep
// the region's ASF register they are among its ASF-samordnare, and once they do not, the agreement's
// internal part is no longer theirs to read.

/** The narrowest threshold `daysLeft` has come within: 14 days left is the 14-day mail, not a late 60-day one. */
const thresholdOf = (thresholds: readonly number[], daysLeft: number) =>
	[...thresholds].sort((a, b) => a - b).find((d) => daysLeft <= d)!;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

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
		const threshold = thresholdOf(ASF_CERTIFICATION_WATCH_DAYS, daysBetween(today, endsOn));
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
	return mailed + (await runAgreementWatch(db, today));
}

/** The agreements' half of the watch, on the Swedish day `today`. */
async function runAgreementWatch(db: Db, today: string): Promise<number> {
	const widest = Math.max(...ASF_AGREEMENT_WATCH_DAYS);
	const due = await db
		.selectFrom('asf_agreement as a')
		.innerJoin('asf_enterprise as e', 'e.id', 'a.enterprise_id')
		.innerJoin('region as r', 'r.id', 'a.region_id')
		.select([
			'a.id',
			'a.region_id',
			'a.title',
			'a.ends_on',
			'e.name as enterprise',
			'r.slug as region_slug',
			'r.hub_origin'
		])
		.where('a.status', '=', 'aktivt')
		.where('a.ends_on', '>=', today)
		.where('a.ends_on', '<=', sql<string>`${today}::date + ${widest}::integer`)
		.orderBy('a.ends_on')
		.orderBy('a.id')
		.execute();
	let mailed = 0;
	for (const row of due) {
		const threshold = thresholdOf(ASF_AGREEMENT_WATCH_DAYS, daysBetween(today, row.ends_on));
		const sent = await db.transaction().execute(async (trx) => {
			const { rows } = await sql<{
				emails: string[];
			}>`select app_asf_coordinator_emails(${row.region_id}) as emails`.execute(trx);
			const to = rows[0]?.emails ?? [];
			const record = await trx
				.insertInto('asf_agreement_watch_mail')
				.values({ agreement_id: row.id, threshold_days: threshold, ends_on: row.ends_on, recipients: to.length })
				.onConflict((oc) => oc.columns(['agreement_id', 'threshold_days', 'ends_on']).doNothing())
				.returning('agreement_id')
				.executeTakeFirst();
			if (!record) return false;
			const link = `${row.hub_origin ?? ''}/${row.region_slug}/asf/avtal/${row.id}`;
			for (const address of to) {
				await queueMail(
					trx,
					asfAgreementEndingMail({
						to: address,
						agreement: row.title,
						enterprise: row.enterprise,
						endsOn: row.ends_on,
						days: threshold,
						link
					}),
					{ forbundId: null, regionId: row.region_id }
				);
			}
			return true;
		});
		if (sent) mailed++;
	}
	return mailed;
}
