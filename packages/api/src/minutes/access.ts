import { TRPCError } from '@trpc/server';
import type { Role } from '@regionportalen/db';
import { isPlatformAdmin, type Membership } from '../core/index.ts';

// The presidium room. Minutes belong to a region; `forbundIds` are the förbund of that region, since
// a presidium membership names a förbund, not a region.

/** The region whose minutes are asked for, with its förbund. */
export interface MinutesScope {
	regionId: number;
	forbundIds: readonly number[];
}

const MINUTES_READERS: Role[] = ['presidium', 'forbund_admin'];

/**
 * Write minutes (and read drafts and approved-but-unpublished ones): the region's coordinators and
 * platform admins. The same rule is the database's app_can_write_minutes().
 */
export function canWriteMinutes(memberships: Membership[], scope: Pick<MinutesScope, 'regionId'>): boolean {
	return (
		isPlatformAdmin(memberships) || memberships.some((m) => m.role === 'coordinator' && m.region_id === scope.regionId)
	);
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
