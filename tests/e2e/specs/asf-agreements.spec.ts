import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { transformer } from '@regionportalen/api/transformer';
import { createDb } from '@regionportalen/db/client';
import { DEMO_PASSWORD, VIONI } from '@regionportalen/db/demo';
import { localPostgresUrl } from '@regionportalen/db/local-postgres';
import { runAsfWatch } from '@regionportalen/worker';
import { MAIL_DIR, mailTo, type CapturedMail } from '../mail.ts';
import { HUB, PG_PORT } from '../portal.ts';
import { expect, expectAccessible, signIn, test } from '../fixtures.ts';

// ASF agreements without JavaScript: the demo's agreement ending 25 days after the seeding is on the
// coordinator's watch and its mail arrived once (the worker ran the daily watch when the portal
// started; the test runs the same job again on the portal's database with the clock set to the
// following days, and no second mail comes); the coordinator records a new agreement (a bad end date refused,
// what was typed kept), sees its direct award warning and who buys what with its CSV; a visitor sees
// only the public part on the enterprise's page, and neither a visitor nor another region's staff
// reach the internal part, by page or by the API.
test.use({ javaScriptEnabled: false });

const ASF = 'asf.stockholm@demo.regionportalen.se';
const ENDING = 'Arbetsträning i återbruket för deltagare i SAMRE';

const allMail = (): CapturedMail[] =>
	readdirSync(MAIL_DIR).map((n) => JSON.parse(readFileSync(path.join(MAIL_DIR, n), 'utf8')) as CapturedMail);
const trpcInput = (input: unknown) => encodeURIComponent(JSON.stringify(transformer.serialize(input)));

test('an agreement ending in 30 days is on the watch and mailed once; the coordinator records a new one', async ({
	page
}) => {
	test.slow();
	const stamp = Date.now().toString(36);
	const title = `Förrehabilitering på verkstaden ${stamp}`;
	const secret = `Hemlig e2e-anteckning ${stamp}`;

	// The watch's mail, once however many times the job runs: the portal's worker ran it at start;
	// here it runs again with the clock set one and five days on (within the same 30-day threshold).
	const mail = await mailTo(ASF, new RegExp(`Avtalet går ut inom 30 dagar: ${ENDING}`));
	expect(mail.text).toMatch(/\/stockholm\/asf\/avtal\/\d+/);
	// The portal's own database (portal.ts names it), as its superuser: the worker's rights and more.
	const db = createDb({ connectionString: localPostgresUrl(PG_PORT, 'regionportalen'), max: 1 });
	try {
		for (const days of [1, 5]) await runAsfWatch(db, new Date(Date.now() + days * 86_400_000));
		// The outbox's sender delivers whatever the runs queued; none is about this agreement.
		await expect
			.poll(() => db.selectFrom('mail_outbox').select('id').where('status', '=', 'pending').execute(), {
				timeout: 15_000
			})
			.toEqual([]);
	} finally {
		await db.destroy();
	}
	expect(allMail().filter((m) => m.subject.includes(ENDING))).toHaveLength(1);

	await signIn(page, HUB, ASF, DEMO_PASSWORD);
	await page.goto(`${HUB}/stockholm/asf/register`);
	const watch = page.getByRole('region', { name: 'Avtal som går ut inom 90 dagar' });
	await expect(watch).toContainText(ENDING);
	await expect(watch).toContainText(/2[45] dagar kvar/);
	await page.getByRole('link', { name: 'Avtal och vem som köper vad' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('ASF-avtal: Stockholms län');
	await expect(page.getByRole('table', { name: /^Avtal/ })).toContainText('Förrehabilitering inom SAMRE');
	await expectAccessible(page);

	await page.getByRole('link', { name: 'Nytt avtal' }).click();
	await page.getByLabel('Vad avtalet gäller').fill(title);
	await page.getByLabel('Socialt företag').selectOption({ label: 'VioNi' });
	await page.getByLabel('Avtalsform').selectOption({ label: 'Direktupphandling' });
	await page.getByLabel('Status').selectOption({ label: 'Gäller' });
	await page.getByLabel('Gäller från').fill('2026-03-01');
	await page.getByLabel('Gäller till och med').fill('2026-02-01');
	await page.getByLabel('Vem köper').selectOption({ label: 'Samordningsförbund' });
	await page.getByLabel('Förbundet som köper').selectOption({ index: 1 });
	await page.getByLabel('Avtalets värde i kronor').fill('750 000');
	await page.getByLabel('Anteckningar').fill(secret);
	await page.getByLabel('Förrehabilitering', { exact: true }).fill('2');
	await page.getByRole('button', { name: 'Spara avtalet' }).click();
	await expect(page.getByRole('alert')).toContainText('sluta innan det börjar');
	await expect(page.getByLabel('Vad avtalet gäller')).toHaveValue(title);
	await expect(page.getByLabel('Anteckningar')).toHaveValue(secret);
	await expectAccessible(page);

	await page.getByLabel('Gäller till och med').fill('2026-12-31');
	await page.getByRole('button', { name: 'Spara avtalet' }).click();
	await expect(page.getByRole('status')).toHaveText('Avtalet är sparat.');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	// A warning, not a refusal: 750 000 kr is over the 700 000 kr in force on 1 March 2026.
	await expect(page.getByRole('region', { name: 'Att kontrollera' })).toContainText('direktupphandlingsgränsen');
	await expectAccessible(page);

	await page.goto(`${HUB}/stockholm/asf/avtal?ar=2026`);
	const who = page.getByRole('table', { name: 'Vem köper vad år 2026' });
	await expect(who.getByRole('row', { name: /VioNi/ }).first()).toBeVisible();
	await expectAccessible(page);
	const csv = await page.request.get(`${HUB}/stockholm/asf/avtal/vem-koper-vad.csv?ar=2026`);
	expect(csv.headers()['content-type']).toContain('text/csv');
	const text = await csv.text();
	expect(text).toContain('Köpare;Socialt företag');
	expect(text).toContain('VioNi');
});

test('a visitor and another region’s staff see the public part only, by page and by the API', async ({
	page,
	browser
}) => {
	// The public page: buyer, form and period of VioNi's agreements; no value, no notes.
	await page.goto(`${HUB}/stockholm/asf/${VIONI}`);
	const agreements = page.getByRole('region', { name: 'Avtal', exact: true });
	await expect(agreements).toContainText('Direktupphandling med');
	await expect(agreements).toContainText('förrehabilitering');
	const html = await page.content();
	expect(html).not.toMatch(/240\s?000|SUS 2018\/04|Första avtalet med VioNi|Hemlig e2e-anteckning/);
	await expectAccessible(page);

	// A visitor is sent to sign in; the API answers 401 and the public procedure has no internal field.
	await page.goto(`${HUB}/stockholm/asf/avtal`);
	await expect(page).toHaveURL(/\/logga-in/);
	const list = await page.request.get(`${HUB}/api/trpc/asf.agreementList?input=${trpcInput({ region: 'stockholm' })}`, {
		failOnStatusCode: false
	});
	expect(list.status()).toBe(401);
	const enterprise = await page.request.get(
		`${HUB}/api/trpc/asf.enterprise?input=${trpcInput({ owner: { region: 'stockholm' }, slug: VIONI })}`
	);
	const { id } = transformer.deserialize(((await enterprise.json()) as { result: { data: never } }).result.data) as {
		id: number;
	};
	const shown = await page.request.get(`${HUB}/api/trpc/asf.agreementPublic?input=${trpcInput({ enterpriseId: id })}`);
	const shownText = await shown.text();
	expect(shownText).toContain('Förrehabilitering inom SAMRE');
	expect(shownText).not.toMatch(/value_sek|notes|diarienummer|240000/);

	// Värmland's insatspersonal: the Stockholm agreements page and the API refuse them.
	const otherContext = await browser.newContext({ javaScriptEnabled: false });
	const other = await otherContext.newPage();
	await signIn(other, HUB, 'insats.arvika-eda@demo.regionportalen.se', DEMO_PASSWORD);
	const refused = await other.goto(`${HUB}/stockholm/asf/avtal`);
	expect(refused?.status()).toBe(403);
	expect(await other.content()).not.toContain('Första avtalet med VioNi');
	const api = await other.request.get(`${HUB}/api/trpc/asf.agreementList?input=${trpcInput({ region: 'stockholm' })}`, {
		failOnStatusCode: false
	});
	expect(api.status()).toBe(403);
	expect(await api.text()).not.toContain('Första avtalet med VioNi');
	await otherContext.close();
});
