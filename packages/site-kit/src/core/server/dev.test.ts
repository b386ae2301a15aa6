import { createTestDatabase, seedFixtures } from '@regionportalen/db/testing';
import { queueMail } from '@regionportalen/mail';
import { afterEach, describe, expect, it } from 'vitest';
import { loadOutbox } from './dev.ts';
import type { SiteLocals } from './locals.ts';

// /dev/utkorg lists the outbox table as the signed-in person may see it: an admin the rows they may
// (a förbund admin their förbund's), anyone else none; and the page does not exist in production.

const { db, owner } = await createTestDatabase();
const fx = await seedFixtures(owner);
await db.transaction().execute(async (trx) => {
	await queueMail(trx, { to: 'a@test.example', subject: 'Till A', text: 'Hej' }, { forbundId: fx.forbund.a });
	await queueMail(trx, { to: 'b@test.example', subject: 'Till B', text: 'Hej' }, { forbundId: fx.forbund.b });
});

const localsAs = (userId: number | null) =>
	({
		db,
		site: { kind: 'hub', regions: ['norr'] },
		origin: 'http://portal.test.example',
		user: userId === null ? null : { id: userId, email: `u${userId}@test.example`, name: `u${userId}` },
		session: userId === null ? null : { id: `dev-${userId}` },
		twoFactor: userId === null ? null : 'verified',
		pending: null,
		privileged: false
	}) as unknown as SiteLocals;

const recipients = async (userId: number | null) =>
	(await loadOutbox({ locals: localsAs(userId) })).queue?.map((m) => m.recipient).sort() ?? null;

const environment = process.env.NODE_ENV;
afterEach(() => {
	process.env.NODE_ENV = environment;
});

describe('/dev/utkorg', () => {
	it('shows the outbox table to admins as far as they may see it, and to no one else', async () => {
		expect(await recipients(fx.users.platformAdmin)).toEqual(['a@test.example', 'b@test.example']);
		expect(await recipients(fx.users.adminA)).toEqual(['a@test.example']);
		expect(await recipients(fx.users.editorA)).toBeNull();
		expect(await recipients(null)).toBeNull();
	});

	it('does not exist in production', async () => {
		process.env.NODE_ENV = 'production';
		await expect(loadOutbox({ locals: localsAs(fx.users.platformAdmin) })).rejects.toMatchObject({ status: 404 });
	});
});
