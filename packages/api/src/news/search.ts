import { sql, type Kysely, type Transaction } from 'kysely';
import { markedToHtml, MARKERS, SNIPPET, START, STOP, tsquery, WHOLE } from '../core/index.ts';
import type { Database } from '@regionportalen/db';
import { creditColumns, visible, type Page } from './queries.ts';

// Swedish full-text search over published news. The database keeps a generated
// `to_tsvector('swedish', title || ' ' || lead || ' ' || body)` with a GIN index (news.search), so
// "företag" finds "företagen" and "företagets". Visitors' queries go through
// websearch_to_tsquery: words, "a phrase", -not and or, never a syntax error.

type Q = Kysely<Database> | Transaction<Database>;

const SHORT_SNIPPET = `StartSel=${START}, StopSel=${STOP}, MaxWords=18, MinWords=8, ShortWord=3, MaxFragments=1`;

/**
 * Where to search: one förbund's own items (its site), or a region's feed on the hub (its regional
 * items and what its förbund shared): the news lists' feeds (news.ts inFeed), as news_search states them.
 */
export type SearchScope = { forbundId: number } | { regionFeed: number };

export interface SearchOptions {
	page: number;
	pageSize: number;
	/** Shorter snippets, for suggestions. */
	short?: boolean;
}

export interface SearchHit {
	id: number;
	slug: string;
	title: string;
	/** The title, HTML-escaped, with the matched words in <mark>. */
	title_html: string;
	/** A passage of the lead and body, HTML-escaped, with the matched words in <mark>. */
	snippet_html: string;
	published_at: Date | null;
	forbund_id: number | null;
	forbund_slug: string | null;
	forbund_name: string | null;
	forbund_origin: string | null;
}

/** Lead and body as plain text for snippets: Markdown's link syntax, emphasis and line markers removed. */
const snippetSource = sql<string>`translate(
	regexp_replace(
		regexp_replace(news.lead || E'\n\n' || news.body, '\\[([^]]*)\\]\\([^)]*\\)', '\\1', 'g'),
		'[*\`]+|^#{1,6}[ \\t]+|^>[ \\t]?|^[ \\t]*[-+][ \\t]+', '', 'gn'
	),
	${MARKERS}, ''
)`;

/**
 * How many of the newest matches are ranked: the work of a search is bounded by this, not by how
 * many items match (a common word matches most of a förbund's items). Past it, the result says
 * "more than" and the pages end there; a narrower query finds the rest.
 */
export const SEARCH_CANDIDATES = 200;

export interface SearchPage extends Page<SearchHit> {
	/** More than `total` items match; the newest `total` of them were ranked. */
	capped: boolean;
}

/**
 * Published items matching `q` in a scope, best first: the newest `candidates` matches (see
 * migration 0009's news_search, which finds them through the indexes despite RLS) ranked by
 * ts_rank_cd (cover density: the more and the closer the matched words), equal ranks newest first.
 * Each hit carries its title and a snippet with the matches marked, both safe HTML.
 */
export async function searchNews(
	db: Q,
	scope: SearchScope,
	q: string,
	options: SearchOptions & { candidates?: number }
): Promise<SearchPage> {
	const { page, pageSize, short = false, candidates = SEARCH_CANDIDATES } = options;
	const query = tsquery(q);
	const [forbundId, regionId] = 'forbundId' in scope ? [scope.forbundId, null] : [null, scope.regionFeed];
	const found = await sql<{ total: number; ids: number[] }>`select total, ids from news_search(
		${query}, ${forbundId}::integer, ${regionId}::integer, ${candidates}::integer, ${pageSize}::integer,
		${(page - 1) * pageSize}::integer)`.execute(db);
	const { total: matched, ids } = found.rows[0]!;
	const capped = matched > candidates;
	const total = Math.min(matched, candidates);

	// The snippets, the costly part, are made for the page's items only, read under RLS as always.
	const rows = ids.length
		? await db
				.selectFrom('news')
				.leftJoin('forbund', 'forbund.id', 'news.forbund_id')
				.select([
					'news.id',
					'news.slug',
					'news.title',
					'news.published_at',
					'news.forbund_id',
					sql<string>`ts_headline('swedish', translate(news.title, ${MARKERS}, ''), ${query}, ${WHOLE})`.as(
						'title_marked'
					),
					sql<string>`ts_headline('swedish', ${snippetSource}, ${query}, ${short ? SHORT_SNIPPET : SNIPPET})`.as(
						'snippet_marked'
					)
				])
				.select(creditColumns)
				.where('news.id', 'in', ids)
				.where(visible)
				.execute()
		: [];
	const byId = new Map(rows.map((row) => [row.id, row]));

	const items = ids.flatMap((id) => {
		const row = byId.get(id);
		if (!row) return [];
		const { title_marked, snippet_marked, ...rest } = row;
		return [{ ...rest, title_html: markedToHtml(title_marked), snippet_html: markedToHtml(snippet_marked.trim()) }];
	});
	return { items, page, total, capped, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}
