import { error, fail, redirect, type RequestEvent, type ServerLoadEvent } from '@sveltejs/kit';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { api } from '../api.ts';
import { loginUrl, orErrorPage } from '../errors.ts';
import { basePath, ownerFor } from '../owner.ts';

// The editor pages: a list of the owner's news with a form for a new draft, and one item's edit
// page with save, publish and unpublish. Every check happens in the API; these only translate.

function fieldsFrom(form: FormData) {
	return {
		title: String(form.get('title') ?? ''),
		lead: String(form.get('lead') ?? ''),
		body: String(form.get('body') ?? ''),
		sharedWithRegion: form.get('sharedWithRegion') === 'on'
	};
}

/** An API refusal as a form failure, keeping what was typed so nothing is lost. */
async function asFormResult<T>(call: Promise<T>, url: URL, values: Record<string, unknown>) {
	try {
		return { ok: true as const, value: await call };
	} catch (e) {
		if (!(e instanceof TRPCError)) throw e;
		if (e.code === 'UNAUTHORIZED') redirect(303, loginUrl(url));
		const issues =
			e.code === 'BAD_REQUEST' && e.cause && 'issues' in e.cause ? (e.cause.issues as { message: string }[]) : null;
		const message = issues?.map((i) => i.message).join(' ') || e.message;
		return { ok: false as const, failure: fail(getHTTPStatusCodeFromError(e), { ...values, message }) };
	}
}

export async function loadEditorList({ locals, url, params }: ServerLoadEvent) {
	if (!locals.user) redirect(303, loginUrl(url));
	const owner = ownerFor(locals, params);
	const items = await orErrorPage(api(locals).news.forEditing({ owner }), url);
	return { items, base: basePath(owner), canShare: 'forbund' in owner };
}

export async function loadEditorItem({ locals, url, params }: ServerLoadEvent) {
	if (!locals.user) redirect(303, loginUrl(url));
	const owner = ownerFor(locals, params);
	const id = Number(params.id);
	if (!Number.isInteger(id) || id < 1) error(404, 'Nyheten finns inte.');
	const item = await orErrorPage(api(locals).news.byId({ id }), url);
	const belongsHere = 'forbund' in owner ? item.forbund_id !== null : item.forbund_id === null;
	if (!belongsHere) error(404, 'Nyheten finns inte.');
	return { item, base: basePath(owner), canShare: 'forbund' in owner };
}

export const editorListActions = {
	create: async ({ request, locals, url, params }: RequestEvent) => {
		const owner = ownerFor(locals, params);
		const fields = fieldsFrom(await request.formData());
		const result = await asFormResult(api(locals).news.create({ ...fields, owner }), url, fields);
		if (!result.ok) return result.failure;
		redirect(303, `${basePath(owner)}/redaktor/${result.value.id}?skapad=1`);
	}
};

export const editorItemActions = {
	save: async ({ request, locals, url, params }: RequestEvent) => {
		const form = await request.formData();
		const fields = fieldsFrom(form);
		const id = Number(params.id);
		const version = Number(form.get('version'));
		const result = await asFormResult(api(locals).news.update({ ...fields, id, version }), url, fields);
		if (!result.ok) return result.failure;
		return { saved: true, message: 'Ändringarna är sparade.' };
	},
	publish: async ({ locals, url, params }: RequestEvent) => {
		const result = await asFormResult(api(locals).news.publish({ id: Number(params.id) }), url, {});
		if (!result.ok) return result.failure;
		return { saved: true, message: 'Nyheten är publicerad.' };
	},
	unpublish: async ({ locals, url, params }: RequestEvent) => {
		const result = await asFormResult(api(locals).news.unpublish({ id: Number(params.id) }), url, {});
		if (!result.ok) return result.failure;
		return { saved: true, message: 'Nyheten är avpublicerad och syns inte längre för besökare.' };
	}
};

export type EditorListData = Awaited<ReturnType<typeof loadEditorList>>;
export type EditorItemData = Awaited<ReturnType<typeof loadEditorItem>>;
