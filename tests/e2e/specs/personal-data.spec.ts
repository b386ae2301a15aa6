import { readFile } from 'node:fs/promises';
import { DEMO_PASSWORD } from '@regionportalen/db/demo';
import { ARVIKA_EDA, HUB } from '../portal.ts';
import { expect, expectAccessible, signIn, test } from '../fixtures.ts';

// Personal data on request (GDPR art. 15 and 17), without JavaScript: a platform admin finds a
// person, hands over their data as a JSON file and erases it; the requests are listed with the day
// each must be answered by. The person is one this spec invites, so no other spec loses theirs.
test.use({ javaScriptEnabled: false });
// A sign-in may wait for the authenticator's next 30-second step.
test.describe.configure({ timeout: 60_000 });

const ADMIN = 'admin@demo.regionportalen.se';

test('a platform admin exports and erases a person’s data on the hub; both requests are listed', async ({ page }) => {
	await signIn(page, HUB, ADMIN, DEMO_PASSWORD);

	// A person only this spec knows: invited through the people admin.
	const email = `gdpr.${Date.now()}@example.se`;
	await page.goto(`${HUB}/admin/personer`);
	await page.getByLabel('E-postadress').fill(email);
	await page.getByLabel('Roll', { exact: true }).selectOption({ label: 'Redaktör, SUS' });
	await page.getByRole('button', { name: 'Bjud in' }).click();
	await expect(page.getByRole('status')).toHaveText(`En inbjudan har skickats till ${email}.`);

	// The admin menu leads to the page.
	await page
		.getByRole('navigation', { name: 'Huvudmeny' })
		.getByRole('link', { name: 'Personuppgifter på begäran' })
		.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Personuppgifter på begäran');

	await page.getByLabel('Konto-id eller e-postadress').fill(email);
	await page.getByRole('button', { name: 'Sök' }).click();
	const account = page.getByRole('table', { name: 'Konton som matchar sökningen' }).getByRole('row').filter({
		hasText: email
	});
	await expect(account).toHaveCount(1);
	// The address itself is offered too, for what is held about it without an account.
	await expect(page.getByRole('link', { name: `Välj adressen ${email}` })).toBeVisible();
	await account.getByRole('link', { name: /^Välj konto \d+$/ }).click();
	await expect(page.getByRole('heading', { level: 2, name: /^Uppgifter om konto \d+$/ })).toBeVisible();
	const accountId = (await page.getByRole('heading', { level: 2, name: /^Uppgifter om konto/ }).textContent())!.match(
		/\d+/
	)![0];

	// Art. 15: everything held, as a file to hand over.
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Ladda ned som JSON' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/^personuppgifter-begaran-\d+\.json$/);
	const exported = JSON.parse(await readFile((await download.path())!, 'utf8')) as {
		data: { domain: string; tables: Record<string, Record<string, unknown>[]> }[];
	};
	const accounts = exported.data.find((d) => d.domain === 'accounts');
	expect(accounts?.tables.app_user).toEqual([expect.objectContaining({ email, id: Number(accountId) })]);
	expect(accounts?.tables.membership).toHaveLength(1);

	// Art. 17: a wrong word erases nothing.
	await page.getByLabel('Skriv RADERA för att bekräfta').fill('radera');
	await page.getByRole('button', { name: 'Radera uppgifterna' }).click();
	await expect(page.getByRole('alert')).toContainText('Skriv RADERA för att bekräfta raderingen.');
	await expect(page.getByLabel('Skriv RADERA för att bekräfta')).toHaveAccessibleDescription(
		/Skriv RADERA för att bekräfta raderingen\./
	);
	await expect(account).toHaveCount(1);
	await expectAccessible(page);

	await page.getByLabel('Skriv RADERA för att bekräfta').fill('RADERA');
	await page.getByRole('button', { name: 'Radera uppgifterna' }).click();
	await expect(page.getByRole('status')).toContainText(`Uppgifterna om konto ${accountId} är raderade`);
	const done = page.getByRole('table', { name: 'Vad som gjordes, per område och tabell' });
	await expect(done.getByRole('row').filter({ hasText: 'app_user' }).getByRole('cell').nth(2)).toHaveText('1');

	// The account is gone: searching again finds none.
	await page.getByLabel('Konto-id eller e-postadress').fill(email);
	await page.getByRole('button', { name: 'Sök' }).click();
	await expect(page.getByText(`Inget konto hittades för ${email}.`)).toBeVisible();

	// Both requests are recorded, each with the day it must be answered by.
	const requests = page
		.getByRole('table', { name: /^Begäranden/ })
		.getByRole('row')
		.filter({ hasText: `Konto ${accountId}` });
	await expect(requests).toHaveCount(2);
	await expect(requests.nth(0)).toContainText('Radering');
	await expect(requests.nth(1)).toContainText('Registerutdrag');
	for (const row of [requests.nth(0), requests.nth(1)]) {
		await expect(row.getByRole('cell').nth(4)).toHaveText(/^\d{1,2} [a-zåäö]+ \d{4}$/);
		await expect(row).toContainText('Hela plattformen');
	}
});

test('a förbund editor is refused the page, and a visitor is sent to sign in', async ({ page }) => {
	await page.goto(`${ARVIKA_EDA}/admin/personuppgifter`);
	await expect(page).toHaveURL(/\/logga-in\?till=%2Fadmin%2Fpersonuppgifter/);

	await signIn(page, ARVIKA_EDA, 'redaktor.arvika-eda@demo.regionportalen.se', DEMO_PASSWORD);
	await expect(page.getByRole('link', { name: 'Personuppgifter på begäran' })).toHaveCount(0);
	const response = await page.goto(`${ARVIKA_EDA}/admin/personuppgifter`);
	expect(response?.status()).toBe(403);
	await expect(page.getByText('Du har inte behörighet att hantera personuppgifter här.')).toBeVisible();
});
