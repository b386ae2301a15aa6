import { error, redirect, type RequestEvent, type ServerLoadEvent } from '@sveltejs/kit';
import type { RouterInputs } from '@regionportalen/api';
import {
	api,
	apiFormResult,
	basePath,
	idParam,
	loginUrl,
	orErrorPage,
	ownerFor,
	type SiteLocals
} from '../../core/server/index.ts';

// The place requests' pages, on a förbund's site (its own requests, and the form to ask) and on the
// hub (the region's, where the ASF-samordnare moves them on), and the regional overview of free
// places and open requests. Nothing here is public: every page needs a signed-in ASF staff member,
// checked by the API, and no cache keeps them.

type Fields = RouterInputs['asf']['askForPlace']['fields'];
type Status = RouterInputs['asf']['requests']['status'];

const NOT_FOUND = 'Förfrågan finns inte.';
const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

function staffPage(
	{ locals, params, url, setHeaders }: Pick<ServerLoadEvent, 'locals' | 'params' | 'url' | 'setHeaders'>,
	{ forbundOnly = false } = {}
) {
	if (!locals.user) redirect(303, loginUrl(url));
	if (forbundOnly && locals.site.kind !== 'forbund') error(404, 'Sidan finns inte.');
	setHeaders({ 'cache-control': 'private, no-store' });
	const owner = ownerFor(locals as SiteLocals, params);
	return { owner, base: basePath(owner) };
}

/** The request's fields from the form (the same names as the API's). */
export function requestFieldsFrom(form: FormData): Fields {
	return {
		placeKind: text(form, 'placeKind') as Fields['placeKind'],
		ageBand: text(form, 'ageBand') as Fields['ageBand'],
		needs: form.getAll('needs').map(String) as Fields['needs'],
		description: text(form, 'description'),
		municipality: text(form, 'municipality'),
		wishedStart: text(form, 'wishedStart')
	};
}
export type RequestFormValues = ReturnType<typeof requestFieldsFrom>;

const STATUSES: Status[] = ['oppna', 'stangda', 'alla'];

export async function loadRequests(event: ServerLoadEvent) {
	const { owner, base } = staffPage(event);
	const wanted = event.url.searchParams.get('visa') as Status | null;
	const status = wanted && STATUSES.includes(wanted) ? wanted : 'oppna';
	const found = await orErrorPage(api(event.locals).asf.requests({ owner, status }), event.url);
	return { ...found, status, base, onHub: 'region' in owner };
}
export type RequestsData = Awaited<ReturnType<typeof loadRequests>>;

export async function loadRequestNew(event: ServerLoadEvent) {
	const { owner, base } = staffPage(event, { forbundOnly: true });
	const caller = api(event.locals);
	const [found, forbund] = await Promise.all([
		orErrorPage(caller.asf.requests({ owner, status: 'oppna' }), event.url),
		orErrorPage(caller.sites.forbund({ slug: 'forbund' in owner ? owner.forbund : '' }), event.url)
	]);
	if (!found.canAsk) error(403, 'Bara förbundets insatspersonal frågar efter platser.');
	return { base, municipalities: forbund.municipalities };
}
export type RequestNewData = Awaited<ReturnType<typeof loadRequestNew>>;

export const requestNewActions = {
	default: async (event: RequestEvent) => {
		const { locals } = event;
		if (locals.site.kind !== 'forbund') error(404, 'Sidan finns inte.');
		const fields = requestFieldsFrom(await event.request.formData());
		const call = api(locals).asf.askForPlace({ forbund: locals.site.forbund, fields });
		const result = await apiFormResult(call, event, { values: fields });
		if (!result.ok) return result.failure;
		redirect(303, `/asf/forfragningar/${result.value.id}?skickad=1`);
	}
};

export async function loadRequest(event: ServerLoadEvent) {
	const { owner, base } = staffPage(event);
	const id = idParam(event.params.id, NOT_FOUND);
	const found = await orErrorPage(api(event.locals).asf.request({ owner, id }), event.url);
	return { ...found, base, sent: event.url.searchParams.has('skickad') };
}
export type RequestData = Awaited<ReturnType<typeof loadRequest>>;

const stepInput = (event: RequestEvent, form: FormData) => ({
	id: idParam(event.params.id, NOT_FOUND),
	version: Number(form.get('version')),
	note: text(form, 'note')
});

/** A date and a time from the form's two fields (date and time inputs work everywhere, also without JS). */
const happenedAt = (form: FormData) => `${text(form, 'date')}T${text(form, 'time') || '00:00'}`;

export const requestActions = {
	propose: async (event: RequestEvent) => {
		const form = await event.request.formData();
		const input = { ...stepInput(event, form), enterpriseId: Number(text(form, 'enterpriseId')) };
		const result = await apiFormResult(api(event.locals).asf.proposeEnterprise(input), event, {
			action: 'propose',
			note: input.note
		});
		if (!result.ok) return result.failure;
		return { saved: true, message: 'Förslaget är sparat, och den som frågade har fått ett mejl.' };
	},
	step: async (event: RequestEvent) => {
		const form = await event.request.formData();
		const step = text(form, 'step') as RouterInputs['asf']['recordRequestStep']['step'];
		const input = { ...stepInput(event, form), step, happenedAt: happenedAt(form) };
		const values = { action: 'step', note: input.note, step, date: text(form, 'date'), time: text(form, 'time') };
		const result = await apiFormResult(api(event.locals).asf.recordRequestStep(input), event, values);
		if (!result.ok) return result.failure;
		return { saved: true, message: 'Steget är sparat, och den som frågade har fått ett mejl.' };
	},
	withdraw: async (event: RequestEvent) => {
		const form = await event.request.formData();
		const result = await apiFormResult(api(event.locals).asf.withdrawRequest(stepInput(event, form)), event, {
			action: 'withdraw'
		});
		if (!result.ok) return result.failure;
		return { saved: true, message: 'Förfrågan är återkallad.' };
	}
};

export async function loadPlaceOverview(event: ServerLoadEvent) {
	const { owner, base } = staffPage(event);
	const overview = await orErrorPage(api(event.locals).asf.placeOverview({ owner }), event.url);
	return { ...overview, base, now: Date.now() };
}
export type PlaceOverviewData = Awaited<ReturnType<typeof loadPlaceOverview>>;
