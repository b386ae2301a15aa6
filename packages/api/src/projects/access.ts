import { TRPCError } from '@trpc/server';
import type { Role } from '@regionportalen/db';
import { isPlatformAdmin, type Membership } from '../core/index.ts';

// Who may do what with a joint project. The same rules are the database's app_can_write_project and
// app_can_approve_project (migration 0026); these decide first, and the pages use them to choose
// which buttons to show.
//
// - The owner förbund's writers (as for its insatser) and the region's coordinators write the project.
// - The owner's förbund admin (or a platform admin) publishes it; once published, its text is changed
//   by the owner's admin or a coordinator (the region's own staff), as a board portal keeps an approved
//   record.
// - A partner förbund's writers write their delprojekt, which is their insats, and nothing else of it.

const WRITERS: Role[] = ['editor', 'catalogue_admin', 'forbund_admin'];

export interface ProjectOwnership {
	owner_forbund_id: number;
	region_id: number;
}

const isCoordinator = (memberships: Membership[], regionId: number) =>
	memberships.some((m) => m.role === 'coordinator' && m.region_id === regionId);

export function canWriteProject(memberships: Membership[], project: ProjectOwnership): boolean {
	return (
		isPlatformAdmin(memberships) ||
		isCoordinator(memberships, project.region_id) ||
		memberships.some((m) => m.forbund_id === project.owner_forbund_id && WRITERS.includes(m.role))
	);
}

export function canApproveProject(memberships: Membership[], project: Pick<ProjectOwnership, 'owner_forbund_id'>) {
	return (
		isPlatformAdmin(memberships) ||
		memberships.some((m) => m.forbund_id === project.owner_forbund_id && m.role === 'forbund_admin')
	);
}

/** Who changes a published project: its approver, or a coordinator of the region. */
export function canChangePublishedProject(memberships: Membership[], project: ProjectOwnership): boolean {
	return canApproveProject(memberships, project) || isCoordinator(memberships, project.region_id);
}

/** Whether the caller writes any projects for this owner: a förbund's (as its owner) or a region's. */
export function canWriteProjectsOf(memberships: Membership[], owner: { forbundId: number | null; regionId: number }) {
	if (owner.forbundId === null) return isPlatformAdmin(memberships) || isCoordinator(memberships, owner.regionId);
	return canWriteProject(memberships, { owner_forbund_id: owner.forbundId, region_id: owner.regionId });
}

/** Whether the caller writes a förbund's insatser, so its delprojekt (the projects it is a partner of). */
export function isForbundWriter(memberships: Membership[], forbundId: number): boolean {
	return (
		isPlatformAdmin(memberships) || memberships.some((m) => m.forbund_id === forbundId && WRITERS.includes(m.role))
	);
}

export function assertCanWriteProject(memberships: Membership[], project: ProjectOwnership): void {
	if (!canWriteProject(memberships, project)) {
		throw new TRPCError({
			code: 'FORBIDDEN',
			message:
				'Bara projektägarens redaktörer och regionens samordnare ändrar projektet. ' +
				'Som partner ändrar du ert eget delprojekt under Insatser.'
		});
	}
}

export function assertCanApproveProject(memberships: Membership[], project: ProjectOwnership): void {
	if (!canApproveProject(memberships, project)) {
		throw new TRPCError({
			code: 'FORBIDDEN',
			message: 'Bara projektägarens förbundsadministratör kan godkänna och publicera projektet.'
		});
	}
}
