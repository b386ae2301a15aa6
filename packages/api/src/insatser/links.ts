import { TRPCError } from '@trpc/server';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '@regionportalen/db';

// What other domains link to an insats with (a news item today, events and projects later): the
// insatser of one förbund to choose from, and the check that a chosen one is that förbund's.

type Q = Kysely<Database> | Transaction<Database>;

/** A förbund's insatser the caller can see, by name: the choices of a "Hör till insats" field. */
export function insatsChoices(db: Q, forbundId: number) {
	return db
		.selectFrom('insats')
		.select(['id', 'name', 'status'])
		.where('forbund_id', '=', forbundId)
		.orderBy('name')
		.execute();
}

/** Refuses an insats that is not the förbund's (or that the caller cannot see). */
export async function assertLinkableInsats(db: Q, insatsId: number, forbundId: number | null): Promise<void> {
	const found =
		forbundId !== null &&
		(await db
			.selectFrom('insats')
			.select('id')
			.where('id', '=', insatsId)
			.where('forbund_id', '=', forbundId)
			.executeTakeFirst());
	if (!found) {
		throw new TRPCError({ code: 'BAD_REQUEST', message: 'Välj en av förbundets egna insatser.' });
	}
}

/**
 * Refuses a joint project's phase the förbund is not a partner of, for its delprojekt (the
 * database's app_is_phase_partner, migration 0026, which sees past RLS: the project may be a draft).
 */
export async function assertPhasePartner(db: Q, phaseId: number, forbundId: number): Promise<void> {
	const { rows } = await sql<{
		ok: boolean;
	}>`select app_is_phase_partner(${phaseId}::integer, ${forbundId}::integer) as ok`.execute(db);
	if (!rows[0]?.ok) {
		throw new TRPCError({
			code: 'BAD_REQUEST',
			message: 'Förbundet är inte partner i den fasen av projektet: välj en fas där ni är med.'
		});
	}
}
