import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '@regionportalen/db';
import { renderMarkdown } from './markdown.ts';

// A Markdown body (a news item's, a content page's) is rendered and sanitised once, when it is
// saved, and stored beside it in body_html (migrations 0010 and 0016). The column may be null: after
// the migration, for rows written by SQL (seeders, demo data, tests), or when an update changed the
// body without it (the database then clears it). Readers therefore select the Markdown only when
// the HTML is missing, and render it then; renderStoredBodies fills the gaps, run with the owner's
// rights after migrating. One way for every table with id, body and body_html.

/** The tables whose rows keep their body's HTML beside the Markdown. */
export type BodyTable = 'news' | 'content_page';

/** Select beside `table.body_html`: the Markdown source, only when there is no stored HTML to show. */
export function bodyWhenNoHtml(table: BodyTable) {
	return sql<string | null>`case when ${sql.ref(`${table}.body_html`)} is null then ${sql.ref(`${table}.body`)} end`.as(
		'body_md'
	);
}

/** The stored HTML, or the body rendered now when none is stored yet. */
export function storedHtml(row: { body_html: string | null; body_md: string | null }): string {
	return row.body_html ?? renderMarkdown(row.body_md ?? '');
}

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

/**
 * Renders and stores every body of `table` that has no stored HTML, a batch at a time; returns how
 * many. Needs a login that may update every row (the owner). A body changed while it was being
 * rendered is left for the next run (the update matches the body it rendered), never given
 * another's HTML.
 */
export async function renderStoredBodies(
	owner: Kysely<Database>,
	table: BodyTable,
	{ batch = 500 } = {}
): Promise<number> {
	let done = 0;
	let after = 0;
	for (;;) {
		const rows: { id: number; body: string }[] = await owner
			.selectFrom(table)
			.select(['id', 'body'])
			.where('body_html', 'is', null)
			.where('id', '>', after)
			.orderBy('id')
			.limit(batch)
			.execute();
		if (rows.length === 0) return done;
		after = rows.at(-1)!.id;
		const t = sql.table(table);
		const result = await sql`update ${t} set body_html = v.html
			from unnest(${rows.map((r) => r.id)}::int[], ${rows.map((r) => md5(r.body))}::text[],
				${rows.map((r) => renderMarkdown(r.body))}::text[]) as v(id, body_md5, html)
			where ${t}.id = v.id and ${t}.body_html is null and md5(${t}.body) = v.body_md5`.execute(owner);
		done += Number(result.numAffectedRows ?? 0);
	}
}
