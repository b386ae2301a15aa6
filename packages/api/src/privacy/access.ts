import { TRPCError } from '@trpc/server';
import { isPlatformAdmin, type DataScope, type Membership } from '../core/index.ts';

// The same rule as the database's app_can_handle_personal_data(): the platform admin handles
// everything held about a person; a förbund admin their förbund's part.

/** Whether the person may export and erase personal data in the scope. */
export function canHandlePersonalData(memberships: Membership[], scope: DataScope): boolean {
	if (isPlatformAdmin(memberships)) return true;
	return scope !== 'all' && memberships.some((m) => m.role === 'forbund_admin' && m.forbund_id === scope.forbundId);
}

export function assertCanHandlePersonalData(memberships: Membership[], scope: DataScope): void {
	if (!canHandlePersonalData(memberships, scope)) {
		throw new TRPCError({
			code: 'FORBIDDEN',
			message: 'Du har inte behörighet att hantera personuppgifter här.'
		});
	}
}

/** The förbund whose part a förbund admin handles, for the pages: null for a platform admin (all). */
export function personalDataForbunds(memberships: Membership[]): number[] | null {
	if (isPlatformAdmin(memberships)) return null;
	return memberships.filter((m) => m.role === 'forbund_admin' && m.forbund_id !== null).map((m) => m.forbund_id!);
}
