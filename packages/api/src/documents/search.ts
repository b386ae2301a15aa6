import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '@regionportalen/db';
import { markedToHtml, MARKERS, SNIPPET, START, STOP, tsquery, WHOLE } from '../core/index.ts';
import { findIds, rowsOf, type LibraryFilter, type LibraryScope, type ListedDocument } from './queries.ts';

// Swedish full-text search in a library: title (weight A), diarienummer and description (B) and the
// PDF's extracted text (C), through document_search() like news_search() (migration 0024), with the
// same query as every other search (core's tsquery: stems and prefixes).

type Q = Kysely<Database> | Transaction<Database>;

/** How many of the newest matches are ranked: the search's work is bounded by this, as news's is. */
export const DOCUMENT_CANDIDATES = 200;

/**
 * How much of a document's text its snippet is looked for in: ts_headline reads the whole text it is
 * given, and a report may hold two million characters.
 */
const SNIPPET_TEXT = 100_000;

const SHORT_SNIPPET = `StartSel=${START}, StopSel=${STOP}, MaxWords=18, MinWords=8, ShortWord=3, MaxFragments=1`;

export interface DocumentHit extends ListedDocument {
	/** The title, HTML-escaped, with the matched words in <mark>. */
	title_html: string;
	/** A passage of the description and text, HTML-escaped, with the matched words in <mark>. */
	snippet_html: string;
}

export interface DocumentSearchResult {
	items: DocumentHit[];
	/** How many match (of the newest DOCUMENT_CANDIDATES: `capped` says there are more). */
	total: number;
	capped: boolean;
}

/** The best `limit` public documents matching `q` (from `offset`), each with its marked title and snippet. */
export async function searchDocuments(
	db: Q,
	scope: LibraryScope,
	q: string,
	{
		limit,
		offset = 0,
		short = false,
		filter = {}
	}: { limit: number; offset?: number; short?: boolean; filter?: LibraryFilter }
): Promise<DocumentSearchResult> {
	const query = tsquery(q);
	const found = await findIds(db, scope, filter, query, { cap: DOCUMENT_CANDIDATES, limit, offset });
	const rows = await rowsOf(db, found.ids);
	// The snippets, the costly part, for the page's documents only.
	const marks = found.ids.length
		? await db
				.selectFrom('document')
				.select([
					'document.id',
					sql<string>`ts_headline('swedish', translate(document.title, ${MARKERS}, ''), ${query}, ${WHOLE})`.as(
						'title_marked'
					),
					sql<string>`ts_headline('swedish', translate(document.description || E'\n\n' || left(document.text, ${SNIPPET_TEXT}), ${MARKERS}, ''), ${query}, ${short ? SHORT_SNIPPET : SNIPPET})`.as(
						'snippet_marked'
					)
				])
				.where('document.id', 'in', found.ids)
				.execute()
		: [];
	const byId = new Map(marks.map((m) => [m.id, m]));
	const items = rows.flatMap((row) => {
		const marked = byId.get(row.id);
		if (!marked) return [];
		return [
			{
				...row,
				title_html: markedToHtml(marked.title_marked),
				snippet_html: markedToHtml(marked.snippet_marked.replace(/\s+/g, ' ').trim())
			}
		];
	});
	return {
		items,
		total: Math.min(found.total, DOCUMENT_CANDIDATES),
		capped: found.total > DOCUMENT_CANDIDATES
	};
}
