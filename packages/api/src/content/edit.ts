import { renderMarkdown, versionedItems } from '../core/index.ts';

// Writing a page: every save bumps the version (optimistic concurrency) and leaves a revision, as
// news does (core/versioned.ts), so any earlier state can be seen and its text restored.

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
		// Rendered once here, so a page is never rendered on reading (core/body-html.ts).
		body_html: renderMarkdown(text.body),
		image_alt: text.imageAlt,
		image_caption: text.imageCaption
	};
}

export const { recordRevision, saveVersioned, bumpVersion, listRevisions, findRevision } = versionedItems({
	table: 'content_page',
	revisions: 'content_page_revision',
	key: 'page_id',
	revisionOf: (page) => ({
		title: page.title,
		slug: page.slug,
		parent_id: page.parent_id,
		position: page.position,
		lead: page.lead,
		body: page.body,
		image_key: page.image_key,
		image_alt: page.image_alt,
		image_caption: page.image_caption
	})
});
