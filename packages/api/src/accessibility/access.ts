import { TRPCError } from '@trpc/server';
import { isPlatformAdmin, type Membership } from '../core/index.ts';

// Who keeps a site's accessibility statement and reads its reports: the förbund's admins and the
// platform admins; the hub's (forbundId null) only the platform admins. The same rule is the
// database's app_can_edit_accessibility().

export function canEditAccessibility(memberships: Membership[], forbundId: number | null): boolean {
	return (
		isPlatformAdmin(memberships) ||
		(forbundId !== null && memberships.some((m) => m.role === 'forbund_admin' && m.forbund_id === forbundId))
	);
}

export function assertCanEditAccessibility(memberships: Membership[], forbundId: number | null): void {
	if (!canEditAccessibility(memberships, forbundId)) {
		throw new TRPCError({
			code: 'FORBIDDEN',
			message: 'Bara webbplatsens administratörer kan ändra tillgänglighetsredogörelsen och läsa rapporterna.'
		});
	}
}
