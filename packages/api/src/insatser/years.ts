import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@regionportalen/db';
import type { YearFields } from './schemas.ts';

// Money and results per year: one row per insats and year, written whole (a blank field is "not
// known", null). Aggregate counts only: personal data about participants belong in Uppföljning
// Finsam, under Försäkringskassan, and never here.

type Q = Kysely<Database> | Transaction<Database>;

export function yearColumns(f: YearFields) {
	return {
		cost_budget: f.costBudget,
		cost_outcome: f.costOutcome,
		esf_cost_budget: f.esfCostBudget,
		esf_cost_outcome: f.esfCostOutcome,
		planned_participants: f.plannedParticipants,
		participants_women: f.participantsWomen,
		participants_men: f.participantsMen,
		participants_other: f.participantsOther,
		to_work: f.toWork,
		to_studies: f.toStudies
	};
}

/** Adds the year or replaces its figures. */
export function saveYear(db: Q, f: YearFields) {
	const columns = yearColumns(f);
	return db
		.insertInto('insats_year')
		.values({ insats_id: f.id, year: f.year, ...columns })
		.onConflict((oc) => oc.columns(['insats_id', 'year']).doUpdateSet(columns))
		.returningAll()
		.executeTakeFirstOrThrow();
}

export function removeYear(db: Q, insatsId: number, year: number) {
	return db
		.deleteFrom('insats_year')
		.where('insats_id', '=', insatsId)
		.where('year', '=', year)
		.returningAll()
		.executeTakeFirst();
}
