import { sql, type Kysely } from 'kysely';
import type {
	AccessibilityAssessment,
	AccessibilityCompliance,
	AccessibilityLegalBasis,
	Database
} from '@regionportalen/db';
import type { z } from 'zod';
import type { statementSchema } from './schemas.ts';
import type { SiteFacts } from './site.ts';

// A site's statement as stored, or the default a site has until its admin saves one: filled from
// the site's facts, "delvis förenlig" (nobody has assessed the content yet) and no known gaps.

type Q = Kysely<Database>;

const DEFAULT_ASSESSMENT =
	'Webbplatsens mallar och komponenter kontrolleras automatiskt med verktygen axe och Nu HTML Checker ' +
	'varje gång plattformen ändras. Innehållet som förbundet publicerar har inte granskats särskilt.';

export interface Statement {
	site: Pick<SiteFacts, 'name' | 'origin'>;
	/** Whether an admin has saved it; false: the defaults below. */
	saved: boolean;
	compliance: AccessibilityCompliance;
	/** The contact details shown: the statement's own, else the site's. */
	contact: { email: string | null; phone: string | null };
	/** What the statement itself holds, for the admin's form (null: the site's are used). */
	ownContact: { email: string | null; phone: string | null };
	assessmentMethod: AccessibilityAssessment;
	assessmentDescription: string;
	assessedOn: string | null;
	preparedOn: string | null;
	/** Senast uppdaterad (null until saved). */
	updatedAt: Date | null;
	gaps: { description: string; legalBasis: AccessibilityLegalBasis; fixPlannedOn: string | null }[];
}

function statementRow(db: Q, forbundId: number | null) {
	return db
		.selectFrom('accessibility_statement')
		.select([
			'id',
			'compliance',
			'contact_email',
			'contact_phone',
			'assessment_method',
			'assessment_description',
			sql<string | null>`assessed_on::text`.as('assessed_on'),
			sql<string>`prepared_on::text`.as('prepared_on'),
			'updated_at'
		])
		.$call((q) => (forbundId === null ? q.where('forbund_id', 'is', null) : q.where('forbund_id', '=', forbundId)))
		.executeTakeFirst();
}

export async function loadStatement(db: Q, facts: SiteFacts): Promise<Statement> {
	const row = await statementRow(db, facts.forbundId);
	const site = { name: facts.name, origin: facts.origin };
	if (!row) {
		return {
			site,
			saved: false,
			compliance: 'partial',
			contact: { email: facts.contactEmail, phone: facts.contactPhone },
			ownContact: { email: null, phone: null },
			assessmentMethod: 'self',
			assessmentDescription: DEFAULT_ASSESSMENT,
			assessedOn: null,
			preparedOn: null,
			updatedAt: null,
			gaps: []
		};
	}
	const gaps = await db
		.selectFrom('accessibility_gap')
		.select(['description', 'legal_basis', sql<string | null>`fix_planned_on::text`.as('fix_planned_on')])
		.where('statement_id', '=', row.id)
		.orderBy('position')
		.execute();
	return {
		site,
		saved: true,
		compliance: row.compliance,
		contact: { email: row.contact_email ?? facts.contactEmail, phone: row.contact_phone ?? facts.contactPhone },
		ownContact: { email: row.contact_email, phone: row.contact_phone },
		assessmentMethod: row.assessment_method,
		assessmentDescription: row.assessment_description,
		assessedOn: row.assessed_on,
		preparedOn: row.prepared_on,
		updatedAt: row.updated_at,
		gaps: gaps.map((g) => ({ description: g.description, legalBasis: g.legal_basis, fixPlannedOn: g.fix_planned_on }))
	};
}

export type StatementInput = z.infer<typeof statementSchema>;

/**
 * Stores the statement (the one row per site, its gaps replaced whole) and stamps "senast
 * uppdaterad" with the database's clock. Returns the row's id and that time.
 */
export async function saveStatement(db: Q, forbundId: number | null, input: StatementInput, userId: number) {
	const values = {
		compliance: input.compliance,
		contact_email: input.contactEmail,
		contact_phone: input.contactPhone,
		assessment_method: input.assessmentMethod,
		assessment_description: input.assessmentDescription,
		assessed_on: input.assessedOn,
		prepared_on: input.preparedOn,
		updated_at: sql<Date>`now()`,
		updated_by: userId
	};
	const existing = await statementRow(db, forbundId);
	const row = existing
		? await db
				.updateTable('accessibility_statement')
				.set(values)
				.where('id', '=', existing.id)
				.returning(['id', 'updated_at'])
				.executeTakeFirstOrThrow()
		: await db
				.insertInto('accessibility_statement')
				.values({ ...values, forbund_id: forbundId })
				.returning(['id', 'updated_at'])
				.executeTakeFirstOrThrow();
	await db.deleteFrom('accessibility_gap').where('statement_id', '=', row.id).execute();
	if (input.gaps.length > 0) {
		await db
			.insertInto('accessibility_gap')
			.values(
				input.gaps.map((g, i) => ({
					statement_id: row.id,
					position: i + 1,
					description: g.description,
					legal_basis: g.legalBasis,
					fix_planned_on: g.fixPlannedOn
				}))
			)
			.execute();
	}
	return row;
}
