import { parseFeed } from '@rowanmanning/feed-parser';
import { DEMO_PASSWORD, demoNews, type DemoNews } from '@regionportalen/db/demo';
import type { APIResponse, Page } from '@playwright/test';
import { ARVIKA_EDA, HUB, SUS } from '../portal.ts';
import { expect, settled, signIn, test } from '../fixtures.ts';

// Reading the news: the year archive, the article's sharing metadata and print view, the RSS and
// Atom feeds, and tag pages. Everything works without JavaScript. SUS's demo news is read as is
// (nothing here writes to SUS); tagged items are written on Arvika-Eda.
test.use({ javaScriptEnabled: false });

const SUS_NAME = 'Samordningsförbundet Sollentuna, Upplands Väsby och Sigtuna';
const newestFirst = (items: DemoNews[]) =>
	[...items].sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt));
const susPublished = newestFirst(demoNews.filter((n) => n.forbund === 'sus' && n.status !== 'draft'));
const susDrafts = demoNews.filter((n) => n.forbund === 'sus' && n.status === 'draft');
const swedishYear = (iso: string) =>
	Number(new Intl.DateTimeFormat('sv-SE', { year: 'numeric', timeZone: 'Europe/Stockholm' }).format(new Date(iso)));
/** The Stockholm region's feed as the demo data makes it: regional items and shared ones. */
const stockholmFeed = newestFirst(
	demoNews.filter((n) => n.region === 'stockholm' && n.status !== 'draft' && (n.forbund === null || n.sharedWithRegion))
);

function countByYear(items: DemoNews[]) {
	const counts = new Map<number, number>();
	for (const item of items)
		counts.set(swedishYear(item.publishedAt), (counts.get(swedishYear(item.publishedAt)) ?? 0) + 1);
	return counts;
}

/** Fetches a feed, checks it is well-formed XML (the browser's strict parser) with our headers, and parses it. */
async function fetchFeed(page: Page, url: string, type: 'rss' | 'atom') {
	const response: APIResponse = await page.request.get(url);
	expect(response.status(), url).toBe(200);
	expect(response.headers()['content-type']).toBe(
		type === 'rss' ? 'application/rss+xml; charset=utf-8' : 'application/atom+xml; charset=utf-8'
	);
	expect(response.headers()['cache-control']).toBe('public, max-age=60, stale-while-revalidate=300');
	const xml = await response.text();
	const errors = await page.evaluate(
		(source) => new DOMParser().parseFromString(source, 'application/xml').getElementsByTagName('parsererror').length,
		xml
	);
	expect(errors, `${url} is not well-formed XML`).toBe(0);
	const feed = parseFeed(xml);
	expect(feed.meta.type).toBe(type);
	return { feed, xml };
}

test('the year archive lists the years with their counts and pages through a year', async ({ page }) => {
	await page.goto(`${SUS}/nyheter`);
	await page.getByRole('link', { name: 'Nyhetsarkiv per år' }).click();
	await expect(page).toHaveURL(`${SUS}/nyheter/arkiv`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nyhetsarkiv');

	const counts = countByYear(susPublished);
	const years = page.getByRole('list', { name: 'År med nyheter' }).getByRole('listitem');
	await expect(years).toHaveCount(counts.size);
	for (const [year, count] of counts) {
		await expect(years.filter({ has: page.getByRole('link', { name: String(year), exact: true }) })).toContainText(
			`${count} ${count === 1 ? 'nyhet' : 'nyheter'}`
		);
	}
	// SUS's only item from 2019 is a draft: the year is not listed, and its page does not exist.
	expect(counts.has(2019)).toBe(false);
	await expect(page.getByRole('link', { name: '2019', exact: true })).toHaveCount(0);
	expect((await page.request.get(`${SUS}/nyheter/arkiv/2019`)).status()).toBe(404);

	await page.getByRole('link', { name: '2018', exact: true }).click();
	await expect(page).toHaveURL(`${SUS}/nyheter/arkiv/2018`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nyheter från 2018');
	const in2018 = susPublished.filter((n) => swedishYear(n.publishedAt) === 2018);
	await expect(page.getByText(`${in2018.length} nyheter, sida 1 av 2`)).toBeVisible();
	const articles = page.getByRole('main').getByRole('article');
	await expect(articles).toHaveCount(10);
	await expect(articles.first()).toContainText(in2018[0]!.title);

	await page.getByRole('navigation', { name: 'Sidnavigering' }).getByRole('link', { name: 'Nästa' }).click();
	await expect(page).toHaveURL(`${SUS}/nyheter/arkiv/2018?sida=2`);
	await expect(articles).toHaveCount(in2018.length - 10);
	await expect(page.getByRole('link', { name: in2018.at(-1)!.title })).toBeVisible();
	for (const draft of susDrafts) await expect(page.getByText(draft.title)).toHaveCount(0);
});

test('the hub has a year archive of each region’s feed, linking shared items to their förbund', async ({ page }) => {
	await page.goto(`${HUB}/stockholm/nyheter/arkiv`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nyhetsarkiv');
	for (const [year, count] of countByYear(stockholmFeed)) {
		await expect(
			page
				.getByRole('list', { name: 'År med nyheter' })
				.getByRole('listitem')
				.filter({ has: page.getByRole('link', { name: String(year), exact: true }) })
		).toContainText(`${count} ${count === 1 ? 'nyhet' : 'nyheter'}`);
	}
	const shared = stockholmFeed.find((n) => n.forbund === 'sus')!;
	await page.goto(`${HUB}/stockholm/nyheter/arkiv/${swedishYear(shared.publishedAt)}`);
	await expect(page.getByRole('link', { name: shared.title })).toHaveAttribute('href', `${SUS}/nyheter/${shared.slug}`);
});

test('an article carries OpenGraph, Twitter card and NewsArticle data, feed links and related news', async ({
	page
}) => {
	const [newest, ...older] = susPublished;
	await page.goto(`${SUS}/nyheter/${newest!.slug}`);
	const url = `${SUS}/nyheter/${newest!.slug}`;
	const meta = (attr: 'property' | 'name', key: string) => page.locator(`head meta[${attr}="${key}"]`);

	await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute('href', url);
	await expect(meta('property', 'og:type')).toHaveAttribute('content', 'article');
	await expect(meta('property', 'og:title')).toHaveAttribute('content', newest!.title);
	await expect(meta('property', 'og:description')).toHaveAttribute('content', newest!.lead);
	await expect(meta('property', 'og:url')).toHaveAttribute('content', url);
	await expect(meta('property', 'article:published_time')).toHaveAttribute(
		'content',
		new Date(newest!.publishedAt).toISOString()
	);
	// The demo items have no image, so there is no og:image at all, and a plain summary card.
	await expect(meta('property', 'og:image')).toHaveCount(0);
	await expect(meta('name', 'twitter:card')).toHaveAttribute('content', 'summary');
	await expect(meta('name', 'twitter:title')).toHaveAttribute('content', newest!.title);

	const scripts = page.locator('head script[type="application/ld+json"]');
	await expect(scripts).toHaveCount(1);
	const jsonLd = JSON.parse((await scripts.textContent()) ?? '');
	expect(jsonLd).toMatchObject({
		'@context': 'https://schema.org',
		'@type': 'NewsArticle',
		headline: newest!.title,
		datePublished: new Date(newest!.publishedAt).toISOString(),
		dateModified: expect.any(String),
		author: { name: expect.any(String) },
		publisher: { '@type': 'Organization', name: SUS_NAME },
		mainEntityOfPage: { '@type': 'WebPage', '@id': url }
	});

	await expect(page.locator('head link[rel="alternate"][type="application/rss+xml"]').first()).toHaveAttribute(
		'href',
		'/nyheter/rss.xml'
	);
	await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]').first()).toHaveAttribute(
		'href',
		'/nyheter/atom.xml'
	);

	// No demo item has tags, so "related" is the newest of the rest.
	const related = page.getByRole('region', { name: 'Fler nyheter' });
	await expect(related.getByRole('article')).toHaveCount(3);
	for (const item of older.slice(0, 3)) {
		await expect(related.getByRole('link', { name: item.title })).toHaveAttribute('href', `/nyheter/${item.slug}`);
	}

	// The news list links its feeds in the head too.
	await page.goto(`${SUS}/nyheter`);
	await expect(page.locator('head link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute(
		'href',
		'/nyheter/rss.xml'
	);
	await expect(page.getByRole('link', { name: 'Prenumerera via RSS' })).toHaveAttribute('href', '/nyheter/rss.xml');
});

test('the print view shows just the article, with the site’s name and address, and no site frame on paper', async ({
	page
}) => {
	const item = susPublished[2]!;
	await page.goto(`${SUS}/nyheter/${item.slug}`);
	await page.getByRole('link', { name: 'Skriv ut' }).click();
	await expect(page).toHaveURL(`${SUS}/nyheter/${item.slug}/utskrift`);

	const article = page.getByRole('article');
	await expect(article.getByRole('heading', { level: 1 })).toHaveText(item.title);
	await expect(article).toContainText(item.lead);
	await expect(article).toContainText(item.body.split('\n\n')[0]!);
	await expect(article.getByText(/^Publicerad/)).toBeVisible();
	await expect(article).toContainText(SUS_NAME);
	await expect(article.getByRole('link', { name: `${SUS}/nyheter/${item.slug}` })).toBeVisible();
	await expect(page.locator('head meta[name="robots"]')).toHaveAttribute('content', 'noindex, follow');

	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('banner')).toBeHidden();
	await expect(page.getByRole('navigation', { name: 'Huvudmeny' })).toBeHidden();
	await expect(page.getByRole('contentinfo')).toBeHidden();
	await expect(page.getByRole('link', { name: 'Tillbaka till nyheten' })).toBeHidden();
	await expect(article.getByRole('heading', { level: 1 })).toBeVisible();

	// The article page itself prints without the frame and without the links onward.
	await page.goto(`${SUS}/nyheter/${item.slug}`);
	await expect(page.getByRole('banner')).toBeHidden();
	await expect(page.getByRole('link', { name: 'Skriv ut' })).toBeHidden();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await page.emulateMedia({ media: 'screen' });
	await expect(page.getByRole('banner')).toBeVisible();
});

test('a förbund site serves its news as RSS 2.0 and Atom 1.0', async ({ page }) => {
	const expected = susPublished.slice(0, 20);
	for (const type of ['rss', 'atom'] as const) {
		const { feed } = await fetchFeed(page, `${SUS}/nyheter/${type}.xml`, type);
		expect(feed.title).toBe(`Nyheter från ${SUS_NAME}`);
		expect(feed.url).toBe(`${SUS}/nyheter`);
		expect(feed.self).toBe(`${SUS}/nyheter/${type}.xml`);
		expect(feed.items.map((i) => i.title)).toEqual(expected.map((n) => n.title));
		expect(feed.items.map((i) => i.url)).toEqual(expected.map((n) => `${SUS}/nyheter/${n.slug}`));
		const first = feed.items[0]!;
		expect(first.published?.toISOString()).toBe(new Date(expected[0]!.publishedAt).toISOString());
		// The body as HTML (content:encoded / content type="html"), the lead as the summary.
		expect(first.content).toContain(`<p>${expected[0]!.body.split('\n\n')[0]}</p>`);
		expect(first.description).toBe(expected[0]!.lead);
		for (const draft of susDrafts) expect(feed.items.map((i) => i.title)).not.toContain(draft.title);
	}
});

test('the hub serves each region’s feed, linking shared items to the förbund’s own site', async ({ page }) => {
	for (const type of ['rss', 'atom'] as const) {
		const { feed } = await fetchFeed(page, `${HUB}/stockholm/nyheter/${type}.xml`, type);
		expect(feed.title).toBe('Nyheter från Stockholms län');
		const links = new Map(feed.items.map((i) => [i.title, i.url]));
		// Other specs add a regional item or two; the demo feed's items all still fit in the newest 20.
		expect(stockholmFeed.length).toBeLessThan(15);
		for (const item of stockholmFeed) {
			const expectedUrl =
				item.forbund === null ? `${HUB}/stockholm/nyheter/${item.slug}` : `${SUS}/nyheter/${item.slug}`;
			expect(links.get(item.title), item.title).toBe(expectedUrl);
		}
		expect([...links.keys()]).not.toContain(demoNews.find((n) => n.forbund === 'sus' && !n.sharedWithRegion)!.title);
	}
	await page.goto(`${HUB}/stockholm/nyheter`);
	await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute(
		'href',
		'/stockholm/nyheter/atom.xml'
	);
});

test('tags link to their page and feed, and relate articles to each other', async ({ page, browser }) => {
	const stamp = Date.now();
	const tag = `Läsämne ${stamp}`;
	const tagSlug = `lasamne-${stamp}`;
	const titles = [`Första taggade nyheten ${stamp}`, `Andra taggade nyheten ${stamp}`];

	await signIn(page, ARVIKA_EDA, 'redaktor.arvika-eda@demo.regionportalen.se', DEMO_PASSWORD);
	for (const title of titles) {
		await page.goto(`${ARVIKA_EDA}/redaktor`);
		await settled(page);
		await page.getByLabel('Rubrik').fill(title);
		await page.getByLabel('Ingress').fill(`Ingress till ${title}.`);
		await page.getByLabel('Brödtext').fill('Ett stycke om ämnet.');
		await page.getByLabel('Taggar').fill(`${tag}, Samverkan`);
		await page.getByRole('button', { name: 'Spara som utkast' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Redigera nyhet');
		await page.getByRole('button', { name: 'Publicera' }).click();
		await expect(page.getByRole('status')).toHaveText('Nyheten är publicerad.');
	}

	const visitor = await browser.newPage({ javaScriptEnabled: false });
	await visitor.goto(`${ARVIKA_EDA}/nyheter`);
	await visitor.getByRole('link', { name: titles[1]! }).click();
	const tags = visitor.getByRole('list', { name: 'Ämnen' });
	await expect(tags.getByRole('link', { name: tag })).toHaveAttribute('href', `/nyheter/amne/${tagSlug}`);
	// The other item shares the tags, so it leads the related news.
	const related = visitor.getByRole('region', { name: 'Relaterade nyheter' });
	await expect(related.getByRole('article').first()).toContainText(titles[0]!);

	await tags.getByRole('link', { name: tag }).click();
	await expect(visitor).toHaveURL(`${ARVIKA_EDA}/nyheter/amne/${tagSlug}`);
	await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(`Nyheter om ${tag}`);
	await expect(visitor.getByRole('main').getByRole('article')).toHaveCount(2);
	await expect(visitor.locator('head link[rel="alternate"][type="application/rss+xml"]').last()).toHaveAttribute(
		'href',
		`/nyheter/amne/${tagSlug}/rss.xml`
	);

	for (const type of ['rss', 'atom'] as const) {
		const { feed } = await fetchFeed(visitor, `${ARVIKA_EDA}/nyheter/amne/${tagSlug}/${type}.xml`, type);
		expect(feed.title).toBe(`${tag} – nyheter från Arvika-Eda samordningsförbund`);
		expect(feed.items.map((i) => i.title)).toEqual([...titles].reverse());
		expect(feed.items[0]!.categories.map((c) => c.label ?? c.term)).toContain(tag);
	}
	expect((await visitor.request.get(`${ARVIKA_EDA}/nyheter/amne/finns-inte-${stamp}`)).status()).toBe(404);
	expect((await visitor.request.get(`${ARVIKA_EDA}/nyheter/amne/finns-inte-${stamp}/rss.xml`)).status()).toBe(404);
	await visitor.close();

	// The tag page and the tagged article, visited in the audited page too.
	await page.goto(`${ARVIKA_EDA}/nyheter/amne/${tagSlug}`);
	await page.getByRole('link', { name: titles[0]! }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(titles[0]!);
});
