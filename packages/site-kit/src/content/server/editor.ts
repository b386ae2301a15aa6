import { error, redirect, type RequestEvent, type ServerLoadEvent } from '@sveltejs/kit';
import { deleteImage, mediaUrl } from '@regionportalen/media';
import {
	api,
	apiFormResult,
	attachmentActions,
	basePath,
	editorImage,
	idParam,
	imageActions,
	loginUrl,
	mediaStorage,
	orErrorPage,
	ownerFor
} from '../../core/server/index.ts';

// The page editor: the owner's pages as a tree with a form for a new one (/redaktor/sidor), and one
// page's edit page (/redaktor/sidor/<id>) with save, preview, publish, unpublish, remove, image,
// attachments and restore. Every check happens in the API; these translate forms to calls and
// refusals to messages, keeping what was typed.

const NOT_FOUND = 'Sidan finns inte.';

function fieldsFrom(form: FormData) {
	const text = (name: string) => String(form.get(name) ?? '');
	const parent = text('parentId');
	const position = text('position').trim();
	return {
		title: text('title'),
		slug: text('slug').trim(),
		parentId: parent ? Number(parent) : null,
		// A number the API refuses (1,5) is reported by its validator, in Swedish.
		position: position === '' ? undefined : Number(position.replace(',', '.')),
		lead: text('lead'),
		body: text('body'),
		imageAlt: text('imageAlt'),
		imageCaption: text('imageCaption')
	};
}

/** What the form shows again after a refused save: as typed. */
function formValues(fields: ReturnType<typeof fieldsFrom>) {
	return {
		...fields,
		parentId: fields.parentId === null ? '' : String(fields.parentId),
		position: fields.position ?? ''
	};
}

export async function loadPageEditorList({ locals, url, params }: ServerLoadEvent) {
	if (!locals.user) redirect(303, loginUrl(url));
	const owner = ownerFor(locals, params);
	const pages = await orErrorPage(api(locals).content.forEditing({ owner }), url);
	return { pages, base: basePath(owner) };
}

export async function loadPageEditorItem({ locals, url, params }: ServerLoadEvent) {
	if (!locals.user) redirect(303, loginUrl(url));
	const owner = ownerFor(locals, params);
	const id = idParam(params.id, NOT_FOUND);
	const caller = api(locals);
	const page = await orErrorPage(caller.content.byId({ id }), url);
	const belongsHere = 'forbund' in owner ? page.forbund_id !== null : page.forbund_id === null;
	if (!belongsHere) error(404, NOT_FOUND);
	const [pages, revisions, attachments] = await Promise.all([
		orErrorPage(caller.content.forEditing({ owner }), url),
		orErrorPage(caller.content.revisions({ id }), url),
		orErrorPage(caller.content.attachments({ id }), url)
	]);
	// A page cannot move under itself or under a page below it.
	const below = new Set([id]);
	for (const p of pages) if (p.parent_id !== null && below.has(p.parent_id)) below.add(p.id);
	return {
		page,
		parents: pages.filter((p) => !below.has(p.id)),
		hasChildren: pages.some((p) => p.parent_id === id),
		revisions,
		attachments: attachments.map((a) => ({ ...a, url: mediaUrl(a.storage_key) })),
		image: editorImage(page),
		base: basePath(owner)
	};
}

export const pageEditorListActions = {
	create: async (event: RequestEvent) => {
		const { request, locals, params } = event;
		const owner = ownerFor(locals, params);
		const fields = fieldsFrom(await request.formData());
		const { slug, ...rest } = fields;
		const result = await apiFormResult(
			api(locals).content.create({ ...rest, slug: slug || undefined, owner }),
			event,
			formValues(fields)
		);
		if (!result.ok) return result.failure;
		redirect(303, `${basePath(owner)}/redaktor/sidor/${result.value.id}?skapad=1`);
	}
};

const itemId = (event: RequestEvent) => idParam(event.params.id, NOT_FOUND);

export const pageEditorItemActions = {
	save: async (event: RequestEvent) => {
		const form = await event.request.formData();
		const fields = fieldsFrom(form);
		const input = { ...fields, id: itemId(event), version: Number(form.get('version')) };
		const result = await apiFormResult(api(event.locals).content.update(input), event, formValues(fields));
		if (!result.ok) return result.failure;
		return { saved: true, message: 'Ändringarna är sparade.' };
	},
	/** Without JavaScript, the preview is a round trip that keeps everything typed. */
	preview: async (event: RequestEvent) => {
		const fields = fieldsFrom(await event.request.formData());
		const result = await apiFormResult(
			api(event.locals).content.preview({ body: fields.body }),
			event,
			formValues(fields)
		);
		if (!result.ok) return result.failure;
		return { ...formValues(fields), previewHtml: result.value.html };
	},
	publish: async (event: RequestEvent) => {
		const result = await apiFormResult(api(event.locals).content.publish({ id: itemId(event) }), event);
		if (!result.ok) return result.failure;
		return { saved: true, message: 'Sidan är publicerad.' };
	},
	unpublish: async (event: RequestEvent) => {
		const result = await apiFormResult(api(event.locals).content.unpublish({ id: itemId(event) }), event);
		if (!result.ok) return result.failure;
		return { saved: true, message: 'Sidan är avpublicerad och syns inte längre för besökare.' };
	},
	/** Removes the page, then the files only it used. */
	remove: async (event: RequestEvent) => {
		const { locals, params } = event;
		const result = await apiFormResult(api(locals).content.remove({ id: itemId(event) }), event);
		if (!result.ok) return result.failure;
		const storage = mediaStorage();
		await Promise.all(result.value.attachmentKeys.map((key) => storage.delete(key)));
		const { image } = result.value;
		if (image?.width) await deleteImage(storage, image.key, image.width);
		redirect(303, `${basePath(ownerFor(locals, params))}/redaktor/sidor?borttagen=1`);
	},
	...imageActions({
		id: (params) => idParam(params.id, NOT_FOUND),
		set: ({ locals }, input) => api(locals).content.setImage(input),
		remove: ({ locals }, input) => api(locals).content.removeImage(input)
	}),
	...attachmentActions({
		id: (params) => idParam(params.id, NOT_FOUND),
		add: ({ locals }, id, stored) =>
			api(locals).content.addAttachment({ id, key: stored.key, filename: stored.filename, size: stored.size }),
		remove: ({ locals }, id, attachmentId) => api(locals).content.removeAttachment({ id, attachmentId })
	}),
	restore: async (event: RequestEvent) => {
		const form = await event.request.formData();
		const input = {
			id: itemId(event),
			revisionId: Number(form.get('revisionId')),
			version: Number(form.get('version'))
		};
		const result = await apiFormResult(api(event.locals).content.restore(input), event);
		if (!result.ok) return result.failure;
		return { saved: true, message: `Version ${form.get('revisionVersion')} är återställd som en ny version.` };
	}
};

export type PageEditorListData = Awaited<ReturnType<typeof loadPageEditorList>>;
export type PageEditorItemData = Awaited<ReturnType<typeof loadPageEditorItem>>;
