import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, News, NewsTable } from '@regionportalen/db';
import type { Updateable } from 'kysely';
import { renderMarkdown } from '../core/index.ts';

// Writing a news item's content: every save bumps the version (optimistic concurrency) and leaves a
// revision behind, so any earlier state can be seen and restored.

type Q = Kysely<Database> | Transaction<Database>;

/** The part of an item an editor writes (status and dates have their own procedures). */
export interface NewsContent {
	title: string;
	lead: string;
	body: string;
	tags: string[];
	sharedWithRegion: boolean;
	imageAlt: string;
	imageCaption: string;
	contactName: string;
	contactEmail: string;
}

export function contentColumns(content: NewsContent, isForbundItem: boolean) {
	return {
		title: content.title,
		lead: content.lead,
		body: content.body,
		// Rendered once here, so an article is never rendered on reading (see body-html.ts).
		body_html: renderMarkdown(content.body),
		tags: content.tags,
		// Only a förbund's item can be shared; a regional item reaches the region anyway.
		shared_with_region: isForbundItem && content.sharedWithRegion,
		image_alt: content.imageAlt,
		image_caption: content.imageCaption,
		contact_name: content.contactName,
		contact_email: content.contactEmail
	};
}

export async function recordRevision(db: Q, item: News, userId: number) {
	await db
		.insertInto('news_revision')
		.values({
			news_id: item.id,
			version: item.version,
			title: item.title,
			lead: item.lead,
			body: item.body,
			tags: item.tags,
			shared_with_region: item.shared_with_region,
			image_key: item.image_key,
			image_alt: item.image_alt,
			image_caption: item.image_caption,
			contact_name: item.contact_name,
			contact_email: item.contact_email,
			saved_by: userId
		})
		.execute();
}

/**
 * Writes `set` over `version` and records the new state as a revision; undefined when someone
 * saved in between (the caller reports the conflict).
 */
async function saveVersioned(db: Q, item: News, version: number, userId: number, set: Updateable<NewsTable>) {
	const updated = await db
		.updateTable('news')
		.set({ ...set, updated_by: userId, updated_at: sql`now()`, version: sql`version + 1` })
		.where('id', '=', item.id)
		.where('version', '=', version)
		.returningAll()
		.executeTakeFirst();
	if (updated) await recordRevision(db, updated, userId);
	return updated;
}

export function saveContent(db: Q, item: News, version: number, content: NewsContent, userId: number) {
	return saveVersioned(db, item, version, userId, contentColumns(content, item.forbund_id !== null));
}

/** Sets or clears the image, as a save like any other. */
export function saveImage(
	db: Q,
	item: News,
	version: number,
	userId: number,
	image: Pick<News, 'image_key' | 'image_width' | 'image_height' | 'image_alt' | 'image_caption'>
) {
	return saveVersioned(db, item, version, userId, image);
}

export async function listAttachments(db: Q, newsId: number) {
	return db
		.selectFrom('news_attachment')
		.select(['id', 'storage_key', 'filename', 'size_bytes'])
		.where('news_id', '=', newsId)
		.orderBy('id')
		.execute();
}

export async function listRevisions(db: Q, newsId: number) {
	return db
		.selectFrom('news_revision')
		.leftJoin('app_user', 'app_user.id', 'news_revision.saved_by')
		.select([
			'news_revision.id',
			'news_revision.version',
			'news_revision.title',
			'news_revision.saved_at',
			'app_user.name as saved_by_name'
		])
		.where('news_revision.news_id', '=', newsId)
		.orderBy('news_revision.version', 'desc')
		.limit(100)
		.execute();
}

export async function findRevision(db: Q, newsId: number, revisionId: number) {
	return db
		.selectFrom('news_revision')
		.selectAll()
		.where('news_id', '=', newsId)
		.where('id', '=', revisionId)
		.executeTakeFirst();
}
