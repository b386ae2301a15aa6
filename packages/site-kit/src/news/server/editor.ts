import { error, fail, redirect, type RequestEvent, type ServerLoadEvent } from '@sveltejs/kit';
import { mediaUrl } from '@regionportalen/media';
import {
	api,
	apiFormResult,
	attachmentActions,
	basePath,
	editorImage,
	formatDateTime,
	fromStockholmLocal,
	imageActions,
	loginUrl,
	orErrorPage,
	ownerFor,
	toStockholmLocal
} from '../../core/server/index.ts';

// The editor pages: a list of the owner's news with a form for a new draft, and one item's edit
// page with save, preview, publish, schedule, unpublish, archive and restore. Every check happens
// in the API; these only translate forms to calls and refusals to messages.

function fieldsFrom(form: FormData) {
	const text = (name: string) => String(form.get(name) ?? '');
	return {
		title: text('title'),
		lead: text('lead'),
		body: text('body'),
		tags: text('tags')
			.split(',')
			.map((t) => t.trim())
			.filter(Boolean),
		sharedWithRegion: form.get('sharedWithRegion') === 'on',
		imageAlt: text('imageAlt'),
		imageCaption: text('imageCaption'),
		contactName: text('contactName'),
		contactEmail: text('contactEmail'),
		insatsId: Number(text('insatsId')) || null,
		projectId: Number(text('projectId')) || null
	};
}

/** What the form shows again after a refused save: as typed. */
function formValues(fields: ReturnType<typeof fieldsFrom>) {
	return {
		...fields,
		tags: fields.tags.join(', '),
		insatsId: fields.insatsId ?? undefined,
		projectId: fields.projectId ?? undefined
	};
}

export async function loadEditorList({ locals, url, params }: ServerLoadEvent) {
	if (!locals.user) redirect(303, loginUrl(url));
	const owner = ownerFor(locals, params);
	const caller = api(locals);
	const [items, insatser, projects] = await Promise.all([
		orErrorPage(caller.news.forEditing({ owner }), url),
		orErrorPage(caller.news.insatsChoices({ owner }), url),
		orErrorPage(caller.news.projectChoices({ owner }), url)
	]);
	return { items, insatser, projects, base: basePath(owner), canShare: 'forbund' in owner };
}

export async function loadEditorItem({ locals, url, params }: ServerLoadEvent) {
	if (!locals.user) redirect(303, loginUrl(url));
	const owner = ownerFor(locals, params);
	const id = Number(params.id);
	if (!Number.isInteger(id) || id < 1) error(404, 'Nyheten finns inte.');
	const caller = api(locals);
	const item = await orErrorPage(caller.news.byId({ id }), url);
	const belongsHere = 'forbund' in owner ? item.forbund_id !== null : item.forbund_id === null;
	if (!belongsHere) error(404, 'Nyheten finns inte.');
	const [revisions, attachments, insatser, projects] = await Promise.all([
		orErrorPage(caller.news.revisions({ id }), url),
		orErrorPage(caller.news.attachments({ id }), url),
		orErrorPage(caller.news.insatsChoices({ owner }), url),
		orErrorPage(caller.news.projectChoices({ owner }), url)
	]);
	return {
		item,
		revisions,
		attachments: attachments.map((a) => ({ ...a, url: mediaUrl(a.storage_key) })),
		insatser,
		projects,
		image: editorImage(item),
		scheduledFor: item.status === 'scheduled' && item.published_at ? toStockholmLocal(item.published_at) : '',
		base: basePath(owner),
		canShare: 'forbund' in owner
	};
}

export const editorListActions = {
	create: async (event: RequestEvent) => {
		const { request, locals, url, params } = event;
		const owner = ownerFor(locals, params);
		const fields = fieldsFrom(await request.formData());
		const result = await apiFormResult(api(locals).news.create({ ...fields, owner }), event, formValues(fields));
		if (!result.ok) return result.failure;
		redirect(303, `${basePath(owner)}/redaktor/${result.value.id}?skapad=1`);
	}
};

export const editorItemActions = {
	save: async (event: RequestEvent) => {
		const { request, locals, url, params } = event;
		const form = await request.formData();
		const fields = fieldsFrom(form);
		const id = Number(params.id);
		const version = Number(form.get('version'));
		const result = await apiFormResult(api(locals).news.update({ ...fields, id, version }), event, formValues(fields));
		if (!result.ok) return result.failure;
		return { saved: true, message: 'Ändringarna är sparade.' };
	},
	/** Without JavaScript, the preview is a round trip that keeps everything typed. */
	preview: async (event: RequestEvent) => {
		const { request, locals, url } = event;
		const fields = fieldsFrom(await request.formData());
		const result = await apiFormResult(api(locals).news.preview({ body: fields.body }), event, formValues(fields));
		if (!result.ok) return result.failure;
		return { ...formValues(fields), previewHtml: result.value.html };
	},
	publish: async (event: RequestEvent) => {
		const { locals, url, params } = event;
		const result = await apiFormResult(api(locals).news.publish({ id: Number(params.id) }), event, {});
		if (!result.ok) return result.failure;
		return { saved: true, message: 'Nyheten är publicerad.' };
	},
	schedule: async (event: RequestEvent) => {
		const { request, locals, url, params } = event;
		const value = String((await request.formData()).get('publishAt') ?? '');
		const publishAt = fromStockholmLocal(value);
		if (!publishAt) return fail(400, { message: 'Ange datum och tid för publiceringen.' });
		const result = await apiFormResult(api(locals).news.schedule({ id: Number(params.id), publishAt }), event, {});
		if (!result.ok) return result.failure;
		return { saved: true, message: `Nyheten publiceras ${formatDateTime(publishAt)}.` };
	},
	unpublish: async (event: RequestEvent) => {
		const { locals, url, params } = event;
		const result = await apiFormResult(api(locals).news.unpublish({ id: Number(params.id) }), event, {});
		if (!result.ok) return result.failure;
		return { saved: true, message: 'Nyheten är avpublicerad och syns inte längre för besökare.' };
	},
	archive: async (event: RequestEvent) => {
		const { locals, url, params } = event;
		const result = await apiFormResult(api(locals).news.archive({ id: Number(params.id) }), event, {});
		if (!result.ok) return result.failure;
		return { saved: true, message: 'Nyheten är arkiverad: den finns kvar här men visas inte för besökare.' };
	},
	...imageActions({
		id: (params) => Number(params.id),
		set: ({ locals }, input) => api(locals).news.setImage(input),
		remove: ({ locals }, input) => api(locals).news.removeImage(input)
	}),
	...attachmentActions({
		id: (params) => Number(params.id),
		add: ({ locals }, id, stored) =>
			api(locals).news.addAttachment({ id, key: stored.key, filename: stored.filename, size: stored.size }),
		remove: ({ locals }, id, attachmentId) => api(locals).news.removeAttachment({ id, attachmentId })
	}),
	restore: async (event: RequestEvent) => {
		const { request, locals, url, params } = event;
		const form = await request.formData();
		const input = {
			id: Number(params.id),
			revisionId: Number(form.get('revisionId')),
			version: Number(form.get('version'))
		};
		const result = await apiFormResult(api(locals).news.restore(input), event, {});
		if (!result.ok) return result.failure;
		return { saved: true, message: `Version ${form.get('revisionVersion')} är återställd som en ny version.` };
	}
};

export type EditorListData = Awaited<ReturnType<typeof loadEditorList>>;
export type EditorItemData = Awaited<ReturnType<typeof loadEditorItem>>;
