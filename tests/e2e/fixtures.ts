import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { parseTotpKey, TOTP_PERIOD_SECONDS, totpCode, totpStep } from '@regionportalen/auth';
import { demoTotpSecret } from '@regionportalen/db/demo';
import { htmlErrors } from './html-checker.ts';

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
 * Checks the page as it is now, for states a plain GET cannot reach (such as a refused form), with
 * axe and the Nu HTML checker. With JavaScript off in the test, the same HTML is loaded into a page
 * that may run axe.
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
	expect(await htmlErrors(page.url(), html)).toEqual([]);
}

/**
 * `page` with an accessibility and markup audit: every page the test visited is opened again
 * afterwards, in the same browser context (so with the same sign-in), checked with axe against WCAG
 * 2.1 A and AA, and its HTML as served with the Nu HTML checker. Any violation or error fails the test.
 * The audit has a timeout of its own: on a busy machine re-checking a long test's pages takes longer
 * than the test's 30 seconds allow besides the test itself.
 */
export const test = base.extend({
	page: [
		async ({ page }, use) => {
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
			const markupErrors = [];
			for (const url of visited) {
				if (new URL(url).pathname === '/logga-ut') continue;
				const response = await auditor.goto(url);
				violations.push(...(await axeViolations(auditor)));
				if (response) markupErrors.push(...(await htmlErrors(url, await response.text())));
			}
			await audit.close();
			expect(violations, `WCAG 2.1 AA violations on ${[...visited].join(', ')}`).toEqual([]);
			expect(markupErrors, `Nu HTML checker errors on ${[...visited].join(', ')}`).toEqual([]);
		},
		{ scope: 'test', timeout: 120_000 }
	]
});

export { expect };

/**
 * Signs in with e-mail and password and, for a demo account with a TOTP key (the privileged ones),
 * the code an authenticator would show, so every spec signs in the same way a person does.
 */
export async function signIn(page: Page, site: string, email: string, password: string) {
	await page.goto(`${site}/logga-in`);
	await settled(page);
	await page.getByLabel('E-postadress').fill(email);
	await page.getByLabel('Lösenord').fill(password);
	await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Logga in' }).click()]);
	if (demoTotpSecret(email) && new URL(page.url()).pathname === '/logga-in/tvasteg') await enterTotpCode(page, email);
}

const STEP_MS = TOTP_PERIOD_SECONDS * 1000;
/** The last TOTP step used per account in this worker: the server takes every code once only. */
const lastStep = new Map<string, number>();

/**
 * The next code the server will take for this demo account: it accepts the steps just before and
 * after the current one, each once, so up to three sign-ins fit in one 30-second window before one
 * has to wait for the next.
 */
export async function nextTotpCode(page: Page, email: string): Promise<string> {
	const key = parseTotpKey(demoTotpSecret(email)!)!;
	for (;;) {
		const now = totpStep();
		const intoStep = Date.now() % STEP_MS;
		// The previous step is safe only while it cannot slip out of the window before the server checks.
		const earliest = intoStep < STEP_MS - 8000 ? now - 1 : now;
		const step = Math.max(earliest, (lastStep.get(email) ?? -Infinity) + 1);
		if (step <= now + 1) {
			lastStep.set(email, step);
			return totpCode(key, step);
		}
		await page.waitForTimeout(STEP_MS - intoStep + 200);
	}
}

export async function enterTotpCode(page: Page, email: string) {
	for (let attempt = 0; attempt < 3; attempt++) {
		await page.getByLabel('Kod', { exact: true }).fill(await nextTotpCode(page, email));
		await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Verifiera' }).click()]);
		if (!new URL(page.url()).pathname.startsWith('/logga-in/tvasteg')) return;
		// Taken already (by a run this worker does not remember): move past the steps used so far.
		lastStep.set(email, totpStep() + 1);
	}
	throw new Error(`Could not pass the two-factor step as ${email}`);
}

/** Waits until the page's scripts have loaded and hydrated, so typing is not raced by hydration. */
export async function settled(page: Page) {
	await page.waitForLoadState('networkidle');
}
