import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '@regionportalen/db';
import { renderMarkdown } from '../core/index.ts';

// A page's body is rendered and sanitised when saved and stored in content_page.body_html, as
// news.body_html is (see news/body-html.ts). It is null for rows written by SQL (the demo data,
// tests), or when an update changed the body without it (the database then clears it); a reader
// then renders the Markdown itself, and renderStoredPageBodies fills the gaps after migrating.

export function pageBodyHtml(row: { body_html: string | null; body_md: string | null }): string {
	return row.body_html ?? renderMarkdown(row.body_md ?? '');
}

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

/**
 * Renders and stores every page body that has none; returns how many. Needs a login that may update
 * every page (the owner). A body changed meanwhile is left for the next run, never given another's HTML.
 */
export async function renderStoredPageBodies(owner: Kysely<Database>, { batch = 500 } = {}): Promise<number> {
	let done = 0;
	let after = 0;
	for (;;) {
		const rows = await owner
			.selectFrom('content_page')
			.select(['id', 'body'])
			.where('body_html', 'is', null)
			.where('id', '>', after)
			.orderBy('id')
			.limit(batch)
			.execute();
		if (rows.length === 0) return done;
		after = rows.at(-1)!.id;
		const result = await sql`update content_page set body_html = v.html
			from unnest(${rows.map((r) => r.id)}::int[], ${rows.map((r) => md5(r.body))}::text[],
				${rows.map((r) => renderMarkdown(r.body))}::text[]) as v(id, body_md5, html)
			where content_page.id = v.id and content_page.body_html is null and md5(content_page.body) = v.body_md5`.execute(owner);
		done += Number(result.numAffectedRows ?? 0);
	}
}
