import { transformer } from '@regionportalen/api/transformer';
import { DEMO_PASSWORD, VIONI } from '@regionportalen/db/demo';
import { png } from '../files.ts';
import { ARVIKA_EDA, HUB, SUS } from '../portal.ts';
import { expect, expectAccessible, signIn, test } from '../fixtures.ts';

// ASF coordination without JavaScript: the region's ASF-samordnare registers an enterprise with two
// kinds of places (a personnummer is refused on the way), the enterprise sets its free places
// through its own link without an account, and the directory's "free places" filter on a förbund's
// site shows the change. The internal notes: read and written by a förbund's insatspersonal, shut to
// a visitor and to another region's editor, by page and by the API.
test.use({ javaScriptEnabled: false });

const ASF = 'asf.stockholm@demo.regionportalen.se';

/** A valid organisation number made from the run's stamp, so a retry registers a new one. */
function orgNumber(seed: number): string {
	const nine = `552${String(seed % 1_000_000).padStart(6, '0')}`;
	const check = [...'0123456789'].find((d) => {
		let sum = 0;
		[...(nine + d)].forEach((c, i) => {
			let v = Number(c) * (i % 2 === 0 ? 2 : 1);
			if (v > 9) v -= 9;
			sum += v;
		});
		return sum % 10 === 0;
	})!;
	return `${nine.slice(0, 6)}-${nine.slice(6)}${check}`;
}

test('the ASF-samordnare registers an enterprise, it reports its free places by its link, and the directory shows them', async ({
	page,
	browser
}) => {
	// Four pages checked with axe and the HTML checker on the way, besides the audit afterwards.
	test.slow();
	const stamp = Date.now();
	const name = `Sollentuna Cykelkooperativ ${stamp.toString(36)}`;
	await signIn(page, HUB, ASF, DEMO_PASSWORD);
	await page.goto(`${HUB}/stockholm/asf/register`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('ASF-registret: Stockholms län');
	// The demo's workshop in Sollentuna has not reported for 45 days.
	await expect(page.getByRole('row', { name: /Rotebro Cykelverkstad/ })).toContainText('Äldre än 30 dagar');
	// Väsby Återbruk's certification ends in 40 days: on the watch.
	await expect(page.getByRole('region', { name: 'Certifieringar som går ut inom 60 dagar' })).toContainText(
		'Väsby Återbruk'
	);
	await page.getByRole('link', { name: 'Nytt företag' }).click();

	await page.getByLabel('Namn', { exact: true }).first().fill(name);
	await page.getByLabel('Organisationsnummer').fill('811218-9876');
	await page.getByLabel('Kommuner som företaget tar emot deltagare från').fill('Sollentuna, Sigtuna');
	await page.getByRole('checkbox', { name: 'Cykel- och fordonsverkstad' }).check();
	await page.getByRole('button', { name: 'Spara företaget' }).click();
	await expect(page.getByRole('alert')).toContainText('personnummer');
	await expect(page.getByLabel('Kommuner som företaget tar emot deltagare från')).toHaveValue('Sollentuna, Sigtuna');
	await expectAccessible(page);
	await page.getByLabel('Organisationsnummer').fill(orgNumber(stamp));
	await page.getByRole('button', { name: 'Spara företaget' }).click();
	await expect(page.getByRole('status')).toHaveText('Företaget är sparat i registret.');
	const itemUrl = page.url().split('?')[0]!;

	await page
		.getByLabel(/Ladda upp en bild/)
		.setInputFiles({ name: 'verkstad.png', mimeType: 'image/png', buffer: png(1200, 800) });
	await page.getByLabel('Alternativtext (krävs)').fill('Två cyklar i verkstaden');
	await page.getByRole('button', { name: 'Ladda upp bilden' }).click();
	await expect(page.getByRole('status')).toHaveText('Bilden är uppladdad.');

	await page.getByLabel('Arbetsträning: platser totalt', { exact: true }).fill('4');
	await page.getByLabel('Förstärkt arbetsträning: platser totalt', { exact: true }).fill('2');
	await page.getByRole('button', { name: 'Spara platserna' }).click();
	await expect(page.getByRole('status')).toHaveText('Platserna är sparade.');
	await page.getByRole('button', { name: 'Skapa en länk' }).click();
	await expect(page.getByRole('status')).toContainText('En ny länk är skapad.');
	const link = await page.getByRole('link', { name: /…$/ }).getAttribute('href');
	expect(link).toMatch(/^\/stockholm\/asf\/platser\/[A-Za-z0-9_-]{43}$/);

	// No free places yet: not in the filtered directory.
	const directory = `${SUS}/asf?lediga=1`;
	const visitorContext = await browser.newContext({ javaScriptEnabled: false });
	const visitor = await visitorContext.newPage();
	await visitor.goto(directory);
	await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Sociala företag');
	await expect(visitor.getByRole('link', { name: 'VioNi', exact: true })).toBeVisible();
	await expect(visitor.getByRole('link', { name })).toHaveCount(0);

	// The enterprise opens its link without signing in.
	const enterpriseContext = await browser.newContext({ javaScriptEnabled: false });
	const enterprise = await enterpriseContext.newPage();
	await enterprise.goto(`${HUB}${link}`);
	await expect(enterprise.getByRole('heading', { level: 1 })).toHaveText(`Lediga platser hos ${name}`);
	await expectAccessible(enterprise);
	await enterprise.getByLabel('Arbetsträning (av 4)').fill('3');
	await enterprise.getByRole('button', { name: 'Spara lediga platser' }).click();
	await expect(enterprise.getByRole('status')).toHaveText('Tack! De lediga platserna är uppdaterade.');
	await enterprise.getByRole('button', { name: 'Ingen ändring' }).click();
	await expect(enterprise.getByRole('status')).toHaveText('Tack! Vi har noterat att inget har ändrats.');
	// The link is its region's: under another region's path it opens nothing.
	const elsewhere = await enterprise.goto(`${HUB}${link!.replace('/stockholm/', '/varmland-dalsland/')}`);
	expect(elsewhere?.status()).toBe(404);
	await enterpriseContext.close();

	// A visitor's browser may keep a public page for a minute (Cache-Control): this is a new visitor.
	await visitorContext.close();
	const laterContext = await browser.newContext({ javaScriptEnabled: false });
	const later = await laterContext.newPage();
	await later.goto(directory);
	await expectAccessible(later);
	await later.getByRole('link', { name }).click();
	await expect(later.getByRole('img', { name: 'Två cyklar i verkstaden' })).toBeVisible();
	await expect(later.getByRole('row', { name: /^Arbetsträning/ })).toContainText('3');
	await expect(later.getByRole('row', { name: /^Förstärkt arbetsträning/ })).toContainText('0');
	await expectAccessible(later);
	await laterContext.close();

	// The coordinator sees both reports in the history, the link's "no change" among them.
	await page.goto(itemUrl);
	await expect(page.getByRole('table', { name: 'De senaste uppgifterna om lediga platser' })).toContainText(
		'Företaget via sin länk: ingen ändring'
	);
});

test('the internal notes are for the region’s staff: a visitor and another region’s editor are refused', async ({
	page,
	browser
}) => {
	// A visitor is sent to sign in, and the API answers 401.
	const notes = `${SUS}/asf/${VIONI}/anteckningar`;
	await page.goto(notes);
	await expect(page).toHaveURL(/\/logga-in/);
	const anonymous = await page.request.get(
		`${SUS}/api/trpc/asf.notes?input=${encodeURIComponent(JSON.stringify(transformer.serialize({ enterpriseId: 1 })))}`,
		{ failOnStatusCode: false }
	);
	expect(anonymous.status()).toBe(401);

	// SUS's insatspersonal reads the demo note and leaves one.
	const staffContext = await browser.newContext({ javaScriptEnabled: false });
	const staff = await staffContext.newPage();
	await signIn(staff, SUS, 'insats.sus@demo.regionportalen.se', DEMO_PASSWORD);
	await staff.goto(`${SUS}/asf/${VIONI}`);
	await staff.getByRole('link', { name: 'Interna anteckningar' }).click();
	await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Interna anteckningar: VioNi');
	await expect(staff.getByRole('region', { name: /Anteckningar/ })).toContainText('Uppföljningsmöte i oktober');
	const text = `Besök med två deltagare ${Date.now().toString(36)}.`;
	await staff.getByLabel('Ny anteckning').fill(text);
	await staff.getByRole('button', { name: 'Spara anteckningen' }).click();
	await expect(staff.getByRole('status')).toHaveText('Anteckningen är sparad.');
	await expect(staff.getByRole('region', { name: /Anteckningar/ })).toContainText(text);
	await expectAccessible(staff);
	await staffContext.close();

	// Another region's editor: VioNi is not on its site, and the API refuses the notes.
	const otherContext = await browser.newContext({ javaScriptEnabled: false });
	const other = await otherContext.newPage();
	await signIn(other, ARVIKA_EDA, 'redaktor.arvika-eda@demo.regionportalen.se', DEMO_PASSWORD);
	const missing = await other.goto(`${ARVIKA_EDA}/asf/${VIONI}/anteckningar`);
	expect(missing?.status()).toBe(404);
	const api = await other.request.get(
		`${ARVIKA_EDA}/api/trpc/asf.notes?input=${encodeURIComponent(
			JSON.stringify(transformer.serialize({ enterpriseId: await vioniId(other) }))
		)}`,
		{ failOnStatusCode: false }
	);
	expect(api.status()).toBe(403);
	expect(await api.text()).not.toContain('Uppföljningsmöte');
	await otherContext.close();
});

/** VioNi's id, from the hub's public API. */
async function vioniId(page: import('@playwright/test').Page): Promise<number> {
	const response = await page.request.get(
		`${HUB}/api/trpc/asf.enterprise?input=${encodeURIComponent(
			JSON.stringify(transformer.serialize({ owner: { region: 'stockholm' }, slug: VIONI }))
		)}`
	);
	const body = (await response.json()) as { result: { data: unknown } };
	return (transformer.deserialize(body.result.data as never) as { id: number }).id;
}
