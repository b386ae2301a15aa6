import { DEMO_PASSWORD } from '@regionportalen/db/demo';
import { ARVIKA_EDA, HUB, SUS } from '../portal.ts';
import { expect, signIn, test } from '../fixtures.ts';

// One menu per site, in its admin's order: the features' entries and the site's pages, a section's
// pages as its sub-menu; and features per site: left out in a förbund's config, or turned off for a
// region on the hub by a platform admin, they have no entry and no routes.

const mainMenu = (page: import('@playwright/test').Page) => page.getByRole('navigation', { name: 'Huvudmeny' });

test('a förbund admin orders the menu, and a visitor sees that order and the section’s pages', async ({
	page,
	browser
}) => {
	await signIn(page, SUS, 'fc.sus@demo.regionportalen.se', DEMO_PASSWORD);
	await mainMenu(page).getByRole('link', { name: 'Meny' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Meny');
	const entries = page.getByRole('list').filter({ has: page.getByRole('button', { name: /^Flytta upp/ }) });
	await expect(entries.getByRole('listitem').first()).toContainText('Nyheter');

	// Each move is a form sent and the page shown again: wait for the entry in its new place, not for
	// the notice, which the previous move left on the page with the same text.
	await expect(entries.getByRole('listitem').nth(7)).toContainText('Om förbundet');
	for (const place of [6, 5, 4, 3, 2, 1, 0]) {
		await page.getByRole('button', { name: 'Flytta upp Om förbundet' }).click();
		await expect(entries.getByRole('listitem').nth(place)).toContainText('Om förbundet');
	}
	await expect(page.getByRole('status')).toHaveText('Menyn är sparad.');

	// A visitor's browser may keep a public page for a minute (Cache-Control): each look is a new visitor's.
	const newVisitor = async (path: string) => {
		const visitor = await (await browser.newContext()).newPage();
		await visitor.goto(`${SUS}${path}`);
		return visitor;
	};
	const visitor = await newVisitor('/');
	await expect(mainMenu(visitor).getByRole('link')).toHaveText([
		'Start',
		'Om förbundet',
		'Nyheter',
		'Sök',
		'Insatser',
		'Dokument',
		'Projekt',
		'Sociala företag'
	]);
	await mainMenu(visitor).getByRole('link', { name: 'Om förbundet' }).click();
	await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Om förbundet');
	const section = visitor.getByRole('navigation', { name: 'Undermeny för Om förbundet' });
	await expect(section.getByRole('link', { name: 'Styrelse och kansli' })).toBeVisible();
	await section.getByRole('link', { name: 'Kontakt' }).click();
	await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Kontakt');
	await expect(section.getByRole('link', { name: 'Kontakt' })).toHaveAttribute('aria-current', 'page');

	// Taken out of the menu, the page is still there; put back, it is last.
	await page.getByRole('button', { name: 'Ta bort ur menyn Om förbundet' }).click();
	await expect(page.getByRole('button', { name: 'Lägg till i menyn Om förbundet' })).toBeVisible();
	await expect(mainMenu(await newVisitor('/')).getByRole('link')).toHaveText([
		'Start',
		'Nyheter',
		'Sök',
		'Insatser',
		'Dokument',
		'Projekt',
		'Sociala företag'
	]);
	expect((await visitor.request.get(`${SUS}/om-forbundet`)).status()).toBe(200);
	await page.getByRole('button', { name: 'Lägg till i menyn Om förbundet' }).click();
	await expect(entries.getByRole('listitem').last()).toContainText('Om förbundet');
	await expect(mainMenu(await newVisitor('/')).getByRole('link')).toHaveText([
		'Start',
		'Nyheter',
		'Sök',
		'Insatser',
		'Dokument',
		'Projekt',
		'Sociala företag',
		'Om förbundet'
	]);
});

test('a förbund site whose config leaves out a feature has no menu entry and no routes for it', async ({ page }) => {
	for (const path of ['/presidiet', '/presidiet/sok', '/presidiet/1', '/presidiet/1/utskrift']) {
		expect((await page.request.get(`${ARVIKA_EDA}${path}`)).status(), path).toBe(404);
	}
	// A platform admin, who may read every region's minutes, gets no presidium entry there either.
	await signIn(page, ARVIKA_EDA, 'admin@demo.regionportalen.se', DEMO_PASSWORD);
	await expect(mainMenu(page).getByRole('link', { name: 'Nyheter' })).toBeVisible();
	await expect(mainMenu(page).getByRole('link', { name: /Presidiet/ })).toHaveCount(0);
	await page.goto(`${ARVIKA_EDA}/presidiet`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sidan finns inte');
	await page.goto(`${ARVIKA_EDA}/admin/meny`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Meny');
	await expect(page.getByRole('main').getByText('Presidiet')).toHaveCount(0);
	// The same admin sees the room on a site that has it.
	await page.goto(`${SUS}/`);
	await expect(mainMenu(page).getByRole('link', { name: 'Presidiet' })).toBeVisible();
});

test('on the hub a platform admin turns search off for a region: no entry, a 404, and back on', async ({
	page,
	browser
}) => {
	await signIn(page, HUB, 'admin@demo.regionportalen.se', DEMO_PASSWORD);
	await page.goto(`${HUB}/admin/meny?region=stockholm`);
	const features = page.getByRole('group', { name: 'Det här finns på navet för regionen' });
	const visitor = await (await browser.newContext()).newPage();
	try {
		await features.getByLabel('Sök').uncheck();
		await page.getByRole('button', { name: 'Spara funktionerna' }).click();
		await expect(page.getByRole('status')).toHaveText('Funktionerna är sparade.');
		// The servers read a region's facts anew within ten seconds.
		await expect
			.poll(async () => (await visitor.request.get(`${HUB}/stockholm/sok?q=mia`)).status(), { timeout: 20_000 })
			.toBe(404);
		await visitor.goto(`${HUB}/stockholm/sok`);
		await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Sidan finns inte');
		await expect(mainMenu(visitor).getByRole('link', { name: 'Nyheter' })).toBeVisible();
		await expect(mainMenu(visitor).getByRole('link', { name: 'Sök' })).toHaveCount(0);
		// The region's news are on, and a förbund's search is its own.
		expect((await visitor.request.get(`${HUB}/stockholm/nyheter`)).status()).toBe(200);
		expect((await visitor.request.get(`${SUS}/sok?q=mia`)).status()).toBe(200);
	} finally {
		await page.goto(`${HUB}/admin/meny?region=stockholm`);
		await features.getByLabel('Sök').check();
		await page.getByRole('button', { name: 'Spara funktionerna' }).click();
		await expect(page.getByRole('status')).toHaveText('Funktionerna är sparade.');
	}
	await expect
		.poll(async () => (await visitor.request.get(`${HUB}/stockholm/sok?q=mia`)).status(), { timeout: 20_000 })
		.toBe(200);
});
