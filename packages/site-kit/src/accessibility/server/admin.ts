import { statementSchema } from '@regionportalen/api';
import { ACCESSIBILITY_REPORT_STATUSES, type AccessibilityReportStatus } from '@regionportalen/db';
import { fail, redirect, type RequestEvent, type ServerLoadEvent } from '@sveltejs/kit';
import { api, apiFormResult, fieldErrors, isoDay, loginUrl, orErrorPage } from '../../core/server/index.ts';

import { accessibilitySite } from './site.ts';
import { EMPTY_ROWS, emptyGap, readStatementForm, statementInput, type StatementFormValues } from './statement-form.ts';

// /admin/tillganglighet: the site's statement for its admins to keep (the förbund's admins, and the
// platform admins; the hub's only the latter), and /admin/tillganglighet/rapporter: the reports
// visitors sent, with their handling. The API decides who may; these pages show and forward.

export async function loadStatementAdmin({ locals, url }: ServerLoadEvent) {
	if (!locals.user) redirect(303, loginUrl(url));
	const site = accessibilitySite(locals);
	const caller = api(locals);
	// The reports' list is the admins' alone: asking for the new ones is also the check of the right.
	const { reports } = await orErrorPage(caller.accessibility.reports({ site, status: 'new' }), url);
	const statement = await orErrorPage(caller.accessibility.statement({ site }), url);
	const values: StatementFormValues = {
		compliance: statement.compliance,
		contactEmail: statement.ownContact.email ?? '',
		contactPhone: statement.ownContact.phone ?? '',
		assessmentMethod: statement.assessmentMethod,
		assessmentDescription: statement.assessmentDescription,
		assessedOn: statement.assessedOn ?? '',
		preparedOn: statement.preparedOn ?? isoDay(new Date()),
		gaps: [
			...statement.gaps.map((g) => ({ ...g, fixPlannedOn: g.fixPlannedOn ?? '' })),
			...Array.from({ length: EMPTY_ROWS }, emptyGap)
		]
	};
	return { statement, values, newReports: reports.length, saved: url.searchParams.has('sparad') };
}

export const statementAdminActions = {
	save: async (event: RequestEvent) => {
		const { locals, url, request } = event;
		if (!locals.user) redirect(303, loginUrl(url));
		const values = readStatementForm(await request.formData());
		const { input, rowIndex } = statementInput(accessibilitySite(locals), values);
		const parsed = statementSchema.safeParse(input);
		if (!parsed.success) {
			const errors = fieldErrors(parsed.error, (path) =>
				path[0] === 'gaps' && typeof path[1] === 'number' ? ['gaps', rowIndex[path[1]]!, ...path.slice(2)] : path
			);
			return fail(400, { values, errors, message: null as string | null });
		}
		const result = await apiFormResult(api(locals).accessibility.saveStatement(parsed.data), event, {
			values,
			errors: {}
		});
		if (!result.ok) return result.failure;
		redirect(303, `${url.pathname}?sparad`);
	},

	/** "Lägg till rad": the form back as typed, with one more empty row; nothing is saved. */
	addRow: async ({ locals, url, request }: RequestEvent) => {
		if (!locals.user) redirect(303, loginUrl(url));
		const values = readStatementForm(await request.formData());
		values.gaps.push(emptyGap());
		return { values, errors: {}, message: null as string | null, added: true };
	}
};

const STATUS_PARAMS: Record<string, AccessibilityReportStatus | 'all'> = {
	alla: 'all',
	ny: 'new',
	besvarad: 'answered',
	atgardad: 'fixed'
};

export async function loadReportsAdmin({ locals, url }: ServerLoadEvent) {
	if (!locals.user) redirect(303, loginUrl(url));
	const param = url.searchParams.get('status') ?? 'alla';
	const status = STATUS_PARAMS[param] ?? 'all';
	const list = await orErrorPage(api(locals).accessibility.reports({ site: accessibilitySite(locals), status }), url);
	return { ...list, param: param in STATUS_PARAMS ? param : 'alla', statusParams: Object.keys(STATUS_PARAMS) };
}

export const reportsAdminActions = {
	update: async (event: RequestEvent) => {
		const { locals, url, request } = event;
		if (!locals.user) redirect(303, loginUrl(url));
		const form = await request.formData();
		const text = (name: string) => String(form.get(name) ?? '').trim();
		const status = text('status');
		const values = { id: text('id'), status, note: text('note'), repliedOn: text('repliedOn') };
		const result = await apiFormResult(
			api(locals).accessibility.updateReport({
				site: accessibilitySite(locals),
				id: values.id,
				status: (ACCESSIBILITY_REPORT_STATUSES as readonly string[]).includes(status)
					? (status as AccessibilityReportStatus)
					: 'new',
				note: values.note,
				repliedOn: values.repliedOn || null
			}),
			event,
			{ values }
		);
		if (!result.ok) return result.failure;
		return { values, success: true, message: 'Rapporten är uppdaterad.' };
	}
};

export type StatementAdminData = Awaited<ReturnType<typeof loadStatementAdmin>>;
export type ReportsAdminData = Awaited<ReturnType<typeof loadReportsAdmin>>;
