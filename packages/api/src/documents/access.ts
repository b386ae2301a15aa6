import { TRPCError } from '@trpc/server';
import type { Role } from '@regionportalen/db';
import { isPlatformAdmin, type Membership } from '../core/index.ts';

// Who may keep a library: a förbund's editors and admins, and its katalogadministratörer (who keep
// its insatser, whose reports these often are); a region's coordinators the region's. The database
// says the same (app_can_edit_documents, migration 0022).

const FORBUND_WRITERS: Role[] = ['editor', 'forbund_admin', 'catalogue_admin'];

export function canEditDocuments(
	memberships: Membership[],
	owner: { forbund_id: number | null; region_id: number }
): boolean {
	if (isPlatformAdmin(memberships)) return true;
	return owner.forbund_id === null
		? memberships.some((m) => m.region_id === owner.region_id && m.role === 'coordinator')
		: memberships.some((m) => m.forbund_id === owner.forbund_id && FORBUND_WRITERS.includes(m.role));
}

export function assertCanEditDocuments(
	memberships: Membership[],
	owner: { forbund_id: number | null; region_id: number }
): void {
	if (!canEditDocuments(memberships, owner)) {
		throw new TRPCError({ code: 'FORBIDDEN', message: 'Du har inte behörighet att ändra dokumenten här.' });
	}
}
