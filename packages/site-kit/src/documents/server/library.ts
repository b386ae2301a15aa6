import { error, fail, redirect, type RequestEvent, type ServerLoadEvent } from '@sveltejs/kit';
import type { RouterOutputs } from '@regionportalen/api';
import { DOCUMENT_KINDS, type DocumentKind } from '@regionportalen/db';
import {
	MAX_ATTACHMENT_BYTES,
	MediaError,
	mediaUrl,
	storeAttachment,
	type StoredAttachment
} from '@regionportalen/media';
import {
	api,
	apiFormResult,
	basePath,
	idParam,
	loginUrl,
	mediaStorage,
	orErrorPage,
	ownerFor,
	pageParam,
	type SiteLocals
} from '../../core/server/index.ts';

// The document library: the public page (/dokument, on the hub /<region>/dokument) filtered by type
// and year with a plain GET form, and the editor's pages (/redaktor/dokument: the list and an
// upload form; /redaktor/dokument/<id>: its facts, and delete). The PDF is checked and stored as
// every PDF is (packages/media), then the API records it; if the API refuses, the file goes again.

const NOT_FOUND = 'Dokumentet finns inte.';

type Listed = { storage_key: string };
/** Documents with the address of their PDF (the API gives the key; the host knows where files are served). */
export function withFileUrls<T extends Listed>(items: T[]): (T & { url: string })[] {
	return items.map((item) => ({ ...item, url: mediaUrl(item.storage_key) }));
}

export type LibraryDocument = ReturnType<
	typeof withFileUrls<RouterOutputs['documents']['list']['items'][number]>
>[number];

/** An insats's documents for its page, newest first; none where the site has no document library. */
export async function loadInsatsDocuments(locals: SiteLocals, insatsId: number): Promise<LibraryDocument[]> {
	const site = locals.site;
	if (site.kind !== 'forbund' || (site.features && !site.features.includes('documents'))) return [];
	const found = await api(locals).documents.list({ owner: { forbund: site.forbund }, insatsId, page: 1 });
	return withFileUrls(found.items);
}

function kindParam(url: URL): DocumentKind | null {
	const kind = url.searchParams.get('typ') || null;
	if (kind !== null && !(DOCUMENT_KINDS as readonly string[]).includes(kind)) error(400, 'Okänd dokumenttyp.');
	return kind as DocumentKind | null;
}

function yearParam(url: URL): number | null {
	const value = url.searchParams.get('ar') || null;
	if (value === null) return null;
	const year = Number(value);
	if (!Number.isInteger(year) || year < 1900 || year > 2200) error(400, 'Ogiltigt år.');
	return year;
}

export async function loadDocumentLibrary({ locals, url, params }: ServerLoadEvent) {
	const owner = ownerFor(locals, params);
	const page = pageParam(url);
	const filter = { kind: kindParam(url), year: yearParam(url) };
	const caller = api(locals);
	const [result, region] = await Promise.all([
		orErrorPage(caller.documents.list({ owner, ...filter, page }), url),
		'region' in owner ? orErrorPage(caller.sites.region({ slug: owner.region }), url) : Promise.resolve(null)
	]);
	if (page > result.pageCount) error(404, 'Sidan finns inte.');
	return {
		...result,
		items: withFileUrls(result.items),
		filter,
		base: basePath(owner),
		regionName: region?.name ?? null
	};
}

function fieldsFrom(form: FormData) {
	const text = (name: string) => String(form.get(name) ?? '');
	const insats = text('insatsId');
	const project = text('projectId');
	return {
		title: text('title'),
		documentDate: text('documentDate').trim(),
		kind: text('kind') as DocumentKind,
		diarienummer: text('diarienummer'),
		description: text('description'),
		insatsId: insats ? Number(insats) : null,
		projectId: project ? Number(project) : null
	};
}

/** What the form shows again after a refused save: as typed. */
const formValues = (fields: ReturnType<typeof fieldsFrom>) => ({
	...fields,
	insatsId: fields.insatsId === null ? '' : String(fields.insatsId),
	projectId: fields.projectId === null ? '' : String(fields.projectId)
});

export async function loadDocumentEditorList({ locals, url, params }: ServerLoadEvent) {
	if (!locals.user) redirect(303, loginUrl(url));
	const owner = ownerFor(locals, params);
	const caller = api(locals);
	const [documents, insatser, projects] = await Promise.all([
		orErrorPage(caller.documents.forEditing({ owner }), url),
		orErrorPage(caller.documents.insatsChoices({ owner }), url),
		orErrorPage(caller.documents.projectChoices({ owner }), url)
	]);
	return { documents: withFileUrls(documents), insatser, projects, base: basePath(owner) };
}

export async function loadDocumentEditorItem({ locals, url, params }: ServerLoadEvent) {
	if (!locals.user) redirect(303, loginUrl(url));
	const owner = ownerFor(locals, params);
	const id = idParam(params.id, NOT_FOUND);
	const caller = api(locals);
	const document = await orErrorPage(caller.documents.byId({ id }), url);
	const belongsHere = 'forbund' in owner ? document.forbund_slug === owner.forbund : document.forbund_id === null;
	if (!belongsHere) error(404, NOT_FOUND);
	const [insatser, projects] = await Promise.all([
		orErrorPage(caller.documents.insatsChoices({ owner }), url),
		orErrorPage(caller.documents.projectChoices({ owner }), url)
	]);
	return { document: { ...document, url: mediaUrl(document.storage_key) }, insatser, projects, base: basePath(owner) };
}

export const documentEditorListActions = {
	/** Stores the PDF, then records it with its facts; a refusal removes the file again. */
	upload: async (event: RequestEvent) => {
		const { locals, params } = event;
		const owner = ownerFor(locals, params);
		const form = await event.request.formData();
		const fields = fieldsFrom(form);
		const values = formValues(fields);
		const file = form.get('file');
		if (!(file instanceof File) || file.size === 0) return fail(400, { ...values, message: 'Välj en PDF-fil.' });
		if (file.size > MAX_ATTACHMENT_BYTES) return fail(413, { ...values, message: 'Filen får vara högst 20 MB.' });
		let stored: StoredAttachment;
		try {
			stored = await storeAttachment(mediaStorage(), new Uint8Array(await file.arrayBuffer()), file.name);
		} catch (e) {
			if (e instanceof MediaError) return fail(400, { ...values, message: e.message });
			throw e;
		}
		const result = await apiFormResult(
			api(locals).documents.create({ ...fields, owner, key: stored.key, filename: stored.filename, size: stored.size }),
			event,
			values
		);
		if (!result.ok) {
			await mediaStorage().delete(stored.key);
			return result.failure;
		}
		redirect(303, `${basePath(owner)}/redaktor/dokument/${result.value.id}?uppladdad=1`);
	}
};

const itemId = (event: RequestEvent) => idParam(event.params.id, NOT_FOUND);

export const documentEditorItemActions = {
	save: async (event: RequestEvent) => {
		const fields = fieldsFrom(await event.request.formData());
		const result = await apiFormResult(
			api(event.locals).documents.update({ ...fields, id: itemId(event) }),
			event,
			formValues(fields)
		);
		if (!result.ok) return result.failure;
		return { saved: true, message: 'Ändringarna är sparade.' };
	},
	/** Removes the document, then its file. */
	remove: async (event: RequestEvent) => {
		const { locals, params } = event;
		const result = await apiFormResult(api(locals).documents.delete({ id: itemId(event) }), event);
		if (!result.ok) return result.failure;
		await mediaStorage().delete(result.value.storage_key);
		redirect(303, `${basePath(ownerFor(locals, params))}/redaktor/dokument?borttaget=1`);
	}
};

export type DocumentLibraryData = Awaited<ReturnType<typeof loadDocumentLibrary>>;
export type DocumentEditorListData = Awaited<ReturnType<typeof loadDocumentEditorList>>;
export type DocumentEditorItemData = Awaited<ReturnType<typeof loadDocumentEditorItem>>;
