import type { Kysely } from 'kysely';
import type { AccessibilityLegalBasis, Database } from '../schema.ts';

// The demo's accessibility statements: SUS's (kept by its förbundschef) and the hub's (by the
// platform admin), each with plausible known gaps. The other sites show the default statement.

export interface DemoStatement {
	/** null: the hub. */
	forbund: string | null;
	editor: string;
	compliance: 'full' | 'partial' | 'none';
	assessmentMethod: 'self' | 'external';
	assessmentDescription: string;
	assessedOn: string;
	preparedOn: string;
	gaps: { description: string; legalBasis: AccessibilityLegalBasis; fixPlannedOn?: string }[];
}

export const demoStatements: DemoStatement[] = [
	{
		forbund: 'sus',
		editor: 'fc.sus@demo.regionportalen.se',
		compliance: 'partial',
		assessmentMethod: 'self',
		assessmentDescription:
			'Kansliet gick igenom webbplatsens sidor med skärmläsaren NVDA, med enbart tangentbord och med förstoring till 400 procent, och kontrollerade dem med verktyget axe mot kraven i WCAG 2.1 nivå AA.',
		assessedOn: '2026-10-15',
		preparedOn: '2026-10-20',
		gaps: [
			{
				description:
					'Verksamhetsplaner och årsredovisningar från före den 23 september 2018 finns bara som PDF-filer som inte är tillgänglighetsanpassade.',
				legalBasis: 'out_of_scope'
			},
			{
				description:
					'Några bilder i äldre nyheter saknar textalternativ. Vi går igenom dem och lägger till beskrivningar.',
				legalBasis: 'non_compliance',
				fixPlannedOn: '2027-03-31'
			}
		]
	},
	{
		forbund: null,
		editor: 'admin@demo.regionportalen.se',
		compliance: 'partial',
		assessmentMethod: 'self',
		assessmentDescription:
			'Plattformens mallar kontrolleras automatiskt med axe och Nu HTML Checker vid varje ändring. Hubbens sidor granskades dessutom för hand med skärmläsare och tangentbord.',
		assessedOn: '2026-11-02',
		preparedOn: '2026-11-05',
		gaps: [
			{
				description:
					'Protokoll från presidiemöten före 2019 finns som inskannade PDF-filer utan textlager; de publicerades innan lagen började gälla för dem.',
				legalBasis: 'out_of_scope'
			}
		]
	}
];

/** Writes the demo statements, their editors named by e-mail (userIds) and förbund by slug. */
export async function insertDemoStatements(
	trx: Kysely<Database>,
	ids: { forbundIds: Map<string, { id: number }>; userIds: Map<string, number> }
): Promise<void> {
	for (const s of demoStatements) {
		const forbundId = s.forbund === null ? null : ids.forbundIds.get(s.forbund)?.id;
		// A demo without that förbund's app has no statement for it.
		if (forbundId === undefined) continue;
		const { id } = await trx
			.insertInto('accessibility_statement')
			.values({
				forbund_id: forbundId,
				compliance: s.compliance,
				assessment_method: s.assessmentMethod,
				assessment_description: s.assessmentDescription,
				assessed_on: s.assessedOn,
				prepared_on: s.preparedOn,
				updated_by: ids.userIds.get(s.editor) ?? null
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await trx
			.insertInto('accessibility_gap')
			.values(
				s.gaps.map((g, i) => ({
					statement_id: id,
					position: i + 1,
					description: g.description,
					legal_basis: g.legalBasis,
					fix_planned_on: g.fixPlannedOn ?? null
				}))
			)
			.execute();
	}
}
