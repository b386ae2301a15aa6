import { error, fail, redirect, type RequestEvent, type ServerLoadEvent } from '@sveltejs/kit';
import { BOARD_ROLE_LABELS, type AdminScope } from '@regionportalen/api';
import { BOARD_ROLES, ROLES, type BoardRole, type Role } from '@regionportalen/db';
import { api, apiFormResult, loginUrl, orErrorPage, type SiteLocals } from '../../core/server/index.ts';

// The admin pages: people and roles (/admin/personer) and the audit log (/admin/logg). On a förbund
// site they concern that förbund; on the hub the person picks among the scopes they administer (the
// whole platform, their region). The API decides every right; these pages only show and forward.

/** `platform`, `region-3`, `forbund-12` in the address; the scope it names. */
function parseScope(value: string | null): AdminScope | null {
	if (value === 'platform') return { kind: 'platform' };
	const match = value?.match(/^(region|forbund)-(\d+)$/);
	return match ? { kind: match[1] as 'region' | 'forbund', id: Number(match[2]) } : null;
}

export function scopeParam(scope: AdminScope): string {
	return scope.kind === 'platform' ? 'platform' : `${scope.kind}-${scope.id}`;
}

async function siteForbundId(locals: SiteLocals, url: URL): Promise<number | null> {
	if (locals.site.kind !== 'forbund') return null;
	return (await orErrorPage(api(locals).sites.forbund({ slug: locals.site.forbund }), url)).id;
}

async function currentScope(
	locals: SiteLocals,
	url: URL
): Promise<{ scope: AdminScope; choices: { param: string; name: string }[] }> {
	const forbundId = await siteForbundId(locals, url);
	if (forbundId !== null) return { scope: { kind: 'forbund', id: forbundId }, choices: [] };
	const scopes = await orErrorPage(api(locals).admin.scopes(), url);
	if (scopes.length === 0) error(403, 'Du har inte behörighet att administrera personer.');
	const choices = scopes.map((s) => ({ param: scopeParam(s), name: s.name }));
	const asked = parseScope(url.searchParams.get('omrade'));
	const scope = (asked && scopes.find((s) => scopeParam(s) === scopeParam(asked))) ?? scopes[0]!;
	return { scope: scope.kind === 'platform' ? { kind: 'platform' } : { kind: scope.kind, id: scope.id }, choices };
}

export async function loadPeople({ locals, url }: ServerLoadEvent) {
	if (!locals.user) redirect(303, loginUrl(url));
	const { scope, choices } = await currentScope(locals, url);
	const { people, grantable } = await orErrorPage(api(locals).admin.people({ scope }), url);
	const boardRoles = BOARD_ROLES.map((value) => ({ value, label: BOARD_ROLE_LABELS[value] }));
	return { scope: scopeParam(scope), choices, people, grantable, boardRoles, me: locals.user.id };
}

function grantInput(form: FormData) {
	// The role select's value is `role:forbundId:regionId`, one option per place the person may grant.
	const [role = '', forbundId = '', regionId = ''] = String(form.get('grant') ?? '').split(':');
	const boardRole = String(form.get('boardRole') ?? '');
	return {
		email: String(form.get('email') ?? ''),
		role: (ROLES.includes(role as Role) ? role : 'editor') as Role,
		forbundId: forbundId ? Number(forbundId) : null,
		regionId: regionId ? Number(regionId) : null,
		boardRole: (BOARD_ROLES.includes(boardRole as BoardRole) ? boardRole : null) as BoardRole | null
	};
}

export const peopleActions = {
	invite: async (event: RequestEvent) => {
		const { locals, url, request } = event;
		if (!locals.user) redirect(303, loginUrl(url));
		const form = await request.formData();
		const input = grantInput(form);
		const values = {
			action: 'invite',
			email: input.email,
			grant: String(form.get('grant') ?? ''),
			boardRole: input.boardRole
		};
		if (!values.grant) return fail(400, { ...values, message: 'Välj vilken roll personen ska få.' });
		const result = await apiFormResult(api(locals).admin.invite(input), event, values);
		if (!result.ok) return result.failure;
		return {
			action: 'invite',
			success: true,
			message: result.value.invited
				? `En inbjudan har skickats till ${input.email}.`
				: `${input.email} har fått rollen och ett mejl om det.`
		};
	},

	resendInvitation: async (event: RequestEvent) => {
		const { locals, url, request } = event;
		if (!locals.user) redirect(303, loginUrl(url));
		const form = await request.formData();
		const membershipId = Number(form.get('membershipId'));
		const result = await apiFormResult(api(locals).admin.resendInvitation({ membershipId }), event, {
			action: 'resendInvitation'
		});
		if (!result.ok) return result.failure;
		return {
			action: 'resendInvitation',
			success: true,
			message: `En ny inbjudan har skickats till ${result.value.email}. Den förra länken gäller inte längre.`
		};
	},

	revoke: async (event: RequestEvent) => {
		const { locals, url, request } = event;
		if (!locals.user) redirect(303, loginUrl(url));
		const form = await request.formData();
		const membershipId = Number(form.get('membershipId'));
		const result = await apiFormResult(api(locals).admin.revoke({ membershipId }), event, { action: 'revoke' });
		if (!result.ok) return result.failure;
		return { action: 'revoke', success: true, message: 'Rollen är borttagen och personens inloggningar avslutade.' };
	}
};

export async function loadAuditLog({ locals, url }: ServerLoadEvent) {
	if (!locals.user) redirect(303, loginUrl(url));
	const text = (name: string) => url.searchParams.get(name)?.trim() || undefined;
	const date = (name: string) => {
		const v = text(name);
		return v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined;
	};
	const filters = { action: text('handelse'), actor: text('person'), from: date('fran'), to: date('till') };
	const page = Number(url.searchParams.get('sida') ?? 1);
	const log = await orErrorPage(
		api(locals).admin.audit({ ...filters, page: Number.isInteger(page) && page > 0 ? page : 1 }),
		url
	);
	return { ...log, filters };
}

export type PeopleData = Awaited<ReturnType<typeof loadPeople>>;
export type AuditLogData = Awaited<ReturnType<typeof loadAuditLog>>;
