import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Database } from '@regionportalen/db';
import { creditColumns, visible, type Page } from './news.ts';

// Swedish full-text search over published news. The database keeps a generated
// `to_tsvector('swedish', title || ' ' || lead || ' ' || body)` with a GIN index (news.search), so
// "företag" finds "företagen" and "företagets". Visitors' queries go through
// websearch_to_tsquery: words, "a phrase", -not and or, never a syntax error.

type Q = Kysely<Database> | Transaction<Database>;

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

// ts_headline marks matches with these private-use characters, which are first removed from the
// text itself, so after escaping the snippet they are the only thing that can become <mark>.
const START = '\uE000';
const STOP = '\uE001';
export const MARKERS = START + STOP;

export const SNIPPET = `StartSel=${START}, StopSel=${STOP}, MaxWords=35, MinWords=15, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "`;
const SHORT_SNIPPET = `StartSel=${START}, StopSel=${STOP}, MaxWords=18, MinWords=8, ShortWord=3, MaxFragments=1`;
export const WHOLE = `StartSel=${START}, StopSel=${STOP}, HighlightAll=true`;

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** ts_headline's output as safe HTML: everything escaped, then only our own markers become <mark>. */
export function markedToHtml(marked: string): string {
	return marked
		.replace(/[&<>"']/g, (c) => escapes[c]!)
		.replaceAll(START, '<mark>')
		.replaceAll(STOP, '</mark>');
}

/** A lexeme in a tsquery's text form ('word', quotes doubled inside), to be made a prefix. */
const LEXEME = "'(?:[^']|'')*'";

/**
 * The visitor's words as a tsquery: websearch_to_tsquery('swedish') finds every form of a word
 * with the same stem ("företagen" for "företag"); the same query with each word, unstemmed, as a
 * prefix adds the forms the stemmer keeps apart ("företagets"), compounds ("samverkansmöte" for
 * "samverkan") and a word still being typed ("före"). The prefix is the typed word, not its stem,
 * so "SAMRE" (stem "samr") does not find "samråd".
 */
export function tsquery(q: string): RawBuilder<string> {
	return sql<string>`(websearch_to_tsquery('swedish', ${q}) || regexp_replace(websearch_to_tsquery('simple', ${q})::text, ${LEXEME}, ${'\\&:*'}, 'g')::tsquery)`;
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
