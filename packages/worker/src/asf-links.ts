import { sql } from 'kysely';
import type { AsfContact } from '@regionportalen/db';
import type { Db } from '@regionportalen/db/client';
import { unseal } from '@regionportalen/db/seal';
import { asfPlacesLinkMail, queueMail } from '@regionportalen/mail';
import { swedishMonth } from './swedish-date.ts';

// The monthly mail to each active social enterprise that has a link: to every contact with an
// e-mail address, the link where it reports its free places (the same link each month, until the
// coordinator renews it). One enterprise at a time, in one transaction with its record in
// asf_link_mail, so a month's mail goes out once however often the job runs.

/** Mails the month's links due at `at`; returns how many enterprises were mailed. */
export async function sendAsfLinks(db: Db, at: Date): Promise<number> {
	const month = swedishMonth(at);
	const due = await db
		.selectFrom('asf_enterprise as e')
		.innerJoin('asf_update_link as l', 'l.enterprise_id', 'e.id')
		.innerJoin('region as r', 'r.id', 'e.region_id')
		.select(['e.id', 'e.region_id', 'e.name', 'e.contacts', 'l.token_sealed', 'r.slug as region_slug', 'r.hub_origin'])
		.where('e.active', '=', true)
		.where((eb) =>
			eb.not(
				eb.exists(
					eb
						.selectFrom('asf_link_mail as m')
						.select(sql`1`.as('one'))
						.whereRef('m.enterprise_id', '=', 'e.id')
						.where('m.month', '=', month)
				)
			)
		)
		.orderBy('e.id')
		.execute();
	let mailed = 0;
	for (const row of due) {
		const to = [...new Set((row.contacts as AsfContact[]).map((c) => c.email).filter(Boolean))];
		if (to.length === 0) continue;
		const sent = await db.transaction().execute(async (trx) => {
			const record = await trx
				.insertInto('asf_link_mail')
				.values({ enterprise_id: row.id, month, recipients: to.length })
				.onConflict((oc) => oc.columns(['enterprise_id', 'month']).doNothing())
				.returning('enterprise_id')
				.executeTakeFirst();
			if (!record) return false;
			const token = new TextDecoder().decode(unseal(row.token_sealed));
			const link = `${row.hub_origin ?? ''}/${row.region_slug}/asf/platser/${token}`;
			for (const address of to) {
				await queueMail(trx, asfPlacesLinkMail({ to: address, enterprise: row.name, link }), {
					forbundId: null,
					regionId: row.region_id
				});
			}
			return true;
		});
		if (sent) mailed++;
	}
	return mailed;
}
