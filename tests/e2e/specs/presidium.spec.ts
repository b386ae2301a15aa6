import { DEMO_PASSWORD } from '@regionportalen/db/demo';
import { HUB, SUS } from '../portal.ts';
import { expect, signIn, test } from '../fixtures.ts';

// The presidium room, without JavaScript: a coordinator writes, approves and publishes minutes on the
// hub; a presidium member reads them on their förbund's site; a visitor and an editor are refused;
// the member's reads are in the coordinator's audit log.
test.use({ javaScriptEnabled: false });

const title = `Presidiemöte om samverkan ${Date.now()}`;
let meetingId = 0;

test.describe.configure({ mode: 'serial' });

test('a coordinator writes minutes with an agenda item, approves them with justerare and publishes them', async ({
	page
}) => {
	await signIn(page, HUB, 'samordnare@demo.regionportalen.se', DEMO_PASSWORD);
	await page.goto(`${HUB}/stockholm/presidiet`);
	await page.getByRole('link', { name: 'Nytt protokoll' }).click();

	await page.getByLabel('Rubrik', { exact: true }).fill(title);
	await page.getByLabel('Datum', { exact: true }).fill('2026-03-12');
	await page.getByLabel('Börjar kl.', { exact: true }).fill('16:00');
	await page.getByLabel('Slutar kl.', { exact: true }).fill('18:00');
	await page.getByLabel('Värdförbund', { exact: true }).selectOption({ label: 'Samordningsförbundet Sundbyberg' });
	await page.getByLabel('Namn, deltagare 1').fill('Sigrid Testsson');
	await page.getByLabel('Förbund, deltagare 1').selectOption({ label: 'Samordningsförbundet Sundbyberg' });
	await page.getByLabel('Roll, deltagare 1').selectOption({ label: 'ordförande' });
	await page.getByLabel('Rubrik, punkt 1').fill('Gemensam ASF-dag');
	await page.getByLabel('Text, punkt 1').fill('Förbunden arrangerar **tillsammans** en dag om sociala företag.');
	await page.getByRole('button', { name: 'Spara utkast' }).click();

	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Protokoll: ${title}`);
	await expect(page.getByText('Status: Utkast')).toBeVisible();
	meetingId = Number(/\/presidiet\/(\d+)\/redigera/.exec(page.url())?.[1]);
	expect(meetingId).toBeGreaterThan(0);
	// The saved row is there, and blank rows follow it for the next attendee.
	await expect(page.getByLabel('Namn, deltagare 1')).toHaveValue('Sigrid Testsson');
	await expect(page.getByLabel('Namn, deltagare 2')).toHaveValue('');

	await page.getByLabel('Justerare', { exact: true }).fill('Sigrid Testsson');
	await page.getByRole('button', { name: 'Justera protokollet' }).click();
	await expect(page.getByRole('status')).toHaveText('Protokollet är justerat.');
	await page.getByRole('button', { name: 'Publicera för presidierna' }).click();
	await expect(page.getByRole('status')).toHaveText('Protokollet är publicerat för regionens presidier.');
	await expect(page.getByText('Status: Publicerat för presidierna')).toBeVisible();
});

test('a presidium member signs in on their förbund’s site and reads the minutes and their print view', async ({
	page
}) => {
	await signIn(page, SUS, 'presidium.sus@demo.regionportalen.se', DEMO_PASSWORD);
	await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Presidiet' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Presidiets protokoll');
	// The demo minutes of November 2019 and the new ones; not the demo draft or the approved-but-unpublished.
	await expect(
		page.getByRole('link', { name: 'Gemensamt möte för presidierna i Stockholms läns samordningsförbund' })
	).toBeVisible();
	await expect(page.getByText('Presidiernas höstmöte 2020')).toHaveCount(0);
	await expect(page.getByText('Presidiernas vårmöte 2020')).toHaveCount(0);

	await page.getByRole('link', { name: title }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(page.getByRole('heading', { name: '1. Gemensam ASF-dag' })).toBeVisible();
	await expect(page.locator('strong', { hasText: 'tillsammans' })).toBeVisible();
	await expect(page.getByText('Sigrid Testsson (ordförande)')).toBeVisible();
	await expect(page.getByText(/Justerare: Sigrid Testsson/)).toBeVisible();

	const response = await page.goto(`${SUS}/presidiet/${meetingId}/utskrift`);
	expect(response?.headers()['cache-control']).toBe('private, no-store');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(page.getByText('Förbunden arrangerar')).toBeVisible();
});

test('the coordinator finds the member’s reads in the audit log on the hub', async ({ page }) => {
	await signIn(page, HUB, 'samordnare@demo.regionportalen.se', DEMO_PASSWORD);
	await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Logg' }).click();
	await page.getByLabel('Händelse').selectOption('minutes.read');
	await page.getByLabel('Person (e-post)').fill('presidium.sus@');
	await page.getByRole('button', { name: 'Filtrera' }).click();
	// Each read is there (the accessibility audit's second look at a page is a read too).
	const rows = page.getByRole('row').filter({ hasText: title });
	await expect(rows.filter({ hasText: '(version 1, utskrift)' }).first()).toBeVisible();
	await expect(rows.filter({ hasText: '(version 1)' }).first()).toBeVisible();
	await expect(rows.first()).toContainText('presidium.sus@demo.regionportalen.se');
});

test('a visitor is sent to sign in, and an editor without a presidium role is refused', async ({ page }) => {
	const visitor = await page.goto(`${SUS}/presidiet/${meetingId}`);
	expect(new URL(visitor!.url()).pathname).toBe('/logga-in');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Logga in');
	await page.goto(`${HUB}/stockholm/presidiet/${meetingId}/utskrift`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Logga in');

	await signIn(page, SUS, 'redaktor.sus@demo.regionportalen.se', DEMO_PASSWORD);
	await expect(
		page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Presidiet' })
	).toHaveCount(0);
	const refused = await page.goto(`${SUS}/presidiet/${meetingId}`);
	expect(refused?.status()).toBe(403);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Åtkomst nekad');
	await expect(page.getByText(title)).toHaveCount(0);
	// The editor on the hub is closed to them too.
	const editor = await page.goto(`${HUB}/stockholm/presidiet/ny`);
	expect(editor?.status()).not.toBe(200);
});
