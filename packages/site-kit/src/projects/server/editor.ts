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

// The editor's pages of joint projects, on a förbund's site (its own projects, and the ones it is a
// partner of with its delprojekt) and on the hub (a region's coordinators): the list, a new project,
// and one project with its text, its flow and each part of its structure as a form of its own. Every
// check happens in the API; these only translate forms to calls and refusals to messages.

type Fields = Omit<RouterInputs['projects']['create'], 'owner' | 'ownerForbund'>;
/** Rows of contacts the form offers (blank rows are left out). */
export const PROJECT_CONTACT_ROWS = 4;

const NOT_FOUND = 'Projektet finns inte.';

const numberOrNull = (value: FormDataEntryValue | null) => {
	const text = String(value ?? '').trim();
	return text === '' ? null : Number(text.replace(/\s/g, '').replace(',', '.'));
};
const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/** The project's text and facts from the editor's form (the same names as the API's). */
export function projectFieldsFrom(form: FormData): Fields {
	return {
		name: text(form, 'name'),
		fullName: text(form, 'fullName'),
		summary: text(form, 'summary'),
		purpose: text(form, 'purpose'),
		targetGroups: text(form, 'targetGroups'),
		methods: text(form, 'methods'),
		goals: text(form, 'goals'),
		referral: text(form, 'referral'),
		esf: text(form, 'esf') === 'ja',
		plannedParticipants: numberOrNull(form.get('plannedParticipants')),
		contacts: Array.from({ length: PROJECT_CONTACT_ROWS }, (_, i) => ({
			role: text(form, `contacts-${i}-role`) as 'projektchef',
			name: text(form, `contacts-${i}-name`),
			email: text(form, `contacts-${i}-email`),
			phone: text(form, `contacts-${i}-phone`)
		})).filter((c) => c.name !== '' || c.email !== '' || c.phone !== ''),
		lifeStatus: (text(form, 'lifeStatus') || 'planerad') as Fields['lifeStatus']
	};
}
export type ProjectFormValues = ReturnType<typeof projectFieldsFrom>;

function signedIn(locals: SiteLocals, url: URL) {
	if (!locals.user) redirect(303, loginUrl(url));
}

export async function loadProjectEditorList({ locals, url, params }: ServerLoadEvent) {
	signedIn(locals, url);
	const owner = ownerFor(locals, params);
	const list = await orErrorPage(api(locals).projects.forEditing({ owner }), url);
	return { ...list, base: basePath(owner), onHub: 'region' in owner };
}

export async function loadProjectNew({ locals, url, params }: ServerLoadEvent) {
	signedIn(locals, url);
	const owner = ownerFor(locals, params);
	const choices = await orErrorPage(api(locals).projects.editorChoices({ owner }), url);
	return { choices, base: basePath(owner), onHub: 'region' in owner };
}

export async function loadProjectEditorItem({ locals, url, params }: ServerLoadEvent) {
	signedIn(locals, url);
	const owner = ownerFor(locals, params);
	const id = idParam(params.id, NOT_FOUND);
	const caller = api(locals);
	const project = await orErrorPage(caller.projects.forEdit({ id }), url);
	// A project of another region is not this site's.
	const region = 'region' in owner ? owner.region : locals.site.kind === 'forbund' ? locals.site.region : '';
	const regionOf = await orErrorPage(caller.sites.region({ slug: region }), url);
	if (regionOf.id !== project.region_id) error(404, NOT_FOUND);
	const [choices, revisions] = await Promise.all([
		orErrorPage(caller.projects.editorChoices({ owner }), url),
		orErrorPage(caller.projects.revisions({ id }), url)
	]);
	return { project, choices, revisions, base: basePath(owner) };
}

export const projectNewActions = {
	default: async (event: RequestEvent) => {
		const { request, locals, params } = event;
		const form = await request.formData();
		const fields = projectFieldsFrom(form);
		const owner = ownerFor(locals, params);
		const ownerForbund = text(form, 'ownerForbund') || undefined;
		const result = await apiFormResult(api(locals).projects.create({ ...fields, owner, ownerForbund }), event, {
			values: fields,
			ownerForbund
		});
		if (!result.ok) return result.failure;
		redirect(303, `${basePath(owner)}/redaktor/projekt/${result.value.id}?skapat=1`);
	}
};

/** A part's form: the project's id from the path, the form's fields, and a message when it went through. */
function partAction(
	call: (caller: ReturnType<typeof api>, projectId: number, form: FormData) => Promise<unknown>,
	message: string
) {
	return async (event: RequestEvent) => {
		const form = await event.request.formData();
		const projectId = idParam(event.params.id, NOT_FOUND);
		const values = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
		const result = await apiFormResult(call(api(event.locals), projectId, form), event, { part: values });
		if (!result.ok) return result.failure;
		return { saved: true, message };
	};
}

const optionalId = (form: FormData, name: string) => {
	const value = text(form, name);
	return value === '' ? undefined : Number(value);
};
const dateOrNull = (form: FormData, name: string) => text(form, name) || null;

export const projectItemActions = {
	save: async (event: RequestEvent) => {
		const form = await event.request.formData();
		const fields = projectFieldsFrom(form);
		const input = { ...fields, id: idParam(event.params.id, NOT_FOUND), version: Number(form.get('version')) };
		const result = await apiFormResult(api(event.locals).projects.update(input), event, { values: fields });
		if (!result.ok) return result.failure;
		return { saved: true, message: 'Ändringarna är sparade.' };
	},
	submit: partAction(
		(caller, id) => caller.projects.submit({ id }),
		'Projektet är skickat för godkännande. Projektägarens förbundsadministratörer har fått ett mejl.'
	),
	sendBack: partAction(
		(caller, id, form) => caller.projects.sendBack({ id, comment: text(form, 'comment') }),
		'Projektet är skickat tillbaka med din kommentar.'
	),
	approve: partAction(
		(caller, id) => caller.projects.approve({ id }),
		'Projektet är godkänt och publicerat på regionens och alla partners webbplatser.'
	),
	unpublish: partAction((caller, id) => caller.projects.unpublish({ id }), 'Projektet är avpublicerat.'),
	savePhase: partAction(
		(caller, projectId, form) =>
			caller.projects.savePhase({
				projectId,
				phaseId: optionalId(form, 'phaseId'),
				name: text(form, 'name'),
				decisionDate: dateOrNull(form, 'decisionDate'),
				periodStart: dateOrNull(form, 'periodStart'),
				periodEnd: dateOrNull(form, 'periodEnd'),
				esfDiarienummer: text(form, 'esfDiarienummer'),
				plannedParticipants: numberOrNull(form.get('plannedParticipants'))
			}),
		'Fasen är sparad.'
	),
	removePhase: partAction(
		(caller, _, form) => caller.projects.removePhase({ id: Number(form.get('phaseId')) }),
		'Fasen är borttagen.'
	),
	savePartner: partAction((caller, _, form) => {
		const party = text(form, 'party');
		return caller.projects.savePartner({
			phaseId: Number(form.get('phaseId')),
			// One field: a förbund of the region, or "annan" with the organisation's name.
			...(party === 'annan' || party === '' ? { organisation: text(form, 'organisation') } : { forbund: party }),
			role: text(form, 'role') as 'samverkanspart'
		});
	}, 'Parten är sparad.'),
	removePartner: partAction(
		(caller, _, form) => caller.projects.removePartner({ id: Number(form.get('partnerId')) }),
		'Parten är borttagen ur fasen.'
	),
	saveFunding: partAction((caller, _, form) => {
		const funder = text(form, 'funder');
		return caller.projects.saveFunding({
			phaseId: Number(form.get('phaseId')),
			partnerId: funder === 'esf' ? null : Number(funder),
			year: Number(form.get('year')),
			form: text(form, 'form') as 'pengar',
			amount: numberOrNull(form.get('amount')) ?? Number.NaN
		});
	}, 'Budgetraden är sparad.'),
	removeFunding: partAction(
		(caller, _, form) => caller.projects.removeFunding({ id: Number(form.get('fundingId')) }),
		'Budgetraden är borttagen.'
	),
	saveIndicator: partAction(
		(caller, projectId, form) =>
			caller.projects.saveIndicator({
				projectId,
				indicatorId: optionalId(form, 'indicatorId'),
				label: text(form, 'label'),
				unit: text(form, 'unit')
			}),
		'Indikatorn är sparad.'
	),
	removeIndicator: partAction(
		(caller, _, form) => caller.projects.removeIndicator({ id: Number(form.get('indicatorId')) }),
		'Indikatorn är borttagen.'
	),
	saveIndicatorYear: partAction(
		(caller, _, form) =>
			caller.projects.saveIndicatorYear({
				indicatorId: Number(form.get('indicatorId')),
				year: Number(form.get('year')),
				target: numberOrNull(form.get('target')),
				actual: numberOrNull(form.get('actual'))
			}),
		'Årets värden är sparade.'
	),
	removeIndicatorYear: partAction(
		(caller, _, form) =>
			caller.projects.removeIndicatorYear({
				indicatorId: Number(form.get('indicatorId')),
				year: Number(form.get('year'))
			}),
		'Årets värden är borttagna.'
	),
	saveMilestone: partAction(
		(caller, projectId, form) =>
			caller.projects.saveMilestone({
				projectId,
				milestoneId: optionalId(form, 'milestoneId'),
				label: text(form, 'label'),
				dueOn: text(form, 'dueOn'),
				doneOn: dateOrNull(form, 'doneOn')
			}),
		'Milstolpen är sparad.'
	),
	removeMilestone: partAction(
		(caller, _, form) => caller.projects.removeMilestone({ id: Number(form.get('milestoneId')) }),
		'Milstolpen är borttagen.'
	)
};

export type ProjectEditorListData = Awaited<ReturnType<typeof loadProjectEditorList>>;
export type ProjectNewData = Awaited<ReturnType<typeof loadProjectNew>>;
export type ProjectEditorItemData = Awaited<ReturnType<typeof loadProjectEditorItem>>;
