import { CronExpressionParser } from 'cron-parser';
import { sql } from 'kysely';
import type { Db } from '@regionportalen/db/client';

// Scheduled jobs, in Swedish time. Each tick finds every schedule's latest due time at `now` (a
// clock the worker reads, and that tests set) and, in one transaction, records it in scheduled_run
// and adds the job to the queue: the record's primary key lets only one worker do so per period,
// however many tick. A period missed while no worker ran is made up once, at the next tick; older
// ones are not (a daily job does not run seven times after a week away).
//
// graphile-worker has a crontab of its own, but it reads times in UTC only; "03:30" must stay 03:30
// in Stockholm through summer time.

export const TIME_ZONE = 'Europe/Stockholm';

export interface Schedule {
	/** Unique; names the record of its runs. */
	name: string;
	/** Five fields (minute hour day month weekday), in Swedish time. */
	cron: string;
	/** The queue's task to run; it gets `{ dueAt }` (ISO 8601) as its payload. */
	task: string;
}

/** The latest time at or before `now` that the schedule was due. */
export function latestDue(schedule: Schedule, now: Date): Date {
	// prev() looks strictly before its date: one millisecond on makes a tick at the very minute count.
	const expression = CronExpressionParser.parse(schedule.cron, {
		currentDate: new Date(now.getTime() + 1),
		tz: TIME_ZONE
	});
	return expression.prev().toDate();
}

/** Enqueues each schedule's due period that no one has enqueued yet; returns the names enqueued. */
export async function tick(db: Db, schedules: readonly Schedule[], now: Date): Promise<string[]> {
	const enqueued: string[] = [];
	for (const schedule of schedules) {
		const dueAt = latestDue(schedule, now);
		const claimed = await db.transaction().execute(async (trx) => {
			const row = await trx
				.insertInto('scheduled_run')
				.values({ schedule: schedule.name, due_at: dueAt })
				.onConflict((oc) => oc.doNothing())
				.returning('schedule')
				.executeTakeFirst();
			if (!row) return false;
			await sql`select app_enqueue_job(${schedule.task}, ${JSON.stringify({ dueAt: dueAt.toISOString() })}::json)`.execute(
				trx
			);
			return true;
		});
		if (claimed) enqueued.push(schedule.name);
	}
	return enqueued;
}
