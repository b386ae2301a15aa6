import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export async function axeViolations(page: Page) {
	const { violations } = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
	return violations.map((v) => ({
		url: page.url(),
		rule: v.id,
		impact: v.impact,
		targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5)
	}));
}

/**
 * Checks the page as it is now, for states a plain GET cannot reach (such as a refused form). With
 * JavaScript off in the test, the same HTML is loaded into a page that may run axe.
 */
export async function expectAccessible(page: Page) {
	const browser = page.context().browser()!;
	const audit = await browser.newContext({ javaScriptEnabled: true });
	const auditor = await audit.newPage();
	const html = await page.content();
	await auditor.route(page.url(), (route) => route.fulfill({ contentType: 'text/html', body: html }));
	await auditor.goto(page.url());
	const violations = await axeViolations(auditor);
	await audit.close();
	expect(violations).toEqual([]);
}

/**
 * `page` with an accessibility audit: every page the test visited is opened again afterwards, in the
 * same browser context (so with the same sign-in), and checked with axe against WCAG 2.1 A and AA.
 * Any violation fails the test.
 */
export const test = base.extend({
	page: async ({ page }, use) => {
		const visited = new Set<string>();
		page.on('framenavigated', (frame) => {
			if (frame === page.mainFrame() && frame.url().startsWith('http')) visited.add(frame.url().split('#')[0]!);
		});
		await use(page);

		// axe runs in the page, so the audit gets a context of its own with JavaScript on, signed in as the test was.
		const browser = page.context().browser()!;
		const audit = await browser.newContext({
			storageState: await page.context().storageState(),
			javaScriptEnabled: true
		});
		const auditor = await audit.newPage();
		const violations = [];
		for (const url of visited) {
			if (new URL(url).pathname === '/logga-ut') continue;
			await auditor.goto(url);
			violations.push(...(await axeViolations(auditor)));
		}
		await audit.close();
		expect(violations, `WCAG 2.1 AA violations on ${[...visited].join(', ')}`).toEqual([]);
	}
});

export { expect };

export async function signIn(page: Page, site: string, email: string, password: string) {
	await page.goto(`${site}/logga-in`);
	await settled(page);
	await page.getByLabel('E-postadress').fill(email);
	await page.getByLabel('Lösenord').fill(password);
	await page.getByRole('button', { name: 'Logga in' }).click();
}

/** Waits until the page's scripts have loaded and hydrated, so typing is not raced by hydration. */
export async function settled(page: Page) {
	await page.waitForLoadState('networkidle');
}
