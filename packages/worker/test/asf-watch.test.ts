import { createDb } from '@regionportalen/db/client';
import { unseal } from '@regionportalen/db/seal';
import { createTestDatabase, seedFixtures } from '@regionportalen/db/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { SCHEDULES, TASKS } from '../src/index.ts';

// The daily watch of the ASF register: a certification ending within 60 days is mailed to the
// region's ASF-samordnare once, again once within 14 days, and a renewed one is watched anew. The
// clock is the job's due time, set here.

const { owner, workerUrl } = await createTestDatabase();
const worker = createDb({ connectionString: workerUrl, max: 2 });
afterAll(() => worker.destroy());
const fx = await seedFixtures(owner);
await owner
	.updateTable('region')
	.set({ hub_origin: 'https://hub.test.example' })
	.where('id', '=', fx.regions.norr)
	.execute();
const { id: asfNorr } = await owner
	.insertInto('app_user')
	.values({ email: 'asf.norr@test.example', name: 'ASF Norr' })
	.returning('id')
	.executeTakeFirstOrThrow();
await owner
	.insertInto('membership')
	.values({ user_id: asfNorr, role: 'asf_coordinator', region_id: fx.regions.norr })
	.execute();

async function enterprise(slug: string, orgNumber: string, certifiedOn: string, active = true) {
	return (
		await owner
			.insertInto('asf_enterprise')
			.values({
				region_id: fx.regions.norr,
				slug,
				name: `Företaget ${slug}`,
				org_number: orgNumber,
				legal_form: 'ekonomisk_forening',
				criteria: '{}',
				contacts: '[]',
				certified_on: certifiedOn,
				active
			})
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
}

// Certified 2024-04-01: valid to 2026-04-01.
const ending = await enterprise('ett', '769612-1214', '2024-04-01');
await enterprise('tva', '802547-3276', '2024-04-01', false);
await enterprise('tre', '769634-5144', '2025-06-01');

const run = (at: string) => TASKS['asf.watch']!({ dueAt: at }, worker, { mailKeepDays: 7 });
const outbox = async () =>
	(await owner.selectFrom('mail_outbox').select(['recipient', 'subject', 'body_sealed']).orderBy('id').execute()).map(
		(r) => ({ ...r, text: r.body_sealed ? Buffer.from(unseal(r.body_sealed)).toString('utf8') : '' })
	);

describe('the daily ASF watch', () => {
	it('runs every morning', () => {
		expect(SCHEDULES).toContainEqual({ name: 'asf.watch.daily', cron: '15 6 * * *', task: 'asf.watch' });
	});

	it('mails a certification ending within 60 and within 14 days once each, and a renewed one anew', async () => {
		// 61 days before: nothing yet.
		await run('2026-01-30T05:15:00Z');
		expect(await outbox()).toEqual([]);
		// 50 days before: the 60-day mail, to the region's ASF-samordnare; not the inactive one.
		await run('2026-02-10T05:15:00Z');
		await run('2026-02-11T05:15:00Z');
		const first = await outbox();
		expect(first.map((m) => [m.recipient, m.subject])).toEqual([
			['asf.norr@test.example', 'Certifieringen går ut inom 60 dagar: Företaget ett']
		]);
		expect(first[0]!.text).toContain('gäller till 2026-04-01');
		expect(first[0]!.text).toContain(`https://hub.test.example/norr/asf/register/${ending}`);
		// 10 days before: the 14-day mail, once.
		await run('2026-03-22T05:15:00Z');
		await run('2026-03-23T05:15:00Z');
		expect((await outbox()).map((m) => m.subject)).toEqual([
			'Certifieringen går ut inom 60 dagar: Företaget ett',
			'Certifieringen går ut inom 14 dagar: Företaget ett'
		]);
		// Renewed: a new end date, watched anew two years on.
		await owner.updateTable('asf_enterprise').set({ certified_on: '2026-03-25' }).where('id', '=', ending).execute();
		await run('2028-02-10T05:15:00Z');
		expect((await outbox()).map((m) => m.subject).at(-1)).toBe('Certifieringen går ut inom 60 dagar: Företaget ett');
		expect(
			await owner
				.selectFrom('asf_watch_mail')
				.select(['threshold_days', 'ends_on'])
				.orderBy('ends_on')
				.orderBy('threshold_days', 'desc')
				.execute()
		).toEqual([
			{ threshold_days: 60, ends_on: '2026-04-01' },
			{ threshold_days: 14, ends_on: '2026-04-01' },
			{ threshold_days: 60, ends_on: '2028-03-25' }
		]);
	});
});
