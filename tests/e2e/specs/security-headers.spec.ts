import { DEMO_PASSWORD, demoNews } from '@regionportalen/db/demo';
import type { APIResponse, Page } from '@playwright/test';
import { transformer } from '@regionportalen/api/transformer';
import { ARVIKA_EDA, HUB, SUS } from '../portal.ts';
import { expect, settled, signIn, test } from '../fixtures.ts';

// Issue #19: every kind of response carries the security headers, with their exact values, and the
// pages' Content-Security-Policy (SvelteKit's, hash mode) lets the editor and the search
// suggestions work without one violation. The e2e portal is served over http: no HSTS.

const common = {
	'x-frame-options': 'DENY',
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'permissions-policy':
		'accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), fullscreen=(self), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), sync-xhr=(), usb=(), xr-spatial-tracking=()'
};

/** What SvelteKit sends for a page: the template's directives, script-src with the hashes of its inline scripts. */
const pageCsp = new RegExp(
	'^' +
		[
			"default-src 'self'",
			"connect-src 'self'",
			"font-src 'self'",
			"img-src 'self' data: blob:",
			"object-src 'none'",
			"script-src 'self'( 'sha256-[A-Za-z0-9+/]+={0,2}')*",
			"style-src 'self' 'unsafe-inline'",
			"base-uri 'self'",
			"form-action 'self'",
			"frame-ancestors 'none'"
		].join('; ') +
		'$'
);
const endpointCsp = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

function expectSecurityHeaders(
	response: APIResponse | { headers(): Record<string, string>; url(): string },
	kind: 'page' | 'endpoint',
	referrer = common['referrer-policy']
) {
	const headers = response.headers();
	const url = response.url();
	expect({ ...headers, 'content-security-policy': undefined }, url).toMatchObject({
		...common,
		'referrer-policy': referrer
	});
	if (kind === 'page') expect(headers['content-security-policy'], url).toMatch(pageCsp);
	else expect(headers['content-security-policy'], url).toBe(endpointCsp);
	expect(headers['strict-transport-security'], url).toBeUndefined();
}

const published = demoNews.find((n) => n.forbund === 'sus' && n.status !== 'draft')!;

test('public pages, from the page cache and as a 304, carry every header', async ({ request }) => {
	const start = await request.get(`${SUS}/`);
	expect(start.status()).toBe(200);
	expectSecurityHeaders(start, 'page');

	const url = `${SUS}/nyheter/${published.slug}`;
	const first = await request.get(url);
	expect(first.status()).toBe(200);
	expectSecurityHeaders(first, 'page');
	// A second, cacheable answer (the e2e portal runs with the in-memory page cache off:
	// security-headers.test.ts checks its hits and 304s) and a conditional request's 304.
	const second = await request.get(url);
	expect(second.status()).toBe(200);
	expect(second.headers()['cache-control']).toBe('public, max-age=60, stale-while-revalidate=300');
	expectSecurityHeaders(second, 'page');
	expect(second.headers()['content-security-policy']).toBe(first.headers()['content-security-policy']);

	const etag = second.headers()['etag']!;
	const notModified = await request.get(url, { headers: { 'if-none-match': etag } });
	expect(notModified.status()).toBe(304);
	expectSecurityHeaders(notModified, 'page');

	const hub = await request.get(`${HUB}/`);
	expectSecurityHeaders(hub, 'page');
});

test('a 404, feeds, the sitemap, robots.txt, the API and a media file carry every header', async ({ request }) => {
	const missing = await request.get(`${SUS}/finns-inte-${Date.now()}`);
	expect(missing.status()).toBe(404);
	expectSecurityHeaders(missing, 'page');

	for (const path of ['/nyheter/rss.xml', '/sitemap.xml', '/robots.txt']) {
		const response = await request.get(`${SUS}${path}`);
		expect(response.status(), path).toBe(200);
		expectSecurityHeaders(response, 'endpoint');
	}

	const input = encodeURIComponent(JSON.stringify(transformer.serialize({ scope: { forbund: 'sus' }, q: 'samr' })));
	const api = await request.get(`${SUS}/api/trpc/search.suggest?input=${input}`);
	expect(api.headers()['content-type']).toContain('application/json');
	expectSecurityHeaders(api, 'endpoint');

	const library = await (await request.get(`${SUS}/dokument`)).text();
	const href = library.match(/href="(\/media\/[^"]+)"/)?.[1];
	expect(href, 'a demo document on SUS’s /dokument').toBeDefined();
	const file = await request.get(`${SUS}${href}`);
	expect(file.status()).toBe(200);
	expect(file.headers()['content-type']).toBe('application/pdf');
	expectSecurityHeaders(file, 'endpoint');
});

test('security.txt on every site follows RFC 9116', async ({ request }) => {
	for (const site of [HUB, SUS, ARVIKA_EDA]) {
		const response = await request.get(`${site}/.well-known/security.txt`);
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toBe('text/plain; charset=utf-8');
		expectSecurityHeaders(response, 'endpoint');
		const fields = Object.fromEntries(
			(await response.text())
				.trim()
				.split('\n')
				.map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()])
		);
		expect(fields).toEqual({
			Contact: 'mailto:sakerhet@regionportalen.se',
			Expires: expect.any(String),
			'Preferred-Languages': 'sv, en',
			Canonical: `${site}/.well-known/security.txt`
		});
		const expires = Date.parse(fields.Expires!);
		expect(expires).toBeGreaterThan(Date.now());
		expect(expires).toBeLessThan(Date.now() + 365 * 24 * 3600 * 1000);
	}
});

test('a signed-in page, a form post’s answer and a stricter page’s referrer policy', async ({ page }) => {
	// A refused sign-in: the form post's own answer.
	await page.goto(`${SUS}/logga-in`);
	await settled(page);
	await page.getByLabel('E-postadress').fill('redaktor.sus@demo.regionportalen.se');
	await page.getByLabel('Lösenord').fill('fel-losenord');
	const [posted] = await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST' && r.url().startsWith(`${SUS}/logga-in`)),
		page.getByRole('button', { name: 'Logga in' }).click()
	]);
	expectSecurityHeaders(posted, posted.headers()['content-type']?.startsWith('text/html') ? 'page' : 'endpoint');

	// A page that asks for less referrer than the default keeps its own.
	const recovery = await page.request.get(`${SUS}/aterstall-losenord/ogiltig`);
	expectSecurityHeaders(recovery, 'page', 'same-origin');

	await signIn(page, ARVIKA_EDA, 'redaktor.arvika-eda@demo.regionportalen.se', DEMO_PASSWORD);
	const editor = await page.request.get(`${ARVIKA_EDA}/redaktor`);
	expect(editor.status()).toBe(200);
	expect(editor.headers()['cache-control']).toBe('private, no-store');
	expectSecurityHeaders(editor, 'page');
});

/** Collects the page's CSP violations from the first script on. */
async function watchViolations(page: Page) {
	const refused: string[] = [];
	page.on('console', (message) => {
		if (message.text().includes('Content Security Policy')) refused.push(message.text());
	});
	await page.addInitScript(() => {
		const seen: string[] = ((window as unknown as { cspViolations: string[] }).cspViolations = []);
		document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
	});
	return async () => [
		...refused,
		...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations))
	];
}

test('the editor’s live preview works under the CSP without a violation', async ({ page }) => {
	const violations = await watchViolations(page);
	await signIn(page, ARVIKA_EDA, 'redaktor.arvika-eda@demo.regionportalen.se', DEMO_PASSWORD);
	await page.goto(`${ARVIKA_EDA}/redaktor`);
	await settled(page);
	// The preview is on a draft's page: saved first, as an editor does.
	await page.getByLabel('Rubrik').fill(`Under CSP ${Date.now()}`);
	await page.getByLabel('Brödtext').fill('Första stycket.');
	await page.getByRole('button', { name: 'Spara som utkast' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Redigera nyhet');
	await settled(page);
	await page.getByLabel('Brödtext').fill('## Mellanrubrik\n\nEtt **viktigt** stycke.');
	const preview = page.getByRole('region', { name: 'Förhandsgranskning' });
	await expect(preview.getByRole('heading', { level: 2, name: 'Mellanrubrik' })).toBeVisible();
	expect(await violations()).toEqual([]);
});

test('the search suggestions work under the CSP without a violation', async ({ page }) => {
	const violations = await watchViolations(page);
	await page.goto(`${SUS}/sok`);
	await settled(page);
	await page.getByRole('combobox', { name: 'Sök på webbplatsen' }).pressSequentially('samr', { delay: 40 });
	await expect(page.getByRole('listbox', { name: 'Förslag' }).getByRole('option')).toHaveCount(5);
	expect(await violations()).toEqual([]);
});
