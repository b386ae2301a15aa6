import { sql, type RawBuilder } from 'kysely';
import { z } from 'zod';

// Swedish full-text search, for every domain that searches its texts (news, minutes, …): the
// visitor's query as a tsquery, ts_headline's markers, and its output as safe HTML.

export const SEARCH_MIN_LENGTH = 2;
export const SEARCH_MAX_LENGTH = 200;

export const querySchema = z
	.string('Skriv vad du vill söka efter.')
	// Control characters (a NUL the database would refuse, a tab) are spaces.
	.overwrite((q) => q.replace(/\p{Cc}/gu, ' '))
	.trim()
	.min(SEARCH_MIN_LENGTH, `Skriv minst ${SEARCH_MIN_LENGTH} tecken för att söka.`)
	.max(SEARCH_MAX_LENGTH, `Sökningen får vara högst ${SEARCH_MAX_LENGTH} tecken.`);

// ts_headline marks matches with these private-use characters, which are first removed from the
// text itself, so after escaping the snippet they are the only thing that can become <mark>.
export const START = '\uE000';
export const STOP = '\uE001';
export const MARKERS = START + STOP;

export const SNIPPET = `StartSel=${START}, StopSel=${STOP}, MaxWords=35, MinWords=15, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "`;
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
