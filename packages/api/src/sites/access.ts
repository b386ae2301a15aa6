import { TRPCError } from '@trpc/server';
import { isPlatformAdmin, type Membership } from '../core/index.ts';

// Who shapes a site: a region's features on the hub are the platform admins' (they run the hub); a
// site's menu is ordered by its förbund's admins, or on the hub by the region's coordinators (the
// same rule is the database's app_can_arrange_menu).

export function canSetRegionFeatures(memberships: Membership[]): boolean {
	return isPlatformAdmin(memberships);
}

export const forbidden = () =>
	new TRPCError({ code: 'FORBIDDEN', message: 'Bara plattformens administratörer kan slå av och på funktioner.' });

export function assertCanSetRegionFeatures(memberships: Membership[]): void {
	if (!canSetRegionFeatures(memberships)) throw forbidden();
}

export function canArrangeMenu(memberships: Membership[], owner: { forbundId: number | null; regionId: number }) {
	return (
		isPlatformAdmin(memberships) ||
		memberships.some((m) =>
			owner.forbundId === null
				? m.role === 'coordinator' && m.region_id === owner.regionId
				: m.role === 'forbund_admin' && m.forbund_id === owner.forbundId
		)
	);
}

export function assertCanArrangeMenu(memberships: Membership[], owner: { forbundId: number | null; regionId: number }) {
	if (!canArrangeMenu(memberships, owner)) {
		throw new TRPCError({ code: 'FORBIDDEN', message: 'Bara webbplatsens administratörer kan ändra menyn.' });
	}
}
