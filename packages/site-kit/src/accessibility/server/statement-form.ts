import type { RouterInputs } from '@regionportalen/api';
import { ACCESSIBILITY_LEGAL_BASES, type AccessibilityLegalBasis } from '@regionportalen/db';

// The admin's statement form as posted, and back: known gaps are numbered rows (`gaps-0-description`,
// `gaps-0-legalBasis`, `gaps-0-fixPlannedOn`) with their count in `gapCount`, so the form works
// without JavaScript; "lägg till rad" posts the form back with one more empty row.

type Input = RouterInputs['accessibility']['saveStatement'];

export interface GapRow {
	description: string;
	legalBasis: AccessibilityLegalBasis | '';
	fixPlannedOn: string;
}

/** The form's values as typed, to show again. */
export interface StatementFormValues {
	compliance: string;
	contactEmail: string;
	contactPhone: string;
	assessmentMethod: string;
	assessmentDescription: string;
	assessedOn: string;
	preparedOn: string;
	gaps: GapRow[];
}

/** Empty rows the form always offers below the known gaps. */
export const EMPTY_ROWS = 2;
export const emptyGap = (): GapRow => ({ description: '', legalBasis: '', fixPlannedOn: '' });

export function readStatementForm(form: FormData): StatementFormValues {
	const text = (name: string) => String(form.get(name) ?? '');
	const count = Math.min(Math.max(Number(text('gapCount')) || 0, 0), 100);
	const gaps: GapRow[] = [];
	for (let i = 0; i < count; i++) {
		const basis = text(`gaps-${i}-legalBasis`);
		gaps.push({
			description: text(`gaps-${i}-description`),
			legalBasis: ACCESSIBILITY_LEGAL_BASES.includes(basis as AccessibilityLegalBasis)
				? (basis as AccessibilityLegalBasis)
				: '',
			fixPlannedOn: text(`gaps-${i}-fixPlannedOn`).trim()
		});
	}
	return {
		compliance: text('compliance'),
		contactEmail: text('contactEmail'),
		contactPhone: text('contactPhone'),
		assessmentMethod: text('assessmentMethod'),
		assessmentDescription: text('assessmentDescription'),
		assessedOn: text('assessedOn').trim(),
		preparedOn: text('preparedOn').trim(),
		gaps
	};
}

/** The rows an admin filled in: a row left wholly empty is not a gap. */
const filled = (g: GapRow) => g.description.trim() !== '' || g.legalBasis !== '' || g.fixPlannedOn !== '';

/**
 * What the API is sent, with the form index of each gap it holds (empty rows are left out), so that
 * an error on a gap names the right row.
 */
export function statementInput(site: Input['site'], v: StatementFormValues) {
	const rows = v.gaps.map((g, index) => ({ g, index })).filter(({ g }) => filled(g));
	return {
		input: {
			site,
			compliance: v.compliance,
			contactEmail: v.contactEmail,
			contactPhone: v.contactPhone,
			assessmentMethod: v.assessmentMethod,
			assessmentDescription: v.assessmentDescription,
			assessedOn: v.assessedOn || null,
			preparedOn: v.preparedOn,
			gaps: rows.map(({ g }) => ({
				description: g.description,
				legalBasis: g.legalBasis,
				fixPlannedOn: g.fixPlannedOn || null
			}))
		},
		rowIndex: rows.map(({ index }) => index)
	};
}
