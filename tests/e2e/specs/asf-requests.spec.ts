import { transformer } from '@regionportalen/api/transformer';
import { DEMO_PASSWORD } from '@regionportalen/db/demo';
import { linkIn, mailTo } from '../mail.ts';
import { ARVIKA_EDA, HUB, SUS } from '../portal.ts';
import { expect, expectAccessible, signIn, test } from '../fixtures.ts';

// Place requests without JavaScript: SUS's insatspersonal asks for a place (a personnummer in the
// text is refused, and nothing typed is lost), the Stockholm ASF-samordnare hears of it by mail,
// proposes an enterprise and records the visit and the start; the requester gets a mail at each
// step and sees the whole course; the start takes one of the enterprise's free places. A visitor
// and another region's insatspersonal see nothing of it, by page and by the API.
test.use({ javaScriptEnabled: false });

const ASF = 'asf.stockholm@demo.regionportalen.se';
const STAFF = 'insats.sus@demo.regionportalen.se';
const OTHER_STAFF = 'insats.arvika-eda@demo.regionportalen.se';

const query = (site: string, path: string, input: unknown) =>
	`${site}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(transformer.serialize(input)))}`;

test('a förbund asks for a place, the ASF-samordnare proposes, and the request ends as started, with the requester’s mails', async ({
	page,
	browser
}) => {
	// Six pages checked with axe and the HTML checker on the way, and three sign-ins with a second factor.
	test.slow();
	await signIn(page, SUS, STAFF, DEMO_PASSWORD);
	await page.goto(SUS);
	await page.getByRole('link', { name: 'Platsförfrågningar' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Förfrågningar om platser');
	// The demo's request that started at VioNi is closed; the one proposed at Väsby Återbruk is open.
	await expect(page.getByRole('table', { name: /Förfrågningar/ })).toContainText('Väsby Återbruk');
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Fråga efter en plats' }).click();
	await expect(page.getByRole('note')).toContainText('Inga personuppgifter');

	await page.getByLabel('Slags plats').selectOption({ label: 'Arbetsprövning' });
	await page.getByLabel('Åldersgrupp').selectOption({ label: '30–39 år' });
	await page.getByRole('checkbox', { name: 'Nära handledning' }).check();
	await page.getByRole('checkbox', { name: 'En bedömning av arbetsförmågan' }).check();
	const description = 'Deltagaren 850412-1234 vill pröva lager och montering.';
	await page.getByLabel(/Kort om vad som passar/).fill(description);
	await page.getByLabel('Kommun', { exact: true }).fill('Sigtuna');
	await page.getByLabel('Önskad start').fill('2027-02-01');
	await page.getByRole('button', { name: 'Skicka förfrågan' }).click();
	await expect(page.getByRole('alert')).toContainText('personnummer');
	// Nothing typed is lost.
	await expect(page.getByLabel(/Kort om vad som passar/)).toHaveValue(description);
	await expect(page.getByRole('checkbox', { name: 'Nära handledning' })).toBeChecked();
	await expect(page.getByLabel('Kommun', { exact: true })).toHaveValue('Sigtuna');
	await expectAccessible(page);
	await page.getByLabel(/Kort om vad som passar/).fill('Vill pröva lager och montering, gärna förmiddagar.');
	await page.getByRole('button', { name: 'Skicka förfrågan' }).click();
	await expect(page.getByRole('status')).toContainText('Förfrågan är skickad');
	const number = Number(/\/asf\/forfragningar\/(\d+)/.exec(page.url())?.[1]);
	expect(number).toBeGreaterThan(0);
	await expectAccessible(page);

	// The ASF-samordnare hears of it, and follows the mail's link to the hub.
	const announced = await mailTo(ASF, new RegExp(`Ny förfrågan om plats \\(nr ${number}\\)`));
	const coordinatorContext = await browser.newContext({ javaScriptEnabled: false });
	const coordinator = await coordinatorContext.newPage();
	await signIn(coordinator, HUB, ASF, DEMO_PASSWORD);
	await coordinator.goto(linkIn(announced, HUB));
	await expect(coordinator.getByRole('heading', { level: 1 })).toHaveText(`Förfrågan nr ${number}: Arbetsprövning`);
	// Tyresögården has places for arbetsprövning: the one to propose.
	const choice = coordinator
		.locator('label')
		.filter({ hasText: /^\s*Tyresögården Kafé och Trädgård: \d+ av \d+ lediga/ });
	const freeBefore = Number(/: (\d+) av/.exec(await choice.innerText())?.[1]);
	expect(freeBefore).toBeGreaterThanOrEqual(0);
	await choice.getByRole('radio').check();
	await coordinator.getByRole('button', { name: 'Föreslå företaget' }).click();
	await expect(coordinator.getByRole('status')).toContainText('Förslaget är sparat');
	await expectAccessible(coordinator);

	const step = async (label: string, date: string, time: string) => {
		await coordinator.getByRole('radio', { name: label }).check();
		await coordinator.getByLabel('Datum').fill(date);
		await coordinator.getByLabel('Klockslag').fill(time);
		await coordinator.getByRole('button', { name: 'Spara steget' }).click();
		await expect(coordinator.getByRole('status')).toContainText('Steget är sparat');
	};
	await step('Besök hos företaget', '2027-01-20', '10:00');
	await step('Start hos företaget', '2027-02-01', '09:00');
	await expect(coordinator.getByRole('region', { name: 'Förlopp' })).toContainText('Start: Tyresögården');
	// Closed: no more steps, no more proposals.
	await expect(coordinator.getByRole('button', { name: 'Spara steget' })).toHaveCount(0);
	await coordinatorContext.close();

	// A mail at each of the samordnare's steps, each with the link to the request on SUS's site.
	for (const subject of ['företag föreslaget', 'besök', 'start']) {
		const mail = await mailTo(STAFF, new RegExp(`Din förfrågan om plats \\(nr ${number}\\): ${subject}$`));
		expect(linkIn(mail, SUS)).toBe(`${SUS}/asf/forfragningar/${number}`);
	}
	const started = await mailTo(STAFF, new RegExp(`\\(nr ${number}\\): start$`));
	expect(started.text).toContain('Tyresögården');
	expect(started.text).toContain('1 februari 2027 kl. 09:00');

	// The requester sees the whole course on the förbund's site.
	await page.goto(`${SUS}/asf/forfragningar/${number}`);
	await expect(page.getByRole('definition').first()).toHaveText('Startad: Tyresögården Kafé och Trädgård');
	const course = page.getByRole('region', { name: 'Förlopp' });
	await expect(course.getByRole('listitem')).toHaveCount(4);
	await expect(course).toContainText('Besök: Tyresögården Kafé och Trädgård, 20 januari 2027');
	await expect(page.getByRole('button', { name: 'Återkalla förfrågan' })).toHaveCount(0);
	await expectAccessible(page);

	// The start took one of Tyresögården's free places of the kind: the overview shows one fewer.
	await page.goto(`${SUS}/asf/oversikt`);
	const row = page
		.getByRole('table', { name: /^Lediga platser/ })
		.getByRole('row', { name: /Tyresögården Kafé och Trädgård Arbetsprövning/ });
	if (freeBefore > 1) await expect(row).toContainText(`${freeBefore - 1} av`);
	else await expect(row).toHaveCount(0);
	await expectAccessible(page);
});

test('a visitor and another region’s insatspersonal see nothing of a request, by page or by the API', async ({
	page,
	browser
}) => {
	// A visitor is sent to sign in; the API answers 401 and names nothing.
	for (const path of ['/asf/forfragningar', '/asf/forfragningar/1', '/asf/oversikt']) {
		await page.goto(`${SUS}${path}`);
		await expect(page).toHaveURL(/\/logga-in/);
	}
	for (const url of [
		query(SUS, 'asf.request', { owner: { forbund: 'sus' }, id: 1 }),
		query(HUB, 'asf.requests', { owner: { region: 'stockholm' }, status: 'alla' }),
		query(HUB, 'asf.placeOverview', { owner: { region: 'stockholm' } })
	]) {
		const answer = await page.request.get(url, { failOnStatusCode: false });
		expect(answer.status()).toBe(401);
		expect(await answer.text()).not.toContain('Väsby Återbruk');
	}

	// Arvika-Eda's insatspersonal (Värmland) has requests of its own region only.
	const otherContext = await browser.newContext({ javaScriptEnabled: false });
	const other = await otherContext.newPage();
	await signIn(other, ARVIKA_EDA, OTHER_STAFF, DEMO_PASSWORD);
	await other.goto(`${ARVIKA_EDA}/asf/forfragningar`);
	await expect(other.getByRole('heading', { level: 1 })).toHaveText('Förfrågningar om platser');
	await expect(other.getByText('Inga förfrågningar att visa.')).toBeVisible();
	await expectAccessible(other);
	await other.goto(`${ARVIKA_EDA}/asf/oversikt`);
	await expect(other.getByRole('table', { name: /^Öppna förfrågningar/ })).not.toContainText('Upplands Väsby');
	// The Stockholm requests by the API: refused, and nothing of them in the answer.
	for (const url of [
		query(ARVIKA_EDA, 'asf.requests', { owner: { forbund: 'sus' }, status: 'alla' }),
		query(ARVIKA_EDA, 'asf.placeOverview', { owner: { forbund: 'sus' } })
	]) {
		const answer = await other.request.get(url, { failOnStatusCode: false });
		expect(answer.status()).toBe(403);
		expect(await answer.text()).not.toContain('Upplands Väsby');
	}
	const single = await other.request.get(
		query(ARVIKA_EDA, 'asf.request', { owner: { forbund: 'arvika-eda' }, id: 1 }),
		{
			failOnStatusCode: false
		}
	);
	expect(single.status()).toBe(404);
	await otherContext.close();
});
