import { error, redirect, type RequestEvent, type ServerLoadEvent } from '@sveltejs/kit';
import type { RouterInputs } from '@regionportalen/api';
import { ASF_CRITERIA, ASF_PLACE_KINDS } from '@regionportalen/db';
import {
	api,
	apiFormResult,
	editorImage,
	idParam,
	imageActions,
	loginUrl,
	orErrorPage,
	ownerFor,
	type SiteLocals
} from '../../core/server/index.ts';

// The register the region's ASF-samordnare keeps, on the hub: the list with the stale counts and the
// CSV import, a new enterprise, and an enterprise's page with its fields, its places and its link.
// Every check happens in the API; these only translate forms to calls and refusals to messages.

type Fields = RouterInputs['asf']['create']['fields'];
/** The most rows of a repeated part (contacts, workplaces, staffing years) a form can carry. */
export const MAX_ROWS = 20;

const NOT_FOUND = 'Företaget finns inte.';
const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
const int = (value: string) => (value === '' ? Number.NaN : Number(value.replace(/\s/g, '')));
const rows = <T>(form: FormData, prefix: string, read: (i: number) => T | null): T[] =>
	Array.from({ length: MAX_ROWS }, (_, i) =>
		form.has(`${prefix}-${i}-name`) || form.has(`${prefix}-${i}-year`) ? read(i) : null
	).filter((row): row is T => row !== null);

/** The enterprise's fields from the register's form (the same names as the API's). */
export function enterpriseFieldsFrom(form: FormData): Fields {
	return {
		name: text(form, 'name'),
		orgNumber: text(form, 'orgNumber'),
		legalForm: text(form, 'legalForm') as Fields['legalForm'],
		businessLines: form.getAll('businessLines').map(String) as Fields['businessLines'],
		municipalities: text(form, 'municipalities')
			.split(/[,\n]/)
			.map((m) => m.trim())
			.filter(Boolean),
		criteria: Object.fromEntries(
			ASF_CRITERIA.map((c) => [
				c,
				{ met: text(form, `criteria-${c}-met`) === 'ja', note: text(form, `criteria-${c}-note`) }
			])
		) as Fields['criteria'],
		skoopiMember: text(form, 'skoopiMember') === 'ja',
		certifiedOn: text(form, 'certifiedOn') || null,
		targetGroups: form.getAll('targetGroups').map(String) as Fields['targetGroups'],
		followUp: form.getAll('followUp').map(String) as Fields['followUp'],
		followUpNote: text(form, 'followUpNote'),
		contacts: rows(form, 'contacts', (i) => {
			const c = {
				role: (text(form, `contacts-${i}-role`) || 'verksamhetsansvarig') as 'verksamhetsansvarig',
				name: text(form, `contacts-${i}-name`),
				email: text(form, `contacts-${i}-email`),
				phone: text(form, `contacts-${i}-phone`)
			};
			return c.name || c.email || c.phone ? c : null;
		}),
		summary: text(form, 'summary'),
		description: text(form, 'description'),
		website: text(form, 'website'),
		active: text(form, 'active') !== 'nej',
		workplaces: rows(form, 'workplaces', (i) => {
			const w = {
				name: text(form, `workplaces-${i}-name`),
				street: text(form, `workplaces-${i}-street`),
				postalCode: text(form, `workplaces-${i}-postalCode`),
				city: text(form, `workplaces-${i}-city`),
				municipality: text(form, `workplaces-${i}-municipality`)
			};
			return w.name || w.street || w.city || w.municipality ? w : null;
		}),
		staffing: rows(form, 'staffing', (i) => {
			const year = text(form, `staffing-${i}-year`);
			if (!year) return null;
			return {
				year: int(year),
				employees: int(text(form, `staffing-${i}-employees`)),
				fromTargetGroups: int(text(form, `staffing-${i}-fromTargetGroups`))
			};
		})
	};
}
export type EnterpriseFormValues = ReturnType<typeof enterpriseFieldsFrom>;

function hubRegion(locals: SiteLocals, params: Partial<Record<string, string>>, url: URL) {
	if (!locals.user) redirect(303, loginUrl(url));
	if (locals.site.kind !== 'hub') error(404, 'Sidan finns inte.');
	const owner = ownerFor(locals, params);
	return 'region' in owner ? owner.region : '';
}

export async function loadRegister({ locals, params, url }: ServerLoadEvent) {
	const region = hubRegion(locals, params, url);
	const [register, agreementsEnding] = await Promise.all([
		orErrorPage(api(locals).asf.register({ region }), url),
		orErrorPage(api(locals).asf.agreementEnding({ region }), url)
	]);
	return { ...register, agreementsEnding, base: `/${region}`, now: Date.now() };
}
export type RegisterData = Awaited<ReturnType<typeof loadRegister>>;

export const registerActions = {
	/** The CSV list, all rows or none. */
	import: async (event: RequestEvent) => {
		const region = hubRegion(event.locals, event.params, event.url);
		const form = await event.request.formData();
		const file = form.get('file');
		const csv = file instanceof File && file.size > 0 ? await file.text() : '';
		const result = await apiFormResult(api(event.locals).asf.importCsv({ region, csv }), event);
		if (!result.ok) return result.failure;
		const { created, updated, errors } = result.value;
		if (errors.length)
			return { importErrors: errors, message: 'Inget importerades: rätta raderna nedan och försök igen.' };
		return { saved: true, message: `Importen är klar: ${created} nya och ${updated} uppdaterade företag.` };
	}
};

export async function loadRegisterNew({ locals, params, url }: ServerLoadEvent) {
	const region = hubRegion(locals, params, url);
	const register = await orErrorPage(api(locals).asf.register({ region }), url);
	return { base: `/${region}`, regionName: register.regionName };
}
export type RegisterNewData = Awaited<ReturnType<typeof loadRegisterNew>>;

export const registerNewActions = {
	default: async (event: RequestEvent) => {
		const region = hubRegion(event.locals, event.params, event.url);
		const fields = enterpriseFieldsFrom(await event.request.formData());
		const result = await apiFormResult(api(event.locals).asf.create({ region, fields }), event, { values: fields });
		if (!result.ok) return result.failure;
		redirect(303, `/${region}/asf/register/${result.value.id}?skapat=1`);
	}
};

export async function loadRegisterItem({ locals, params, url }: ServerLoadEvent) {
	const region = hubRegion(locals, params, url);
	const caller = api(locals);
	const id = idParam(params.id, NOT_FOUND);
	const [item, regionRow] = await Promise.all([
		orErrorPage(caller.asf.get({ id }), url),
		orErrorPage(caller.sites.region({ slug: region }), url)
	]);
	// Another region's enterprise is not this region's page.
	if (item.enterprise.region_id !== regionRow.id) error(404, NOT_FOUND);
	return {
		...item,
		image: editorImage(item.enterprise),
		base: `/${region}`,
		created: url.searchParams.has('skapat'),
		now: Date.now()
	};
}
export type RegisterItemData = Awaited<ReturnType<typeof loadRegisterItem>>;

export const registerItemActions = {
	...imageActions({
		id: (params) => idParam(params.id, NOT_FOUND),
		set: ({ locals }, input) => api(locals).asf.setImage(input),
		remove: ({ locals }, input) => api(locals).asf.removeImage(input)
	}),
	save: async (event: RequestEvent) => {
		const form = await event.request.formData();
		const fields = enterpriseFieldsFrom(form);
		const input = { id: idParam(event.params.id, NOT_FOUND), version: Number(form.get('version')), fields };
		const result = await apiFormResult(api(event.locals).asf.update(input), event, { values: fields });
		if (!result.ok) return result.failure;
		return { saved: true, message: 'Ändringarna är sparade.' };
	},
	/** Every kind with a maximum above zero is kept; a kind left at 0 (or empty) is removed. */
	places: async (event: RequestEvent) => {
		const form = await event.request.formData();
		const places = ASF_PLACE_KINDS.flatMap((kind) => {
			const max = text(form, `max-${kind}`);
			if (max === '' || max === '0') return [];
			return [{ kind, max: int(max), free: int(text(form, `free-${kind}`) || '0') }];
		});
		const values = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
		const call = api(event.locals).asf.setPlaces({ id: idParam(event.params.id, NOT_FOUND), places });
		const result = await apiFormResult(call, event, { places: values });
		if (!result.ok) return result.failure;
		return { saved: true, message: 'Platserna är sparade.' };
	},
	link: async (event: RequestEvent) => {
		const call = api(event.locals).asf.renewLink({ id: idParam(event.params.id, NOT_FOUND) });
		const result = await apiFormResult(call, event);
		if (!result.ok) return result.failure;
		return { saved: true, message: 'En ny länk är skapad. Den gamla fungerar inte längre.' };
	}
};
