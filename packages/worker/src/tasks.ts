import type { Db } from '@regionportalen/db/client';
import { ACCESSIBILITY_REPORT_KEEP_DAYS } from '@regionportalen/db';
import { redactMail } from '@regionportalen/mail';
import { sendAsfLinks } from './asf-links.ts';
import { runAsfWatch } from './asf-watch.ts';
import { sendReviewReminders } from './insats-review.ts';
import type { Schedule } from './scheduler.ts';

// What the worker runs: each task by name, with its payload, and the schedules that add them. A
// domain adds its tasks here (and, if it runs on a timetable, a schedule).

export interface WorkerConfig {
	/** Days a sent mail's body is kept before it is emptied (MAIL_KEEP_DAYS). */
	mailKeepDays: number;
}

type Task = (payload: unknown, db: Db, config: WorkerConfig) => Promise<void>;

/** The due time a scheduled task was given: its "now", so a late run decides as the timely one would. */
function dueAt(payload: unknown): Date {
	const value = (payload as { dueAt?: unknown } | null)?.dueAt;
	const date = typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
	if (Number.isNaN(date.getTime())) throw new Error('the payload has no dueAt');
	return date;
}

export const TASKS: Record<string, Task> = {
	/** Empties the bodies of mails sent (or given up on) more than mailKeepDays ago. */
	'mail.redact': async (payload, db, config) => {
		const before = new Date(dueAt(payload).getTime() - config.mailKeepDays * 86_400_000);
		const count = await redactMail(db, before);
		if (count) console.log(`Emptied the bodies of ${count} mails sent before ${before.toISOString()}.`);
	},

	/**
	 * Deletes accessibility reports that were closed (answered or fixed) and left unchanged for
	 * ACCESSIBILITY_REPORT_KEEP_DAYS: they hold personal data, kept no longer than their handling needs.
	 */
	'accessibility.purge': async (payload, db) => {
		const before = new Date(dueAt(payload).getTime() - ACCESSIBILITY_REPORT_KEEP_DAYS * 86_400_000);
		const result = await db
			.deleteFrom('accessibility_report')
			.where('status', '<>', 'new')
			.where('updated_at', '<', before)
			.executeTakeFirst();
		const count = Number(result.numDeletedRows);
		if (count) console.log(`Deleted ${count} accessibility reports closed before ${before.toISOString()}.`);
	},

	/** Mails each förbund's approvers its published insatser not reviewed for 12 months, once a month. */
	'insatser.review_reminder': async (payload, db) => {
		const count = await sendReviewReminders(db, dueAt(payload));
		if (count) console.log(`Reminded ${count} förbund of insatser not reviewed for 12 months.`);
	},

	/** Mails each active social enterprise its link to report free places, once a month. */
	'asf.places_link': async (payload, db) => {
		const count = await sendAsfLinks(db, dueAt(payload));
		if (count) console.log(`Mailed ${count} social enterprises their link to report free places.`);
	},

	/** Mails the region's ASF-samordnare the certifications ending within 60 and 14 days, each once. */
	'asf.watch': async (payload, db) => {
		const count = await runAsfWatch(db, dueAt(payload));
		if (count) console.log(`Mailed ${count} ASF watch items to the coordinators.`);
	}
};

export const SCHEDULES: Schedule[] = [
	{ name: 'mail.redact.daily', cron: '30 3 * * *', task: 'mail.redact' },
	{ name: 'accessibility.purge.daily', cron: '45 3 * * *', task: 'accessibility.purge' },
	// 07:00 on the first of each month, Swedish time.
	{ name: 'insatser.review_reminder.monthly', cron: '0 7 1 * *', task: 'insatser.review_reminder' },
	// 08:00 on the first of each month: the enterprises report before the month's first requests.
	{ name: 'asf.places_link.monthly', cron: '0 8 1 * *', task: 'asf.places_link' },
	{ name: 'asf.watch.daily', cron: '15 6 * * *', task: 'asf.watch' }
];
