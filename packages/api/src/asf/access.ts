import { TRPCError } from '@trpc/server';
import { forbundOfRegion, isPlatformAdmin, type CallerContext, type Membership } from '../core/index.ts';

// Who may do what with the ASF register. The same rules are the database's app_is_asf_coordinator,
// app_is_asf_staff and app_may_note_asf (migration 0027); these decide first, and the pages use them
// to choose what to show.
//
// - The region's ASF-samordnare (and platform admins) keep the register, the places and the links.
// - The internal notes are read by the ASF-samordnare and the insatspersonal of the region's förbund.
// - A förbund's editors and admins of the region may leave a note (a change they want), not read them.
// - Place requests: a förbund's insatspersonal ask and may withdraw; the ASF-samordnare moves them
//   on; the region's ASF staff read them. Nothing of a request is public.

/** The region, and its förbund (a förbund role applies to the region of its förbund). */
export interface AsfRegion {
	regionId: number;
	forbundIds: readonly number[];
}

/** The region with its förbund, as the checks below take it. */
export async function asfRegion(ctx: Pick<CallerContext, 'db' | 'siteFacts'>, regionId: number): Promise<AsfRegion> {
	const forbund = await forbundOfRegion(ctx, regionId);
	return { regionId, forbundIds: forbund.map((f) => f.id) };
}

export function canKeepRegister(memberships: Membership[], regionId: number): boolean {
	return (
		isPlatformAdmin(memberships) || memberships.some((m) => m.role === 'asf_coordinator' && m.region_id === regionId)
	);
}

/** The region's ASF staff: its ASF-samordnare and the insatspersonal of its förbund (app_is_asf_staff). */
export function isAsfStaff(memberships: Membership[], region: AsfRegion): boolean {
	return (
		canKeepRegister(memberships, region.regionId) ||
		memberships.some(
			(m) => m.role === 'insats_staff' && m.forbund_id !== null && region.forbundIds.includes(m.forbund_id)
		)
	);
}

/** The notes, and the region's place requests, are read by its ASF staff. */
export const canReadNotes = isAsfStaff;
export const canReadRequests = isAsfStaff;

/** A förbund's insatspersonal ask for places for its participants (app_is_forbund_insats_staff). */
export function canAskForPlace(memberships: Membership[], forbundId: number): boolean {
	return (
		isPlatformAdmin(memberships) || memberships.some((m) => m.role === 'insats_staff' && m.forbund_id === forbundId)
	);
}

export function canLeaveNote(memberships: Membership[], region: AsfRegion): boolean {
	return (
		canReadNotes(memberships, region) ||
		memberships.some(
			(m) =>
				(m.role === 'editor' || m.role === 'catalogue_admin' || m.role === 'forbund_admin') &&
				m.forbund_id !== null &&
				region.forbundIds.includes(m.forbund_id)
		)
	);
}

export function assertCanKeepRegister(memberships: Membership[], regionId: number): void {
	if (!canKeepRegister(memberships, regionId)) {
		throw new TRPCError({
			code: 'FORBIDDEN',
			message:
				'Bara regionens ASF-samordnare för registret över sociala företag. Lämna en anteckning om du vill ändra något.'
		});
	}
}

export function assertCanReadNotes(memberships: Membership[], region: AsfRegion): void {
	if (!canReadNotes(memberships, region)) {
		throw new TRPCError({
			code: 'FORBIDDEN',
			message: 'De interna anteckningarna läses bara av regionens ASF-samordnare och förbundens insatspersonal.'
		});
	}
}

export function assertCanLeaveNote(memberships: Membership[], region: AsfRegion): void {
	if (!canLeaveNote(memberships, region)) {
		throw new TRPCError({
			code: 'FORBIDDEN',
			message: 'Bara regionens ASF-samordnare, insatspersonal och förbundens redaktörer lämnar anteckningar.'
		});
	}
}

export function assertCanReadRequests(memberships: Membership[], region: AsfRegion): void {
	if (!canReadRequests(memberships, region)) {
		throw new TRPCError({
			code: 'FORBIDDEN',
			message: 'Förfrågningarna om platser läses bara av regionens ASF-samordnare och förbundens insatspersonal.'
		});
	}
}

export function assertCanAskForPlace(memberships: Membership[], forbundId: number): void {
	if (!canAskForPlace(memberships, forbundId)) {
		throw new TRPCError({
			code: 'FORBIDDEN',
			message: 'Bara förbundets insatspersonal frågar efter platser hos sociala företag.'
		});
	}
}
