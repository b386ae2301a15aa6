import { TRPCError } from '@trpc/server';
import type { Role } from '@regionportalen/db';
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
 * Who may grant and revoke what. A platform admin: anything. A förbund admin: editors, presidium
 * members and förbund admins of their own förbund. A regional coordinator: coordinators of their
 * region and presidium members of its förbund (they run the region's joint presidium). The same
 * rule is the database's app_can_manage_membership().
 */
export function canManageMembership(memberships: Membership[], target: MembershipTarget): boolean {
	return memberships.some(
		(m) =>
			m.role === 'platform_admin' ||
			(m.role === 'forbund_admin' &&
				target.forbund_id !== null &&
				m.forbund_id === target.forbund_id &&
				['editor', 'forbund_admin', 'presidium'].includes(target.role)) ||
			(m.role === 'coordinator' &&
				m.region_id !== null &&
				((target.role === 'coordinator' && target.region_id === m.region_id) ||
					(target.role === 'presidium' && target.forbund_region_id === m.region_id)))
	);
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
