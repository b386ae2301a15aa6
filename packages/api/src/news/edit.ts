import type { News } from '@regionportalen/db';
import { itemAttachments, renderMarkdown, versionedItems } from '../core/index.ts';

// Writing a news item's content: every save bumps the version (optimistic concurrency) and leaves a
// revision behind (core/versioned.ts), so any earlier state can be seen and restored.

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
	insatsId: number | null;
	projectId: number | null;
}

export function contentColumns(content: NewsContent, isForbundItem: boolean) {
	return {
		title: content.title,
		lead: content.lead,
		body: content.body,
		// Rendered once here, so an article is never rendered on reading (see core/body-html.ts).
		body_html: renderMarkdown(content.body),
		tags: content.tags,
		// Only a förbund's item can be shared; a regional item reaches the region anyway.
		shared_with_region: isForbundItem && content.sharedWithRegion,
		image_alt: content.imageAlt,
		image_caption: content.imageCaption,
		contact_name: content.contactName,
		contact_email: content.contactEmail,
		insats_id: isForbundItem ? content.insatsId : null,
		project_id: content.projectId
	};
}

export const { recordRevision, saveVersioned, bumpVersion, listRevisions, findRevision } = versionedItems({
	table: 'news',
	revisions: 'news_revision',
	key: 'news_id',
	revisionOf: (item) => ({
		title: item.title,
		lead: item.lead,
		body: item.body,
		tags: item.tags,
		shared_with_region: item.shared_with_region,
		image_key: item.image_key,
		image_alt: item.image_alt,
		image_caption: item.image_caption,
		contact_name: item.contact_name,
		contact_email: item.contact_email
	})
});

export function saveContent(
	db: Parameters<typeof saveVersioned>[0],
	item: News,
	version: number,
	content: NewsContent,
	userId: number
) {
	return saveVersioned(db, item.id, version, userId, contentColumns(content, item.forbund_id !== null));
}

/** The PDF attachments of news items. */
export const attachments = itemAttachments('news_attachment', 'news_id');
