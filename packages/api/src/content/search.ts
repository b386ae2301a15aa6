import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '@regionportalen/db';
import { markedToHtml, MARKERS, SNIPPET, tsquery, WHOLE } from '../core/index.ts';
import { ofOwner, publishedTree, type PageOwnerKey } from './queries.ts';

// The site search's page hits: published pages of the owner matching the visitor's words, best
// first, with the same Swedish query as the news search (core's tsquery: websearch_to_tsquery
// 'swedish' plus prefixes). An owner has tens of pages, so the owner's index narrows the rows and
// the match runs on those; no function past row-level security is needed, unlike news_search.

type Q = Kysely<Database> | Transaction<Database>;

/** Lead and body as plain text for snippets (Markdown's links and markers removed), as news does. */
const snippetSource = sql<string>`translate(
	regexp_replace(
		regexp_replace(content_page.lead || E'\n\n' || content_page.body, '\\[([^]]*)\\]\\([^)]*\\)', '\\1', 'g'),
		'[*\`|]+|^#{1,6}[ \\t]+|^>[ \\t]?|^[ \\t]*[-+][ \\t]+', '', 'gn'
	),
	${MARKERS}, ''
)`;

export interface PageHit {
	id: number;
	title: string;
	lead: string;
	path: string;
	/** The title, HTML-escaped, with the matched words in <mark>. */
	title_html: string;
	/** A passage of the lead and body, HTML-escaped, with the matched words in <mark>. */
	snippet_html: string;
}

/** The best `limit` published pages matching `q`; a page under an unpublished parent is not reachable, so not a hit. */
export async function searchPages(db: Q, owner: PageOwnerKey, q: string, limit: number): Promise<PageHit[]> {
	const query = tsquery(q);
	const rows = await ofOwner(db.selectFrom('content_page'), owner)
		.select([
			'content_page.id',
			sql<string>`ts_headline('swedish', translate(content_page.title, ${MARKERS}, ''), ${query}, ${WHOLE})`.as(
				'title_marked'
			),
			sql<string>`ts_headline('swedish', ${snippetSource}, ${query}, ${SNIPPET})`.as('snippet_marked')
		])
		.where('content_page.status', '=', 'published')
		.where(sql<boolean>`content_page.search @@ ${query}`)
		.orderBy(sql`ts_rank_cd(content_page.search, ${query})`, 'desc')
		.orderBy('content_page.id')
		.limit(limit * 2)
		.execute();
	if (rows.length === 0) return [];
	const placed = new Map((await publishedTree(db, owner)).map((p) => [p.id, p]));
	return rows
		.flatMap((row) => {
			const page = placed.get(row.id);
			if (!page) return [];
			return [
				{
					id: row.id,
					title: page.title,
					lead: page.lead,
					path: page.path,
					title_html: markedToHtml(row.title_marked),
					snippet_html: markedToHtml(row.snippet_marked.trim())
				}
			];
		})
		.slice(0, limit);
}
