import { XSS_PAYLOADS } from '../../../packages/api/test/fixtures/xss-payloads.ts';
import { DEMO_PASSWORD } from '@regionportalen/db/demo';
import { ARVIKA_EDA } from '../portal.ts';
import { expect, settled, signIn, test } from '../fixtures.ts';

// Save → render → Chromium: the whole XSS corpus goes in through the editor, comes out on the
// published article, and not one vector may run.

const CHUNK = 20;

test('no XSS vector typed by an editor runs in a visitor’s browser', async ({ page, browser }) => {
	test.setTimeout(120_000);
	await signIn(page, ARVIKA_EDA, 'redaktor.arvika-eda@demo.regionportalen.se', DEMO_PASSWORD);
	const articles: string[] = [];
	for (let start = 0; start < XSS_PAYLOADS.length; start += CHUNK) {
		const chunk = XSS_PAYLOADS.slice(start, start + CHUNK);
		await page.goto(`${ARVIKA_EDA}/redaktor`);
		await settled(page);
		await page.getByLabel('Rubrik').fill(`XSS-prov ${start} ${Date.now()} <img src=x onerror=xss(0)>`);
		await page.getByLabel('Ingress').fill(chunk[0]!);
		await page.getByLabel('Brödtext').fill(chunk.join('\n\n'));
		await page.getByLabel('Taggar').fill('<svg onload=xss(0)>, prov');
		await page.getByRole('button', { name: 'Spara som utkast' }).click();
		await page.getByRole('button', { name: 'Publicera' }).click();
		await expect(page.getByRole('status')).toHaveText('Nyheten är publicerad.');
		articles.push(
			await page
				.getByRole('link', { name: 'Visa på webbplatsen' })
				.getAttribute('href')
				.then((h) => h!)
		);
	}

	const visitor = await browser.newContext({ javaScriptEnabled: true });
	const reader = await visitor.newPage();
	const hits: unknown[] = [];
	await reader.exposeFunction('xss', (n: unknown) => hits.push(n));
	await reader.addInitScript(() => {
		window.alert = (m?: unknown) => (window as unknown as { xss: (n: unknown) => void }).xss(`alert:${m}`);
	});
	reader.on('dialog', (dialog) => {
		hits.push(`dialog:${dialog.message()}`);
		void dialog.dismiss();
	});
	// The trap works: a vector that does run is caught.
	await reader.setContent('<img src=x onerror="xss(\'kontroll\')">');
	await expect.poll(() => hits).toEqual(['kontroll']);
	hits.length = 0;

	for (const href of articles) {
		await reader.goto(`${ARVIKA_EDA}${href}`);
		await expect(reader.getByRole('heading', { level: 1 })).toContainText('XSS-prov');
		// Give load, error, focus, animation and toggle handlers their chance.
		await reader.mouse.move(200, 300);
		await reader.keyboard.press('Tab');
		await reader.waitForTimeout(500);
	}
	await visitor.close();
	expect(hits).toEqual([]);
});
