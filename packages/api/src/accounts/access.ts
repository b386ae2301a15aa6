import { TRPCError } from '@trpc/server';
import { roleDefinition, type Role } from '@regionportalen/db';
import { isPlatformAdmin, type Membership } from '../core/index.ts';

// ---- Accounts and roles ----

/** A membership to grant or revoke, with the region of its förbund when it has one. */
export interface MembershipTarget {
	role: Role;
	forbund_id: number | null;
	region_id: number | null;
	/** The region the förbund belongs to (null for a regional or platform membership). */
	forbund_region_id: number | null;
}

/**
 * Who may grant and revoke what, from the roles' definitions (@regionportalen/db's roles.ts): a
 * platform admin anything; a role named in the target role's grantedBy, within its own förbund or
 * region, and a region's role also in the förbunds of its region (a coordinator grants the
 * presidium of its region's förbund, who meet in the region's joint presidium). The same rule is
 * the database's app_can_manage_membership(), which reads the same definitions.
 */
export function canManageMembership(memberships: Membership[], target: MembershipTarget): boolean {
	const wanted = roleDefinition(target.role);
	return memberships.some((m) => {
		const granter = roleDefinition(m.role);
		if (granter.scope === 'platform') return true;
		if (!wanted.grantedBy.includes(m.role)) return false;
		if (granter.scope === 'forbund') return wanted.scope === 'forbund' && m.forbund_id === target.forbund_id;
		return wanted.scope === 'region'
			? m.region_id === target.region_id
			: m.region_id !== null && m.region_id === target.forbund_region_id;
	});
}

export function assertCanManageMembership(memberships: Membership[], target: MembershipTarget): void {
	if (!canManageMembership(memberships, target)) {
		throw new TRPCError({ code: 'FORBIDDEN', message: 'Du har inte behörighet att ändra den här rollen.' });
	}
}

/** Where a person administers people: the whole platform, a region, or a förbund. */
export type AdminScope = { kind: 'platform' } | { kind: 'region'; id: number } | { kind: 'forbund'; id: number };

/** Whether the person administers people in the scope (forbundRegionId: the förbund's region). */
export function canAdministerScope(memberships: Membership[], scope: AdminScope, forbundRegionId?: number): boolean {
	if (isPlatformAdmin(memberships)) return true;
	if (scope.kind === 'region') return memberships.some((m) => m.role === 'coordinator' && m.region_id === scope.id);
	if (scope.kind === 'forbund') {
		return memberships.some(
			(m) =>
				(m.role === 'forbund_admin' && m.forbund_id === scope.id) ||
				(m.role === 'coordinator' && forbundRegionId !== undefined && m.region_id === forbundRegionId)
		);
	}
	return false;
}

export function assertCanAdministerScope(memberships: Membership[], scope: AdminScope, forbundRegionId?: number) {
	if (!canAdministerScope(memberships, scope, forbundRegionId)) {
		throw new TRPCError({ code: 'FORBIDDEN', message: 'Du har inte behörighet att administrera personer här.' });
	}
}

/** Whether the person may read the audit log at all (what they see is scoped by the database). */
export function canReadAuditLog(memberships: Membership[]): boolean {
	return memberships.some((m) => ['platform_admin', 'coordinator', 'forbund_admin'].includes(m.role));
}

export function assertCanReadAuditLog(memberships: Membership[]): void {
	if (!canReadAuditLog(memberships)) {
		throw new TRPCError({ code: 'FORBIDDEN', message: 'Du har inte behörighet att läsa loggen.' });
	}
}
