import { transformer } from '@regionportalen/api/transformer';
import { DEMO_PASSWORD } from '@regionportalen/db/demo';
import { ARVIKA_EDA, HUB, OSTRA_SODERTORN, SODERTALJE, SUS } from '../portal.ts';
import { expect, expectAccessible, signIn, test } from '../fixtures.ts';

// Joint projects without JavaScript. The demo's MIA on two partner sites: each shows its own
// delprojekt first and the same totals; a delprojekt is in its förbund's catalogue and links back.
// Then a new project from its owner's editor to every partner's site, the owner's admin approving
// it, and a partner's editor who writes its own delprojekt and is refused on the project and on
// another förbund's delprojekt, by page and by the API.
test.use({ javaScriptEnabled: false });

const totals = (page: import('@playwright/test').Page) =>
	page.getByRole('table', { name: 'Deltagare, resultat och kostnader per år' }).locator('tfoot tr');

test('MIA shows each partner site its own delprojekt first, and the same totals everywhere', async ({ page }) => {
	await page.goto(`${SUS}/projekt`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Projekt');
	await page.getByRole('link', { name: 'MIA', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('MIA');
	await expect(
		page.getByText('Projektet medfinansieras av Europeiska unionen genom Europeiska socialfonden.')
	).toBeVisible();
	const delprojekt = page.getByRole('region', { name: 'Delprojekt' }).getByRole('heading', { level: 3 });
	await expect(delprojekt.first()).toContainText('MIA Vidare SUS');
	await expect(delprojekt.first()).toContainText('Vårt delprojekt');
	await expect(page.getByRole('region', { name: 'Parter' })).toContainText(
		'Samordningsförbundet Östra Södertörn – projektägare'
	);
	await expect(page.getByRole('region', { name: 'Budget' })).toContainText('136 883 875 kr');
	await expect(page.getByRole('region', { name: 'Budget' })).toContainText('91 752 514 kr');
	await expect(totals(page)).toContainText('Totalt');
	const susTotals = (await totals(page).textContent())!;

	await page.goto(`${SODERTALJE}/projekt/mia`);
	await expect(delprojekt.first()).toContainText('MIA Vidare Södertälje');
	await expect(totals(page)).toHaveText(susTotals);

	// The hub lists it; a förbund of another region has no such page.
	await page.goto(`${HUB}/stockholm/projekt`);
	await expect(page.getByRole('link', { name: 'MIA', exact: true })).toBeVisible();
	await page.getByRole('link', { name: 'MIA', exact: true }).click();
	await expect(totals(page)).toHaveText(susTotals);
	const missing = await page.goto(`${ARVIKA_EDA}/projekt/mia`);
	expect(missing?.status()).toBe(404);

	// SUS's delprojekt is in SUS's catalogue, and its page names the project.
	await page.goto(`${SUS}/insatser?q=MIA`);
	await page.getByRole('link', { name: 'MIA Vidare SUS' }).click();
	await expect(page.getByText('Delprojekt i samverkansprojektet MIA (MIA Vidare).')).toBeVisible();
	await page.getByRole('link', { name: 'MIA', exact: true }).click();
	await expect(page).toHaveURL(`${SUS}/projekt/mia`);
});

test('the owner writes a project in two phases, its admin approves it, and a partner writes only its delprojekt', async ({
	page,
	browser
}) => {
	const stamp = Date.now().toString(36);
	const name = `Vägen vidare ${stamp}`;
	await signIn(page, OSTRA_SODERTORN, 'redaktor.ostra-sodertorn@demo.regionportalen.se', DEMO_PASSWORD);
	await page.goto(`${OSTRA_SODERTORN}/redaktor/projekt`);
	await page.getByRole('link', { name: 'Skapa ett nytt projekt' }).click();
	await page.getByLabel('Projektets namn').fill(name);
	await page.getByLabel('Vad namnet står för').fill('Ett gemensamt steg mot arbete');
	await page.getByLabel('Om projektet och dess syfte').fill('Fler ska **komma vidare** till arbete.');
	await page.getByRole('radio', { name: 'Ja' }).check();
	await page.getByRole('button', { name: 'Spara utkastet' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Redigera projekt');
	await expect(page.getByText('Status: Utkast')).toBeVisible();
	const itemUrl = page.url().split('?')[0]!;

	// The first phase (named as the project) gets its period; a refused part keeps what was typed.
	const first = page.getByRole('region', { name, exact: true });
	await first.getByLabel('Startar').fill('2025-01-01');
	await first.getByLabel('Slutar').fill('2024-01-01');
	await first.getByRole('button', { name: 'Spara fasen' }).click();
	await expect(page.getByRole('alert')).toContainText('Perioden kan inte sluta innan den börjar.');
	await expect(first.getByLabel('Slutar')).toHaveValue('2024-01-01');
	await expectAccessible(page);
	await first.getByLabel('Slutar').fill('2026-12-31');
	await first.getByRole('button', { name: 'Spara fasen' }).click();
	await expect(page.getByRole('status')).toHaveText('Fasen är sparad.');

	// Partners: SUS and an organisation; a budget row; a second phase with SUS.
	const SUS_NAME = 'Samordningsförbundet Sollentuna, Upplands Väsby och Sigtuna';
	await first.getByLabel('Part', { exact: true }).selectOption({ label: SUS_NAME });
	await first.getByLabel('Roll').selectOption({ label: 'Samverkanspart' });
	await first.getByRole('button', { name: 'Lägg till parten' }).click();
	await expect(page.getByRole('status')).toHaveText('Parten är sparad.');
	await first.getByLabel('Part', { exact: true }).selectOption({ label: 'En annan organisation (skriv namnet nedan)' });
	await first.getByLabel('Annan organisation').fill('Coompanion Stockholm');
	await first.getByLabel('Roll').selectOption({ label: 'Samarbetspart' });
	await first.getByRole('button', { name: 'Lägg till parten' }).click();
	await expect(page.getByRole('status')).toHaveText('Parten är sparad.');
	await first.getByLabel('År', { exact: true }).fill('2025');
	await first.getByLabel('Belopp i kronor').fill('250000');
	await first.getByRole('button', { name: 'Spara budgetraden' }).click();
	await expect(page.getByRole('status')).toHaveText('Budgetraden är sparad.');
	await expect(first.getByRole('table')).toContainText('250 000 kr');
	await page.getByLabel('Ny fas').fill(`${name} Vidare`);
	await page.getByRole('button', { name: 'Lägg till fasen' }).click();
	await expect(page.getByRole('status')).toHaveText('Fasen är sparad.');
	const second = page.getByRole('region', { name: `${name} Vidare`, exact: true });
	await second.getByLabel('Part', { exact: true }).selectOption({ label: SUS_NAME });
	await second.getByRole('button', { name: 'Lägg till parten' }).click();
	await expect(page.getByRole('status')).toHaveText('Parten är sparad.');
	await expect(second).toContainText(`${SUS_NAME} – samverkanspart`);

	await page.getByRole('button', { name: 'Skicka för godkännande' }).click();
	await expect(page.getByRole('status')).toContainText('Projektet är skickat för godkännande.');
	await expect(page.getByRole('button', { name: 'Godkänn och publicera' })).toHaveCount(0);

	// The owner's admin approves: it is on every partner's site at once.
	const adminContext = await browser.newContext({ javaScriptEnabled: false });
	const admin = await adminContext.newPage();
	await signIn(admin, OSTRA_SODERTORN, 'fc.ostra-sodertorn@demo.regionportalen.se', DEMO_PASSWORD);
	await admin.goto(itemUrl);
	await admin.getByRole('button', { name: 'Godkänn och publicera' }).click();
	await expect(admin.getByRole('status')).toContainText('Projektet är godkänt och publicerat');
	await adminContext.close();
	const slug = await page.goto(`${SUS}/projekt`).then(async () => {
		const href = await page.getByRole('link', { name, exact: true }).getAttribute('href');
		return href!.split('/').pop()!;
	});
	await page.goto(`${SUS}/projekt/${slug}`);
	await expect(page.getByRole('region', { name: 'Parter' })).toContainText('Coompanion Stockholm – samarbetspart');

	// SUS's editor: the project read-only on the list, its own delprojekt written under Insatser.
	const partnerContext = await browser.newContext({ javaScriptEnabled: false });
	const partner = await partnerContext.newPage();
	await signIn(partner, SUS, 'redaktor.sus@demo.regionportalen.se', DEMO_PASSWORD);
	await partner.goto(`${SUS}/redaktor/projekt`);
	await expect(partner.getByRole('row', { name: new RegExp(name) }).getByRole('link')).toHaveCount(0);
	const ours = partner
		.getByRole('region', { name: 'Era delprojekt' })
		.getByRole('listitem')
		.filter({ hasText: `${name} Vidare` });
	await ours.getByRole('link', { name: 'Skapa ert delprojekt' }).click();
	await expect(partner.getByLabel('Delprojekt i samverkansprojekt')).toHaveValue(/\d+/);
	await partner.getByLabel('Namn', { exact: true }).fill(`${name} SUS`);
	await partner.getByRole('radio', { name: 'Individinriktad' }).check();
	await partner.getByLabel('Preciserad inriktning').selectOption({ label: 'Stöd till arbete eller studier' });
	await partner.getByRole('radio', { name: 'Med personuppgifter eller anonym' }).check();
	await partner.getByRole('button', { name: 'Spara som utkast' }).click();
	await expect(partner.getByRole('heading', { level: 1 })).toHaveText('Redigera insats');
	await partner.goto(`${SUS}/redaktor/projekt`);
	await expect(
		partner.getByRole('region', { name: 'Era delprojekt' }).getByRole('link', { name: `${name} SUS` })
	).toBeVisible();

	// Refused on the project itself, by page and by the API.
	const projectId = Number(new URL(itemUrl).pathname.split('/').pop());
	const refused = await partner.goto(`${SUS}/redaktor/projekt/${projectId}`);
	expect(refused?.status()).toBe(403);
	const api = await partner.request.post(`${SUS}/api/trpc/projects.update`, {
		headers: { origin: SUS, 'content-type': 'application/json' },
		data: JSON.stringify(transformer.serialize({ id: projectId, version: 1, name: 'Kapat projekt' })),
		failOnStatusCode: false
	});
	expect(api.status()).toBe(403);
	// And on another förbund's delprojekt: Östra Södertörn's MIA Vidare insats.
	const others = await partner.request.post(`${SUS}/api/trpc/insatser.setDelprojekt`, {
		headers: { origin: SUS, 'content-type': 'application/json' },
		data: JSON.stringify(
			transformer.serialize({ id: await ostraDelprojektId(partner), version: 1, projectPhaseId: null })
		),
		failOnStatusCode: false
	});
	expect(others.status()).toBe(403);
	await partnerContext.close();
});

/** Östra Södertörn's MIA Vidare delprojekt, by its public page's editor link target (its id from the API). */
async function ostraDelprojektId(page: import('@playwright/test').Page): Promise<number> {
	const response = await page.request.get(
		`${SUS}/api/trpc/projects.page?input=${encodeURIComponent(
			JSON.stringify(transformer.serialize({ owner: { forbund: 'sus' }, slug: 'mia' }))
		)}`
	);
	const body = (await response.json()) as { result: { data: unknown } };
	const project = transformer.deserialize(body.result.data as never) as {
		delprojekt: { id: number; forbund_slug: string; phase_name: string }[];
	};
	return project.delprojekt.find((d) => d.forbund_slug === 'ostra-sodertorn' && d.phase_name === 'MIA Vidare')!.id;
}
