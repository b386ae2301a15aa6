import { DEMO_PASSWORD } from '@regionportalen/db/demo';
import { png } from '../files.ts';
import { ARVIKA_EDA, SUS } from '../portal.ts';
import { expect, expectAccessible, settled, signIn, test } from '../fixtures.ts';

// Content pages without JavaScript: an editor makes a page under the demo "Om förbundet", gives it
// an image and publishes it; a visitor reads it, finds it in the menu under its parent, on its
// parent's page and in the site search;
// a new address keeps the old one working as a 301. Editors write on Arvika-Eda (the visitor specs
// count SUS's demo content); SUS's /om-forbundet, once a hand-written page, is now demo data.
test.use({ javaScriptEnabled: false });

test('an editor publishes a page under Om förbundet, a visitor finds it, and a new address redirects', async ({
	page,
	browser
}) => {
	const stamp = Date.now().toString(36);
	const title = `Samverkan med vården ${stamp}`;
	const word = `vardkedjedag${stamp}`;
	await signIn(page, ARVIKA_EDA, 'redaktor.arvika-eda@demo.regionportalen.se', DEMO_PASSWORD);

	await page.goto(`${ARVIKA_EDA}/redaktor/sidor`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sidor');
	await expect(page.getByRole('link', { name: 'Styrelse och kansli' })).toBeVisible();
	await page.getByLabel('Rubrik').fill(title);
	await page.getByLabel('Adress', { exact: true }).fill(`samverkan-${stamp}`);
	await page.getByLabel('Ligger under').selectOption({ label: 'Om förbundet (/om-forbundet)' });
	await page.getByLabel('Ingress').fill('Hur förbundet och vården arbetar tillsammans.');
	await page.getByRole('button', { name: 'Skapa sidan som utkast' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Redigera sida');
	await expect(page.getByText('Status: Utkast')).toBeVisible();

	await page
		.getByLabel('Brödtext')
		.fill(`## Gemensamma dagar\n\nVarje vår ordnar vi en ${word} för vårdens och kommunernas personal.`);
	await page.getByRole('button', { name: 'Spara', exact: true }).click();
	await expect(page.getByRole('status')).toHaveText('Ändringarna är sparade.');
	await settled(page);

	await page
		.getByLabel(/Ladda upp en bild/)
		.setInputFiles({ name: 'samtal.png', mimeType: 'image/png', buffer: png(1200, 800) });
	await page.getByLabel('Alternativtext (krävs)').fill('Två personer i samtal vid ett bord');
	await page.getByLabel('Bildtext', { exact: true }).last().fill('Vårens gemensamma dag.');
	await page.getByRole('button', { name: 'Ladda upp bilden' }).click();
	await expect(page.getByRole('status')).toHaveText('Bilden är uppladdad.');
	await page.getByRole('button', { name: 'Publicera' }).click();
	await expect(page.getByRole('status')).toHaveText('Sidan är publicerad.');

	const visitor = await browser.newPage({ javaScriptEnabled: false });
	const address = `${ARVIKA_EDA}/om-forbundet/samverkan-${stamp}`;
	await visitor.goto(address);
	await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(visitor.getByText(word)).toBeVisible();
	await expect(visitor.getByRole('img', { name: 'Två personer i samtal vid ett bord' })).toHaveAttribute(
		'width',
		'1200'
	);
	await expect(visitor.getByText('Vårens gemensamma dag.')).toBeVisible();
	const crumbs = visitor.getByRole('navigation', { name: 'Brödsmulor' });
	await expect(crumbs.getByRole('link', { name: 'Om förbundet' })).toHaveAttribute('href', '/om-forbundet');
	// In the menu: under its parent, the section's sub-menu while the visitor is there.
	await expect(
		visitor.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Om förbundet' })
	).toHaveAttribute('aria-current', 'true');
	await expect(
		visitor.getByRole('navigation', { name: 'Undermeny för Om förbundet' }).getByRole('link', { name: title })
	).toHaveAttribute('aria-current', 'page');
	await expectAccessible(visitor);

	// Listed with its lead on its parent's page.
	await crumbs.getByRole('link', { name: 'Om förbundet' }).click();
	await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Om förbundet');
	const children = visitor.getByRole('region', { name: 'Sidor under Om förbundet' });
	await expect(children.getByRole('link', { name: title })).toBeVisible();
	await expect(children.getByText('Hur förbundet och vården arbetar tillsammans.')).toBeVisible();
	await expectAccessible(visitor);

	// Found by the site search, above the news.
	await visitor.goto(`${ARVIKA_EDA}/sok?q=${word}`);
	await expect(
		visitor.getByRole('region', { name: 'Sidor', exact: true }).getByRole('link', { name: title })
	).toHaveAttribute('href', `/om-forbundet/samverkan-${stamp}`);
	await expectAccessible(visitor);

	// A new address: the old one answers 301 with the new one.
	await page.getByLabel('Adress', { exact: true }).fill(`vardsamverkan-${stamp}`);
	await page.getByRole('button', { name: 'Spara', exact: true }).click();
	await expect(page.getByRole('status')).toHaveText('Ändringarna är sparade.');
	const old = await visitor.request.get(address, { maxRedirects: 0 });
	expect(old.status()).toBe(301);
	expect(old.headers()['location']).toBe(`/om-forbundet/vardsamverkan-${stamp}`);
	await visitor.close();
	// A browser that has not kept the old page (anonymous pages may be cached for a minute) follows it.
	const newcomer = await browser.newPage({ javaScriptEnabled: false });
	await newcomer.goto(address);
	await expect(newcomer).toHaveURL(`${ARVIKA_EDA}/om-forbundet/vardsamverkan-${stamp}`);
	await expect(newcomer.getByRole('heading', { level: 1 })).toHaveText(title);

	const missing = await newcomer.goto(`${ARVIKA_EDA}/om-forbundet/finns-inte-${stamp}`);
	expect(missing?.status()).toBe(404);
	await newcomer.close();
});

test('SUS’s Om förbundet is a content page with its board and office under it', async ({ page }) => {
	await page.goto(`${SUS}/om-forbundet`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Om förbundet');
	await expect(page.getByText('Förbundet har sex medlemmar')).toBeVisible();
	await page
		.getByRole('region', { name: 'Sidor under Om förbundet' })
		.getByRole('link', { name: 'Styrelse och kansli' })
		.click();
	await expect(page).toHaveURL(`${SUS}/om-forbundet/styrelse-och-kansli`);
	await expect(page.getByRole('table')).toContainText('Sollentuna kommun');
	await expect(page.getByRole('heading', { name: 'Kansli', exact: true })).toBeVisible();
});

test('a visitor who opens the page editor is sent to sign in', async ({ page }) => {
	await page.goto(`${SUS}/redaktor/sidor`);
	await expect(page).toHaveURL(`${SUS}/logga-in?till=%2Fredaktor%2Fsidor`);
});
