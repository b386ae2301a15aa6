import { error, fail, redirect, type RequestEvent, type RequestHandler, type ServerLoadEvent } from '@sveltejs/kit';
import { TRPCError } from '@trpc/server';
import { contentDisposition } from '@regionportalen/media';
import {
	api,
	apiFormResult,
	attachmentActions,
	idParam,
	loginUrl,
	mediaStorage,
	orErrorPage,
	type SiteLocals,
	siteRegion,
	refusalMessages
} from '../../core/server/index.ts';
import {
	BLANK_ROWS,
	contentFromValues,
	emptyValues,
	valuesFromForm,
	valuesFromMinutes,
	type MinutesFormValues
} from './minutes-form.ts';

const MEETING_NOT_FOUND = 'Mötet finns inte.';

// The presidium room: the region's meetings, a meeting's minutes, their print view, attachments and
// search, on the hub (per region) and on every förbund site (for its own region); the coordinators'
// editor on the hub. Who may see what is decided in the API; these pages translate its answers
// (a visitor is sent to sign in, anyone else refused gets a 403 page).

/** The region whose presidium room this is, and the path it lives under. */
export function minutesRegion(locals: SiteLocals, params: Partial<Record<string, string>>) {
	const region = siteRegion(locals, params);
	if (locals.site.kind === 'forbund') return { region, base: '/presidiet', editorBase: null };
	return { region, base: `/${region}/presidiet`, editorBase: `/${region}/presidiet` };
}

export async function loadMinutesList({ locals, url, params }: ServerLoadEvent) {
	const { region, base, editorBase } = minutesRegion(locals, params);
	const caller = api(locals);
	const [list, usageHref] = await Promise.all([
		orErrorPage(caller.minutes.list({ region }), url),
		catalogueUsageHref(locals, region, base)
	]);
	// Someone signed in who may read nothing here is told so, rather than shown an empty room.
	if (!list.canRead && locals.user && list.meetings.length === 0) {
		error(403, 'Presidiets protokoll kan bara läsas av regionens presidieledamöter, förbundschefer och samordnare.');
	}
	const years = new Map<number, typeof list.meetings>();
	for (const meeting of list.meetings) {
		const year = Number(
			new Intl.DateTimeFormat('sv-SE', { year: 'numeric', timeZone: 'Europe/Stockholm' }).format(meeting.starts_at)
		);
		years.set(year, [...(years.get(year) ?? []), meeting]);
	}
	return {
		...list,
		years: [...years].map(([year, meetings]) => ({ year, meetings })),
		base,
		editorBase: list.canWrite ? editorBase : null,
		signedIn: !!locals.user,
		usageHref
	};
}

/** On the hub, "Katalogens användning" for those who may read the region's catalogue usage. */
async function catalogueUsageHref(locals: SiteLocals, region: string, base: string): Promise<string | null> {
	if (locals.site.kind !== 'hub' || !locals.user) return null;
	const caller = api(locals);
	const [facts, canRead] = await Promise.all([
		caller.sites.region({ slug: region }),
		caller.insatser.canReadUsage({ owner: { region } })
	]);
	return canRead && !facts.features_off.includes('insatser') ? `${base}/katalogens-anvandning` : null;
}

async function meetingData({ locals, url, params }: ServerLoadEvent, view: 'page' | 'print') {
	const { region, base, editorBase } = minutesRegion(locals, params);
	const id = idParam(params.id, MEETING_NOT_FOUND);
	const revisionParam = url.searchParams.get('version');
	const revision = revisionParam ? idParam(revisionParam, 'Versionen finns inte.') : undefined;
	const meeting = await orErrorPage(api(locals).minutes.meeting({ region, id, revision, view }), url);
	return {
		...meeting,
		base,
		editorBase: meeting.canWrite ? editorBase : null,
		canonical: `${locals.origin}${url.pathname}`
	};
}

export const loadMeeting = (event: ServerLoadEvent) => meetingData(event, 'page');
export const loadMeetingPrint = (event: ServerLoadEvent) => meetingData(event, 'print');

/** An attachment, streamed after the API said the caller may see it (and logged the download). */
export const minutesAttachment: RequestHandler = async ({ locals, url, params }) => {
	const { region } = minutesRegion(locals, params);
	let file;
	try {
		file = await api(locals).minutes.attachment({
			region,
			id: idParam(params.id, MEETING_NOT_FOUND),
			attachmentId: idParam(params.attachmentId, 'Bilagan finns inte.')
		});
	} catch (e) {
		if (!(e instanceof TRPCError)) throw e;
		if (e.code === 'UNAUTHORIZED') redirect(303, loginUrl(url));
		error(e.code === 'FORBIDDEN' ? 403 : 404, e.message);
	}
	const object = await mediaStorage().get(file.storage_key);
	if (!object) error(404, 'Filen finns inte.');
	return new Response(object.stream, {
		headers: {
			'content-type': 'application/pdf',
			'content-length': String(object.size),
			'content-disposition': contentDisposition('inline', file.filename),
			'x-content-type-options': 'nosniff',
			'cache-control': file.publicRead ? 'public, max-age=300' : 'private, no-store'
		}
	});
};

export async function loadMinutesSearch({ locals, url, params }: ServerLoadEvent) {
	const { region, base } = minutesRegion(locals, params);
	const q = url.searchParams.get('q')?.trim() ?? '';
	if (!q) return { q, hits: null, base, message: null };
	try {
		return { q, hits: await api(locals).minutes.search({ region, q }), base, message: null };
	} catch (e) {
		if (e instanceof TRPCError && e.code === 'BAD_REQUEST') {
			return { q, hits: null, base, message: refusalMessages(e)[0]! };
		}
		throw e;
	}
}

// --- The coordinators' editor (hub) ---------------------------------------------------------------

export async function loadMinutesNew({ locals, url, params }: ServerLoadEvent) {
	if (!locals.user) redirect(303, loginUrl(url));
	const { region, base } = minutesRegion(locals, params);
	const caller = api(locals);
	const [list, usageHref] = await Promise.all([
		orErrorPage(caller.minutes.list({ region }), url),
		catalogueUsageHref(locals, region, base)
	]);
	if (!list.canWrite) error(403, 'Bara regionens samordnare kan skriva presidiets protokoll.');
	return { forbund: list.forbund, values: emptyValues(), blankRows: BLANK_ROWS, base, regionName: list.region.name };
}

export async function loadMinutesEditor({ locals, url, params }: ServerLoadEvent) {
	if (!locals.user) redirect(303, loginUrl(url));
	const { base } = minutesRegion(locals, params);
	const data = await orErrorPage(api(locals).minutes.forEditing({ id: idParam(params.id, MEETING_NOT_FOUND) }), url);
	return { ...data, values: valuesFromMinutes(data), blankRows: BLANK_ROWS, base };
}

function formFailure(values: MinutesFormValues, message: string, status = 400) {
	return fail(status, { values, message });
}

export const minutesNewActions = {
	default: async (event: RequestEvent) => {
		const { request, locals, url, params } = event;
		const { region, base } = minutesRegion(locals, params);
		const values = valuesFromForm(await request.formData());
		const parsed = contentFromValues(values);
		if ('message' in parsed) return formFailure(values, parsed.message);
		const result = await apiFormResult(api(locals).minutes.create({ region, content: parsed.content }), event, {
			values
		});
		if (!result.ok) return result.failure;
		redirect(303, `${base}/${result.value.id}/redigera?skapat=1`);
	}
};

const meetingId = (params: Partial<Record<string, string>>) => idParam(params.id, MEETING_NOT_FOUND);

export const minutesEditorActions = {
	save: async (event: RequestEvent) => {
		const { request, locals, url, params } = event;
		const form = await request.formData();
		const values = valuesFromForm(form);
		const parsed = contentFromValues(values);
		if ('message' in parsed) return formFailure(values, parsed.message);
		const input = { id: meetingId(params), version: Number(form.get('version')), content: parsed.content };
		const result = await apiFormResult(api(locals).minutes.update(input), event, { values });
		if (!result.ok) return result.failure;
		return { saved: true, message: 'Utkastet är sparat.' };
	},
	approve: async (event: RequestEvent) => {
		const { request, locals, url, params } = event;
		const form = await request.formData();
		const adjusters = ['adjuster1', 'adjuster2'].map((n) => String(form.get(n) ?? '').trim()).filter(Boolean);
		const input = { id: meetingId(params), version: Number(form.get('version')), adjusters };
		const result = await apiFormResult(api(locals).minutes.approve(input), event, {});
		if (!result.ok) return result.failure;
		return { saved: true, message: 'Protokollet är justerat.' };
	},
	publish: async (event: RequestEvent) => {
		const { locals, url, params } = event;
		const result = await apiFormResult(api(locals).minutes.publish({ id: meetingId(params) }), event, {});
		if (!result.ok) return result.failure;
		return { saved: true, message: 'Protokollet är publicerat för regionens presidier.' };
	},
	setPublic: async (event: RequestEvent) => {
		const { request, locals, url, params } = event;
		const makePublic = (await request.formData()).get('public') === 'true';
		const result = await apiFormResult(
			api(locals).minutes.setPublic({ id: meetingId(params), public: makePublic }),
			event,
			{}
		);
		if (!result.ok) return result.failure;
		return {
			saved: true,
			message: makePublic ? 'Protokollet är publicerat för alla.' : 'Protokollet visas inte längre för alla.'
		};
	},
	correct: async (event: RequestEvent) => {
		const { request, locals, url, params } = event;
		const reason = String((await request.formData()).get('reason') ?? '');
		const result = await apiFormResult(api(locals).minutes.correct({ id: meetingId(params), reason }), event, {});
		if (!result.ok) return result.failure;
		return { saved: true, message: `Rättelse ${result.value.number} är påbörjad som ett utkast.` };
	},
	...attachmentActions({
		folder: 'private',
		id: meetingId,
		add: ({ locals }, id, stored) =>
			api(locals).minutes.addAttachment({ id, key: stored.key, filename: stored.filename, size: stored.size }),
		remove: ({ locals }, id, attachmentId) => api(locals).minutes.removeAttachment({ id, attachmentId })
	})
};

export type MinutesListData = Awaited<ReturnType<typeof loadMinutesList>>;
export type MeetingData = Awaited<ReturnType<typeof loadMeeting>>;
export type MinutesSearchData = Awaited<ReturnType<typeof loadMinutesSearch>>;
export type MinutesNewData = Awaited<ReturnType<typeof loadMinutesNew>>;
export type MinutesEditorData = Awaited<ReturnType<typeof loadMinutesEditor>>;
