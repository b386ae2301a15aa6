import { error, type RequestEvent, type RequestHandler } from '@sveltejs/kit';
import type { RouterOutputs } from '@regionportalen/api';
import { articleHref } from '../links.ts';
import { api, basePath, orErrorPage, ownerFor } from '../../core/server/index.ts';

// RSS 2.0 and Atom 1.0: a förbund's news (`/nyheter/rss.xml`, `/nyheter/atom.xml`), one tag's
// (`/nyheter/amne/<tagg>/rss.xml`), and on the hub a region's feed (`/<region>/nyheter/rss.xml`).
// The newest 20 items, every link absolute at the public origin, each item's body as the same
// sanitised HTML the article page shows.

type Feed = RouterOutputs['archive']['feed'];
type FeedItem = Feed['items'][number];

/** Text for XML content and attribute values; drops the characters XML 1.0 does not allow. */
export function xmlEscape(value: string): string {
	return value
		.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

/** Site-relative links in a body (`/nyheter/…`) made absolute, since a feed reader has no page to resolve them against. */
function absoluteLinks(html: string, origin: string): string {
	return html.replace(/(\shref=")\/(?!\/)/g, `$1${origin}/`);
}

const CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300';

interface ResolvedFeed {
	title: string;
	description: string;
	/** The HTML page the feed mirrors. */
	pageUrl: string;
	/** The feed's own address. */
	selfUrl: string;
	/** Who publishes it. */
	author: string;
	items: (FeedItem & { url: string; guid: string; updated: Date; published: Date; creator: string })[];
}

async function resolveFeed(event: RequestEvent): Promise<ResolvedFeed> {
	const { locals, params, url } = event;
	const owner = ownerFor(locals, params);
	const tag = params.tag;
	if (tag !== undefined && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(tag)) error(404, 'Det finns inga nyheter med det ämnet.');
	const feed = await orErrorPage(api(locals).archive.feed({ owner, tag }), url);
	const origin = locals.origin;
	const base = basePath(owner);
	const pageUrl = `${origin}${base}/nyheter${feed.tag ? `/amne/${feed.tag.slug}` : ''}`;

	/** Where the item is read, and its permanent id (the same, unless it has no page of its own). */
	const itemUrl = (item: FeedItem): { url: string; guid: string } => {
		if (!('region' in owner)) return { url: `${origin}/nyheter/${item.slug}`, guid: `${origin}/nyheter/${item.slug}` };
		const href = articleHref(item, owner.region, origin);
		if (/^https?:\/\//.test(href)) return { url: href, guid: href };
		// A shared item of a förbund without a site of its own yet: its items in the region's feed.
		const url = `${origin}${base}/nyheter?fran=${encodeURIComponent(item.forbund_slug ?? '')}`;
		return { url, guid: `${url}#${item.forbund_slug}-${item.slug}` };
	};

	return {
		title: feed.tag ? `${feed.tag.name} – nyheter från ${feed.name}` : `Nyheter från ${feed.name}`,
		description: feed.tag
			? `De senaste nyheterna om ${feed.tag.name} från ${feed.name}.`
			: 'region' in owner
				? `De senaste nyheterna från ${feed.name} och förbunden där.`
				: `De senaste nyheterna från ${feed.name}.`,
		pageUrl,
		selfUrl: origin + url.pathname,
		author: feed.name,
		items: feed.items.map((item) => {
			const published = item.published_at ?? item.updated_at;
			return {
				...item,
				// A förbund's relative links point into its own site, wherever the feed is read.
				body_html: absoluteLinks(item.body_html, ('region' in owner && item.forbund_origin) || origin),
				...itemUrl(item),
				published,
				updated: item.updated_at > published ? item.updated_at : published,
				creator: item.author_name ?? item.forbund_name ?? feed.name
			};
		})
	};
}

function respond(body: string, contentType: string): Response {
	return new Response(body, {
		headers: { 'content-type': `${contentType}; charset=utf-8`, 'cache-control': CACHE_CONTROL }
	});
}

export function renderRss(feed: ResolvedFeed): string {
	const e = xmlEscape;
	const newest = feed.items.reduce<Date | null>((max, i) => (max && max > i.updated ? max : i.updated), null);
	const items = feed.items.map((item) => {
		return [
			'<item>',
			`<title>${e(item.title)}</title>`,
			`<link>${e(item.url)}</link>`,
			`<guid isPermaLink="${item.guid === item.url}">${e(item.guid)}</guid>`,
			`<pubDate>${item.published.toUTCString()}</pubDate>`,
			`<dc:creator>${e(item.creator)}</dc:creator>`,
			...item.tags.map((t) => `<category>${e(t)}</category>`),
			`<description>${e(item.lead)}</description>`,
			`<content:encoded>${e(item.body_html)}</content:encoded>`,
			'</item>'
		].join('\n');
	});
	return [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
		'<channel>',
		`<title>${e(feed.title)}</title>`,
		`<link>${e(feed.pageUrl)}</link>`,
		`<description>${e(feed.description)}</description>`,
		'<language>sv-SE</language>',
		`<atom:link href="${e(feed.selfUrl)}" rel="self" type="application/rss+xml"/>`,
		...(newest ? [`<lastBuildDate>${newest.toUTCString()}</lastBuildDate>`] : []),
		...items,
		'</channel>',
		'</rss>',
		''
	].join('\n');
}

export function renderAtom(feed: ResolvedFeed): string {
	const e = xmlEscape;
	const newest = feed.items.reduce<Date | null>((max, i) => (max && max > i.updated ? max : i.updated), null);
	const entries = feed.items.map((item) =>
		[
			'<entry>',
			`<title type="text">${e(item.title)}</title>`,
			`<link rel="alternate" type="text/html" href="${e(item.url)}"/>`,
			`<id>${e(item.guid)}</id>`,
			`<published>${item.published.toISOString()}</published>`,
			`<updated>${item.updated.toISOString()}</updated>`,
			`<author><name>${e(item.creator)}</name></author>`,
			...item.tags.map((t, i) => `<category term="${e(item.tag_slugs[i] ?? t)}" label="${e(t)}"/>`),
			`<summary type="text">${e(item.lead)}</summary>`,
			`<content type="html">${e(item.body_html)}</content>`,
			'</entry>'
		].join('\n')
	);
	return [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="sv-SE">',
		`<title type="text">${e(feed.title)}</title>`,
		`<subtitle type="text">${e(feed.description)}</subtitle>`,
		`<link rel="alternate" type="text/html" href="${e(feed.pageUrl)}"/>`,
		`<link rel="self" type="application/atom+xml" href="${e(feed.selfUrl)}"/>`,
		`<id>${e(feed.pageUrl)}</id>`,
		// An empty feed has changed never; the epoch keeps the response the same until it gets an item.
		`<updated>${(newest ?? new Date(0)).toISOString()}</updated>`,
		`<author><name>${e(feed.author)}</name></author>`,
		...entries,
		'</feed>',
		''
	].join('\n');
}

/** `…/rss.xml/+server.ts`. */
export const rss: RequestHandler = async (event) => respond(renderRss(await resolveFeed(event)), 'application/rss+xml');

/** `…/atom.xml/+server.ts`. */
export const atom: RequestHandler = async (event) =>
	respond(renderAtom(await resolveFeed(event)), 'application/atom+xml');
