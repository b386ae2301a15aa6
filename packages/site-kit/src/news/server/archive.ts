import { error, type ServerLoadEvent } from '@sveltejs/kit';
import { imageSources, imageVariantKey, imageWidths, mediaUrl } from '@regionportalen/media';
import {
	api,
	basePath,
	orErrorPage,
	type Owner,
	ownerFor,
	pageParam,
	type SiteLocals
} from '../../core/server/index.ts';
import { loadArticle } from './news.ts';

// The ways to read published news besides the plain list: the year archive, tag pages, the article
// with its tags, related items and sharing metadata, and its print view. On a förbund site they
// cover its own news; on the hub, a region's feed (its regional items and what its förbund shared).

/** The region in the path on the hub ('' on a förbund site), for links that leave the region's pages. */
function regionOf(owner: Owner): string {
	return 'region' in owner ? owner.region : '';
}

/** Who publishes here: the förbund, or on the hub the region. */
async function siteName(locals: SiteLocals, owner: Owner, url: URL) {
	const { name } = await orErrorPage(api(locals).archive.publisher({ owner }), url);
	return { publisher: name, siteName: 'region' in owner ? `Regionportalen – ${name}` : name };
}

/** `/nyheter/arkiv`: the years with news, and how many each. */
export async function loadArchiveYears({ locals, url, params }: ServerLoadEvent) {
	const owner = ownerFor(locals, params);
	const years = await orErrorPage(api(locals).archive.years({ owner }), url);
	return { years, base: basePath(owner) };
}

/** `/nyheter/arkiv/<år>`: one year's news, paged (`?sida=`); a year without news is a 404. */
export async function loadArchiveYear({ locals, url, params }: ServerLoadEvent) {
	const owner = ownerFor(locals, params);
	if (!/^\d{4}$/.test(params.year ?? '')) error(404, 'Sidan finns inte.');
	const year = Number(params.year);
	const page = pageParam(url);
	const caller = api(locals);
	const [result, years] = await Promise.all([
		orErrorPage(caller.archive.year({ owner, year, page }), url),
		orErrorPage(caller.archive.years({ owner }), url)
	]);
	if (result.total === 0) error(404, `Det finns inga nyheter från ${year}.`);
	if (page > result.pageCount) error(404, 'Sidan finns inte.');
	return { ...result, year, years, base: basePath(owner), region: regionOf(owner) };
}

/** `/nyheter/amne/<tagg>`: the news carrying a tag, paged. */
export async function loadTag({ locals, url, params }: ServerLoadEvent) {
	const owner = ownerFor(locals, params);
	const tag = params.tag ?? '';
	if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(tag)) error(404, 'Det finns inga nyheter med det ämnet.');
	const page = pageParam(url);
	const result = await orErrorPage(api(locals).archive.tag({ owner, tag, page }), url);
	if (page > result.pageCount) error(404, 'Sidan finns inte.');
	return { ...result, base: basePath(owner), region: regionOf(owner) };
}

type Article = Awaited<ReturnType<typeof loadArticle>>['article'];

/** The article's image for the page and for link previews, when it has one. */
function articleImage(article: Article, origin: string) {
	const { image_key: key, image_width: width, image_height: height } = article;
	if (!key || !width || !height) return null;
	const widths = imageWidths(width);
	const largest = widths[widths.length - 1]!;
	const sources = imageSources(key, width, height);
	return {
		...sources,
		alt: article.image_alt,
		caption: article.image_caption,
		/** Absolute, for og:image: the largest stored width. */
		shareUrl: origin + mediaUrl(imageVariantKey(key, largest)),
		shareWidth: largest,
		shareHeight: sources.height
	};
}

/** An article's tags as the page links them: name as written, address by its URL form. */
function articleTags(article: Article) {
	return article.tags.flatMap((name, i) => {
		const slug = article.tag_slugs[i];
		return slug ? [{ name, slug }] : [];
	});
}

/** `/nyheter/<slug>`: the article, its tags, related items, and what link previews and search engines read. */
export async function loadArticlePage(event: ServerLoadEvent) {
	const { locals, url, params } = event;
	const owner = ownerFor(locals, params);
	const [{ article, base }, related, names] = await Promise.all([
		loadArticle(event),
		orErrorPage(api(locals).archive.related({ owner, slug: params.slug ?? '' }), url),
		siteName(locals, owner, url)
	]);
	return {
		article,
		base,
		region: regionOf(owner),
		related,
		tags: articleTags(article),
		image: articleImage(article, locals.origin),
		canonical: `${locals.origin}${base}/nyheter/${article.slug}`,
		origin: locals.origin,
		...names
	};
}

/** `/nyheter/<slug>/utskrift`: just the article, for printing. */
export async function loadArticlePrint(event: ServerLoadEvent) {
	const { locals, url, params } = event;
	const owner = ownerFor(locals, params);
	const [{ article, base }, names] = await Promise.all([loadArticle(event), siteName(locals, owner, url)]);
	return { article, base, canonical: `${locals.origin}${base}/nyheter/${article.slug}`, ...names };
}

export type ArchiveYearsData = Awaited<ReturnType<typeof loadArchiveYears>>;
export type ArchiveYearData = Awaited<ReturnType<typeof loadArchiveYear>>;
export type TagData = Awaited<ReturnType<typeof loadTag>>;
export type ArticlePageData = Awaited<ReturnType<typeof loadArticlePage>>;
export type ArticlePrintData = Awaited<ReturnType<typeof loadArticlePrint>>;
