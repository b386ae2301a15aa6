import { reportFieldsSchema } from '@regionportalen/api';
import { fail, redirect, type RequestEvent, type ServerLoadEvent } from '@sveltejs/kit';
import { api, apiFormResult, fieldErrors, orErrorPage } from '../../core/server/index.ts';

import { accessibilitySite } from './site.ts';

// /tillganglighet/rapportera: a visitor reports an accessibility problem, with or without
// JavaScript. The API stores it, mails it to the site (never to the address typed) and limits how
// often one client may; the form keeps what was typed when it is refused.

export async function loadReportForm({ locals, url }: ServerLoadEvent) {
	const statement = await orErrorPage(api(locals).accessibility.statement({ site: accessibilitySite(locals) }), url);
	return { site: statement.site, contact: statement.contact, sent: url.searchParams.has('skickad') };
}

const FIELDS = ['pageUrl', 'description', 'name', 'email'] as const;

export const reportActions = {
	default: async (event: RequestEvent) => {
		const form = await event.request.formData();
		const values = Object.fromEntries(FIELDS.map((f) => [f, String(form.get(f) ?? '')])) as Record<
			(typeof FIELDS)[number],
			string
		>;
		const parsed = reportFieldsSchema.safeParse(values);
		if (!parsed.success) {
			return fail(400, { values, errors: fieldErrors(parsed.error), message: null as string | null });
		}
		const result = await apiFormResult(
			api(event.locals).accessibility.report({
				site: accessibilitySite(event.locals),
				...parsed.data
			}),
			event,
			{ values, errors: {} }
		);
		if (!result.ok) return result.failure;
		redirect(303, `${event.url.pathname}?skickad`);
	}
};

export type ReportFormData = Awaited<ReturnType<typeof loadReportForm>>;
