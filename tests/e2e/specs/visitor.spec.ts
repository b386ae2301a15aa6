import { demoNews } from '@regionportalen/db/demo';
import { ARVIKA_EDA, HUB, SUS } from '../portal.ts';
import { expect, test } from '../fixtures.ts';

const published = (forbund: string) =>
	demoNews
		.filter((n) => n.forbund === forbund && n.status !== 'draft')
		.sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt));

test('a visitor reads the latest news on a förbund site and opens an article', async ({ page }) => {
	const [newest] = published('sus');
	await page.goto(`${SUS}/`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Samordningsförbundet Sollentuna, Upplands Väsby och Sigtuna'
	);

	const latest = page.getByRole('region', { name: 'Senaste nyheterna' });
	await expect(latest.getByRole('article').first()).toContainText(newest!.title);
	await latest.getByRole('link', { name: newest!.title }).click();

	await expect(page).toHaveURL(`${SUS}/nyheter/${newest!.slug}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(newest!.title);
	await expect(page.getByText(newest!.lead)).toBeVisible();
	await expect(page.getByText(newest!.body.split('\n\n')[0]!)).toBeVisible();
	await expect(page).toHaveTitle(newest!.title);
});

test('the news list pages through the archive, ten at a time, and never shows drafts', async ({ page }) => {
	const items = published('sus');
	await page.goto(`${SUS}/nyheter`);
	await expect(page.getByText(`${items.length} nyheter, sida 1 av 2`)).toBeVisible();
	await expect(page.getByRole('main').getByRole('article')).toHaveCount(10);

	await page.getByRole('navigation', { name: 'Sidnavigering' }).getByRole('link', { name: 'Nästa' }).click();
	await expect(page).toHaveURL(`${SUS}/nyheter?sida=2`);
	await expect(page.getByRole('main').getByRole('article')).toHaveCount(items.length - 10);
	await expect(page.getByRole('link', { name: items.at(-1)!.title })).toBeVisible();

	for (const draft of demoNews.filter((n) => n.forbund === 'sus' && n.status === 'draft')) {
		await expect(page.getByText(draft.title)).toHaveCount(0);
		const response = await page.goto(`${SUS}/nyheter/${draft.slug}`);
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sidan finns inte');
	}
});

test('each förbund site has its own name, theme and logo', async ({ page }) => {
	const headerColour = async () => page.locator('header').evaluate((el) => getComputedStyle(el).backgroundColor);

	await page.goto(`${SUS}/`);
	const susColour = await headerColour();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'sus');

	await page.goto(`${ARVIKA_EDA}/`);
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'arvika-eda');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Arvika-Eda samordningsförbund');
	await expect(page.getByRole('contentinfo')).toContainText('Arvika kommun');
	await expect.poll(headerColour).not.toBe(susColour);

	const logo = await page.request.get(`${ARVIKA_EDA}/logo.svg`);
	expect(logo.headers()['content-type']).toContain('image/svg+xml');
});

test('the hub shows every region with its förbund and the shared news', async ({ page }) => {
	await page.goto(`${HUB}/`);
	await expect(page.getByRole('heading', { level: 2, name: 'Stockholms län' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: 'Finsam Värmland–Dalsland' })).toBeVisible();

	await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Stockholms län' }).click();
	await expect(page).toHaveURL(`${HUB}/stockholm`);
	await expect(page.getByRole('region', { name: 'Förbunden i Stockholms län' }).getByRole('listitem')).toHaveCount(8);

	const regional = demoNews
		.filter((n) => n.forbund === null && n.region === 'stockholm')
		.sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt))[0]!;
	await page.getByRole('link', { name: regional.title }).click();
	await expect(page).toHaveURL(`${HUB}/stockholm/nyheter/${regional.slug}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(regional.title);
});

test('an address that cannot exist is a plain Swedish 404 without JavaScript, never the validator’s output', async ({
	page
}) => {
	const cannotExist = [
		`${SUS}/nyheter/${'a'.repeat(101)}`,
		`${SUS}/nyheter/amne/${'a'.repeat(300)}`,
		`${HUB}/stockholm/nyheter/${'b'.repeat(101)}`,
		`${SUS}/finns-inte/alls`
	];
	for (const url of cannotExist) {
		const response = await page.goto(url);
		expect(response?.status(), url).toBe(404);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sidan finns inte');
		await expect(page.getByRole('main')).toContainText('Kontrollera adressen');
		const html = await response!.text();
		// No validator output, English framework message, stack trace or SQL.
		for (const leak of [/too_big|"path":|"code":/, /Not Found/, /\bat \S+ \(.*:\d+:\d+\)/, /\bselect\b.*\bfrom\b/i]) {
			expect(html, url).not.toMatch(leak);
		}
		await expect(page.locator('script, link[rel=modulepreload]')).toHaveCount(0);
	}
});
