import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createDb } from './client.ts';
import { createTestDatabase } from './testing/index.ts';

// The servers' Kysely sends data statements as named prepared statements (prepared.ts). Checked
// against a real PostgreSQL, through pg_prepared_statements, which lists a session's statements.

const { url } = await createTestDatabase();

/** The named statements of the session that runs this, with how many times each ran on the generic or a custom plan. */
const preparedHere = sql<{
	name: string;
	statement: string;
	runs: number;
}>`select name, statement, (generic_plans + custom_plans)::int as runs from pg_prepared_statements`;

describe('named prepared statements', () => {
	it('prepares a read once per connection and reuses it with new values', async () => {
		const db = createDb({ connectionString: url, max: 1 });
		try {
			for (const slug of ['sus', 'hbs', 'varna', 'sus', 'sus', 'sus', 'sus'])
				await db.selectFrom('forbund').select('slug').where('slug', '=', slug).execute();
			const { rows } = await preparedHere.execute(db);
			const forbund = rows.filter((r) => r.statement.includes('from "forbund"'));
			expect(forbund).toHaveLength(1);
			expect(forbund[0]!.name).toMatch(/^rp_\d+$/);
			expect(forbund[0]!.runs).toBe(7);
		} finally {
			await db.destroy();
		}
	});

	it('leaves DDL, transaction control and settings unnamed, and can be turned off', async () => {
		const db = createDb({ connectionString: url, max: 1 });
		const plain = createDb({ connectionString: url, max: 1, prepare: false });
		try {
			await db.transaction().execute(async (trx) => {
				await sql`select set_config('app.user_id', '', true)`.execute(trx);
				await sql`create temporary table scratch (n int) on commit drop`.execute(trx);
			});
			const named = (await preparedHere.execute(db)).rows.map((r) => r.statement);
			expect(named.some((s) => /create|begin|commit/i.test(s))).toBe(false);
			// select set_config is a select: naming it is harmless, and it stays correct.
			await plain.selectFrom('region').select('slug').execute();
			expect((await preparedHere.execute(plain)).rows).toEqual([]);
		} finally {
			await Promise.all([db.destroy(), plain.destroy()]);
		}
	});

	it('repeats a read whose prepared plan a migration made stale, and drops that connection', async () => {
		const owner = createDb({ connectionString: url, max: 1 });
		try {
			await sql`create table prepared_probe (id int primary key)`.execute(owner);
			await sql`insert into prepared_probe values (1)`.execute(owner);
			const read = () =>
				owner
					.selectFrom('prepared_probe' as never)
					.selectAll()
					.execute();
			expect(await read()).toEqual([{ id: 1 }]);
			// `select *` now has another column: PostgreSQL refuses the prepared statement's old shape.
			await sql`alter table prepared_probe add column note text default 'ny'`.execute(owner);
			expect(await read()).toEqual([{ id: 1, note: 'ny' }]);
			// The next checkout is a new connection, without the stale statement.
			expect(await read()).toEqual([{ id: 1, note: 'ny' }]);
			// Inside a transaction the error has aborted the transaction: it is reported, not hidden, and
			// the connection is dropped all the same, so the next try succeeds.
			await sql`alter table prepared_probe add column extra int`.execute(owner);
			const inTransaction = () =>
				owner.transaction().execute((trx) =>
					trx
						.selectFrom('prepared_probe' as never)
						.selectAll()
						.execute()
				);
			await expect(inTransaction()).rejects.toThrow(/cached plan must not change result type/);
			await expect(inTransaction()).resolves.toEqual([{ id: 1, note: 'ny', extra: null }]);
		} finally {
			await sql`drop table if exists prepared_probe`.execute(owner);
			await owner.destroy();
		}
	});
});
