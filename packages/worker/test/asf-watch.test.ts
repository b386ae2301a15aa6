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

describe('the daily ASF watch of agreements', () => {
	const agreement = async (title: string, endsOn: string, status: 'aktivt' | 'utkast' | 'uppsagt' = 'aktivt') =>
		(
			await owner
				.insertInto('asf_agreement')
				.values({
					region_id: fx.regions.norr,
					enterprise_id: ending,
					title,
					buyer_kind: 'arbetsformedlingen',
					form: 'af_avtal',
					starts_on: '2028-07-01',
					ends_on: endsOn,
					status
				})
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;

	it('mails an active agreement ending within 90 and within 30 days once each, and an extended one anew', async () => {
		const id = await agreement('Arbetsträning för AF', '2029-06-30');
		await agreement('Ett utkast', '2029-06-30', 'utkast');
		await agreement('Ett uppsagt avtal', '2029-06-30', 'uppsagt');
		const before = (await outbox()).length;
		const since = async () => (await outbox()).slice(before);
		// 121 days before: nothing.
		await run('2029-03-01T05:15:00Z');
		expect(await since()).toEqual([]);
		// 81 days before: the 90-day mail, once however often the job runs.
		await run('2029-04-10T05:15:00Z');
		await run('2029-04-11T05:15:00Z');
		const first = await since();
		expect(first.map((m) => [m.recipient, m.subject])).toEqual([
			['asf.norr@test.example', 'Avtalet går ut inom 90 dagar: Arbetsträning för AF (Företaget ett)']
		]);
		expect(first[0]!.text).toContain('gäller till 2029-06-30');
		expect(first[0]!.text).toContain(`https://hub.test.example/norr/asf/avtal/${id}`);
		// 25 days before: the 30-day mail, once.
		await run('2029-06-05T05:15:00Z');
		await run('2029-06-06T05:15:00Z');
		expect((await since()).map((m) => m.subject)).toEqual([
			'Avtalet går ut inom 90 dagar: Arbetsträning för AF (Företaget ett)',
			'Avtalet går ut inom 30 dagar: Arbetsträning för AF (Företaget ett)'
		]);
		// Extended to the end of the year: watched anew.
		await owner.updateTable('asf_agreement').set({ ends_on: '2029-12-31' }).where('id', '=', id).execute();
		await run('2029-10-15T05:15:00Z');
		expect((await since()).map((m) => m.subject)).toHaveLength(3);
		expect(
			await owner
				.selectFrom('asf_agreement_watch_mail')
				.select(['agreement_id', 'threshold_days', 'ends_on', 'recipients'])
				.orderBy('ends_on')
				.orderBy('threshold_days', 'desc')
				.execute()
		).toEqual([
			{ agreement_id: id, threshold_days: 90, ends_on: '2029-06-30', recipients: 1 },
			{ agreement_id: id, threshold_days: 30, ends_on: '2029-06-30', recipients: 1 },
			{ agreement_id: id, threshold_days: 90, ends_on: '2029-12-31', recipients: 1 }
		]);
	});
});
