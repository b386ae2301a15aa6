import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createTestDatabase } from '@regionportalen/db/testing';
import { queueMail } from '@regionportalen/mail';
import { startSmtpCapture } from '@regionportalen/mail/testing';
import { afterAll, expect, it } from 'vitest';
import { startWorker } from '../src/index.ts';

// The worker under faults, as separate processes: killed at random points of a batch, then
// restarted, it loses no mail and never sends one mail under two Message-IDs; and two workers
// running the same schedules run a job once per period. Budget: about a minute on a busy machine.

const { db, owner, workerUrl } = await createTestDatabase();
const smtp = await startSmtpCapture();
afterAll(() => smtp.close());

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const MAILS = 500;

function startWorkerProcess(): ChildProcess {
	return spawn(process.execPath, [MAIN], {
		env: {
			...process.env,
			WORKER_DATABASE_URL: workerUrl,
			SMTP_URL: smtp.url,
			MAIL_RATE_PER_SECOND: '150',
			MAIL_CONCURRENCY: '4',
			MAIL_RETRY_BASE_SECONDS: '0.5'
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
}
const exited = (child: ChildProcess) =>
	child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', r));

it('loses no mail and sends none under two Message-IDs when the worker is killed mid-batch', async () => {
	await db.transaction().execute(async (trx) => {
		for (let i = 0; i < MAILS; i++)
			await queueMail(trx, { to: `massutskick${i}@test.example`, subject: `Utskick ${i}`, text: `Nummer ${i}.` });
	});
	const sentCount = async () =>
		Number(
			(
				await owner
					.selectFrom('mail_outbox')
					.select((eb) => eb.fn.countAll().as('n'))
					.where('status', '=', 'sent')
					.executeTakeFirstOrThrow()
			).n
		);

	// Kill it, without warning, at random points while it sends.
	let kills = 0;
	while (kills < 6 && (await sentCount()) < MAILS) {
		const child = startWorkerProcess();
		const received = smtp.mails.length;
		// Once it has sent something, kill it after a random further moment.
		await expect.poll(() => smtp.mails.length > received || child.exitCode !== null, { timeout: 30_000 }).toBe(true);
		await new Promise((r) => setTimeout(r, 20 + Math.random() * 300));
		child.kill('SIGKILL');
		await exited(child);
		kills++;
	}
	const last = startWorkerProcess();
	try {
		await expect.poll(sentCount, { timeout: 60_000, interval: 200 }).toBe(MAILS);
	} finally {
		last.kill('SIGTERM');
		await exited(last);
	}

	expect(kills).toBeGreaterThanOrEqual(3);
	const rows = await owner.selectFrom('mail_outbox').select(['recipient', 'message_id']).execute();
	const idOf = new Map(rows.map((r) => [r.recipient, r.message_id]));
	const received = smtp.mails.filter((m) => m.to[0]?.startsWith('massutskick'));
	// Every mail arrived, each under its own row's Message-ID only.
	expect(new Set(received.map((m) => m.to[0])).size).toBe(MAILS);
	for (const m of received) expect(m.messageId, m.to[0]).toBe(idOf.get(m.to[0]!));
	expect(new Set(received.map((m) => m.messageId)).size).toBe(MAILS);
	console.log(
		`${kills} kills; ${received.length} deliveries of ${MAILS} mails (${received.length - MAILS} repeated, same Message-ID).`
	);
}, 150_000);

it('runs a scheduled job once per period with two workers running', async () => {
	// A mail sent long ago, whose body the daily redaction must empty: once, whichever worker runs it.
	await db
		.transaction()
		.execute((trx) => queueMail(trx, { to: 'gammal@test.example', subject: 'Gammal', text: 'Gammal.' }));
	await owner
		.updateTable('mail_outbox')
		.set({ status: 'sent', sent_at: new Date('2026-01-01') })
		.where('recipient', '=', 'gammal@test.example')
		.execute();
	const now = () => new Date('2026-09-01T10:00:00Z');
	const options = {
		databaseUrl: workerUrl,
		now,
		tickMs: 50,
		pollMs: 200,
		mailer: { kind: 'smtp' as const, send: async () => undefined }
	};
	const [a, b] = await Promise.all([startWorker(options), startWorker(options)]);
	try {
		await expect
			.poll(
				async () =>
					(
						await owner
							.selectFrom('mail_outbox')
							.select('redacted_at')
							.where('recipient', '=', 'gammal@test.example')
							.executeTakeFirstOrThrow()
					).redacted_at,
				{ timeout: 20_000 }
			)
			.not.toBeNull();
		// Let both tick many more times within the same period.
		await new Promise((r) => setTimeout(r, 500));
		// (The first test's workers ran on the real clock: only this period is looked at.)
		const runs = await owner
			.selectFrom('scheduled_run')
			.selectAll()
			.where('schedule', '=', 'mail.redact.daily')
			.where('due_at', '>=', new Date('2026-08-01'))
			.where('due_at', '<', new Date('2026-10-01'))
			.execute();
		expect(runs.map((r) => r.due_at.toISOString())).toEqual(['2026-09-01T01:30:00.000Z']);
	} finally {
		await Promise.all([a.stop(), b.stop()]);
	}
}, 60_000);
