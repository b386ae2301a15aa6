import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { Database } from '@regionportalen/db';
import { bodyWhenNoHtml } from './body-html.ts';
import { creditColumns, findPublishedBySlug, inFeed, listColumns, visible, type NewsFeed, type Page } from './news.ts';

// Reading published news by other ways than the plain list: by year, by tag, related to an item,
// and the newest items with their bodies for RSS and Atom. Every query starts from the same feed
// definition (`inFeed`) and visibility rule (`visible`) as the news list, so a draft, an archived
// item or one scheduled for later never shows here either.

type Q = Kysely<Database> | Transaction<Database>;
type Filter = (eb: ExpressionBuilder<Database, 'news'>) => Expression<SqlBool>;

/** Years and dates are Swedish: an item published 00:30 on New Year's Day belongs to the new year. */
const TIME_ZONE = 'Europe/Stockholm';

function feedQuery(db: Q, feed: NewsFeed) {
	return inFeed(db.selectFrom('news').leftJoin('forbund', 'forbund.id', 'news.forbund_id').where(visible), feed);
}

/** Published in the given year (Swedish time). A range on published_at, so an index on it can serve. */
export function inYear(year: number): Filter {
	return (eb) =>
		eb.and([
			eb('news.published_at', '>=', sql<Date>`make_timestamptz(${year}::int, 1, 1, 0, 0, 0, ${TIME_ZONE}::text)`),
			eb('news.published_at', '<', sql<Date>`make_timestamptz(${year + 1}::int, 1, 1, 0, 0, 0, ${TIME_ZONE}::text)`)
		]);
}

/** Carrying the tag, by its URL form (`tag_slugs @> array[slug]`, served by the GIN index). */
export function hasTag(slug: string): Filter {
	return (eb) => eb('news.tag_slugs', '@>', sql<string[]>`array[${slug}::text]`);
}

/** The years a feed has published items in, newest first, with how many in each. */
export async function yearCounts(db: Q, feed: NewsFeed): Promise<{ year: number; count: number }[]> {
	return feedQuery(db, feed)
		.select([
			sql<number>`extract(year from news.published_at at time zone ${TIME_ZONE}::text)::int`.as('year'),
			sql<number>`count(*)::int`.as('count')
		])
		.groupBy(sql`1`)
		.orderBy(sql`1`, 'desc')
		.execute();
}

/** Published items of a feed matching a filter (a year, a tag), newest first, a page at a time. */
export async function listPublishedWhere(db: Q, feed: NewsFeed, filter: Filter, page: number, pageSize: number) {
	const base = feedQuery(db, feed).where(filter);
	const [items, { total }] = await Promise.all([
		base
			.select(listColumns)
			.select(creditColumns)
			.select(['news.tags', 'news.tag_slugs'])
			.orderBy('news.published_at', 'desc')
			.orderBy('news.id', 'desc')
			.limit(pageSize)
			.offset((page - 1) * pageSize)
			.execute(),
		base.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow()
	]);
	return { items, page, total, pageCount: Math.max(1, Math.ceil(total / pageSize)) } satisfies Page<unknown>;
}

/**
 * A tag's display name as editors typed it ("Psykisk hälsa"), from the newest visible item of the
 * feed carrying it (`tags` and `tag_slugs` are in the same order); undefined when none does.
 */
export async function tagName(db: Q, feed: NewsFeed, slug: string): Promise<string | undefined> {
	const row = await feedQuery(db, feed)
		.where(hasTag(slug))
		.select(sql<string>`news.tags[array_position(news.tag_slugs, ${slug}::text)]`.as('name'))
		.orderBy('news.published_at', 'desc')
		.orderBy('news.id', 'desc')
		.limit(1)
		.executeTakeFirst();
	return row?.name;
}

type Owner = { forbundId: number | null; regionId: number };

/**
 * Up to `limit` other published items of the same owner as the item at `slug`: those sharing a tag
 * with it (most tags in common first, then newest), or, when none does, simply the newest.
 * Undefined when the item itself is not published.
 */
export async function listRelated(db: Q, owner: Owner, slug: string, limit = 3) {
	const item = await findPublishedBySlug(db, owner, slug);
	if (!item) return undefined;
	const feed: NewsFeed =
		owner.forbundId === null ? { regionFeed: owner.regionId, source: 'region' } : { forbundId: owner.forbundId };
	const base = feedQuery(db, feed)
		.where('news.id', '!=', item.id)
		.select(listColumns)
		.select(creditColumns)
		.select(['news.tags', 'news.tag_slugs'])
		.limit(limit);
	if (item.tag_slugs.length > 0) {
		const tags = sql<string[]>`${item.tag_slugs}::text[]`;
		const sharing = await base
			.where('news.tag_slugs', '&&', tags)
			.orderBy(sql`cardinality(array(select unnest(news.tag_slugs) intersect select unnest(${tags})))`, 'desc')
			.orderBy('news.published_at', 'desc')
			.orderBy('news.id', 'desc')
			.execute();
		if (sharing.length > 0) return { basis: 'tags' as const, items: sharing };
	}
	const latest = await base.orderBy('news.published_at', 'desc').orderBy('news.id', 'desc').execute();
	return { basis: 'latest' as const, items: latest };
}

/** The newest items of a feed (optionally of one tag) with their bodies and dates, for RSS and Atom. */
export async function listForFeed(db: Q, feed: NewsFeed, tag: string | null, limit = 20) {
	let q = feedQuery(db, feed);
	if (tag !== null) q = q.where(hasTag(tag));
	return q
		.leftJoin('app_user', 'app_user.id', 'news.author_id')
		.select(listColumns)
		.select(creditColumns)
		.select([
			'news.body_html',
			bodyWhenNoHtml,
			'news.tags',
			'news.tag_slugs',
			'news.updated_at',
			'app_user.name as author_name'
		])
		.orderBy('news.published_at', 'desc')
		.orderBy('news.id', 'desc')
		.limit(limit)
		.execute();
}
