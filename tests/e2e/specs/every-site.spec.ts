import { expect, test } from '../fixtures.ts';
import { sites } from '../sites.ts';

// The shared suite every site passes, generated ones included: its own name and theme, its news,
// and (through the fixture's audit) no WCAG 2.1 AA violation, colour contrast of its theme included.
for (const site of await sites()) {
	test(`${site.name}: themed start page and news list pass the shared checks`, async ({ page }) => {
		await page.goto(`${site.url}/`);
		const theme = site.config.kind === 'hub' ? 'hub' : site.config.forbund;
		await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
		if (site.config.kind === 'forbund') {
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(site.config.name);
			await expect(page.getByRole('contentinfo')).toContainText(`${site.config.municipalities[0]} kommun`);
			await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Nyheter' }).click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nyheter');
			// Every site has its "Om förbundet" page in the menu (the demo data's content pages).
			await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Om förbundet' }).click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Om förbundet');
		} else {
			for (const region of site.config.regions) {
				await page.goto(`${site.url}/${region}/nyheter`);
				await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nyheter');
			}
		}
		const logo = await page.request.get(`${site.url}/logo.svg`);
		expect(logo.ok()).toBe(true);

		// Reflow (WCAG 1.4.10): at 320 CSS pixels nothing scrolls sideways.
		await page.setViewportSize({ width: 320, height: 800 });
		await page.goto(`${site.url}/`);
		await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
	});
}
