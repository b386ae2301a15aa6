import { transformer } from '@regionportalen/api/transformer';
import { DEMO_PASSWORD } from '@regionportalen/db/demo';
import { ARVIKA_EDA, SUS } from '../portal.ts';
import { expect, expectAccessible, signIn, test } from '../fixtures.ts';

// The editor works without JavaScript: every form is a plain form post.
test.use({ javaScriptEnabled: false });

// Editors write on Arvika-Eda; the visitor specs count SUS's demo news and must find it unchanged.

test('an editor signs in, publishes an item, and a visitor then sees it', async ({ page, browser }) => {
	const title = `Nytt frukostmöte om samverkan ${Date.now()}`;
	await signIn(page, ARVIKA_EDA, 'redaktor.arvika-eda@demo.regionportalen.se', DEMO_PASSWORD);
	await expect(page.getByText('Inloggad som Johan Berglund')).toBeVisible();

	await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Redaktör' }).click();
	await page.getByLabel('Rubrik').fill(title);
	await page.getByLabel('Ingress').fill('Välkommen till ett frukostmöte om samverkan kring unga.');
	await page.getByLabel('Brödtext').fill('Vi bjuder på frukost och samtal.\n\nAnmäl dig senast en vecka före.');
	await page.getByRole('button', { name: 'Spara som utkast' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Redigera nyhet');
	await expect(page.getByText('Status: Utkast')).toBeVisible();

	// Not visible to visitors while it is a draft.
	const visitor = await browser.newPage();
	await visitor.goto(`${ARVIKA_EDA}/nyheter`);
	await expect(visitor.getByText(title)).toHaveCount(0);

	await page.getByRole('button', { name: 'Publicera' }).click();
	await expect(page.getByRole('status')).toHaveText('Nyheten är publicerad.');

	await visitor.goto(`${ARVIKA_EDA}/`);
	await visitor.getByRole('link', { name: title }).click();
	await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(visitor.getByText('Anmäl dig senast en vecka före.')).toBeVisible();
	// Another förbund's site does not show it.
	await visitor.goto(`${SUS}/nyheter`);
	await expect(visitor.getByText(title)).toHaveCount(0);
	await visitor.close();
});

test('a wrong password gets a clear Swedish message and keeps the e-mail', async ({ page }) => {
	await signIn(page, SUS, 'redaktor.sus@demo.regionportalen.se', 'fel-losenord');
	await expect(page.getByRole('alert')).toHaveText('Fel e-postadress eller lösenord.');
	await expect(page.getByLabel('E-postadress')).toHaveValue('redaktor.sus@demo.regionportalen.se');
	await expectAccessible(page);
});

test('an invalid news item is refused with a message and what was typed is kept', async ({ page }) => {
	await signIn(page, ARVIKA_EDA, 'redaktor.arvika-eda@demo.regionportalen.se', DEMO_PASSWORD);
	await page.goto(`${ARVIKA_EDA}/redaktor`);
	await page.getByLabel('Rubrik').fill('x');
	await page.getByLabel('Brödtext').fill('Texten som inte får gå förlorad.');
	// The browser's own minlength check would stop this; JavaScript is off, so remove it as a crafted post would.
	await page.getByLabel('Rubrik').evaluate((el) => el.removeAttribute('minlength'));
	await page.getByRole('button', { name: 'Spara som utkast' }).click();
	await expect(page.getByRole('alert')).toHaveText('Rubriken behöver minst 3 tecken.');
	await expect(page.getByLabel('Brödtext')).toHaveValue('Texten som inte får gå förlorad.');
	await expectAccessible(page);
});

test('an editor of another förbund cannot reach this förbund’s editor or write through its API', async ({ page }) => {
	await signIn(page, SUS, 'redaktor.arvika-eda@demo.regionportalen.se', DEMO_PASSWORD);
	await expect(page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Redaktör' })).toHaveCount(
		0
	);

	const response = await page.goto(`${SUS}/redaktor`);
	expect(response?.status()).toBe(403);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Åtkomst nekad');

	const api = await page.request.post(`${SUS}/api/trpc/news.create`, {
		headers: { origin: SUS, 'content-type': 'application/json' },
		data: JSON.stringify(
			transformer.serialize({ owner: { forbund: 'sus' }, title: 'Kapad nyhet', lead: '', body: '' })
		),
		failOnStatusCode: false
	});
	expect(api.status()).toBe(403);
});

test('a visitor who opens the editor is sent to sign in', async ({ page }) => {
	await page.goto(`${SUS}/redaktor`);
	await expect(page).toHaveURL(`${SUS}/logga-in?till=%2Fredaktor`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Logga in');
});
