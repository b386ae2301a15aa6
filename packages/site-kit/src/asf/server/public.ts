import { error, fail, redirect, type RequestEvent, type ServerLoadEvent } from '@sveltejs/kit';
import { TRPCError } from '@trpc/server';
import type { RouterInputs } from '@regionportalen/api';
import {
	api,
	apiFormResult,
	basePath,
	editorImage,
	filterQuery,
	isValidationError,
	loginUrl,
	orErrorPage,
	ownerFor,
	pageParam,
	refusalMessages
} from '../../core/server/index.ts';

// The public side of ASF coordination: the directory (a plain GET form, so it works without
// JavaScript and a filtered directory is an address to share), an enterprise's page, its internal
// notes for the region's staff, and the page an enterprise's own link opens to report free places.

type DirectoryInput = RouterInputs['asf']['directory'];

function filtersFrom(url: URL) {
	const get = (name: string) => (url.searchParams.get(name) ?? '').trim();
	const form = {
		q: get('q'),
		kommun: get('kommun'),
		verksamhet: get('verksamhet'),
		malgrupp: get('malgrupp'),
		lediga: get('lediga') === '1'
	};
	const input: Omit<DirectoryInput, 'owner' | 'page'> = {
		q: form.q || undefined,
		municipality: form.kommun || undefined,
		businessLine: (form.verksamhet || undefined) as DirectoryInput['businessLine'],
		targetGroup: (form.malgrupp || undefined) as DirectoryInput['targetGroup'],
		freeNow: form.lediga || undefined
	};
	return { form, input };
}

export async function loadDirectory({ locals, url, params }: ServerLoadEvent) {
	const owner = ownerFor(locals, params);
	const caller = api(locals);
	const page = pageParam(url);
	const { form, input } = filtersFrom(url);
	const region = 'region' in owner ? await orErrorPage(caller.sites.region({ slug: owner.region }), url) : null;
	let errors: string[] = [];
	let result: Awaited<ReturnType<typeof caller.asf.directory>> = {
		items: [],
		total: 0,
		page: 1,
		pageCount: 1,
		municipalities: []
	};
	try {
		result = await caller.asf.directory({ owner, page, ...input });
	} catch (e) {
		if (!(e instanceof TRPCError) || !isValidationError(e)) throw e;
		errors = refusalMessages(e);
	}
	if (page > result.pageCount) error(404, 'Sidan finns inte.');
	const query = filterQuery(form);
	return {
		base: basePath(owner),
		form,
		query,
		filtered: Object.keys(query).length > 0,
		errors,
		regionName: region?.name ?? null,
		result
	};
}
export type DirectoryData = Awaited<ReturnType<typeof loadDirectory>>;

export async function loadEnterprise({ locals, url, params }: ServerLoadEvent) {
	const owner = ownerFor(locals, params);
	const enterprise = await orErrorPage(api(locals).asf.enterprise({ owner, slug: params.slug ?? '' }), url);
	const sources = editorImage(enterprise);
	const image = sources ? { ...sources, alt: enterprise.image_alt, caption: enterprise.image_caption } : null;
	// The agreements' public part only (buyer, form, period, kinds of places): the page is cached for visitors.
	const agreements = await orErrorPage(api(locals).asf.agreementPublic({ enterpriseId: enterprise.id }), url);
	return { enterprise, image, agreements, base: basePath(owner), onHub: 'region' in owner };
}
export type EnterpriseData = Awaited<ReturnType<typeof loadEnterprise>>;

/** The enterprise the notes page is about (an active one, by its address). */
async function enterpriseOf(event: Pick<ServerLoadEvent, 'locals' | 'url' | 'params'>) {
	const { locals, url, params } = event;
	if (!locals.user) redirect(303, loginUrl(url));
	const owner = ownerFor(locals, params);
	const found = await orErrorPage(api(locals).asf.enterprise({ owner, slug: params.slug ?? '' }), url);
	return { id: found.id, owner };
}

export async function loadNotes(event: ServerLoadEvent) {
	const { id, owner } = await enterpriseOf(event);
	const caller = api(event.locals);
	const access = await orErrorPage(caller.asf.noteAccess({ enterpriseId: id }), event.url);
	if (!access.canWrite) error(403, 'De interna anteckningarna är för regionens ASF-samordnare och insatspersonal.');
	const notes = access.canRead ? (await orErrorPage(caller.asf.notes({ enterpriseId: id }), event.url)).notes : null;
	return { ...access, notes, base: basePath(owner) };
}
export type NotesData = Awaited<ReturnType<typeof loadNotes>>;

export const notesActions = {
	default: async (event: RequestEvent) => {
		const { id } = await enterpriseOf(event);
		const form = await event.request.formData();
		const body = String(form.get('body') ?? '');
		const result = await apiFormResult(api(event.locals).asf.addNote({ enterpriseId: id, body }), event, { body });
		if (!result.ok) return result.failure;
		return { saved: true, message: 'Anteckningen är sparad.' };
	}
};

export async function loadLinkPage({ locals, url, params, setHeaders }: ServerLoadEvent) {
	// The address is the enterprise's secret: no cache keeps the page.
	setHeaders({ 'cache-control': 'private, no-store', 'referrer-policy': 'same-origin' });
	const owner = ownerFor(locals, params);
	const caller = api(locals);
	const found = await orErrorPage(caller.asf.linkPlaces({ token: params.token ?? '' }), url);
	// A link is its region's: under another region's path it is not found.
	const region = 'region' in owner ? await orErrorPage(caller.sites.region({ slug: owner.region }), url) : null;
	if (!region || region.id !== found.region_id) error(404, 'Länken är ogiltig eller har bytts ut.');
	return { enterprise: found };
}
export type LinkPageData = Awaited<ReturnType<typeof loadLinkPage>>;

export const linkActions = {
	/** The free count per place, as the enterprise sets it. */
	report: async (event: RequestEvent) => {
		const form = await event.request.formData();
		const counts: Record<string, number> = {};
		const values: Record<string, string> = {};
		for (const [name, value] of form.entries()) {
			const m = /^free-(\d+)$/.exec(name);
			if (!m) continue;
			values[name] = String(value);
			const text = String(value).trim();
			if (!/^\d+$/.test(text)) {
				return fail(400, { values, message: 'Skriv antalet lediga platser som en siffra, 0 om inga är lediga.' });
			}
			counts[m[1]!] = Number(text);
		}
		const call = api(event.locals).asf.reportByLink({ token: event.params.token ?? '', counts });
		const result = await apiFormResult(call, event, { values });
		if (!result.ok) return result.failure;
		return { saved: true, message: 'Tack! De lediga platserna är uppdaterade.' };
	},
	/** "Ingen ändring": the counts stand, and the report is dated today. */
	unchanged: async (event: RequestEvent) => {
		const call = api(event.locals).asf.reportByLink({ token: event.params.token ?? '', counts: null });
		const result = await apiFormResult(call, event);
		if (!result.ok) return result.failure;
		return { saved: true, message: 'Tack! Vi har noterat att inget har ändrats.' };
	}
};
