import { error, fail, redirect, type RequestEvent, type RequestHandler, type ServerLoadEvent } from '@sveltejs/kit';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { canHandlePersonalData, ERASE_CONFIRMATION } from '@regionportalen/api';
import {
	api,
	apiFormResult,
	isoDay,
	loginUrl,
	orErrorPage,
	pageParam,
	refusalMessages,
	type SiteLocals
} from '../../core/server/index.ts';

// /admin/personuppgifter: personal data on request (GDPR art. 15 and 17). On the hub a platform admin
// handles everything held about a person; on a förbund site its admin handles the förbund's part.
// The API decides every right and records every request; these pages only choose and forward.

type Scope = 'all' | { forbundId: number };
type Subject = { userId: number } | { email: string };

const REFUSED = 'Du har inte behörighet att hantera personuppgifter här.';

/** The site's part: a förbund site's förbund, the hub's everything. */
async function siteScope(locals: SiteLocals, url: URL): Promise<Scope> {
	if (locals.site.kind !== 'forbund') return 'all';
	return { forbundId: (await orErrorPage(api(locals).sites.forbund({ slug: locals.site.forbund }), url)).id };
}

/** Signed in and allowed to handle the site's part, else the login page or a 403 in Swedish. */
async function allowedScope(locals: SiteLocals, url: URL): Promise<Scope> {
	if (!locals.user) redirect(303, loginUrl(url));
	const scope = await siteScope(locals, url);
	const { memberships } = await orErrorPage(api(locals).users.me(), url);
	if (!canHandlePersonalData(memberships, scope)) error(403, REFUSED);
	return scope;
}

/** `konto:12` or `epost:a@b.se`, as the forms and links carry a subject. */
export function subjectParam(subject: Subject): string {
	return 'userId' in subject ? `konto:${subject.userId}` : `epost:${subject.email}`;
}

function parseSubject(value: string | null): Subject | null {
	const match = value?.match(/^(konto|epost):(.+)$/);
	if (!match) return null;
	if (match[1] === 'konto') return /^\d{1,10}$/.test(match[2]!) ? { userId: Number(match[2]) } : null;
	return match[2]!.includes('@') ? { email: match[2]! } : null;
}

const subjectText = (subject: Subject) => ('userId' in subject ? `konto ${subject.userId}` : subject.email);

/** What the person typed in a search, a lookup refused with its Swedish message. */
async function lookup(locals: SiteLocals, url: URL, scope: Scope, query: string) {
	try {
		return { ...(await api(locals).privacy.lookup({ query, scope })), searchError: null };
	} catch (e) {
		if (!(e instanceof TRPCError) || e.code !== 'BAD_REQUEST') return orErrorPage(Promise.reject(e), url);
		return { accounts: [], email: null, searchError: refusalMessages(e).join(' ') };
	}
}

export async function loadPersonalDataRequests({ locals, url }: ServerLoadEvent) {
	const scope = await allowedScope(locals, url);
	const query = url.searchParams.get('q')?.trim() ?? '';
	const found = query ? await lookup(locals, url, scope, query) : null;
	const subject = parseSubject(url.searchParams.get('person'));
	const page = pageParam(url);
	const list = await orErrorPage(api(locals).privacy.requests({ page }), url);
	return {
		scope: scope === 'all' ? ('all' as const) : ('forbund' as const),
		query,
		found,
		subject: subject && { param: subjectParam(subject), text: subjectText(subject) },
		today: isoDay(new Date()),
		confirmation: ERASE_CONFIRMATION,
		...list
	};
}

/** A received date as the form sends it: a day, not in the future; empty means today. */
function receivedDate(value: FormDataEntryValue | null): { value: string; error: string | null } {
	const day = String(value ?? '').trim();
	if (day === '') return { value: '', error: null };
	if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(day))) {
		return { value: day, error: 'Ange datumet då begäran kom in som ÅÅÅÅ-MM-DD.' };
	}
	if (day > isoDay(new Date())) return { value: day, error: 'Datumet då begäran kom in kan inte ligga i framtiden.' };
	return { value: day, error: null };
}

export const personalDataActions = {
	erase: async (event: RequestEvent) => {
		const { locals, url, request } = event;
		const scope = await allowedScope(locals, url);
		const form = await request.formData();
		const subject = parseSubject(String(form.get('subject') ?? ''));
		if (!subject) return fail(400, { errors: {}, message: 'Välj först vems uppgifter som ska raderas.' });
		const received = receivedDate(form.get('receivedAt'));
		const confirm = String(form.get('confirm') ?? '').trim();
		const errors: Record<string, string> = {};
		if (received.error) errors.receivedAt = received.error;
		if (confirm !== ERASE_CONFIRMATION) errors.confirm = `Skriv ${ERASE_CONFIRMATION} för att bekräfta raderingen.`;
		const values = { receivedAt: received.value };
		if (Object.keys(errors).length > 0) return fail(400, { values, errors, message: null as string | null });
		const result = await apiFormResult(
			api(locals).privacy.erase({
				subject,
				scope,
				confirm: ERASE_CONFIRMATION,
				...(received.value ? { receivedAt: received.value } : {})
			}),
			event,
			{ values, errors: {} }
		);
		if (!result.ok) return result.failure;
		return {
			values: {},
			errors: {},
			message: null as string | null,
			erased: { requestId: result.value.requestId, subject: subjectText(subject), domains: result.value.erased }
		};
	}
};

/**
 * POST /admin/personuppgifter/export: everything held about the person in the site's part, as a JSON
 * file to hand over. A plain form posts here (SvelteKit's origin check guards it like any form).
 */
export const exportPersonalDataFile: RequestHandler = async ({ locals, url, request }) => {
	const page = new URL('/admin/personuppgifter', url);
	const scope = await allowedScope(locals, page);
	const form = await request.formData();
	const subject = parseSubject(String(form.get('subject') ?? ''));
	if (!subject) error(400, 'Välj först vems uppgifter som ska lämnas ut.');
	const received = receivedDate(form.get('receivedAt'));
	if (received.error) error(400, received.error);
	try {
		const exported = await api(locals).privacy.export({
			subject,
			scope,
			...(received.value ? { receivedAt: received.value } : {})
		});
		const body = JSON.stringify(exported, null, 2);
		return new Response(body, {
			headers: {
				'content-type': 'application/json; charset=utf-8',
				'content-disposition': `attachment; filename="personuppgifter-begaran-${exported.requestId}.json"`,
				'cache-control': 'no-store'
			}
		});
	} catch (e) {
		if (!(e instanceof TRPCError) || e.code === 'INTERNAL_SERVER_ERROR') throw e;
		if (e.code === 'UNAUTHORIZED') redirect(303, loginUrl(page));
		error(getHTTPStatusCodeFromError(e), e.code === 'BAD_REQUEST' ? 'Uppgifterna kunde inte lämnas ut.' : e.message);
	}
};

export type PersonalDataRequestsData = Awaited<ReturnType<typeof loadPersonalDataRequests>>;
