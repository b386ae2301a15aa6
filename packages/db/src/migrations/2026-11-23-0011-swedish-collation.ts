import { type Kysely, sql } from 'kysely';

// Frozen in time: imports nothing but kysely.
//
// Names sort the Swedish way: Å, Ä, Ö last and in that order, and case does not decide (the
// database's C.UTF-8 sorted "Ärla" before "Åre" and every capital before "a"). ICU's Swedish
// collation (`sv-x-icu`) on the names people read in lists: regions, förbund and people. A
// PostgreSQL built without ICU has no such collation; there the names keep the database's order.

const NAMES = [
	['region', 'name'],
	['forbund', 'name'],
	['forbund', 'short_name'],
	['app_user', 'name']
] as const;

async function setCollation(db: Kysely<any>, collation: string) {
	for (const [table, column] of NAMES) {
		await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} type text collate ${sql.id(collation)}`.execute(
			db
		);
	}
}

export async function up(db: Kysely<any>): Promise<void> {
	const { rows } = await sql<{ found: boolean }>`select exists (
		select from pg_collation where collname = 'sv-x-icu') as found`.execute(db);
	if (rows[0]?.found) await setCollation(db, 'sv-x-icu');
}

export async function down(db: Kysely<any>): Promise<void> {
	await setCollation(db, 'default');
}
