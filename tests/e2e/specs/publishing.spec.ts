import { DEMO_PASSWORD } from '@regionportalen/db/demo';
import type { Page } from '@playwright/test';
import { ARVIKA_EDA } from '../portal.ts';
import { expect, expectAccessible, settled, signIn, test } from '../fixtures.ts';
import { pdf, png } from '../files.ts';

// The publishing side on Arvika-Eda (the visitor specs count SUS's demo news unchanged).

async function newDraft(page: Page, title: string, body = 'Första stycket.') {
	await page.goto(`${ARVIKA_EDA}/redaktor`);
	await settled(page);
	await page.getByLabel('Rubrik').fill(title);
	await page.getByLabel('Brödtext').fill(body);
	await page.getByRole('button', { name: 'Spara som utkast' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Redigera nyhet');
	await settled(page);
}

/** "2026-11-23T18:04:05": a moment `seconds` from now, as a Swedish datetime-local value. */
function stockholmLocalIn(seconds: number) {
	const at = new Date(Date.now() + seconds * 1000);
	return new Intl.DateTimeFormat('sv-SE', {
		timeZone: 'Europe/Stockholm',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit'
	})
		.format(at)
		.replace(' ', 'T');
}

test('an editor writes with a live preview, and the preview is the sanitised Markdown', async ({ page }) => {
	await signIn(page, ARVIKA_EDA, 'redaktor.arvika-eda@demo.regionportalen.se', DEMO_PASSWORD);
	await newDraft(page, `Förhandsgranskad ${Date.now()}`);
	await page
		.getByLabel('Brödtext')
		.fill('## Mellanrubrik\n\nEtt **viktigt** stycke. <script>window.pwned = 1</script>');
	const preview = page.getByRole('region', { name: 'Förhandsgranskning' });
	await expect(preview.getByRole('heading', { level: 2, name: 'Mellanrubrik' })).toBeVisible();
	await expect(preview.locator('strong')).toHaveText('viktigt');
	await expect(preview).toContainText('<script>window.pwned = 1</script>');
	expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
});

test('text typed before the editor’s JavaScript has loaded survives hydration', async ({ page }) => {
	await signIn(page, ARVIKA_EDA, 'redaktor.arvika-eda@demo.regionportalen.se', DEMO_PASSWORD);
	await newDraft(page, `Tidigt skriven ${Date.now()}`);
	const editUrl = page.url();

	// Hold the page's scripts back, as a slow connection would, and type meanwhile.
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**', async (route) => {
		await held;
		await route.continue();
	});
	await page.goto(editUrl, { waitUntil: 'commit' });
	const typed = 'Skrevs innan sidan hade laddat klart, med **fet** text.';
	await page.getByLabel('Brödtext').fill(typed);
	await page.getByLabel('Taggar').fill('Tidigt');
	release();

	// Hydrated: the live preview (JavaScript only) renders what was typed, and the fields still hold it.
	const preview = page.getByRole('region', { name: 'Förhandsgranskning' });
	await expect(preview.locator('strong')).toHaveText('fet');
	await settled(page);
	await expect(page.getByLabel('Brödtext')).toHaveValue(typed);
	await expect(page.getByLabel('Taggar')).toHaveValue('Tidigt');
	await page.unroute('**/_app/immutable/**');
});

test('an item scheduled for a set time appears on its own when the time comes', async ({ page, browser }) => {
	test.setTimeout(90_000);
	const title = `Schemalagd nyhet ${Date.now()}`;
	await signIn(page, ARVIKA_EDA, 'redaktor.arvika-eda@demo.regionportalen.se', DEMO_PASSWORD);
	await newDraft(page, title);
	await page.getByLabel('Publicera vid en viss tid (svensk tid)').fill(stockholmLocalIn(20));
	await page.getByRole('button', { name: 'Schemalägg' }).click();
	await expect(page.getByRole('status')).toContainText('Nyheten publiceras');
	await settled(page);
	await expect(page.getByText('Status: Schemalagd')).toBeVisible();
	await page.goto(`${ARVIKA_EDA}/`);
	await page.getByRole('button', { name: 'Logga ut' }).click();

	// Nobody is signed in from here on.
	const visitor = await browser.newPage();
	await visitor.goto(`${ARVIKA_EDA}/nyheter`);
	await expect(visitor.getByText(title)).toHaveCount(0);
	await expect(async () => {
		// A fresh address each time: the list may be kept for a minute by caches, as its headers allow.
		await visitor.goto(`${ARVIKA_EDA}/nyheter?besok=${Date.now()}`);
		await expect(visitor.getByRole('link', { name: title })).toBeVisible({ timeout: 1000 });
	}).toPass({ timeout: 60_000, intervals: [2000] });
	await visitor.close();
});

test('a save over someone else’s newer save is refused with a clear message', async ({ page, browser }) => {
	const title = `Krockande ändring ${Date.now()}`;
	await signIn(page, ARVIKA_EDA, 'redaktor.arvika-eda@demo.regionportalen.se', DEMO_PASSWORD);
	await newDraft(page, title);
	const url = page.url();

	// A second editor (another browser) opens the same item and saves first.
	const other = await browser.newContext();
	const second = await other.newPage();
	await signIn(second, ARVIKA_EDA, 'redaktor.arvika-eda@demo.regionportalen.se', DEMO_PASSWORD);
	await second.goto(url);
	await settled(second);
	await second.getByLabel('Ingress').fill('Den andras ändring.');
	await second.getByRole('button', { name: 'Spara', exact: true }).click();
	await expect(second.getByRole('status')).toHaveText('Ändringarna är sparade.');
	await other.close();

	await page.getByLabel('Ingress').fill('Min ändring.');
	await page.getByRole('button', { name: 'Spara', exact: true }).click();
	await expect(page.getByRole('alert')).toHaveText(
		'Någon annan har sparat nyheten medan du redigerade. Ladda om sidan och gör om din ändring.'
	);
	await settled(page);
	// What was typed is still there.
	await expect(page.getByLabel('Ingress')).toHaveValue('Min ändring.');
	await expectAccessible(page);
});

test('an earlier version can be restored, and what an editor typed survives a closed tab', async ({ page }) => {
	const title = `Versionerad ${Date.now()}`;
	await signIn(page, ARVIKA_EDA, 'redaktor.arvika-eda@demo.regionportalen.se', DEMO_PASSWORD);
	await newDraft(page, title, 'Ursprunglig text.');
	await page.getByLabel('Brödtext').fill('Ändrad text.');
	await page.getByRole('button', { name: 'Spara', exact: true }).click();
	await expect(page.getByRole('status')).toHaveText('Ändringarna är sparade.');
	await settled(page);

	await page.getByRole('button', { name: 'Återställ version 1' }).click();
	await expect(page.getByRole('status')).toHaveText('Version 1 är återställd som en ny version.');
	await settled(page);
	await expect(page.getByLabel('Brödtext')).toHaveValue('Ursprunglig text.');
	await expect(page.getByRole('row')).toHaveCount(4); // header + versions 3, 2, 1

	// Typed but never saved; the tab goes away; the editor comes back.
	const url = page.url();
	await page.getByLabel('Brödtext').fill('Text som aldrig sparades.');
	await page.goto('about:blank');
	await page.goto(url);
	await settled(page);
	await page.getByRole('button', { name: 'Återställ osparad text' }).click();
	await expect(page.getByLabel('Brödtext')).toHaveValue('Text som aldrig sparades.');
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the preview button shows the rendered text and keeps what was typed', async ({ page }) => {
		await signIn(page, ARVIKA_EDA, 'redaktor.arvika-eda@demo.regionportalen.se', DEMO_PASSWORD);
		await newDraft(page, `Utan skript ${Date.now()}`);
		await page.getByLabel('Brödtext').fill('En *kursiv* rad.');
		await page.getByLabel('Taggar').fill('ASF, Unga');
		await page.getByRole('button', { name: 'Förhandsgranska' }).click();
		await expect(page.getByRole('region', { name: 'Förhandsgranskning' }).locator('em')).toHaveText('kursiv');
		await expect(page.getByLabel('Brödtext')).toHaveValue('En *kursiv* rad.');
		await expect(page.getByLabel('Taggar')).toHaveValue('ASF, Unga');
	});
});

test('public pages are cacheable for a minute and revalidate with an ETag; signed-in pages never', async ({
	page,
	request
}) => {
	const first = await request.get(`${ARVIKA_EDA}/nyheter`);
	expect(first.headers()['cache-control']).toBe('public, max-age=60, stale-while-revalidate=300');
	const etag = first.headers()['etag']!;
	expect(etag).toMatch(/^W\/"/);
	const again = await request.get(`${ARVIKA_EDA}/nyheter`, { headers: { 'if-none-match': etag } });
	expect(again.status()).toBe(304);

	await signIn(page, ARVIKA_EDA, 'redaktor.arvika-eda@demo.regionportalen.se', DEMO_PASSWORD);
	const signedIn = await page.request.get(`${ARVIKA_EDA}/nyheter`);
	expect(signedIn.headers()['cache-control']).toBe('private, no-store');
});

test('an article page ships no JavaScript and stays within the 30 KB budget', async ({ page }) => {
	// Every script response's size, read in full before it is counted.
	const scriptSizes: Promise<number>[] = [];
	page.on('response', (response) => {
		if (response.request().resourceType() === 'script') scriptSizes.push(response.body().then((b) => b.length));
	});
	await page.goto(`${ARVIKA_EDA}/nyheter`);
	await page.getByRole('main').getByRole('article').first().getByRole('link').click();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await page.waitForLoadState('load');
	await expect(page.locator('script[src], link[rel=modulepreload]')).toHaveCount(0);
	const scriptBytes = (await Promise.all(scriptSizes)).reduce((sum, size) => sum + size, 0);
	expect(scriptBytes).toBeLessThanOrEqual(30 * 1024);
});

test('an editor adds an image with alt text and a PDF, and visitors get responsive images and the attachment', async ({
	page,
	browser
}) => {
	const title = `Med bild och bilaga ${Date.now()}`;
	await signIn(page, ARVIKA_EDA, 'redaktor.arvika-eda@demo.regionportalen.se', DEMO_PASSWORD);
	await newDraft(page, title);

	// No alt text, no image.
	await page
		.getByLabel(/Ladda upp en bild/)
		.setInputFiles({ name: 'mote.png', mimeType: 'image/png', buffer: png(1200, 800) });
	await page.getByLabel('Alternativtext (krävs)').evaluate((el) => el.removeAttribute('required'));
	await page.getByRole('button', { name: 'Ladda upp bilden' }).click();
	await expect(page.getByRole('alert')).toHaveText('Bilden behöver en alternativtext som beskriver den.');
	await settled(page);

	// Not an image.
	await page
		.getByLabel(/Ladda upp en bild/)
		.setInputFiles({ name: 'bild.png', mimeType: 'image/png', buffer: Buffer.from('<svg onload=alert(1)>') });
	await page.getByLabel('Alternativtext (krävs)').fill('Något');
	await page.getByRole('button', { name: 'Ladda upp bilden' }).click();
	await expect(page.getByRole('alert')).toContainText('Filen är inte en bild');
	await settled(page);

	await page
		.getByLabel(/Ladda upp en bild/)
		.setInputFiles({ name: 'mote.png', mimeType: 'image/png', buffer: png(1200, 800) });
	await page.getByLabel('Alternativtext (krävs)').fill('Deltagare samlade runt ett bord');
	await page.getByLabel('Bildtext', { exact: true }).last().fill('Höstens frukostmöte.');
	await page.getByRole('button', { name: 'Ladda upp bilden' }).click();
	await expect(page.getByRole('status')).toHaveText('Bilden är uppladdad.');
	await settled(page);

	await page
		.getByLabel('Bifoga en PDF (högst 20 MB)')
		.setInputFiles({ name: 'Program hösten.pdf', mimeType: 'application/pdf', buffer: pdf() });
	await page.getByRole('button', { name: 'Bifoga', exact: true }).click();
	await expect(page.getByRole('status')).toContainText('är bifogad.');
	await settled(page);
	await page.getByRole('button', { name: 'Publicera' }).click();

	const visitor = await browser.newPage();
	await visitor.goto(`${ARVIKA_EDA}/nyheter`);
	await visitor.getByRole('link', { name: title }).click();
	const image = visitor.getByRole('img', { name: 'Deltagare samlade runt ett bord' });
	await expect(image).toHaveAttribute('width', '1200');
	await expect(image).toHaveAttribute('height', '800');
	await expect(image).toHaveAttribute('srcset', /-480\.webp 480w.*-960\.webp 960w.*-1200\.webp 1200w/);
	// Loaded and decoded: the browser has the picture, not only its tag.
	await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
	await expect(visitor.getByText('Höstens frukostmöte.')).toBeVisible();

	const link = visitor.getByRole('link', { name: /Program/ });
	const response = await visitor.request.get(`${ARVIKA_EDA}${await link.getAttribute('href')}`);
	expect(response.headers()['content-type']).toBe('application/pdf');
	expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
	await visitor.close();
});
