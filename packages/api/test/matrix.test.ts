import { createTestDatabase, seedFixtures } from '@regionportalen/db/testing';
import { startSmtpCapture } from '@regionportalen/mail/testing';
import { afterAll, expect, it } from 'vitest';
import { runAdminMatrix, runMatrix, runMinutesMatrix } from './matrix.ts';

const { db, owner } = await createTestDatabase();
const fx = await seedFixtures(owner);
const smtp = await startSmtpCapture();
process.env.SMTP_URL = smtp.url;
afterAll(() => smtp.close());

it('allows each role its own tenant, and denies every other call without changing anything', async () => {
	const denied = await runMatrix(db, owner, fx, 'api-checks');
	expect(denied).toBeGreaterThan(150);
}, 60_000);

it('lets each role read and write the minutes it may, and denies every other call without changing anything', async () => {
	const denied = await runMinutesMatrix(db, owner, fx, 'api-checks');
	expect(denied).toBeGreaterThan(120);
}, 120_000);

it('lets each admin grant, revoke and list only within their scope, and denies the rest without a trace', async () => {
	const denied = await runAdminMatrix(db, owner, fx, 'api-checks', () => smtp.mails.length);
	expect(denied).toBeGreaterThan(100);
	// Every allowed invitation went out by mail.
	expect(smtp.mails.length).toBeGreaterThan(10);
}, 120_000);
