import { error, fail, redirect, type RequestEvent, type ServerLoadEvent } from '@sveltejs/kit';
import { MAX_ATTACHMENT_BYTES, MediaError, mediaUrl, storeAttachment } from '@regionportalen/media';
import type { RouterInputs } from '@regionportalen/api';
import {
	api,
	apiFormResult,
	idParam,
	loginUrl,
	mediaStorage,
	orErrorPage,
	type SiteLocals
} from '../../core/server/index.ts';

// The editor's pages of insatser on a förbund's site: the list, a new insats, one insats (its text,
// categories, state, years, referral form, review and revisions), and the approvers' admin page.
// Every check happens in the API; these only translate forms to calls and refusals to messages.

type Fields = RouterInputs['insatser']['create'];
/** Rows of organisations and contacts the form offers (blank rows are left out). */
export const PROVIDER_ROWS = 3;
export const CONTACT_ROWS = 2;

const numberOrNull = (value: FormDataEntryValue | null) => {
	const text = String(value ?? '').trim();
	return text === '' ? null : Number(text.replace(/\s/g, ''));
};

/** The insats's fields from the editor's form (the same names as the API's). */
export function fieldsFrom(form: FormData): Omit<Fields, 'forbund'> {
	const text = (name: string) => String(form.get(name) ?? '').trim();
	const rows = (count: number) => Array.from({ length: count }, (_, i) => i);
	return {
		name: text('name'),
		summary: text('summary'),
		description: text('description'),
		inriktning: text('inriktning') as Fields['inriktning'],
		preciseCategoryId: Number(text('preciseCategoryId')),
		followUp: text('followUp') as Fields['followUp'],
		esf: text('esf') === 'ja',
		targetGroups: form.getAll('targetGroups').map(String) as NonNullable<Fields['targetGroups']>,
		ageMin: numberOrNull(form.get('ageMin')),
		ageMax: numberOrNull(form.get('ageMax')),
		municipalities: form.getAll('municipalities').map(String),
		providers: rows(PROVIDER_ROWS)
			.map((i) => ({
				organisation: text(`providers-${i}-organisation`),
				role: text(`providers-${i}-role`) as 'huvudman',
				kind: text(`providers-${i}-kind`) as 'kommun'
			}))
			.filter((p) => p.organisation !== ''),
		// Left out, the API's default (through a handläggare) applies.
		accessVia: (text('accessVia') || undefined) as Fields['accessVia'],
		accessText: text('accessText'),
		contacts: rows(CONTACT_ROWS)
			.map((i) => ({
				name: text(`contacts-${i}-name`),
				title: text(`contacts-${i}-title`),
				email: text(`contacts-${i}-email`),
				phone: text(`contacts-${i}-phone`)
			}))
			.filter((c) => c.name !== '' || c.email !== '' || c.phone !== ''),
		places: text('places'),
		periodStart: text('periodStart') || null,
		periodEnd: text('periodEnd') || null
	};
}
export type InsatsFormValues = ReturnType<typeof fieldsFrom>;

function forbundOf(locals: SiteLocals) {
	if (locals.site.kind !== 'forbund') error(404, 'Sidan finns inte.');
	return locals.site.forbund;
}

export async function loadInsatsEditorList({ locals, url }: ServerLoadEvent) {
	if (!locals.user) redirect(303, loginUrl(url));
	const forbund = forbundOf(locals);
	return orErrorPage(api(locals).insatser.forEditing({ forbund }), url);
}

/** The phase chosen in a form (or the address's ?delprojekt=), or null. */
const phaseOf = (value: FormDataEntryValue | string | null) => {
	const n = Number(String(value ?? '').trim());
	return Number.isInteger(n) && n > 0 ? n : null;
};

export async function loadInsatsNew({ locals, url }: ServerLoadEvent) {
	if (!locals.user) redirect(303, loginUrl(url));
	const forbund = forbundOf(locals);
	const caller = api(locals);
	const [choices, delprojekt] = await Promise.all([
		orErrorPage(caller.insatser.editorChoices({ forbund }), url),
		orErrorPage(caller.projects.delprojektChoices({ forbund }), url)
	]);
	// From the projects' list: "Skapa ert delprojekt" in a phase.
	return { choices, delprojekt, phase: phaseOf(url.searchParams.get('delprojekt')) };
}

export async function loadInsatsEditorItem({ locals, url, params }: ServerLoadEvent) {
	if (!locals.user) redirect(303, loginUrl(url));
	const forbund = forbundOf(locals);
	const id = idParam(params.id, 'Insatsen finns inte.');
	const caller = api(locals);
	const [item, choices, revisions, delprojekt] = await Promise.all([
		orErrorPage(caller.insatser.forEdit({ id }), url),
		orErrorPage(caller.insatser.editorChoices({ forbund }), url),
		orErrorPage(caller.insatser.revisions({ id }), url),
		orErrorPage(caller.projects.delprojektChoices({ forbund }), url)
	]);
	return { item, choices, revisions, delprojekt, referralUrl: item.referral_key ? mediaUrl(item.referral_key) : null };
}

export async function loadInsatsAdmin({ locals, url }: ServerLoadEvent) {
	if (!locals.user) redirect(303, loginUrl(url));
	const forbund = forbundOf(locals);
	const caller = api(locals);
	const [queue, canReadUsage] = await Promise.all([
		orErrorPage(caller.insatser.approvalQueue({ forbund }), url),
		caller.insatser.canReadUsage({ owner: { forbund } })
	]);
	return { ...queue, canReadUsage };
}

export const insatsAdminActions = {
	/** A platform admin adds a precise category to the reference list. */
	addCategory: async (event: RequestEvent) => {
		const form = await event.request.formData();
		const input = {
			inriktning: String(form.get('inriktning') ?? '') as 'individinriktad',
			label: String(form.get('label') ?? '')
		};
		const result = await apiFormResult(api(event.locals).insatser.addPreciseCategory(input), event, input);
		if (!result.ok) return result.failure;
		return { saved: true, message: `${result.value.label} är tillagd i listan.` };
	}
};

export const insatsNewActions = {
	default: async (event: RequestEvent) => {
		const { request, locals } = event;
		const form = await request.formData();
		const fields = fieldsFrom(form);
		const projectPhaseId = phaseOf(form.get('projectPhaseId'));
		const result = await apiFormResult(
			api(locals).insatser.create({ ...fields, projectPhaseId, forbund: forbundOf(locals) }),
			event,
			{ values: fields, projectPhaseId }
		);
		if (!result.ok) return result.failure;
		redirect(303, `/redaktor/insatser/${result.value.id}?skapad=1`);
	}
};

/** A button's form: the insats's id from the path, and a message when it went through. */
function statusAction(call: (event: RequestEvent, id: number, form: FormData) => Promise<unknown>, message: string) {
	return async (event: RequestEvent) => {
		const form = await event.request.formData();
		const result = await apiFormResult(call(event, Number(event.params.id), form), event);
		if (!result.ok) return result.failure;
		return { saved: true, message };
	};
}

const yearFrom = (form: FormData, id: number) => ({
	id,
	year: Number(form.get('year')),
	costBudget: numberOrNull(form.get('costBudget')),
	costOutcome: numberOrNull(form.get('costOutcome')),
	esfCostBudget: numberOrNull(form.get('esfCostBudget')),
	esfCostOutcome: numberOrNull(form.get('esfCostOutcome')),
	plannedParticipants: numberOrNull(form.get('plannedParticipants')),
	participantsWomen: numberOrNull(form.get('participantsWomen')),
	participantsMen: numberOrNull(form.get('participantsMen')),
	participantsOther: numberOrNull(form.get('participantsOther')),
	toWork: numberOrNull(form.get('toWork')),
	toStudies: numberOrNull(form.get('toStudies'))
});

export const insatsItemActions = {
	save: async (event: RequestEvent) => {
		const form = await event.request.formData();
		const fields = fieldsFrom(form);
		const input = { ...fields, id: Number(event.params.id), version: Number(form.get('version')) };
		const result = await apiFormResult(api(event.locals).insatser.update(input), event, { values: fields });
		if (!result.ok) return result.failure;
		return { saved: true, message: 'Ändringarna är sparade.' };
	},
	state: statusAction(
		({ locals }, id, form) =>
			api(locals).insatser.setState({
				id,
				version: Number(form.get('version')),
				lifeStatus: String(form.get('lifeStatus')) as 'planerad',
				intake: String(form.get('intake')) as 'ja',
				intakeAsOf: String(form.get('intakeAsOf') ?? '') || null
			}),
		'Läget är sparat.'
	),
	delprojekt: statusAction(
		({ locals }, id, form) =>
			api(locals).insatser.setDelprojekt({
				id,
				version: Number(form.get('version')),
				projectPhaseId: phaseOf(form.get('projectPhaseId'))
			}),
		'Det är sparat vilket projekt insatsen är delprojekt i.'
	),
	submit: statusAction(
		({ locals }, id) => api(locals).insatser.submit({ id }),
		'Insatsen är skickad för granskning. Förbundets katalogadministratörer har fått ett mejl.'
	),
	sendBack: statusAction(
		({ locals }, id, form) => api(locals).insatser.sendBack({ id, comment: String(form.get('comment') ?? '') }),
		'Insatsen är skickad tillbaka till författaren med din kommentar.'
	),
	approve: statusAction(
		({ locals }, id) => api(locals).insatser.approve({ id }),
		'Insatsen är godkänd och publicerad i katalogen.'
	),
	unpublish: statusAction(
		({ locals }, id) => api(locals).insatser.unpublish({ id }),
		'Insatsen är avpublicerad och syns inte längre i katalogen.'
	),
	markReviewed: statusAction(
		({ locals }, id) => api(locals).insatser.markReviewed({ id }),
		'Insatsen är markerad som granskad i dag.'
	),
	saveYear: statusAction(
		({ locals }, id, form) => api(locals).insatser.saveYear(yearFrom(form, id)),
		'Året är sparat.'
	),
	removeYear: statusAction(
		({ locals }, id, form) => api(locals).insatser.removeYear({ id, year: Number(form.get('year')) }),
		'Året är borttaget.'
	),
	restore: statusAction(
		({ locals }, id, form) =>
			api(locals).insatser.restore({
				id,
				revisionId: Number(form.get('revisionId')),
				version: Number(form.get('version'))
			}),
		'Den tidigare versionen är återställd som en ny version. Kategorierna för Uppföljning Finsam är oförändrade.'
	),
	/** The referral form: stored and checked as every PDF is (@regionportalen/media), then recorded. */
	uploadReferral: async (event: RequestEvent) => {
		const form = await event.request.formData();
		const file = form.get('referral');
		if (!(file instanceof File) || file.size === 0) return fail(400, { message: 'Välj remissblanketten som PDF.' });
		if (file.size > MAX_ATTACHMENT_BYTES) return fail(413, { message: 'Remissblanketten får vara högst 20 MB.' });
		let stored;
		try {
			stored = await storeAttachment(mediaStorage(), new Uint8Array(await file.arrayBuffer()), file.name);
		} catch (e) {
			if (e instanceof MediaError) return fail(400, { message: e.message });
			throw e;
		}
		const input = {
			id: Number(event.params.id),
			version: Number(form.get('version')),
			key: stored.key,
			filename: stored.filename,
			size: stored.size
		};
		const result = await apiFormResult(api(event.locals).insatser.setReferral(input), event);
		if (!result.ok) {
			await mediaStorage().delete(stored.key);
			return result.failure;
		}
		if (result.value.replaced) await mediaStorage().delete(result.value.replaced);
		return { saved: true, message: `${stored.filename} är uppladdad som remissblankett.` };
	},
	removeReferral: async (event: RequestEvent) => {
		const form = await event.request.formData();
		const input = { id: Number(event.params.id), version: Number(form.get('version')) };
		const result = await apiFormResult(api(event.locals).insatser.removeReferral(input), event);
		if (!result.ok) return result.failure;
		await mediaStorage().delete(result.value.storage_key);
		return { saved: true, message: 'Remissblanketten är borttagen.' };
	}
};

export type InsatsEditorListData = Awaited<ReturnType<typeof loadInsatsEditorList>>;
export type InsatsNewData = Awaited<ReturnType<typeof loadInsatsNew>>;
export type InsatsEditorItemData = Awaited<ReturnType<typeof loadInsatsEditorItem>>;
export type InsatsAdminData = Awaited<ReturnType<typeof loadInsatsAdmin>>;
