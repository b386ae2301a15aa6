import { createTestDatabase, seedFixtures } from '@regionportalen/db/testing';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createCallerFactory, createTRPCRouter, publicProcedure, signedInProcedure } from '../src/core/trpc.ts';
import { expectTrpcError, snapshotNews } from './helpers.ts';

// A visitor's query runs outside a transaction (trpc.ts): these procedures look at the database
// from inside one, to prove that it is still a visitor with a visitor's rights, and that everything
// else keeps its transaction.

const { db, owner } = await createTestDatabase();
const fx = await seedFixtures(owner);

/** Two statements' transaction ids: equal inside one transaction, different in autocommit. */
async function transactionIds(q: typeof db) {
	const first = await sql<{ id: string }>`select pg_current_xact_id()::text as id`.execute(q);
	const second = await sql<{ id: string }>`select pg_current_xact_id()::text as id`.execute(q);
	return [first.rows[0]!.id, second.rows[0]!.id];
}

const probe = createTRPCRouter({
	look: publicProcedure.query(async ({ ctx }) => {
		const [a, b] = await transactionIds(ctx.db);
		const caller = await sql<{ id: number | null }>`select app_user_id() as id`.execute(ctx.db);
		const titles = (await ctx.db.selectFrom('news').select('title').orderBy('title').execute()).map((r) => r.title);
		return { inTransaction: a === b, caller: caller.rows[0]!.id, titles };
	}),
	tryToWrite: publicProcedure.query(async ({ ctx }) => {
		await ctx.db
			.insertInto('news')
			.values({ region_id: fx.regions.norr, forbund_id: fx.forbund.a, slug: 'intrang', title: 'Intrång' })
			.execute();
	}),
	tryToChange: publicProcedure.query(async ({ ctx }) => {
		const result = await ctx.db.updateTable('news').set({ title: 'Kapad' }).executeTakeFirst();
		return Number(result.numUpdatedRows);
	}),
	visitorMutation: publicProcedure.mutation(async ({ ctx }) => {
		const [a, b] = await transactionIds(ctx.db);
		return { inTransaction: a === b };
	}),
	signedInLook: signedInProcedure.query(async ({ ctx }) => {
		const [a, b] = await transactionIds(ctx.db);
		const caller = await sql<{ id: number | null }>`select app_user_id() as id`.execute(ctx.db);
		return { inTransaction: a === b, caller: caller.rows[0]!.id };
	})
});
const callerFor = createCallerFactory(probe);
const visitor = callerFor({ db, user: null, session: null });
const editor = callerFor({
	db,
	user: { id: fx.users.editorA, email: 'a@test.example', name: 'A' },
	session: { id: 'test-session', twoFactorVerified: true }
});

await owner
	.insertInto('news')
	.values([
		{ region_id: fx.regions.norr, forbund_id: fx.forbund.a, slug: 'utkast', title: 'Utkast' },
		{
			region_id: fx.regions.norr,
			forbund_id: fx.forbund.a,
			slug: 'ute',
			title: 'Ute',
			status: 'published',
			published_at: new Date('2024-01-01')
		},
		{
			region_id: fx.regions.norr,
			forbund_id: fx.forbund.a,
			slug: 'senare',
			title: 'Senare',
			status: 'scheduled',
			published_at: new Date('2999-01-01')
		}
	])
	.execute();

describe("a visitor's query, outside a transaction", () => {
	it('runs without one, as nobody, and RLS still shows only what is published and due', async () => {
		expect(await visitor.look()).toEqual({ inTransaction: false, caller: null, titles: ['Ute'] });
	});

	it('cannot write: RLS refuses an insert and an update finds nothing it may change', async () => {
		const before = await snapshotNews(owner);
		// The database refuses it (42501), and the caller hears that in Swedish, not the policy's name.
		const refused = await expectTrpcError(visitor.tryToWrite(), 'FORBIDDEN');
		expect((refused.cause as Error).message).toMatch(/row-level security/);
		expect(refused.message).toBe('Du har inte behörighet att göra det här.');
		expect(await visitor.tryToChange()).toBe(0);
		expect(await snapshotNews(owner)).toEqual(before);
	});

	it("never runs as someone else, right after a signed-in person's transactions on the same pool", async () => {
		const results = await Promise.all(
			Array.from({ length: 8 }, (_, i) => (i % 2 ? visitor.look() : editor.signedInLook()))
		);
		for (const [i, result] of results.entries()) {
			expect(result.caller).toBe(i % 2 ? null : fx.users.editorA);
			expect(result.inTransaction).toBe(i % 2 === 0);
		}
		expect((await visitor.look()).titles).toEqual(['Ute']);
	});

	it("keeps the tenant transaction for a visitor's mutation and for a signed-in person's query", async () => {
		expect(await visitor.visitorMutation()).toEqual({ inTransaction: true });
		expect(await editor.signedInLook()).toEqual({ inTransaction: true, caller: fx.users.editorA });
	});
});
