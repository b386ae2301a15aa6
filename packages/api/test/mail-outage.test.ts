import { createTestDatabase, seedFixtures } from '@regionportalen/db/testing';
import { linkIn, startSmtpCapture } from '@regionportalen/mail/testing';
import { expect, it } from 'vitest';
import { callersFor, startMailWorker, TEST_ORIGIN } from './helpers.ts';

// A request never talks to SMTP: with the SMTP server down an invitation still succeeds at once,
// and its mail arrives when the server is back.

const { db, owner, workerUrl } = await createTestDatabase();
const fx = await seedFixtures(owner);
const as = callersFor(db, fx);
// The worker sends to a port where no SMTP server listens, until the test starts one there.
const probe = await startSmtpCapture();
const port = probe.port;
await probe.close();
await startMailWorker(workerUrl, `smtp://127.0.0.1:${port}`);

it('invites while the SMTP server is down, and the mail arrives once it is back', async () => {
	const result = await as.adminA.admin.invite({
		email: 'under.avbrott@test.example',
		role: 'editor',
		forbundId: fx.forbund.a
	});
	expect(result.invited).toBe(true);
	const row = () =>
		owner
			.selectFrom('mail_outbox')
			.select(['status', 'attempts', 'last_error', 'forbund_id'])
			.where('recipient', '=', 'under.avbrott@test.example')
			.executeTakeFirstOrThrow();
	// The worker has tried, and failed, and will try again.
	await expect.poll(async () => (await row()).attempts, { timeout: 10_000 }).toBeGreaterThan(0);
	expect(await row()).toMatchObject({
		status: 'pending',
		forbund_id: fx.forbund.a,
		last_error: expect.stringMatching(/ECONNREFUSED/)
	});

	const smtp = await startSmtpCapture(port);
	try {
		const mail = await smtp.next('under.avbrott@test.example', 20_000);
		expect(linkIn(mail, TEST_ORIGIN)).toMatch(/\/inbjudan\/[A-Za-z0-9_-]+$/);
		await expect.poll(async () => (await row()).status).toBe('sent');
	} finally {
		await smtp.close();
	}
}, 60_000);
