import { createDb } from '@regionportalen/db/client';
import { unseal } from '@regionportalen/db/seal';
import { createTestDatabase, seedFixtures } from '@regionportalen/db/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { SCHEDULES, TASKS } from '../src/index.ts';

// The monthly reminder of insatser not reviewed for 12 months: to each förbund's approvers, through
// the outbox, once a month however often the job runs.

const { owner, workerUrl } = await createTestDatabase();
const worker = createDb({ connectionString: workerUrl, max: 2 });
afterAll(() => worker.destroy());
const fx = await seedFixtures(owner);

const { id: catalogueA } = await owner
	.insertInto('app_user')
	.values({ email: 'katalog.a@test.example', name: 'Katalog A' })
	.returning('id')
	.executeTakeFirstOrThrow();
await owner
	.insertInto('membership')
	.values({ user_id: catalogueA, role: 'catalogue_admin', forbund_id: fx.forbund.a })
	.execute();
await owner.updateTable('forbund').set({ origin: 'https://a.test.example' }).where('id', '=', fx.forbund.a).execute();
const category = await owner.selectFrom('insats_precise_category').select('id').orderBy('id').executeTakeFirstOrThrow();

async function insats(
	forbund: 'a' | 'b' | 'c',
	name: string,
	reviewedAt: string | null,
	status = 'published' as const
) {
	await owner
		.insertInto('insats')
		.values({
			forbund_id: fx.forbund[forbund],
			region_id: forbund === 'c' ? fx.regions.syd : fx.regions.norr,
			slug: name.toLowerCase().replace(/[^a-z]+/g, '-'),
			name,
			inriktning: 'individinriktad',
			precise_category_id: category.id,
			follow_up: 'endast_antal',
			providers: '[]',
			contacts: '[]',
			status,
			published_at: new Date('2024-01-10'),
			first_published_at: new Date('2024-01-10'),
			reviewed_at: reviewedAt
		})
		.execute();
}

await insats('a', 'Gammal insats', '2025-01-15');
await insats('a', 'Aldrig granskad', null);
await insats('a', 'Nyss granskad', '2026-10-01');
await insats('b', 'Granskad i tid', '2025-02-15');

const run = (at: string) => TASKS['insatser.review_reminder']!({ dueAt: at }, worker, { mailKeepDays: 7 });
const outbox = async () =>
	(
		await owner
			.selectFrom('mail_outbox')
			.select(['recipient', 'subject', 'body_sealed', 'forbund_id'])
			.orderBy('id')
			.execute()
	).map((r) => ({ ...r, text: r.body_sealed ? Buffer.from(unseal(r.body_sealed)).toString('utf8') : '' }));

describe('the monthly review reminder', () => {
	it('runs on the first of each month', () => {
		expect(SCHEDULES).toContainEqual({
			name: 'insatser.review_reminder.monthly',
			cron: '0 7 1 * *',
			task: 'insatser.review_reminder'
		});
	});

	it('mails each förbund’s approvers the insatser not reviewed for 12 months, once a month', async () => {
		await run('2026-02-01T06:00:00Z');
		const mails = await outbox();
		// Förbund A's katalogadministratör and admin.
		expect(mails.map((m) => m.recipient).sort()).toEqual(['admina@test.example', 'katalog.a@test.example']);
		expect(mails.every((m) => m.forbund_id === fx.forbund.a)).toBe(true);
		expect(mails[0]!.subject).toBe('2 insatser behöver granskas: a');
		expect(mails[0]!.text).toContain('- Aldrig granskad\n- Gammal insats');
		expect(mails[0]!.text).not.toContain('Nyss granskad');
		expect(mails[0]!.text).toContain('https://a.test.example/admin/insatser');

		// The same month again (a retry, a second worker): nothing more.
		await run('2026-02-01T09:00:00Z');
		expect(await outbox()).toHaveLength(2);
		const records = await owner.selectFrom('insats_review_reminder').selectAll().execute();
		expect(records).toMatchObject([{ forbund_id: fx.forbund.a, month: '2026-02-01', insats_count: 2 }]);

		// Next month: förbund B's insats is due now too.
		await run('2026-03-01T06:00:00Z');
		const next = (await outbox()).slice(2);
		expect(next.filter((m) => m.forbund_id === fx.forbund.a)).toHaveLength(2);
		// Förbund B has no approver: its mail goes to the platform admins.
		expect(next.filter((m) => m.forbund_id === fx.forbund.b).map((m) => m.recipient)).toEqual([
			'platformadmin@test.example'
		]);
	});
});
