import { DEMO_PASSWORD } from '@regionportalen/db/demo';
import { mailTo } from '../mail.ts';
import { SUS } from '../portal.ts';
import { expect, expectAccessible, signIn, test } from '../fixtures.ts';

// The editorial side of insatser without JavaScript: SUS's editor writes an insats and submits it
// (the katalogadministratör is mailed), the katalogadministratör sends it back with a comment, the
// editor sees the comment and fixes it, and it is approved; from then on the four Uppföljning Finsam
// categories show as fixed, and a forged form post that changes one is refused.
test.use({ javaScriptEnabled: false });

const EDITOR = 'redaktor.sus@demo.regionportalen.se';
const CATALOGUE_ADMIN = 'katalog.sus@demo.regionportalen.se';

test('an insats is written, sent back with a comment, fixed and approved; its categories are then fixed', async ({
	page,
	browser
}) => {
	const stamp = Date.now().toString(36);
	const name = `Unga vuxna i arbete ${stamp}`;
	await signIn(page, SUS, EDITOR, DEMO_PASSWORD);

	await page.goto(`${SUS}/redaktor/insatser`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Insatser');
	await page.getByRole('link', { name: 'Skriv en ny insats' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ny insats');
	await page.getByLabel('Namn', { exact: true }).fill(name);
	await page.getByLabel('Sammanfattning').fill('Stöd för unga 16–29 år på väg mot arbete eller studier.');
	await page.getByLabel('Beskrivning').fill('Ett **samordnat** stöd med coacher från kommunen och Arbetsförmedlingen.');
	await page.getByRole('radio', { name: 'Individinriktad' }).check();
	await page.getByLabel('Preciserad inriktning').selectOption({ label: 'Stöd till arbete eller studier' });
	await page.getByRole('radio', { name: 'Med personuppgifter eller anonym' }).check();
	await page.getByRole('checkbox', { name: 'Unga 16–29 år' }).check();
	await page.getByRole('checkbox', { name: 'Sollentuna' }).check();
	await page.getByLabel('Organisation 1').fill('Sollentuna kommun');
	await page.getByRole('button', { name: 'Spara som utkast' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Redigera insats');
	await expect(page.getByText('Status: Utkast')).toBeVisible();
	const itemUrl = page.url().split('?')[0]!;

	await page.getByRole('button', { name: 'Skicka för granskning' }).click();
	await expect(page.getByRole('status')).toContainText('Insatsen är skickad för granskning.');
	const mail = await mailTo(CATALOGUE_ADMIN, new RegExp(`Insats att granska: ${name}`));
	expect(mail.text).toContain(new URL(itemUrl).pathname);

	// The katalogadministratör finds it waiting and sends it back with a comment.
	const reviewerContext = await browser.newContext({ javaScriptEnabled: false });
	const reviewer = await reviewerContext.newPage();
	await signIn(reviewer, SUS, CATALOGUE_ADMIN, DEMO_PASSWORD);
	await reviewer.goto(`${SUS}/admin/insatser`);
	await expect(reviewer.getByRole('heading', { level: 1 })).toHaveText('Granska insatser');
	await expectAccessible(reviewer);
	await reviewer.getByRole('region', { name: 'Väntar på godkännande' }).getByRole('link', { name }).click();
	await expect(reviewer.getByText('Status: Granskas')).toBeVisible();
	await expectAccessible(reviewer);
	await reviewer.getByLabel('Kommentar till författaren').fill('Skriv hur man kommer med via sin handläggare.');
	await reviewer.getByRole('button', { name: 'Skicka tillbaka' }).click();
	await expect(reviewer.getByRole('status')).toHaveText(
		'Insatsen är skickad tillbaka till författaren med din kommentar.'
	);

	// The editor sees the comment, on the list and on the insats, and fixes it.
	await page.goto(`${SUS}/redaktor/insatser`);
	await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('kommentar från granskaren');
	await page.goto(itemUrl);
	const comment = page.getByRole('region', { name: 'Kommentar från granskaren' });
	await expect(comment).toContainText('Skriv hur man kommer med via sin handläggare.');
	await page.getByLabel('Så här går det till').fill('Prata med din handläggare på Arbetsförmedlingen eller kommunen.');
	await page.getByRole('button', { name: 'Spara', exact: true }).click();
	await expect(page.getByRole('status')).toHaveText('Ändringarna är sparade.');
	await page.getByRole('button', { name: 'Skicka för granskning' }).click();
	await expect(page.getByRole('status')).toContainText('Insatsen är skickad för granskning.');
	await expect(page.getByRole('region', { name: 'Kommentar från granskaren' })).toHaveCount(0);

	// Approved by the katalogadministratör: published, with "granskad senast" today.
	await reviewer.goto(itemUrl);
	await reviewer.getByRole('button', { name: 'Godkänn och publicera' }).click();
	await expect(reviewer.getByRole('status')).toHaveText('Insatsen är godkänd och publicerad i katalogen.');
	await expect(reviewer.getByText('Status: Publicerad')).toBeVisible();
	await expect(reviewer.getByText(/Granskad senast: \d{4}-\d{2}-\d{2} av Lina Åberg/)).toBeVisible();

	// The four categories are shown as fixed, with the reason.
	const categories = reviewer.getByRole('group', { name: 'Kategorier i Uppföljning Finsam' });
	await expect(categories).toContainText('Kategorierna är låsta sedan insatsen publicerades första gången');
	await expect(categories.getByRole('radio')).toHaveCount(0);
	await expect(categories.getByText('Med personuppgifter eller anonym')).toBeVisible();
	await expectAccessible(reviewer);

	// A forged form post that changes one is refused, and nothing changes.
	const forged = await reviewer.request.post(`${itemUrl}?/save`, {
		headers: { origin: SUS, accept: 'text/html' },
		form: {
			version: '1',
			name,
			inriktning: 'individinriktad',
			preciseCategoryId: '3',
			followUp: 'endast_antal',
			esf: 'nej'
		}
	});
	expect(forged.status()).toBe(400);
	expect(await forged.text()).toContain('i Uppföljning Finsam är en sådan ändring en ny insats');
	await reviewer.goto(itemUrl);
	await expect(
		reviewer
			.getByRole('group', { name: 'Kategorier i Uppföljning Finsam' })
			.getByText('Med personuppgifter eller anonym')
	).toBeVisible();

	// The editor may no longer change the published text, but keeps its state up to date.
	await page.goto(itemUrl);
	await expect(page.getByText('Insatsen är publicerad: texten, åren och remissblanketten ändras av')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Spara', exact: true })).toHaveCount(0);
	await page.getByLabel('Insatsens läge').selectOption({ label: 'Pågående' });
	await page.getByLabel('Tar emot deltagare').selectOption({ label: 'Väntelista' });
	await page.getByRole('button', { name: 'Spara läget' }).click();
	await expect(page.getByRole('status')).toHaveText('Läget är sparat.');
	await expect(page.getByText('läge: Pågående')).toBeVisible();
	await reviewerContext.close();
});

test('a platform admin extends the precise categories that every förbund chooses from', async ({ page }) => {
	const label = `Arbetsträning i grupp ${Date.now().toString(36)}`;
	await signIn(page, SUS, 'admin@demo.regionportalen.se', DEMO_PASSWORD);
	await page.goto(`${SUS}/admin/insatser`);
	const list = page.getByRole('region', { name: 'Preciserade inriktningar' });
	await expect(list).toContainText('Förrehabilitering och motivation');
	await list.getByLabel('Inriktning', { exact: true }).selectOption({ label: 'Individinriktad' });
	await list.getByLabel('Ny preciserad inriktning').fill(label);
	await list.getByRole('button', { name: 'Lägg till' }).click();
	await expect(page.getByRole('status')).toHaveText(`${label} är tillagd i listan.`);
	await expect(page.getByRole('region', { name: 'Preciserade inriktningar' }).getByText(label)).toBeVisible();

	// Offered in the editor at once.
	await page.goto(`${SUS}/redaktor/insatser/ny`);
	await expect(page.getByLabel('Preciserad inriktning').getByRole('option', { name: label })).toHaveCount(1);
});
