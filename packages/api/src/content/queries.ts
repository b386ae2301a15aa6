import { sql, type Kysely, type SelectQueryBuilder, type Transaction } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Database } from '@regionportalen/db';
import { bodyWhenNoHtml, itemAttachments, type Owner } from '../core/index.ts';
import { placeAll } from './tree.ts';

// Content page queries. Each takes the db (or a transaction) first. An owner's pages are few (tens),
// so the tree is read whole, in one indexed query (content_page_owner_idx), and its paths are worked
// out in code (tree.ts) rather than by a recursive query per address.

type Q = Kysely<Database> | Transaction<Database>;
export type PageOwnerKey = Pick<Owner, 'forbundId' | 'regionId'>;

/** Rows of `owner`: a förbund's own, or the region's (no förbund). */
export function ofOwner<O>(qb: SelectQueryBuilder<Database, 'content_page', O>, owner: PageOwnerKey) {
	const q = qb.where('content_page.region_id', '=', owner.regionId);
	return owner.forbundId === null
		? q.where('content_page.forbund_id', 'is', null)
		: q.where('content_page.forbund_id', '=', owner.forbundId);
}

const treeColumns = [
	'content_page.id',
	'content_page.parent_id',
	'content_page.slug',
	'content_page.title',
	'content_page.lead',
	'content_page.position',
	'content_page.updated_at'
] as const;

/**
 * The owner's published pages that visitors can reach (every ancestor published too), in menu
 * order with their paths. Published is stated here, not left to row-level security, which shows
 * an editor their drafts as well.
 */
export async function publishedTree(db: Q, owner: PageOwnerKey) {
	const rows = await ofOwner(db.selectFrom('content_page'), owner)
		.select(treeColumns)
		.where('content_page.status', '=', 'published')
		.execute();
	return placeAll(rows);
}

/** Every page of the owner, drafts included, for its editors (and for working out redirects). */
export async function editingTree(db: Q, owner: PageOwnerKey) {
	const rows = await ofOwner(db.selectFrom('content_page'), owner)
		.select([...treeColumns, 'content_page.status', 'content_page.version'])
		.execute();
	return placeAll(rows);
}

/**
 * The editing tree for a change to it (a new page, a move, a new slug), with the owner's pages held
 * for the rest of the transaction: two editors moving pages at once would each check the tree as it
 * was and could together make a cycle, or both take one slug.
 */
export async function editingTreeForChange(db: Q, owner: PageOwnerKey) {
	await sql`select pg_advisory_xact_lock(hashtext(${`content_page:${owner.regionId}:${owner.forbundId ?? 0}`}))`.execute(
		db
	);
	return editingTree(db, owner);
}

/** A page as its editor sees it: everything but the search vector. */
const pageColumns = [
	'content_page.id',
	'content_page.region_id',
	'content_page.forbund_id',
	'content_page.parent_id',
	'content_page.slug',
	'content_page.title',
	'content_page.lead',
	'content_page.body',
	'content_page.body_html',
	'content_page.status',
	'content_page.published_at',
	'content_page.version',
	'content_page.position',
	'content_page.image_key',
	'content_page.image_alt',
	'content_page.image_caption',
	'content_page.image_width',
	'content_page.image_height',
	'content_page.author_id',
	'content_page.updated_by',
	'content_page.created_at',
	'content_page.updated_at'
] as const;

export function findById(db: Q, id: number) {
	return db.selectFrom('content_page').select(pageColumns).where('content_page.id', '=', id).executeTakeFirst();
}
export type PageRow = NonNullable<Awaited<ReturnType<typeof findById>>>;

/** What a visitor's page shows: the published page with its attachments, in one round trip. */
export function findPublishedPage(db: Q, id: number) {
	return db
		.selectFrom('content_page')
		.select([
			'content_page.id',
			'content_page.slug',
			'content_page.title',
			'content_page.lead',
			'content_page.body_html',
			bodyWhenNoHtml('content_page'),
			'content_page.published_at',
			'content_page.updated_at',
			'content_page.image_key',
			'content_page.image_alt',
			'content_page.image_caption',
			'content_page.image_width',
			'content_page.image_height'
		])
		.select((eb) =>
			jsonArrayFrom(
				eb
					.selectFrom('content_page_attachment')
					.select([
						'content_page_attachment.id',
						'content_page_attachment.storage_key',
						'content_page_attachment.filename',
						'content_page_attachment.size_bytes'
					])
					.whereRef('content_page_attachment.page_id', '=', 'content_page.id')
					.orderBy('content_page_attachment.id')
			).as('attachments')
		)
		.where('content_page.id', '=', id)
		.where('content_page.status', '=', 'published')
		.executeTakeFirst();
}

/** The page an old address of the owner now belongs to, if any. */
export async function findRedirect(db: Q, owner: PageOwnerKey, path: string) {
	let q = db
		.selectFrom('content_page_redirect')
		.select('page_id')
		.where('region_id', '=', owner.regionId)
		.where('path', '=', path);
	q = owner.forbundId === null ? q.where('forbund_id', 'is', null) : q.where('forbund_id', '=', owner.forbundId);
	return (await q.executeTakeFirst())?.page_id ?? null;
}

/** A page's PDF attachments. */
export const attachments = itemAttachments('content_page_attachment', 'page_id');

export async function hasChildren(db: Q, pageId: number) {
	return !!(await db.selectFrom('content_page').select('id').where('parent_id', '=', pageId).executeTakeFirst());
}
