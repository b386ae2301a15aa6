import { TRPCError } from '@trpc/server';
import type { Role } from '@regionportalen/db';
import { isPlatformAdmin, type Membership } from '../core/index.ts';

// Who may write news: a förbund's editors and admins its own, a region's coordinators the region's.

const FORBUND_EDITORS: Role[] = ['editor', 'forbund_admin'];

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
