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
