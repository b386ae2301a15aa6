import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { DEMO_PASSWORD } from '@regionportalen/db/demo';
import { HUB } from '../portal.ts';
import { sites } from '../sites.ts';
import { expect, expectAccessible, signIn, test } from '../fixtures.ts';

// The public catalogue of insatser, as a visitor without JavaScript: filtering by municipality and
// target group, an insats's page with "<5" for small counts, the referral form downloaded, the CSV
// and JSON exports parsed with real parsers; and the usage counted for the förbund's admin and the
// region's presidium. Every page visited is checked with axe and the Nu HTML checker (fixtures.ts).

const sus = (await sites()).find((s) => s.name === 'sus')!.url;
/** A browser as a person uses it: Playwright's HeadlessChrome counts as a bot and is not counted. */
const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

test.describe('a visitor without JavaScript', () => {
	test.use({ javaScriptEnabled: false, userAgent: CHROME });

	test('filters the catalogue by municipality and target group, finds the insats and downloads its referral form', async ({
		page
	}) => {
		await page.goto(`${sus}/insatser`);
		await expect(page.getByRole('heading', { level: 1, name: 'Insatser' })).toBeVisible();
		// The draft is never listed.
		await expect(page.getByRole('link', { name: 'Natur och hälsa' })).toHaveCount(0);
		await page.getByLabel('Kommun').selectOption('Upplands Väsby');
		await page.getByLabel('Målgrupp').selectOption({ label: 'Unga 16–29 år' });
		await page.getByRole('button', { name: 'Visa insatser' }).click();
		await expect(page).toHaveURL(/kommun=Upplands\+V%C3%A4sby/);
		await expect(page).toHaveURL(/malgrupp=unga/);
		await expect(page.getByRole('heading', { level: 2, name: '1 insats' })).toBeVisible();
		await expect(page.getByRole('link', { name: 'SAMRE – Samordnad rehabilitering' })).toHaveCount(0);
		await expect(page.getByLabel('Kommun')).toHaveValue('Upplands Väsby');

		await page.getByRole('link', { name: 'Mötesplats för unga' }).click();
		await expect(page).toHaveURL(`${sus}/insatser/motesplats-unga`);
		await expect(page.getByRole('heading', { level: 1, name: 'Mötesplats för unga' })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'För handläggare' })).toBeVisible();
		// 3 participants of another gender and 4 to work are shown as "<5"; 9 women as 9.
		const row = page.getByRole('row', { name: /2025/ });
		await expect(row.getByRole('cell', { name: '<5' })).toHaveCount(2);
		await expect(row.getByRole('cell', { name: '9', exact: true })).toBeVisible();

		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('link', { name: /Ladda ner remissblanketten/ }).click()
		]);
		expect(download.suggestedFilename()).toMatch(/\.pdf$/);
		const bytes = await readFile((await download.path())!);
		expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
	});

	test('downloads the CSV and JSON exports, parsed with real parsers, å, ä and ö intact', async ({ page }) => {
		await page.goto(`${sus}/insatser`);
		const [csvDownload] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('link', { name: 'Som CSV för Excel' }).click()
		]);
		const csv = await readFile((await csvDownload.path())!);
		expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const rows = parse(csv, { bom: true, delimiter: ';' }) as string[][];
		expect(rows[0]).toContain('Granskad senast');
		const names = rows.slice(1).map((r) => r[0]);
		expect(names).toContain('Mötesplats för unga');
		expect(names).toContain('SAMRE – Samordnad rehabilitering');
		expect(names).not.toContain('Natur och hälsa');
		expect(rows.find((r) => r[0] === 'Mötesplats för unga')).toContain('Upplands Väsby, Sollentuna, Sigtuna');

		// The region's catalogue on the hub, as HSDS service records.
		await page.goto(`${HUB}/stockholm/insatser`);
		const [jsonDownload] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('link', { name: 'Som JSON' }).click()
		]);
		const services = JSON.parse(await readFile((await jsonDownload.path())!, 'utf8')) as {
			name: string;
			status: string;
			assured_date: string | null;
			service_areas: { name: string }[];
		}[];
		const names2 = services.map((s) => s.name);
		expect(names2).toEqual(
			expect.arrayContaining(['Mötesplats för unga', 'Steget vidare', 'Samverkansdagar för handläggare'])
		);
		expect(names2).not.toContain('Natur och hälsa');
		expect(names2).not.toContain('Unga in');
		expect(names2).not.toContain('Framtidsverkstan');
		const motesplats = services.find((s) => s.name === 'Mötesplats för unga')!;
		expect(motesplats).toMatchObject({ status: 'active', assured_date: '2026-11-02' });
		expect(motesplats.service_areas.map((a) => a.name)).toContain('Upplands Väsby');
	});
});

test('the förbund’s admin and the region’s presidium see the catalogue’s usage', async ({ page, browser }) => {
	// A visitor (a new context, as a person's browser) views an insats and searches the catalogue.
	const visitor = await browser.newContext({ userAgent: CHROME, javaScriptEnabled: false });
	const v = await visitor.newPage();
	await v.goto(`${sus}/insatser/samre`);
	await v.goto(`${sus}/insatser?q=rehabilitering`);
	await visitor.close();

	await signIn(page, sus, 'fc.sus@demo.regionportalen.se', DEMO_PASSWORD);
	await page.goto(`${sus}/admin/insatser`);
	await expect(page.getByRole('link', { name: 'Katalogens användning' })).toHaveAttribute(
		'href',
		'/admin/insatser/anvandning'
	);
	// Counts are written every few seconds: look again until they are there.
	await expect(async () => {
		await page.goto(`${sus}/admin/insatser/anvandning`);
		const row = page.getByRole('row', { name: /SAMRE – Samordnad rehabilitering/ });
		await expect(row).toBeVisible({ timeout: 1000 });
		await expect(row.getByRole('cell').first()).not.toHaveText('0', { timeout: 1000 });
	}).toPass({ timeout: 20_000 });
	await expect(page.getByRole('heading', { level: 1, name: 'Katalogens användning' })).toBeVisible();

	// A browser of its own: the servers share the host localhost, so the admin's session cookie reaches the hub too.
	const presidiumContext = await browser.newContext();
	const presidium = await presidiumContext.newPage();
	await signIn(presidium, HUB, 'presidium.sus@demo.regionportalen.se', DEMO_PASSWORD);
	await presidium.goto(`${HUB}/stockholm/presidiet`);
	await presidium.getByRole('link', { name: 'Katalogens användning' }).click();
	await expect(presidium.getByRole('row', { name: /SAMRE – Samordnad rehabilitering/ })).toBeVisible();
	await expectAccessible(presidium);
	await presidiumContext.close();
});
