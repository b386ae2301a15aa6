import { error, type ServerLoadEvent } from '@sveltejs/kit';
import type { RouterOutputs } from '@regionportalen/api';
import { TRPCError } from '@trpc/server';
import { api, basePath, orErrorPage, type Owner, ownerFor, pageParam } from '../../core/server/index.ts';

// Search: `/sok?q=…&sida=…` on a förbund's site (its own news), `/<region>/sok` on the hub (the
// region's feed). A plain GET form, so it works without JavaScript; the API validates the query,
// and a refused one (too short, say) is a 400 whose message the route's +error.svelte shows
// beside the form.

export type SearchResult = RouterOutputs['search']['news'];
export type PageHit = RouterOutputs['content']['search'][number];
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
	/** The site's content pages that match, shown above the news on the first page. */
	pages: PageHit[];
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
	const region = 'region' in scope ? await orErrorPage(caller.sites.region({ slug: scope.region }), url) : null;
	const data: SearchData = {
		q,
		scope,
		base: basePath(scope),
		regionName: region?.name ?? null,
		result: null,
		pages: [],
		error: null
	};
	if (q.trim() === '') return data;

	const page = pageParam(url);
	// The pages, where the site has them: a separate, small query beside the news search's own.
	const hasPages = region
		? !region.features_off.includes('content')
		: locals.site.kind === 'forbund' && (!locals.site.features || locals.site.features.includes('content'));
	let result: SearchResult;
	let pages: PageHit[] = [];
	try {
		[result, pages] = await Promise.all([
			caller.search.news({ scope, q, page }),
			hasPages && page === 1 ? caller.content.search({ owner: scope, q }) : Promise.resolve([])
		]);
	} catch (e) {
		if (e instanceof TRPCError && e.code === 'BAD_REQUEST') error(400, refusal(e));
		throw e;
	}
	if (page > result.pageCount) error(404, 'Sidan finns inte.');
	return { ...data, result, pages };
}
