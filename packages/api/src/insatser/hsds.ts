import { createHash } from 'node:crypto';
import { ACCESS_VIA_LABELS, INTAKE_LABELS, TARGET_GROUP_LABELS, type InsatsLifeStatus } from '@regionportalen/db';
import { contactsOf, insatsUrl, isoDay, type ExportRow } from './export.ts';

// An insats as an Open Referral HSDS 3 service record (https://docs.openreferral.org/en/v3.0/),
// so that a directory of services can read the catalogue without knowing this portal. The mapping
// is documented in the README (Insatskatalogen → HSDS).

/** HSDS's service status from the insats's life: a planned one is not yet running, an ended one is gone. */
export const HSDS_STATUS: Record<InsatsLifeStatus, 'active' | 'inactive' | 'defunct'> = {
	planerad: 'inactive',
	pagaende: 'active',
	avslutad: 'defunct',
	ordinarie: 'active'
};

/**
 * HSDS ids are UUIDs: a name-based one (RFC 4122 version 5 layout over SHA-1) from the kind and
 * the portal's id, so the same insats keeps the same id in every export.
 */
export function stableUuid(name: string): string {
	const hash = createHash('sha1').update(`regionportalen:${name}`).digest();
	hash[6] = (hash[6]! & 0x0f) | 0x50;
	hash[8] = (hash[8]! & 0x3f) | 0x80;
	const hex = hash.subarray(0, 16).toString('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function hsdsService(row: ExportRow) {
	const id = stableUuid(`insats:${row.id}`);
	const organizationId = stableUuid(`forbund:${row.forbund_slug}`);
	const intake = INTAKE_LABELS[row.intake] + (row.intake_as_of ? ` (${isoDay(row.intake_as_of)})` : '');
	return {
		id,
		organization_id: organizationId,
		name: row.name,
		summary: row.summary || null,
		description: row.description || row.summary || null,
		url: insatsUrl(row),
		status: HSDS_STATUS[row.life_status],
		application_process: [ACCESS_VIA_LABELS[row.access_via], row.access_text].filter(Boolean).join('. '),
		wait_time: intake,
		eligibility_description: row.target_groups.map((g) => TARGET_GROUP_LABELS[g]).join(', ') || null,
		minimum_age: row.age_min,
		maximum_age: row.age_max,
		assured_date: row.reviewed_at === null ? null : isoDay(row.reviewed_at),
		last_modified: new Date(row.updated_at).toISOString(),
		organization: { id: organizationId, name: row.forbund_name, website: row.forbund_origin },
		service_areas: row.municipalities.map((m) => ({
			id: stableUuid(`area:${row.id}:${m}`),
			service_id: id,
			name: m,
			extent_type: 'kommun'
		})),
		languages: [{ id: stableUuid(`language:${row.id}:sv`), service_id: id, name: 'svenska', code: 'sv' }],
		contacts: contactsOf(row).map((c, i) => ({
			id: stableUuid(`contact:${row.id}:${i}`),
			service_id: id,
			name: c.name,
			title: c.title || null,
			email: c.email || null,
			phones: c.phone ? [{ id: stableUuid(`phone:${row.id}:${i}`), number: c.phone }] : []
		}))
	};
}
