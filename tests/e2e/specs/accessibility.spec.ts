import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_PASSWORD } from '@regionportalen/db/demo';
import { MAIL_DIR, mailTo, type CapturedMail } from '../mail.ts';
import { HUB, SUS } from '../portal.ts';
import { expect, expectAccessible, signIn, test } from '../fixtures.ts';

// The accessibility statement, the report form and the privacy page, as visitors and a förbund admin
// meet them, without JavaScript: every page the tests visit is audited with axe and the Nu HTML
// checker afterwards (fixtures.ts), and a refused form as it was shown.
test.use({ javaScriptEnabled: false });
// A sign-in may wait for the authenticator's next 30-second step.
test.describe.configure({ timeout: 60_000 });

const CONTACT = 'kansli@sus.demo.regionportalen.se';

const allMail = (): CapturedMail[] =>
	readdirSync(MAIL_DIR).map((n) => JSON.parse(readFileSync(path.join(MAIL_DIR, n), 'utf8')) as CapturedMail);

test('every page of a förbund site and the hub links to its accessibility statement and privacy page', async ({
	page
}) => {
	for (const site of [SUS, HUB]) {
		await page.goto(`${site}/`);
		await page.getByRole('contentinfo').getByRole('link', { name: 'Tillgänglighet', exact: true }).click();
		await expect(page).toHaveURL(`${site}/tillganglighet`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Tillgänglighet för /);
		await expect(page.getByRole('heading', { name: 'Tillsyn' })).toBeVisible();
		await expect(page.getByRole('link', { name: 'anmäl bristande tillgänglighet till Digg' })).toHaveAttribute(
			'href',
			'https://www.digg.se/tdosanmalan'
		);
		await expect(page.getByText(/^Senast uppdaterad:/)).toBeVisible();

		await page.getByRole('contentinfo').getByRole('link', { name: 'Personuppgifter' }).click();
		await expect(page).toHaveURL(`${site}/personuppgifter`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Så behandlar vi personuppgifter');
		await expect(page.getByRole('link', { name: 'imy.se' })).toBeVisible();

		await page.getByRole('contentinfo').getByRole('link', { name: 'Rapportera brist i tillgänglighet' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rapportera brist i tillgänglighet');
	}

	// SUS's statement from the demo: a gap outside the law's scope, one with a date it is to be fixed by.
	await page.goto(`${SUS}/tillganglighet`);
	await expect(
		page.getByRole('heading', { name: 'Innehåll som inte omfattas av lagen (utanför lagens tillämpningsområde)' })
	).toBeVisible();
	await expect(page.getByText(/PDF-filer som inte är tillgänglighetsanpassade/)).toBeVisible();
	await expect(page.getByText(/Planeras vara åtgärdat senast 31 mars 2027/)).toBeVisible();
});

test('a visitor without JavaScript reports a problem; it reaches the contact address, and the förbund admin marks it answered', async ({
	page
}) => {
	await page.goto(`${SUS}/tillganglighet/rapportera`);
	// Refused first: no description, and an address that is none. What was typed stays.
	await page.getByLabel('Sidans adress').fill(`${SUS}/nyheter`);
	await page.getByLabel('Din e-postadress').fill('inte-en-adress');
	await page.getByRole('button', { name: 'Skicka rapporten' }).click();
	const summary = page.getByRole('alert');
	await expect(summary).toContainText('Formuläret har 2 fel');
	await expect(summary.getByRole('link', { name: /Beskriv problemet du stötte på/ })).toHaveAttribute(
		'href',
		'#description'
	);
	await expect(page.getByLabel('Din e-postadress')).toHaveValue('inte-en-adress');
	await expect(page.getByLabel('Sidans adress')).toHaveValue(`${SUS}/nyheter`);
	await expect(page.getByLabel('Vad är problemet?')).toHaveAttribute('aria-invalid', 'true');
	await expectAccessible(page);

	const problem = `Menyn går inte att nå med tangentbordet (${Date.now()})`;
	const typed = `vera.${Date.now()}@example.org`;
	await page.getByLabel('Vad är problemet?').fill(problem);
	await page.getByLabel('Ditt namn').fill('Vera Besökare');
	await page.getByLabel('Din e-postadress').fill(typed);
	await page.getByRole('button', { name: 'Skicka rapporten' }).click();
	await expect(page.getByRole('status')).toContainText('Tack! Din rapport har skickats till');

	// Through the outbox and the worker to the förbund's contact address over SMTP.
	const mail = await mailTo(CONTACT, /Brist i tillgänglighet rapporterad/);
	expect(mail.text).toContain(problem);
	expect(mail.text).toContain(typed);
	// Never to the address typed into the form.
	expect(allMail().filter((m) => m.to.includes(typed))).toEqual([]);

	await signIn(page, SUS, 'fc.sus@demo.regionportalen.se', DEMO_PASSWORD);
	await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Tillgänglighet' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Tillgänglighetsredogörelse för /);
	await page.getByRole('link', { name: 'Rapporter om brister' }).click();
	const report = page.getByRole('listitem').filter({ hasText: problem });
	await expect(report.getByRole('heading')).toContainText('(ny)');
	await expect(report.getByRole('link', { name: typed })).toBeVisible();
	const today = new Date().toISOString().slice(0, 10);
	await report.getByLabel('Status').selectOption({ label: 'Besvarad' });
	await report.getByLabel('Besvarad den').fill(today);
	await report.getByLabel('Anteckning').fill('Svarade per mejl; menyn rättas i nästa version.');
	await report.getByRole('button', { name: /^Spara/ }).click();
	await expect(page.getByRole('status')).toHaveText('Rapporten är uppdaterad.');
	const answered = page.getByRole('listitem').filter({ hasText: problem });
	await expect(answered.getByRole('heading')).toContainText('(besvarad)');
	await expect(answered.getByLabel('Anteckning')).toHaveValue('Svarade per mejl; menyn rättas i nästa version.');
	await expect(answered.getByLabel('Besvarad den')).toHaveValue(today);
});

test('the förbund admin adds a known gap with "Lägg till rad" and saves; the statement shows it, updated today', async ({
	page
}) => {
	await signIn(page, SUS, 'fc.sus@demo.regionportalen.se', DEMO_PASSWORD);
	await page.goto(`${SUS}/admin/tillganglighet`);
	const rows = page.getByLabel('Beskrivning', { exact: true });
	const before = await rows.count();
	await page.getByRole('button', { name: 'Lägg till rad' }).click();
	await expect(rows).toHaveCount(before + 1);
	const gap = `Videoklippet om Finsam saknar undertexter (${Date.now()})`;
	await rows.nth(before).fill(gap);
	await page
		.getByLabel('Skäl', { exact: true })
		.nth(before)
		.selectOption({ label: 'Bristande förenlighet med lagkraven' });
	await page.getByRole('button', { name: 'Spara redogörelsen' }).click();
	await expect(page.getByRole('status')).toHaveText('Redogörelsen är sparad.');

	await page.goto(`${SUS}/tillganglighet`);
	await expect(page.getByText(gap)).toBeVisible();
	const today = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeZone: 'Europe/Stockholm' }).format(
		new Date()
	);
	await expect(page.getByText(/^Senast uppdaterad:/)).toContainText(today);
});
