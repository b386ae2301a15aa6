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
