import { error, type RequestHandler, type ServerLoadEvent } from '@sveltejs/kit';
import { TRPCError } from '@trpc/server';
import type { RouterInputs } from '@regionportalen/api';
import { contentDisposition } from '@regionportalen/media';
import {
	api,
	basePath,
	csvResponse,
	filterQuery,
	isValidationError,
	mediaStorage,
	orErrorPage,
	ownerFor,
	pageParam,
	type SiteLocals,
	refusalMessages
} from '../../core/server/index.ts';
import { loadInsatsDocuments } from '../../documents/server/index.ts';

// The catalogue's pages on the server: the catalogue (a plain GET form: it works without
// JavaScript, and a filtered catalogue is an address one can share), an insats's page, its referral
// form, the CSV and JSON exports, and the usage page.

type SearchInput = RouterInputs['insatser']['search'];

/** The form's fields in the address (Swedish names) and what they are to the API. */
function filtersFrom(url: URL) {
	const get = (name: string) => (url.searchParams.get(name) ?? '').trim();
	const form = {
		q: get('q'),
		kommun: get('kommun'),
		malgrupp: get('malgrupp'),
		alder: get('alder'),
		inriktning: get('inriktning'),
		egen: get('egen') === '1',
		intag: get('intag') === '1',
		status: get('status')
	};
	const input: Omit<SearchInput, 'owner' | 'page'> = {
		q: form.q || undefined,
		municipality: form.kommun || undefined,
		targetGroup: (form.malgrupp || undefined) as SearchInput['targetGroup'],
		age: form.alder === '' ? undefined : (form.alder as unknown as number),
		inriktning: (form.inriktning || undefined) as SearchInput['inriktning'],
		onOwn: form.egen || undefined,
		intakeNow: form.intag || undefined,
		lifeStatus: (form.status || undefined) as SearchInput['lifeStatus']
	};
	return { form, input };
}

export async function loadCatalogue({ locals, url, params }: ServerLoadEvent) {
	const owner = ownerFor(locals, params);
	const caller = api(locals);
	const page = pageParam(url);
	const { form, input } = filtersFrom(url);
	const region = 'region' in owner ? await orErrorPage(caller.sites.region({ slug: owner.region }), url) : null;
	const municipalities =
		locals.site.kind === 'forbund'
			? [...locals.site.municipalities]
			: [...new Set((region?.forbund ?? []).flatMap((f) => f.municipalities))].sort((a, b) => a.localeCompare(b, 'sv'));
	const base = basePath(owner);
	let errors: string[] = [];
	let result: Awaited<ReturnType<typeof caller.insatser.search>> = { items: [], total: 0, page: 1, pageCount: 1 };
	try {
		result = await caller.insatser.search({ owner, page, ...input });
	} catch (e) {
		if (!(e instanceof TRPCError) || !isValidationError(e)) throw e;
		errors = refusalMessages(e);
	}
	if (page > result.pageCount) error(404, 'Sidan finns inte.');
	return {
		base,
		form,
		query: filterQuery(form),
		municipalities,
		regionName: region?.name ?? null,
		filtered: Object.keys(filterQuery(form)).length > 0,
		errors,
		result
	};
}
export type CatalogueData = Awaited<ReturnType<typeof loadCatalogue>>;

export async function loadInsatsPage({ locals, url, params }: ServerLoadEvent) {
	if (locals.site.kind !== 'forbund') error(404, 'Sidan finns inte.');
	const insats = await orErrorPage(
		api(locals).insatser.page({ forbund: locals.site.forbund, slug: params.slug ?? '' }),
		url
	);
	return { insats, documents: await loadInsatsDocuments(locals, insats.id) };
}
export type InsatsPageData = Awaited<ReturnType<typeof loadInsatsPage>>;

/** The referral form (PDF) of a published insats, as a download; counted by the usage counter. */
export const referralDownload: RequestHandler = async ({ locals, params, url }) => {
	const site = (locals as SiteLocals).site;
	if (site.kind !== 'forbund') error(404, 'Filen finns inte.');
	const found = await orErrorPage(
		api(locals as SiteLocals).insatser.referral({ forbund: site.forbund, slug: params.slug ?? '' }),
		url
	);
	const object = await mediaStorage().get(found.key);
	if (!object) error(404, 'Filen finns inte.');
	const headers = new Headers({
		'content-type': 'application/pdf',
		'content-disposition': contentDisposition('attachment', found.filename),
		// The address stays while the form may be replaced: a visitor gets the newest within minutes.
		'cache-control': 'public, max-age=300',
		'x-content-type-options': 'nosniff'
	});
	if (Number.isFinite(object.size) && object.size > 0) headers.set('content-length', String(object.size));
	return new Response(object.stream, { headers });
};

function exportOwner(locals: SiteLocals, params: Partial<Record<string, string>>) {
	return ownerFor(locals, params);
}
const exportName = (owner: ReturnType<typeof exportOwner>) =>
	`insatser-${'forbund' in owner ? owner.forbund : owner.region}`;

/** insatser/export.csv: the published insatser for Swedish Excel. */
export const exportCsv: RequestHandler = async ({ locals, params, url }) => {
	const owner = exportOwner(locals as SiteLocals, params);
	const rows = await orErrorPage(api(locals as SiteLocals).insatser.exportRows({ owner }), url);
	return csvResponse(rows, `${exportName(owner)}.csv`);
};

/** insatser/export.json: the published insatser as Open Referral HSDS 3 service records. */
export const exportJson: RequestHandler = async ({ locals, params, url }) => {
	const owner = exportOwner(locals as SiteLocals, params);
	const services = await orErrorPage(api(locals as SiteLocals).insatser.exportHsds({ owner }), url);
	return new Response(JSON.stringify(services, null, '\t'), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': contentDisposition('attachment', `${exportName(owner)}.json`)
		}
	});
};

/** The usage page: a förbund's for its admins, a region's for its presidium. Sign-in required. */
export async function loadUsage({ locals, url, params }: ServerLoadEvent) {
	const owner = ownerFor(locals, params);
	const caller = api(locals);
	const usage = await orErrorPage(caller.insatser.usage({ owner }), url);
	const region = 'region' in owner ? await orErrorPage(caller.sites.region({ slug: owner.region }), url) : null;
	return { usage, base: basePath(owner), regionName: region?.name ?? null };
}
export type UsageData = Awaited<ReturnType<typeof loadUsage>>;
