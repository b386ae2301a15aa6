import { initTRPC, TRPCError } from '@trpc/server';
import type { Membership } from '@regionportalen/db';
import type { Db } from '@regionportalen/db/client';
import type { RateLimitedError, SessionUser } from '@regionportalen/auth';
import { sql } from 'kysely';
import { z } from 'zod';
import { requiresTwoFactor } from './access.ts';
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
	/**
	 * The signed-in person's session: whether it passed a second factor. A person with a privileged
	 * role whose session has not gets nothing that depends on their memberships.
	 */
	session: { id: string; twoFactorVerified: boolean } | null;
	/** The public origin of the site serving the request: links in e-mails point there. */
	origin?: string;
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
 * that fails rolls back, so writes that belong together are never half-done.
 */
const ROLLBACK = Symbol('rollback');

const tenantTransaction = t.middleware(async ({ ctx, next }) => {
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
	if (requiresTwoFactor(memberships) && !ctx.session?.twoFactorVerified) {
		// Half-way through sign-in: no roles, and to the database nobody at all.
		await sql`select set_config('app.user_id', '', true)`.execute(ctx.db);
		return next({ ctx: { user: ctx.user, memberships: [] as Membership[], twoFactorPending: true } });
	}
	return next({ ctx: { user: ctx.user, memberships: memberships as Membership[], twoFactorPending: false } });
});

const twoFactorGate = t.middleware(({ ctx, next }) => {
	if ((ctx as { twoFactorPending?: boolean }).twoFactorPending) {
		throw new TRPCError({
			code: 'FORBIDDEN',
			message: 'Logga in med tvåstegsverifiering för att komma åt det här.'
		});
	}
	return next();
});

export const signedInProcedure = procedure.meta({ access: 'signed-in' }).use(signedIn);
export const roleCheckedProcedure = procedure.meta({ access: 'role-checked' }).use(signedIn).use(twoFactorGate);

export type SignedInContext = Context & { user: SessionUser; memberships: Membership[] };

/** The API's refusal for a throttled caller: 429, with Retry-After over HTTP (see http.ts). */
export function tooManyRequests(error: RateLimitedError): TRPCError {
	return new TRPCError({ code: 'TOO_MANY_REQUESTS', message: error.message, cause: error });
}
