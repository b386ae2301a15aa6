import type {
	AccessibilityAssessment,
	AccessibilityCompliance,
	AccessibilityLegalBasis,
	AccessibilityReportStatus
} from './schema.ts';

// The Swedish words for the statement's and the reports' values, as DIGG's model statement uses
// them: for the pages, the admin's forms and the audit log alike.

export const REPORT_STATUS_LABELS: Record<AccessibilityReportStatus, string> = {
	new: 'ny',
	answered: 'besvarad',
	fixed: 'åtgärdad'
};

export const COMPLIANCE_LABELS: Record<AccessibilityCompliance, string> = {
	full: 'helt förenlig med lagkraven',
	partial: 'delvis förenlig med lagkraven',
	none: 'inte förenlig med lagkraven'
};

export const LEGAL_BASIS_LABELS: Record<AccessibilityLegalBasis, string> = {
	non_compliance: 'Bristande förenlighet med lagkraven',
	disproportionate_burden: 'Oskäligt betungande anpassning',
	out_of_scope: 'Innehåll som inte omfattas av lagen (utanför lagens tillämpningsområde)'
};

export const ASSESSMENT_LABELS: Record<AccessibilityAssessment, string> = {
	self: 'egen granskning',
	external: 'extern granskning'
};
