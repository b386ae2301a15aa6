import {
	INSATS_INRIKTNINGAR,
	INSATS_LIFE_STATUSES,
	INSATS_TARGET_GROUPS,
	INRIKTNING_LABELS,
	LIFE_STATUS_LABELS,
	TARGET_GROUP_LABELS
} from '@regionportalen/db';

// The catalogue's choices as the form lists them, in the reference lists' order.

export const TARGET_GROUP_OPTIONS = INSATS_TARGET_GROUPS.map((value) => ({ value, label: TARGET_GROUP_LABELS[value] }));
export const INRIKTNING_OPTIONS = INSATS_INRIKTNINGAR.map((value) => ({ value, label: INRIKTNING_LABELS[value] }));
export const LIFE_STATUS_OPTIONS = INSATS_LIFE_STATUSES.map((value) => ({ value, label: LIFE_STATUS_LABELS[value] }));

/** "16–29 år", "från 18 år", or null when the insats has no age range. */
export function ageRange(min: number | null, max: number | null): string | null {
	if (min !== null && max !== null) return `${min}–${max} år`;
	if (min !== null) return `från ${min} år`;
	if (max !== null) return `upp till ${max} år`;
	return null;
}
