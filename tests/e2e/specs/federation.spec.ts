import { DEMO_PASSWORD } from '@regionportalen/db/demo';
import { ARVIKA_EDA, HUB, SUS } from '../portal.ts';
import { expect, settled, signIn, test } from '../fixtures.ts';
import { sites } from '../sites.ts';

const HBS = (await sites()).find((s) => s.name === 'hbs')!.url;

test('a regional coordinator’s news appears on the hub and on the förbund sites of the region', async ({
	page,
	browser
}) => {
	const title = `Regional nyhet om MIA ${Date.now()}`;
	await signIn(page, HUB, 'samordnare@demo.regionportalen.se', DEMO_PASSWORD);
	await page
		.getByRole('navigation', { name: 'Huvudmeny' })
		.getByRole('link', { name: 'Redaktör Stockholms län' })
		.click();
	await settled(page);
	await page.getByLabel('Rubrik').fill(title);
	await page.getByLabel('Ingress').fill('Projektet MIA går in i en ny fas.');
	await page.getByLabel('Brödtext').fill('Alla åtta förbund deltar.');
	await expect(page.getByLabel('Dela med regionen')).toHaveCount(0);
	await page.getByRole('button', { name: 'Spara som utkast' }).click();
	await page.getByRole('button', { name: 'Publicera' }).click();
	await expect(page.getByRole('status')).toHaveText('Nyheten är publicerad.');

	const visitor = await browser.newPage();
	await visitor.goto(`${HUB}/stockholm/nyheter`);
	await visitor.getByRole('link', { name: title }).click();
	await expect(visitor).toHaveURL(new RegExp(`^${HUB}/stockholm/nyheter/regional-nyhet-om-mia`));
	await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(title);

	for (const site of [SUS, HBS]) {
		await visitor.goto(`${site}/`);
		const fromRegion = visitor.getByRole('region', { name: 'Från regionen' });
		await expect(fromRegion.getByRole('link', { name: title })).toHaveAttribute(
			'href',
			new RegExp(`^${HUB}/stockholm/nyheter/`)
		);
	}
	// Not in another region.
	await visitor.goto(`${ARVIKA_EDA}/`);
	await expect(visitor.getByText(title)).toHaveCount(0);
	await visitor.close();
});

test('a förbund editor shares an item with the region, and withdrawing it removes it everywhere', async ({
	page,
	browser
}) => {
	const title = `Delad nyhet från Arvika-Eda ${Date.now()}`;
	await signIn(page, ARVIKA_EDA, 'redaktor.arvika-eda@demo.regionportalen.se', DEMO_PASSWORD);
	await page.goto(`${ARVIKA_EDA}/redaktor`);
	await settled(page);
	await page.getByLabel('Rubrik').fill(title);
	await page.getByLabel('Brödtext').fill('En nyhet för hela Värmland och Dalsland.');
	await page.getByLabel('Dela med regionen').check();
	await page.getByRole('button', { name: 'Spara som utkast' }).click();
	await page.getByRole('button', { name: 'Publicera' }).click();
	const editUrl = page.url();

	let visitor = await browser.newPage();
	await visitor.goto(`${HUB}/varmland-dalsland/nyheter`);
	const card = visitor.getByRole('article').filter({ hasText: title });
	await expect(card).toContainText('Arvika-Eda');
	// Credited, and linking to the original on the förbund's own site.
	await expect(card.getByRole('link', { name: title })).toHaveAttribute('href', new RegExp(`^${ARVIKA_EDA}/nyheter/`));
	await visitor.getByLabel('Visa nyheter från').selectOption({ label: 'Arvika-Eda samordningsförbund' });
	await visitor.getByRole('button', { name: 'Visa' }).click();
	await expect(visitor).toHaveURL(`${HUB}/varmland-dalsland/nyheter?fran=arvika-eda`);
	await expect(visitor.getByRole('link', { name: title })).toBeVisible();

	await page.goto(editUrl);
	await settled(page);
	await page.getByLabel('Dela med regionen').uncheck();
	await page.getByRole('button', { name: 'Spara' }).click();
	await expect(page.getByRole('status')).toHaveText('Ändringarna är sparade.');

	// A new browser, so no cached copy (public pages may be kept for a minute) stands in for the server.
	await visitor.close();
	visitor = await browser.newPage();
	await visitor.goto(`${HUB}/varmland-dalsland/nyheter`);
	await expect(visitor.getByText(title)).toHaveCount(0);
	await visitor.goto(`${HUB}/`);
	await expect(visitor.getByText(title)).toHaveCount(0);
	// Still on its own site.
	await visitor.goto(`${ARVIKA_EDA}/nyheter`);
	await expect(visitor.getByRole('link', { name: title })).toBeVisible();
	await visitor.close();
});

test('the hub has a page about each region with its contacts', async ({ page }) => {
	await page.goto(`${HUB}/stockholm`);
	await page.getByRole('link', { name: /Om samverkan i Stockholms län/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Om Stockholms län');
	await expect(page.getByRole('link', { name: 'region@stockholm.demo.regionportalen.se' })).toBeVisible();
	await expect(
		page.getByRole('listitem').filter({ hasText: 'Samordningsförbundet Huddinge Botkyrka Salem' })
	).toHaveCount(1);
	const missing = await page.goto(`${HUB}/okand-region`);
	expect(missing?.status()).toBe(404);
});

test('every site links canonically to its public origin and has a sitemap and robots.txt', async ({
	page,
	request
}) => {
	await page.goto(`${SUS}/nyheter?sida=2&utm=x`);
	await expect(page.locator('link[rel=canonical]')).toHaveAttribute('href', `${SUS}/nyheter?sida=2`);

	const sitemap = await (await request.get(`${SUS}/sitemap.xml`)).text();
	expect(sitemap).toContain(`<loc>${SUS}/nyheter</loc>`);
	expect(sitemap).toContain(`<loc>${SUS}/om-forbundet</loc>`);
	expect(sitemap).toMatch(new RegExp(`<loc>${SUS}/nyheter/[a-z0-9-]+</loc><lastmod>\\d{4}-\\d{2}-\\d{2}</lastmod>`));
	expect(sitemap).not.toContain('valkommen-till-varens-frukostmoten-2019');
	expect(sitemap).toMatch(new RegExp(`<loc>${SUS}/insatser/samre</loc><lastmod>\\d{4}-\\d{2}-\\d{2}</lastmod>`));
	expect(sitemap).toContain(`<loc>${SUS}/dokument</loc>`);
	// A draft insats is not in it.
	expect(sitemap).not.toContain('/insatser/natur-och-halsa');

	const hubMap = await (await request.get(`${HUB}/sitemap.xml`)).text();
	expect(hubMap).toContain(`<loc>${HUB}/stockholm/om</loc>`);
	expect(hubMap).toContain(`<loc>${HUB}/stockholm/insatser</loc>`);
	expect(await (await request.get(`${HUB}/robots.txt`)).text()).toContain(`Sitemap: ${HUB}/sitemap.xml`);
});
