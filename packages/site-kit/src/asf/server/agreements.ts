import { error, redirect, type RequestEvent, type RequestHandler, type ServerLoadEvent } from '@sveltejs/kit';
import { whoBuysWhatTable, type RouterInputs } from '@regionportalen/api';
import { ASF_PLACE_KINDS } from '@regionportalen/db';
import {
	api,
	apiFormResult,
	csvResponse,
	idParam,
	loginUrl,
	orErrorPage,
	ownerFor,
	type SiteLocals
} from '../../core/server/index.ts';

// The agreements on the hub: the region's list with who buys what (and its CSV), a new agreement,
// and an agreement's page with its fields, places and documents. Every check happens in the API;
// these only translate forms to calls and refusals to messages, keeping what was typed.

type Fields = RouterInputs['asf']['agreementCreate']['fields'];
type Places = RouterInputs['asf']['agreementSetPlaces']['places'];

const NOT_FOUND = 'Avtalet finns inte.';
const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
/** A number as typed ("480 000" too); empty is NaN, which the API refuses with its own message. */
const number = (value: string) => (value === '' ? Number.NaN : Number(value.replace(/[\s\u00a0]/g, '')));
const optionalId = (value: string) => (value === '' ? null : number(value));
const optionalNumber = (value: string) => (value === '' ? null : number(value));

/** The agreement's fields from its form (the same names as the API's). */
export function agreementFieldsFrom(form: FormData): Fields {
	return {
		enterpriseId: number(text(form, 'enterpriseId')),
		title: text(form, 'title'),
		buyerKind: text(form, 'buyerKind') as Fields['buyerKind'],
		buyerForbundId: optionalId(text(form, 'buyerForbundId')),
		buyerProjectId: optionalId(text(form, 'buyerProjectId')),
		buyerMunicipality: text(form, 'buyerMunicipality'),
		form: text(form, 'form') as Fields['form'],
		startsOn: text(form, 'startsOn'),
		endsOn: text(form, 'endsOn'),
		extension: text(form, 'extension'),
		status: (text(form, 'status') || 'utkast') as Fields['status'],
		insatsId: optionalId(text(form, 'insatsId')),
		projectId: optionalId(text(form, 'projectId')),
		valueSek: optionalNumber(text(form, 'valueSek')),
		pricePerDaySek: optionalNumber(text(form, 'pricePerDaySek')),
		diarienummer: text(form, 'diarienummer'),
		notes: text(form, 'notes')
	};
}

/** Every kind with a number above zero; a kind left at 0 or empty funds nothing. */
export function agreementPlacesFrom(form: FormData): Places {
	return ASF_PLACE_KINDS.flatMap((kind) => {
		const value = text(form, `places-${kind}`);
		return value === '' || value === '0' ? [] : [{ kind, places: number(value) }];
	});
}

/** What was typed, to fill the form again after a refusal. */
const typed = (form: FormData) =>
	Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === 'string').map(([k, v]) => [k, String(v)]));

function hubRegion(locals: SiteLocals, params: Partial<Record<string, string>>, url: URL) {
	if (!locals.user) redirect(303, loginUrl(url));
	if (locals.site.kind !== 'hub') error(404, 'Sidan finns inte.');
	const owner = ownerFor(locals, params);
	return 'region' in owner ? owner.region : '';
}

/** The year of ?ar=, or undefined for all years (an unreadable year is all years, not an error). */
function yearOf(url: URL): number | undefined {
	const raw = url.searchParams.get('ar') ?? '';
	const year = Number(raw);
	return /^\d{4}$/.test(raw) && year >= 2000 && year <= 2100 ? year : undefined;
}

export async function loadAgreements({ locals, params, url }: ServerLoadEvent) {
	const region = hubRegion(locals, params, url);
	const caller = api(locals);
	const year = yearOf(url);
	const [list, who] = await Promise.all([
		orErrorPage(caller.asf.agreementList({ region }), url),
		orErrorPage(caller.asf.agreementWhoBuysWhat({ region, year }), url)
	]);
	return { ...list, who, year: year ?? null, base: `/${region}` };
}
export type AgreementsData = Awaited<ReturnType<typeof loadAgreements>>;

/** avtal/vem-koper-vad.csv: who buys what for Swedish Excel, for the year of ?ar= or all years. */
export const whoBuysWhatCsv: RequestHandler = async ({ locals, params, url }) => {
	const region = hubRegion(locals as SiteLocals, params, url);
	const year = yearOf(url);
	const who = await orErrorPage(api(locals as SiteLocals).asf.agreementWhoBuysWhat({ region, year }), url);
	const response = csvResponse(whoBuysWhatTable(who.items), `vem-koper-vad-${region}-${year ?? 'alla-ar'}.csv`);
	// Internal figures: never kept by a shared cache.
	response.headers.set('cache-control', 'private, no-store');
	return response;
};

async function formOptions(locals: SiteLocals, region: string, url: URL) {
	return orErrorPage(api(locals).asf.agreementOptions({ region }), url);
}
export type AgreementOptions = Awaited<ReturnType<typeof formOptions>>;

export async function loadAgreementNew({ locals, params, url }: ServerLoadEvent) {
	const region = hubRegion(locals, params, url);
	const options = await formOptions(locals, region, url);
	const enterprise = Number(url.searchParams.get('foretag'));
	return { options, base: `/${region}`, enterpriseId: Number.isInteger(enterprise) ? enterprise : null };
}
export type AgreementNewData = Awaited<ReturnType<typeof loadAgreementNew>>;

export const agreementNewActions = {
	default: async (event: RequestEvent) => {
		const region = hubRegion(event.locals, event.params, event.url);
		const form = await event.request.formData();
		const call = api(event.locals).asf.agreementCreate({
			region,
			fields: agreementFieldsFrom(form),
			places: agreementPlacesFrom(form)
		});
		const result = await apiFormResult(call, event, { values: typed(form) });
		if (!result.ok) return result.failure;
		redirect(303, `/${region}/asf/avtal/${result.value.agreement.id}?skapat=1`);
	}
};

export async function loadAgreementItem({ locals, params, url }: ServerLoadEvent) {
	const region = hubRegion(locals, params, url);
	const caller = api(locals);
	const id = idParam(params.id, NOT_FOUND);
	const [item, regionRow] = await Promise.all([
		orErrorPage(caller.asf.agreementGet({ id }), url),
		orErrorPage(caller.sites.region({ slug: region }), url)
	]);
	// Another region's agreement is not this region's page.
	if (item.agreement.region_id !== regionRow.id) error(404, NOT_FOUND);
	// The form's choices only for the one who may change it; the insatspersonal read the page.
	const options = item.canKeep ? await formOptions(locals, region, url) : null;
	return { ...item, options, base: `/${region}`, created: url.searchParams.has('skapat') };
}
export type AgreementItemData = Awaited<ReturnType<typeof loadAgreementItem>>;

export const agreementItemActions = {
	save: async (event: RequestEvent) => {
		const form = await event.request.formData();
		const input = {
			id: idParam(event.params.id, NOT_FOUND),
			version: Number(form.get('version')),
			fields: agreementFieldsFrom(form)
		};
		const result = await apiFormResult(api(event.locals).asf.agreementUpdate(input), event, { values: typed(form) });
		if (!result.ok) return result.failure;
		return { saved: true, message: 'Avtalet är sparat.' };
	},
	places: async (event: RequestEvent) => {
		const form = await event.request.formData();
		const call = api(event.locals).asf.agreementSetPlaces({
			id: idParam(event.params.id, NOT_FOUND),
			places: agreementPlacesFrom(form)
		});
		const result = await apiFormResult(call, event, { places: typed(form) });
		if (!result.ok) return result.failure;
		return { saved: true, message: 'Platserna är sparade.' };
	},
	link: async (event: RequestEvent) => {
		const form = await event.request.formData();
		const call = api(event.locals).asf.agreementLinkDocument({
			id: idParam(event.params.id, NOT_FOUND),
			documentId: number(text(form, 'documentId'))
		});
		const result = await apiFormResult(call, event);
		if (!result.ok) return result.failure;
		return { saved: true, message: 'Dokumentet är kopplat till avtalet.' };
	},
	unlink: async (event: RequestEvent) => {
		const form = await event.request.formData();
		const call = api(event.locals).asf.agreementUnlinkDocument({
			id: idParam(event.params.id, NOT_FOUND),
			documentId: number(text(form, 'documentId'))
		});
		const result = await apiFormResult(call, event);
		if (!result.ok) return result.failure;
		return { saved: true, message: 'Dokumentet är borttaget från avtalet.' };
	}
};
