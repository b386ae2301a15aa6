import { sql, type Kysely, type Transaction, type Updateable } from 'kysely';
import type { ContentPageTable, Database } from '@regionportalen/db';
import { renderMarkdown } from '../core/index.ts';
import type { PageRow } from './queries.ts';

// Writing a page: every save bumps the version (optimistic concurrency) and leaves a revision, as
// news does, so any earlier state can be seen and its text restored.

type Q = Kysely<Database> | Transaction<Database>;

/** The part of a page its editor writes besides its place in the tree. */
export interface PageText {
	title: string;
	lead: string;
	body: string;
	imageAlt: string;
	imageCaption: string;
}

export function textColumns(text: PageText) {
	return {
		title: text.title,
		lead: text.lead,
		body: text.body,
		// Rendered once here, so a page is never rendered on reading (body-html.ts).
		body_html: renderMarkdown(text.body),
		image_alt: text.imageAlt,
		image_caption: text.imageCaption
	};
}

type Revisioned = Pick<
	PageRow,
	| 'id'
	| 'version'
	| 'title'
	| 'slug'
	| 'parent_id'
	| 'position'
	| 'lead'
	| 'body'
	| 'image_key'
	| 'image_alt'
	| 'image_caption'
>;

export async function recordRevision(db: Q, page: Revisioned, userId: number) {
	await db
		.insertInto('content_page_revision')
		.values({
			page_id: page.id,
			version: page.version,
			title: page.title,
			slug: page.slug,
			parent_id: page.parent_id,
			position: page.position,
			lead: page.lead,
			body: page.body,
			image_key: page.image_key,
			image_alt: page.image_alt,
			image_caption: page.image_caption,
			saved_by: userId
		})
		.execute();
}

/**
 * Writes `set` over `version` and records the new state as a revision; undefined when someone
 * saved in between (the caller reports the conflict).
 */
export async function saveVersioned(
	db: Q,
	id: number,
	version: number,
	userId: number,
	set: Updateable<ContentPageTable>
) {
	const updated = await db
		.updateTable('content_page')
		.set({ ...set, updated_by: userId, updated_at: sql`now()`, version: sql`version + 1` })
		.where('id', '=', id)
		.where('version', '=', version)
		.returningAll()
		.executeTakeFirst();
	if (updated) await recordRevision(db, updated, userId);
	return updated;
}

export async function listRevisions(db: Q, pageId: number) {
	return db
		.selectFrom('content_page_revision')
		.leftJoin('app_user', 'app_user.id', 'content_page_revision.saved_by')
		.select([
			'content_page_revision.id',
			'content_page_revision.version',
			'content_page_revision.title',
			'content_page_revision.saved_at',
			'app_user.name as saved_by_name'
		])
		.where('content_page_revision.page_id', '=', pageId)
		.orderBy('content_page_revision.version', 'desc')
		.limit(100)
		.execute();
}

export async function findRevision(db: Q, pageId: number, revisionId: number) {
	return db
		.selectFrom('content_page_revision')
		.selectAll()
		.where('page_id', '=', pageId)
		.where('id', '=', revisionId)
		.executeTakeFirst();
}
