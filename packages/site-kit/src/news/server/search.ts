import { error, type ServerLoadEvent } from '@sveltejs/kit';
import type { RouterOutputs } from '@regionportalen/api';
import type { Feature } from '@regionportalen/db';
import { TRPCError } from '@trpc/server';
import { withFileUrls } from '../../documents/server/index.ts';
import { DOCUMENT_KIND_LABELS, documentDate } from '../../documents/index.ts';
import {
	api,
	basePath,
	formatDate,
	orErrorPage,
	type Owner,
	ownerFor,
	pageParam,
	refusalMessages
} from '../../core/server/index.ts';

// The site search: `/sok?q=…&sida=…` on a förbund's site, `/<region>/sok` on the hub. It finds, in
// one place and grouped by kind, the owner's news (the paged list, a förbund's own or a region's
// feed) and above it the best few of each other kind: content pages, insatser and documents (see
// SEARCH_GROUPS). A plain GET form, so it works without JavaScript; the API validates the query,
// and a refused one (too short, say) is a 400 whose message the route's +error.svelte shows
// beside the form.

export type SearchResult = RouterOutputs['search']['news'];
export type SearchHit = SearchResult['items'][number];

/** One hit of a group: where it leads, its title and a passage, both safe HTML from the API (only <mark>). */
export interface GroupHit {
	id: number;
	href: string;
	title_html: string;
	snippet_html: string;
	/** A line of facts under the title (a document's type and date), plain text. */
	meta: string;
}

/** The best few of one kind, shown above the news on the first page. */
export interface SearchGroup {
	/** Also the heading's id: `<key>-traffar`. */
	key: string;
	heading: string;
	hits: GroupHit[];
	/** How many of this kind match in all (more than `hits` when the group shows the best few). */
	total: number;
	/** Where all of this kind are listed, if anywhere. */
	allHref: string | null;
}

/** Plain text made safe inside the groups' HTML fields. */
const escapeHtml = (text: string) =>
	text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** How many hits a group shows. */
const GROUP_HITS = 5;

type Caller = ReturnType<typeof api>;

/** A kind of hit beside the news: the feature that brings it, and how to find its best few. */
interface GroupSource {
	key: string;
	heading: string;
	feature: Feature;
	find(caller: Caller, owner: Owner, q: string, base: string): Promise<Omit<SearchGroup, 'key' | 'heading'>>;
}

/**
 * The kinds the search shows above the news, in this order; a site without a kind's feature does
 * not search it. A new kind is one more entry here (its API gives marked titles and snippets).
 */
const SEARCH_GROUPS: GroupSource[] = [
	{
		key: 'sidor',
		heading: 'Sidor',
		feature: 'content',
		async find(caller, owner, q, base) {
			const pages = await caller.content.search({ owner, q });
			return {
				total: pages.length,
				allHref: null,
				hits: pages.map((p) => ({
					id: p.id,
					href: `${base}${p.path}`,
					title_html: p.title_html,
					snippet_html: p.snippet_html,
					meta: ''
				}))
			};
		}
	},
	{
		key: 'insatser',
		heading: 'Insatser',
		feature: 'insatser',
		async find(caller, owner, q, base) {
			const found = await caller.insatser.search({ owner, q, limit: GROUP_HITS });
			const hub = 'region' in owner;
			return {
				total: found.total,
				allHref: `${base}/insatser?q=${encodeURIComponent(q)}`,
				hits: found.items.map((i) => ({
					id: i.id,
					// On the hub an insats is on its förbund's own site.
					href: hub ? `${i.forbund_origin ?? ''}${i.path}` : i.path,
					title_html: escapeHtml(i.name),
					snippet_html: escapeHtml(i.summary),
					meta: hub ? i.forbund_name : ''
				}))
			};
		}
	},
	{
		key: 'dokument',
		heading: 'Dokument',
		feature: 'documents',
		async find(caller, owner, q, base) {
			const found = await caller.documents.search({ owner, q, limit: GROUP_HITS });
			const hub = 'region' in owner;
			return {
				total: found.total,
				allHref: `${base}/dokument`,
				hits: withFileUrls(found.items).map((d) => ({
					id: d.id,
					href: d.url,
					title_html: d.title_html,
					snippet_html: d.snippet_html,
					meta: [
						DOCUMENT_KIND_LABELS[d.kind],
						formatDate(documentDate(d.document_date)),
						d.diarienummer && `Dnr ${d.diarienummer}`,
						hub && d.forbund_name,
						'PDF'
					]
						.filter(Boolean)
						.join(' · ')
				}))
			};
		}
	}
];

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
	/** The other kinds' best hits, above the news on the first page (groups with no hit left out). */
	groups: SearchGroup[];
	/** Why the query was refused, shown by the form. */
	error: string | null;
}

/** The API's validation messages ("Skriv minst 2 tecken för att söka."), or its message. */
function refusal(e: TRPCError): string {
	return refusalMessages(e).join(' ');
}

export async function loadSearch({ locals, url, params }: ServerLoadEvent): Promise<SearchData> {
	const scope = ownerFor(locals, params);
	const caller = api(locals);
	const q = url.searchParams.get('q') ?? '';
	const region = 'region' in scope ? await orErrorPage(caller.sites.region({ slug: scope.region }), url) : null;
	const base = basePath(scope);
	const data: SearchData = { q, scope, base, regionName: region?.name ?? null, result: null, groups: [], error: null };
	if (q.trim() === '') return data;

	const page = pageParam(url);
	const siteHas = (feature: Feature) =>
		region
			? !region.features_off.includes(feature)
			: locals.site.kind === 'forbund' && (!locals.site.features || locals.site.features.includes(feature));
	// The groups only on the first page: separate, small queries beside the news search's own.
	const sources = page === 1 ? SEARCH_GROUPS.filter((g) => siteHas(g.feature)) : [];
	let result: SearchResult;
	let groups: SearchGroup[];
	try {
		[result, groups] = await Promise.all([
			caller.search.news({ scope, q, page }),
			Promise.all(
				sources.map(async (g) => ({ key: g.key, heading: g.heading, ...(await g.find(caller, scope, q, base)) }))
			)
		]);
	} catch (e) {
		if (e instanceof TRPCError && e.code === 'BAD_REQUEST') error(400, refusal(e));
		throw e;
	}
	if (page > result.pageCount) error(404, 'Sidan finns inte.');
	return { ...data, result, groups: groups.filter((g) => g.hits.length > 0) };
}
