import { TRPCError } from '@trpc/server';
import type { Membership } from '../core/index.ts';
import { canKeepRegister, type AsfRegion } from './access.ts';

// Who sees an agreement's internal part (value, price per day, diarienummer, notes, documents) and
// who buys what: the region's ASF staff, as the database's app_is_asf_staff (migration 0027) — its
// ASF-samordnare and the insatspersonal of its förbund. Writing agreements is keeping the register
// (canKeepRegister). The public part is anyone's.

export function canReadAgreementInternals(memberships: Membership[], region: AsfRegion): boolean {
	return (
		canKeepRegister(memberships, region.regionId) ||
		memberships.some(
			(m) => m.role === 'insats_staff' && m.forbund_id !== null && region.forbundIds.includes(m.forbund_id)
		)
	);
}

export function assertCanReadAgreementInternals(memberships: Membership[], region: AsfRegion): void {
	if (!canReadAgreementInternals(memberships, region)) {
		throw new TRPCError({
			code: 'FORBIDDEN',
			message: 'Avtalens värden och anteckningar läses bara av regionens ASF-samordnare och förbundens insatspersonal.'
		});
	}
}
