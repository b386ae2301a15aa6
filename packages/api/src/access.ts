import { TRPCError } from '@trpc/server';
import type { Membership as MembershipRow, Role } from '@regionportalen/db';

/** The part of a membership the rules read. */
export type Membership = Pick<MembershipRow, 'role' | 'forbund_id' | 'region_id'>;

// Who may do what, decided from a person's memberships. Pure functions: the same rules serve the
// procedures (assert…) and the pages that decide which buttons to show (can…).

const FORBUND_EDITORS: Role[] = ['editor', 'forbund_admin'];

function isPlatformAdmin(memberships: Membership[]): boolean {
	return memberships.some((m) => m.role === 'platform_admin');
}

export function canEditForbundNews(memberships: Membership[], forbundId: number): boolean {
	return (
		isPlatformAdmin(memberships) ||
		memberships.some((m) => m.forbund_id === forbundId && FORBUND_EDITORS.includes(m.role))
	);
}

export function canEditRegionNews(memberships: Membership[], regionId: number): boolean {
	return isPlatformAdmin(memberships) || memberships.some((m) => m.region_id === regionId && m.role === 'coordinator');
}

/** News belongs to its förbund, or to its region when it has no förbund. */
export function canEditNews(
	memberships: Membership[],
	owner: { forbund_id: number | null; region_id: number }
): boolean {
	return owner.forbund_id === null
		? canEditRegionNews(memberships, owner.region_id)
		: canEditForbundNews(memberships, owner.forbund_id);
}

export function assertCanEditNews(
	memberships: Membership[],
	owner: { forbund_id: number | null; region_id: number }
): void {
	if (!canEditNews(memberships, owner)) {
		throw new TRPCError({ code: 'FORBIDDEN', message: 'Du har inte behörighet att redigera nyheter här.' });
	}
}

// The presidium room. Minutes belong to a region; `forbundIds` are the förbund of that region, since
// a presidium membership names a förbund, not a region.

/** The region whose minutes are asked for, with its förbund. */
export interface MinutesScope {
	regionId: number;
	forbundIds: readonly number[];
}

const MINUTES_READERS: Role[] = ['presidium', 'forbund_admin'];

/** Write minutes (and read drafts and approved-but-unpublished ones): the region's coordinators. */
export function canWriteMinutes(memberships: Membership[], scope: Pick<MinutesScope, 'regionId'>): boolean {
	return canEditRegionNews(memberships, scope.regionId);
}

/** Read published minutes: also the presidium members and förbund admins of any förbund in the region. */
export function canReadMinutes(memberships: Membership[], scope: MinutesScope): boolean {
	return (
		canWriteMinutes(memberships, scope) ||
		memberships.some(
			(m) => m.forbund_id !== null && scope.forbundIds.includes(m.forbund_id) && MINUTES_READERS.includes(m.role)
		)
	);
}

export function assertCanWriteMinutes(memberships: Membership[], scope: Pick<MinutesScope, 'regionId'>): void {
	if (!canWriteMinutes(memberships, scope)) {
		throw new TRPCError({ code: 'FORBIDDEN', message: 'Bara regionens samordnare kan skriva presidiets protokoll.' });
	}
}

export function assertCanReadMinutes(memberships: Membership[], scope: MinutesScope): void {
	if (!canReadMinutes(memberships, scope)) {
		throw new TRPCError({
			code: 'FORBIDDEN',
			message: 'Presidiets protokoll kan bara läsas av regionens presidieledamöter, förbundschefer och samordnare.'
		});
	}
}

// ---- Accounts and roles ----

/** Roles that require two-factor authentication and short sessions (see @regionportalen/auth). */
export const PRIVILEGED_ROLES: Role[] = ['forbund_admin', 'presidium', 'coordinator', 'platform_admin'];

export function requiresTwoFactor(memberships: Pick<Membership, 'role'>[]): boolean {
	return memberships.some((m) => PRIVILEGED_ROLES.includes(m.role));
}

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
