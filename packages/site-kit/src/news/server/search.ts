import { error, type ServerLoadEvent } from '@sveltejs/kit';
import type { RouterOutputs } from '@regionportalen/api';
import { TRPCError } from '@trpc/server';
import { api, basePath, orErrorPage, type Owner, ownerFor, pageParam } from '../../core/server/index.ts';

// Search: `/sok?q=…&sida=…` on a förbund's site (its own news), `/<region>/sok` on the hub (the
// region's feed). A plain GET form, so it works without JavaScript; the API validates the query,
// and a refused one (too short, say) is a 400 whose message the route's +error.svelte shows
// beside the form.

export type SearchResult = RouterOutputs['search']['news'];
export type SearchHit = SearchResult['items'][number];

export interface SearchData {
	/** What was searched for, as typed. */
	q: string;
	/** Where to search, for the suggestions: the förbund or the region (null: no suggestions). */
	scope: Owner | null;
	/** The path prefix of the owner's pages: '' on a förbund site, '/<region>' on the hub. */
	base: string;
	/** The region's name on the hub, to say what is searched. */
	regionName: string | null;
	/** null before anything was searched. */
	result: SearchResult | null;
	/** Why the query was refused, shown by the form. */
	error: string | null;
}

/** The API's validation messages ("Skriv minst 2 tecken för att söka."), or its message. */
function refusal(e: TRPCError): string {
	const issues = e.cause && 'issues' in e.cause ? (e.cause.issues as { message: string }[]) : null;
	return issues?.map((i) => i.message).join(' ') || e.message;
}

export async function loadSearch({ locals, url, params }: ServerLoadEvent): Promise<SearchData> {
	const scope = ownerFor(locals, params);
	const caller = api(locals);
	const q = url.searchParams.get('q') ?? '';
	const regionName =
		'region' in scope ? (await orErrorPage(caller.sites.region({ slug: scope.region }), url)).name : null;
	const data: SearchData = { q, scope, base: basePath(scope), regionName, result: null, error: null };
	if (q.trim() === '') return data;

	const page = pageParam(url);
	let result: SearchResult;
	try {
		result = await caller.search.news({ scope, q, page });
	} catch (e) {
		if (e instanceof TRPCError && e.code === 'BAD_REQUEST') error(400, refusal(e));
		throw e;
	}
	if (page > result.pageCount) error(404, 'Sidan finns inte.');
	return { ...data, result };
}
