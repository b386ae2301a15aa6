import { demoNews } from '@regionportalen/db/demo';
import { HUB, SUS } from '../portal.ts';
import { expect, settled, test } from '../fixtures.ts';

// Search in the news: a plain GET form that works without JavaScript, and with JavaScript
// suggestions as you type. Reads only the demo news of SUS (which the other specs leave as it is)
// and the items SUS shared with Stockholms län.

const susPublished = demoNews.filter((n) => n.forbund === 'sus' && n.status !== 'draft');
const mentions = (word: RegExp) => susPublished.filter((n) => word.test(`${n.title} ${n.lead} ${n.body}`));

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a visitor searches SUS’s news from the menu and finds the demo items, highlighted', async ({ page }) => {
		const expected = mentions(/\bSAMRE\b/);
		await page.goto(`${SUS}/`);
		await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Sök', exact: true }).click();
		await expect(page).toHaveURL(`${SUS}/sok`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sök');

		await page.getByLabel('Sök på webbplatsen').fill('SAMRE');
		await page.getByRole('button', { name: 'Sök', exact: true }).click();
		await expect(page).toHaveURL(`${SUS}/sok?q=SAMRE`);
		await expect(page.getByText(`${expected.length} träffar för ”SAMRE”`)).toBeVisible();
		const results = page.getByRole('main').getByRole('article');
		await expect(results).toHaveCount(expected.length);
		for (const item of expected) {
			await expect(page.getByRole('link', { name: item.title })).toHaveAttribute('href', `/nyheter/${item.slug}`);
		}
		await expect(results.first().locator('mark').first()).toHaveText(/^SAMRE$/i);
		await expect(page.getByLabel('Sök på webbplatsen')).toHaveValue('SAMRE');

		// A draft is never found.
		const draft = demoNews.find((n) => n.forbund === 'sus' && n.status === 'draft')!;
		await page.goto(`${SUS}/sok?q=${encodeURIComponent(draft.title)}`);
		await expect(page.getByRole('link', { name: draft.title })).toHaveCount(0);
	});

	test('one search finds the insatser and documents beside the news, each kind under its heading', async ({ page }) => {
		const samre = 'SAMRE – Samordnad rehabilitering';
		const report = /^Kartläggning av målgruppen för SAMRE/;
		await page.goto(`${SUS}/sok?q=SAMRE`);
		const insatser = page.getByRole('region', { name: 'Insatser' });
		await expect(insatser.getByRole('link', { name: samre })).toHaveAttribute('href', '/insatser/samre');
		await expect(page.getByRole('region', { name: 'Dokument' }).getByRole('link', { name: report })).toBeVisible();

		// The insats's page lists the documents that belong to it.
		await insatser.getByRole('link', { name: samre }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(samre);
		await expect(page.getByRole('region', { name: 'Dokument' }).getByRole('link', { name: report })).toBeVisible();

		// On the hub, a region's search leads to the insats on its förbund's own site.
		await page.goto(`${HUB}/stockholm/sok?q=SAMRE`);
		await expect(page.getByRole('region', { name: 'Insatser' }).getByRole('link', { name: samre })).toHaveAttribute(
			'href',
			`${SUS}/insatser/samre`
		);
	});

	test('results page ten at a time, keeping the query', async ({ page }) => {
		await page.goto(`${SUS}/sok?q=f%C3%B6rbundet`);
		const count = await page.getByText(/träffar för ”förbundet”/).textContent();
		const total = Number(/^(\d+) träffar/.exec(count ?? '')?.[1]);
		expect(total).toBeGreaterThan(10);
		await expect(page.getByText(`${total} träffar för ”förbundet”, sida 1 av 2`)).toBeVisible();
		const results = page.getByRole('main').getByRole('article');
		await expect(results).toHaveCount(10);
		const firstPage = await results.getByRole('heading').allTextContents();

		await page.getByRole('navigation', { name: 'Sidnavigering' }).getByRole('link', { name: 'Nästa' }).click();
		await expect(page).toHaveURL(`${SUS}/sok?q=f%C3%B6rbundet&sida=2`);
		await expect(page.getByText(`${total} träffar för ”förbundet”, sida 2 av 2`)).toBeVisible();
		await expect(results).toHaveCount(total - 10);
		for (const title of await results.getByRole('heading').allTextContents()) expect(firstPage).not.toContain(title);
	});

	test('a too short query is refused beside the form, and no match gets a friendly message', async ({ page }) => {
		const response = await page.goto(`${SUS}/sok?q=a`);
		expect(response?.status()).toBe(400);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sök');
		await expect(page.getByText('Skriv minst 2 tecken för att söka.')).toBeVisible();
		await expect(page.getByLabel('Sök på webbplatsen')).toHaveValue('a');
		await expect(page.getByLabel('Sök på webbplatsen')).toHaveAttribute('aria-invalid', 'true');

		await page.getByLabel('Sök på webbplatsen').fill('zyxelbrumma');
		await page.getByRole('button', { name: 'Sök', exact: true }).click();
		await expect(page.getByText('0 träffar för ”zyxelbrumma”')).toBeVisible();
		await expect(page.getByText('Vi hittade inga nyheter')).toBeVisible();
		await expect(page.getByRole('link', { name: 'alla nyheter' })).toHaveAttribute('href', '/nyheter');
	});

	test('the hub searches a region’s feed: its förbund’s shared items, not their own', async ({ page }) => {
		const shared = mentions(/\bSAMRE\b/).filter((n) => n.sharedWithRegion);
		expect(shared.length).toBeGreaterThan(0);
		await page.goto(`${HUB}/stockholm`);
		await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Sök', exact: true }).click();
		await expect(page).toHaveURL(`${HUB}/stockholm/sok`);
		await page.getByLabel('Sök på webbplatsen').fill('SAMRE');
		await page.getByRole('button', { name: 'Sök', exact: true }).click();

		await expect(page).toHaveURL(`${HUB}/stockholm/sok?q=SAMRE`);
		await expect(page.getByRole('main').getByRole('article')).toHaveCount(shared.length);
		for (const item of shared) {
			const card = page.getByRole('article').filter({ hasText: item.title });
			// Credited, and linking to the original on the förbund's own site.
			await expect(card).toContainText('SUS');
			await expect(card.getByRole('link', { name: item.title })).toHaveAttribute('href', `${SUS}/nyheter/${item.slug}`);
		}
		const unshared = mentions(/\bSAMRE\b/).find((n) => !n.sharedWithRegion)!;
		await expect(page.getByText(unshared.title)).toHaveCount(0);
	});
});

test.describe('with JavaScript', () => {
	test('suggestions appear while typing, and the keyboard opens the chosen article', async ({ page }) => {
		await page.goto(`${SUS}/sok`);
		const field = page.getByRole('combobox', { name: 'Sök på webbplatsen' });
		await expect(field).toHaveAttribute('aria-expanded', 'false');
		await field.pressSequentially('samr', { delay: 40 });

		const listbox = page.getByRole('listbox', { name: 'Förslag' });
		await expect(listbox).toBeVisible();
		await expect(field).toHaveAttribute('aria-expanded', 'true');
		await expect(field).toHaveAttribute('aria-controls', 'sok-forslag');
		const options = listbox.getByRole('option');
		await expect(options).toHaveCount(5);
		await expect(page.getByRole('status').filter({ hasText: 'förslag' })).toHaveText(/^\d+ träffar, 5 förslag\./);

		await field.press('ArrowDown');
		await field.press('ArrowDown');
		await field.press('ArrowUp');
		const first = options.first();
		await expect(first).toHaveAttribute('aria-selected', 'true');
		await expect(field).toHaveAttribute('aria-activedescendant', 'sok-forslag-0');
		await expect(field).toBeFocused();
		const title = (await first.locator('.title').textContent())!;
		const item = susPublished.find((n) => n.title === title)!;
		expect(item).toBeDefined();

		// Escape closes the list; the arrow opens it again.
		await field.press('Escape');
		await expect(listbox).toBeHidden();
		await expect(field).toHaveAttribute('aria-expanded', 'false');
		await field.press('ArrowDown');
		await expect(first).toHaveAttribute('aria-selected', 'true');

		await field.press('Enter');
		await expect(page).toHaveURL(`${SUS}/nyheter/${item.slug}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(item.title);
	});

	test('Enter without a chosen suggestion submits the form as usual', async ({ page }) => {
		await page.goto(`${SUS}/sok`);
		const field = page.getByRole('combobox', { name: 'Sök på webbplatsen' });
		await field.pressSequentially('Coompanion', { delay: 20 });
		await expect(page.getByRole('listbox', { name: 'Förslag' })).toBeVisible();
		await field.press('Enter');
		await expect(page).toHaveURL(`${SUS}/sok?q=Coompanion`);
		const expected = mentions(/Coompanion/);
		await expect(page.getByText(`${expected.length} träffar för ”Coompanion”`)).toBeVisible();
		await expect(page.getByRole('main').getByRole('article')).toHaveCount(expected.length);
	});

	test('a query typed before the page’s JavaScript has loaded survives hydration', async ({ page }) => {
		// Hold the page's scripts back, as a slow connection would, and type over the query meanwhile.
		let release!: () => void;
		const held = new Promise<void>((resolve) => (release = resolve));
		await page.route('**/_app/immutable/**', async (route) => {
			await held;
			await route.continue();
		});
		await page.goto(`${SUS}/sok?q=SAMRE`, { waitUntil: 'commit' });
		const field = page.getByLabel('Sök på webbplatsen');
		await expect(field).toHaveValue('SAMRE');
		await field.fill('Coompanion');
		release();

		// Hydrated: the field is now the combobox (JavaScript only), and still holds what was typed.
		await expect(page.getByRole('combobox', { name: 'Sök på webbplatsen' })).toBeVisible();
		await settled(page);
		await expect(field).toHaveValue('Coompanion');
		await page.unroute('**/_app/immutable/**');
	});
});
