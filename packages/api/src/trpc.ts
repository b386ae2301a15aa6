import { initTRPC, TRPCError } from '@trpc/server';
import type { Membership } from '@regionportalen/db';
import type { Db } from '@regionportalen/db/client';
import type { SessionUser } from '@regionportalen/auth';
import type { SiteFactsCache } from './domain/sites.ts';
import { sql } from 'kysely';
import { z } from 'zod';
import { transformer } from './transformer.ts';
import './zod-sv.ts';

/*
 * 1. CONTEXT
 * Built by the host app (a SvelteKit hook, a test) from the request's session and the db; this
 * package never imports the web framework.
 */
export interface Context {
	db: Db;
	user: SessionUser | null;
	/** A server's cache of the registered sites' facts; without one, every lookup reads the database. */
	siteFacts?: SiteFactsCache;
}

export function createContext(ctx: Context): Context {
	return ctx;
}

/*
 * 2. INITIALISATION
 * Every procedure declares who may call it in its meta (`access`); a test enumerates the router
 * and fails on a procedure without one.
 */
export type Access = 'public' | 'signed-in' | 'role-checked';
export interface Meta {
	access: Access;
}

const t = initTRPC
	.context<Context>()
	.meta<Meta>()
	.create({
		transformer,
		errorFormatter({ shape, error }) {
			return {
				...shape,
				data: {
					...shape.data,
					issues: error.cause instanceof z.ZodError ? error.cause.issues : null
				}
			};
		}
	});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/*
 * 3. THE TENANT TRANSACTION
 * Every procedure runs in one transaction that first tells PostgreSQL who is asking
 * (set_config(…, true): transaction-local, so a pooled connection never carries it to the next
 * request). Row-level security then holds even where a check in this code is missing. A procedure
 * that fails rolls back, so writes that belong together are never half-done. A visitor's query runs
 * without one (see below).
 */
const ROLLBACK = Symbol('rollback');

const tenantTransaction = t.middleware(async ({ ctx, type, next }) => {
	// A visitor's read needs none of it: app.user_id is only ever set transaction-locally, so outside
	// a transaction it is unset, which RLS reads as "visitor" — the same rights as a visitor's
	// transaction, without its three extra round trips (BEGIN, set_config, COMMIT) per procedure.
	// Writes, and everything a signed-in person does, keep the transaction.
	if (!ctx.user && type === 'query') return next();
	let result: Awaited<ReturnType<typeof next>> | undefined;
	try {
		await ctx.db.transaction().execute(async (trx) => {
			await sql`select set_config('app.user_id', ${ctx.user ? String(ctx.user.id) : ''}, true)`.execute(trx);
			result = await next({ ctx: { db: trx } });
			if (!result.ok) throw ROLLBACK;
		});
	} catch (error) {
		if (error !== ROLLBACK) throw error;
	}
	return result!;
});

/*
 * 4. PROCEDURES
 * public: anyone. signed-in: any signed-in person; the context gains `user` and `memberships`.
 * role-checked: signed-in, and the body must call an `assert…` from access.ts for the förbund or
 * region the data belongs to before it reads or writes anything protected.
 */
const procedure = t.procedure.use(tenantTransaction);

export const publicProcedure = procedure.meta({ access: 'public' });

const signedIn = t.middleware(async ({ ctx, next }) => {
	if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Du måste logga in.' });
	const memberships = await ctx.db.selectFrom('membership').selectAll().where('user_id', '=', ctx.user.id).execute();
	return next({ ctx: { user: ctx.user, memberships: memberships as Membership[] } });
});

export const signedInProcedure = procedure.meta({ access: 'signed-in' }).use(signedIn);
export const roleCheckedProcedure = procedure.meta({ access: 'role-checked' }).use(signedIn);

export type SignedInContext = Context & { user: SessionUser; memberships: Membership[] };
