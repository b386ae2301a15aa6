import { createDb } from '@regionportalen/db/client';
import { createHash, randomBytes } from 'node:crypto';
import { seal, unseal } from '@regionportalen/db/seal';
import { createTestDatabase, seedFixtures } from '@regionportalen/db/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { SCHEDULES, TASKS } from '../src/index.ts';

// The monthly mail to each social enterprise with its link to report free places: to its contacts
// with an address, the same link the coordinator's page shows, once a month however often the job
// runs, and none for an inactive enterprise or one without a link.

const { owner, workerUrl } = await createTestDatabase();
const worker = createDb({ connectionString: workerUrl, max: 2 });
afterAll(() => worker.destroy());
const fx = await seedFixtures(owner);
await owner
	.updateTable('region')
	.set({ hub_origin: 'https://hub.test.example' })
	.where('id', '=', fx.regions.norr)
	.execute();

async function enterprise(slug: string, active: boolean, emails: string[]) {
	const { id } = await owner
		.insertInto('asf_enterprise')
		.values({
			region_id: fx.regions.norr,
			slug,
			name: `Företaget ${slug}`,
			org_number: slug === 'ett' ? '769612-1214' : slug === 'tva' ? '802547-3276' : '769634-5144',
			legal_form: 'ekonomisk_forening',
			criteria: '{}',
			contacts: JSON.stringify(
				emails.map((email) => ({ role: 'verksamhetsansvarig', name: 'Kontakt', email, phone: '' }))
			),
			active
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}

/** A link as the coordinator's page makes one (asf.renewLink): the token's hash, and the token sealed. */
async function renewLink(enterpriseId: number) {
	const token = randomBytes(32).toString('base64url');
	await owner
		.insertInto('asf_update_link')
		.values({
			enterprise_id: enterpriseId,
			token_hash: createHash('sha256').update(token).digest(),
			token_sealed: seal(new TextEncoder().encode(token))
		})
		.execute();
	return token;
}

const one = await enterprise('ett', true, ['ett@asf.example', 'ett@asf.example', '']);
const inactive = await enterprise('tva', false, ['tva@asf.example']);
await enterprise('tre', true, ['tre@asf.example']);
const token = await renewLink(one);
await renewLink(inactive);

const run = (at: string) => TASKS['asf.places_link']!({ dueAt: at }, worker, { mailKeepDays: 7 });
const outbox = async () =>
	(
		await owner
			.selectFrom('mail_outbox')
			.select(['recipient', 'subject', 'body_sealed', 'region_id'])
			.orderBy('id')
			.execute()
	).map((r) => ({ ...r, text: r.body_sealed ? Buffer.from(unseal(r.body_sealed)).toString('utf8') : '' }));

describe('the monthly mail with each enterprise’s link', () => {
	it('runs on the first of each month', () => {
		expect(SCHEDULES).toContainEqual({ name: 'asf.places_link.monthly', cron: '0 8 1 * *', task: 'asf.places_link' });
	});

	it('goes to an active enterprise’s contacts with its link, once a month', async () => {
		await run('2026-02-01T07:00:00Z');
		const mails = await outbox();
		// Once per address; not the inactive enterprise, not the one without a link.
		expect(mails.map((m) => m.recipient)).toEqual(['ett@asf.example']);
		expect(mails[0]!.region_id).toBe(fx.regions.norr);
		expect(mails[0]!.subject).toBe('Hur många platser är lediga hos Företaget ett?');
		expect(mails[0]!.text).toContain(`https://hub.test.example/norr/asf/platser/${token}`);

		await run('2026-02-01T10:00:00Z');
		expect(await outbox()).toHaveLength(1);
		await run('2026-03-01T07:00:00Z');
		expect((await outbox()).map((m) => m.recipient)).toEqual(['ett@asf.example', 'ett@asf.example']);
		expect(await owner.selectFrom('asf_link_mail').select(['month', 'recipients']).orderBy('month').execute()).toEqual([
			{ month: '2026-02-01', recipients: 1 },
			{ month: '2026-03-01', recipients: 1 }
		]);
	});
});
