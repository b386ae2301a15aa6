import {
	ASF_BUSINESS_LINE_LABELS,
	ASF_BUSINESS_LINES,
	ASF_CONTACT_ROLE_LABELS,
	ASF_CONTACT_ROLES,
	ASF_CRITERIA,
	ASF_CRITERION_LABELS,
	ASF_FOLLOW_UP_LABELS,
	ASF_FOLLOW_UPS,
	ASF_LEGAL_FORM_LABELS,
	ASF_LEGAL_FORMS,
	ASF_PLACE_KIND_LABELS,
	ASF_PLACE_KINDS,
	ASF_PLACE_REPORT_LABELS,
	ASF_TARGET_GROUPS,
	TARGET_GROUP_LABELS
} from '@regionportalen/db';

// The register's choices as the forms and filters list them, in the reference lists' order.

const options = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
	values.map((value) => ({ value, label: labels[value] }));

export const LEGAL_FORM_OPTIONS = options(ASF_LEGAL_FORMS, ASF_LEGAL_FORM_LABELS);
export const BUSINESS_LINE_OPTIONS = options(ASF_BUSINESS_LINES, ASF_BUSINESS_LINE_LABELS);
export const ASF_TARGET_GROUP_OPTIONS = ASF_TARGET_GROUPS.map((value) => ({
	value,
	label: TARGET_GROUP_LABELS[value]
}));
export const FOLLOW_UP_OPTIONS = options(ASF_FOLLOW_UPS, ASF_FOLLOW_UP_LABELS);
export const CONTACT_ROLE_OPTIONS = options(ASF_CONTACT_ROLES, ASF_CONTACT_ROLE_LABELS);
export const CRITERION_OPTIONS = options(ASF_CRITERIA, ASF_CRITERION_LABELS);
export const PLACE_KIND_OPTIONS = options(ASF_PLACE_KINDS, ASF_PLACE_KIND_LABELS);
export {
	ASF_BUSINESS_LINE_LABELS,
	ASF_CONTACT_ROLE_LABELS,
	ASF_FOLLOW_UP_LABELS,
	ASF_LEGAL_FORM_LABELS,
	ASF_PLACE_KIND_LABELS,
	ASF_PLACE_REPORT_LABELS,
	TARGET_GROUP_LABELS
};

/** A free count older than this is flagged to the coordinator. */
export const STALE_AFTER_DAYS = 30;
