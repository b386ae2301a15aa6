import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '@regionportalen/db';
import { renderMarkdown } from '../core/index.ts';

// A news item's body is rendered and sanitised once, when it is saved (contentColumns), and stored
// in news.body_html (migration 0010). The column may be null: after the migration, for rows written
// by SQL (seeders, tests), or when an update changed the body without it (the database then clears
// it). Readers therefore select the Markdown only when the HTML is missing, and render it then;
// renderStoredBodies fills the gaps, run with the owner's rights after migrating.

/** Select beside news.body_html: the Markdown source, only when there is no stored HTML to show. */
export const bodyWhenNoHtml = sql<string | null>`case when news.body_html is null then news.body end`.as('body_md');

/** The stored HTML, or the body rendered now when none is stored yet. */
export function bodyHtml(row: { body_html: string | null; body_md: string | null }): string {
	return row.body_html ?? renderMarkdown(row.body_md ?? '');
}

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

/**
 * Renders and stores every body that has no stored HTML, a batch at a time; returns how many. Needs
 * a login that may update every item (the owner). A body changed while it was being rendered is
 * left for the next run (the update matches the body it rendered), never given another's HTML.
 */
export async function renderStoredBodies(owner: Kysely<Database>, { batch = 500 } = {}): Promise<number> {
	let done = 0;
	let after = 0;
	for (;;) {
		const rows = await owner
			.selectFrom('news')
			.select(['id', 'body'])
			.where('body_html', 'is', null)
			.where('id', '>', after)
			.orderBy('id')
			.limit(batch)
			.execute();
		if (rows.length === 0) return done;
		after = rows.at(-1)!.id;
		const result = await sql`update news set body_html = v.html
			from unnest(${rows.map((r) => r.id)}::int[], ${rows.map((r) => md5(r.body))}::text[],
				${rows.map((r) => renderMarkdown(r.body))}::text[]) as v(id, body_md5, html)
			where news.id = v.id and news.body_html is null and md5(news.body) = v.body_md5`.execute(owner);
		done += Number(result.numAffectedRows ?? 0);
	}
}
