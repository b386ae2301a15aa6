import { TRPCError } from '@trpc/server';
import type { Role } from '@regionportalen/db';
import { isPlatformAdmin, type Membership } from '../core/index.ts';

// Who may write and who may approve a förbund's insatser. The same rules are the database's
// app_can_edit_insats and app_can_approve_insats (migration 0021); these decide first, and the
// pages use them to choose which buttons to show.

const WRITERS: Role[] = ['editor', 'catalogue_admin', 'forbund_admin'];
const APPROVERS: Role[] = ['catalogue_admin', 'forbund_admin'];

export function canEditInsats(memberships: Membership[], forbundId: number): boolean {
	return (
		isPlatformAdmin(memberships) || memberships.some((m) => m.forbund_id === forbundId && WRITERS.includes(m.role))
	);
}

/** The förbund's katalogadministratör or admin, or a platform admin: who publishes and reviews. */
export function canApproveInsats(memberships: Membership[], forbundId: number): boolean {
	return (
		isPlatformAdmin(memberships) || memberships.some((m) => m.forbund_id === forbundId && APPROVERS.includes(m.role))
	);
}

export function assertCanEditInsats(memberships: Membership[], forbundId: number): void {
	if (!canEditInsats(memberships, forbundId)) {
		throw new TRPCError({ code: 'FORBIDDEN', message: 'Du har inte behörighet att redigera förbundets insatser.' });
	}
}

export function assertCanApproveInsats(memberships: Membership[], forbundId: number): void {
	if (!canApproveInsats(memberships, forbundId)) {
		throw new TRPCError({
			code: 'FORBIDDEN',
			message: 'Bara förbundets katalogadministratör eller administratör kan godkänna och granska insatser.'
		});
	}
}

/** The reference list of precise categories is the platform's: a platform admin extends it. */
export function canExtendCategories(memberships: Membership[]): boolean {
	return isPlatformAdmin(memberships);
}

export function assertCanExtendCategories(memberships: Membership[]): void {
	if (!canExtendCategories(memberships)) {
		throw new TRPCError({ code: 'FORBIDDEN', message: 'Bara en plattformsadministratör utökar listan.' });
	}
}
