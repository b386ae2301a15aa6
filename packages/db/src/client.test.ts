import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { inTransaction } from './client.ts';
import { createTestDatabase } from './testing/index.ts';

// inTransaction: the writes of a multi-statement function (a password change and the end of the
// person's sessions, a change and its audit entry) commit or roll back together.

const { owner } = await createTestDatabase();
await sql`create table tx_probe (n int)`.execute(owner);
const count = async () =>
	(
		await owner
			.selectFrom('tx_probe' as never)
			.select(sql<number>`count(*)::int`.as('n'))
			.executeTakeFirstOrThrow()
	).n;

describe('inTransaction', () => {
	it('runs the work in a transaction of its own: a failure keeps none of it', async () => {
		await expect(
			inTransaction(owner, async (trx) => {
				await sql`insert into tx_probe values (1)`.execute(trx);
				throw new Error('halfway');
			})
		).rejects.toThrow('halfway');
		expect(await count()).toBe(0);
	});

	it('joins the caller’s transaction, so the caller’s rollback takes the work back too', async () => {
		await expect(
			owner.transaction().execute(async (outer) => {
				await inTransaction(outer, async (trx) => {
					expect(trx).toBe(outer);
					await sql`insert into tx_probe values (2)`.execute(trx);
				});
				throw new Error('the caller fails after the work');
			})
		).rejects.toThrow('the caller fails');
		expect(await count()).toBe(0);
		await inTransaction(owner, (trx) => sql`insert into tx_probe values (3)`.execute(trx));
		expect(await count()).toBe(1);
	});
});
