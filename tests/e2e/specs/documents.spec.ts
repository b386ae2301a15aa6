import { DEMO_PASSWORD } from '@regionportalen/db/demo';
import { textPdf } from '@regionportalen/db/demo/pdf';
import { ARVIKA_EDA, HUB, SUS } from '../portal.ts';
import { expect, expectAccessible, signIn, test } from '../fixtures.ts';

// The document library without JavaScript: an editor uploads a real PDF, the worker extracts its
// text, and a visitor finds that text through the site search and the document on /dokument
// filtered by type and year; the scanned demo protocol says it has no searchable text. Editors write
// on Arvika-Eda (the visitor specs count SUS's demo content).
test.use({ javaScriptEnabled: false });

test('an editor uploads a PDF, the worker extracts it, and a visitor finds it by its text and on /dokument', async ({
	page,
	browser
}) => {
	// It waits for the worker, and visits nine pages with their audits.
	test.setTimeout(90_000);
	const stamp = Date.now().toString(36);
	const title = `Utvärdering av arbetsträningen ${stamp}`;
	const word = `friskvardsslinga${stamp}`;
	const pdf = await textPdf({
		title,
		paragraphs: [
			'Utvärderingen följer deltagarna i arbetsträningen under ett år.',
			`Mest uppskattad var den gemensamma ${word} varje torsdag, där deltagare och coacher gick tillsammans.`
		]
	});
	await signIn(page, ARVIKA_EDA, 'redaktor.arvika-eda@demo.regionportalen.se', DEMO_PASSWORD);

	await page.goto(`${ARVIKA_EDA}/redaktor/dokument`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dokument');
	// A file that is no PDF is refused, and what was typed stays.
	await page
		.getByLabel('PDF-fil')
		.setInputFiles({ name: 'bild.pdf', mimeType: 'application/pdf', buffer: Buffer.from('GIF89a') });
	await page.getByLabel('Titel').fill(title);
	await page.getByLabel('Datum').fill('2023-05-17');
	await page.getByLabel('Typ').selectOption({ label: 'Utvärdering' });
	await page.getByRole('button', { name: 'Ladda upp' }).click();
	await expect(page.getByRole('alert')).toHaveText('Filen är inte en PDF. Bilagor kan bara vara PDF-filer.');
	await expect(page.getByLabel('Titel')).toHaveValue(title);
	await expectAccessible(page);

	await page
		.getByLabel('PDF-fil')
		.setInputFiles({ name: `${title}.pdf`, mimeType: 'application/pdf', buffer: Buffer.from(pdf) });
	await page.getByLabel('Diarienummer').fill(`AE 2023/${stamp}`);
	await page.getByRole('button', { name: 'Ladda upp' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(page.getByRole('status')).toHaveText('Dokumentet är uppladdat.');

	// The worker reads it within seconds; the page says so once it has.
	const editorUrl = page.url();
	await expect(async () => {
		await page.goto(editorUrl);
		await expect(page.getByText('Sökbar, 1 sida')).toBeVisible({ timeout: 500 });
	}).toPass({ timeout: 20_000 });

	// A visitor finds it by a word of its text, under Dokument in the site search.
	const visitorContext = await browser.newContext({ javaScriptEnabled: false });
	const visitor = await visitorContext.newPage();
	await visitor.goto(`${ARVIKA_EDA}/sok?q=${word}`);
	const hits = visitor.getByRole('region', { name: 'Dokument', exact: true });
	await expect(hits.getByRole('link', { name: title })).toHaveAttribute(
		'href',
		/^\/media\/files\/[a-f0-9]{32}\/.+\.pdf$/
	);
	await expect(hits.locator('mark')).toHaveText(word);
	await expectAccessible(visitor);

	// And on /dokument, filtered by type and year with the plain form.
	await visitor.goto(`${ARVIKA_EDA}/dokument`);
	await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Dokument');
	await visitor.getByLabel('Typ').selectOption({ label: 'Utvärdering' });
	await visitor.getByLabel('År').selectOption('2023');
	await visitor.getByRole('button', { name: 'Visa' }).click();
	await expect(visitor).toHaveURL(/\/dokument\?typ=utvardering&ar=2023$/);
	const listed = visitor.getByRole('main').getByRole('listitem');
	await expect(listed).toHaveCount(1);
	await expect(listed.getByRole('heading', { name: title })).toBeVisible();
	await expect(listed).toContainText(`Dnr AE 2023/${stamp}`);
	await expectAccessible(visitor);
	// The PDF itself is served as uploaded.
	const href = await listed.getByRole('link').getAttribute('href');
	const download = await visitor.request.get(`${ARVIKA_EDA}${href}`);
	expect(download.headers()['content-type']).toBe('application/pdf');
	expect(Buffer.from(await download.body()).equals(Buffer.from(pdf))).toBe(true);

	// The editor deletes it: gone from the library (a new context, past the browser's cache).
	await page.goto(editorUrl);
	await page.getByRole('button', { name: 'Ta bort dokumentet' }).click();
	await expect(page.getByRole('status')).toHaveText('Dokumentet är borttaget.');
	await visitorContext.close();
	const later = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
	await later.goto(`${ARVIKA_EDA}/dokument?typ=utvardering&ar=2023`);
	await expect(later.getByText('Inga dokument passar filtret.')).toBeVisible();
	await later.context().close();
});

test('a scanned PDF is listed with “ingen sökbar text”, and the hub lists the region’s documents', async ({ page }) => {
	await expect(async () => {
		await page.goto(`${SUS}/dokument?typ=protokoll`);
		await expect(
			page.getByRole('listitem').filter({ hasText: 'Protokoll från styrelsens sammanträde 14 februari 2019' })
		).toContainText('Ingen sökbar text', { timeout: 500 });
	}).toPass({ timeout: 20_000 });

	// The hub's library for the region: its own lägesbild, and its förbund's documents, credited.
	await page.goto(`${HUB}/stockholm/dokument`);
	await expect(
		page.getByRole('heading', { name: /Samordningsförbunden i Stockholms län – regional lägesbild 2025/ })
	).toBeVisible();
	await expect(
		page
			.getByRole('listitem')
			.filter({ has: page.getByRole('heading', { name: /Kartläggning av målgruppen för SAMRE/ }) })
	).toContainText('SUS');
});
