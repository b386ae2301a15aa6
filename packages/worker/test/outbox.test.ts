import { sql } from 'kysely';
import { createDb } from '@regionportalen/db/client';
import { createTestDatabase } from '@regionportalen/db/testing';
import { createMailer, queueMail, redactMail, sendNextMail } from '@regionportalen/mail';
import { startSmtpCapture } from '@regionportalen/mail/testing';
import { afterAll, describe, expect, it } from 'vitest';

// The outbox, from the queueing transaction to the SMTP server: sealed bodies the servers cannot
// read, a Message-ID kept across attempts, retries with backoff while the SMTP server is away, and
// bodies emptied after sending.

const { db, owner, workerUrl } = await createTestDatabase();
const worker = createDb({ connectionString: workerUrl, max: 2 });
const smtp = await startSmtpCapture();
const mailer = createMailer({ SMTP_URL: smtp.url });
afterAll(async () => {
	await worker.destroy();
	await smtp.close();
});

const policy = { maxAttempts: 3, retryBaseSeconds: 0.2 };
let n = 0;
const mail = (text = 'Hej!') => ({ to: `mottagare${++n}@test.example`, subject: `Ämne ${n}`, text });
const rowFor = (to: string) =>
	owner.selectFrom('mail_outbox').selectAll().where('recipient', '=', to).executeTakeFirstOrThrow();

/** Sends until nothing is due. */
async function drain() {
	while (await sendNextMail(worker, mailer, policy));
}

describe('the outbox', () => {
	it('holds a mail only once its transaction commits', async () => {
		const lost = mail();
		await expect(
			db.transaction().execute(async (trx) => {
				await queueMail(trx, lost);
				throw new Error('the change failed');
			})
		).rejects.toThrow('the change failed');
		expect(await owner.selectFrom('mail_outbox').select('id').where('recipient', '=', lost.to).execute()).toEqual([]);
	});

	it('seals the body, and the servers can read neither it nor anyone’s mail without an admin role', async () => {
		const m = mail('Följ länken: http://portal.test.example/inbjudan/hemligtoken123');
		await db.transaction().execute((trx) => queueMail(trx, m));
		const row = await rowFor(m.to);
		expect(row.body_sealed).toBeInstanceOf(Buffer);
		expect(row.body_sealed!.toString('latin1')).not.toContain('hemligtoken123');
		await expect(sql`select body_sealed from mail_outbox`.execute(db)).rejects.toThrow(/permission denied/);
		// Not signed in: row-level security shows no row at all.
		expect(await db.selectFrom('mail_outbox').select('recipient').execute()).toEqual([]);
	});

	it('sends with the row’s Message-ID, and marks it sent', async () => {
		const m = mail('Välkommen.');
		await db.transaction().execute((trx) => queueMail(trx, m));
		await drain();
		const received = await smtp.next(m.to);
		const row = await rowFor(m.to);
		expect(received).toMatchObject({ subject: m.subject, text: expect.stringContaining('Välkommen.') });
		expect(received.messageId).toBe(row.message_id);
		expect(row).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
	});

	it('keeps a mail while the SMTP server is away, retrying with a growing wait, and sends it when it is back', async () => {
		const away = await startSmtpCapture();
		const port = away.port;
		await away.close();
		const down = createMailer({ SMTP_URL: `smtp://127.0.0.1:${port}` });
		const m = mail('Kommer fram till slut.');
		await db.transaction().execute((trx) => queueMail(trx, m));

		expect(await sendNextMail(worker, down, policy)).toBe(true);
		let row = await rowFor(m.to);
		expect(row).toMatchObject({ status: 'pending', attempts: 1 });
		expect(row.last_error).toMatch(/ECONNREFUSED/);
		expect(row.next_attempt_at.getTime()).toBeGreaterThan(row.created_at.getTime());
		// Not due yet: nothing is claimed.
		const due = row.next_attempt_at;

		const back = await startSmtpCapture(port);
		try {
			await expect.poll(() => Date.now() >= due.getTime()).toBe(true);
			const again = createMailer({ SMTP_URL: back.url });
			await expect.poll(() => sendNextMail(worker, again, policy)).toBe(true);
			const received = await back.next(m.to);
			row = await rowFor(m.to);
			expect(received.messageId).toBe(row.message_id);
			expect(row).toMatchObject({ status: 'sent', attempts: 2 });
		} finally {
			await back.close();
		}
	});

	it('gives up after the last attempt, and says why', async () => {
		const away = await startSmtpCapture();
		await away.close();
		const down = createMailer({ SMTP_URL: away.url });
		const m = mail();
		await db.transaction().execute((trx) => queueMail(trx, m));
		for (let attempt = 1; attempt <= policy.maxAttempts; attempt++) {
			await expect.poll(() => sendNextMail(worker, down, policy), { timeout: 10_000 }).toBe(true);
		}
		expect(await rowFor(m.to)).toMatchObject({ status: 'failed', attempts: policy.maxAttempts });
		expect((await rowFor(m.to)).last_error).toMatch(/ECONNREFUSED/);
		expect(await sendNextMail(worker, down, policy)).toBe(false);
	});

	it('empties the bodies of mails sent before a time, and only those', async () => {
		const old = mail();
		const fresh = mail();
		await db.transaction().execute(async (trx) => {
			await queueMail(trx, old);
			await queueMail(trx, fresh);
		});
		await drain();
		await owner
			.updateTable('mail_outbox')
			.set({ sent_at: new Date('2026-01-01') })
			.where('recipient', '=', old.to)
			.execute();
		expect(await redactMail(worker, new Date('2026-02-01'))).toBeGreaterThanOrEqual(1);
		expect(await rowFor(old.to)).toMatchObject({ body_sealed: null, redacted_at: expect.any(Date) });
		expect((await rowFor(fresh.to)).body_sealed).not.toBeNull();
	});

	it('sends the HTML part, the headers and the attachments with the text, sealed until then and emptied with it', async () => {
		const ics = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//sv\r\nEND:VCALENDAR\r\n';
		const m = {
			...mail('Texten.'),
			html: '<p>Texten.</p>',
			headers: { 'List-Unsubscribe': '<https://portal.test.example/avregistrera/hemligt456>' },
			attachments: [
				{ filename: 'evenemang.ics', contentType: 'text/calendar; charset=utf-8; method=REQUEST', content: ics }
			]
		};
		await db.transaction().execute((trx) => queueMail(trx, m));
		const queued = await rowFor(m.to);
		expect(queued.parts_sealed!.toString('latin1')).not.toContain('hemligt456');
		await drain();
		const received = await smtp.next(m.to);
		expect(received.text.trim()).toBe('Texten.');
		expect(received.html).toContain('<p>Texten.</p>');
		expect(received.headers['list-unsubscribe']).toBe('<https://portal.test.example/avregistrera/hemligt456>');
		expect(received.attachments).toEqual([
			expect.objectContaining({ filename: 'evenemang.ics', contentType: 'text/calendar', content: ics })
		]);
		await owner
			.updateTable('mail_outbox')
			.set({ sent_at: new Date('2026-01-01') })
			.where('recipient', '=', m.to)
			.execute();
		await redactMail(worker, new Date('2026-02-01'));
		expect(await rowFor(m.to)).toMatchObject({ body_sealed: null, parts_sealed: null });
	});

	it('sends a mail without parts as text alone', async () => {
		const m = mail('Bara text.');
		await db.transaction().execute((trx) => queueMail(trx, m));
		expect((await rowFor(m.to)).parts_sealed).toBeNull();
		await drain();
		const received = await smtp.next(m.to);
		expect(received.html).toBe('');
		expect(received.attachments).toEqual([]);
	});
});
