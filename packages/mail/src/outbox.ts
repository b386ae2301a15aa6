import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '@regionportalen/db/client';
import { seal, unseal } from '@regionportalen/db/seal';
import { mailFrom, type Mailer, type MailParts, type OutgoingMail } from './index.ts';

// The outbox: every mail is a row written in the transaction of the change that causes it, so it is
// sent exactly when that change commits, and never lost when the SMTP server is away. The worker
// claims due rows one at a time (FOR UPDATE SKIP LOCKED: workers never take the same row) and holds
// the row's lock while it sends: a worker that dies mid-send leaves the row pending for the next
// one at once. Delivery is at least once; a mail sent twice (the worker died between the SMTP
// server's acceptance and its own commit) carries the same Message-ID both times.

/** Whose mail it is: that förbund's admins see it among the mails that failed. */
export interface MailOwner {
	forbundId?: number | null;
	regionId?: number | null;
}

/** Adds a mail to the outbox; call it with the transaction of the change the mail is about. */
export async function queueMail(db: Db, mail: OutgoingMail, owner: MailOwner = {}): Promise<void> {
	await db
		.insertInto('mail_outbox')
		.values({
			message_id: newMessageId(),
			recipient: mail.to,
			subject: mail.subject,
			body_sealed: seal(Buffer.from(mail.text, 'utf8')),
			parts_sealed: sealParts(mail),
			forbund_id: owner.forbundId ?? null,
			region_id: owner.regionId ?? null
		})
		.execute();
}

function sealParts({ html, headers, attachments }: MailParts): Buffer | null {
	const parts: MailParts = {
		...(html ? { html } : {}),
		...(headers && Object.keys(headers).length > 0 ? { headers } : {}),
		...(attachments && attachments.length > 0 ? { attachments } : {})
	};
	return Object.keys(parts).length > 0 ? seal(Buffer.from(JSON.stringify(parts), 'utf8')) : null;
}

const unsealParts = (sealed: Buffer | null): MailParts =>
	sealed ? (JSON.parse(Buffer.from(unseal(sealed)).toString('utf8')) as MailParts) : {};

/** `<uuid@domain of MAIL_FROM>`, as RFC 5322 wants a Message-ID. */
function newMessageId(): string {
	const domain = /@([^>\s]+)>?\s*$/.exec(mailFrom())?.[1] ?? 'regionportalen.localhost';
	return `<${randomUUID()}@${domain}>`;
}

/**
 * Days a sent mail's body is kept before the worker empties it, unless MAIL_KEEP_DAYS says otherwise:
 * the privacy page states it.
 */
export const DEFAULT_MAIL_KEEP_DAYS = 7;

/**
 * How many days a sent mail's body is kept (MAIL_KEEP_DAYS, else the default): the worker redacts
 * it then, and the privacy page says so; both read it here, so they cannot tell it differently.
 */
export function mailKeepDays(env: NodeJS.ProcessEnv = process.env): number {
	if (env.MAIL_KEEP_DAYS === undefined) return DEFAULT_MAIL_KEEP_DAYS;
	const days = Number(env.MAIL_KEEP_DAYS);
	if (!Number.isFinite(days) || days <= 0) throw new Error('MAIL_KEEP_DAYS must be a positive number.');
	return days;
}

export interface SendPolicy {
	/** Attempts before a mail is given up on (status failed). */
	maxAttempts: number;
	/** The wait after the first failure; it doubles after each, up to six hours. */
	retryBaseSeconds: number;
}

export const DEFAULT_SEND_POLICY: SendPolicy = { maxAttempts: 10, retryBaseSeconds: 30 };

/** The wait before attempt `attempts + 1`, with ±20 % jitter so that a backlog does not retry in step. */
export function retryDelaySeconds(attempts: number, policy: SendPolicy, random = Math.random): number {
	const base = Math.min(policy.retryBaseSeconds * 2 ** (attempts - 1), 6 * 3600);
	return base * (0.8 + 0.4 * random());
}

/**
 * Claims the next due mail, sends it and records the outcome, in one transaction of the worker's.
 * Returns false when no mail is due.
 */
export async function sendNextMail(db: Db, mailer: Mailer, policy: SendPolicy = DEFAULT_SEND_POLICY): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		const row = await trx
			.selectFrom('mail_outbox')
			.select(['id', 'message_id', 'recipient', 'subject', 'body_sealed', 'parts_sealed', 'attempts'])
			.where('status', '=', 'pending')
			.where('next_attempt_at', '<=', sql<Date>`now()`)
			.orderBy('next_attempt_at')
			.orderBy('id')
			.limit(1)
			.forUpdate()
			.skipLocked()
			.executeTakeFirst();
		if (!row) return false;
		const attempts = row.attempts + 1;
		try {
			if (!row.body_sealed) throw new Error('the body is gone');
			const text = Buffer.from(unseal(row.body_sealed)).toString('utf8');
			await mailer.send({
				...unsealParts(row.parts_sealed),
				to: row.recipient,
				subject: row.subject,
				text,
				messageId: row.message_id
			});
		} catch (error) {
			const failed = attempts >= policy.maxAttempts;
			await trx
				.updateTable('mail_outbox')
				.set({
					attempts,
					status: failed ? 'failed' : 'pending',
					last_error: String(error instanceof Error ? error.message : error).slice(0, 500),
					next_attempt_at: sql<Date>`now() + ${retryDelaySeconds(attempts, policy)} * interval '1 second'`
				})
				.where('id', '=', row.id)
				.execute();
			return true;
		}
		await trx
			.updateTable('mail_outbox')
			.set({ attempts, status: 'sent', sent_at: sql<Date>`now()`, last_error: null })
			.where('id', '=', row.id)
			.execute();
		return true;
	});
}

/**
 * Empties the bodies of mails sent or given up on before `before`: the links they carried are then
 * gone from the database too. Returns how many were redacted.
 */
export async function redactMail(db: Db, before: Date): Promise<number> {
	const result = await db
		.updateTable('mail_outbox')
		.set({ body_sealed: null, parts_sealed: null, redacted_at: sql<Date>`now()` })
		.where('status', 'in', ['sent', 'failed'])
		.where('redacted_at', 'is', null)
		.where(sql<boolean>`coalesce(sent_at, next_attempt_at) < ${before}`)
		.executeTakeFirst();
	return Number(result.numUpdatedRows);
}
