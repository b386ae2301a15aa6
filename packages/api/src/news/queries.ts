import { sql, type ExpressionBuilder, type Kysely, type SelectQueryBuilder, type Transaction } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Database, News } from '@regionportalen/db';
import { bodyWhenNoHtml, slugify } from '../core/index.ts';

// News queries. Each takes the db (or a transaction) first, so the same function serves a request
// and a larger transaction.

type Q = Kysely<Database> | Transaction<Database>;

/** What a list shows of an item; the body is left out. */
export const listColumns = [
	'news.id',
	'news.slug',
	'news.title',
	'news.lead',
	'news.published_at',
	'news.forbund_id',
	'news.region_id',
	'news.shared_with_region'
] as const;

/** Who published a listed item, so a feed can credit and link to it. */
export const creditColumns = [
	'forbund.slug as forbund_slug',
	'forbund.short_name as forbund_name',
	'forbund.origin as forbund_origin'
] as const;

/**
 * Published and due: the one definition of what visitors may see (the database's news_public policy
 * says the same). A scheduled item is visible from its time on, before the scheduler marks it published.
 */
export function visible(eb: ExpressionBuilder<Database, 'news'>) {
	return eb.and([eb('news.status', 'in', ['published', 'scheduled']), eb('news.published_at', '<=', sql<Date>`now()`)]);
}

export interface Page<T> {
	items: T[];
	page: number;
	pageCount: number;
	total: number;
}

/**
 * Which published items a list shows:
 * - a förbund's own;
 * - a region's feed: its regional items plus what its förbund shared, optionally from one source
 *   (a förbund, or 'region' for the regional items alone);
 * - "Från regionen" on a förbund's site: the regional items, and with `includeShared` what its
 *   sibling förbund shared (never its own).
 */
export type NewsFeed =
	| { forbundId: number }
	| { regionFeed: number; source?: { forbundId: number } | 'region' }
	| { fromRegionFor: { forbundId: number; regionId: number; includeShared: boolean } };

export function inFeed(
	qb: SelectQueryBuilder<Database & { forbund: Database['forbund'] }, 'news' | 'forbund', object>,
	feed: NewsFeed
) {
	if ('forbundId' in feed) return qb.where('news.forbund_id', '=', feed.forbundId);
	if ('regionFeed' in feed) {
		const source = feed.source;
		let q = qb
			.where('news.region_id', '=', feed.regionFeed)
			.where((eb) => eb.or([eb('news.forbund_id', 'is', null), eb('news.shared_with_region', '=', true)]));
		if (source === 'region') q = q.where('news.forbund_id', 'is', null);
		else if (source) q = q.where('news.forbund_id', '=', source.forbundId);
		return q;
	}
	const { forbundId, regionId, includeShared } = feed.fromRegionFor;
	return qb
		.where('news.region_id', '=', regionId)
		.where((eb) =>
			includeShared
				? eb.or([
						eb('news.forbund_id', 'is', null),
						eb.and([eb('news.shared_with_region', '=', true), eb('news.forbund_id', '!=', forbundId)])
					])
				: eb('news.forbund_id', 'is', null)
		);
}

const feedQuery = (db: Q, feed: NewsFeed) =>
	inFeed(db.selectFrom('news').leftJoin('forbund', 'forbund.id', 'news.forbund_id').where(visible), feed);

/**
 * Visible items of a feed, newest first, from `offset` on: read in date order from the partial
 * indexes of migration 0005, so the cost is the rows returned, not the feed's size.
 */
function newest(db: Q, feed: NewsFeed, limit: number, offset = 0) {
	return feedQuery(db, feed)
		.select(listColumns)
		.select(creditColumns)
		.orderBy('news.published_at', 'desc')
		.orderBy('news.id', 'desc')
		.limit(limit)
		.offset(offset)
		.execute();
}

/** Published items of a feed, newest first, a page at a time. */
export async function listPublished(db: Q, feed: NewsFeed, page: number, pageSize: number) {
	const [items, { total }] = await Promise.all([
		newest(db, feed, pageSize, (page - 1) * pageSize),
		feedQuery(db, feed)
			.select(sql<number>`count(*)::int`.as('total'))
			.executeTakeFirstOrThrow()
	]);
	return { items, page, total, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/** The newest `count` items of a feed, for a start page: no page count, so nothing counts the whole feed. */
export function listLatest(db: Q, feed: NewsFeed, count: number) {
	return newest(db, feed, count);
}

/**
 * Everything an article page shows: the item with its stored HTML, but not its search vector
 * (kilobytes per read) nor, when the HTML is stored, its Markdown source.
 */
const articleColumns = [
	'news.id',
	'news.region_id',
	'news.forbund_id',
	'news.slug',
	'news.title',
	'news.lead',
	'news.body_html',
	bodyWhenNoHtml('news'),
	'news.status',
	'news.shared_with_region',
	'news.published_at',
	'news.author_id',
	'news.updated_by',
	'news.version',
	'news.created_at',
	'news.updated_at',
	'news.tags',
	'news.tag_slugs',
	'news.image_key',
	'news.image_alt',
	'news.image_caption',
	'news.image_width',
	'news.image_height',
	'news.contact_name',
	'news.contact_email'
] as const;

/** The visible item of an owner at `slug`, as a query to select from. */
export function publishedBySlug(db: Q, owner: { forbundId: number | null; regionId: number }, slug: string) {
	const q = db
		.selectFrom('news')
		.where('news.slug', '=', slug)
		.where('news.region_id', '=', owner.regionId)
		.where(visible);
	return owner.forbundId === null
		? q.where('news.forbund_id', 'is', null)
		: q.where('news.forbund_id', '=', owner.forbundId);
}

/** An article with its author and its attachments (read with it: one round trip, not two). */
export async function findPublishedBySlug(db: Q, owner: { forbundId: number | null; regionId: number }, slug: string) {
	return publishedBySlug(db, owner, slug)
		.leftJoin('app_user_name', 'app_user_name.id', 'news.author_id')
		.select(articleColumns)
		.select('app_user_name.name as author_name')
		.select((eb) =>
			jsonArrayFrom(
				eb
					.selectFrom('news_attachment')
					.select([
						'news_attachment.id',
						'news_attachment.storage_key',
						'news_attachment.filename',
						'news_attachment.size_bytes'
					])
					.whereRef('news_attachment.news_id', '=', 'news.id')
					.orderBy('news_attachment.id')
			).as('attachments')
		)
		.executeTakeFirst();
}

/** Every item of a förbund or region, drafts included, for its editors. */
export async function listForEditing(db: Q, owner: { forbundId: number | null; regionId: number }) {
	let q = db
		.selectFrom('news')
		.select([...listColumns, 'news.status', 'news.updated_at', 'news.version'])
		.where('news.region_id', '=', owner.regionId);
	q =
		owner.forbundId === null
			? q.where('news.forbund_id', 'is', null)
			: q.where('news.forbund_id', '=', owner.forbundId);
	return q.orderBy('news.updated_at', 'desc').limit(200).execute();
}

/** Every published item of one owner, for its sitemap and feeds. */
export async function listPublishedSlugs(db: Q, owner: { forbundId: number | null; regionId: number }) {
	let q = db
		.selectFrom('news')
		.select(['news.slug', 'news.updated_at', 'news.published_at'])
		.where(visible)
		.where('news.region_id', '=', owner.regionId);
	q =
		owner.forbundId === null
			? q.where('news.forbund_id', 'is', null)
			: q.where('news.forbund_id', '=', owner.forbundId);
	return q.orderBy('news.published_at', 'desc').limit(50_000).execute();
}

export async function findById(db: Q, id: number): Promise<News | undefined> {
	return db.selectFrom('news').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A slug not yet used by this owner: the title's, or the title's with -2, -3… */
export async function uniqueSlug(db: Q, owner: { forbundId: number | null; regionId: number }, title: string) {
	const base = slugify(title);
	const taken = await db
		.selectFrom('news')
		.select('slug')
		.where('region_id', '=', owner.regionId)
		.where((eb) => (owner.forbundId === null ? eb('forbund_id', 'is', null) : eb('forbund_id', '=', owner.forbundId)))
		.where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]))
		.execute();
	// Paths under /nyheter/ that are pages of their own, not articles.
	const used = new Set([...taken.map((r) => r.slug), 'arkiv', 'amne', 'rss-xml', 'atom-xml']);
	if (!used.has(base)) return base;
	for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}
