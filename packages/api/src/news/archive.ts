import {
	sql,
	type Expression,
	type RawBuilder,
	type ExpressionBuilder,
	type Kysely,
	type SqlBool,
	type Transaction
} from 'kysely';
import type { Database } from '@regionportalen/db';
import { bodyWhenNoHtml } from '../core/index.ts';
import { creditColumns, inFeed, publishedBySlug, listColumns, visible, type NewsFeed, type Page } from './queries.ts';

// Reading published news by other ways than the plain list: by year, by tag, related to an item,
// and the newest items with their bodies for RSS and Atom. Every query starts from the same feed
// definition (`inFeed`) and visibility rule (`visible`) as the news list, or, for tags, from
// news_tagged (migration 0010), which states the same feeds and rule itself; so a draft, an archived
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
 * Where tagged items are read: a förbund's own, or a region's feed (its regional items and what its
 * förbund shared; with `regionalOnly` its regional items alone). The feeds news_tagged states itself.
 */
export type TagScope = { forbundId: number } | { regionFeed: number; regionalOnly?: boolean };

/** A news list's feed as news_tagged takes it; the archive and tag pages only ever ask for these. */
export function tagScope(feed: NewsFeed): TagScope {
	if ('forbundId' in feed) return { forbundId: feed.forbundId };
	if ('regionFeed' in feed && (feed.source === undefined || feed.source === 'region')) {
		return { regionFeed: feed.regionFeed, regionalOnly: feed.source === 'region' };
	}
	throw new Error('tagScope: tag pages read a förbund’s items or a region’s feed');
}

/**
 * Visible items of a scope carrying any of `slugs`: how many, one page of their ids (most tags in
 * common first, then newest) and the first tag's name as the newest of them writes it ("Psykisk
 * hälsa"). Through news_tagged (migration 0010), which can use the GIN index on tag_slugs that
 * row-level security keeps from the planner.
 */
function newsTagged(
	scope: TagScope,
	slugs: string[] | RawBuilder<string[]>,
	page: { limit: number; offset?: number; exclude?: number | RawBuilder<number> }
) {
	const [forbundId, regionId, regionalOnly] =
		'forbundId' in scope ? [scope.forbundId, null, false] : [null, scope.regionFeed, scope.regionalOnly ?? false];
	return sql`news_tagged(${slugs}::text[], ${forbundId}::integer, ${regionId}::integer, ${regionalOnly}::boolean,
		${page.exclude ?? null}::integer, ${page.limit}::integer, ${page.offset ?? 0}::integer)`;
}

async function tagged(db: Q, scope: TagScope, slugs: string[], page: { limit: number; offset?: number }) {
	const { rows } = await sql<{ total: number; ids: number[]; name: string | null }>`select total, ids, name
		from ${newsTagged(scope, slugs, page)}`.execute(db);
	return rows[0]!;
}

/** The rows of `ids` in that order, read under RLS (and the visibility rule) like any other list. */
async function inOrder<T extends { id: number }>(ids: number[], read: (ids: number[]) => Promise<T[]>) {
	if (ids.length === 0) return [];
	const byId = new Map((await read(ids)).map((row) => [row.id, row]));
	return ids.flatMap((id) => byId.get(id) ?? []);
}

const listedByIds = (db: Q, ids: number[]) =>
	db
		.selectFrom('news')
		.leftJoin('forbund', 'forbund.id', 'news.forbund_id')
		.select(listColumns)
		.select(creditColumns)
		.select(['news.tags', 'news.tag_slugs'])
		.where('news.id', 'in', ids)
		.where(visible)
		.execute();

/** A tag's page: its name as editors write it, and its items newest first; undefined when no item carries it. */
export async function listTagged(db: Q, scope: TagScope, slug: string, page: number, pageSize: number) {
	const found = await tagged(db, scope, [slug], { limit: pageSize, offset: (page - 1) * pageSize });
	if (found.name === null) return undefined;
	const items = await inOrder(found.ids, (ids) => listedByIds(db, ids));
	const { total } = found;
	return {
		name: found.name,
		page: { items, page, total, pageCount: Math.max(1, Math.ceil(total / pageSize)) } satisfies Page<unknown>
	};
}

type Owner = { forbundId: number | null; regionId: number };

/**
 * Up to `limit` other published items of the same owner as the item at `slug`: those sharing a tag
 * with it (most tags in common first, then newest), or, when none does, simply the newest.
 * Undefined when the item itself is not published.
 */
export async function listRelated(db: Q, owner: Owner, slug: string, limit = 3) {
	const feed: NewsFeed =
		owner.forbundId === null ? { regionFeed: owner.regionId, source: 'region' } : { forbundId: owner.forbundId };
	// The common case in one statement: the item, the ids of the items sharing its tags
	// (news_tagged), and their rows, read under RLS as always.
	const call = newsTagged(tagScope(feed), sql<string[]>`item.tag_slugs`, { limit, exclude: sql<number>`item.id` });
	const sharing = await db
		.with('item', () => publishedBySlug(db, owner, slug).select(['news.id', 'news.tag_slugs']))
		.selectFrom(
			sql<{
				id: number;
				ord: number;
			}>`(select * from unnest((select ids from item, ${call})) with ordinality as u(id, ord))`.as('t')
		)
		.innerJoin('news', 'news.id', 't.id')
		.leftJoin('forbund', 'forbund.id', 'news.forbund_id')
		.select(listColumns)
		.select(creditColumns)
		.select(['news.tags', 'news.tag_slugs'])
		.where(visible)
		.orderBy('t.ord')
		.execute();
	if (sharing.length > 0) return { basis: 'tags' as const, items: sharing };

	// No tags, no item sharing one, or no such item: the owner's newest instead.
	const item = await publishedBySlug(db, owner, slug).select('news.id').executeTakeFirst();
	if (!item) return undefined;
	const latest = await feedQuery(db, feed)
		.where('news.id', '!=', item.id)
		.select(listColumns)
		.select(creditColumns)
		.select(['news.tags', 'news.tag_slugs'])
		.orderBy('news.published_at', 'desc')
		.orderBy('news.id', 'desc')
		.limit(limit)
		.execute();
	return { basis: 'latest' as const, items: latest };
}

/** What a feed entry shows of an item: the list's columns, its body's HTML, tags, dates and author. */
const feedItemColumns = [
	'news.body_html',
	bodyWhenNoHtml('news'),
	'news.tags',
	'news.tag_slugs',
	'news.updated_at',
	'app_user_name.name as author_name'
] as const;

/** The newest items of a feed with their bodies and dates, for RSS and Atom. */
export async function listForFeed(db: Q, feed: NewsFeed, limit = 20) {
	return feedQuery(db, feed)
		.leftJoin('app_user_name', 'app_user_name.id', 'news.author_id')
		.select(listColumns)
		.select(creditColumns)
		.select(feedItemColumns)
		.orderBy('news.published_at', 'desc')
		.orderBy('news.id', 'desc')
		.limit(limit)
		.execute();
}

/** The same for one tag: its name, and its newest items; undefined when no item carries it. */
export async function listTaggedForFeed(db: Q, feed: NewsFeed, slug: string, limit = 20) {
	const found = await tagged(db, tagScope(feed), [slug], { limit });
	if (found.name === null) return undefined;
	const items = await inOrder(found.ids, (ids) =>
		db
			.selectFrom('news')
			.leftJoin('forbund', 'forbund.id', 'news.forbund_id')
			.leftJoin('app_user_name', 'app_user_name.id', 'news.author_id')
			.select(listColumns)
			.select(creditColumns)
			.select(feedItemColumns)
			.where('news.id', 'in', ids)
			.where(visible)
			.execute()
	);
	return { name: found.name, items };
}
