import { TRPCError } from '@trpc/server';
import { isPlatformAdmin, type Membership } from '../core/index.ts';

// Who shapes a site: a region's features on the hub are the platform admins' (they run the hub).

export function canSetRegionFeatures(memberships: Membership[]): boolean {
	return isPlatformAdmin(memberships);
}

export const forbidden = () =>
	new TRPCError({ code: 'FORBIDDEN', message: 'Bara plattformens administratörer kan slå av och på funktioner.' });

export function assertCanSetRegionFeatures(memberships: Membership[]): void {
	if (!canSetRegionFeatures(memberships)) throw forbidden();
}
