import { DEMO_PASSWORD } from '@regionportalen/db/demo';
import type { Browser, Page } from '@playwright/test';
import { linkIn, mailTo } from '../mail.ts';
import { parseTotpKey, totpCode } from '@regionportalen/auth';
import { HUB, SUS } from '../portal.ts';
import { enterTotpCode, expect, expectAccessible, nextTotpCode, signIn, test } from '../fixtures.ts';

// Accounts as people meet them, without JavaScript: sign-in with a second factor, invitations and
// password resets by e-mail (over real SMTP to the run's capture server), roles granted and revoked
// by an admin, the audit log, and throttling.
test.use({ javaScriptEnabled: false });
// A sign-in may wait for the authenticator's next 30-second step.
test.describe.configure({ timeout: 60_000 });

const NEW_PASSWORD = 'en vinterdag vid Mälaren';

async function passwordStep(page: Page, site: string, email: string, password: string) {
	await page.goto(`${site}/logga-in`);
	await page.getByLabel('E-postadress').fill(email);
	await page.getByLabel('Lösenord').fill(password);
	await page.getByRole('button', { name: 'Logga in' }).click();
}

test('a presidium member signs in with password and a code from the app; the same code is refused again', async ({
	page,
	browser
}) => {
	const email = 'presidium.sus@demo.regionportalen.se';
	await passwordStep(page, SUS, email, DEMO_PASSWORD);
	await expect(page).toHaveURL(/\/logga-in\/tvasteg/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tvåstegsverifiering');
	// Half-way through, protected pages still send the person to the code step.
	await page.goto(`${SUS}/konto`);
	await expect(page).toHaveURL(/\/logga-in\/tvasteg/);

	const code = await nextTotpCode(page, email);
	await page.getByLabel('Kod', { exact: true }).fill(code);
	await page.getByRole('button', { name: 'Verifiera' }).click();
	await expect(page.getByText('Inloggad som Erik Sundin')).toBeVisible();

	// Someone who saw the code over the person's shoulder cannot use it.
	const other = await browser.newPage({ javaScriptEnabled: false });
	await passwordStep(other, SUS, email, DEMO_PASSWORD);
	await other.getByLabel('Kod', { exact: true }).fill(code);
	await other.getByRole('button', { name: 'Verifiera' }).click();
	await expect(other.getByRole('alert')).toHaveText('Koden har redan använts. Vänta tills appen visar nästa kod.');
	await expectAccessible(other);
	await enterTotpCode(other, email);
	await expect(other.getByText('Inloggad som Erik Sundin')).toBeVisible();
	await other.close();
});

/** An admin invites someone to a role on /admin/personer, and is told so. */
async function invite(admin: Page, site: string, email: string, role: string) {
	await admin.goto(`${site}/admin/personer`);
	await admin.getByLabel('E-postadress').fill(email);
	await admin.getByLabel('Roll', { exact: true }).selectOption({ label: role });
	await admin.getByRole('button', { name: 'Bjud in' }).click();
	await expect(admin.getByRole('status')).toHaveText(`En inbjudan har skickats till ${email}.`);
}

/** An admin invites a new person; the person accepts through the link in the mail. */
async function inviteAndAccept(admin: Page, browser: Browser, site: string, role: string) {
	const email = `ny.${Date.now()}@example.se`;
	await invite(admin, site, email, role);
	await expect(admin.getByText(email, { exact: true })).toBeVisible();

	const mail = await mailTo(email, /Inbjudan/);
	const invitee = await browser.newPage({ javaScriptEnabled: false });
	await invitee.goto(linkIn(mail, site));
	await invitee.getByLabel('Namn').fill('Nina Nyberg');
	// A common password is refused with a reason.
	await invitee.getByLabel('Nytt lösenord').fill('sommar2024');
	await invitee.getByLabel('Samma lösenord igen').fill('sommar2024');
	await invitee.getByRole('button', { name: 'Skapa konto' }).click();
	await expect(invitee.getByRole('alert')).toContainText('för vanligt');
	await invitee.getByLabel('Nytt lösenord').fill(NEW_PASSWORD);
	await invitee.getByLabel('Samma lösenord igen').fill(NEW_PASSWORD);
	await invitee.getByRole('button', { name: 'Skapa konto' }).click();
	return { email, invitee, link: linkIn(mail, site) };
}

test('an invited editor resets a forgotten password by e-mail, and the old sessions end', async ({ page, browser }) => {
	await signIn(page, SUS, 'fc.sus@demo.regionportalen.se', DEMO_PASSWORD);
	const { email, invitee, link } = await inviteAndAccept(page, browser, SUS, 'Redaktör, SUS');
	await expect(invitee.getByText('Inloggad som Nina Nyberg')).toBeVisible();
	await expect(invitee.getByRole('link', { name: 'Redaktör' })).toBeVisible();
	// The link worked once.
	await invitee.goto(link);
	await expect(invitee.getByRole('heading', { level: 1 })).toHaveText('Länken gäller inte längre');
	await invitee.goto(`${SUS}/`);

	const forgetful = await browser.newPage({ javaScriptEnabled: false });
	await forgetful.goto(`${SUS}/logga-in`);
	await forgetful.getByRole('link', { name: 'Glömt lösenord?' }).click();
	await forgetful.getByLabel('E-postadress').fill(email);
	await forgetful.getByRole('button', { name: 'Skicka länk' }).click();
	await expect(forgetful.getByRole('status')).toContainText('Om det finns ett konto med den adressen');
	const mail = await mailTo(email, /Återställ/);
	await forgetful.goto(linkIn(mail, SUS));
	await forgetful.getByLabel('Nytt lösenord').fill('ett helt annat lösenord');
	await forgetful.getByLabel('Samma lösenord igen').fill('ett helt annat lösenord');
	await forgetful.getByRole('button', { name: 'Spara lösenord' }).click();
	await expect(forgetful.getByRole('status')).toHaveText('Ditt lösenord är bytt. Logga in med det nya.');
	await expectAccessible(forgetful);

	// The session from before the reset is over.
	await invitee.reload();
	await expect(invitee.getByRole('link', { name: 'Logga in' })).toBeVisible();
	await signIn(forgetful, SUS, email, 'ett helt annat lösenord');
	await expect(forgetful.getByText('Inloggad som Nina Nyberg')).toBeVisible();
	await Promise.all([invitee.close(), forgetful.close()]);
});

test('an admin sends an invitation again, and only the newest link works', async ({ page, browser }) => {
	await signIn(page, SUS, 'fc.sus@demo.regionportalen.se', DEMO_PASSWORD);
	const email = `igen.${Date.now()}@example.se`;
	await invite(page, SUS, email, 'Redaktör, SUS');
	const first = linkIn(await mailTo(email, /Inbjudan/), SUS);

	await page.getByRole('button', { name: `Skicka ny inbjudan till ${email}` }).click();
	await expect(page.getByRole('status')).toHaveText(
		`En ny inbjudan har skickats till ${email}. Den förra länken gäller inte längre.`
	);
	let second = first;
	await expect.poll(async () => (second = linkIn(await mailTo(email, /Inbjudan/), SUS))).not.toBe(first);

	const invitee = await browser.newPage({ javaScriptEnabled: false });
	await invitee.goto(first);
	await expect(invitee.getByRole('heading', { level: 1 })).toHaveText('Länken gäller inte längre');
	await invitee.goto(second);
	await invitee.getByLabel('Namn').fill('Nils Nyström');
	await invitee.getByLabel('Nytt lösenord').fill(NEW_PASSWORD);
	await invitee.getByLabel('Samma lösenord igen').fill(NEW_PASSWORD);
	await invitee.getByRole('button', { name: 'Skapa konto' }).click();
	await expect(invitee.getByText('Inloggad som Nils Nyström')).toBeVisible();

	// With an account, there is nothing to send again.
	await page.reload();
	await expect(page.getByRole('button', { name: `Skicka ny inbjudan till ${email}` })).toHaveCount(0);
	await invitee.close();
});

test('a förbund admin sees its mail in the outbox, never a body; an editor may not look', async ({ page, browser }) => {
	await signIn(page, SUS, 'fc.sus@demo.regionportalen.se', DEMO_PASSWORD);
	const email = `utskick.${Date.now()}@example.se`;
	await invite(page, SUS, email, 'Redaktör, SUS');
	const link = linkIn(await mailTo(email, /Inbjudan/), SUS);

	await page.getByRole('link', { name: 'Utskick' }).click();
	const row = page.getByRole('row').filter({ hasText: email });
	await expect(row).toContainText('Inbjudan till Regionportalen');
	// The worker marks it sent once the SMTP server has taken it.
	await expect(async () => {
		await page.reload();
		await expect(row).toContainText('Skickat', { timeout: 1000 });
	}).toPass();
	await expect(page.locator('main')).not.toContainText(link);
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Misslyckade' }).click();
	await expect(page).toHaveURL(/status=misslyckade/);
	await expect(page.getByRole('row').filter({ hasText: email })).toHaveCount(0);

	const editor = await browser.newPage({ javaScriptEnabled: false });
	await signIn(editor, SUS, 'redaktor.sus@demo.regionportalen.se', DEMO_PASSWORD);
	await expect(editor.getByRole('link', { name: 'Utskick' })).toHaveCount(0);
	const response = await editor.goto(`${SUS}/admin/utskick`);
	expect(response?.status()).toBe(403);
	await expect(editor.getByText('Bara administratörer kan se utskicken.')).toBeVisible();
	await editor.close();
});

test('on /konto a person changes password and e-mail, renews recovery codes, turns 2FA off and logs out everywhere', async ({
	page,
	browser
}) => {
	const SECOND_PASSWORD = 'hösten kom tidigt till Sollentuna';
	await signIn(page, SUS, 'fc.sus@demo.regionportalen.se', DEMO_PASSWORD);
	const { email, invitee } = await inviteAndAccept(page, browser, SUS, 'Redaktör, SUS');
	await expect(invitee.getByText('Inloggad som Nina Nyberg')).toBeVisible();
	const otherDevice = await browser.newPage({ javaScriptEnabled: false });
	await passwordStep(otherDevice, SUS, email, NEW_PASSWORD);
	await expect(otherDevice.getByText('Inloggad som Nina Nyberg')).toBeVisible();

	await invitee.goto(`${SUS}/konto`);
	await expect(invitee.getByText('Du är inloggad på 2 enheter.')).toBeVisible();

	// Password: the current one is asked for, then every other session ends.
	const passwordForm = invitee.getByRole('region', { name: 'Byt lösenord' });
	const changePassword = async (current: string, next: string, again = next) => {
		await passwordForm.getByLabel('Nuvarande lösenord').fill(current);
		await passwordForm.getByLabel('Nytt lösenord').fill(next);
		await passwordForm.getByLabel('Samma lösenord igen').fill(again);
		await passwordForm.getByRole('button', { name: 'Byt lösenord' }).click();
	};
	await changePassword('inte mitt lösenord', SECOND_PASSWORD);
	await expect(invitee.getByRole('alert')).toHaveText('Fel nuvarande lösenord.');
	await changePassword(NEW_PASSWORD, SECOND_PASSWORD, `${SECOND_PASSWORD}!`);
	await expect(invitee.getByRole('alert')).toHaveText('Lösenorden är inte likadana.');
	await changePassword(NEW_PASSWORD, SECOND_PASSWORD);
	await expect(invitee.getByRole('status')).toHaveText('Ditt lösenord är bytt. Alla andra inloggningar är avslutade.');
	await expect(invitee.getByText('Du är inloggad på 1 enhet.')).toBeVisible();
	await otherDevice.reload();
	await expect(otherDevice.getByRole('link', { name: 'Logga in' })).toBeVisible();

	// E-mail address: not one that another account has.
	const emailForm = invitee.getByRole('region', { name: 'Byt e-postadress' });
	const changeEmail = async (to: string) => {
		await emailForm.getByLabel('Ny e-postadress').fill(to);
		await emailForm.getByLabel('Nuvarande lösenord').fill(SECOND_PASSWORD);
		await emailForm.getByRole('button', { name: 'Byt e-postadress' }).click();
	};
	await changeEmail('fc.sus@demo.regionportalen.se');
	await expect(invitee.getByRole('alert')).toHaveText('Adressen används redan av ett annat konto.');
	const newEmail = `bytt.${Date.now()}@example.se`;
	await changeEmail(newEmail);
	await expect(invitee.getByRole('status')).toHaveText(
		'Vi har skickat en länk till den nya adressen. Adressen byts när du följer länken.'
	);
	await expect(invitee.getByText(`Väntar på bekräftelse: ${newEmail}.`, { exact: false })).toBeVisible();
	await expect(invitee.getByText(`Nina Nyberg, ${email}`)).toBeVisible();
	// The old address is told at once; the new one gets the link, which only its page's button spends.
	expect((await mailTo(email, /^Byte av e-postadress/)).text).toContain(newEmail);
	const confirm = linkIn(await mailTo(newEmail, /^Bekräfta/), SUS);
	await invitee.goto(confirm);
	await expect(invitee.getByRole('heading', { level: 1 })).toHaveText('Bekräfta ny e-postadress');
	await expectAccessible(invitee);
	await invitee.getByRole('button', { name: 'Bekräfta adressen' }).click();
	await expect(invitee.getByRole('status')).toHaveText('Din e-postadress är bytt.');
	await expect(invitee.getByText(`Nina Nyberg, ${newEmail}`)).toBeVisible();
	expect((await mailTo(email, /är bytt$/)).text).toContain(newEmail);
	const again = await invitee.goto(confirm);
	expect(again?.status()).toBe(410);
	await invitee.goto(`${SUS}/konto`);

	// Two-factor authentication, optional for an editor: on, new recovery codes, off.
	await invitee.getByRole('link', { name: 'Aktivera tvåstegsverifiering' }).click();
	const key = parseTotpKey((await invitee.locator('.secret').textContent()) ?? '')!;
	// Signed in already: turning it on is a change of credentials, so the password is asked for too.
	await invitee.getByLabel('Ditt nuvarande lösenord').fill(SECOND_PASSWORD);
	await invitee.getByLabel('Kod från appen').fill(totpCode(key));
	await invitee.getByRole('button', { name: 'Aktivera' }).click();
	const codes = invitee.locator('code').filter({ hasText: /^[a-z2-7]{5}-[a-z2-7]{5}$/ });
	await expect(codes).toHaveCount(10);
	const firstCodes = await codes.allTextContents();
	await invitee.getByRole('link', { name: 'Fortsätt' }).click();
	await expect(invitee).toHaveURL(`${SUS}/konto`);
	await expect(invitee.getByText(/Aktiverad\. Du har 10 oanvända återställningskoder\./)).toBeVisible();
	const renew = invitee.locator('form[action="?/recoveryCodes"]');
	await renew.getByLabel('Nuvarande lösenord').fill(SECOND_PASSWORD);
	await renew.getByRole('button', { name: 'Skapa nya återställningskoder' }).click();
	await expect(codes).toHaveCount(10);
	for (const code of await codes.allTextContents()) expect(firstCodes).not.toContain(code);
	const disable = invitee.locator('form[action="?/disableTwoFactor"]');
	await disable.getByLabel('Nuvarande lösenord').fill(SECOND_PASSWORD);
	await disable.getByRole('button', { name: 'Stäng av tvåstegsverifiering' }).click();
	await expect(invitee.getByRole('status')).toHaveText('Tvåstegsverifiering är avstängd.');
	await expect(invitee.getByText(/^Inte aktiverad\./)).toBeVisible();
	await expectAccessible(invitee);

	// The new address and password sign in, the old address does not; then out everywhere.
	await passwordStep(otherDevice, SUS, email, SECOND_PASSWORD);
	await expect(otherDevice.getByRole('alert')).toBeVisible();
	await passwordStep(otherDevice, SUS, newEmail, SECOND_PASSWORD);
	await expect(otherDevice.getByText('Inloggad som Nina Nyberg')).toBeVisible();
	await invitee.getByRole('button', { name: 'Logga ut överallt' }).click();
	await expect(invitee).toHaveURL(`${SUS}/logga-in?klart=utloggad`);
	await otherDevice.reload();
	await expect(otherDevice.getByRole('link', { name: 'Logga in' })).toBeVisible();
	await Promise.all([invitee.close(), otherDevice.close()]);
});

test('a new e-mail address that another account took before the link was followed is refused, and nothing changes', async ({
	page,
	browser
}) => {
	await signIn(page, SUS, 'fc.sus@demo.regionportalen.se', DEMO_PASSWORD);
	const { email, invitee } = await inviteAndAccept(page, browser, SUS, 'Redaktör, SUS');
	await expect(invitee.getByText('Inloggad som Nina Nyberg')).toBeVisible();
	const wanted = `efterfragad.${Date.now()}@example.se`;
	await invitee.goto(`${SUS}/konto`);
	const emailForm = invitee.getByRole('region', { name: 'Byt e-postadress' });
	await emailForm.getByLabel('Ny e-postadress').fill(wanted);
	await emailForm.getByLabel('Nuvarande lösenord').fill(NEW_PASSWORD);
	await emailForm.getByRole('button', { name: 'Byt e-postadress' }).click();
	const confirm = linkIn(await mailTo(wanted, /^Bekräfta/), SUS);

	// Meanwhile the admin invites someone else at that address.
	await invite(page, SUS, wanted, 'Redaktör, SUS');

	await invitee.goto(confirm);
	await invitee.getByRole('button', { name: 'Bekräfta adressen' }).click();
	await expect(invitee.getByRole('alert')).toHaveText(
		'Adressen används redan av ett annat konto. Byt till en annan under Mitt konto.'
	);
	await invitee.goto(`${SUS}/konto`);
	await expect(invitee.getByText(`Nina Nyberg, ${email}`)).toBeVisible();
	await invitee.close();
});

test('a coordinator grants a role on the hub, the new person sets up 2FA, a revoke signs them out at once, and the log shows it', async ({
	page,
	browser
}) => {
	await signIn(page, HUB, 'samordnare@demo.regionportalen.se', DEMO_PASSWORD);
	const { email, invitee } = await inviteAndAccept(page, browser, HUB, 'Regional samordnare, Stockholms län');
	// A coordinator's role requires a second factor: the new person is sent to set it up.
	await expect(invitee).toHaveURL(/\/konto\/tvasteg/);
	await expectAccessible(invitee);
	const key = parseTotpKey((await invitee.locator('.secret').textContent()) ?? '')!;
	await invitee.getByLabel('Kod från appen').fill(totpCode(key));
	await invitee.getByRole('button', { name: 'Aktivera' }).click();
	await expect(invitee.getByRole('heading', { level: 1 })).toHaveText('Tvåstegsverifiering är aktiverad');
	await expect(invitee.locator('code').filter({ hasText: /^[a-z2-7]{5}-[a-z2-7]{5}$/ })).toHaveCount(10);
	await invitee.getByRole('link', { name: 'Fortsätt' }).click();
	await expect(invitee.getByText('Inloggad som Nina Nyberg')).toBeVisible();

	await page.goto(`${HUB}/admin/personer`);
	await page
		.getByRole('row', { name: new RegExp(email.replace(/\./g, '\\.')) })
		.getByRole('button', { name: /Ta bort/ })
		.click();
	await expect(page.getByRole('status')).toHaveText('Rollen är borttagen och personens inloggningar avslutade.');
	await expect(page.getByText(email, { exact: true })).toHaveCount(0);
	// Signed out at once: the next request of the person's browser finds no session.
	await invitee.reload();
	await expect(invitee.getByRole('link', { name: 'Logga in' })).toBeVisible();
	await invitee.close();

	await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Logg' }).click();
	await page.getByLabel('Person (e-post)').fill('samordnare@');
	await page.getByRole('button', { name: 'Filtrera' }).click();
	// The log holds the person's id; the view shows who it is now. With no role left they are no
	// longer the coordinator's to administer: the log names them, and their address stays hidden.
	const about = page.getByRole('row').filter({ hasText: 'Berör Nina Nyberg' });
	await expect(page.getByRole('table')).not.toContainText(email);
	await expect(about.filter({ hasText: 'Bjöd in en person som Regional samordnare' })).toBeVisible();
	await expect(about.filter({ hasText: 'Tog bort rollen regional samordnare' })).toBeVisible();
	await page.getByLabel('Händelse').selectOption('membership.revoke');
	await page.getByRole('button', { name: 'Filtrera' }).click();
	await expect(page.getByRole('cell', { name: new RegExp(`Bjöd in`) })).toHaveCount(0);
});

test('guessing passwords is throttled with 429, Retry-After and a Swedish message, for unknown e-mails too', async ({
	page
}) => {
	const email = `finns.inte.${Date.now()}@example.se`;
	for (let i = 0; i < 5; i++) {
		await passwordStep(page, SUS, email, `gissning-${i}`);
		await expect(page.getByRole('alert')).toHaveText('Fel e-postadress eller lösenord.');
	}
	const [response] = await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/logga-in')),
		passwordStep(page, SUS, email, 'gissning-6')
	]);
	expect(response.status()).toBe(429);
	expect(Number(response.headers()['retry-after'])).toBeGreaterThan(0);
	await expect(page.getByRole('alert')).toContainText(/För många försök, vänta .+ och försök igen\./);
	await expectAccessible(page);
});
